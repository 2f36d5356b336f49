"""The order of the steps: match every name, take the people, then the films, then the ties."""

from __future__ import annotations

import re
from typing import Callable, Sequence

from newsreel.text.gazetteer import Candidate, Gazetteer
from newsreel.text.mentions.films import FilmTitles
from newsreel.text.mentions.named import Named
from newsreel.text.mentions.public import introduced_as_public
from newsreel.text.mentions.people import (
    accept_surnames,
    ALIAS_NAME,
    cast_as_character,
    credited_on,
    nicknamed,
    plays_in,
    decide_person,
    person_confidence,
    person_shape_ok,
    shared_name_confidence,
)
from newsreel.text.mentions.references import (
    accept_descriptions, accept_families, accept_first_names, accept_given_names_before_a_surname,
)
from newsreel.text.mentions.tokens import Span, Tokens
from newsreel.text.normalize import is_common
from newsreel.text.types import Mention, Paragraph

_ARTICLES = frozenset(("the", "a", "an"))
# A title shared by several films, settled only because the article elsewhere named one of them.
ONE_SENSE = 0.7


def find_mentions(paragraphs: Sequence[Paragraph], gazetteer: Gazetteer) -> list[Mention]:
    """Every film and person the paragraphs name, in reading order, with document offsets."""
    if not paragraphs:
        return []
    gaz = gazetteer
    tokens = Tokens(paragraphs, gaz)
    named = Named(tokens)
    spans, covered = _spans(tokens, gaz)
    nicknames = nicknamed(gaz, tokens)
    if nicknames:
        # Thomasina "Tommy" Brandt: the whole name is the person, the nickname no title.
        inside = {i for first, last, _ in nicknames for i in range(first, last + 1)}
        spans = [span for span in spans if inside.isdisjoint(range(span.first, span.last + 1))]
        for first, last, person in nicknames:
            named.accept(first, last, "person", person.key, ALIAS_NAME)
            covered.update(range(first, last + 1))
    film_spans: list[Span] = []
    people_spans: list[Span] = []  # a name several people share: decided once films are known
    film_limit = gaz.film_limit
    shown: list[set[str]] = []
    shown_in: dict[int, set[str]] = {}

    def shown_films() -> set[str]:
        """Films whose title the article sets in italics or quotes (worked out when first asked)."""
        if not shown:
            shown.append(_shown_films(tokens, gaz, spans))
        return shown[0]

    is_actor = plays_in(gaz, shown_films)

    def credited(name: str, para: int | None = None) -> bool:
        """Is `name` a person credited on a film the article (or its paragraph `para`) sets apart?"""
        if para is None:
            return credited_on(gaz, name, shown_films())
        if para not in shown_in:
            shown_in[para] = _shown_films(tokens, gaz, [span for span in spans if span.para == para])
        return credited_on(gaz, name, shown_in[para])

    characters: set[int] = set()  # gazetteer forms of the names the article casts as characters
    public: set[int] = set()  # gazetteer forms of the names it gives members of the public
    places: set[int] = set()  # gazetteer forms of the names it says are places
    for span in spans:
        if span.entries[0] < film_limit:  # entries ascend, films first (Gazetteer.entries)
            film_spans.append(span)
            continue
        if tokens.continues_name(span.first, span.last):
            continue  # "Harriet Coombs-Wilder" is not Harriet Coombs
        if span.form in characters or cast_as_character(tokens, span, is_actor, credited):
            # "Ned Aldous (Ruairi Tennant)": a character, whoever else has the name; and so
            # wherever the article names the character again ("Hollis Vane has known …" in the
            # spoiler block after "plays the engineer, Hollis Vane").
            characters.add(span.form)
            continue
        if span.form in places or _named_place(tokens, span):
            # "to Hollis Ferry, an estuary village with one pub": the village, and so wherever the
            # article names it again ("the primary school in Hollis Ferry") (round fifty-three).
            places.add(span.form)
            continue
        if span.form in public or _member_of_public(tokens, span, credited) or _homonym_set_apart(tokens, span):
            # "Ada Moss, 71, who has lived on Mill Lane …": a resident who shares a filmmaker's
            # name, and so wherever the article names her again.
            public.add(span.form)
            continue
        people = list(map(gaz.candidate, span.entries)) if person_shape_ok(tokens, span) else []
        if len(people) == 1:
            _accept(named, span, people[0], person_confidence(people[0]))
        elif people:
            people_spans.append(span)
    accept_surnames(gaz, named, covered)
    accept_given_names_before_a_surname(gaz, named, covered)
    accept_first_names(gaz, named, covered)
    titles = FilmTitles(gaz, named, is_actor)
    titles.learn_characters(film_spans)
    ties: list[tuple[Span, list[Candidate]]] = []
    for span in film_spans:
        choice, tied = titles.decide(span)
        if choice is not None:
            _accept(named, span, choice, titles.confidence if choice.kind == "film" else person_confidence(choice))
        elif tied:
            ties.append((span, tied))
    for span in people_spans:
        choice = decide_person(gaz, named, span)
        if choice is not None:
            _accept(named, span, choice, shared_name_confidence(gaz, named, span, choice))
    accept_descriptions(gaz, named, [span for span in film_spans if span.first not in titles.other_names])
    # One sense per article: a tied title follows the film the article settled on.
    for span, tied in ties:
        settled = [c for c in tied if c.key in named.film_paras]
        if len(settled) == 1 and span.first not in named.accepted:
            _accept(named, span, settled[0], ONE_SENSE)
    # A title the article did not take for a film ("Adaeze did the talking", a film of that name
    # in the graph) hides no family member's given name after "the Okonjo sisters, Adaeze and
    # Chiamaka" (round nineteen).
    refused = {i for span in film_spans if span.first not in named.accepted for i in range(span.first, span.last + 1)}
    accept_families(gaz, named, covered - refused if refused else covered)
    return named.mentions()


# What an appositive says a name is when the name is a place's: "Hollis Ferry, an estuary village".
_PLACE_NOUNS = frozenset(
    "village town city hamlet port island suburb county valley district parish harbour harbor borough".split()
)


# A name that ends like a street's ("Hope Street") after a preposition of place is the street.
_STREET_WORDS = frozenset("street lane road avenue terrace square crescent quay row".split())
_PLACE_PREPOSITIONS = frozenset("on of in along down up into off at onto from via".split())


def _named_place(t: Tokens, span: Span) -> bool:
    """Is the name followed by an appositive saying it is a place ("Hollis Ferry, an estuary
    village with one pub", "Ada Moss, a market town"), or a street's after a preposition of
    place ("the lower part of Hope Street", round fifty-four)?"""
    before = span.first - 1
    if (t.folded[span.last] in _STREET_WORDS and before >= 0 and t.para[before] == span.para
            and t.folded[before] in _PLACE_PREPOSITIONS):
        return True
    j = span.last + 1
    if j + 1 >= len(t.folded) or t.para[j] != span.para or t.folded[j] != "," or t.folded[j + 1] not in ("a", "an"):
        return False
    for k in range(j + 2, min(j + 5, len(t.folded))):
        if t.para[k] != span.para or not t.word(k):
            return False
        if t.folded[k] in _PLACE_NOUNS:
            return True
    return False


def _member_of_public(t: Tokens, span: Span, credited: Callable[[str], bool]) -> bool:
    """Is the name introduced as a resident, a fan, a passer-by ("resident X", "X, 71, who has
    lived on …"), and the graph person of that name credited on no film the article sets apart?"""
    text = t.paragraphs[span.para].text
    start, end = t.start[span.first], t.end[span.last]
    return introduced_as_public(text, start, end) and not credited(text[start:end])


# "Sorcha Lisle of the Ledger, who is no relation, she asks us to say, of the actor with the same
# name": the writer says the name is somebody else's than the graph's (round seventy-three).
_HOMONYM_AFTER_RE = re.compile(
    # the name, perhaps its outlet ("of the Ledger"), then the disclaimer in its own clause
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)*)?\s*[,(]\s*(?:who\s+is\s+|who['’]s\s+)?"
    r"(?:no\s+relation|not\s+related|not\s+to\s+be\s+confused|not\s+the)\b"
    r"[^.!?]{0,80}?\b(?:(?:of|with)\s+the\s+same\s+name|namesake)\b"
)


def _homonym_set_apart(t: Tokens, span: Span) -> bool:
    """Does the sentence say, right after the name, that it is not the graph's person of that
    name ("…, who is no relation … of the actor with the same name")?"""
    text = t.paragraphs[span.para].text
    return _HOMONYM_AFTER_RE.match(text, t.end[span.last]) is not None


def _shown_films(t: Tokens, gaz: Gazetteer, spans: list[Span]) -> set[str]:
    """The films of every title set in italics or quotes ("*Weather*"), when few films share it."""
    films: set[str] = set()
    for span in spans:
        if span.entries[0] < gaz.film_limit and len(span.entries) <= 16 and (t.emphasized(span) or t.quoted(span.first, span.last)):
            shown = [gaz.film_at(e) for e in span.entries if gaz.is_film(e)]
            if len(shown) > 1 and (years := t.paren_years(span.last)):
                # "*Ballast* (2027)": the year names one of the films sharing the title (round thirty-nine).
                shown = [film for film in shown if film.year in years] or shown
            films.update(film.key for film in shown)
    return films


def _accept(named: Named, span: Span, candidate: Candidate, confidence: float) -> None:
    named.accept(span.first, span.last, candidate.kind, candidate.key, confidence)


# A screenplay's scene heading or transition, all in capitals ("EXT. NIGHT FERRY — UPPER DECK —
# NIGHT", "INT./EXT. CAR — CONTINUOUS", "CUT TO:"): the places and times of a script an article
# quotes, never a film or a person (round forty-eight: a script page named four films).
_SCRIPT_LINE_RE = re.compile(
    r"\s*(?:(?:INT|EXT)\.?(?:\s*/\s*(?:INT|EXT)\.?)?\s|I/E\.?\s|(?:SMASH\s+|MATCH\s+)?CUT\s+TO\b|DISSOLVE\s+TO\b|FADE\s+(?:IN|OUT|TO)\b)"
)


def _script_lines(t: Tokens) -> set[int]:
    """The paragraphs that are a screenplay's scene headings or transitions (most articles: none)."""
    return {i for i, paragraph in enumerate(t.paragraphs)
            if paragraph.text[:6].isupper() and _SCRIPT_LINE_RE.match(paragraph.text) and paragraph.text == paragraph.text.upper()}


def _spans(t: Tokens, gaz: Gazetteer) -> tuple[list[Span], set[int]]:
    """Every name the gazetteer matches (leftmost, then longest), and the tokens they cover."""
    found = []
    script = _script_lines(t)
    for first, last, form in gaz.iter_forms(t.ids):
        if script and t.para[first] in script:
            continue
        head = t.raw[first]
        if head[:1].islower() and form not in gaz.lowercase_forms:
            # "the Holdovers": a lower-case article before a capitalized title is left out.
            if head in _ARTICLES and first < last and t.raw[first + 1][:1].isupper():
                found.append((first + 1, -last, form))
            continue
        found.append((first, -last, form))
    found.sort()
    spans: list[Span] = []
    covered: set[int] = set()
    taken_until = -1
    for first, negative_last, form in found:
        last = -negative_last
        if first <= taken_until:
            continue
        entries = gaz.entries(form)
        if not _case_ok(t, gaz, first, last, entries):
            continue
        spans.append(Span(first, last, form, entries, t.para[first]))
        covered.update(range(first, last + 1))
        taken_until = last
    return spans, covered


def _case_ok(t: Tokens, gaz: Gazetteer, first: int, last: int, entries: Sequence[int]) -> bool:
    """Reject "US" for Us and "HER" for Her: a short all-capitals everyday word (likely an
    acronym or shouting) needs a name spelled in capitals; "TÁR" still finds Tár."""
    raw = t.raw[first]
    if first == last and 2 <= len(raw) <= 3 and raw.isupper() and is_common(t.folded[first]):
        names = (_name_of(gaz.candidate(entry)).split() for entry in entries)
        return any(name and name[0].isupper() for name in names)
    return True


def _name_of(candidate: Candidate) -> str:
    entity = candidate.entity
    return getattr(entity, "title", None) or getattr(entity, "name", "")
