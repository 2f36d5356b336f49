"""Stored pages: bytes rendered ahead of any request, and the view that serves them.

A page view is one indexed query and no template work. Conditional requests are
answered here (`conditional`, which the fast path and the cache headers middleware ask
too), so a CDN or browser revalidating a page costs a lookup and a few header comparisons.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone as dt_timezone
from functools import lru_cache
from typing import Iterable

from django.db import DatabaseError, IntegrityError, connection, transaction
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import escape
from django.utils.http import http_date

from newsreel.public import cache_tags, cdn_purge, conditional
from newsreel.public import reader_fill
from newsreel.public.models import StoredPage

HTML = "text/html; charset=utf-8"
# Browsers revalidate every view (a cheap 304 with the ETag) so readers see a correction at
# once; CDNs keep a page five minutes and may serve a stale copy for a day while they refetch
# it in the background, so a flood of readers never waits.
CACHE_CONTROL = "public, max-age=0, s-maxage=300, stale-while-revalidate=86400"
_FIELDS = ("body", "content_type", "etag", "last_modified", "status", "location")


def etag_for(body: bytes) -> str:
    """A strong ETag: the same bytes always give the same tag, on every server."""
    return '"%s"' % hashlib.sha256(body).hexdigest()[:32]


def store_page(
    path: str,
    body: bytes,
    kind: str,
    *,
    content_type: str = HTML,
    status: int = 200,
    location: str = "",
    last_modified: datetime | None = None,
) -> StoredPage:
    """Store `body` as the response for `path`; rows whose bytes did not change are left alone.

    Leaving an unchanged row alone keeps its Last-Modified, so re-rendering a page that
    came out the same does not make every cache fetch it again.
    """
    etag = etag_for(body)
    wanted = {"content_type": content_type, "status": status, "location": location, "kind": kind}
    # Everything but the body: comparing ETags is comparing bytes, without reading them.
    page = StoredPage.objects.filter(path=path).defer("body").first()
    if page is not None and page.etag == etag and all(getattr(page, k) == v for k, v in wanted.items()):
        return page
    # HTTP dates have whole seconds; storing whole seconds keeps If-Modified-Since exact.
    modified = (last_modified or timezone.now()).replace(microsecond=0)
    values = {"body": body, "etag": etag, "last_modified": modified, **wanted}
    if reader_fill.active():  # a reader's request: answered with this page even if it cannot be stored
        return reader_fill.store_or_keep(path, values, lambda: _write_page(path, page, values))
    # New bytes for a page a CDN may hold (a new story's address too: the CDN may keep the 404
    # a reader got before it went live). A reader's fill above stores what the CDN is fetching.
    cdn_purge.note([path])
    return _write_page(path, page, values)


def _write_page(path: str, page: StoredPage | None, values: dict) -> StoredPage:
    # Another writer may drop or store the same path between our read and our write: on
    # PostgreSQL two publishes interleave, and one dropping a tag or feed page the other is
    # rendering left an UPDATE that matched no row (the publish failed with a DatabaseError).
    # So an update that finds no row stores the page anew, and an insert that meets a row
    # updates it; three rounds settle any interleaving a publish meets in practice.
    for _ in range(3):
        if page is not None and StoredPage.objects.filter(pk=page.pk).update(**values):
            for name, value in values.items():
                setattr(page, name, value)
            return page
        try:
            with transaction.atomic():
                return StoredPage.objects.create(path=path, **values)
        except IntegrityError:  # another process stored the same path a moment ago
            page = StoredPage.objects.filter(path=path).defer("body").first()
    raise DatabaseError(f"could not store the page {path}: other writers kept storing and dropping it")


def store_redirect(path: str, location: str) -> StoredPage:
    """Answer `path` with a permanent redirect to `location` (a changed slug)."""
    return store_page(path, _moved(location), "redirect", status=301, location=location)


def store_redirects(redirects: dict[str, str]) -> None:
    """`store_redirect` for each path and its location, the paths no page holds yet written in one statement."""
    held = set(StoredPage.objects.filter(path__in=list(redirects)).values_list("path", flat=True)) if redirects else set()
    new = [path for path in redirects if path not in held]
    for path in redirects:
        if path in held:  # rare in an import: compared with what is stored, as one redirect is
            store_redirect(path, redirects[path])
    modified = timezone.now().replace(microsecond=0)
    pages = []
    for path in new:
        body = _moved(redirects[path])
        pages.append(StoredPage(path=path, body=body, content_type=HTML, etag=etag_for(body), last_modified=modified,
                                status=301, location=redirects[path], kind="redirect"))
    if not pages:
        return
    cdn_purge.note(new)  # a CDN may keep the 404 a reader got at the old address
    try:
        with transaction.atomic():
            StoredPage.objects.bulk_create(pages)
    except IntegrityError:  # another process stored one of these paths a moment ago: each settles its own
        for path in new:
            store_redirect(path, redirects[path])


def _moved(location: str) -> bytes:
    target = escape(location)
    return (f'<!doctype html><meta charset="utf-8"><title>Moved</title>'
            f'<p>Moved to <a href="{target}">{target}</a>.</p>').encode()


def delete_page(path: str) -> bool:
    """Forget the stored response for `path`; True when there was one."""
    return bool(drop(StoredPage.objects.filter(path=path)))


def delete_pages(paths: Iterable[str] = (), prefixes: Iterable[str] = ()) -> int:
    """Forget the stored pages at `paths` and every stored page under each prefix, in one statement."""
    condition = Q(path__in=list(paths))
    for prefix in prefixes:
        condition |= _under(prefix)
    return drop(StoredPage.objects.filter(condition))


def drop(pages: QuerySet) -> int:
    """Delete these stored pages, to be rendered on their next request; returns how many.

    Every deletion of stored pages goes through here, so a CDN in front of the site is told
    of each dropped page once the transaction commits (`cdn_purge`, when configured)."""
    paths = list(pages.values_list("path", flat=True)) if cdn_purge.enabled() else []
    deleted, _ = pages.delete()
    if deleted and paths:
        cdn_purge.note(paths)
    return deleted


def _under(prefix: str) -> Q:
    # startswith is a LIKE: PostgreSQL answers it from the pattern index Django gives the
    # unique path column, SQLite from no index at all (its LIKE ignores case). SQLite
    # compares text bytewise, so a range on the unique index does the same there.
    if connection.vendor == "sqlite":
        return Q(path__gte=prefix, path__lt=prefix + "\U0010ffff")
    return Q(path__startswith=prefix)


def stored_response(request: HttpRequest) -> HttpResponse | None:
    """The stored response for this request's path, or None when nothing is stored."""
    unstored = reader_fill.kept(request.path_info)
    if unstored is not None:  # rendered for this request, not stored (the database was busy)
        return _respond(request, unstored.body, unstored.content_type, unstored.etag, unstored.last_modified,
                        unstored.status, unstored.location)
    # One statement on the unique index, built once: building an ORM query costs several
    # times what SQLite or PostgreSQL take to answer it.
    with connection.cursor() as cursor:
        cursor.execute(_select_sql(), [request.path_info])
        row = cursor.fetchone()
    if row is None:
        return None
    body, content_type, etag, last_modified, status, location = row
    if isinstance(last_modified, str):  # SQLite hands back text for a datetime column
        last_modified = parse_datetime(last_modified)
    if timezone.is_naive(last_modified):  # stored in UTC when USE_TZ is on
        last_modified = last_modified.replace(tzinfo=dt_timezone.utc)
    return _respond(request, body, content_type, etag, last_modified, status, location)


@lru_cache(maxsize=None)
def _select_sql_for(vendor: str) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(StoredPage._meta.get_field(name).column) for name in _FIELDS)
    path_column = quote(StoredPage._meta.get_field("path").column)
    return f"SELECT {columns} FROM {quote(StoredPage._meta.db_table)} WHERE {path_column} = %s"


def _select_sql() -> str:
    return _select_sql_for(connection.vendor)


def respond_unstored(request: HttpRequest, body: bytes, content_type: str = HTML) -> HttpResponse:
    """A page rendered for this request alone, with a stored page's headers (its ETag from its bytes)."""
    return _respond(request, body, content_type, etag_for(body), timezone.now().replace(microsecond=0), 200, "")


def serve_stored(request: HttpRequest) -> HttpResponse | None:
    """GET/HEAD a stored page; None when the path has no stored page (the caller decides)."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return stored_response(request)


def _respond(
    request: HttpRequest, body, content_type: str, etag: str, last_modified: datetime, status: int, location: str
) -> HttpResponse:
    modified = int(last_modified.timestamp())
    response = HttpResponse(b"" if request.method == "HEAD" else body, content_type=content_type, status=status)
    response.headers["Content-Length"] = str(len(body))
    if location:
        response.headers["Location"] = location
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(modified)
    response.headers["Cache-Control"] = CACHE_CONTROL
    for name, value in cache_tags.headers(request.path_info):
        response.headers[name] = value
    if status != 200:
        return response
    return conditional.answer(request.META, response, etag, modified)
