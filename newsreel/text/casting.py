"""Names an article casts an actor as: "plays Maren", "stars as Tamsin Hale", "plays the
inspector, Tamsin Hale", "returns as the sorceress Ysolde"; and, written the other way round,
"Ned Aldous, the mercenary played by Edwin Szabo", "Marcus Tell, played by Anton Greer",
"Winifred, who runs the farm, is played by Ada Varga", "Ysolde, the part she played in 2009",
"his sister Ruth (Ilse Marchbank)". Such a
name is a character's, so neither a film of that title nor a speaker in the news (mentions and
quotes both read it).

Depends on: nothing.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

_WORD = r"[A-Z][\w’'\-]*"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,2}}"
# Lower-case words of a role before the name ("the village schoolteacher"): not a preposition
# or "role"/"part", so "plays a key role in Mirrorfall" casts nobody as Mirrorfall.
_ROLE = r"(?:(?!(?:in|on|at|of|for|with|to|from|by|and|or|role|part|lead)\b)[a-z][\w’'\-]*\s+){1,3}"
# A longer role in apposition, its noun with a clause of its own ("plays the engineer sent to
# drain it, Hollis Vane"): five or six lower-case words, none a word that brings in another
# person or the film ("the mother of the director, X", "the lead in his new film, X").
_LONG_ROLE = r"(?:(?!(?:of|in|on|at|for|with|opposite|alongside|beside|by|from|and|or)\b)[a-z][\w’'\-]*\s+){4,5}[a-z][\w’'\-]*,\s+"
# A verb that casts, then the name; or the role first and the name in apposition to it ("plays
# the village schoolteacher, Hesper Lyle"), or right after it ("returns as the sorceress Ysolde").
CAST_RE = re.compile(
    r"\b(?:plays|played|playing|portrays|portrayed|portraying|voices|voiced|voicing|(?<=will )play|(?<=to )play|(?<=would )play"
    r"|(?:stars|starring|starred|cast|casts|returns|return|returning|returned|reprises|reprising)\s+as)"
    r"\s+(?:(?:the|a|an|his|her|their)\s+(?:(?:[a-z][\w’'\-]*\s+){0,3}?[a-z][\w’'\-]*,\s+|" + _LONG_ROLE + "|" + _ROLE + r"))?"
    rf"({_NAME})"
)
# What follows a character's name when the actor comes after it: ", the mercenary played in the
# original by", ", who runs the farm, is played by", ", the part she played", "(Ilse Marchbank)".
# "played with a terrible stillness by", "played, unforgettably, by" (round thirty-four: a word on
# the performance between the verb and the actor).
# The one who plays is a name, perhaps after a role ("by the newcomer Ada Varga"): "the score …
# was played by a nine-piece ensemble" casts nobody (round sixty-two).
_PLAYED_BY = (r"(?:played|voiced)(?:,\s+[a-z]+ly,)?\s+(?:[^,.;:!?“”\"()]{1,40}?\s+)?by\b"
              r"(?=\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w\-]*\s+){0,2}[A-Z])")
CAST_AFTER_NAME = (
    rf",\s+(?:the|a|an|his|her|their)\s+[^,.;:!?“”\"()]{{1,60}}?\b{_PLAYED_BY}"
    # "a land agent called Marcus Tell, played by Anton Greer": the actor straight after the name.
    rf"|,\s+{_PLAYED_BY}"
    r"|,\s+the\s+(?:part|role|character)\s+(?:she|he|they)\s+(?:played|plays|has\s+played|had\s+played)\b"
    # "Winifred, who runs the farm, is played by"; "X, the mine owner, is played … by" (round
    # thirty-four: the part's role in commas, then the verb).
    # "The widow, Agathe Brume, is played by": the name itself in apposition (round forty-five).
    rf"|(?:,\s+(?:who|whose)\s+[^.;:!?“”\"()]{{1,80}}?,|,\s+(?:the|a|an|his|her|their)\s+[^,.;:!?“”\"()]{{1,60}}?,|,)?"
    rf"\s+(?:is|was|will\s+be)\s+{_PLAYED_BY}"
    # "(Ilse Marchbank)", or the actor's surname alone once the cast was named ("(Marchbank)"):
    # the caller decides whether it is an actor's.
    rf"|\s+\((?P<actor>{_WORD}(?:\s+{_WORD}){{0,2}})\)"
)
_CAST_AFTER_RE = re.compile(CAST_AFTER_NAME)
_NAMED_BEFORE_RE = re.compile(rf"\b(?<![’'\-])({_NAME})(?={CAST_AFTER_NAME})")
# What any of those must hold, searched first: the name pattern looks ahead at every capital.
_PLAYED_HINT = r"\b(?:played|voiced)(?:,\s+[a-z]+ly,)?\s+(?:[^,.;:!?“”\"()]{1,40}?\s+)?by\b|\b(?:part|role|character)\s+(?:she|he|they)\s+(?:has\s+|had\s+)?play"
_PLAYED_HINT_RE = re.compile(_PLAYED_HINT)
_TWO_WORDS_RE = re.compile(rf"{_WORD}\s+{_WORD}")
# Capitalised words that open a sentence and name nobody ("The role, …, was played by").
_NOT_NAMES = frozenset("The A An His Her Their Its This That It He She They".split())


# A part in the story, never a job on the film, set before a name in commas: "The patriarch,
# Augustin Harrow, is already dead". Reviews introduce characters so; news never calls a real
# person "the protagonist" (unlike "the director, X" or "the widow, X", which may be real).
STORY_ROLES = ("patriarch", "matriarch", "protagonist", "heroine", "antagonist", "villain", "narrator", "antihero", "anti-hero")
_STORY_ROLE = rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)\s+(?:[a-z][\w’'\-]*\s+){{0,2}}(?:{'|'.join(STORY_ROLES)})s?,\s+"
_STORY_ROLE_BEFORE_RE = re.compile(_STORY_ROLE + r"$")
_STORY_ROLE_NAME_RE = re.compile(_STORY_ROLE + rf"({_NAME})")


# "the character Vera Sallis", "the title character, Ruth Marr,", "a character called Ysolde",
# "the character of Konrad Meier": the noun says the name is a part in a story ("character
# actor" names a real person's trade, and is followed by a lower-case word, not a name).
_CHARACTER_NOUN = r"\b(?:[Tt]he|[Aa]|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z][\w’'\-]*\s+){0,2}character(?:,\s+|\s+(?:of|called|named)\s+|\s+)"
_CHARACTER_BEFORE_RE = re.compile(_CHARACTER_NOUN + r"$")
_CHARACTER_NAME_RE = re.compile(_CHARACTER_NOUN + rf"({_NAME})")


# The given name alone right after the verb, or before "is played by" ("plays Maren", "Maren is
# voiced by"): a role or a clause between them may hold anything ("to play her because Maren").
_GIVEN_CAST = (
    r"\b(?:plays|played|portrays|portrayed|voices|voiced)\s+{0}(?![\w’'\-]|\s+[A-Z])"
    r"|(?<![\w’'\-]){0}\s+(?:is|was|will\s+be)\s+(?:played|voiced|portrayed)\b"
)


def character_noun_before(text: str, at: int) -> bool:
    """Does "the character " (or "a character called ", "the title character, ") end right at
    `at`, before a name?"""
    return "character" in text[max(0, at - 40) : at] and _CHARACTER_BEFORE_RE.search(text, max(0, at - 60), at) is not None


def _character_nouns(text: str) -> list[str]:
    """Names set after the noun "character": "the character Vera Sallis" gives Vera Sallis."""
    if "character" not in text:
        return []
    return [name for name in (_name_only(m.group(1)) for m in _CHARACTER_NAME_RE.finditer(text)) if name]


# A police or military rank before a name ("the trooper, Sgt. Dana Hale", "Detective Inspector
# Ruth Marr", "Capt. Oren Vale"): film journalism calls its real people by their jobs, never by a
# rank, so the name is a character's even when the graph credits someone so named (round
# twenty-nine: a thriller's trooper was linked to a crew member of another film).
_RANK = (
    r"(?:Sgt|Sergeant|Det|Detective|Insp|Inspector|Supt|Superintendent|Chief|Lt|Lieut|Lieutenant|Capt|Captain"
    r"|Cpl|Corporal|Pvt|Private|Constable|Officer|Marshal|Sheriff|Deputy|Cmdr|Commander|Admiral|Col|Colonel"
    r"|Gen|General|Maj|Major|Trooper|Agent|Sgt-Maj)"
)
_RANK_BEFORE_RE = re.compile(rf"(?<![\w’'\-]){_RANK}\.?(?:\s+{_RANK}\.?){{0,2}}\s+$")


def rank_before(text: str, at: int) -> bool:
    """Does a rank ("Sgt. ", "Detective Inspector ") end right at `at`, before a name?"""
    return _RANK_BEFORE_RE.search(text, max(0, at - 40), at) is not None


def cast_before(text: str, at: int) -> bool:
    """Does a verb that casts ("plays ", "will play the ferry pilot ") end right at `at`, before a name?"""
    window = text[max(0, at - 80) : at + 1]
    if "play" not in window and "portray" not in window and " as " not in window:
        return False
    # "plays Oren Vale's mother": the possessive's owner is a person, the part is the mother.
    return any(m.start(1) == at and not m.group(1).endswith(("'s", "’s"))
               for m in CAST_RE.finditer(text, max(0, at - 80), min(len(text), at + 80)))


def story_role_before(text: str, at: int) -> bool:
    """Does a part in the story ("the patriarch, ") end right at `at`, before a name?"""
    return text.startswith(", ", at - 2) and _STORY_ROLE_BEFORE_RE.search(text, max(0, at - 60), at) is not None


def _story_roles(text: str) -> list[str]:
    """Names set after a part in the story: "The patriarch, Augustin Harrow," gives Augustin Harrow."""
    if not any(role in text for role in STORY_ROLES):
        return []
    return [name for name in (_name_only(m.group(1)) for m in _STORY_ROLE_NAME_RE.finditer(text)) if name]


def cast_after(text: str, at: int = 0) -> str | None:
    """What casts the name that ends at `at` in `text` as a character: "" for a verb (", the
    mercenary played by …"), the actor's name for one in parentheses ("(Ilse Marchbank)": the
    caller decides whether that name is an actor's), None when nothing does."""
    match = _CAST_AFTER_RE.match(text, at)
    if match is None:
        return None
    return match.group("actor") or ""


def cast_names(texts: Iterable[str], is_actor: Callable[[str, str], bool] | None = None) -> list[str]:
    """Each name the texts cast an actor as, as written, in reading order.

    A name before another in parentheses ("Ruth (Ilse Marchbank)") counts only when
    `is_actor(name, name_in_parentheses)` says the second is the actor (a review may write it
    the other way round, "Ilse Marchbank (Ruth)"); without `is_actor`, never.
    """
    found: list[str] = []
    for text in texts:
        # The patterns are tried only on texts holding one of their words: searching every
        # paragraph of a 1,000-word article costs about 0.1 ms, testing for substrings far less.
        if "play" in text or "portray" in text or "voic" in text or "s as " in text or "ed as " in text or "ing as " in text or "cast as " in text or "return as " in text:
            found += [match.group(1) for match in CAST_RE.finditer(text)]
        found += _story_roles(text)
        found += _character_nouns(text)
        if _hinted(text, parentheses=is_actor is not None):
            for match in _NAMED_BEFORE_RE.finditer(text):
                name = _name_only(match.group(1))
                if not name:
                    continue
                actor = cast_after(text, match.end(1))
                if actor == "" or (actor and is_actor is not None and is_actor(name, actor)):
                    found.append(name)
    return found


def given_name_cast_after(text: str, after: int, name: str) -> bool:
    """Is the given name of `name` (its first or last word: "Maren" of Maren Holt, "Emi" of the
    family-first Sato Emi), alone, cast after `after` in the paragraph ("Ada Varga plays Maren",
    "Emi is voiced by …")? A review introduces its heroine in full and casts her by given name
    in the next breath: the full name is then the character's (round thirty-eight)."""
    words = name.split()
    if len(words) < 2:
        return False
    # Cheap tests first: a casting word and the given name again after the full name.
    rest = text[after:]
    if not ("play" in rest or "voic" in rest or "portray" in rest):
        return False
    for given in {words[0], words[-1]}:
        if given in rest and re.search(_GIVEN_CAST.format(re.escape(given)), rest):
            return True
    return False


def _hinted(text: str, parentheses: bool) -> bool:
    """Does the text hold what a cast after a name needs: "played by", "the part she played",
    or (when asked) a name of two words opening a parenthesis? Substring tests first: a pattern
    searched over every paragraph cost a tenth of a millisecond an article."""
    if ("played" in text or "voiced" in text) and _PLAYED_HINT_RE.search(text):
        return True
    if parentheses:
        at = text.find(" (")
        while at >= 0:
            if _TWO_WORDS_RE.match(text, at + 2):
                return True
            at = text.find(" (", at + 2)
    return False


def _name_only(name: str) -> str:
    """The name without a capitalised word opening the sentence before it ("The Ruth")."""
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words.pop(0)
    return " ".join(words)
