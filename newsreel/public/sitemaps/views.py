"""Sitemap URLs: served from the store, rendered and stored on their first request."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from newsreel.public.sitemaps.stored import news_current, refresh_path
from newsreel.public.store import serve_stored, stored_response


def sitemap(request: HttpRequest, **part: str) -> HttpResponse:
    """/sitemap.xml, /sitemaps/sections.xml, /sitemaps/articles-3.xml, ..."""
    response = serve_stored(request)
    if response is not None:
        return response
    if refresh_path(request.path_info) is None:
        raise Http404("no such sitemap")
    return stored_response(request)


def news_sitemap(request: HttpRequest) -> HttpResponse:
    """/sitemaps/news.xml: stored, and re-rendered when a story in it has aged out."""
    if request.method in ("GET", "HEAD") and news_current() is None:
        raise Http404("no story from the last two days")
    response = serve_stored(request)
    if response is None:
        raise Http404("no story from the last two days")
    return response
