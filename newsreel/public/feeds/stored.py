"""Feeds as stored pages: rendered on their first request after a change, then served as bytes.

A publish drops the feeds it touches (see `refresh_feeds_for`); the static export renders
every feed with at least one story that is not stored (`missing_feeds`).
"""

from __future__ import annotations

from typing import Callable, Iterator

from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Author, Section, Tag
from newsreel.public.feeds.formats import FORMATS, FeedFormat, render_feed
from newsreel.public.feeds.items import FEED_LENGTH, ItemCache
from newsreel.public.feeds.scopes import FeedScope, scope_for, scopes_for_affected
from newsreel.public.models import SiteSettings, StoredPage
from newsreel.public.pages.queries import live_articles
from newsreel.public.refresh import Affected
from newsreel.public.store import drop, store_page
from newsreel.public.pages.shared import site_settings

KIND = "feed"


def refresh_feed(scope: FeedScope, fmt: FeedFormat, *, cache: ItemCache | None = None,
                 article_ids: list[int] | None = None, site: SiteSettings | None = None) -> StoredPage:
    """Render one feed and store it under its path."""
    body = render_feed(scope, fmt, cache=cache, article_ids=article_ids, site=site)
    return store_page(scope.path(fmt.filename), body, KIND, content_type=fmt.content_type)


def refresh_scope(scope: FeedScope, formats: list[FeedFormat] | None = None, *, cache: ItemCache | None = None,
                  site: SiteSettings | None = None) -> list[StoredPage]:
    """Render a scope's feeds (all three formats unless told), sharing one query for its stories."""
    cache = {} if cache is None else cache
    ids = scope.article_ids(FEED_LENGTH)
    return [refresh_feed(scope, fmt, cache=cache, article_ids=ids, site=site) for fmt in formats or FORMATS.values()]


def refresh_feeds_for(affected: Affected) -> int:
    """Bring the feeds an article change touches up to date; returns feeds rendered.

    A publish or unpublish drops the stored feeds it touches (the site's, and its
    section's, tags', authors', films' and people's, in all three formats) in one query;
    each is rendered again on its next request, once, then served from the store. Feeds
    carry thirty full stories each: rendering them inside the publish would cost it about
    15 ms of CPU for the site's feeds alone and about 25 ms more for every other stored
    feed the story touches (bench/feeds_sitemaps.py, 10,000 stories), while feed readers
    poll minutes apart.

    An Affected set naming no changed article is a rebuild: then the site's feeds and
    every named feed with at least one story are rendered at once (rendering everything
    named, stored or not; the static export asks `missing_feeds` instead).
    """
    rebuild = not getattr(affected, "changed_ids", None)
    scopes = list(scopes_for_affected(affected, with_stories_only=rebuild))
    if not rebuild:
        paths = [scope.path(fmt.filename) for scope in scopes for fmt in FORMATS.values()]
        drop(StoredPage.objects.filter(path__in=paths, kind=KIND))
        return 0
    site = site_settings()
    cache: ItemCache = {}
    return sum(len(refresh_scope(scope, cache=cache, site=site)) for scope in scopes)


def scopes_with_stories() -> Iterator[tuple[str, str, str]]:
    """(kind, key, path prefix) of the site's feed and of every feed with at least one live story.

    The same rule as `scopes_for_affected(..., with_stories_only=True)`, over the whole
    site: one query per kind, reading keys only.
    """
    yield "site", "", "/"
    live = live_articles().order_by().values("pk")
    told = {"mentions__article__in": live, "mentions__in_spoiler": False}  # named outside a spoiler block
    for kind, model, field, with_stories in (
        ("section", Section, "slug", {"articles__in": live}),
        ("tag", Tag, "slug", {"articles__in": live}),
        ("author", Author, "slug", {"articles__in": live}),
        ("film", Film, "key", told),
        ("person", Person, "key", told),
    ):
        keys = set(model.objects.filter(**with_stories).order_by().values_list(field, flat=True))
        for key in sorted(keys):
            yield kind, key, model(**{field: key}).get_absolute_url()


def missing_feeds(stored: set[str]) -> Iterator[Callable[[], object]]:
    """A render for each feed with at least one story whose formats are not all in `stored`.

    A stored feed is current (a publish drops every feed it touches), so only missing
    formats are rendered; the formats of one scope share one query for their stories.
    """
    shared = _SharedReads()
    for kind, key, prefix in scopes_with_stories():
        formats = [fmt for fmt in FORMATS.values() if prefix + fmt.filename not in stored]
        if formats:
            yield lambda kind=kind, key=key, formats=formats: shared.refresh(kind, key, formats)


class _SharedReads:
    """Site settings and built items shared by the feeds one export renders.

    A story sits in many feeds (the site's, its section's, tags', films' ...): its item is
    built once. The cache is emptied now and then, so memory stays bounded on a large site.
    """

    SCOPES_PER_CACHE = 200

    def __init__(self) -> None:
        self.site: SiteSettings | None = None
        self.cache: ItemCache = {}
        self.scopes = 0

    def refresh(self, kind: str, key: str, formats: list[FeedFormat]) -> list[StoredPage]:
        scope = scope_for(kind, key)
        if scope is None:  # deleted since the list was read
            return []
        if self.scopes % self.SCOPES_PER_CACHE == 0:
            self.cache = {}
        self.scopes += 1
        self.site = self.site or site_settings()
        return refresh_scope(scope, formats, cache=self.cache, site=self.site)
