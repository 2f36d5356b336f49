"""Plain data shared by the text core's steps.

The knowledge graph arrives as `KnowledgeGraph` (built by the films app from the
database, or by `newsreel evaluate` from a JSON file); results leave as the dataclasses
below. Nothing here imports Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


class TextError(ValueError):
    """Bad input in an article's text. `line` is 1-based in the Markdown source."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        self.message = message
        self.line = line
        super().__init__(f"line {line}: {message}" if line is not None else message)


# The site's link function for the text core: (kind, key) -> URL, kind "film" or "person".
Href = Callable[[str, str], str]


@dataclass(frozen=True)
class FilmRef:
    key: str
    title: str
    year: int | None = None
    aliases: tuple[str, ...] = ()

    @property
    def display(self) -> str:
        return f"{self.title} ({self.year})" if self.year else self.title


@dataclass(frozen=True)
class PersonRef:
    key: str
    name: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class CreditRef:
    film: str
    person: str
    role: str
    character: str = ""


@dataclass(frozen=True)
class KnowledgeGraph:
    films: tuple[FilmRef, ...] = ()
    people: tuple[PersonRef, ...] = ()
    credits: tuple[CreditRef, ...] = ()


@dataclass(frozen=True)
class ImageRef:
    """An image a figure may show; `url` is ready to put in src."""

    url: str
    alt: str
    credit: str
    width: int | None = None
    height: int | None = None
    srcset: str = ""
    # Modern-format alternatives for a <picture>: (MIME type, srcset), e.g. ("image/webp", "a.webp 480w").
    sources: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Paragraph:
    """A block of plain text from the article, in reading order.

    `spoiler_film` is set for text inside a spoiler block. Offsets of mentions and quotes
    index `Document.text`, where paragraphs are joined by a blank line.
    """

    text: str
    start: int
    kind: str = "paragraph"  # paragraph, heading, quote, list, caption, note, table
    spoiler_film: str | None = None
    # (start, end) offsets in `text` of spans the writer set in italics: a title set in
    # italics is evidence that it names a film.
    emphasis: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Mention:
    kind: str  # "film" or "person"
    key: str
    start: int
    end: int
    surface: str
    in_spoiler: bool = False
    # How sure the finder is that the surface names this entity, 0..1 (docs/text-core.md says
    # how it is computed); below LINK_CONFIDENCE a mention is neither linked nor indexed.
    confidence: float = 1.0
    # One name standing for several entities ("the Safdie brothers" -> each brother): indexed
    # for each, never linked (a link goes to one page).
    group: bool = False
    # False for a reference that is no name ("Carver's 1982 original"): indexed, never linked.
    link: bool = True


@dataclass(frozen=True)
class Quote:
    text: str
    start: int
    end: int
    speaker_key: str | None = None  # a person in the knowledge graph
    speaker_name: str | None = None  # the name as written, when not in the graph
    in_spoiler: bool = False
    # How sure the core is of the speaker, 0..1 (docs/text-core.md says how it is computed); a
    # person's page shows the quote only at or above SURE_CONFIDENCE, or once an editor confirms.
    confidence: float = 0.0
    kind: str = "speech"  # "speech", or "qa" for an answer in an interview transcript
    # Offsets in `text` where a later fragment begins: a quotation broken by its attribution
    # ("…,” she said. “…”) or running over paragraphs is kept whole, its parts marked here.
    fragment_starts: tuple[int, ...] = ()


@dataclass(frozen=True)
class Summary:
    text: str  # 1-3 sentences, spoiler-safe
    short: str  # about 160 characters, cut at a word, for meta description


@dataclass(frozen=True)
class LinkTarget:
    """Link `surface` in the rendered HTML to `href`: at document offset `start` when it is
    given (the mention the text core chose), else at the first occurrence of the text."""

    surface: str
    href: str
    title: str = ""
    start: int | None = None


@dataclass
class ProcessedArticle:
    html: str
    safe_text: str
    paragraphs: list[Paragraph]
    spoiler_films: list[str]
    spoiler_note: str
    spoiler_note_html: str
    reading_minutes: int
    word_count: int
    mentions: list[Mention] = field(default_factory=list)  # linked and indexed (LINK_CONFIDENCE or more)
    # Names found with too little confidence to link or index: plain text in the story, for
    # an editor to link by hand.
    unsure_mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    summary: Summary | None = None
    # The body for feeds: each spoiler block replaced by a notice linking to the article.
    feed_html: str = ""
    # Every embed shown (newsreel.text.embeds.EmbedRef), in order.
    embeds: list = field(default_factory=list)
