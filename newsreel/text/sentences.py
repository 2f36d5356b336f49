"""Sentence splitting for English news copy, written here so nothing is downloaded at run time.

`split_sentences` returns (start, end) spans into the text it was given, with surrounding
whitespace excluded. A boundary is a terminator (. ! ? … or "...") optionally followed by
closing quotes or brackets, then whitespace, then something that can open a sentence
(a capital, a digit, an opening quote or bracket). The exceptions are the everyday ones of
film journalism: titles before names (Mr., Dr., St.), initials ("J. J. Abrams"), dotted
abbreviations (U.S., L.A.), decimals (2.5), and a quotation ending with "?" or "!" that
the attribution continues ("Why?" she asked). A blank line always ends a sentence.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences", "sentence_texts"]

# Words that, followed by a period, are abbreviations that never end a sentence in news copy:
# titles and other forms that always precede a name or a number.
_NEVER_FINAL = frozenset(
    """
    mr mrs ms mx dr prof mt ft gen col lt sgt capt cmdr adm gov sen rep pres supt
    rev hon fr messrs mme mlle sra srta
    no nos vol vols pp fig figs ch chap sec art op ed eds
    vs v cf approx est dept univ assn
    jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()
)
# Abbreviations that may also close a sentence ("... Warner Bros. The studio ...",
# "... and so on, etc. Then ..."); treated as final only before a common sentence opener.
_MAYBE_FINAL = frozenset("inc ltd co corp llc plc etc al jr sr st bros".split())
# Sentence openers that make an ambiguous abbreviation (Inc., U.S.) sentence-final.
_OPENERS = frozenset(
    """
    a an the this that these those it its he she they we i you his her their our my your
    but and so yet or nor however still meanwhile then there here when while after before
    as at in on for of to if although though because since now today tomorrow yesterday
    what who why how where which one some many most all both each every no not
    """.split()
)

_TERMINATORS = ".!?…"
_CLOSERS = "\"'”’)]»"
_CANDIDATE_RE = re.compile(r"[\n.!?…]")
_OPENING_PUNCT = "\"'“‘([«¿¡"

_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_SPEECH = (
    "said|says|asked|asks|added|adds|told|tells|replied|replies|wondered|laughed|joked|explained|"
    "continued|shouted|cried|exclaimed|recalled|insisted|wrote|writes|noted|remarked|admitted|quipped"
)
# A name (up to three capitalised words) and a speech verb, or the verb and then a name.
_ATTRIBUTION_AFTER_RE = re.compile(
    rf"(?:(?:[A-Z][\w’'\-]+\s+){{1,3}}(?:[a-z]+ly\s+)?(?:{_SPEECH})\b|(?:{_SPEECH})\s+[A-Z])"
)
_next_word_re = re.compile(r"[\"'“‘(\[«]*([A-Za-z]+)")


def sentence_texts(text: str) -> list[str]:
    """The sentences of `text` as strings."""
    return [text[s:e] for s, e in split_sentences(text)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split `text` into sentences; return (start, end) spans into `text`."""
    spans: list[tuple[int, int]] = []
    n = len(text)
    start = 0
    i = 0
    while i < n:
        # Jump to the next character that can end a sentence: the rest are skipped one by one
        # otherwise, on every word of every article (bench/text_core.py).
        candidate = _CANDIDATE_RE.search(text, i)
        if candidate is None:
            break
        i = candidate.start()
        ch = text[i]
        if ch == "\n":
            # A blank line (paragraph break) is always a boundary.
            j = i + 1
            while j < n and text[j] in " \t\r":
                j += 1
            if j < n and text[j] == "\n":
                _add(spans, text, start, i)
                while j < n and text[j].isspace():
                    j += 1
                start = i = j
                continue
            i += 1
            continue
        # Gather the whole terminator run ("?!", "...") and any closing quotes/brackets.
        j = i
        while j < n and text[j] in _TERMINATORS:
            j += 1
        while j < n and text[j] in _CLOSERS:
            j += 1
        end = j
        if j >= n:
            break
        if not text[j].isspace():
            i = j
            continue
        k = j
        while k < n and text[k].isspace():
            k += 1
        if k >= n:
            break
        if _is_boundary(text, start, i, end, k):
            _add(spans, text, start, end)
            start = k
        i = k
    _add(spans, text, start, n)
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _is_boundary(text: str, sent_start: int, term: int, end: int, nxt: int) -> bool:
    """Is the terminator at `term` (run ending at `end`) a sentence end, with the next
    sentence's first non-space character at `nxt`?"""
    # A paragraph break after a terminator is always a boundary.
    if "\n\n" in text[end:nxt].replace("\r", "").replace(" ", "").replace("\t", ""):
        return True
    next_ch = text[nxt]
    next_word_m = _next_word_re.match(text, nxt)
    next_word = next_word_m.group(1) if next_word_m else ""
    starts_upper = next_ch.isupper() or next_ch.isdigit() or (
        next_ch in _OPENING_PUNCT and bool(next_word) and (next_word[0].isupper() or next_word[0].isdigit())
    )
    if next_ch in _OPENING_PUNCT and not next_word:
        # An opening quote before a non-letter, e.g. "…" or a number: accept.
        starts_upper = True
    if not starts_upper:
        return False
    run = text[term:end]
    if run[0] in "?!" and any(c in _CLOSERS for c in run) and _ATTRIBUTION_AFTER_RE.match(text, nxt):
        # `“Why now?” Okafor asked.` — the attribution finishes the quoted question.
        return False
    if run[0] != "." or run.startswith("..."):
        # ! ? … and "..." end a sentence when a capital follows.
        return True
    word = _word_before(text, sent_start, term)
    if not word:
        return True
    lower = word.lower().rstrip(".")
    bare = lower.replace(".", "")
    if "." in word.strip("."):
        # Dotted abbreviation: U.S., L.A., e.g., i.e.
        if bare in ("eg", "ie"):
            return False
        return next_word.lower() in _OPENERS
    if len(word) == 1 and word.isupper():
        # An initial ("J. J. Abrams", "Plan B." is rare enough to give up).
        return False
    if lower in _NEVER_FINAL:
        # "No. 1" but "He said no. The…" — only the capitalised form is the abbreviation.
        if lower in ("no", "art", "ed", "op", "est", "v", "ch", "sec") and not word[0].isupper():
            return True
        if lower in ("no", "nos", "vol", "vols", "fig", "figs", "ch", "chap", "sec", "art", "op", "pp"):
            # Only before a number are these abbreviations ("No. 1", "Vol. 2").
            return not next_ch.isdigit()
        if lower in ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"):
            return not next_ch.isdigit() and next_word.lower() in _OPENERS
        return False
    if lower in _MAYBE_FINAL:
        return next_word.lower() in _OPENERS
    return True


def _word_before(text: str, start: int, end: int) -> str:
    """The word of ASCII letters and dots (its first a letter) that `text[start:end]` ends on,
    as a search of r"([A-Za-z][A-Za-z.]*)$" there finds it, "" when there is none. Read back
    from the stop: the search from the sentence's start tried every word of the sentence, at
    every stop of every article (bench/text_core.py)."""
    if end > start and text[end - 1] == "\n":
        end -= 1  # `$` also matches before a final newline
    first = end
    while first > start and text[first - 1] in _WORD_CHARS:
        first -= 1
    while first < end and text[first] == ".":
        first += 1
    return text[first:end]


def last_sentence(text: str) -> tuple[int, int] | None:
    """The span of `text`'s last sentence (what a paragraph ends on), or None when it has none."""
    spans = split_sentences(text)
    return spans[-1] if spans else None
