"""Roles: a person named only by what they do on a film ("the director said", "The film's
composer said …", "the director of *Salt and Iron*"), and what the graph's credits say of it.

Depends on: words, speakers, document, outsiders, confidence. Imported by the attribution
modules above it (subjects, explicit, implied, attribution); it imports none of them.
"""

from __future__ import annotations

import re

from newsreel.text.quotes.words import _ROLE_NOUNS
from newsreel.text.quotes.speakers import _Speaker
from newsreel.text.quotes.document import _Doc
from newsreel.text.quotes.outsiders import is_subject, speaks
from newsreel.text.quotes.confidence import ROLE_REFERENCE


# What the graph credits a person as, for the role a text names them by ("the composer").
_ROLE_CREDITS = {
    "director": {"director"}, "filmmaker": {"director"}, "auteur": {"director"},
    "writer": {"writer"}, "screenwriter": {"writer"}, "writer-director": {"writer", "director"},
    "producer": {"producer"}, "actor": {"actor"}, "actress": {"actor"}, "star": {"actor"}, "co-star": {"actor"},
    "composer": {"crew"}, "editor": {"crew"}, "cinematographer": {"crew"}, "designer": {"crew"},
    "choreographer": {"crew"},
}


def _role_noun(phrase: str) -> str | None:
    """The role noun a "the …" phrase ends on, when the graph's credits can say who has it."""
    words = phrase.lower().split()
    return words[-1] if words and words[-1] in _ROLE_CREDITS else None


def _credits_deny(doc: _Doc, key: str, role: str) -> bool:
    """Does the graph credit the person on films, never in the role the text names?"""
    gaz = doc.gazetteer
    films_of, credits_of = getattr(gaz, "films_of", None), getattr(gaz, "credits_of", None)
    if films_of is None or credits_of is None:
        return False
    roles = {c.role for film in films_of(key) for c in credits_of(film) if c.person == key}
    return bool(roles) and roles.isdisjoint(_ROLE_CREDITS[role])


# "the director of *Salt and Iron*": the role's film, its title's emphasis or quote mark allowed.
_OF_FILM_RE = re.compile(r"\s+(?:of|on|behind)\s+[*_“\"']{0,2}")


def _role_of_film(doc: _Doc, noun: str | None, at: int, end: int) -> _Speaker | None:
    """The speaker a role of a film the article names stands for ("The Norwegian-Nigerian
    director of *Salt and Iron* sent us her answer:"): the one person the graph credits in that
    role on that film, held for an editor as every role reference is; nobody when the graph
    credits none or several. Never a person further back, whom no pronoun here points to
    (round eighteen). None when no film follows the role."""
    found = _OF_FILM_RE.match(doc.text(at, end))
    if found is None or noun not in _ROLE_CREDITS:
        return None
    film = next((f for f in doc.film_mentions if f.start == at + found.end()), None)
    credits_of = getattr(doc.gazetteer, "credits_of", None)
    if film is None or credits_of is None:
        return None
    holders = {c.person for c in credits_of(film.key) if c.role in _ROLE_CREDITS[noun]}
    if len(holders) != 1:
        return _Speaker(explicit=True)
    return _Speaker(key=holders.pop(), explicit=True, confidence=ROLE_REFERENCE)


# A definite role opening the sentence as its subject: "The film's composer said the score …",
# "The director was less sure." Not a role before a name ("The director Ada Varga said", "The
# director, Ada Varga,"), whom the mention itself makes the subject.
_ROLE_SUBJECT_RE = re.compile(
    rf"\s*(?:(?:But|And|Still|Yet|Now)\s+)?[Tt]he\s+(?:[\w’'\-]+\s+){{0,2}}?(?P<noun>{_ROLE_NOUNS})\b(?!['’]s)(?!\s*,?\s*[A-Z])"
)


# A participle of questioning opening the sentence: "Asked how the film related to her last
# one, the director …", "Pressed on the budget, the producer …".
_FRONTED_QUESTION_RE = re.compile(r"\s*(?:Asked|Pressed|Questioned|Quizzed|Challenged|Invited)\b[^.;:!?“”\"]*")
_COMMA_RE = re.compile(r",\s+")


def _role_after_fronted_question(sentence: str) -> tuple[int, re.Match[str] | None]:
    """(where the subject starts, the role subject's match) after a fronted question, at the
    first of its commas that a role subject follows ("…, *The Glass Ferry* (2021), which …,
    the director laughed"); (0, None) without one."""
    fronted = _FRONTED_QUESTION_RE.match(sentence)
    if fronted is None:
        return 0, None
    for comma in _COMMA_RE.finditer(sentence, 0, fronted.end()):
        found = _ROLE_SUBJECT_RE.match(sentence, comma.end())
        if found is not None and found.group("noun") in _ROLE_CREDITS:
            return comma.end(), found
    return 0, None


def _role_subject(doc: _Doc, sentence: str, base: int, people: list) -> list[tuple[bool, bool, int, _Speaker]]:
    """The person a sentence names only by a role, as its subject, ranked as `_find_subjects`
    ranks people: "The film's composer said the score was recorded in a chapel. “…,” she said."
    is the composer's, never the speaker of the paragraph before. Who holds the role is the one
    person named so far whom the graph credits in it on a film the article names, held for an
    editor as every role reference is (ROLE_REFERENCE); else somebody the text does not name."""
    found = _ROLE_SUBJECT_RE.match(sentence)
    opens = 0
    if found is None:
        # "Asked about X's last film, the director laughed.": the question put to the subject
        # comes first; names inside it are its objects (round twenty-seven).
        opens, found = _role_after_fronted_question(sentence)
    if found is None or found.group("noun") not in _ROLE_CREDITS:  # "The 54-year-old": no credit says who
        return []
    if any(base + opens <= m.start < base + found.end() for m in people) or not is_subject(sentence, found.start("noun"), found.end()):
        return []
    talks, noun = speaks(sentence, found.end()), found.group("noun")
    holder = _role_holder(doc, noun, base)
    speaker = (
        _Speaker(key=holder, explicit=talks, confidence=ROLE_REFERENCE, role=noun) if holder
        else _Speaker(unnamed="any", explicit=talks, role=noun)
    )
    return [(False, not talks, base, speaker)]


def _role_holder(doc: _Doc, role: str, before: int) -> str | None:
    """The one person named before `before` whom the graph credits in `role` on a film the
    article names; None when nobody or several are."""
    gaz = doc.gazetteer
    credits_of = getattr(gaz, "credits_of", None)
    if credits_of is None:
        return None
    wanted = _ROLE_CREDITS[role]
    named = {m.key for m in doc.people if m.start < before}
    holders = {
        credit.person
        for film in {m.key for m in doc.film_mentions}
        for credit in credits_of(film)
        if credit.person in named and credit.role in wanted
    }
    return holders.pop() if len(holders) == 1 else None
