"""`parse_document`: Newsreel Markdown in, a `Document` out.

A Document is the parsed article: its plain text block by block, the films its spoiler
blocks are about, the spoiler-safe projection every excerpt reads, reading time, and
`html()` to render it for the page or for a feed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it.token import Token

from .embeds import EmbedLookup, EmbedRef, no_embed_media
from .figures import FigureImage, ImageLookup
from .markdown import MARKDOWN
from .plaintext import extract_paragraphs, join_paragraphs, number_paragraphs
from .readingtime import count_words, reading_minutes
from .render import MODE_DEPENDENT_BLOCKS, render_html
from .resolve import resolve_tokens
from .spoilers import spoiler_note
from .types import FilmRef, LinkTarget, Paragraph

__all__ = ["Document", "parse_document", "spoiler_note"]


@dataclass(eq=False)
class Document:
    paragraphs: list[Paragraph]
    text: str
    spoiler_films: list[str]  # film keys, in order of first appearance
    spoiler_film_refs: list[FilmRef]
    safe_paragraphs: list[Paragraph]  # without any spoiler-block text; starts index safe_text
    safe_text: str
    word_count: int
    reading_minutes: int
    figures: list[FigureImage]  # every image shown, in order
    embeds: list[EmbedRef]  # every embed shown, in order
    _tokens: list[Token] = field(repr=False, default_factory=list)
    _env: dict[str, Any] = field(repr=False, default_factory=dict)

    @property
    def spoiler_note(self) -> tuple[str, str]:
        """(plain text, html) of "This story includes spoilers for ..."; empty without spoilers."""
        return spoiler_note(self.spoiler_film_refs)

    @property
    def renders_alike(self) -> bool:
        """True when the body holds neither a spoiler block nor an embed, the only blocks the
        spoiler modes render differently: then the page's HTML is the feed's too."""
        return not any(token.type in MODE_DEPENDENT_BLOCKS for token in self._tokens)

    def html(
        self,
        *,
        links: Sequence[LinkTarget] = (),
        spoiler_mode: str = "interactive",
        article_url: str = "",
    ) -> str:
        """Sanitized HTML of the body. `spoiler_mode` is "interactive" (panels readers open)
        or "notice" (spoiler blocks replaced by a notice linking to `article_url`)."""
        return render_html(
            self._tokens, self._env, links=links, spoiler_mode=spoiler_mode, article_url=article_url
        )


def parse_document(
    source: str, *, films: Sequence[FilmRef], images: ImageLookup, embeds: EmbedLookup = no_embed_media
) -> Document:
    """Parse Newsreel Markdown; raises TextError(message, line=N) for what cannot be published."""
    env: dict[str, Any] = {}
    resolution = resolve_tokens(MARKDOWN.parse(source, env), films=films, images=images, md=MARKDOWN, embeds=embeds)
    paragraphs = extract_paragraphs(resolution.tokens)
    safe_paragraphs = number_paragraphs(p for p in paragraphs if p.spoiler_film is None)
    text = join_paragraphs(paragraphs)
    words = count_words(text)
    return Document(
        paragraphs=paragraphs,
        text=text,
        spoiler_films=[film.key for film in resolution.films],
        spoiler_film_refs=list(resolution.films),
        safe_paragraphs=safe_paragraphs,
        safe_text=join_paragraphs(safe_paragraphs),
        word_count=words,
        reading_minutes=reading_minutes(words),
        figures=resolution.images,
        embeds=resolution.embeds,
        _tokens=resolution.tokens,
        _env=env,
    )
