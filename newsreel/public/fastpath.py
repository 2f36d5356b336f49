"""Stored pages answered at the WSGI level, before Django builds a request.

A reader's GET or HEAD of a stored page needs one indexed query and a few header
comparisons. Django's request object, URL resolver and middleware stack cost several
times that, so `StoredPageFastPath` wraps the Django application and answers those
requests itself, with the same bytes and the same headers Django would send:

- the body, Content-Type, Content-Length, ETag, Last-Modified, Cache-Control and cache
  tags (`cache_tags`) of `newsreel.public.store`, and its 304, decided by the same function (`conditional`);
- the headers Django's middleware adds (security headers, X-Frame-Options, ...). They are
  not copied here: the fast path sends one probe response through the real middleware
  stack, once per kind of answer (status, secure or not), and adds what the stack added.
  A new middleware's headers reach the fast path without a change to this file; a
  middleware that changes the probe's status or sets a cookie turns the fast path off for
  that kind of answer.

tests/public/test_fastpath.py checks every stored page of a published site
both ways. Everything else goes to Django unchanged: other methods (a POST to a stored
path gets Django's answer), paths under /desk/, /media/ and /static/, paths with no stored
page (lazily filled pages, search, 404), a Host that ALLOWED_HOSTS refuses (Django answers
400), a request SECURE_SSL_REDIRECT would redirect, a failed If-Match or
If-Unmodified-Since (Django answers and logs the 412), any database error, and requests with a session or CSRF cookie:
SessionMiddleware clears a stale session cookie and CsrfViewMiddleware replaces a
malformed CSRF cookie (Set-Cookie, `Vary: Cookie`), and only Django can tell. Readers carry
neither (the site sets them only in the desk), so they all take the fast path.
"""
from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable
from functools import lru_cache
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.db import connections
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.http.request import split_domain_port, validate_host
from django.urls import set_urlconf
from django.utils.http import http_date

from newsreel import links
from newsreel.public import cache_tags, conditional, store
from newsreel.public.old_links import wordpress_post_id
from newsreel.public.models import StoredPage

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]
_MAX_REMEMBERED_HOSTS = 64


class StoredPageFastPath:
    """WSGI middleware: serve stored pages directly, hand everything else to `app`."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app
        # The desk, uploaded media and static files are never stored pages.
        self.prefixes = (links.desk_prefix(),) + tuple(
            url for url in (settings.MEDIA_URL, settings.STATIC_URL) if url.startswith("/") and url != "/"
        )
        self.added: dict[tuple[int, bool], list[tuple[str, str]] | None] = {}
        self.good_hosts: set[str] = set()
        self.django_cookies = (settings.SESSION_COOKIE_NAME + "=", settings.CSRF_COOKIE_NAME + "=")

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        method = environ.get("REQUEST_METHOD")
        if method == "GET" or method == "HEAD":
            answer = self.answer(environ, start_response, method == "HEAD")
            if answer is not None:
                return answer
        return self.app(environ, start_response)

    def answer(self, environ: dict, start_response: Callable, head: bool) -> list[bytes] | None:
        path = path_info(environ)
        if path is None or path.startswith(self.prefixes) or not self.host_allowed(environ):
            return None
        if path == "/" and wordpress_post_id(environ.get("QUERY_STRING", "")) is not None:
            return None  # an old WordPress link (/?p=123): Django redirects it to the story
        cookies = environ.get("HTTP_COOKIE")
        # A substring test: a cookie that merely ends in the name only costs a Django request.
        if cookies and any(name in cookies for name in self.django_cookies):
            return None
        secure = is_secure(environ)
        if settings.SECURE_SSL_REDIRECT and not secure:
            return None
        row = fetch(path)
        if row is None:
            return None
        body, content_type, etag, last_modified, status, location = row
        if isinstance(body, memoryview):
            body = body.tobytes()
        modified_header, modified = _http_date(last_modified)
        decided = conditional.outcome(environ, etag, modified) if status == 200 else None
        if decided == conditional.PRECONDITION_FAILED:
            return None  # Django answers (and logs) a 412
        if decided == conditional.NOT_MODIFIED:
            status, body = 304, b""
            headers = [("Cache-Control", store.CACHE_CONTROL), ("ETag", etag), ("Last-Modified", modified_header)]
        else:
            headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
            if location:
                headers.append(("Location", location))
            headers += [("ETag", etag), ("Last-Modified", modified_header), ("Cache-Control", store.CACHE_CONTROL)]
            headers += cache_tags.headers(path)
        added = self.middleware_headers(environ, status, secure)
        if added is None:
            return None
        start_response(_status_line(status), headers + added)
        return [b"" if head else body]

    def middleware_headers(self, environ: dict, status: int, secure: bool) -> list[tuple[str, str]] | None:
        """What Django's middleware adds to a stored answer of this status; None: let Django answer."""
        key = (status, secure)
        if key not in self.added:
            self.added[key] = middleware_headers(environ, status)
        return self.added[key]

    def host_allowed(self, environ: dict) -> bool:
        """Django's `request.get_host()` check, without building a request."""
        host = raw_host(environ)
        if host in self.good_hosts:
            return True
        domain, _port = split_domain_port(host)
        allowed = settings.ALLOWED_HOSTS
        if settings.DEBUG and not allowed:
            allowed = [".localhost", "127.0.0.1", "[::1]"]
        if not (domain and validate_host(domain, allowed)):
            return False
        if len(self.good_hosts) < _MAX_REMEMBERED_HOSTS:
            self.good_hosts.add(host)
        return True


def fetch(path: str) -> tuple | None:
    """The stored row for `path`: one statement on the unique path index.

    It runs on the thread's own Django connection, through the driver directly: SQLite's
    module keeps the compiled statement, and psycopg prepares it on the server.
    """
    connection = connections["default"]
    try:
        connection.ensure_connection()
        if connection.vendor == "postgresql":
            row = connection.connection.execute(_sql("%s"), (path,), prepare=True).fetchone()
        else:
            row = connection.connection.execute(_sql("?"), (path,)).fetchone()
    except connection.Database.Error:
        # A dropped connection: forget it, and let Django reconnect and answer this request.
        connection.close()
        return None
    return row


@lru_cache(maxsize=None)
def _sql(placeholder: str) -> str:
    quote = connections["default"].ops.quote_name
    meta = StoredPage._meta
    columns = ", ".join(quote(meta.get_field(name).column) for name in store._FIELDS)
    return f"SELECT {columns} FROM {quote(meta.db_table)} WHERE {quote(meta.get_field('path').column)} = {placeholder}"


def path_info(environ: dict) -> str | None:
    """PATH_INFO as Django decodes it (UTF-8 from the server's latin-1); None if it is not UTF-8."""
    raw = environ.get("PATH_INFO", "") or "/"
    try:
        return raw.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None  # Django re-percent-encodes broken bytes; let it do so


def raw_host(environ: dict) -> str:
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    if "HTTP_HOST" in environ:
        return environ["HTTP_HOST"]
    host = environ.get("SERVER_NAME", "")
    port = str(environ.get("SERVER_PORT", ""))
    if port != ("443" if is_secure(environ) else "80"):
        host = f"{host}:{port}"
    return host


def is_secure(environ: dict) -> bool:
    header = settings.SECURE_PROXY_SSL_HEADER
    if header:
        name, value = header
        given = environ.get(name)
        if given is not None:
            return given.split(",", 1)[0].strip() == value
    return environ.get("wsgi.url_scheme") == "https"


class _MiddlewareProbe(BaseHandler):
    """Django's middleware stack around a given response, in place of the URL resolver and view."""

    def __init__(self, response: HttpResponse) -> None:
        super().__init__()
        self.response = response
        self.load_middleware()

    def _get_response(self, request: HttpRequest) -> HttpResponse:
        return self.response


def middleware_headers(environ: dict, status: int) -> list[tuple[str, str]] | None:
    """The headers Django's middleware stack adds to a stored answer of `status` for requests
    like this one (same host, same scheme); None when it changes more than headers."""
    probe = HttpResponseNotModified() if status == 304 else HttpResponse(b"", status=status, content_type=store.HTML)
    probe.headers["ETag"], probe.headers["Last-Modified"] = '"probe"', http_date(0)
    probe.headers["Cache-Control"] = store.CACHE_CONTROL
    if status != 304:
        probe.headers["Content-Length"] = "0"
    own = {name.lower() for name in probe.headers}
    quiet = {name: value for name, value in environ.items()
             if not name.startswith("HTTP_IF_") and name not in ("HTTP_COOKIE", "wsgi.input")}
    request = WSGIRequest({**quiet, "REQUEST_METHOD": "GET", "wsgi.input": io.BytesIO(b"")})
    set_urlconf(settings.ROOT_URLCONF)
    answered = _MiddlewareProbe(probe)._middleware_chain(request)
    if answered.status_code != status or answered.cookies:
        return None
    return [(name, value) for name, value in answered.items() if name.lower() not in own]


@lru_cache(maxsize=4096)
def _http_date(value: Any) -> tuple[str, int]:
    """A stored Last-Modified (text from SQLite, a datetime from PostgreSQL) -> header, epoch."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:  # stored in UTC when USE_TZ is on
        value = value.replace(tzinfo=dt.timezone.utc)
    seconds = int(value.timestamp())
    return http_date(seconds), seconds


@lru_cache(maxsize=None)
def _status_line(status: int) -> str:
    return f"{status} {HTTPStatus(status).phrase}"
