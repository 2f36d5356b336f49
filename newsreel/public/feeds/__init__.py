"""Feeds for feed readers: RSS 2.0, Atom and JSON Feed 1.1, for the site and for each
section, tag, author, film and person.

Every feed is a stored page: rendered when a publish touches it (or on its first
request), then served as bytes like any other page. Item content is `Article.feed_html`
(spoiler blocks already replaced by a notice linking to the article) and summaries are
`Article.display_summary`; no feed ever reads the article's body.
"""

from newsreel.public.feeds.formats import FORMATS, FeedFormat, render_feed
from newsreel.public.feeds.items import FEED_LENGTH, FeedItem
from newsreel.public.feeds.scopes import FeedScope, scope_for, site_scope

__all__ = [
    "FEED_LENGTH", "FORMATS", "FeedFormat", "FeedItem", "FeedScope", "render_feed", "scope_for", "site_scope",
]
