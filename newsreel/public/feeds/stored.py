"""Feeds as stored pages: rendered when a publish touches them or on their first request.

On a publish or unpublish the site's feeds are always re-rendered; a section, tag,
author, film or person feed is re-rendered when it is stored, that is when someone has
asked for it. One nobody has asked for is rendered on its first request, from the same
data, so it cannot be stale; a popular film named in a story does not cost three feed
renders per publish until a reader subscribes to it.
"""

from __future__ import annotations

from django.db.models import QuerySet

from newsreel.public.feeds.formats import FORMATS, FeedFormat, render_feed
from newsreel.public.feeds.items import FEED_LENGTH, ItemCache
from newsreel.public.feeds.scopes import FeedScope, scopes_for_affected
from newsreel.public.models import SiteSettings, StoredPage
from newsreel.public.refresh import Affected, register_refresher
from newsreel.public.store import store_page

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
    """Re-render the feeds an article change touches; returns how many were rendered.

    An Affected set naming no changed article is a rebuild (the static export asks for
    every section, tag, author, film and person): then each named feed with at least one
    story is rendered too, not only the stored ones.
    """
    site = SiteSettings.current()
    rebuild = not getattr(affected, "changed_ids", None)
    scopes = list(scopes_for_affected(affected, with_stories_only=rebuild))
    paths = [scope.path(fmt.filename) for scope in scopes[1:] for fmt in FORMATS.values()]
    stored = set(_stored(paths))
    cache: ItemCache = {}
    rendered = 0
    for scope in scopes:
        eager = rebuild or scope.kind == "site"
        wanted = [fmt for fmt in FORMATS.values() if eager or scope.path(fmt.filename) in stored]
        if wanted:
            rendered += len(refresh_scope(scope, wanted, cache=cache, site=site))
    return rendered


def _stored(paths: list[str]) -> QuerySet:
    return StoredPage.objects.filter(path__in=paths, kind=KIND).values_list("path", flat=True)
