"""People: a name in full, a name two people share, a surname standing alone."""

from __future__ import annotations

import re
from typing import Callable, Collection

from newsreel.text.casting import (
    cast_after, cast_before, character_noun_before, given_name_cast_after, rank_before, story_role_before,
)
from newsreel.text.gazetteer import Candidate, Gazetteer
from newsreel.text.mentions.named import Named
from newsreel.text.mentions.tokens import Span, Tokens
from newsreel.text.normalize import NAME_WORDS, PICTURE_CREDIT_WORDS, fold, is_common

# Words after a sentence-opening surname that make it a person ("Stone said", "Stone had").
SAYING = frozenset(
    "said says say told tells added adds explained explains recalled recalls noted notes admitted admits "
    "laughed laughs agreed agrees argued argues insisted insists continued continues replied replies "
    "wrote writes was is has had who also then never will would could can did does didn doesn isn wasn "
    "hasn won wins took takes made makes knew knows thinks thought".split()
)


# Confidence of each way of naming a person (docs/text-core.md, "Mentions: confidence").
FULL_NAME, ALIAS_NAME, VARIANT_NAME, SURNAME = 0.95, 0.9, 0.85, 0.85
SHARED_NAME_HERE, SHARED_NAME_ELSEWHERE = 0.8, 0.7


def person_confidence(candidate: Candidate) -> float:
    """A person named by one spelling the graph holds for them alone."""
    return (FULL_NAME, ALIAS_NAME, VARIANT_NAME)[min(candidate.name_kind, 2)]


def person_shape_ok(t: Tokens, span: Span) -> bool:
    """Whether the span is written like a person's name (capitalized; a one-word name that is
    also an everyday word only mid-sentence and standing alone)."""
    words = t.words(span.first, span.last)
    spaced = [i for i in words if t.spaced[i]] or words  # "Nyong'o": judge "Nyong"
    if not words or not t.raw[spaced[-1]][:1].isupper():
        return False
    if len(words) == 1:
        word = t.folded[words[0]]
        if is_common(word) or word in NAME_WORDS:
            return not t.sentence_initial(span.first) and not t.in_longer_name(span.first, span.last)
    return True


def credited_on(gaz: Gazetteer, name: str, films: Collection[str]) -> bool:
    """Is `name` a person of the graph credited on one of `films`?"""
    return any(c.kind == "person" and not films.isdisjoint(gaz.films_of(c.key)) for c in gaz.lookup(fold(name)))


def acts_in(gaz: Gazetteer, name: str, films: Collection[str]) -> bool:
    """Is `name` a person of the graph credited as an actor on one of `films`?"""
    keys = {c.key for c in gaz.lookup(fold(name)) if c.kind == "person"}
    return bool(keys) and any(
        credit.person in keys and credit.role == "actor" for film in films for credit in gaz.credits_of(film))


def surname_acts_in(gaz: Gazetteer, surname: str, films: Collection[str]) -> bool:
    """Is someone credited as an actor on one of `films` called `surname`?"""
    wanted = (fold(surname),)
    return any(
        credit.role == "actor" and gaz.surname(credit.person) == wanted for film in films for credit in gaz.credits_of(film)
    )


def plays_in(gaz: Gazetteer, films: Callable[[], Collection[str]]) -> Callable[[str, str], bool]:
    """For "Ruth (Ilse Marchbank)" or "Ruth (Marchbank)": is the name in parentheses the actor, credited on a film
    the article sets in italics or quotes (`films`, read only when asked), and the name before
    it not? A review may write it the other way round, "Ilse Marchbank (Ruth)". When both are
    credited, the one credited as an actor there is the actor and the other the character
    ("Father Thomas Keel (Tobiah Renwick)", where a Thomas Keel worked on the film's crew)."""
    def is_actor(name: str, actor: str) -> bool:
        shown = films()
        if " " not in actor:
            # "Hester Pike (Abernathy)": a surname alone is the actor's when someone of that
            # surname acts in a film the article names and the name before it is credited on
            # none of them (round twenty-six).
            return surname_acts_in(gaz, actor, shown) and not credited_on(gaz, name, shown)
        if not credited_on(gaz, actor, shown):
            return False
        if not credited_on(gaz, name, shown):
            return True
        return acts_in(gaz, actor, shown) and not acts_in(gaz, name, shown)
    return is_actor


def cast_as_character(
    t: Tokens, span: Span, is_actor: Callable[[str, str], bool], credited: Callable[..., bool]
) -> bool:
    """Is the name a character the article casts an actor as, written before the actor: "Bran
    Mallory, the mercenary played by …", "Ned Aldous (Ruairi Tennant)" (`plays_in`), or after a
    casting verb, a part in the story or the noun "character" ("plays X", "the patriarch, X,",
    "the character X") of someone not `credited` on the article's films?"""
    after = t.end[span.last]
    text = t.paragraphs[span.para].text
    at = t.start[span.first]
    if rank_before(text, at):
        return True  # "the trooper, Sgt. Dana Hale": a rank is a character's, never a filmmaker's
    if cast_before(text, at) or story_role_before(text, at) or character_noun_before(text, at):
        # "Ekdahl plays Marguerite Sallow", "The patriarch, Augustin Harrow,": a part in the
        # story, unless the graph credits the person on a film the article names (then an
        # actor's name stands for the part, as in "she plays Ada Varga's double"). A part
        # described right after the name ("plays Ada Lusk, the schoolmistress who …") is the
        # part unless the graph credits the name on a film its own paragraph names (a cameo in
        # the film being described; a namesake credited on an older film named elsewhere is
        # not one, round forty-two).
        name = text[at:after]
        if not credited(name):
            return True
        return part_described_after(text, after) and not credited(name, span.para)
    actor = actor_as_before(text, at)
    if actor is not None and not text.startswith(("'s", "’s"), after) and credited(actor):
        # A caption's or a cast list's "Mira Oakes as Ada Lusk", the actor credited on the
        # article's films: the order says which is the part, whoever else has its name (round
        # forty-two). Not "as Ada Lusk's rival", whose part is the rival.
        return True
    if given_name_cast_after(text, after, text[at:after]):
        return True  # "follows Maren Holt, a keeper's widow. Ada Varga plays Maren."
    if text.startswith(")", after) and _PART_IN_PARENTHESIS_RE.search(text, max(0, at - 80), at):
        # An oral history's label or a cast list, "Sunna Ree (actor, Maud Elphick):": the part
        # the named actor plays, whoever in the graph shares its name (round forty-three).
        return True
    if text.startswith(("\"", "”"), after) and text.endswith(("\"", "“"), 0, at):
        # A video's caption, "LOWER THIRD: Calum Reid, “Ewan Tolley”": the name in quotes after
        # an actor of the article's films, whom the graph does not credit there, is the part
        # (round forty-nine).
        actor = _ACTOR_BEFORE_QUOTED_PART_RE.search(text, max(0, at - 80), at)
        if actor is not None and credited(actor.group(1)) and not credited(text[at:after]):
            return True
    if text.startswith(")", after) and text.endswith("(", 0, at):
        # A press kit's cast list, "BRANNA VEY (Silas Marrow)": the name in parentheses after
        # an actor credited on the article's films is the part, when the graph credits nobody
        # of that name there (round forty-seven).
        actor = _ACTOR_BEFORE_PARENTHESIS_RE.search(text, max(0, at - 80), at)
        if actor is not None and credited(actor.group(1)) and not credited(text[at:after]):
            return True
    # Only a parenthesis, or "played" within the sentence after, may cast it (cheap tests
    # before the pattern, which runs for every name followed by a comma otherwise).
    if not text.startswith(" (", after) and text.find("played", after, after + 160) < 0:
        return False
    actor = cast_after(text, after)
    if actor is None:
        return False
    name = text[t.start[span.first]:after]
    return actor == "" or is_actor(name, actor)


# "Sunna Ree (actor, " or "Sunna Ree (as " just before a name closing the parenthesis: the part.
_PART_IN_PARENTHESIS_RE = re.compile(
    r"[A-Z][\w’'\-]+\s*\((?:(?:actor|actress|star|cast)\s*,\s*(?:playing\s+)?|as\s+|playing\s+|plays\s+)$"
)
# "Branna Vey (" just before a name: the actor whose part the parenthesis gives.
_ACTOR_BEFORE_PARENTHESIS_RE = re.compile(r"(?<![\w’'\-])((?:[A-Z][\w’'\-]+\s+){1,3}[A-Z][\w’'\-]+)\s*\($")
# "Calum Reid, “" just before a name: the actor whose part the quoted name is, in a caption.
_ACTOR_BEFORE_QUOTED_PART_RE = re.compile(r"(?<![\w’'\-])((?:[A-Z][\w’'\-]+\s+){1,3}[A-Z][\w’'\-]+),\s+[\"“]$")
# A part described in apposition right after its name: ", the schoolmistress who", ", a drover".
_PART_DESCRIBED_RE = re.compile(r",\s+(?:the|a|an)\s+[a-z]")
# "Mira Oakes as " just before a name: an actor cast as the part that follows, in a caption or a
# cast list. The actor's name is two to four capitalised words.
_ACTOR_AS_RE = re.compile(r"(?<![\w’'\-])((?:[A-Z][\w’'\-]+\s+){1,3}[A-Z][\w’'\-]+)\s+as\s+$")


def part_described_after(text: str, after: int) -> bool:
    """Is the name ending at `after` followed by a part's description in apposition?"""
    return _PART_DESCRIBED_RE.match(text, after) is not None


def actor_as_before(text: str, at: int) -> str | None:
    """The actor's name in "Mira Oakes as " ending at `at`, or None."""
    if not text.startswith(" as ", at - 4):
        return None  # the cheap test
    found = _ACTOR_AS_RE.search(text, max(0, at - 80), at)
    return None if found is None else found.group(1)


# A nickname in quotation marks inside a name: Thomasina "Tommy" Brandt, Ada ‘Dee’ Varga.
# Searched from the nickname's opening mark (a scan from every word's start cost six times more);
# the given name is then the word before it.
_NICKNAMED_RE = re.compile(r" [\"“‘']([A-Z][\w’'\-.]*)[\"”’'] ([A-Z][\w’'\-]*)\b")
_GIVEN_BEFORE_RE = re.compile(r"(?<![\w’'\-])[A-Z][\w’'\-]*$")
_POSSESSIVE_S_RE = re.compile(r"[’']s$")


def nicknamed(gaz: Gazetteer, t: Tokens) -> list[tuple[int, int, Candidate]]:
    """Each name written with a nickname in quotation marks between its given name and its
    surname, when the name without the nickname is one person of the graph: (first token,
    last token, that person)."""
    found = []
    for index, paragraph in enumerate(t.paragraphs):
        if "“" not in paragraph.text and '"' not in paragraph.text and "‘" not in paragraph.text:
            continue
        for match in _NICKNAMED_RE.finditer(paragraph.text):
            given = _GIVEN_BEFORE_RE.search(paragraph.text, max(0, match.start() - 40), match.start())
            if given is None:
                continue
            # "Wilhelmina “Mina” Gatt's film": the possessive is no part of the surname (round fifty-three).
            surname = _POSSESSIVE_S_RE.sub("", match.group(2))
            people = [c for c in gaz.lookup(fold(f"{given.group(0)} {surname}")) if c.kind == "person"]
            if len(people) != 1:
                continue
            first = t.para.index(index)
            while t.start[first] < given.start():
                first += 1
            last = first
            while t.end[last] < match.start(2) + len(surname):
                last += 1
            found.append((first, last, people[0]))
    return found


def decide_person(gaz: Gazetteer, named: Named, span: Span) -> Candidate | None:
    """Of the people sharing a name, the one credited on a film the article names; None
    when no one stands out by a full point."""
    scores = []
    for candidate in map(gaz.candidate, span.entries):
        if candidate.kind != "person" or not person_shape_ok(named.tokens, span):
            continue
        score = 0
        for film_key in gaz.films_of(candidate.key):
            paras = named.film_paras.get(film_key)
            if paras:
                score = max(score, 3 if span.para in paras else 2)
        scores.append((score, candidate))
    if not scores:
        return None
    scores.sort(key=lambda pair: -pair[0])
    if len(scores) > 1 and scores[0][0] - scores[1][0] < 1:
        return None
    return scores[0][1]


def shared_name_confidence(gaz: Gazetteer, named: Named, span: Span, candidate: Candidate) -> float:
    """A name several people share, settled by a credit on a film named in the same paragraph
    (0.8) or only elsewhere in the article (0.7)."""
    for film_key in gaz.films_of(candidate.key):
        if span.para in named.film_paras.get(film_key, ()):
            return SHARED_NAME_HERE
    return SHARED_NAME_ELSEWHERE


def accept_surnames(gaz: Gazetteer, named: Named, covered: set[int]) -> None:
    """Accept each surname standing alone that only one person named earlier in full carries.

    `covered` holds the tokens inside any name the gazetteer matched: a surname there is part
    of that name.
    """
    t = named.tokens
    full: list[tuple[int, str]] = []  # (token after the full name, person key)
    surnames: dict[tuple[str, ...], set[str]] = {}
    for first, (kind, key, last) in named.accepted.items():
        if kind == "person":
            surname = gaz.surname(key)
            if surname:
                if not _set_apart_before(named.tokens, first):
                    full.append((last + 1, key))
                surnames.setdefault(surname, set()).add(key)
    if not full:
        return
    full.sort()
    heads = {surname[0] for surname in surnames}
    outside = _named_outside(t, covered, heads)
    new: list[tuple[int, int, str]] = []
    for i in t.positions(heads, full[0][0]):
        if i in covered:
            continue
        for surname, keys in surnames.items():
            last = i + len(surname) - 1
            if tuple(t.folded[i : last + 1]) != surname or t.para[last] != t.para[i]:
                continue
            if not any(t.raw[j][:1].isupper() for j in range(i, last + 1)):
                break
            named_before = {key for position, key in full if position <= i and key in keys}
            if len(named_before) > 1:
                # "Halvard Quist … Hanne Quist, who cast her, said …; “…,” Quist said": of several
                # people with the surname, the one named in full earlier in the same paragraph.
                named_before = {key for position, key in full if position <= i and key in keys and t.para[position - 1] == t.para[i]}
            if len(named_before) == 1 and outside.get(surname):
                # "his nephew, Aled Brannock, …; Brannock said": a surname alone means the
                # person most recently named in full with it, in the graph or not (round
                # twenty-one). Named outside the graph after the graph person: not theirs.
                # The article's subject, named in full in the lede, keeps it: an obituary's
                # "Her son, Aled Maddox, said …" does not take "Maddox" from Corin Maddox.
                latest = max(position for position, key in full if position <= i and key in named_before)
                lede = any(t.para[position - 1] == 0 for position, key in full if key in named_before)
                since = [at for at in outside[surname] if latest <= at < i]
                # Unless the writer says the one named since is "no relation": a namesake set
                # apart so, whom the surname alone then means (round thirty-three).
                if since and (not lede or any(_no_relation(t, at) for at in since)):
                    break
                if _child_by_rank(t, i, outside[surname]):
                    # "his son, Emil Vasske, spoke … the younger Vasske said": the rank word says
                    # which of two relatives; the child named outside the graph (round forty).
                    break
                # The other way round: the graph person is the one the writer set apart ("Bram
                # Kettlewell, who is no relation to the showrunner", "(no relation)", "not related
                # to", "unrelated to") after a namesake outside the graph was named in full: the
                # surname alone stays the namesake's, however often the writer names him in full
                # again (round thirty-six). In a paragraph that names him in full before it, the
                # surname is still his, as the nearest ("Tobin Roake (no relation to the chief
                # executive) … “…,” Roake said").
                if any(_no_relation(t, position - 1) and any(at < position for at in outside[surname])
                       for position, key in full if position <= i and key in named_before) and not any(
                           t.para[position - 1] == t.para[i] for position, key in full if position <= i and key in named_before):
                    break
            if len(named_before) == 1 and not t.in_longer_name(i, last) and not t.continues_name(i, last) and _surname_shape_ok(t, i, last):
                new.append((i, last, named_before.pop()))
            break
    for first, last, key in new:
        named.accept(first, last, "person", key, SURNAME)


_NO_RELATION_REACH = 12  # tokens after a name where "no relation" may stand


def _no_relation(t: Tokens, at: int) -> bool:
    """Does the sentence of the name whose surname is token `at` say, within a few words after
    it, that they are "no relation" (to the other person of the surname)?"""
    for j in range(at + 1, min(at + _NO_RELATION_REACH, len(t.folded) - 1)):
        if t.para[j] != t.para[at] or t.folded[j] in (".", "!", "?") or t.folded[j] == t.folded[at]:
            # A sentence's end, or the surname again: the words after it are another's.
            return False
        pair = (t.folded[j], t.folded[j + 1])
        if pair in _NO_RELATION_PAIRS or t.folded[j] == "unrelated" and t.folded[j + 1] in ("to", ",", ")", "—", "-"):
            return True
    return False


#: "no relation", "not related (to)", "no relative (of)", "no kin (to)"
_NO_RELATION_PAIRS = frozenset({("no", "relation"), ("not", "related"), ("no", "relative"), ("no", "kin")})


def _set_apart_before(t: Tokens, first: int) -> bool:
    """Is the name starting at token `first` the object of "no relation to" ("She is no relation
    to the director Wilma Kestergard", "not related to", "unrelated to the filmmaker")? Then it is
    the namesake the writer sets apart, not a fresh naming in full that takes the surname alone
    from the person just introduced (round forty)."""
    for j in range(first - 1, max(first - 6, 1), -1):
        if t.para[j] != t.para[first] or t.folded[j] in (".", "!", "?", ",", "(", ")"):
            return False
        if t.folded[j] in ("to", "of"):
            if t.folded[j - 1] in ("or", "nor", "and"):
                # "no relation to Ada Sarrow, or to Bea Sarrow": every namesake the list sets apart
                return _no_relation_back(t, j - 1)
            return (t.folded[j - 2], t.folded[j - 1]) in _NO_RELATION_PAIRS or t.folded[j - 1] == "unrelated"
    return False


_YOUNGER_KIN = frozenset("son daughter grandson granddaughter nephew niece stepson stepdaughter".split())


def _child_by_rank(t: Tokens, i: int, outside: list[int]) -> bool:
    """Is the surname at token `i` written "the younger X", after a name outside the graph with
    it was introduced as a child ("his son, Emil Vasske", "her granddaughter Mira Vasske")?"""
    if i < 2 or t.folded[i - 1] not in ("younger", "youngest") or t.folded[i - 2] != "the":
        return False
    return any(at < i and any(t.folded[k] in _YOUNGER_KIN for k in range(max(at - 4, 0), at - 1)) for at in outside)


def _no_relation_back(t: Tokens, at: int) -> bool:
    """Does "no relation" stand earlier in the sentence of token `at`?"""
    for j in range(at - 1, max(at - 40, 1), -1):
        if t.para[j] != t.para[at] or t.folded[j] in (".", "!", "?"):
            return False
        if (t.folded[j - 1], t.folded[j]) in _NO_RELATION_PAIRS or t.folded[j] == "unrelated":
            return True
    return False


# A title before a surname names nobody new: "Mr Tollefsby", "Ms Lindeborg", "Dr Adeyemi".
_HONORIFICS = frozenset("mr mrs ms mx miss dr prof sir dame lord lady judge".split())


def _named_outside(t: Tokens, covered: set[int], heads: set[str]) -> dict[tuple[str, ...], list[int]]:
    """Where a name the graph does not hold is written in full with a surname of `heads`
    ("Aled Brannock" beside a graph Ffion Brannock): a capitalised first name that is no
    everyday word, right before the surname, neither inside a name the gazetteer matched.
    Surname (one word) -> the surname's token positions."""
    found: dict[tuple[str, ...], list[int]] = {}
    for i in t.positions(heads, 1):
        if i in covered or i - 1 in covered or t.para[i - 1] != t.para[i]:
            continue
        first = t.raw[i - 1]
        if not first[:1].isupper() or not t.raw[i][:1].isupper() or not first.isalpha():
            continue
        if is_common(t.folded[i - 1]) or t.folded[i - 1] in NAME_WORDS or not t.spaced[i]:
            continue
        if t.folded[i - 1] in _HONORIFICS:
            continue  # "Mr Tollefsby" is the Tollefsby named before, not a namesake (round fifty-three)
        if _picture_credit_before(t, i - 1):
            continue  # "Photograph: Oona Vick" credits a picture; "Vick says" is still the director (round fifty-seven)
        found.setdefault((t.folded[i],), []).append(i)
    return found


def _picture_credit_before(t: Tokens, first: int) -> bool:
    """Does a picture's credit label ("Photograph:", "Photo by") stand right before the name at `first`?"""
    j = first - 1
    while j >= 0 and t.para[j] == t.para[first] and t.folded[j] in ("*", "_"):
        j -= 1
    if j < 1 or t.para[j] != t.para[first] or t.folded[j] not in (":", "by"):
        return False
    return t.folded[j - 1] in PICTURE_CREDIT_WORDS


def _surname_shape_ok(t: Tokens, first: int, last: int) -> bool:
    """An everyday-word surname opening a sentence ("Young people...", "Stone walls...")
    counts only as a possessive or when a verb follows (a past tense, a verb of saying, an
    auxiliary): "Stone thanked the crew", not "Stone walls"."""
    if first != last or not is_common(t.folded[first]) or not t.sentence_initial(first):
        return True
    after = t.folded[last + 1] if last + 1 < len(t.folded) else ""
    return after in ("'", ",") or after in SAYING or (after.endswith("ed") and len(after) > 3)
