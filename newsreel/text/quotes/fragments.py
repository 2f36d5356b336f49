"""Quote-mark fragments: the spans between paired quote marks in one paragraph, and groups of them.

Depends on: words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsreel.text.types import Paragraph
from newsreel.text.quotes.words import _MARK_RE

# Patterns read for every quotation, compiled once.
_SINGLE_QUOTED_RE = re.compile(r"(?<![\w’'])[‘'](?=[A-Z])(.+?)(?<=[.,?!…—])[’'](?![\w])")


@dataclass
class _Fragment:
    para: int  # index into the paragraph list
    open_at: int  # document offset of the opening mark
    start: int  # first character of the quoted words
    end: int  # after the last quoted character
    close_at: int | None  # document offset after the closing mark; None if left open
    single: bool = False  # delimited by single marks

    @property
    def closed(self) -> bool:
        return self.close_at is not None


@dataclass
class _Group:
    fragments: list[_Fragment] = field(default_factory=list)
    joints: list[str] = field(default_factory=list)  # "attribution" or "paragraph"


def _fragments(index: int, paragraph: Paragraph) -> list[_Fragment]:
    text, base = paragraph.text, paragraph.start
    found: list[_Fragment] = []
    open_at: int | None = None
    for mark in _MARK_RE.finditer(text):
        i, ch = mark.start(), mark.group(0)
        if ch == "“" or (ch == '"' and open_at is None):
            if open_at is not None:
                # A second opening mark: the first was never closed; end it here.
                found.append(_fragment(index, text, base, open_at, i, None))
            open_at = i
        elif ch == "”" or ch == '"':
            if open_at is not None:
                found.append(_fragment(index, text, base, open_at, i, i + 1))
                open_at = None
    if open_at is not None:
        found.append(_fragment(index, text, base, open_at, len(text), None))
    found = [f for f in found if f.end > f.start]
    # British-style single-quoted speech outside every double-quoted span.
    for m in _SINGLE_QUOTED_RE.finditer(text):
        s, e = m.start(), m.end()
        if any(f.open_at - base <= s < (f.close_at or base + len(text)) - base for f in found):
            continue
        frag = _fragment(index, text, base, s, e - 1, e)
        frag.single = True
        found.append(frag)
    found.sort(key=lambda f: f.open_at)
    return found


def _fragment(index: int, text: str, base: int, open_at: int, close_mark: int, close_at: int | None) -> _Fragment:
    s, e = open_at + 1, close_mark
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return _Fragment(index, base + open_at, base + s, base + e, None if close_at is None else base + close_at)
