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
from types import SimpleNamespace
from typing import Iterable
from urllib.parse import urlsplit

from django.conf import settings

from newsreel import links
from newsreel.images.models import Image
from newsreel.newsroom.models import Article, Author, Byline
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
    # Plain rows, not model instances: building thirty instances with their section, image,
    # revision, bylines and tags costs several times what the rows themselves do.
    rows = Article.objects.filter(pk__in=article_ids).values_list(*_COLUMNS)
    bylines: dict[int, list[FeedAuthor]] = {}
    for article_id, name, slug in (
        Byline.objects.filter(article_id__in=article_ids).order_by("order", "id")
        .values_list("article_id", "author__name", "author__slug")
    ):
        bylines.setdefault(article_id, []).append(FeedAuthor(name, absolute(Author(slug=slug).get_absolute_url())))
    tags: dict[int, list[str]] = {}
    for article_id, name in (
        Article.tags.through.objects.filter(article_id__in=article_ids).order_by("tag__name", "tag_id")
        .values_list("article_id", "tag__name")
    ):
        tags.setdefault(article_id, []).append(name)
    items = {}
    for row in rows:
        article = SimpleNamespace(**dict(zip(_FIELDS, row)))
        items[article.pk] = _item(article, bylines.get(article.pk, []), tags.get(article.pk, []))
    return items


_COLUMNS = ("pk", "slug", "headline", "summary", "generated_summary", "feed_html", "published_at",
            "first_published_at", "live_revision__created_at", "section__name", "hero_image__file")
_FIELDS = ("pk", "slug", "headline", "summary", "generated_summary", "feed_html", "published_at",
           "first_published_at", "revised_at", "section_name", "hero_file")


def _item(article: SimpleNamespace, authors: list[FeedAuthor], tag_names: list[str]) -> FeedItem:
    categories = [article.section_name] if article.section_name else []
    categories += [name for name in tag_names if name not in categories]
    # The article page's own rules, applied to the row: Article.display_summary, modified_at.
    summary = Article.display_summary.fget(article)
    article.live_revision = SimpleNamespace(created_at=article.revised_at) if article.revised_at else None
    return FeedItem(
        id=article_tag_uri(article),
        url=absolute(links.path("article", slug=article.slug)),
        title=article.headline,
        content_html=absolute_urls_in_html(article.feed_html),
        summary=summary,
        published=article.published_at,
        updated=modified_at(article),
        authors=tuple(authors),
        categories=tuple(categories),
        image=_image(article.hero_file),
    )


def article_tag_uri(article) -> str:
    """A permanent id (RFC 4151 tag URI): a changed slug or headline is not a new story."""
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    first = article.first_published_at or article.published_at
    return f"tag:{host},{first:%Y-%m-%d}:article:{article.pk}"


def _image(name: str | None) -> FeedImage | None:
    if not name:
        return None
    storage = Image._meta.get_field("file").storage
    try:
        length = storage.size(name)
    except (OSError, NotImplementedError, ValueError):  # missing from storage: still name the image
        length = 0
    mime_type = mimetypes.guess_type(name)[0] or "image/jpeg"
    return FeedImage(url=absolute(storage.url(name)), mime_type=mime_type, length=length)


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
