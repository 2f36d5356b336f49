"""Feed URLs: served from the store, rendered and stored on their first request."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from newsreel.public.feeds.formats import FORMATS
from newsreel.public.feeds.scopes import scope_for
from newsreel.public.feeds.stored import refresh_feed
from newsreel.public.store import serve_stored, stored_response


def feed(request: HttpRequest, fmt: str, kind: str = "site", key: str = "") -> HttpResponse:
    """/feed.xml, /sections/<slug>/feed.atom, /films/<key>/feed.json, ..."""
    response = serve_stored(request)
    if response is not None:
        return response
    scope = scope_for(kind, key)
    if scope is None:
        raise Http404(f"no {kind} {key!r}")
    page = refresh_feed(scope, FORMATS[fmt])
    if page.path != request.path_info:  # e.g. a key in another case than the stored one
        raise Http404("feed stored under another path")
    return stored_response(request)
