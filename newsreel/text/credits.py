"""Credit lines under a quotation: "— Ada Varga, director", "— Della Ransome (Hesper Lindgaard)".

A heading or a paragraph that is one quotation and nothing else, with such a credit as the
next paragraph, is a credited line: a best-lines list's "### 9. “Obviously.”" over "— Mrs
Ottery (Philippa Grue)". Its words are speech, never a title, however much a film is called
"Obviously" (mentions and quotes both read it).

Depends on: types.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .types import Paragraph

# A credit line under a quotation: a dash and a capital.
CREDIT_LINE_RE = re.compile(r"\s*(?:[—–]|--?)\s*[A-Z]")
# One quotation, after a rank ("10.", "No. 3:", "#1 —") or none, its own stop inside or after.
_WHOLE_QUOTATION_RE = re.compile(
    r"(?:(?:No\.\s*|#)?\d{1,3}[.):]?\s*(?:[—–-]\s*)?)?[“\"‘']([^\n]+?)[.!?,]?[”\"’'][.!?]?"
)


def credited_line(paragraphs: Sequence[Paragraph], index: int) -> str | None:
    """The words of paragraph `index` when it is one quotation whose credit line is the
    paragraph after it (its stop left out), else None."""
    if index + 1 >= len(paragraphs) or not CREDIT_LINE_RE.match(paragraphs[index + 1].text):
        return None
    whole = _WHOLE_QUOTATION_RE.fullmatch(paragraphs[index].text.strip())
    return whole.group(1) if whole else None


# A quiz's reveal under its numbered line: "**Answer:** Verne, to this magazine in 2019."
_ANSWER_RE = re.compile(r"\s*Answer\s*:\s*")


def answered_line(paragraphs: Sequence[Paragraph], index: int) -> int | None:
    """Where the reveal's words begin (a document offset) when paragraph `index` is a quiz's
    numbered line, one quotation ("**2.** “I don't direct actors.”"), with an "Answer:" paragraph
    under it; None otherwise. Whose line it is, the reveal says, not the paragraphs before."""
    if index + 1 >= len(paragraphs):
        return None
    text = paragraphs[index].text.strip()
    answer = _ANSWER_RE.match(paragraphs[index + 1].text)
    if answer is None or not text[:1].isdigit() or _WHOLE_QUOTATION_RE.fullmatch(text) is None:
        return None
    return paragraphs[index + 1].start + answer.end()


def credited_quotation(paragraphs: Sequence[Paragraph], index: int) -> bool:
    """Whether paragraph `index` is one quotation over its credit line."""
    return credited_line(paragraphs, index) is not None
