"""Scenes: a quotation that is a film's line rather than a person's own words: heard in
voice-over or off-screen, shown in a trailer, said again and again on a set, or a character's
line in a review ("“…,” she tells her sergeant") after the article casts the part.

Depends on: words, fragments, speakers, document, explicit. Imported by the attribution
modules above it (implied, attribution); it imports none of them.
"""

from __future__ import annotations

import re

from newsreel.text.sentences import last_sentence, split_sentences
from newsreel.text.quotes.fragments import _Fragment, _Group
from newsreel.text.quotes.speakers import _Speaker
from newsreel.text.quotes.document import _Doc
from newsreel.text.quotes.explicit import _lead


# An attribution that says the line is said over and over: "“…,” he says, for the eleventh
# time tonight," ("for the first time" repeats nothing).
_REPEATED_RE = re.compile(
    r"[\s,]*[^.!?“”\"]{1,40}?\b(?:says|said|tells|told|repeats|repeated|asks|asked)\b[^.!?“”\"]{0,30}?"
    r"\bfor\s+the\s+(?!first\b)(?:[a-z\-]+(?:nd|rd|th)|\d+(?:st|nd|rd|th))\s+time\b"
)


def _repeated_line(doc: _Doc, group: _Group) -> bool:
    """Is the quotation a line its speaker says again and again: a take on a set, a rehearsal?"""
    return any(f.closed and _REPEATED_RE.match(doc.text(f.close_at, f.close_at + 90)) for f in group.fragments)


# "she says in voice-over", "a man says off-screen": the attribution of a line heard in a film
# or a trailer, which a character speaks (or a narrator reads), never a person's own words.
# A documentary's narration is the film's, whoever voices it: "the narrator, the actor Maud
# Ferrier, says" (round fifty-six).
_VOICE_OVER_RE = re.compile(
    r"\b(?:in|via)\s+(?:a\s+|the\s+)?voice-?\s?over\b|\boff-?\s?screen\b"
    r"|\bthe\s+(?:film['’]s\s+|documentary['’]s\s+)?narrator\b|\bnarrates\b",
    re.IGNORECASE,
)
# The attribution clause after a closing mark, up to the end of its sentence.
_ATTRIBUTION_CLAUSE_RE = re.compile(r"[^.;!?“”\"\n]{0,80}")


def _voice_over(doc: _Doc, group: _Group) -> bool:
    """Is the quotation attributed as heard in voice-over or off-screen, after a fragment or in
    the lead-in before the first?"""
    for frag in group.fragments:
        if frag.closed:
            clause = _ATTRIBUTION_CLAUSE_RE.match(doc.text(frag.close_at, frag.close_at + 80))
            if clause and _VOICE_OVER_RE.search(clause.group(0)):
                return True
    lead, _ = _lead(doc, group.fragments[0])
    return _VOICE_OVER_RE.search(lead) is not None


# A piece about a trailer or a teaser, by its headline ("The *X* trailer is here", "First look:
# the teaser for *X*"): what its actors "say" in the present tense is what the trailer shows.
_TRAILER_PIECE_RE = re.compile(r"\b(?:trailer|teaser)s?\b", re.IGNORECASE)
# A present-tense scene verb ending the lead-in ("He grabs her arm and says:", "she says,"), or
# straight after the quotation with a name or pronoun ("…,” she whispers"); never "tells me".
_SCENE_VERBS = r"says|tells|asks|snaps|shouts|yells|whispers|warns|replies|answers|mutters|murmurs|growls|pleads|begs"
_SCENE_LEAD_RE = re.compile(rf"\b(?:{_SCENE_VERBS})\s*[:,]?\s*$")
_SCENE_AFTER_RE = re.compile(
    rf"[\s,]*(?:he|she|[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)\s+(?:{_SCENE_VERBS})\b"
    r"(?!\s+(?:me|us|reporters|journalists|the press|the audience|an interviewer|this|of|in|on|at)\b)"
)


def _trailer_line(doc: _Doc, group: _Group, key: str) -> bool:
    """Is the quotation a line of the trailer an article about a trailer describes: its speaker
    an actor the graph casts in a film the article names, saying it in the present tense of a
    scene ("He grabs her arm on the runway and says: “…”")? Their own words about the trailer
    are reported as any interview's ("she wrote", "he told us", "says of the shoot")."""
    if not _TRAILER_PIECE_RE.search(doc.headline or ""):
        return False
    lead, _ = _lead(doc, group.fragments[0])
    scene = _SCENE_LEAD_RE.search(lead) is not None or any(
        f.closed and _SCENE_AFTER_RE.match(doc.text(f.close_at, f.close_at + 60)) for f in group.fragments
    )
    return scene and _acts_in_named_film(doc, key)


# A lead-in that gives the quotation as "the line": "He says the line everyone was waiting for:",
# "delivers the last line:", "the line the fans wanted:", "had her line down to a whisper:" (an
# actor's line on a set, round forty-eight). A film's line, spoken by its actor in
# a trailer or a scene; elsewhere it may as well be the best line of somebody's speech ("had
# the best line of the night:"), so never sure (round forty-seven). Not an idiom's "line" ("the
# bottom line", "the party line", "the line producer").
_THE_LINE_LEAD_RE = re.compile(
    r"\b(?:the|her|his|their)\s+(?!(?:bottom|party|front|finish|picket|punch|tag|story|company|official|hard|fine)\s)(?:(?!(?:with|of|in|on|at|to|for|from|by|and|or|a|an|one|his|her|their|its)\s)[\w’'\-]+\s+){0,2}?"
    r"line\b(?!\s+(?:producer|manager|between|of\s+(?:work|credit|questioning|thinking|fire)))[^.!?“”\"]{0,60}?[:,]?\s*$",
    re.IGNORECASE,
)


# Words the lead-in gives to a film right before the quotation: "the first film's “…”".
_FILMS_OWN_WORDS_RE = re.compile(r"\b(?:film|movie|picture|original|sequel|trailer|episode)[’']s\s*$", re.IGNORECASE)


def _given_as_a_line(doc: _Doc, group: _Group) -> str | None:
    """"trailer" when the lead-in calls the quotation "the line" in a piece about a trailer, or
    gives it to a film outright ("the first film's"): the film's, nobody's; "held" when it
    calls it "the line" elsewhere; else None."""
    lead, _ = _lead(doc, group.fragments[0])
    if _FILMS_OWN_WORDS_RE.search(lead):
        return "trailer"  # "a line as sticky as the first film's “…”": the film's (round fifty-one)
    if _THE_LINE_LEAD_RE.search(lead) is None:
        return None
    return "trailer" if _TRAILER_PIECE_RE.search(doc.headline or "") else "held"


# "in *Halfpenny Bridge* Margery Quell says,": a person saying something inside a film.
_IN_FILM_SAYS_RE = re.compile(
    r"\s*,?\s*(?:says|said|tells|told|asks|asked|shouts|whispers|snaps|growls)"
    r"(?:\s+(?:the|a|an|her|his|their)\s+[a-z][\w\-]*)?\s*[,:]?\s*$"
)


def _says_in_a_film(doc: _Doc, group: _Group, key: str) -> bool:
    """Does the lead-in put the speaker inside a film they act in ("in *Halfpenny Bridge*
    Margery Quell says, “…”", "At the moment when Banks, alone on a hillside, says to his dead
    wife's barometer, “…”")? Then the words are the part's, whatever a reader claims (round
    fifty-seven; the moment of a film, round seventy-three)."""
    frag = group.fragments[0]
    lead, lead_start = _lead(doc, frag)
    person = next((m for m in reversed(doc.people_between(lead_start, frag.open_at)) if m.key == key), None)
    if person is None:
        return False
    if _MOMENT_WHEN_RE.search(doc.text(lead_start, person.start)) and _acts_in_named_film(doc, key):
        return True
    if not _IN_FILM_SAYS_RE.fullmatch(doc.text(person.end, frag.open_at)):
        return False
    before = doc.text(lead_start, person.start).rstrip(" ,*_")
    film = next((m for m in doc.film_mentions if lead_start <= m.start and doc.text(m.end, person.start).strip(" ,*_") == ""), None)
    if film is None or not re.search(r"\b[Ii]n\s+[*_]*$", doc.text(lead_start, film.start)):
        return False
    credits_of = getattr(doc.gazetteer, "credits_of", None)
    return bool(before) and credits_of is not None and any(
        c.person == key and c.role == "actor" for c in credits_of(film.key))


# "At the moment when ", "the scene where ", "in the shot in which ": a moment of the film,
# whose words are its parts' (round seventy-three).
_MOMENT_WHEN_RE = re.compile(r"\b(?:moment|scene|shot|sequence)\s+(?:when|where|in\s+which)\s+$", re.IGNORECASE)


def _acts_in_named_film(doc: _Doc, key: str) -> bool:
    """Does the graph credit `key` as an actor on a film the article names?"""
    credits_of = getattr(doc.gazetteer, "credits_of", None)
    if credits_of is None:
        return False
    return any(
        c.person == key and c.role == "actor"
        for film_key in {m.key for m in doc.film_mentions}
        for c in credits_of(film_key)
    )


# A character's line as a review reports it: a pronoun and a verb in the present tense, said to
# someone other than the writer ("she tells her sergeant", "he snaps"), never "she tells me".
_SCENE_VERB_RE = re.compile(
    r"[\s,]*(?:he|she)\s+(?:tells|says|asks|snaps|shouts|yells|whispers|warns|replies|answers|mutters|"
    r"insists|murmurs|growls|pleads|begs)\b(?!\s+(?:me|us|reporters|journalists|the press|the audience|"
    r"an interviewer|this)\b)"
)

# The one a scene's line is said to, by name: "he tells Ilse", "she asks Marit".
_SAID_TO_RE = re.compile(r"[\s,]*(?:he|she)\s+(?:tells|asks|warns|answers|begs)\s+([A-Z][\w’'\-]*)")
# The exchange a scene's line belongs to, named in its attribution: "he says, when Elspeth asks
# what …", "she replies as Maud turns away" (round twenty-six).
_SAID_WHEN_RE = re.compile(
    r"[\s,]*(?:he|she)\s+[a-z]+\b,?\s+(?:when|as|after|while|once|before)\s+([A-Z][\w’'\-]*)\b"
)
# Said to "him"/"her" in a scene, and a paragraph that casts someone as a part.
_SAID_TO_PRONOUN_RE = re.compile(r"[\s,]*(?:he|she)\s+(?:tells|asks|warns|answers|begs)\s+(?:him|her|them)\b")
_CASTS_RE = re.compile(r"\bplayed\s+by\b|\b(?:plays|playing|portrays)\s+(?:the|a|an|his|her)\b")
# After an actor's name, words that cast them as a character: "is very good as the officer",
# "plays a widow", "(Maud Ekwueme)" after the role.
_CAST_AFTER_RE = re.compile(
    # Not a film that "played to packed houses" or "played at Cannes" (round fifty-six).
    r"[^.!?;:“”\"]{0,60}?\b(?:plays|played|playing|portrays|portrayed|portraying)\b"
    r"(?!\s+(?:to|at|in|on|for|well|out|through|across|around|festivals?|theatres?|theaters?|cinemas?)\b)"
    r"|\s+(?:is|was|are|were)\s+(?:[a-z]+\s+){0,3}as\s+(?:the|a|an|his|her|their)\b"
    # "Thea Lund, as the housekeeper, steals every scene": the part in commas after the name.
    r"|,\s+as\s+(?:the|a|an|his|her|their)\s+[^,.;:!?“”\"]{1,40},"
    # "Hedda Lorne, as Marguerite, the widow …": the part by its name (round forty-four).
    r"|,\s+as\s+[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?\s*,"
    # "Baek has the harder part, a man who …": a review gives an actor a part before it says
    # how they play it, so a scene's line after it is the part's (round eighteen).
    r"|\s+(?:has|had|gets|got|takes|took)\s+(?:the|a|an)\s+(?:[a-z][\w\-]*\s+){0,2}(?:part|role)\b"
)


def _scene_verb(doc: _Doc, group: _Group) -> bool:
    """Is the quotation attributed by a pronoun and a scene's verb ("she tells her sergeant"), after
    no sentence that says someone gives a view ("Reyes puts it another way. “…,” he says")?"""
    return any(
        f.closed and _SCENE_VERB_RE.match(doc.text(f.close_at, f.close_at + 60)) for f in group.fragments
    ) and not _gives_a_view(doc, group.fragments[0])


# A sentence that says someone gives a view before their words: "X puts it another way", "X is
# blunter", "X disagrees", "X sees it differently". What follows is the person's own comment on
# the story, not a scene's line, whatever part a clause casts them in (round thirty-seven).
_GIVES_A_VIEW_RE = re.compile(
    r"\b(?:puts|put)\s+it\s+(?:another\s+way|differently|more\s+[a-z]+|bluntly|simply|plainly)\b"
    r"|\b(?:is|was)\s+(?:blunter|more\s+(?:blunt|direct|candid|cautious|guarded|sceptical|skeptical))\b"
    r"|\b(?:agrees|disagrees|demurs|concurs|goes\s+further|sees\s+it\s+differently|remembers\s+it\s+differently)\b"
)


def _gives_a_view(doc: _Doc, frag: _Fragment) -> bool:
    """Does the last sentence before the quotation, in its paragraph, say someone gives a view?"""
    paragraph = doc.paragraphs[frag.para]
    lead = paragraph.text[: frag.open_at - paragraph.start]
    span = last_sentence(lead)
    return span is not None and _GIVES_A_VIEW_RE.search(lead, span[0], span[1]) is not None


def _character_line(doc: _Doc, group: _Group, key: str, pronoun: str) -> bool:
    """Is a pronoun's quotation a character's line: a present-tense scene verb after it, and
    either said to or in an exchange with a character the article casts ("he tells Ilse", "he
    says, when Ilse asks …") or the paragraph, before the
    quotation, casting as a character the person the pronoun found, or anyone it may mean?"""
    if not _scene_verb(doc, group):
        return False
    for f in group.fragments:
        if f.closed:
            after = doc.text(f.close_at, f.close_at + 60)
            to = _SAID_TO_RE.match(after) or _SAID_WHEN_RE.match(after)
            if to is not None and to.group(1) in doc.cast:
                return True
    first = group.fragments[0]
    paragraph = doc.paragraphs[first.para]
    if any(f.closed and _SAID_TO_PRONOUN_RE.match(doc.text(f.close_at, f.close_at + 60)) for f in group.fragments) and (
        _CASTS_RE.search(paragraph.text, 0, first.open_at - paragraph.start)
    ):
        # "… her long speech, delivered to the publican, played by Jurre van Aalst. “…,” she tells
        # him": said to a part the paragraph casts, so said in the film.
        return True
    for mention in doc.people_between(paragraph.start, first.open_at):
        # "Ilic is the son; Lund, as the housekeeper, …. “…,” she tells a guest": if the pronoun
        # may mean an actor the paragraph casts, the line is the part's, whoever it found first.
        if mention.key != key and not doc.fits(_Speaker(key=mention.key), pronoun):
            continue
        if doc.text(mention.start - 1, mention.start) == "(" and doc.text(mention.end, mention.end + 1) == ")":
            return True
        if _CAST_AFTER_RE.match(doc.text(mention.end, min(first.open_at, mention.end + 80))):
            return True
    # "Sachiko (Hana Ueda)" cast a paragraph or more before, then "When Jun-ho asks her …, she
    # does not look up. “…,” she says": the actor found plays a part, and the sentence before
    # the line names another part, so the line is said in a scene (round twenty-five).
    # "Ines (Wren Salcedo) …. Her best moment is a reply to a guest who asks …. “…,” she says":
    # the one she answers is a part the review leaves unnamed (round forty-two).
    return _cast_before(doc, key, first.open_at) and (
        _part_named_before(doc, first) or _unnamed_part_asks_before(doc, first)
    )


def _cast_before(doc: _Doc, key: str, before: int) -> bool:
    """Whether the article casts `key` in parentheses after a part before `before`: "Ruth (X)"."""
    return any(
        m.key == key and doc.text(m.start - 1, m.start) == "(" and doc.text(m.end, m.end + 1) == ")"
        for m in doc.people_between(0, before)
    )


def _sentence_before(doc: _Doc, frag: _Fragment) -> str:
    """The sentence just before the quotation, in its paragraph, with any lead-in to it."""
    paragraph = doc.paragraphs[frag.para]
    lead = paragraph.text[: frag.open_at - paragraph.start]
    spans = split_sentences(lead.rstrip())
    return lead[spans[-2][0] if len(spans) > 1 else 0:]


def _part_named_before(doc: _Doc, frag: _Fragment) -> bool:
    """Whether the sentence just before the quotation, in its paragraph, names a part the
    article casts."""
    sentence = _sentence_before(doc, frag)
    # "… and was then told that Ned never rows": a part named in what someone reports is talk
    # about the film, not a scene (round fifty-seven).
    told = _TOLD_THAT_RE.search(sentence)
    if told is not None:
        sentence = sentence[: told.start()]
    return any(word.strip(".,;:’'") in doc.cast for word in sentence.split())


_TOLD_THAT_RE = re.compile(
    r"\b(?:told|said|says|tells|learned|learnt|found\s+out|discovered|heard)(?:\s+[\w’'\-]+){0,5}?\s+that\b"
)


# Someone in the story the review leaves unnamed, asking in a scene's present tense: "a guest who
# asks why …", "When a drunk salesman asks for …", "a bellboy who wants to know …". Not the press
# ("a reporter who asks"): a question put to the actor, whose answer is her own.
_UNNAMED_ASKS_RE = re.compile(
    r"\b(?:a|an)\s+(?:[a-z][\w\-]*\s+){0,2}?(?P<noun>[a-z][\w\-]*)\s+(?:who\s+|that\s+)?"
    r"(?:asks|demands|wonders|wants\s+to\s+know)\b"
)
_PRESS_NOUNS = frozenset({"reporter", "journalist", "interviewer", "critic", "writer", "fan", "moderator", "host"})


def _unnamed_part_asks_before(doc: _Doc, frag: _Fragment) -> bool:
    """Whether the sentence just before the quotation tells of someone unnamed asking in a scene."""
    sentence = _sentence_before(doc, frag)
    if " asks" not in sentence and "to know" not in sentence and "demands" not in sentence and "wonders" not in sentence:
        return False  # the cheap test: no asking verb, no scene
    return any(m.group("noun") not in _PRESS_NOUNS for m in _UNNAMED_ASKS_RE.finditer(sentence))
