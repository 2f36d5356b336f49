"""The article as the extractor sees it (`_Doc`): paragraphs, fragments, person mentions, genders, film titles.

Depends on: words, fragments, speakers.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
import weakref
from typing import Any, Iterable, Sequence

from newsreel.text.types import Mention, Paragraph
from newsreel.text.quotes.words import (
    _ANY_SPEECH_RE, _FEMALE, _GENDERED_PRONOUN, _KIN_BEFORE_RE, _MALE, _NOT_NAMES, _POSSESSIVE_RE,
)
from newsreel.text.quotes.fragments import _Fragment, _fragments
from newsreel.text.casting import cast_names
from newsreel.text.normalize import is_common
from newsreel.text.mentions.public import introduced_as_public
from newsreel.text.quotes.outsiders import _ROLE_WORDS, Outsider, Spans, find_outsiders
from newsreel.text.quotes.speakers import _Speaker

# Patterns read for every quotation, compiled once.
_POSSESSIVE_END_RE = re.compile(r"['’]s?$")
_CAPITALISED_RE = re.compile(r"\b[A-Z][\w’'\-]*[a-z]\b")
_CLAUSE_END_RE = re.compile(r"[.?!]\s|[“\"]")
# The last word of a film company's name ("Larkspur Releasing", "Pellmoor Pictures"): a name
# the text writes with one of these is a company's, "it", never "he" or "she".
_COMPANY_WORDS = (
    r"Pictures|Films|Filmworks|Releasing|Studios?|Entertainment|Media|Distribution|Productions|"
    r"Sales|Features|Cinemas?|Classics|Television|Animation|Group|Company|Inc|Ltd|LLC"
)
_PUNCT_RE = re.compile(r"[^\w\s]")
_NAME_WORD_BEFORE_RE = re.compile(r"[A-Z][\w’'\-]*\s$")
# A first name right before a surname ("Aled Brannock"): one capitalised word, then a space.
_FIRST_NAME_BEFORE_RE = re.compile(r"(?<![\w’'\-])([A-Z][a-z’'\-]+) $")
# "Petra Saberi — no relation to the actress —", "Tobias Frant, an analyst who is no relation".
# Round thirty-six: "not related to", "unrelated to", "no relative of", "no kin to" say it too.
_NO_RELATION_RE = re.compile(r"[^.!?]{0,70}?\b(?:no\s+relation|not\s+related|unrelated\s+to|no\s+relative|no\s+kin)\b")
# "no relation to the director ", "not related to ", "unrelated to the filmmaker ": what stands
# just before the namesake a writer sets apart (round forty).
_SET_APART_BEFORE_RE = re.compile(
    r"\b(?:no\s+relation|not\s+related|unrelated|no\s+relative)\s+(?:to|of)\s+(?:[^.!?]{0,100}?\b(?:or|nor|and)\s+(?:to|of)\s+)?"
    r"(?:(?:the|a|an|[a-z][\w\-]*)\s+){0,3}$"
)
# "the younger Vasske" after "his son, Emil Vasske" (round forty)
_YOUNGER_BEFORE_RE = re.compile(r"\b[Tt]he\s+young(?:er|est)\s+$")
_CHILD_BEFORE_RE = re.compile(
    r"\b(?:son|daughter|grandson|granddaughter|nephew|niece|stepson|stepdaughter),?\s+(?:[a-z][\w\-]*\s+){0,2}[A-Z][\w’'\-]+\s+$"
)
# ", 6,", ", 11.": a child's age in commas right after a given name, as a child is introduced
# (a tabloid gives an adult's age at the given name too: "laughed Sienna, 31,").
_CHILD_AGE_AFTER_RE = re.compile(r",\s+(?:[1-9]|1[0-2])\b(?!\s*(?:per\s*cent|%|,\d|:))")
_HONORIFICS = frozenset("Mr Mrs Ms Miss Mx Dr Sir Dame Lord Lady Professor Judge Father Sister".split())


# A surname several people named so far carry, read as one of them (held for an editor).
# Round twenty: held, as a speaker carried over a paragraph break is (confidence.PREVIOUS_PARAGRAPH).
SHARED_SURNAME_ESTABLISHED = 0.75  # the one the article called by the surname alone before the others came
SHARED_SURNAME_BEFORE = 0.7  # the one named in full in the paragraph before
SHARED_SURNAME_ABOUT = 0.6  # the one person the headline names in full
SHARED_SURNAME_BY_AGE = 0.7  # "the younger Varga", of two, after "Emese, who is four years younger"


class _Doc:
    """The article as the extractor sees it: paragraphs, text and person mentions."""

    def __init__(
        self, paragraphs: Sequence[Paragraph], mentions: Sequence[Mention], gazetteer: Any, headline: str = ""
    ) -> None:
        self.paragraphs = list(paragraphs)
        self.gazetteer = gazetteer
        self.headline = headline
        self.people = sorted((m for m in mentions if m.kind == "person"), key=lambda m: m.start)
        self.film_mentions = [m for m in mentions if m.kind == "film"]
        self.written_names: dict[str, str] = {}  # surname -> full name, for speakers not in the graph
        self._by_offset = [(p.start, p.start + len(p.text), i) for i, p in enumerate(self.paragraphs)]
        self._starts = [p.start for p in self.paragraphs]
        self._frags: dict[int, list[_Fragment]] = {}
        self._film_titles: dict[str, bool] = {}  # quoted text -> whether the graph holds a film so titled
        self._companies: dict[str, bool] = {}  # a speaker's name -> whether the text writes it as a company's
        self.subjects_memo: dict[tuple[int, int], list[tuple[int, _Speaker]]] = {}
        self.leads: dict[tuple[int, int], tuple[str, int]] = {}  # (paragraph, opening mark) -> `_lead`
        self.transcript: frozenset[int] = frozenset()  # a transcript's paragraphs, once it is read
        self.inline_questions: list[tuple[int, int]] | None = None  # an essay's italic questions, once read
        self._add_short_names()
        # `people` is final from here: where each starts, for searches instead of walks.
        self._people_starts = [m.start for m in self.people]
        # Names outside the graph (an exhibitor, an analyst, a studio): speakers in their own
        # right, and the nearest antecedent of a pronoun when they come last.
        self._cast: frozenset[str] | None = None
        self._shared_surnames: frozenset[str] | None = None
        self.outsiders: list[Outsider] = find_outsiders(self.paragraphs, [*self.people, *self.film_mentions])
        for outsider in self.outsiders:
            words = outsider.name.split()
            if len(words) > 1 and not outsider.credit:
                self.written_names.setdefault(words[-1], outsider.name)
        self.gender = self._genders()
        counts: dict[str, int] = {}
        for m in self.people:
            counts[m.key] = counts.get(m.key, 0) + 1
        # The person the article is about: named most often (ties go to the first named).
        order = {m.key: i for i, m in reversed(list(enumerate(self.people)))}
        ranked = sorted(counts, key=lambda k: (-counts[k], order[k]))
        self.protagonist = ranked[0] if ranked and counts[ranked[0]] >= 2 else None
        self.headline_person: str | None = None
        # "Noor Castellane on *The Drowned Choir*": the one person the headline names in full is
        # whom the article is about, however often the body names someone else.
        if headline:
            surfaces = {m.key: m.surface for m in self.people}
            # An obituary or a profile may headline the name the trade knew the person by ("Gus
            # Pell" over "Augustin Pell, … everyone called Gus"): an alias of two words or more
            # the graph holds names them as surely (round thirty-four).
            named = [key for key in counts
                     if any(_names_in(name, headline) for name in (self.full_name(key, surfaces[key]), *self._aliases(key)))]
            if len(named) == 1:
                self.protagonist = self.headline_person = named[0]

    @property
    def cast(self) -> frozenset[str]:
        """Words of the names the article casts actors as ("plays Ilse Varnam"): characters.
        Read only when a speaker outside the graph stands as a subject (most articles: never)."""
        if self._cast is None:
            # "Ruth (Ilse Marchbank)": the name in parentheses is the actor when mentions found
            # that person and not the name before it (mentions read the credits).
            people = {m.surface for m in self.people}
            texts = (p.text for p in self.paragraphs)
            names = cast_names(texts, lambda name, actor: actor in people and name not in people)
            self._cast = frozenset(word for name in names for word in name.split())
        return self._cast

    @property
    def shared_surnames(self) -> frozenset[str]:
        """Surnames two or more people the article names in full carry ("Drury" for Anselm and
        Nathaniel Drury). Most articles have none, so the subject search can skip the test."""
        if self._shared_surnames is None:
            owners: dict[str, set[str]] = {}
            for m in self.people:
                if " " in m.surface.strip():
                    owners.setdefault(_surname(self.full_name(m.key, m.surface)), set()).add(m.key)
            self._shared_surnames = frozenset(name for name, keys in owners.items() if len(keys) > 1)
        return self._shared_surnames

    def is_character(self, name: str) -> bool:
        """Is every word of `name` of a name the article casts an actor as?"""
        return all(word in self.cast for word in name.split())

    def text(self, start: int, end: int) -> str:
        """Document text between two offsets that lie within one paragraph."""
        i = self.para_of(start)
        if i < 0:
            return ""
        p_start, p_end, _ = self._by_offset[i]
        return self.paragraphs[i].text[start - p_start : min(end, p_end) - p_start]

    def text_before(self, end: int, width: int) -> str:
        """Up to `width` characters before `end`, from no further back than the start of its own
        paragraph (`text` reads the paragraph its start falls in: a window reaching back past a
        paragraph's start read the one before instead)."""
        i = self.para_of(end)
        floor = self._by_offset[i][0] if i >= 0 else 0
        return self.text(max(floor, end - width), end)

    def frags(self, index: int) -> list[_Fragment]:
        """The quote-mark fragments of paragraph `index` (computed once)."""
        found = self._frags.get(index)
        if found is None:
            found = self._frags[index] = _fragments(index, self.paragraphs[index])
        return found

    def para_of(self, offset: int) -> int:
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and offset <= self._by_offset[i][1]:
            return i
        return -1

    def person_at(self, offset: int, slack: int = 0) -> Mention | None:
        """The first person mention starting from `offset` to `offset + slack`."""
        i = bisect.bisect_left(self._people_starts, offset)
        if i < len(self.people) and self._people_starts[i] <= offset + slack:
            return self.people[i]
        return None

    def people_between(self, start: int, end: int) -> list[Mention]:
        """The person mentions inside start..end, in reading order."""
        found = []
        for m in self.people[bisect.bisect_left(self._people_starts, start) :]:
            if m.start > end:
                break
            if m.end <= end:
                found.append(m)
        return found

    def is_possessive(self, mention: Mention) -> bool:
        if _POSSESSIVE_END_RE.search(mention.surface):
            return True
        after = self.text(mention.end, mention.end + 3)
        return bool(_POSSESSIVE_RE.match(after))

    def _shared_surname(self, surname: str, before: int) -> _Speaker | None:
        return _shared_surname_speaker(self, surname, before)

    def _introduced_as_public(self, name: str, before: int) -> bool:
        return _public_introduction(self, name, before)

    def full_name(self, key: str, surface: str) -> str:
        people = getattr(self.gazetteer, "people_by_key", None)
        person = people.get(key) if people else None
        return person.name if person is not None else surface

    def _aliases(self, key: str) -> tuple[str, ...]:
        people = getattr(self.gazetteer, "people_by_key", None)
        person = people.get(key) if people else None
        return tuple(getattr(person, "aliases", ())) if person is not None else ()

    def _add_short_names(self) -> None:
        """Speaker-side short names: "Maren said" once Maren Halloway was named, and a surname
        the mention finder left alone when it is unambiguous among people named so far."""
        if not self.people:
            return
        first_full: dict[str, int] = {}
        short: list[tuple[int, str, str]] = []  # (available from, short name, key)
        given: set[str] = set()  # given names and surnames of the people named in full
        surnames: set[str] = set()
        for m in self.people:
            if m.key in first_full or len(m.surface.split()) < 2:
                # Only a name the article wrote in full gives short names: "Tobin" after "the
                # Quillon brothers" makes "Quillon" no more his than his brother's.
                continue
            words = _POSSESSIVE_END_RE.sub("", self.full_name(m.key, m.surface)).split()
            if len(words) < 2:
                continue
            first_full[m.key] = m.end
            short.append((m.end, words[0], m.key))
            short.append((m.end, words[-1], m.key))
            given.add(words[0])
            surnames.add(words[-1])
        covered = Spans((m.start, m.end) for m in self.people)
        by_name: dict[str, list[tuple[int, str]]] = {}
        for since, name, key in short:
            by_name.setdefault(name, []).append((since, key))
        full_ends: dict[str, list[int]] = {}  # key -> where each naming in full ends
        for m in self.people:
            if len(m.surface.split()) > 1 and not self._set_apart_here(m.start):
                full_ends.setdefault(m.key, []).append(m.end)
        outside: dict[str, list[int]] = {}  # surname -> where a name outside the graph wrote it in full
        added: list[Mention] = []
        for i, paragraph in enumerate(self.paragraphs):
            for w in _CAPITALISED_RE.finditer(paragraph.text):
                word, at = w.group(0), paragraph.start + w.start()
                if word in _NOT_NAMES or word not in by_name or covered.holds(at):
                    continue
                if word in given and word not in surnames and _CHILD_AGE_AFTER_RE.match(paragraph.text, w.end()):
                    continue  # "said Rafferty, 6,": a child introduced by name and age (round seventy-two)
                first = _FIRST_NAME_BEFORE_RE.search(paragraph.text, max(0, w.start() - 30), w.start())
                if first is not None and _is_first_name(first.group(1)):
                    # "Her nephew, Aled Brannock, said": the surname of a name outside the graph
                    # written in full, not the graph person who shares it (round twenty-one).
                    outside.setdefault(word, []).append(at)
                    continue
                keys = {key for since, key in by_name[word] if since <= at}
                if word in outside and len(keys) == 1 and (
                    not self._in_lede(next(iter(keys))) or any(self._no_relation(o) for o in outside[word] if o < at)
                ):
                    # A surname alone is the person most recently named in full with it, in the
                    # graph or not: "Quennell said" after the analyst Tobias Quennell is his,
                    # not the actor Ada Quennell's named earlier (round twenty-one). Several graph
                    # people with it: the shared-surname rules below decide, as before.
                    carriers = keys
                    keys = {key for key in keys
                            if not any(max((e for e in full_ends.get(key, ()) if e <= at), default=-1) < o < at
                                       for o in outside[word])}
                    if not keys and self._plays_a_part_after(paragraph.text, w.end()):
                        # "Vane, whose character spends the film in a bath," after the critic
                        # Greta Vane: of the two, the one the graph casts plays parts (round
                        # forty-two).
                        keys = {key for key in carriers if self._acts(key)}
                if word in outside and len(keys) == 1 and self._set_apart(next(iter(keys)), word, at, outside[word]):
                    # "Bram Kettlewell, who is no relation to the showrunner" after the showrunner
                    # Lorna Kettlewell: the graph person named last is the namesake set apart, so
                    # the surname alone is still hers (round thirty-six).
                    keys = set()
                if word in outside and keys and self._child_by_rank(paragraph.text, w.start(), outside[word], at):
                    # "his son, Emil Vasske, … the younger Vasske said": the child (round forty).
                    keys = set()
                if len(keys) > 1 and not _NAME_WORD_BEFORE_RE.search(paragraph.text, 0, w.start()):
                    # "Ferro shrugs." after Ilaria Ferro, then her daughter Chiara Ferro: still
                    # Ilaria's (but "Hesper Garside", a name outside the graph, is nobody's).
                    keys = {_established_surname(self, word, keys, at)} - {None}
                if len(keys) != 1:
                    continue
                following = paragraph.text[w.end() : w.end() + 2]
                if following[:1] == " " and following[1:2].isupper():
                    continue  # part of a longer name ("Maren Okoye")
                kin = _KIN_BEFORE_RE.search(paragraph.text, max(0, w.start() - 60), w.start())
                if kin is not None and not self._introduced_as(next(iter(keys)), kin.group("noun")):
                    # "Marta's grandson, Augustine, sets down his fork": a relative the text
                    # introduces by the noun, not Augustine Kerrow named in full before.
                    continue
                added.append(Mention("person", keys.pop(), at, at + len(word), word))
        if added:
            self.people = sorted(self.people + added, key=lambda m: m.start)

    def _set_apart(self, key: str, surname: str, at: int, outside: Iterable[int]) -> bool:
        """Was the graph person `key`, at a naming in full before `at`, said to be "no relation"
        (to a namesake outside the graph written in full before that naming)? Then a surname alone
        later does not find them by recency, though the writer names them in full again: the
        namesake set apart is the one the writer keeps naming in full (round thirty-six)."""
        outside = list(outside)
        here = self.para_of(at)
        if any(m.key == key and m.start < at and self.para_of(m.start) == here for m in self.people):
            return False  # named in the same paragraph before: the nearest, as before
        return any(any(o < m.start for o in outside) and self._no_relation_after(m.end, surname)
                   for m in self.people if m.key == key and m.start < at and " " in m.surface.strip())

    @staticmethod
    def _plays_a_part_after(text: str, end: int) -> bool:
        """Does a clause right after the surname ending at `end` give its bearer a part ("Vane,
        whose character …", "Vane, who plays …")?"""
        return text.startswith(", wh", end) and _PART_AFTER_RE.match(text, end) is not None

    def _acts(self, key: str) -> bool:
        """Does the graph credit `key` as an actor on any film?"""
        gaz = self.gazetteer
        films_of, credits_of = getattr(gaz, "films_of", None), getattr(gaz, "credits_of", None)
        if films_of is None or credits_of is None:
            return False
        return any(c.person == key and c.role == "actor" for film in films_of(key) for c in credits_of(film))

    def _child_by_rank(self, text: str, start: int, outside: Iterable[int], at: int) -> bool:
        """Is the surname at `start` of `text` written "the younger X", after a name outside the
        graph with it was introduced as a child ("his son, Emil Vasske")? Then the rank word
        means that relative, not the graph person (the mention finder's `people._child_by_rank`)."""
        if not _YOUNGER_BEFORE_RE.search(text, max(0, start - 14), start):
            return False
        return any(o < at and _CHILD_BEFORE_RE.search(self.text_before(o, 40)) for o in outside)

    def _set_apart_here(self, start: int) -> bool:
        """Is the name starting at `start` the object of "no relation to" ("She is no relation to
        the director Wilma Kestergard")? Then it is the namesake set apart, not a fresh naming
        that takes the surname alone from the person just introduced (round forty; the mention
        finder's `people._set_apart_before` is the same rule on tokens)."""
        before = self.text_before(start, 160)  # a long caption before read instead (round forty-eight)
        return "relat" in before and _SET_APART_BEFORE_RE.search(before) is not None

    def _no_relation_after(self, end: int, surname: str) -> bool:
        """Does "no relation" (or "not related", "unrelated to") follow the name ending at `end`
        in its sentence, before the surname is written again?"""
        after = self.text(end, end + 90)
        found = _NO_RELATION_RE.match(after)
        return found is not None and surname not in found.group(0)

    def _no_relation(self, at: int) -> bool:
        """Does the sentence say, just after the surname written at `at`, that its bearer is "no
        relation" to the other person of the name? Then the lede's subject does not keep the
        surname alone: the writer set a namesake apart so to call them by it (round thirty-three)."""
        after = self.text(at, at + 90)
        return _NO_RELATION_RE.match(after) is not None

    def _in_lede(self, key: str) -> bool:
        """Is the person the article's subject, named in full in the headline or the first
        paragraph? Then a relative named in full later does not take their surname (round
        twenty-one: an obituary's "Her son, Aled Maddox, said …", then "Maddox was born …")."""
        if self.paragraphs and any(m.key == key and " " in m.surface.strip() and m.start < self.paragraphs[0].start + len(self.paragraphs[0].text)
                                   and not self._set_apart_here(m.start) for m in self.people):
            return True
        people = getattr(self.gazetteer, "people_by_key", None)
        person = people.get(key) if people else None
        return person is not None and _names_in(person.name, self.headline)

    def _introduced_as(self, key: str, noun: str) -> bool:
        """Was the person named in full right after this kinship noun ("his son, the producer
        Torben Haversham")? Then "Their son Torben" is them again."""
        for m in self.people:
            if m.key == key and " " in m.surface.strip():
                before = self.text(max(m.start - 40, self._para_start(m.start)), m.start)
                if re.search(rf"\b{noun}\b", before, re.IGNORECASE):
                    return True
        return False

    def _genders(self) -> dict[str, str]:
        """"m" or "f" for people the text genders: a role noun before the name ("his sister,
        Marion Greaves") or the first gendered pronoun after it in the same sentence. Keys are
        graph keys, and `name:` + the full name for speakers outside the graph."""
        items = sorted(
            [(m.start, m.end, m.key) for m in self.people]
            + [(o.start, o.end, "name:" + o.name) for o in self.outsiders]
        )
        votes: dict[str, list[str]] = {}
        for n, (start, end, key) in enumerate(items):
            before = self.text(max(start - 45, self._para_start(start)), start)
            vote = None
            weight = 2  # a role noun is firmer evidence than a pronoun
            if _FEMALE.search(before.rstrip(" ,")):
                vote = "f"
            elif _MALE.search(before.rstrip(" ,")):
                vote = "m"
            else:
                weight = 1
                nxt = items[n + 1][0] if n + 1 < len(items) else end + 200
                after = self.text(end, min(nxt, end + 200))
                after = _CLAUSE_END_RE.split(after)[0]
                pronoun = _GENDERED_PRONOUN.search(after)
                # "Ivy said he asked…": a pronoun after a speech verb is someone else.
                if pronoun and not _ANY_SPEECH_RE.search(after[: pronoun.start()]):
                    vote = "f" if pronoun.group(1).lower().startswith(("she", "her")) else "m"
            if vote:
                votes.setdefault(key, []).extend([vote] * weight)
        result = {}
        for key, v in votes.items():
            # A role noun decides (weight 2); pronouns alone must agree at least twice.
            f, m_ = v.count("f"), v.count("m")
            if f >= 2 and m_ == 0 or f >= 2 and f > m_ + 1:
                result[key] = "f"
            elif m_ >= 2 and f == 0 or m_ >= 2 and m_ > f + 1:
                result[key] = "m"
        return result

    def outsiders_between(self, start: int, end: int) -> list[Outsider]:
        return [o for o in self.outsiders if start <= o.start and o.end <= end]

    def is_film_title(self, text: str) -> bool:
        entries = getattr(self.gazetteer, "lookup_entries", None)
        if entries is not None:  # packed candidates, ascending: films come first (see Gazetteer)
            known = self._film_titles.get(text)
            if known is None:  # an article quotes the same title again and again
                found = entries(text)
                known = self._film_titles[text] = bool(found) and found[0] < self.gazetteer.film_limit
            return known
        lookup = getattr(self.gazetteer, "lookup", None)
        if lookup is not None:
            return any(c.kind == "film" for c in lookup(text))
        return _norm(text) in _film_titles(self.gazetteer)

    def _para_start(self, offset: int) -> int:
        i = self.para_of(offset)
        return self.paragraphs[i].start if i >= 0 else 0

    def fits(self, speaker: _Speaker, pronoun: str | None) -> bool:
        """Can `pronoun` ("he"/"she") refer to `speaker`?"""
        if speaker.unnamed:
            return pronoun is None or pronoun in ("he", "she") and speaker.unnamed in (pronoun, "any")
        if not speaker.known:
            return False
        if pronoun not in ("he", "she"):
            return True
        if not speaker.key and speaker.name and self.is_company(speaker.name) and not self._staff_of(speaker.name):
            return False
        gender = self.gender.get(speaker.key or "name:" + (speaker.name or ""))
        return gender is None or gender == ("m" if pronoun == "he" else "f")

    def _staff_of(self, name: str) -> bool:
        """Whether the text names someone by the company they work for ("a Northlight
        executive", "an Ardent spokeswoman"): a pronoun after the company's name may be theirs."""
        first = re.escape(name.split()[0])
        pattern = re.compile(rf"\b(?:[Aa]n?|[Oo]ne)\s+{first}(?:\s+[A-Z][\w&’'\-]*)*\s+[a-z]")
        return any(pattern.search(p.text) for p in self.paragraphs)

    def is_company(self, name: str) -> bool:
        """Whether the text writes `name` as a company's: the name itself ends in a company's
        word ("Pellmoor Pictures") or the text writes it followed by one ("Larkspur" after
        "Larkspur Releasing"), capitalised words between."""
        known = self._companies.get(name)
        if known is None:
            pattern = re.compile(rf"(?<![\w’'\-]){re.escape(name)}(?:\s+[A-Z][\w&’'\-]*)*?\s+(?:{_COMPANY_WORDS})\b")
            known = bool(re.search(rf"\s(?:{_COMPANY_WORDS})$", name)) or any(
                pattern.search(p.text) for p in self.paragraphs
            )
            self._companies[name] = known
        return known

    def resolve_name(self, name: str, before: int) -> _Speaker:
        """A speaker written as a name with no person mention on it: a graph person the
        mention finder declined to link, a name outside the graph, or the surname of a
        name written earlier."""
        name = " ".join(name.split())
        paternal = paternal_surname_speaker(self, name, before)
        if paternal is not None:
            return paternal
        if " " not in name:
            shared = self._shared_surname(name, before)
            if shared is not None:
                return shared
        lookup = getattr(self.gazetteer, "lookup", None)
        if " " in name and lookup is not None and not self._introduced_as_public(name, before):
            keys = {c.key for c in lookup(name) if c.kind == "person"}
            if len(keys) == 1:
                return _Speaker(key=keys.pop(), explicit=True)
        if " " not in name:
            written_at = max((o.start for o in self.outsiders
                              if o.start < before and len(o.name.split()) > 1 and o.name.split()[-1] == name), default=-1)
            graph = {m.key for m in self.people
                     if m.start < before and len(m.surface.split()) > 1 and m.surface.split()[-1] == name}
            if name in self.written_names and (not graph or len(graph) == 1 and (not any(
                written_at < m.start < before and len(m.surface.split()) > 1 and m.surface.split()[-1] == name
                for m in self.people
            ) or self._set_apart(next(iter(graph)), name, before, [written_at]))):
                # The surname of a name outside the graph, unless a graph person named in full
                # carries it too (then it is the name as written, nobody's page) and was named
                # after it: a surname alone is whoever was last named in full with it (round
                # twenty-one; several graph people with it: the name as written).
                return _Speaker(name=self.written_names[name], explicit=True)
        else:
            self.written_names[name.split()[-1]] = name
            self.written_names[name.split()[0]] = name
        return _Speaker(name=name, explicit=True)


# A paternal surname alone read as the one person named so far whose name carries it as its
# first surname ("De la Fuente said" after Rosario de la Fuente Arriaga; round thirty-six).
PATERNAL_SURNAME = 0.85
_SURNAME_PARTICLES = frozenset("de del la las los da das do dos di du van von der den y e".split())


def paternal_surname_speaker(doc: "_Doc", name: str, before: int) -> _Speaker | None:
    """Spanish and Portuguese names carry two surnames, the father's then the mother's ("Maricruz
    Echeverría Santibáñez", "Rosario de la Fuente Arriaga", "Gabriel García Márquez"), and a
    story calls the person by the first alone ("Echeverría said", "De la Fuente said"). The
    speaker is the one person named in full before whose name, after one given name, is that
    surname and one more word; None when nobody's is, or when another person named in full (in
    the graph or not) carries the word as either surname: then it is left as written, as before
    (round thirty-six)."""
    wanted = _norm(name)
    if not wanted or not name[:1].isupper():
        return None
    owners: set[str] = set()
    compound: set[str] = set()
    for m in doc.people:
        if m.start >= before or " " not in m.surface.strip():
            continue
        words = _POSSESSIVE_END_RE.sub("", doc.full_name(m.key, m.surface)).split()
        if _norm(words[-1]) == wanted:
            owners.add(m.key)
        elif len(words) >= 3 and _norm(" ".join(words[1:-1])) == wanted and _compound_shape(words):
            owners.add(m.key)
            compound.add(m.key)
    if not compound:
        return None
    for outsider in doc.outsiders:
        words = outsider.name.split()
        if outsider.start < before and len(words) > 1 and (
            _norm(words[-1]) == wanted or len(words) >= 3 and _norm(" ".join(words[1:-1])) == wanted
        ):
            return None
    if len(owners) != 1:
        return None
    return _Speaker(key=owners.pop(), explicit=True, confidence=PATERNAL_SURNAME)


def _compound_shape(words: list[str]) -> bool:
    """A given name, a first surname (one capitalised word, or particles and a word) and a
    second: "Octavio Echeverría Lastra", "Nicolás de la Peña Ugarte"; not initials or a
    hyphenated given name's second half ("Mary-Kate", "J. R.")."""
    middle = words[1:-1]
    if any(word.endswith(".") for word in words):
        return False
    capitalised = [word for word in middle if word.lower() not in _SURNAME_PARTICLES]
    return len(capitalised) == 1 and capitalised[0][:1].isupper() and words[-1][:1].isupper()


def _public_introduction(doc: "_Doc", name: str, before: int) -> bool:
    """Does the article introduce `name`, before `before` and where the mention finder linked no
    graph person, as a member of the public ("said the harbourmaster, X", "X, who has been
    reading since issue one, wrote in")? Then the name is theirs, not a namesake's in the graph
    (round thirty-two: a reader's letter went on a graph crew member's page)."""
    pattern = re.compile(rf"(?<![\w’'\-]){re.escape(name)}(?![\w’'\-])")
    for paragraph in doc.paragraphs:
        if paragraph.start > before:
            break
        for found in pattern.finditer(paragraph.text):
            at = paragraph.start + found.start()
            if at <= before and doc.person_at(at) is None and introduced_as_public(paragraph.text, found.start(), found.end()):
                return True
    return False


def _shared_surname_speaker(doc: "_Doc", surname: str, before: int) -> _Speaker | None:
    """A surname several people named so far carry ("Quist said" after Halvard and Hanne
    Quist), with no mention on it: the one named in full in the paragraph before, else the
    one person the headline names in full, if they carry it. A guess, held for an editor;
    None when neither settles it."""
    named = {m.key: m for m in doc.people if m.start < before and " " in m.surface.strip()
             and _surname(doc.full_name(m.key, m.surface)) == surname}
    if len(named) < 2:
        return None
    established = _established_surname(doc, surname, named, before)
    if established is not None:
        return _Speaker(key=established, explicit=True, confidence=SHARED_SURNAME_ESTABLISHED)
    here = doc.para_of(before)
    previous = {m.key for m in doc.people if m.key in named and doc.para_of(m.start) == here - 1 and " " in m.surface.strip()}
    if len(previous) == 1 and _in_narration(doc, before):
        # Named there only inside a quotation, and another bearer in the writer's own words:
        # not the one the writer's surname means (round thirty-three).
        told = {key for key in named if any(m.key == key and m.start < before and " " in m.surface.strip()
                                            and _in_narration(doc, m.start) for m in doc.people)}
        if told and not previous & told:
            previous = set()
    if len(previous) == 1:
        return _Speaker(key=previous.pop(), explicit=True, confidence=SHARED_SURNAME_BEFORE)
    if doc.headline_person in named:
        return _Speaker(key=doc.headline_person, explicit=True, confidence=SHARED_SURNAME_ABOUT)
    # The writer's own surname alone refers back to someone the writer introduced: of those named
    # in full, the one named so in the narration, the others only inside a quotation or a
    # transcript's answer ("Wendy Threlfall cut my best scene", in a guest's words; round
    # thirty-three). Held, as the paragraph-before guess is.
    told = {key for key in named if any(m.key == key and m.start < before and " " in m.surface.strip() and _in_narration(doc, m.start)
                                        for m in doc.people)}
    if len(told) == 1 and _in_narration(doc, before):
        return _Speaker(key=told.pop(), explicit=True, confidence=SHARED_SURNAME_BEFORE)
    return None


def _in_narration(doc: "_Doc", at: int) -> bool:
    """Is the offset in the writer's own words: neither a transcript's paragraph nor inside a
    quotation's marks?"""
    index = doc.para_of(at)
    if index < 0 or index in doc.transcript:
        return False
    end = doc.paragraphs[index].start + len(doc.paragraphs[index].text)
    return not any(f.open_at <= at < (f.close_at if f.close_at is not None else end) for f in doc.frags(index))


# A clause that gives the one a surname names a part: ", whose character …", ", whose part …",
# ", who plays …", ", who starred as …" (round forty-two).
_PART_AFTER_RE = re.compile(
    r",\s+(?:whose\s+(?:character|part|role|heroine|hero)\b|who\s+(?:plays|played|stars|starred|portrays|portrayed)\b)"
)


# What an article says of one of two relatives to compare their ages: "Emese, who is four years
# younger,", "Zsofia, the elder by four years". Not "younger than her co-star": a comparison with
# someone else.
_AGE_AFTER_RE = re.compile(
    r",\s+(?:who\s+is|who['’]s|the)\s+(?:[\w\-]+\s+){0,3}?(?P<rank>younger|older|elder)\b(?!\s+than\b)"
)
# A profile says which sibling is older by calling one the other's elder or little brother:
# "X is the director's older brother", "X, his elder sister,", "X was Piet's big brother" (round
# forty-two). A sibling noun must follow, since "the elder son of" compares a child with a parent.
_SIBLING_RANK_AFTER_RE = re.compile(
    r"(?:,\s+|\s+(?:is|was)\s+)(?:(?:the|a|an|his|her|their|[\w\-]+['’]s)\s+){1,2}"
    r"(?P<rank>younger|older|elder|big|little|baby|kid)\s+(?:brother|sister|sibling|twin)s?\b"
)
_SIBLING_RANKS = {"big": "older", "little": "younger", "baby": "younger", "kid": "younger"}


def _rank_said_after(text: str) -> str | None:
    """"younger" or "older"/"elder" when `text`, just after a full name, compares that person's
    age with a relative's; None when it says nothing of it."""
    said = _AGE_AFTER_RE.match(text)
    if said is not None:
        return said.group("rank")
    if "brother" not in text and "sister" not in text and "sibling" not in text and "twin" not in text:
        return None  # the cheap test: no sibling noun, no comparison
    sibling = _SIBLING_RANK_AFTER_RE.match(text)
    return None if sibling is None else _SIBLING_RANKS.get(sibling.group("rank"), sibling.group("rank"))


def by_age(doc: "_Doc", surname: str, rank: str, before: int) -> str | None:
    """Which of the two people named in full before `before` with this surname "the younger"
    or "the elder" (`rank`) means, when the article has said of one of them that they are the
    younger or the older; None otherwise (three or more of them, or no word on their ages)."""
    named = {m.key for m in doc.people if m.start < before and " " in m.surface.strip()
             and _surname(doc.full_name(m.key, m.surface)) == surname}
    if len(named) != 2:
        return None
    young = rank in ("younger", "youngest")
    for m in doc.people:
        if m.start >= before or m.key not in named:
            continue
        said = _rank_said_after(doc.text(m.end, m.end + 60))
        if said is None:
            continue
        other = (named - {m.key}).pop()
        return m.key if (said == "younger") == young else other
    by_generation = _by_generation(doc, named, young)
    return by_generation if by_generation is not None else _by_given_ages(doc, named, young, before)


def _by_generation(doc: "_Doc", named: set[str], young: bool) -> str | None:
    """Of two people with one name and surname, the one whose full name carries "Jr." is the
    younger (and "Sr." the elder): "the younger Maunder" after Hollis Maunder and his son Hollis
    Maunder Jr. (round fifty-three). None when neither name carries a mark."""
    marks = {}
    for key in named:
        words = doc.full_name(key, "").split()
        marks[key] = _GENERATIONS.get(words[-1].rstrip(",")) if words else None
    marked = [key for key, mark in marks.items() if mark is not None]
    if len(marked) != 1:
        return None
    key = marked[0]
    other = (named - {key}).pop()
    return key if (marks[key] == "younger") == young else other


# An age a news story gives beside a full name: "Ada Moss, 41,", "Ada Moss (41)", "Ada Moss, aged
# 41,", "Ada Moss, who is 41,", and before it "41-year-old Ada Moss", "the 41-year-old actor Ada
# Moss". Not "Ada Moss, 41 films later": the number closes its own apposition.
_AGE_NUMBER_AFTER_RE = re.compile(r"(?:,\s+(?:aged\s+|who\s+is\s+|now\s+)?|\s+\()(?P<age>\d{1,3})(?:\)|\s*[,.;—–]|\s+(?:and|is|was|has|had)\b)")
_AGE_NUMBER_BEFORE_RE = re.compile(r"\b(?P<age>\d{1,3})-year-old\s+(?:[a-z][\w\-]*\s+){0,2}$")


def _by_given_ages(doc: "_Doc", named: set[str], young: bool, before: int) -> str | None:
    """Of two people with one surname, the younger or the elder by the ages the article gave
    each in full ("Delphine Moorcombe, 41, … Tobin Moorcombe, 29,"): wire copy states ages so
    and then tells namesakes apart by "the elder X" (round thirty-five). None unless both have
    exactly one age given and the two differ."""
    ages: dict[str, set[int]] = {key: set() for key in named}
    for m in doc.people:
        if m.start >= before or m.key not in named or " " not in m.surface.strip():
            continue
        after = _AGE_NUMBER_AFTER_RE.match(doc.text(m.end, m.end + 24))
        ahead = _AGE_NUMBER_BEFORE_RE.search(doc.text_before(m.start, 40))
        for found in (after, ahead):
            if found is not None:
                ages[m.key].add(int(found.group("age")))
    if any(len(given) != 1 for given in ages.values()):
        return None
    (first, first_age), (second, second_age) = ((key, next(iter(given))) for key, given in ages.items())
    if first_age == second_age:
        return None
    younger, elder = (first, second) if first_age < second_age else (second, first)
    return younger if young else elder


def _established_surname(doc: "_Doc", surname: str, named: Iterable[str], before: int) -> str | None:
    """The one of `named` the article already called by `surname` alone while no other person
    with it had been named in full ("Ferro grew up …" before "her daughter, Chiara Ferro"); None
    when no such one."""
    # Writers keep a surname for whom it first meant and give the relatives who come later
    # their given names, so the surname alone does not pass to whoever was named last.
    # A relative never named in full (only "the Quillons", "Tobin") never came in full.
    first_full = {key: min((m.start for m in doc.people if m.key == key and " " in m.surface.strip()),
                           default=float("inf"))
                  for key in named}
    found = {
        m.key for m in doc.people
        if m.key in named and m.start < before and _POSSESSIVE_END_RE.sub("", m.surface.strip()) == surname
        and all(m.start < first_full[other] for other in named if other != m.key)
    }
    return found.pop() if len(found) == 1 else None


def _names_in(name: str, headline: str) -> bool:
    """Does the headline write this full name (two words or more) as a whole?"""
    return " " in name and re.search(rf"(?<![\w’'\-]){re.escape(name)}(?![\w\-])", headline) is not None


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_PUNCT_RE.sub(" ", text.lower()).split())


def _is_first_name(word: str) -> bool:
    """Could this capitalised word before a surname be a given name ("Aled"), not a sentence's
    word ("The", "Analyst", "Yesterday"), a title ("Dr") or an everyday word?"""
    return (word not in _NOT_NAMES and word not in _ROLE_WORDS and word not in _HONORIFICS
            and not is_common(word.lower()))


def _surname(surface: str) -> str:
    words = _POSSESSIVE_END_RE.sub("", surface.strip()).split()
    # "Hollis Maunder Jr." is a Maunder: a generation's mark is no surname (round fifty-three).
    while len(words) > 1 and words[-1].rstrip(",") in _GENERATIONS:
        words.pop()
    return words[-1].rstrip(",") if words else ""


# The marks that tell a father and a son of one name apart: the son is the younger.
_GENERATIONS = {"Jr.": "younger", "Jr": "younger", "Junior": "younger", "II": "younger", "III": "younger",
                "Sr.": "elder", "Sr": "elder", "Senior": "elder"}


# Above this many films, a title index is left to the gazetteer's own matching (film mentions).
_TITLE_CACHE: "weakref.WeakKeyDictionary[Any, frozenset[str]]" = weakref.WeakKeyDictionary()
_TITLE_INDEX_LIMIT = 200_000


def _film_titles(gazetteer: Any) -> frozenset[str]:
    """Normalised film titles and aliases, built once per gazetteer."""
    if gazetteer is None:
        return frozenset()
    try:
        return _TITLE_CACHE[gazetteer]
    except (KeyError, TypeError):
        pass
    films = getattr(gazetteer, "films_by_key", None)
    if films is None:
        graph = getattr(gazetteer, "graph", None)
        films = {f.key: f for f in getattr(graph, "films", ())}
    if len(films) > _TITLE_INDEX_LIMIT:
        return frozenset()
    titles = frozenset(
        _norm(title) for film in films.values() for title in (film.title, *film.aliases) if title
    )
    try:
        _TITLE_CACHE[gazetteer] = titles
    except TypeError:
        pass
    return titles
