"""The text core's one entry point: Newsreel Markdown in, everything Newsreel derives out.

    parse -> spoiler segments -> mentions -> quotes -> summary -> HTML

Every excerpt a reader can see elsewhere (meta description, cards, feeds, snippets) comes
from `ProcessedArticle.safe_text` or `.summary`, which never contain spoiler-block text.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Callable, Mapping, Sequence

from newsreel.text.document import parse_document, spoiler_note
from newsreel.text.embeds import EmbedLookup, no_embed_media
from newsreel.text.gazetteer import Gazetteer
from newsreel.text.mentions import LINK_CONFIDENCE, find_mentions, link_targets, sure_mentions
from newsreel.text.quotes import extract_quotes
from newsreel.text.summary import cut_at_word, summarize
from newsreel.text.types import Href, ImageRef, KnowledgeGraph, Mention, Paragraph, ProcessedArticle, Summary

META_DESCRIPTION_LENGTH = 160


def _no_images(reference: str) -> ImageRef | None:
    return None


def _body_mentions(paragraphs: Sequence[Paragraph], gazetteer: Gazetteer, headline: str) -> list[Mention]:
    """The body's mentions, and the person its headline names in full where the body never does:
    a profile headlined "Isaura Penhale is still counting the till" may call her only "Penhale"
    below it (round fifty). Only that person's mentions are taken from a second reading with the
    headline before the body; every other mention is the body's own reading."""
    found = find_mentions(paragraphs, gazetteer)
    if not headline.strip():
        return found
    in_body = {m.key for m in found if m.kind == "person"}
    heading = [Paragraph(headline, 0, kind="heading")]
    only_headline = {m.key for m in find_mentions(heading, gazetteer) if m.kind == "person"} - in_body
    if not only_headline:
        return found
    shift = len(headline) + 2
    shifted = heading + [dataclasses.replace(p, start=p.start + shift) for p in paragraphs]
    added = [
        dataclasses.replace(m, start=m.start - shift, end=m.end - shift)
        for m in find_mentions(shifted, gazetteer) if m.start >= shift and m.key in only_headline
    ]
    added = [m for m in added if not any(m.start < other.end and other.start < m.end for other in found)]
    return sorted(found + added, key=lambda m: m.start) if added else found


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
    found = _body_mentions(document.paragraphs, gazetteer, headline)
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

