"""The markdown-it setup for Newsreel Markdown and the HTML of its own blocks.

CommonMark with tables, strikethrough and footnotes, plus the `:::` blocks of
`containers.py`. Raw HTML is parsed (it is sanitized later with everything else).
Inline `^[...]` footnotes are off: their text would be moved out of spoiler blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from .containers import container_rule
from .embeds import facade_html, feed_link_html
from .figures import figure_html
from .spoilers import spoiler_notice_html, spoiler_summary_html
from .types import TextError

EDITORS_NOTE_LABEL = "Editor's note"


def build_markdown() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin, inline=False)
    md.block.ruler.before(
        "fence", "newsreel_blocks", container_rule,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    md.core.ruler.before("footnote_tail", "newsreel_footnote_guard", _footnotes_outside_spoilers)
    for name, rule in _RENDER_RULES.items():
        md.add_render_rule(name, rule)
    md.block.tokenize = _refusing_deep_nesting(md.block.tokenize)
    return md


def _refusing_deep_nesting(tokenize: Callable[[StateBlock, int, int], None]) -> Callable[[StateBlock, int, int], None]:
    """markdown-it silently skips whatever lies deeper than `maxNesting` levels (quotes and
    lists inside each other): the writer's text would vanish. Refuse it with its line instead."""
    def guarded(state: StateBlock, start_line: int, end_line: int) -> None:
        limit = state.md.options.maxNesting
        if state.level >= limit:
            line = state.skipEmptyLines(start_line)
            if line < end_line and state.sCount[line] >= state.blkIndent:
                raise TextError(
                    f"quotes, lists or ::: blocks are nested more than {limit} levels deep here; "
                    f"Newsreel keeps {limit} levels, so nest them less",
                    line=line + 1,
                )
        tokenize(state, start_line, end_line)
    return guarded


def _footnotes_outside_spoilers(state: StateCore) -> None:
    """Footnotes are listed at the end of the article, outside any spoiler panel, so a
    footnote defined inside a spoiler block would reveal the plot: refuse it."""
    spoiler_line: int | None = None
    for token in state.tokens:
        if token.type == "nr_spoiler_open":
            spoiler_line = token.meta["line"]
        elif token.type == "nr_spoiler_close":
            spoiler_line = None
        elif token.type == "footnote_reference_open" and spoiler_line is not None:
            line = token.map[0] + 1 if token.map else spoiler_line
            raise TextError(
                f"footnote [^{token.meta['label']}] is defined inside the spoiler block opened on "
                f"line {spoiler_line}; footnotes are listed at the end of the article, "
                "so define it outside the spoiler block",
                line=line,
            )


# Renderer rules: markdown-it binds them as methods of its renderer.
Rule = Any


def _spoiler_open(self: Rule, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    film = tokens[idx].meta["film"]
    return (
        f'<details class="spoiler" data-film="{escape(film.key)}">\n'
        f"{spoiler_summary_html(film)}\n"
        '<div class="spoiler-body">\n'
    )


def _spoiler_close(self: Rule, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "</div>\n</details>\n"


def _spoiler_notice(self: Rule, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    meta = tokens[idx].meta
    return spoiler_notice_html(meta["film"], meta["article_url"])


def _note_open(self: Rule, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return f'<aside class="editors-note">\n<p class="editors-note-label">{EDITORS_NOTE_LABEL}</p>\n'


def _note_close(self: Rule, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return "</aside>\n"


def _figure(self: Rule, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    meta = tokens[idx].meta
    caption = " ".join(
        self.renderInline(inline.children or [], options, env) for inline in meta["captions"]
    )
    return figure_html(meta["image"], caption)


def _embed(self: Rule, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    meta = tokens[idx].meta
    caption = " ".join(self.renderInline(inline.children or [], options, env) for inline in meta["captions"])
    render = feed_link_html if meta["as_link"] else facade_html
    return render(meta["embed"], meta["media"], caption)


_RENDER_RULES = {
    "nr_spoiler_open": _spoiler_open,
    "nr_spoiler_close": _spoiler_close,
    "nr_spoiler_notice": _spoiler_notice,
    "nr_note_open": _note_open,
    "nr_note_close": _note_close,
    "nr_figure": _figure,
    "nr_embed": _embed,
}

MARKDOWN = build_markdown()
