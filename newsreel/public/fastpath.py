"""Stored pages answered at the WSGI level, before Django builds a request.

A reader's GET or HEAD of a stored page needs one indexed query and a few header
comparisons. Django's request object, URL resolver and middleware stack cost several
times that, so `StoredPageFastPath` wraps the Django application and answers those
requests itself, with the same bytes and the same headers Django would send:

- the body, Content-Type, Content-Length, ETag, Last-Modified and Cache-Control of
  `newsreel.public.store` (and its 304 for If-None-Match / If-Modified-Since);
- the security headers of SecurityMiddleware and XFrameOptionsMiddleware, built from the
  same settings (X-Content-Type-Options, Referrer-Policy, Cross-Origin-Opener-Policy,
  Strict-Transport-Security on secure requests, X-Frame-Options).

Everything else goes to Django unchanged: other methods (a POST to a stored path gets
Django's answer), paths under /desk/, /media/ and /static/, paths with no stored page
(lazily filled pages, search, 404), a Host that ALLOWED_HOSTS refuses (Django answers
400), a request SECURE_SSL_REDIRECT would redirect, any database error, and requests with
a session or CSRF cookie: SessionMiddleware clears a stale session cookie and
CsrfViewMiddleware replaces a malformed CSRF cookie (Set-Cookie, `Vary: Cookie`), and only
Django can tell. Readers carry neither (the site sets them only in the desk), so they all
take the fast path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import lru_cache
from http import HTTPStatus
from typing import Any

from django.conf import settings
from django.db import connections
from django.http.request import split_domain_port, validate_host
from django.utils.http import http_date, parse_http_date_safe

from newsreel.public import store
from newsreel.public.models import StoredPage

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]
PASS_THROUGH_PREFIXES = ("/desk/", "/media/", "/static/")
_MAX_REMEMBERED_HOSTS = 64


class StoredPageFastPath:
    """WSGI middleware: serve stored pages directly, hand everything else to `app`."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app
        self.prefixes = PASS_THROUGH_PREFIXES + tuple(
            url for url in (settings.MEDIA_URL, settings.STATIC_URL) if url.startswith("/") and url != "/"
        )
        self.security_headers = security_headers()
        self.hsts = hsts_header()
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
        if status == 200 and not_modified(environ, etag, modified):
            status = 304
            headers = [("Content-Type", store.HTML), ("ETag", etag), ("Last-Modified", modified_header),
                       ("Cache-Control", store.CACHE_CONTROL), ("Content-Length", "0")]
            body = b""
        else:
            headers = [("Content-Type", content_type), ("Content-Length", str(len(body)))]
            if location:
                headers.append(("Location", location))
            headers += [("ETag", etag), ("Last-Modified", modified_header), ("Cache-Control", store.CACHE_CONTROL)]
        headers += self.security_headers
        if secure and self.hsts:
            headers.append(("Strict-Transport-Security", self.hsts))
        start_response(_status_line(status), headers)
        return [b"" if head else body]

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


def not_modified(environ: dict, etag: str, modified: int) -> bool:
    """RFC 9110 order, as `store` answers: If-None-Match first, then If-Modified-Since."""
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or etag in tags
    if_modified_since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if if_modified_since:
        since = parse_http_date_safe(if_modified_since)
        return since is not None and modified <= since
    return False


def security_headers() -> list[tuple[str, str]]:
    """What SecurityMiddleware and XFrameOptionsMiddleware add to every response."""
    headers: list[tuple[str, str]] = []
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    policy = settings.SECURE_REFERRER_POLICY
    if policy:
        value = policy if isinstance(policy, str) else ",".join(policy)
        headers.append(("Referrer-Policy", ",".join(part.strip() for part in value.split(","))))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    if "django.middleware.clickjacking.XFrameOptionsMiddleware" in settings.MIDDLEWARE:
        headers.append(("X-Frame-Options", getattr(settings, "X_FRAME_OPTIONS", "DENY").upper()))
    return headers


def hsts_header() -> str:
    seconds = settings.SECURE_HSTS_SECONDS
    if not seconds:
        return ""
    value = f"max-age={seconds}"
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        value += "; includeSubDomains"
    if settings.SECURE_HSTS_PRELOAD:
        value += "; preload"
    return value


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
