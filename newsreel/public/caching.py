"""Cache headers for every public response Django answers (stored pages set their own).

Stored pages, feeds, sitemaps and robots.txt come from `newsreel.public.store` with an
ETag, Last-Modified and Cache-Control. This middleware completes whatever else the
reader's site answers, so a CDN can hold every response for a sensible time:

| response                         | Cache-Control                                  |
|----------------------------------|------------------------------------------------|
| stored pages (store.CACHE_CONTROL)| public, max-age=0, s-maxage=300, stale-while-revalidate=86400 |
| other 200s and 301/308           | the same                                       |
| 404, 410                         | public, max-age=60, s-maxage=60 (a new page may appear soon) |
| other errors (400, 405, 5xx)     | no-store                                       |
| media (views.MEDIA_CACHE_CONTROL)| public, max-age=31536000, immutable            |
| static files (WhiteNoise)        | hashed names: a year, immutable                |

A response with no ETag gets one: from its bytes, or for a file from its modification
time and size (as nginx does). One with no Last-Modified gets the time it was made (it
was generated just now), so a conditional request still has something to compare. A
200 without conditional handling of its own answers If-None-Match / If-Modified-Since
with 304 here (and If-Match / If-Unmodified-Since with 412), decided by `conditional`, as
stored pages are. The desk is left alone (it is private and never cached). It is the
outermost middleware, so Django's own answers (400 for an unknown host) get headers too.
"""

from __future__ import annotations

from typing import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import http_date, parse_http_date_safe

from newsreel import links
from newsreel.public import conditional, store
from newsreel.numbers import LARGEST_BIG_INTEGER, whole_number

SHORT_CACHE_CONTROL = "public, max-age=60, s-maxage=60"
NO_STORE = "no-store"
# The Admin API answers for one key's person: never cached (newsreel.api).
ADMIN_API_PREFIX = "/api/admin/"


def cache_control_for(status: int) -> str:
    if status in (200, 203, 204, 301, 308):
        return store.CACHE_CONTROL
    if status in (404, 410):
        return SHORT_CACHE_CONTROL
    return NO_STORE


class PublicCacheHeadersMiddleware:
    """Give every public GET/HEAD response an ETag, Last-Modified and Cache-Control."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        # the desk's answers are its own (operations/headers.py)
        self.private = (links.desk_prefix(), ADMIN_API_PREFIX)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # WhiteNoise and Django's media view answer If-Modified-Since themselves, a date to come included
        conditional.ignore_invalid_dates(request.META)
        response = self._completed(request, self.get_response(request))
        if request.method == "HEAD" and not response.streaming and response.content:
            # A view may answer HEAD as its GET (the API does); the headers, ETag and Content-Length
            # included, are the GET's, but a HEAD answer has no body (RFC 9110 9.3.2), whatever the server.
            response.content = b""
        return response

    def _completed(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.method not in ("GET", "HEAD") or request.path_info.startswith(self.private):
            return response
        if response.status_code == 304:
            return response
        if "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = cache_control_for(response.status_code)
        if response.headers["Cache-Control"] == NO_STORE:
            return response
        if "Last-Modified" not in response.headers:
            response.headers["Last-Modified"] = http_date(int(timezone.now().timestamp()))
        if "ETag" not in response.headers:
            etag = _etag(request, response)
            if etag:
                response.headers["ETag"] = etag
        if response.status_code == 200 and "ETag" in response.headers:
            modified = parse_http_date_safe(response.headers["Last-Modified"])
            return conditional.answer(request.META, response, response.headers["ETag"], modified)
        return response


def _etag(request: HttpRequest, response: HttpResponse) -> str:
    if not response.streaming:
        length = response.headers.get("Content-Length")
        if request.method == "HEAD" and length and int(length) != len(response.content):
            return ""  # a HEAD answered without its body: the tag would name the wrong bytes
        return store.etag_for(response.content)
    # A file: its modification time and size name the version, without reading it.
    modified = parse_http_date_safe(response.headers.get("Last-Modified", ""))
    length = response.headers.get("Content-Length", "")
    size = whole_number(length, largest=LARGEST_BIG_INTEGER)
    if modified is not None and size is not None:
        return '"%x-%x"' % (modified, size)
    return ""
