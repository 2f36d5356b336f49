"""Conditional requests (RFC 9110 section 13.2.2), decided in one place for every public response.

`outcome` reads the request's If-Match, If-Unmodified-Since, If-None-Match and
If-Modified-Since headers from a WSGI environ or `request.META` (the same keys) and says
whether a GET or HEAD is answered in full, with 304 Not Modified, or with 412 Precondition
Failed. The stored pages (`store`), the WSGI fast path (`fastpath`) and every other public
response (`caching`) ask it, so the three can never disagree. It is plain dictionary work
(no request object, no regular expression), because the fast path asks it on every
revalidation, and browsers revalidate every page view (max-age=0).

An If-Modified-Since later than the server's clock is invalid (RFC 2616 14.25 says so; RFC
9110 13.1.3 has an invalid one ignored): it can only be made up, and it would keep a page a
client never had at 304. `ignore_invalid_dates` takes it out of a request before what we do
not write (WhiteNoise's static files, Django's media view) reads it.

Depends on: Django's HTTP date parsing only.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, MutableMapping
from typing import Any

from django.http import HttpResponse, HttpResponseNotModified
from django.utils.http import parse_http_date_safe

NOT_MODIFIED = 304
PRECONDITION_FAILED = 412
# What a 304 keeps of the full response (RFC 9110 15.4.5, and Last-Modified).
KEPT_BY_304 = ("Cache-Control", "Content-Location", "Date", "ETag", "Expires", "Last-Modified", "Vary")


def outcome(meta: Mapping[str, Any], etag: str, modified: int | None) -> int | None:
    """304 or 412 when the preconditions say so; None when the response goes out in full.

    `etag` is the response's strong ETag (quoted), `modified` its Last-Modified in epoch seconds.
    """
    if_match = meta.get("HTTP_IF_MATCH")
    if if_match:
        if not _strong_match(etag, if_match):
            return PRECONDITION_FAILED
    else:
        if_unmodified_since = meta.get("HTTP_IF_UNMODIFIED_SINCE")
        since = parse_http_date_safe(if_unmodified_since) if if_unmodified_since else None
        if since is not None and not (modified is not None and modified <= since):
            return PRECONDITION_FAILED
    if_none_match = meta.get("HTTP_IF_NONE_MATCH")
    if if_none_match:
        return NOT_MODIFIED if _weak_match(etag, if_none_match) else None
    if modified is not None:
        since = modified_since(meta)
        if since is not None and modified <= since:
            return NOT_MODIFIED
    return None


def modified_since(meta: Mapping[str, Any]) -> int | None:
    """If-Modified-Since in epoch seconds; None when there is none or it is invalid (not an HTTP
    date, or later than the server's clock)."""
    header = meta.get("HTTP_IF_MODIFIED_SINCE")
    since = parse_http_date_safe(header) if header else None
    if since is None or since > time.time():
        return None
    return since


def ignore_invalid_dates(meta: MutableMapping[str, Any]) -> None:
    """Take an invalid If-Modified-Since out of a request, so no code that reads it answers 304."""
    if meta.get("HTTP_IF_MODIFIED_SINCE") and modified_since(meta) is None:
        del meta["HTTP_IF_MODIFIED_SINCE"]


def _tags(header: str) -> set[str]:
    return {tag.strip() for tag in header.split(",")}


def _weak_match(etag: str, header: str) -> bool:
    """If-None-Match compares weakly (13.1.2): a W/ prefix from a proxy still matches."""
    if not etag:
        return False
    tags = {tag.removeprefix("W/") for tag in _tags(header)}
    return "*" in tags or etag.removeprefix("W/") in tags


def _strong_match(etag: str, header: str) -> bool:
    """If-Match compares strongly: a weak tag never matches."""
    tags = _tags(header)
    if not etag:
        return False
    return tags == {"*"} or (not etag.startswith("W/") and etag in tags)


def not_modified(response: HttpResponse) -> HttpResponseNotModified:
    """The 304 for a full response: its validators and caching headers, its cookies, no body."""
    answer = HttpResponseNotModified()
    for name in KEPT_BY_304:
        if name in response.headers:
            answer.headers[name] = response.headers[name]
    answer.cookies = response.cookies
    return answer


def answer(meta: Mapping[str, Any], response: HttpResponse, etag: str, modified: int | None) -> HttpResponse:
    """`response`, or the 304 or 412 that replaces it."""
    decided = outcome(meta, etag, modified)
    if decided == NOT_MODIFIED:
        return not_modified(response)
    if decided == PRECONDITION_FAILED:
        return HttpResponse(status=PRECONDITION_FAILED)
    return response
