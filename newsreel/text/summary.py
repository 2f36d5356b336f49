"""Generated summaries: extractive, deterministic, spoiler-safe.

`summarize` picks one to three sentences from the article's own body paragraphs. News puts
the point first, so the lead is the baseline; each sentence is scored on

- position: earlier paragraphs and a paragraph's first sentence score higher;
- the headline: words it shares with the headline (the editor's own statement of the point);
- centrality: how much of its vocabulary recurs in the rest of the article;
- names: films, people and numbers per word (the who, what and how much of a news lead);

and penalised when it is mostly quotation (a quote needs its speaker to make sense), when
it opens with a word that points back ("But", "He", "This", "Then") so that it dangles
without the sentence before, or when it is very short or very long. Sentences are chosen
best first, skipping any that repeat one already chosen, and put back in reading order.

Only `paragraph` blocks outside spoiler blocks are read: never headings, captions, notes,
tables, list items or block quotes. `short` is the summary cut to `short_length`
characters: whole sentences when they fit, else cut at a word with an ellipsis.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass
from itertools import islice
from typing import Sequence

from newsreel.text.sentences import split_sentences
from newsreel.text.types import Paragraph, Summary

__all__ = ["summarize", "cut_at_word"]

ELLIPSIS = "…"
# The most a generated summary runs to; the box above an article is read at a glance.
MAX_SUMMARY_CHARS = 420
# A third sentence is added only while the first two run shorter than this.
THIRD_SENTENCE_BELOW = 260

# `short` keeps whole sentences when they fill at least this share of its length.
SHORT_WHOLE_SENTENCES = 0.6

# Weights, set by bench/summary_rouge.py on half of the tune articles (see its docstring).
W_DECAY = 0.3  # how fast position credit falls off by paragraph
W_PARA_FIRST = 0.1  # a paragraph's first sentence
W_LEAD = 0.0  # the article's first sentence
W_HEADLINE = 0.9
W_CENTRAL = 0.12
W_NAMES = 1.0

# Words that make a sentence lean on the one before it.
_DANGLING = frozenset(
    """
    but and or so yet also still then thus hence however meanwhile instead besides moreover
    furthermore nevertheless nonetheless otherwise likewise similarly consequently therefore
    he she it they him her his hers its their theirs them we us our this that these those
    there here such both either neither another other others
    """.split()
)
_STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your
    yours yourself said says also one two new first last year years film films movie
    """.split()
)
_WORD_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9][\w’'\-]*")
_NON_LETTER_RE = re.compile(r"[\W\d_]")  # every character not a letter: fewer in prose to count
_UPPER_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]")
_ASCII_NON_LETTERS = bytes(c for c in range(128) if not chr(c).isalpha())  # for bytes.translate
_QUOTED_RE = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_BOILERPLATE_RE = re.compile(
    r"^\s*(?:\[?editor['’]s note|photo credit|courtesy|follow us|previous|next|read more|related:)",
    re.IGNORECASE,
)


@dataclass
class _Sentence:
    text: str
    para: int  # index among the eligible paragraphs
    index: int  # position within its paragraph
    order: int  # position in the article
    words: list[str]
    terms: set[str]
    score: float = 0.0


def summarize(
    paragraphs: Sequence[Paragraph], *, headline: str = "", max_sentences: int = 3, short_length: int = 160
) -> Summary:
    """An extractive summary of 1 to `max_sentences` sentences and its short form."""
    sentences = _sentences(paragraphs)
    if not sentences or max_sentences < 1:
        return Summary(text="", short="")
    _score(sentences, headline)
    chosen = _choose(sentences, max_sentences)
    text = " ".join(s.text for s in chosen)
    return Summary(text=text, short=_short(chosen, short_length))


def cut_at_word(text: str, limit: int) -> str:
    """`text` whole if it fits in `limit` characters, else cut at a word with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return text[:limit]
    cut = text[: limit - len(ELLIPSIS) + 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    else:
        cut = cut[: limit - len(ELLIPSIS)]
    # Do not leave punctuation or an opening quote dangling before the ellipsis.
    cut = cut.rstrip(" ,;:—–-([“‘\"'")
    return cut + ELLIPSIS


# --- candidates -----------------------------------------------------------------------------


def _eligible(paragraph: Paragraph, min_words: int = 6) -> bool:
    if paragraph.kind != "paragraph" or paragraph.spoiler_film is not None:
        return False
    text = paragraph.text.strip()
    if _BOILERPLATE_RE.match(text):
        return False
    if _shouted(text):
        return False  # a shouted tagline, not prose
    # At least `min_words` words: the scan stops at the last one needed rather than listing
    # every word of the paragraph (bench/text_core.py).
    return next(islice(_WORD_RE.finditer(text), min_words - 1, None), None) is not None


def _shouted(text: str) -> bool:
    """More than 60% of the letters are capitals."""
    capitals = len(_UPPER_RE.findall(text))
    if not capitals:
        return False
    # Prose settles it on a lower bound of the letters: its ASCII letters, counted at C speed
    # (bytes.translate). Counting every letter by regex (one match per space and mark) is left
    # to the few paragraphs the bound does not settle (bench/text_core.py).
    ascii_letters = len(text.encode("ascii", "ignore").translate(None, _ASCII_NON_LETTERS))
    if capitals <= 0.6 * ascii_letters:
        return False
    letters = len(text) - len(_NON_LETTER_RE.findall(text))  # never 0: capitals are letters
    return capitals > 0.6 * letters


def _sentences(paragraphs: Sequence[Paragraph]) -> list[_Sentence]:
    found: list[_Sentence] = []
    para = 0
    # Paragraphs of a few words ("Previous", a dateline) are left out unless nothing else is there.
    eligible = [p for p in paragraphs if _eligible(p)] or [p for p in paragraphs if _eligible(p, 1)]
    for paragraph in eligible:
        for index, (s, e) in enumerate(split_sentences(paragraph.text)):
            text = " ".join(paragraph.text[s:e].split())
            words = _WORD_RE.findall(text)
            if not words:
                continue
            terms = set(map(_term, words))
            terms.discard("")
            found.append(_Sentence(text, para, index, len(found), words, terms))
        para += 1
    return found


# --- scoring --------------------------------------------------------------------------------


def _score(sentences: list[_Sentence], headline: str) -> None:
    head_terms = {_stem(w) for w in _WORD_RE.findall(headline) if _content(w)}
    frequency: dict[str, int] = {}
    for s in sentences:
        for term in s.terms:
            frequency[term] = frequency.get(term, 0) + 1
    # The terms used in more than one sentence: one set intersection per sentence below
    # instead of a frequency look-up per term (bench/text_core.py).
    recurring_terms = {term for term, count in frequency.items() if count > 1}
    for s in sentences:
        n = len(s.words)
        # Position: the lead paragraph counts most, then it decays; a paragraph's first
        # sentence carries its topic.
        position = 1.0 / (1.0 + W_DECAY * s.para) + (W_PARA_FIRST if s.index == 0 else 0.0)
        if s.order == 0:
            position += W_LEAD
        headline_overlap = len(s.terms & head_terms) / len(head_terms) if head_terms else 0.0
        # Centrality: share of the sentence's vocabulary that recurs elsewhere in the article.
        recurring = len(s.terms & recurring_terms)
        centrality = recurring / math.sqrt(len(s.terms)) if s.terms else 0.0
        # Capitalised words after the first, and numbers anywhere: counted over the words'
        # first letters with str methods, not a generator per word (bench/text_core.py).
        # _WORD_RE words are never empty, and no character is both upper-case and a digit.
        initials = [w[0] for w in s.words]
        names = sum(map(str.isupper, initials[1:])) + sum(map(str.isdigit, initials))
        density = names / n
        score = position + W_HEADLINE * headline_overlap + W_CENTRAL * centrality + W_NAMES * min(density, 0.4)
        # Penalties.
        quoted = sum(len(m.group(0)) for m in _QUOTED_RE.finditer(s.text))
        quote_share = quoted / max(len(s.text), 1)
        if quote_share > 0.5:
            score -= 1.0
        elif quote_share > 0.2:
            score -= 0.35
        if s.words[0].lower() in _DANGLING or s.text[:1] in "“\"'‘":
            score -= 0.6
        if n < 8:
            score -= 0.5
        elif n > 45:
            score -= 0.3
        if s.text.rstrip("”\"’' ").endswith(("?", "!", ":")):
            score -= 0.3
        s.score = score


def _choose(sentences: list[_Sentence], max_sentences: int) -> list[_Sentence]:
    ranked = sorted(sentences, key=lambda s: (-s.score, s.order))
    chosen: list[_Sentence] = []
    length = 0
    for s in ranked:
        if len(chosen) >= max_sentences:
            break
        if chosen and length + 1 + len(s.text) > MAX_SUMMARY_CHARS:
            continue
        if any(_overlap(s, c) > 0.6 for c in chosen):
            continue
        if len(chosen) >= 2 and (length >= THIRD_SENTENCE_BELOW or s.score < 0.8 * chosen[-1].score):
            break  # two sentences already say it; a third only when short and nearly as good
        chosen.append(s)
        length += len(s.text) + (1 if length else 0)
    return sorted(chosen, key=lambda s: s.order)


def _overlap(a: _Sentence, b: _Sentence) -> float:
    if not a.terms or not b.terms:
        return 0.0
    return len(a.terms & b.terms) / min(len(a.terms), len(b.terms))


def _short(chosen: list[_Sentence], limit: int) -> str:
    """Whole sentences when they fill most of `limit` characters, else the summary cut at a
    word with an ellipsis (a 50-character meta description wastes the space it is given)."""
    text = ""
    for s in chosen:
        candidate = f"{text} {s.text}" if text else s.text
        if len(candidate) > limit:
            break
        text = candidate
    if len(text) >= SHORT_WHOLE_SENTENCES * limit or len(text) == len(" ".join(s.text for s in chosen)):
        return text
    return cut_at_word(" ".join(s.text for s in chosen), limit)


# --- words ----------------------------------------------------------------------------------


def _content(word: str) -> bool:
    return word.lower() not in _STOPWORDS and len(word) > 2


@functools.lru_cache(maxsize=65536)
def _term(word: str) -> str:
    """The word's stem when it is a content word, else "" (each article reads every word)."""
    return _stem(word) if _content(word) else ""


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A light suffix strip so "premiere"/"premiered" and "film's"/"film" meet."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s?$", "", w)
    for suffix in ("ingly", "edly", "ing", "ed", "es", "s", "ly"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w
