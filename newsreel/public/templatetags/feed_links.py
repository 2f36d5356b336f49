"""{% feed_links %}: <link rel="alternate"> for the site's feeds and, on a section, tag,
author, film or person page, for that page's own feeds.

The page's feeds are found from its canonical URL, so no renderer has to pass anything.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django import template
from django.urls import Resolver404, resolve
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from newsreel import links
from newsreel.public.feeds.formats import FORMATS

register = template.Library()

# Labels per format, in the order feed readers usually prefer (rss, atom, json: FORMATS' order).
_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
# Pages with feeds of their own: their URL name is the feed's scope kind (feeds/urls.py).
_SCOPED = {"section", "tag", "author", "film", "person"}


def _page_feeds(page_path: str) -> tuple[tuple[str, str, str], ...]:
    """(type, label, path) of the feeds of the page at `page_path`; none for a page without."""
    try:
        match = resolve(page_path)
    except Resolver404:
        return ()
    if match.url_name not in _SCOPED:
        return ()
    key = match.kwargs.get("slug") or match.kwargs.get("key")
    return tuple((_type(name), label, links.path(f"{match.url_name}-feed-{name}", key=key))
                 for name, label in _LABELS.items())


def _type(name: str) -> str:
    return FORMATS[name].content_type.split(";")[0]


@register.simple_tag(takes_context=True)
def feed_links(context: template.Context) -> SafeString:
    site = context.get("site")
    site_name = getattr(site, "name", "") or "Newsreel"
    feeds = [(_type(name), f"{site_name} ({label})", links.path(f"feed-{name}")) for name, label in _LABELS.items()]
    page_path = urlsplit(context.get("canonical") or "").path
    if page_feeds := _page_feeds(page_path):
        title = context.get("title") or page_path
        feeds += [(kind, f"{title} ({label})", path) for kind, label, path in page_feeds]
    return format_html_join("", '<link rel="alternate" type="{}" title="{}" href="{}">\n', feeds)
