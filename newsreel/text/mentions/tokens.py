"""The article as one sequence of tokens, and what a token's neighbours say about a name.

Every step of finding mentions reads positions in this sequence: a name is a span of tokens
(first, last), and its evidence (quotes around it, a year after it, a sentence start before it)
is read from the tokens around it.
"""

from __future__ import annotations

import re
from itertools import repeat
from operator import ne
from typing import Iterable, Sequence

from newsreel.text.gazetteer import Gazetteer
from newsreel.text.normalize import CONTEXT_WORDS, TOKEN_RE, fold_token, is_common
from newsreel.text.types import Paragraph

QUOTES = frozenset("\"'")
INSIDE_CLOSE = frozenset(",.!?")  # punctuation a closing quote may follow ("Heat,")
_OPENERS = frozenset("\"'([")
_SENTENCE_END = frozenset(".!?:;")
_CONTEXT_WINDOW = 10  # words either side in which film vocabulary counts
_YEAR_WINDOW = 6  # words either side in which a film's year counts
_EMPHASIS_SLACK = 2  # characters (a space, a mark) between a roman title and the italics around it
_ITALIC_RUN_WORDS = 4  # words of italics before a roman title that make the paragraph an italic one
_FIRST_YEAR, _LAST_YEAR = 1870, 2100  # a four-digit number outside these is not a film's year
_MATCH_GROUP, _MATCH_START, _MATCH_END = re.Match.group, re.Match.start, re.Match.end


class Span:
    """A run of tokens (first to last) that the gazetteer matched as one form of a name."""

    __slots__ = ("first", "last", "form", "entries", "para")

    def __init__(self, first: int, last: int, form: int, entries: Sequence[int], para: int) -> None:
        self.first = first
        self.last = last
        self.form = form
        self.entries = entries  # packed candidates (Gazetteer.candidate unpacks one)
        self.para = para


class Tokens:
    """The article's tokens in one sequence, paragraphs separated by an id-0 token."""

    def __init__(self, paragraphs: Sequence[Paragraph], gazetteer: Gazetteer) -> None:
        self.paragraphs = paragraphs
        self.start: list[int] = []  # offset in the paragraph text
        self.end: list[int] = []
        self.folded: list[str] = []
        self.raw: list[str] = []
        self.para: list[int] = []
        self.spaced: list[bool] = []  # whitespace (or the paragraph start) before the token
        ids: list[int] = []
        vocabulary_get = gazetteer.vocabulary.get
        starts, ends, folds, raws, paras, spaced = self.start, self.end, self.folded, self.raw, self.para, self.spaced
        # Whole lists per paragraph rather than a token at a time: this runs on every word
        # of every article (bench/text_core.py).
        for index, paragraph in enumerate(paragraphs):
            text = paragraph.text
            # map over the match methods runs at C speed, where a comprehension steps in Python.
            matches = list(TOKEN_RE.finditer(text))
            raw = list(map(_MATCH_GROUP, matches))
            folded = list(map(str.lower, raw)) if text.isascii() else list(map(fold_token, raw))
            token_starts = list(map(_MATCH_START, matches))
            token_ends = list(map(_MATCH_END, matches))
            starts.extend(token_starts)
            ends.extend(token_ends)
            folds.extend(folded)
            raws.extend(raw)
            paras.extend([index] * len(raw))
            spaced.extend(map(ne, token_starts, [-1, *token_ends[:-1]]))
            ids.extend(map(vocabulary_get, folded, repeat(0, len(folded))))
            self.start.append(len(text))
            self.end.append(len(text))
            self.folded.append("")
            self.raw.append("")
            self.para.append(-1)
            self.spaced.append(True)
            ids.append(0)
        self.ids = tuple(ids)
        # Words the article also uses in lower case: there, a one-word title is an everyday word.
        self.lowercase_words = {f for f, r in zip(self.folded, self.raw) if r[:1].islower()}
        self._positions: dict[str, list[int]] | None = None

    def positions(self, words: Iterable[str], start: int = 0) -> list[int]:
        """The positions, in order and from `start` on, of the tokens whose folded form is one
        of `words`. Several steps look for a few words (the surnames and given names named so
        far) across the whole article: one index, built on first use, instead of a walk over
        every token for each step (bench/text_core.py)."""
        if self._positions is None:
            self._positions = {}
            for i, word in enumerate(self.folded):
                self._positions.setdefault(word, []).append(i)
        found = [i for word in set(words) for i in self._positions.get(word, ()) if i >= start]
        found.sort()
        return found

    def word(self, i: int) -> bool:
        return 0 <= i < len(self.folded) and self.folded[i][:1].isalnum()

    def words(self, first: int, last: int) -> list[int]:
        """The positions of the words (not punctuation) from first to last."""
        return [i for i in range(first, last + 1) if self.word(i)]

    def sentence_initial(self, first: int) -> bool:
        i = first - 1
        opened_quote = False
        while i >= 0 and self.para[i] == self.para[first] and self.folded[i] in _OPENERS:
            opened_quote = opened_quote or self.folded[i] in QUOTES
            i -= 1
        if i < 0 or self.para[i] != self.para[first]:
            return True
        # "she says, “Everything that burns …”": a quotation after its lead's comma opens a
        # sentence of its own, capitalised as one (round twenty-eight).
        return self.folded[i] in _SENTENCE_END or opened_quote and self.folded[i] == ","

    def emphasized(self, span: Span) -> bool:
        """True when the span is set in italics (paragraphs may carry `emphasis` spans), or in
        roman inside a paragraph set in italics (round twenty-seven)."""
        emphasis = getattr(self.paragraphs[span.para], "emphasis", ())
        if not emphasis:
            return False
        start, end = self.start[span.first], self.end[span.last]
        if any(s <= start and end <= e and (e - s) - (end - start) <= 6 for s, e in emphasis):
            return True
        return self._roman_in_italics(span.para, emphasis, start, end)

    def italics_run_on(self, span: Span) -> bool:
        """Do the italics that open at the span go on past it with a title-cased word ("*The
        Ninth Bell*" holding "The Ninth")? Italics set a title apart whole: that is a longer
        title (round thirty-seven)."""
        emphasis = getattr(self.paragraphs[span.para], "emphasis", ())
        after = span.last + 1
        if not emphasis or after >= len(self.folded) or self.para[after] != span.para or not self.spaced[after]:
            return False
        if not (self.word(after) and self.raw[after][:1].isupper()):
            return False
        start, end = self.start[span.first], self.end[after]
        text = self.paragraphs[span.para].text
        return any(s <= start and end <= e and not any(c.isalnum() for c in text[s:start]) for s, e in emphasis)

    def _roman_in_italics(self, para: int, emphasis: Sequence[tuple[int, int]], start: int, end: int) -> bool:
        """Is text[start:end] roman between italics that open the paragraph and either resume
        right after it or never resume ("*… the sound designers of* Floodmark.")? A standfirst
        or a closing note in italics sets its titles so."""
        text = self.paragraphs[para].text
        # Several words: a label ("**Threlfall:** Forty-three.") is bold, not an italic paragraph.
        if not any(
            s <= _EMPHASIS_SLACK and start - _EMPHASIS_SLACK <= e <= start
            and len(text[s:e].split()) >= _ITALIC_RUN_WORDS and not text[s:e].rstrip().endswith(":")
            for s, e in emphasis
        ):
            return False
        if any(end <= s <= end + _EMPHASIS_SLACK for s, _ in emphasis):
            return True
        return not any(s >= end for s, _ in emphasis) and not any(c.isalnum() for c in text[end:])

    def quoted(self, first: int, last: int) -> bool:
        folded, spaced = self.folded, self.spaced
        opening = first - 1
        if opening < 0 or folded[opening] not in QUOTES or spaced[first]:
            return False
        if not (spaced[opening] or folded[opening - 1] in _OPENERS or folded[opening - 1] == "-"):
            return False
        closing = last + 1
        if closing < len(folded) and folded[closing] in INSIDE_CLOSE and not spaced[closing]:
            closing += 1
        if closing >= len(folded) or folded[closing] != folded[opening] or spaced[closing]:
            return False
        after = closing + 1
        return after >= len(folded) or spaced[after] or not self.word(after)

    def column_header(self, first: int, last: int) -> str:
        """The folded header of the table column a whole cell stands in ("film" over a
        box-office table's titles); "" when the span is not a whole table cell."""
        para = self.para[first]
        if self.paragraphs[para].kind != "table":
            return ""
        before, after = first - 1, last + 1
        for edge in (before, after):  # the cell's own edge: a bar or the row's end
            if 0 <= edge < len(self.folded) and self.para[edge] == para and self.folded[edge] != "|":
                return ""
        header = para
        while header > 0 and self.paragraphs[header - 1].kind == "table":
            header -= 1
        if header == para:
            return ""
        row_start = first
        while row_start > 0 and self.para[row_start - 1] == para:
            row_start -= 1
        column = self.folded[row_start:first].count("|")
        cells = self.paragraphs[header].text.split("|")
        return cells[column].strip().lower() if column < len(cells) else ""

    def table_header(self, first: int) -> list[str]:
        """The folded cells of the header row of the table the token stands in; [] outside a
        table (or in its header)."""
        para = self.para[first]
        if self.paragraphs[para].kind != "table":
            return []
        header = para
        while header > 0 and self.paragraphs[header - 1].kind == "table":
            header -= 1
        if header == para:
            return []
        return [cell.strip().lower() for cell in self.paragraphs[header].text.split("|")]

    def context(self, first: int, last: int) -> bool:
        """True when film vocabulary ("director", "premiere") sits near the span."""
        para = self.para[first]
        low, high = max(0, first - _CONTEXT_WINDOW), min(len(self.folded), last + _CONTEXT_WINDOW + 1)
        for i in range(low, high):
            if (i < first or i > last) and self.para[i] == para and self.folded[i] in CONTEXT_WORDS:
                return True
        return False

    def paren_years(self, last: int) -> set[int]:
        """The years in parentheses right after the span ("Heat (1995)", "“Heat” (1995)"), or
        after "of" or "from" ("the Heat of 1995", "Heat from 1995"): the year of the film meant."""
        folded = self.folded
        if last + 1 < len(folded) and folded[last + 1] in QUOTES:
            last += 1  # the closing quote mark of a title set in quotes (round twenty-five)
        if last + 2 < len(folded) and folded[last + 1] in ("of", "from") and is_year(folded[last + 2]) and (
            last + 3 >= len(folded) or not is_year(folded[last + 3]) and folded[last + 3] not in ("to", "until", "-", "–")
        ):
            return {int(folded[last + 2])}
        if last + 1 >= len(folded) or folded[last + 1] != "(":
            return set()
        years = set()
        for i in range(last + 2, min(len(folded), last + 10)):
            token = folded[i]
            if token == ")":
                return years
            if is_year(token):
                years.add(int(token))
        return set()

    def near_years(self, first: int, last: int) -> set[int]:
        para = self.para[first]
        years = set()
        for i in range(max(0, first - _YEAR_WINDOW), min(len(self.folded), last + _YEAR_WINDOW + 1)):
            token = self.folded[i]
            if self.para[i] == para and is_year(token):
                years.add(int(token))
        return years

    def continues_name(self, first: int, last: int) -> bool:
        """True when the match is part of a longer name: a hyphen and a capitalised word glued to
        either end ("Coombs-Wilder", "Marsh-Okoye"), or a capitalised, uncommon word right after
        it ("Ines Duarte Moreira"). A person's match must end at a name boundary."""
        folded, raw, spaced, para = self.folded, self.raw, self.spaced, self.para[first]
        after = last + 1
        if after + 1 < len(folded) and folded[after] == "-" and not spaced[after] and not spaced[after + 1]:
            if para == self.para[after + 1] and raw[after + 1][:1].isupper():
                return True
        before = first - 1
        if before >= 1 and folded[before] == "-" and not spaced[first] and not spaced[before]:
            if para == self.para[before - 1] and raw[before - 1][:1].isupper():
                return True
        if self.word(after) and self.para[after] == para and raw[after][:1].isupper() and not raw[after].isupper():
            word = folded[after]
            return not is_common(word) and word not in CONTEXT_WORDS and not self.sentence_initial(after)
        return False

    def in_longer_name(self, first: int, last: int) -> bool:
        """True when a capitalized, uncommon word sits right before or after the match."""
        for i in (first - 1, last + 1):
            if self.word(i) and self.para[i] == self.para[first] and self.raw[i][:1].isupper():
                word = self.folded[i]
                if not is_common(word) and word not in CONTEXT_WORDS and not word.isdigit():
                    if i == first - 1 and self.sentence_initial(i) and self.raw[i].isupper():
                        continue
                    return True
        return False


def is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and _FIRST_YEAR <= int(token) <= _LAST_YEAR
