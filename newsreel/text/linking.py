"""Link the first occurrence of each known name in an article's body.

Works on the token stream before rendering, so it never sees tags: only ordinary text is
linked, never text inside headings, code, existing links or figure captions (collapsed
figures hold their captions out of reach). A link with a `start` goes exactly where the
text core found its mention (so "Her" the pronoun never gets the film's link); one without
is matched case-sensitively on word boundaries. Text a reader sees without revealing
anything comes first: a name is linked inside a spoiler block only when it appears nowhere
outside one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache

from markdown_it.token import Token

from .containers import is_figure_image
from .plaintext import DOCUMENT_OFFSET, child_text
from .types import LinkTarget

MENTION_CLASS = "mention"
_SKIPPED_BLOCKS = frozenset({"heading_open", "nr_figure_open"})


def link_mentions(tokens: Sequence[Token], links: Sequence[LinkTarget]) -> list[Token]:
    """A copy of `tokens` with the first occurrence of each link's surface wrapped in
    `<a class="mention">`; the input tokens are not changed."""
    pending = _pending(links)
    linked = list(tokens)
    if not pending:
        return linked
    places = list(_linkable_inlines(linked))
    for in_spoiler_pass in (False, True):
        for index, in_spoiler in places:
            if in_spoiler != in_spoiler_pass or not pending:
                continue
            offset = linked[index].meta.get(DOCUMENT_OFFSET)
            children = _link_children(linked[index].children or [], pending, offset)
            if children is not None:
                copy = linked[index].copy()
                copy.children = children
                linked[index] = copy
    return linked


Pending = dict[tuple[str, int | None], LinkTarget]


def _pending(links: Sequence[LinkTarget]) -> Pending:
    pending: Pending = {}
    for link in links:
        if link.surface.strip() and link.href:
            pending.setdefault((link.surface, link.start), link)
    return pending


def _linkable_inlines(tokens: Sequence[Token]) -> Iterator[tuple[int, bool]]:
    """(index, inside a spoiler block) of every inline token holding ordinary text."""
    stack: list[str] = []
    for index, token in enumerate(tokens):
        if token.nesting == 1:
            stack.append(token.type)
        elif token.nesting == -1:
            if stack:
                stack.pop()
        elif token.type == "inline" and not is_figure_image(token):
            if not _SKIPPED_BLOCKS.intersection(stack):
                yield index, "nr_spoiler_open" in stack


def _link_children(children: Sequence[Token], pending: Pending, offset: int | None) -> list[Token] | None:
    """New children with links added, or None when nothing matched. `offset` is the
    document offset of the first child's text (None where the text core kept no offset)."""
    result: list[Token] = []
    changed = False
    link_depth = 0
    for child in children:
        child_offset = offset
        if offset is not None:
            offset += len(child_text(child))
        if child.type == "link_open":
            link_depth += 1
        elif child.type == "link_close":
            link_depth -= 1
        if child.type != "text" or link_depth > 0 or not pending:
            result.append(child)
            continue
        pieces = _split_text(child, pending, child_offset)
        changed = changed or len(pieces) > 1
        result += pieces
    return result if changed else None


def _split_text(token: Token, pending: Pending, offset: int | None) -> list[Token]:
    pieces: list[Token] = []
    text = token.content
    consumed = 0  # characters of token.content already moved into pieces
    while pending:
        found = _earliest_match(text, pending, None if offset is None else offset + consumed)
        if found is None:
            break
        start, end, key = found
        link = pending.pop(key)
        if start:
            pieces.append(_text(text[:start], token.level))
        pieces += _link_tokens(text[start:end], link, token.level)
        text = text[end:]
        consumed += end
    if not pieces:
        return [token]
    if text:
        pieces.append(_text(text, token.level))
    return pieces


def _earliest_match(text: str, pending: Pending, offset: int | None) -> tuple[int, int, tuple[str, int | None]] | None:
    """The leftmost place for any pending link; the longest wins a tie. A positioned link
    matches only at its own offset; an unpositioned one at any word-bounded occurrence."""
    best: tuple[int, int, tuple[str, int | None]] | None = None
    for key, link in pending.items():
        if link.start is not None:
            if offset is None:
                continue
            local = link.start - offset
            if not (0 <= local and text.startswith(link.surface, local)):
                continue
            candidate = (local, local + len(link.surface), key)
        else:
            match = _pattern(link.surface).search(text)
            if match is None:
                continue
            candidate = (match.start(), match.end(), key)
        if best is None or (candidate[0], -candidate[1]) < (best[0], -best[1]):
            best = candidate
    return best


@lru_cache(maxsize=4096)
def _pattern(surface: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")


def _link_tokens(surface: str, link: LinkTarget, level: int) -> list[Token]:
    attrs: dict[str, str | int | float] = {"href": link.href, "class": MENTION_CLASS}
    if link.title:
        attrs["title"] = link.title
    return [
        Token("link_open", "a", 1, attrs=attrs, level=level),
        _text(surface, level + 1),
        Token("link_close", "a", -1, level=level),
    ]


def _text(content: str, level: int) -> Token:
    return Token("text", "", 0, content=content, level=level)
