"""Speakers outside the graph: names the text writes that no person mention covers.

An exhibitor, an analyst, a critic, a studio ("Universal said"): each is a speaker the text
gives, and a pronoun or a follow-on quotation after them belongs to them, never to a graph
person named earlier. `find_outsiders` lists every such name once, in reading order; which of
them stand as a sentence's subject is decided by `is_subject`.

Depends on: words, mentions.public.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from newsreel.text.types import Mention, Paragraph
from newsreel.text.mentions.public import introduced_as_public
from newsreel.text.normalize import PICTURE_CREDIT_WORDS, is_common
from newsreel.text.quotes.words import _NAME_RE, _NOT_NAMES, _ROLE_NOUNS, _SPEECH_KINDS, _VERB_ALT

# Patterns read for every quotation, compiled once.
_WORD_RUN_RE = re.compile(r"\S+")
# How a possessive word ends ("Masina’s", "Coens'"): what r"['’]s?$" finds, without a search.
_POSSESSIVE_ENDS = ("'", "’", "'s", "’s")
_POSSESSIVE_RE = re.compile(r"['’]s?\b")


# A publication's noun right before a name: "the podcast *The Slow Fade*", "her newsletter, The
# Cut" (round thirty-five).
_PUBLICATION_NOUNS = ("podcast", "newsletter", "magazine", "newspaper", "journal", "blog", "zine", "fanzine", "periodical")
_PUBLICATION_BEFORE_RE = re.compile(
    rf"\b(?:{'|'.join(_PUBLICATION_NOUNS)})s?,?\s+[*_“\"']*(?:[Tt]he\s+)?$"
)


# Capitalised role words that open a sentence before a name ("Analyst Gil Haber said"): part of
# the sentence, not of the name.
_ROLE_WORDS = frozenset(
    """
    Analyst Critic Exhibitor Producer Director Filmmaker Actor Actress Writer Screenwriter
    Programmer Distributor Publicist Spokesperson Spokeswoman Spokesman Executive Chairman
    Chairwoman Chair President Founder Owner Manager Agent Editor Composer Star Professor
    Historian Curator Consultant Journalist Reporter Host Moderator Cinematographer Showrunner
    Novelist Author Veteran Newcomer Co-star Costar Organiser Organizer Head Chief CEO Festival
    Studio Theater Theatre Cinema Box Office Insider Source Buyer Booker Lawyer Attorney Dean
    Lecturer Scholar Blogger Podcaster Presenter Commentator Observer Rival Former Veteran
    Cllr Councillor Councilor Alderman Alderwoman Mayor Senator Governor Minister MP Officer
    """.split()
)

# Words after a name that show it is not the subject (a place, an event, an object).
_NOT_VERBS = (
    "in|on|at|of|for|from|with|and|or|to|the|a|an|by|as|into|over|under|about|after|before|"
    "during|than|but|nor|via|per|this|that|these|those|its|their|his|her|our|who|which|where"
)
# Where the person works, between the name and the verb: "Analyst Corbin Hale of Reelmetrics was
# less optimistic" keeps Corbin Hale the subject.
_OF_ORGANISATION = r"(?:\s+(?:of|at|from)\s+(?:the\s+)?[A-Z][\w&’'\-]*(?:\s+[A-Z][\w&’'\-]*){0,3})?"
_AFTER_SUBJECT = re.compile(
    rf"{_OF_ORGANISATION}(?:\s*,[^,.;:!?“”\"]{{1,80}},|,)?\s+(?:[a-z]+ly\s+)?(?!(?:{_NOT_VERBS})\b)[a-z][a-z’'\-]+\b"
)
_SPEECH_AFTER = re.compile(rf"{_OF_ORGANISATION}(?:\s*,[^,.;:!?“”\"]{{1,80}},)?\s+(?:[a-z]+ly\s+)?(?:{_VERB_ALT})\b")
# A name a relative clause makes the doer ("by the academy's chair, Lucian Oduya, who called it
# …"): whatever the sentence's grammar, the person acts and may be the next "he".
# A short subject of words that name nobody, then "is"/"was" right before the name.
_PREDICATE_BEFORE = re.compile(r"\s*(?:The|Its|Their|His|Her|Our)(?:\s+[a-z][\w’'\-]*){1,4}\s+(?:is|was)\s+")
_WHO_AFTER = re.compile(r",\s+who\s+(?:[a-z]+ly\s+)?(?!(?:is|was|has|had|plays|played)\b)[a-z]")
# An organisation's name may be written in capitals or end in a plus: "AMC", "Apple TV+".
_ORG_TOKEN = r"(?:[A-Z][\w&’'\-]*\+?|[A-Z]{2,}\+?)"
ORG_RE = re.compile(rf"{_ORG_TOKEN}(?:\s+{_ORG_TOKEN}){{0,4}}")


# A job a person is named beside by a first name alone ("The gaffer, Dov, …", "Oona, the script
# supervisor, …"): the roles of a film's credits and the jobs of a set, an office or a show.
_JOB = (
    rf"(?:{_ROLE_NOUNS}|gaffer|grip|supervisor|assistant|manager|operator|electrician|technician|"
    r"coordinator|stylist|agent|publicist|spokesperson|spokesman|spokeswoman|programmer|critic|"
    r"analyst|host|presenter|moderator|photographer|engineer|wrangler|runner|driver|chef|caterer)"
)
_JOB_BEFORE_RE = re.compile(rf"\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur)\s+(?:[a-z][\w’'\-]*\s+){{0,3}}?{_JOB},\s+$")
_JOB_AFTER_RE = re.compile(rf",\s+(?:the|his|her|their|its|our)\s+(?:[a-z][\w’'\-]*\s+){{0,3}}?{_JOB},\s+[a-z]")


def _named_by_job(text: str, start: int, end: int) -> bool:
    """Is the one capitalised word at `text[start:end]` a person's first name, set beside
    their job in commas ("The gaffer, Dov, a wiry man …", "Oona, the script supervisor, sits
    …")? Not an everyday word ("Later, the director, …"), nor one before a name ("Meanwhile,
    the director, Ada Varga, said"): round nineteen."""
    word = text[start:end]
    if word in _NOT_NAMES or is_common(word.lower()):
        return False
    if text[end : end + 1] == "," and _JOB_BEFORE_RE.search(text, max(0, start - 70), start):
        return True
    return _JOB_AFTER_RE.match(text, end) is not None


@dataclass(frozen=True)
class Outsider:
    """A name the text writes that is not a graph person: `name` is the full name as first
    written (a later surname alone is given the full name)."""

    start: int
    end: int
    name: str
    # A surname alone that a person outside the graph and one of the graph named in full
    # both carry: `name` is the surname, and whose it is is decided where it is read.
    shared: bool = False
    # Named only as a picture's credit ("Photograph: Oona Vick"): nobody a bare surname means.
    credit: bool = False


class Spans:
    """(start, end) spans, asked whether any overlaps a range: a search, not a walk over all
    of them for every capitalised word of the article."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each one
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span begins before `end` and ends after `start`."""
        i = bisect.bisect_left(self.starts, end) - 1
        return i >= 0 and self.reach[i] > start

    def holds(self, at: int) -> bool:
        """Whether a span begins at or before `at` and ends after it."""
        i = bisect.bisect_right(self.starts, at) - 1
        return i >= 0 and self.reach[i] > at


def find_outsiders(paragraphs: Sequence[Paragraph], mentions: Sequence[Mention]) -> list[Outsider]:
    """Every capitalised name of two or more words (or the surname of one written before) that
    no mention covers, in reading order."""
    covered = Spans((m.start, m.end) for m in mentions)
    graph_surnames: dict[str, list[Mention]] = {}  # surname -> people of the graph named in full with it
    for m in mentions:
        words = m.surface.split()
        if m.kind == "person" and len(words) > 1:
            graph_surnames.setdefault(words[-1], []).append(m)
    found: list[Outsider] = []
    short: dict[str, str] = {}
    short_at: dict[str, int] = {}  # where that name was last written in full
    for paragraph in paragraphs:
        if paragraph.kind == "table":
            # "Commentary by … the historian Pim Aldane": a table names people who speak only
            # in the text around it, where the surname alone is theirs (round fifty-four).
            for name, start in _introduced_in_table(paragraph, covered):
                words = name.split()
                short.setdefault(words[-1], name)
                if short[words[-1]] == name:
                    short_at[words[-1]] = start
            continue
        if paragraph.kind not in _SPEECH_KINDS:
            continue
        # The publication test searches before every name: only where the paragraph has one of
        # its nouns at all (most have none).
        publications = any(noun in paragraph.text for noun in _PUBLICATION_NOUNS)
        for match in _NAME_RE.finditer(paragraph.text):
            if publications and _PUBLICATION_BEFORE_RE.search(paragraph.text, max(0, match.start() - 40), match.start()):
                # "the film podcast *The Slow Fade*": a publication's name, nobody who speaks.
                continue
            words = [(w.start(), w.group(0)) for w in _WORD_RUN_RE.finditer(match.group(0))]
            # Drop sentence words glued to the front: "The", "Analyst", "But".
            while words and (words[0][1] in _NOT_NAMES or words[0][1] in _ROLE_WORDS or words[0][1][:-1] in _ROLE_WORDS):
                words.pop(0)
            # "Giulietta Masina’s Cabiria": the name ends at the possessive, and a name written
            # as a possessive is nobody's subject.
            possessive = next((n for n, (_, w) in enumerate(words) if w.endswith(_POSSESSIVE_ENDS)), None)
            if possessive is not None:
                # "adapted from Hester Quayle's novel", "Orla Finch's memoir": a name of two or
                # more words first written as a possessive is nobody's subject there, but it
                # introduces somebody the surname alone means later ("Quayle, whose novel …,
                # said"), as "a novel by Hester Quayle" does (round thirty-five).
                owner = [w for _, w in words[: possessive + 1]]
                owner[-1] = _POSSESSIVE_RE.sub("", owner[-1]) or owner[-1]
                if len(owner) > 1 and owner[-1][:1].isupper() and not covered.overlaps(
                        paragraph.start + match.start() + words[0][0], paragraph.start + match.start() + words[possessive][0]):
                    owner_name = " ".join(owner)
                    short.setdefault(owner[-1], owner_name)
                    if short[owner[-1]] == owner_name:
                        short_at[owner[-1]] = paragraph.start + match.start() + words[0][0]
                # "Newsreel's Pál Verebély": what follows the possessive may be a name.
                words = words[possessive + 1 :]
                while words and (words[0][1] in _NOT_NAMES or words[0][1] in _ROLE_WORDS):
                    words.pop(0)
            if not words:
                continue
            start = paragraph.start + match.start() + words[0][0]
            end = paragraph.start + match.end()
            tokens = [w for _, w in words]
            if covered.overlaps(start, end):
                continue
            if len(tokens) == 1:
                full = short.get(tokens[0])
                if full is None:
                    if _named_by_job(paragraph.text, start - paragraph.start, end - paragraph.start):
                        # "The gaffer, Dov, …": a person outside the graph named by a first name.
                        found.append(Outsider(start, end, tokens[0]))
                    continue
                graph = [m for m in graph_surnames.get(tokens[0], ()) if m.start < start]
                if graph and (len({m.key for m in graph}) > 1 or any(short_at.get(tokens[0], -1) < m.start for m in graph)):
                    # "Garside" after Hesper Garside (outside the graph) and Idony Garside (in it):
                    # the surname is not hers alone; the rules for a shared surname decide.
                    # Named outside the graph in full after the graph person: theirs, as
                    # journalism writes a surname alone (round twenty-one).
                    found.append(Outsider(start, end, tokens[0], shared=True))
                    continue
                found.append(Outsider(start, end, full))
                continue
            name = " ".join(tokens)
            credit = _PICTURE_CREDIT_RE.search(paragraph.text, max(0, start - paragraph.start - 30), start - paragraph.start) is not None
            if not credit:
                # "*Photograph: Oona Vick*" names whose picture it is: a bare "Vick" later is
                # still the director the article is about (round fifty-seven).
                short.setdefault(tokens[-1], name)
                short.setdefault(tokens[0], name)
                if short[tokens[-1]] == name:
                    short_at[tokens[-1]] = start
            found.append(Outsider(start, end, name, credit=credit))
    return found


# A picture's credit line: "Photograph: ", "Photo by ", "Stills: ", "Courtesy of ".
_PICTURE_CREDIT_RE = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(w.capitalize() for w in PICTURE_CREDIT_WORDS))})s?\s*(?::|by)|\b[Cc]ourtesy\s+of)\s*[*_]*\s*$"
)
# "the historian ", "a producer ", "by ": what introduces a person's name in a table's cell.
_INTRODUCED_IN_CELL_RE = re.compile(r"(?:\b(?:the|a|an)\s+[a-z][a-z\-]+|\bby)\s+$")
_TITLE_CASE_RE = re.compile(r"[A-Z][a-z’'\-]+")


def _introduced_in_table(paragraph: Paragraph, covered: Spans) -> Iterable[tuple[str, int]]:
    """Names of two or more title-case words a table's cell introduces with a role or "by"
    ("the historian Pim Aldane", "essay by Linnea Rusk"), no mention covering them, with where
    each starts; capitals in a spec sheet ("English LPCM", "DTS-HD MA") are nobody."""
    for match in _NAME_RE.finditer(paragraph.text):
        tokens = match.group(0).split()
        if len(tokens) < 2 or not all(_TITLE_CASE_RE.fullmatch(token) for token in tokens):
            continue
        if not _INTRODUCED_IN_CELL_RE.search(paragraph.text, max(0, match.start() - 30), match.start()):
            continue
        start = paragraph.start + match.start()
        if not covered.overlaps(start, paragraph.start + match.end()):
            yield " ".join(tokens), start


def is_subject(sentence: str, at: int, end: int) -> bool:
    """Does the name at `sentence[at:end]` stand as its sentence's subject? Followed by a verb
    ("Gil Haber disagreed", "Petra Lindqvist, who runs the Roxy, said"), not by a preposition,
    or by a relative clause that makes it act ("…, Lucian Oduya, who called it …")."""
    if _POSSESSIVE_RE.match(sentence[end : end + 2]):
        return False
    if _PREDICATE_BEFORE.fullmatch(sentence, 0, at):
        # "Its heart is Joe Braithwaite, who is 91.": the person the sentence presents, as a
        # graph person there would be; a pronoun after it is theirs, not an earlier paragraph's.
        return True
    if introduced_as_public(sentence, at, end):
        # "Superfan spotted: Ada Moss, 19, who has queued since 8am …": a vox pop presents its
        # speaker so, and the "she said" after it is hers (round thirty-one).
        return True
    return _AFTER_SUBJECT.match(sentence, end) is not None or _WHO_AFTER.match(sentence, end) is not None


def speaks(sentence: str, end: int) -> bool:
    """Is the name ending at `end` followed by a speech verb ("Universal said")?"""
    return _SPEECH_AFTER.match(sentence, end) is not None
