"""Resolved tokens -> sanitized HTML, in one of two spoiler modes.

"interactive" (the article page): each spoiler block is a <details> panel naming its film,
which readers open without JavaScript. "notice" (feeds and other places that cannot hide
text): each spoiler block is replaced by a short notice linking to the article, and
footnotes only spoiler text referred to are dropped with it.
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping, Sequence
from typing import Any

from markdown_it.token import Token

from .containers import is_figure_image
from .linking import link_mentions
from .markdown import MARKDOWN
from .sanitize import sanitize_html
from .types import LinkTarget

SPOILER_MODES = ("interactive", "notice")
# The only blocks the spoiler modes render differently (`replace_spoilers`, `collapse_embeds`).
MODE_DEPENDENT_BLOCKS = frozenset({"nr_spoiler_open", "nr_embed_open"})


def render_html(
    tokens: Sequence[Token],
    env: MutableMapping[str, Any],
    *,
    links: Sequence[LinkTarget] = (),
    spoiler_mode: str = "interactive",
    article_url: str = "",
) -> str:
    if spoiler_mode not in SPOILER_MODES:
        raise ValueError(f"spoiler_mode must be one of {', '.join(SPOILER_MODES)}, not {spoiler_mode!r}")
    stream = collapse_embeds(collapse_figures(tokens), as_link=spoiler_mode == "notice")
    if spoiler_mode == "notice":
        stream = replace_spoilers(stream, article_url)
    stream = link_mentions(stream, links)
    # The renderer reads env (footnote numbering) but does not change it.
    return sanitize_html(MARKDOWN.renderer.render(stream, MARKDOWN.options, env))


def collapse_figures(tokens: Sequence[Token]) -> list[Token]:
    """Each figure block becomes one `nr_figure` token holding its caption's inline tokens."""
    def figure(opening: Token, inner: Sequence[Token]) -> Token:
        captions = [token for token in inner if token.type == "inline" and not is_figure_image(token)]
        made = Token("nr_figure", "figure", 0, map=opening.map, block=True)
        made.meta = {"image": opening.meta["image"], "captions": captions}
        return made

    return _collapse(tokens, "nr_figure_open", figure)


def collapse_embeds(tokens: Sequence[Token], *, as_link: bool) -> list[Token]:
    """Each embed becomes one `nr_embed` token holding its caption's inline tokens; `as_link`
    (feeds) renders it as a plain link instead of the click-to-load facade."""
    def embed(opening: Token, inner: Sequence[Token]) -> Token:
        made = Token("nr_embed", "figure", 0, map=opening.map, block=True)
        made.meta = {"embed": opening.meta["embed"], "media": opening.meta["media"],
                     "captions": [token for token in inner if token.type == "inline"], "as_link": as_link}
        return made

    return _collapse(tokens, "nr_embed_open", embed)


def _collapse(tokens: Sequence[Token], opening_type: str,
              make: Callable[[Token, Sequence[Token]], Token]) -> list[Token]:
    """Each block opened by a token of `opening_type` becomes the one token `make` builds from
    its opening token and the tokens inside it."""
    result: list[Token] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type != opening_type:
            result.append(token)
            index += 1
            continue
        end = _matching_close(tokens, index)
        result.append(make(token, tokens[index + 1 : end]))
        index = end + 1
    return result


def replace_spoilers(tokens: Sequence[Token], article_url: str) -> list[Token]:
    """Each spoiler block becomes one `nr_spoiler_notice` token; nothing inside survives."""
    result: list[Token] = []
    hidden_footnotes: set[int] = set()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type != "nr_spoiler_open":
            result.append(token)
            index += 1
            continue
        end = _matching_close(tokens, index)
        hidden_footnotes |= _footnote_refs(tokens[index + 1 : end])
        notice = Token("nr_spoiler_notice", "p", 0, map=token.map, block=True)
        notice.meta = {"film": token.meta["film"], "article_url": article_url}
        result.append(notice)
        index = end + 1
    return _drop_footnotes(result, hidden_footnotes - _footnote_refs(result))


def _matching_close(tokens: Sequence[Token], index: int) -> int:
    closing = tokens[index].type.replace("_open", "_close")
    depth = 0
    for position in range(index, len(tokens)):
        if tokens[position].type == tokens[index].type:
            depth += 1
        elif tokens[position].type == closing:
            depth -= 1
            if depth == 0:
                return position
    raise AssertionError(f"{tokens[index].type} without {closing}")  # the parser always closes


def _footnote_refs(tokens: Sequence[Token]) -> set[int]:
    return {
        child.meta["id"]
        for token in tokens
        if token.type == "inline"
        for child in token.children or []
        if child.type == "footnote_ref"
    }


def _drop_footnotes(tokens: Sequence[Token], dropped: set[int]) -> list[Token]:
    if not dropped:
        return list(tokens)
    result: list[Token] = []
    skipping = False
    for token in tokens:
        if token.type == "footnote_open" and token.meta["id"] in dropped:
            skipping = True
        elif not skipping:
            result.append(token)
        elif token.type == "footnote_close":
            skipping = False
    if any(token.type == "footnote_open" for token in result):
        return result
    return [token for token in result if token.type not in ("footnote_block_open", "footnote_block_close")]
