"""Word-level differences between two versions of a text (difflib), for comparing revisions.

Texts are split into words and the whitespace between them, so a changed word shows as
that word removed and another added, and line breaks survive for display.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKENS = re.compile(r"\s+|[^\s]+")

EQUAL, REMOVED, ADDED = "equal", "removed", "added"


@dataclass(frozen=True)
class Segment:
    """A run of text that is in both versions (equal), only the old one (removed) or only the new one (added)."""

    kind: str
    text: str


def tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def word_diff(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`, in reading order (removed before added)."""
    a, b = tokens(old), tokens(new)
    segments: list[Segment] = []

    def add(kind: str, parts: list[str]) -> None:
        text = "".join(parts)
        if not text:
            return
        if segments and segments[-1].kind == kind:
            segments[-1] = Segment(kind, segments[-1].text + text)
        else:
            segments.append(Segment(kind, text))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add(EQUAL, a[i1:i2])
        else:
            add(REMOVED, a[i1:i2])
            add(ADDED, b[j1:j2])
    return segments


def counts(segments: list[Segment]) -> tuple[int, int]:
    """How many words were removed and added."""
    removed = sum(len(segment.text.split()) for segment in segments if segment.kind == REMOVED)
    added = sum(len(segment.text.split()) for segment in segments if segment.kind == ADDED)
    return removed, added
