"""Feed items: what every format says about one article, built once per article.

A publish re-renders many feeds (site, section, tags, authors, films, people) in three
formats each; they share most of their items, so items are built from the database once
and kept in an `ItemCache` for the whole refresh.
"""

from __future__ import annotations

import mimetypes
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable
from urllib.parse import urlsplit

from django.conf import settings

from newsreel.newsroom.models import Article, Byline
from newsreel.public.pages.article import modified_at
from newsreel.public.pages.common import absolute

# Each feed carries the newest stories only; readers poll it and keep what they saw.
FEED_LENGTH = 30

# href, src and poster attributes holding a root-relative URL ("/films/...", not "//host").
_RELATIVE_URL = re.compile(r'(\s(?:href|src|poster)=")(/(?!/)[^"]*)"')
_RELATIVE_SRCSET = re.compile(r'(\ssrcset=")([^"]*)"')


@dataclass(frozen=True)
class FeedAuthor:
    name: str
    url: str


@dataclass(frozen=True)
class FeedImage:
    url: str
    mime_type: str
    length: int  # bytes; 0 when the storage cannot tell (the RSS profile's convention)


@dataclass(frozen=True)
class FeedItem:
    """One article as every feed format shows it; all URLs absolute, all text spoiler-safe."""

    id: str
    url: str
    title: str
    content_html: str
    summary: str
    published: datetime
    updated: datetime
    authors: tuple[FeedAuthor, ...]
    categories: tuple[str, ...]
    image: FeedImage | None


ItemCache = dict[int, FeedItem]


def items_for(article_ids: list[int], cache: ItemCache | None = None) -> list[FeedItem]:
    """Feed items for these live articles, in the order given; built items are cached."""
    cache = {} if cache is None else cache
    missing = [pk for pk in article_ids if pk not in cache]
    if missing:
        for pk, item in _build(missing).items():
            cache[pk] = item
    return [cache[pk] for pk in article_ids if pk in cache]


def _build(article_ids: list[int]) -> dict[int, FeedItem]:
    articles = (
        Article.objects.filter(pk__in=article_ids)
        .select_related("section", "hero_image", "live_revision")
        .prefetch_related("tags")
        # Feeds never read the raw body; of the live revision only its date is needed (its
        # content and derived data are large JSON documents).
        .defer("body", "body_html", "safe_text", "live_revision__content", "live_revision__derived")
    )
    bylines: dict[int, list[FeedAuthor]] = {}
    for byline in Byline.objects.filter(article_id__in=article_ids).select_related("author").order_by("order", "id"):
        author = byline.author
        bylines.setdefault(byline.article_id, []).append(FeedAuthor(author.name, absolute(author.get_absolute_url())))
    return {article.pk: _item(article, bylines.get(article.pk, [])) for article in articles}


def _item(article: Article, authors: list[FeedAuthor]) -> FeedItem:
    categories = [article.section.name] if article.section_id else []
    categories += [tag.name for tag in article.tags.all() if tag.name not in categories]
    return FeedItem(
        id=article_tag_uri(article),
        url=absolute(article.get_absolute_url()),
        title=article.headline,
        content_html=absolute_urls_in_html(article.feed_html),
        summary=article.display_summary,
        published=article.published_at,
        updated=modified_at(article),
        authors=tuple(authors),
        categories=tuple(categories),
        image=_image(article),
    )


def article_tag_uri(article: Article) -> str:
    """A permanent id (RFC 4151 tag URI): a changed slug or headline is not a new story."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    first = article.first_published_at or article.published_at
    return f"tag:{host},{first:%Y-%m-%d}:article:{article.pk}"


def _image(article: Article) -> FeedImage | None:
    image = article.hero_image
    if image is None or not image.file:
        return None
    try:
        length = image.file.size
    except (OSError, ValueError):  # the file is missing from storage: still name the image
        length = 0
    mime_type = mimetypes.guess_type(image.file.name)[0] or "image/jpeg"
    return FeedImage(url=absolute(image.file.url), mime_type=mime_type, length=length)


def absolute_urls_in_html(html: str) -> str:
    """Root-relative links and images made absolute: feed readers show content away from the site."""
    html = _RELATIVE_URL.sub(lambda m: f'{m.group(1)}{absolute(m.group(2))}"', html)
    return _RELATIVE_SRCSET.sub(lambda m: f'{m.group(1)}{_absolute_srcset(m.group(2))}"', html)


def _absolute_srcset(srcset: str) -> str:
    candidates = []
    for candidate in srcset.split(","):
        parts = candidate.strip().split(maxsplit=1)
        if parts and parts[0].startswith("/") and not parts[0].startswith("//"):
            parts[0] = absolute(parts[0])
        candidates.append(" ".join(parts))
    return ", ".join(candidates)


def latest_change(items: Iterable[FeedItem]) -> datetime | None:
    """When the newest item last changed, or None for an empty feed."""
    return max((item.updated for item in items), default=None)
