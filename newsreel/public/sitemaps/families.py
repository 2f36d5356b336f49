"""Sitemap families split by size: articles, films, people, tags and authors.

Part n of a family lists the rows with ids in ((n-1)*URLS_PER_FILE, n*URLS_PER_FILE], so a
part never holds more than URLS_PER_FILE URLs (the protocol allows 50,000; smaller files
re-render faster on publish) and a row never moves to another part.

Films and people are listed only when at least one live story names them outside a
spoiler block: those pages carry our coverage. A knowledge graph may hold hundreds of
thousands of films whose pages are credits alone; offering those to crawlers would bury
the pages we wrote under thin ones and make the sitemaps mostly noise. (A name that
appears only inside a spoiler block is left out: listing it would be a spoiler.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import SimpleNamespace
from datetime import datetime
from typing import Callable, Iterator

from django.db.models import F, Max, Q, QuerySet

from newsreel import links
from newsreel.films.models import Film, Person
from newsreel.images.models import Image
from newsreel.newsroom.models import Author, Tag
from newsreel.newsroom.models.liveness import live_q
from newsreel.public.pages.article import modified_at
from newsreel.public.pages.common import absolute
from newsreel.public.pages.queries import live_articles
from newsreel.public.sitemaps.xml import UrlEntry, latest

URLS_PER_FILE = 5_000

_IMG_SRC = re.compile(r'<img\b[^>]*?\ssrc="([^"]+)"')


def part_of(pk: int) -> int:
    """The part (1-based) that lists the row with this id."""
    return (pk - 1) // URLS_PER_FILE + 1


def _bounds(part: int) -> tuple[int, int]:
    return (part - 1) * URLS_PER_FILE + 1, part * URLS_PER_FILE


@dataclass(frozen=True)
class Family:
    """One split sitemap: which rows it lists, their parts, and one part's entries."""

    name: str
    images: bool  # whether entries carry image:image elements
    listed: Callable[[], QuerySet]
    entries_between: Callable[[int, int], Iterator[UrlEntry]]
    lastmods: Callable[[QuerySet], list[tuple[int, datetime | None]]]

    def path(self, part: int) -> str:
        return links.path("sitemap-part", family=self.name, number=part)

    def parts(self) -> list[tuple[int, datetime | None]]:
        """(part, newest change in it) for every part with at least one entry, in order."""
        numbered = self.listed().order_by().annotate(part=(F("pk") - 1) / URLS_PER_FILE + 1)
        return self.lastmods(numbered)

    def entries(self, part: int) -> list[UrlEntry]:
        if part < 1:
            return []
        return list(self.entries_between(*_bounds(part)))


def _storage_url(name: str | None) -> str | None:
    return absolute(Image._meta.get_field("file").storage.url(name)) if name else None


# --------------------------------------------------------------------------- articles

def _live_articles() -> QuerySet:
    return live_articles().order_by()


def _article_entries(low: int, high: int) -> Iterator[UrlEntry]:
    # Plain rows, not model instances: a part lists up to URLS_PER_FILE stories.
    rows = (
        _live_articles().filter(pk__gte=low, pk__lte=high).order_by("pk")
        .values_list("slug", "published_at", "first_published_at", "live_revision__created_at",
                     "hero_image__file", "feed_html")
    )
    for slug, published, first, revised, hero, feed_html in rows.iterator(chunk_size=500):
        images = []
        if hero:
            images.append(_storage_url(hero))
        # Figures from the spoiler-safe body: a picture inside a spoiler block stays hidden.
        for src in _IMG_SRC.findall(feed_html):
            url = absolute(src.replace("&amp;", "&"))
            if url not in images:
                images.append(url)
        # The article page's own dateModified rule, from the same three dates.
        revision = SimpleNamespace(created_at=revised) if revised else None
        lastmod = modified_at(SimpleNamespace(published_at=published, first_published_at=first, live_revision=revision))
        yield UrlEntry(absolute(links.path("article", slug=slug)), lastmod, tuple(images))


def _article_lastmods(numbered: QuerySet) -> list[tuple[int, datetime | None]]:
    # The article row's own updated_at (every save of a story, its publish included) is never
    # earlier than the newest live revision, and reading it needs no join to the revisions
    # (which made this query twenty times slower on 10,000 stories). A draft saved on a
    # live story makes the part look newer than it is: a crawler fetches it once more.
    rows = numbered.values("part").annotate(published=Max("published_at"), saved=Max("updated_at"))
    return [(row["part"], latest(row["published"], row["saved"])) for row in rows.order_by("part")]


# --------------------------------------------------------------------------- films and people

def _covered(model) -> QuerySet:
    return model.objects.filter(Q(mentions__in_spoiler=False) & live_q("mentions__article__"))


def _reference_entries(model, image_field: str) -> Callable[[int, int], Iterator[UrlEntry]]:
    def entries(low: int, high: int) -> Iterator[UrlEntry]:
        rows = (
            _covered(model).filter(pk__gte=low, pk__lte=high)
            .values("pk", "key", f"{image_field}__file").annotate(lastmod=Max("mentions__article__published_at"))
            .order_by("pk")
        )
        for row in rows:
            url = model(key=row["key"]).get_absolute_url()
            image = _storage_url(row[f"{image_field}__file"])
            yield UrlEntry(absolute(url), row["lastmod"], (image,) if image else ())
    return entries


def _reference_lastmods(numbered: QuerySet) -> list[tuple[int, datetime | None]]:
    rows = numbered.values("part").annotate(lastmod=Max("mentions__article__published_at")).order_by("part")
    return [(row["part"], row["lastmod"]) for row in rows]


# --------------------------------------------------------------------------- tags and authors

def _tagged(model) -> QuerySet:
    return model.objects.filter(live_q("articles__"))


def _listing_entries(model) -> Callable[[int, int], Iterator[UrlEntry]]:
    def entries(low: int, high: int) -> Iterator[UrlEntry]:
        rows = (
            _tagged(model).filter(pk__gte=low, pk__lte=high)
            .values("pk", "slug").annotate(lastmod=Max("articles__published_at")).order_by("pk")
        )
        for row in rows:
            yield UrlEntry(absolute(model(slug=row["slug"]).get_absolute_url()), row["lastmod"])
    return entries


def _listing_lastmods(numbered: QuerySet) -> list[tuple[int, datetime | None]]:
    rows = numbered.values("part").annotate(lastmod=Max("articles__published_at")).order_by("part")
    return [(row["part"], row["lastmod"]) for row in rows]


FAMILIES: dict[str, Family] = {
    "articles": Family("articles", True, _live_articles, _article_entries, _article_lastmods),
    "films": Family("films", True, lambda: _covered(Film), _reference_entries(Film, "poster"), _reference_lastmods),
    "people": Family("people", True, lambda: _covered(Person), _reference_entries(Person, "photo"),
                     _reference_lastmods),
    "tags": Family("tags", False, lambda: _tagged(Tag), _listing_entries(Tag), _listing_lastmods),
    "authors": Family("authors", False, lambda: _tagged(Author), _listing_entries(Author), _listing_lastmods),
}
