"""{% feed_links %}: <link rel="alternate"> for the site's feeds and, on a section, tag,
author, film or person page, for that page's own feeds.

The page's feeds are found from its canonical URL, so no renderer has to pass anything.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

register = template.Library()

# (type, label, file name) per format, in the order feed readers usually prefer.
_FORMATS = (
    ("application/rss+xml", "RSS", "feed.xml"),
    ("application/atom+xml", "Atom", "feed.atom"),
    ("application/feed+json", "JSON Feed", "feed.json"),
)
_SCOPED_PAGE = re.compile(r"^/(?:sections|tags|authors|films|people)/[-a-zA-Z0-9_]+/$")


@register.simple_tag(takes_context=True)
def feed_links(context: template.Context) -> SafeString:
    site = context.get("site")
    site_name = getattr(site, "name", "") or "Newsreel"
    links = [(kind, f"{site_name} ({label})", f"/{filename}") for kind, label, filename in _FORMATS]
    page_path = urlsplit(context.get("canonical") or "").path
    if _SCOPED_PAGE.match(page_path):
        title = context.get("title") or page_path
        links += [(kind, f"{title} ({label})", f"{page_path}{filename}") for kind, label, filename in _FORMATS]
    return format_html_join("", '<link rel="alternate" type="{}" title="{}" href="{}">\n', links)
