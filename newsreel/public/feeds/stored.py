"""Feeds as stored pages: rendered on their first request after a change, then served as bytes.

A publish drops the feeds it touches (see `refresh_feeds_for`); the static export renders
every feed with at least one story.
"""

from __future__ import annotations

from newsreel.public.feeds.formats import FORMATS, FeedFormat, render_feed
from newsreel.public.feeds.items import FEED_LENGTH, ItemCache
from newsreel.public.feeds.scopes import FeedScope, scopes_for_affected
from newsreel.public.models import SiteSettings, StoredPage
from newsreel.public.refresh import Affected, register_refresher
from newsreel.public.store import store_page
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


@register_refresher
def refresh_feeds_for(affected: Affected) -> int:
    """Bring the feeds an article change touches up to date; returns feeds rendered.

    A publish or unpublish drops the stored feeds it touches (the site's, and its
    section's, tags', authors', films' and people's, in all three formats) in one query;
    each is rendered again on its next request, once, then served from the store. Feeds
    carry thirty full stories each: rendering them inside the publish would cost it about
    15 ms of CPU for the site's feeds alone and about 25 ms more for every other stored
    feed the story touches (bench/feeds_sitemaps.py, 10,000 stories), while feed readers
    poll minutes apart.

    An Affected set naming no changed article is a rebuild (the static export asks for
    every section, tag, author, film and person): then the site's feeds and every named
    feed with at least one story are rendered at once.
    """
    rebuild = not getattr(affected, "changed_ids", None)
    scopes = list(scopes_for_affected(affected, with_stories_only=rebuild))
    if not rebuild:
        paths = [scope.path(fmt.filename) for scope in scopes for fmt in FORMATS.values()]
        StoredPage.objects.filter(path__in=paths, kind=KIND).delete()
        return 0
    site = site_settings()
    cache: ItemCache = {}
    return sum(len(refresh_scope(scope, cache=cache, site=site)) for scope in scopes)

