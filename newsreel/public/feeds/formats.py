"""The three feed formats: file names, content types, writers; and the render entry point."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from newsreel.public.feeds import atom, jsonfeed, rss
from newsreel.public.feeds.document import FeedDocument, document_for
from newsreel.public.feeds.items import ItemCache
from newsreel.public.feeds.scopes import FeedScope
from newsreel.public.models import SiteSettings


@dataclass(frozen=True)
class FeedFormat:
    name: str
    filename: str  # the last part of the feed's path: /sections/news/feed.atom
    content_type: str
    write: Callable[[FeedDocument], bytes]


FORMATS: dict[str, FeedFormat] = {
    "rss": FeedFormat("rss", "feed.xml", "application/rss+xml; charset=utf-8", rss.write),
    "atom": FeedFormat("atom", "feed.atom", "application/atom+xml; charset=utf-8", atom.write),
    "json": FeedFormat("json", "feed.json", "application/feed+json; charset=utf-8", jsonfeed.write),
}


def render_feed(scope: FeedScope, fmt: FeedFormat, *, cache: ItemCache | None = None,
                article_ids: list[int] | None = None, site: SiteSettings | None = None) -> bytes:
    """One feed, complete, as bytes ready to store and serve."""
    document = document_for(scope, scope.path(fmt.filename), cache=cache, article_ids=article_ids, site=site)
    return fmt.write(document)
