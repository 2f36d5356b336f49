"""Word-level differences between two versions of a text (difflib), for comparing revisions.

Two passes keep it fast on long stories: lines are matched first, then only the lines that
differ are compared word by word. A word carries the whitespace after it, so a changed word
shows as that word removed and another added, and line breaks survive for display. A block of
changed lines too large to compare word by word in reasonable time (a rewritten feature) is
shown as removed, then added, whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKENS = re.compile(r"\s+|\S+\s*")

EQUAL, REMOVED, ADDED = "equal", "removed", "added"
# Word comparison costs about the product of the two blocks' word counts; past this, whole lines.
MAX_WORD_PAIRS = 4_000_000


@dataclass(frozen=True)
class Segment:
    """A run of text that is in both versions (equal), only the old one (removed) or only the new one (added)."""

    kind: str
    text: str


def tokens(text: str) -> list[str]:
    """Words with the whitespace after them (and any leading whitespace on its own)."""
    return _TOKENS.findall(text)


class _Segments(list):
    def add(self, kind: str, text: str) -> None:
        if not text:
            return
        if self and self[-1].kind == kind:
            self[-1] = Segment(kind, self[-1].text + text)
        else:
            self.append(Segment(kind, text))


def _words(segments: _Segments, old: str, new: str) -> None:
    a, b = tokens(old), tokens(new)
    if len(a) * len(b) > MAX_WORD_PAIRS:
        segments.add(REMOVED, old)
        segments.add(ADDED, new)
        return
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            segments.add(EQUAL, "".join(a[i1:i2]))
        else:
            removed, added = "".join(a[i1:i2]), "".join(b[j1:j2])
            # The space after a changed word is common to both sides: show it as unchanged.
            space = re.search(r"\s*$", removed).group() if removed and added else ""
            if space and added.endswith(space):
                removed, added = removed[:-len(space)], added[:-len(space)]
            segments.add(REMOVED, removed)
            segments.add(ADDED, added)
            segments.add(EQUAL, space)


def word_diff(old: str, new: str) -> list[Segment]:
    """The segments that turn `old` into `new`, in reading order (removed before added)."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    segments = _Segments()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b).get_opcodes():
        if tag == "equal":
            segments.add(EQUAL, "".join(a[i1:i2]))
        else:
            _words(segments, "".join(a[i1:i2]), "".join(b[j1:j2]))
    return list(segments)


def counts(segments: list[Segment]) -> tuple[int, int]:
    """How many words were removed and added."""
    removed = sum(len(segment.text.split()) for segment in segments if segment.kind == REMOVED)
    added = sum(len(segment.text.split()) for segment in segments if segment.kind == ADDED)
    return removed, added
