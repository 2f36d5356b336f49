"""The text core's one entry point: Newsreel Markdown in, everything Newsreel derives out.

    parse -> spoiler segments -> mentions -> quotes -> summary -> HTML

Every excerpt a reader can see elsewhere (meta description, cards, feeds, snippets) comes
from `ProcessedArticle.safe_text` or `.summary`, which never contain spoiler-block text.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from newsreel.text.document import parse_document, spoiler_note
from newsreel.text.embeds import EmbedLookup, no_embed_media
from newsreel.text.gazetteer import Gazetteer
from newsreel.text.mentions import LINK_CONFIDENCE, find_mentions, link_targets, sure_mentions
from newsreel.text.quotes import extract_quotes
from newsreel.text.summary import cut_at_word, summarize
from newsreel.text.types import Href, ImageRef, KnowledgeGraph, ProcessedArticle, Summary

META_DESCRIPTION_LENGTH = 160


def _no_images(reference: str) -> ImageRef | None:
    return None


def process_article(
    source: str,
    *,
    graph: KnowledgeGraph | Gazetteer,
    images: Callable[[str], ImageRef | None] = _no_images,
    embeds: EmbedLookup = no_embed_media,
    headline: str = "",
    summary: str = "",
    link_overrides: Mapping[str, Any] | None = None,
    article_url: str = "",
    href: Href,
    feed: bool = True,
) -> ProcessedArticle:
    """Run every step on one article; raise TextError (with a line) on bad Markdown.

    `summary` is the editor's own summary, if any: it replaces the generated one.
    `article_url` is where feed readers are sent to reveal a spoiler block; `href(kind, key)`
    makes the URL of a film's or a person's page for mention links. `embeds` gives what
    the site stored for an embed (its title and poster), or None. `feed=False` leaves
    `feed_html` empty: a preview shows the page, not the feed, and the feed's HTML is a second
    rendering of the whole body.
    """
    gazetteer = graph if isinstance(graph, Gazetteer) else Gazetteer.build(graph)
    document = parse_document(source, films=gazetteer.graph.films, images=images, embeds=embeds)
    found = find_mentions(document.paragraphs, gazetteer)
    mentions = sure_mentions(found)
    # Quotes read single-entity mentions only: "the Safdie brothers said" names no one speaker.
    quotes = extract_quotes(document.paragraphs, [m for m in mentions if not m.group], gazetteer, headline=headline)
    if summary.strip():
        # The editor's summary replaces the generated one, which is then never made.
        generated = Summary(text=summary.strip(), short=cut_at_word(summary.strip(), META_DESCRIPTION_LENGTH))
    else:
        generated = summarize(document.safe_paragraphs, headline=headline, short_length=META_DESCRIPTION_LENGTH)
    links = link_targets(mentions, gazetteer, dict(link_overrides or {}), href=href)
    films = [gazetteer.films_by_key[key] for key in document.spoiler_films]
    note_text, note_html = spoiler_note(films)
    html = document.html(links=links)
    if feed:
        # Most articles have no spoiler block and no embed: their feed's HTML is the page's,
        # not a second rendering of the whole body (bench/text_core.py).
        feed_html = html if document.renders_alike else document.html(
            links=links, spoiler_mode="notice", article_url=article_url
        )
    else:
        feed_html = ""
    return ProcessedArticle(
        html=html,
        safe_text=document.safe_text,
        paragraphs=list(document.paragraphs),
        spoiler_films=list(document.spoiler_films),
        spoiler_note=note_text,
        spoiler_note_html=note_html,
        reading_minutes=document.reading_minutes,
        word_count=document.word_count,
        mentions=mentions,
        unsure_mentions=[m for m in found if m.confidence < LINK_CONFIDENCE],
        quotes=quotes,
        summary=generated,
        feed_html=feed_html,
        embeds=list(document.embeds),
    )

