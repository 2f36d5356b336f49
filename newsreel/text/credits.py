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


def credited_quotation(paragraphs: Sequence[Paragraph], index: int) -> bool:
    """Whether paragraph `index` is one quotation over its credit line."""
    return credited_line(paragraphs, index) is not None
