"""/robots.txt: everything public may be crawled, the desk may not; where the sitemaps are.

Stored like every other page (ETag, Last-Modified, Cache-Control). It depends only on
settings.SITE_URL, so each request (and each static export) re-renders it cheaply and the
store keeps the row unchanged unless the site moved: a changed NEWSREEL_SITE_URL never
leaves a stale line.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from newsreel import links
from newsreel.public.pages.common import absolute
from newsreel.public.refresh import Affected
from newsreel.public.models import StoredPage
from newsreel.public.store import serve_stored, store_page

CONTENT_TYPE = "text/plain; charset=utf-8"
KIND = "robots"


def render_robots() -> bytes:
    lines = [
        "User-agent: *",
        # The editors' interface: login pages and drafts are no business of a crawler.
        f"Disallow: {links.desk_prefix()}",
        "Allow: /",
        "",
        f"Sitemap: {absolute(links.path('sitemap-index'))}",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def refresh_robots() -> StoredPage:
    return store_page(links.path("robots"), render_robots(), KIND, content_type=CONTENT_TYPE)


def robots_txt(request: HttpRequest) -> HttpResponse:
    if request.method in ("GET", "HEAD"):
        refresh_robots()  # a comparison of ETags; the row is rewritten only if the site moved
    return serve_stored(request)


def refresh_robots_for_rebuild(affected: Affected) -> None:
    """A rebuild (an Affected set naming no changed article) writes robots.txt too; a publish does not touch it."""
    if not getattr(affected, "changed_ids", None):
        refresh_robots()
