"""The WSGI fast path answers stored pages exactly as Django would, and steps aside otherwise."""

from __future__ import annotations

import io
from email.utils import formatdate

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from newsreel.public.fastpath import StoredPageFastPath
from newsreel.public.store import store_page, store_redirect

ARTICLE = "/articles/harbor-lights-review/"


@pytest.fixture
def django_app():
    # As Django's test client does: keep the test's transaction open across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


class Spy:
    """Wraps the Django application and notes whether the fast path handed a request on."""

    def __init__(self, app) -> None:
        self.app, self.calls = app, 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.app(environ, start_response)


@pytest.fixture
def fast(django_app):
    return StoredPageFastPath(Spy(django_app))


@pytest.fixture
def stored(db):
    store_page(ARTICLE, "<!doctype html><title>Harbor Lights</title><p>Réview</p>".encode(), "article")
    store_page("/", b"<!doctype html><title>Home</title>", "home")


def call(app, path: str, method: str = "GET", *, raw_path: bytes | None = None, **headers: str):
    """Call a WSGI app as a server would (PATH_INFO is the raw bytes read as latin-1)."""
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": (raw_path or path.encode()).decode("iso-8859-1"), "QUERY_STRING": "",
        "SERVER_NAME": "testserver", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(b""), "wsgi.errors": io.StringIO(),
        "HTTP_HOST": "testserver", **headers,
    }
    started = {}

    def start_response(status, response_headers, exc_info=None):
        started["status"], started["headers"] = status, response_headers

    chunks = app(environ, start_response)
    body = b"".join(chunks)
    if hasattr(chunks, "close"):
        chunks.close()
    return started["status"], {name.lower(): value for name, value in started["headers"]}, body


def test_a_stored_page_is_answered_without_django_with_the_same_bytes_and_headers(fast, django_app, stored):
    expected = call(django_app, ARTICLE)
    assert call(fast, ARTICLE) == expected
    assert fast.app.calls == 0
    status, headers, body = expected
    assert status == "200 OK" and "Réview".encode() in body
    for name in ("etag", "last-modified", "cache-control", "x-content-type-options", "referrer-policy",
                 "cross-origin-opener-policy", "x-frame-options", "content-length", "content-type"):
        assert name in headers


def test_the_home_page_is_served_from_the_store_too(fast, django_app, stored):
    assert call(fast, "/") == call(django_app, "/")
    assert fast.app.calls == 0


def test_if_none_match_gets_the_same_304_as_django(fast, django_app, stored):
    etag = call(django_app, ARTICLE)[1]["etag"]
    expected = call(django_app, ARTICLE, HTTP_IF_NONE_MATCH=etag)
    assert expected[0] == "304 Not Modified" and expected[2] == b""
    assert call(fast, ARTICLE, HTTP_IF_NONE_MATCH=etag) == expected
    assert call(fast, ARTICLE, HTTP_IF_NONE_MATCH=f'"other", W/{etag}')[0] == "304 Not Modified"
    assert call(fast, ARTICLE, HTTP_IF_NONE_MATCH='"other"')[0] == "200 OK"
    assert fast.app.calls == 0


def test_if_modified_since_gets_a_304_when_nothing_changed_since(fast, django_app, stored):
    last_modified = call(django_app, ARTICLE)[1]["last-modified"]
    assert call(fast, ARTICLE, HTTP_IF_MODIFIED_SINCE=last_modified) == call(
        django_app, ARTICLE, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert call(fast, ARTICLE, HTTP_IF_MODIFIED_SINCE=last_modified)[0] == "304 Not Modified"
    assert call(fast, ARTICLE, HTTP_IF_MODIFIED_SINCE=formatdate(0, usegmt=True))[0] == "200 OK"


def test_head_has_the_headers_of_get_and_no_body(fast, django_app, stored):
    status, headers, body = call(fast, ARTICLE, method="HEAD")
    assert (status, headers, body) == call(django_app, ARTICLE, method="HEAD")
    assert body == b""
    assert headers["content-length"] == call(fast, ARTICLE)[1]["content-length"]


def test_a_redirect_and_a_gone_page_are_answered_like_django(fast, django_app, stored):
    store_redirect("/articles/old-slug/", ARTICLE)
    store_page("/articles/withdrawn/", b"<!doctype html><title>Gone</title>", "gone", status=410)
    for path in ("/articles/old-slug/", "/articles/withdrawn/"):
        assert call(fast, path) == call(django_app, path)
    assert call(fast, "/articles/old-slug/")[1]["location"] == ARTICLE
    assert call(fast, "/articles/withdrawn/")[0] == "410 Gone"
    assert fast.app.calls == 0


def test_a_host_outside_allowed_hosts_gets_djangos_400(fast, django_app, stored):
    status, _, _ = call(fast, ARTICLE, HTTP_HOST="evil.example")
    assert status.startswith("400")
    assert fast.app.calls == 1


def test_a_post_to_a_stored_path_goes_to_django(fast, django_app, stored):
    assert call(fast, ARTICLE, method="POST") == call(django_app, ARTICLE, method="POST")
    assert fast.app.calls == 1


def test_paths_not_stored_go_to_django(fast, django_app, stored):
    status, _, _ = call(fast, "/articles/no-such-article/")
    assert status.startswith("404")
    assert fast.app.calls == 1


@pytest.mark.parametrize("path", ["/desk/", "/media/poster.jpg", "/static/public/site.css"])
def test_the_desk_media_and_static_files_always_go_to_django(fast, stored, path):
    store_page(path, b"not what Django would answer", "article")
    call(fast, path)
    assert fast.app.calls == 1


@pytest.mark.parametrize("cookie", ["sessionid=abc123", "csrftoken=xyz"])
def test_a_request_with_a_desk_cookie_goes_to_django_which_may_reset_it(fast, django_app, stored, cookie):
    status, headers, body = call(fast, ARTICLE, HTTP_COOKIE=cookie)
    assert fast.app.calls == 1
    assert "set-cookie" in headers and headers["vary"] == "Cookie"
    assert body == call(django_app, ARTICLE)[2]


def test_other_cookies_do_not_leave_the_fast_path(fast, django_app, stored):
    cookie = {"HTTP_COOKIE": "theme=dark; seen=anora-2024"}
    assert call(fast, ARTICLE, **cookie) == call(django_app, ARTICLE, **cookie)
    assert fast.app.calls == 0


def test_a_path_that_is_not_utf8_goes_to_django(fast, stored):
    status, _, _ = call(fast, "", raw_path=b"/articles/\xff/")
    assert fast.app.calls == 1 and not status.startswith("5")


def _crawl(app, start: list[str], limit: int = 200) -> None:
    """Follow the site's own links from `start`, through Django, so lazily filled pages get stored."""
    import re

    seen, queue = set(), list(start)
    while queue and len(seen) < limit:
        path = queue.pop()
        if path in seen or path.startswith(("/desk/", "/media/", "/static/", "/search/")):
            continue
        seen.add(path)
        _, _, body = call(app, path)
        for link in re.findall(rb'(?:href|src)="(/[^"#?]*)"|<loc>https?://[^/<]+(/[^<]*)</loc>', body):
            queue.extend(part.decode() for part in link if part)


VARIANTS = {
    "GET": {},
    "HEAD": {"method": "HEAD"},
    "HTTPS": {"wsgi.url_scheme": "https"},
    "a foreign cookie": {"HTTP_COOKIE": "theme=dark"},
}


def test_every_stored_page_of_a_published_site_is_answered_as_the_full_stack_answers_it(
        django_app, make_article, publish, unpublish, site, settings):
    from newsreel.public.models import StoredPage

    settings.SECURE_HSTS_SECONDS = 3600  # so the secure variant carries a header the plain one lacks
    django_app = WSGIHandler()  # its middleware reads the settings as changed
    first = publish(make_article("Ada Varga talks Harbor Lights", slug="varga-talks"))
    publish(make_article("A winter on the pier", slug="winter-pier"))
    publish(first, slug="varga-talks-harbor-lights")  # the old slug now redirects
    unpublish(publish(make_article("Withdrawn", slug="withdrawn")))  # its URL answers 410
    _crawl(django_app, ["/", "/feed.xml", "/sitemap.xml", "/robots.txt", "/archive/"])
    stored = list(StoredPage.objects.values_list("path", "kind", "etag", "last_modified"))
    assert {kind for _, kind, _, _ in stored} >= {"article", "home", "section", "feed", "sitemap", "redirect", "gone"}
    for path, kind, etag, modified in stored:
        variants = dict(VARIANTS, **{
            "If-None-Match": {"HTTP_IF_NONE_MATCH": etag},
            "If-Modified-Since": {"HTTP_IF_MODIFIED_SINCE": formatdate(modified.timestamp(), usegmt=True)},
            "If-None-Match of another version": {"HTTP_IF_NONE_MATCH": '"other"'},
        })
        for name, variant in variants.items():
            fast = StoredPageFastPath(Spy(django_app))
            options = {key: value for key, value in variant.items() if key != "method"}
            answered = call(fast, path, variant.get("method", "GET"), **options)
            expected = call(django_app, path, variant.get("method", "GET"), **options)
            assert answered == expected, (path, kind, name)
            assert fast.app.calls == 0, f"{path} ({name}) left the fast path"


def test_a_failed_if_match_is_left_to_django_which_answers_412(fast, django_app, stored):
    assert call(fast, ARTICLE, HTTP_IF_MATCH='"other"')[0] == "412 Precondition Failed"
    assert fast.app.calls == 1
    assert call(fast, ARTICLE, HTTP_IF_MATCH="*")[0] == "200 OK" and fast.app.calls == 1


class AddsAHeader:
    """A middleware the fast path has never heard of."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers["Permissions-Policy"] = "camera=()"
        return response


class SetsACookie(AddsAHeader):
    def __call__(self, request):
        response = self.get_response(request)
        response.set_cookie("seen", "1")
        return response


def test_a_new_middlewares_header_reaches_the_fast_path_unchanged(django_app, stored, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.public.test_fastpath.AddsAHeader"]
    django_app = WSGIHandler()  # built after the change (the fixture keeps the test's transaction open)
    fast = StoredPageFastPath(Spy(django_app))
    answered = call(fast, ARTICLE)
    assert answered == call(django_app, ARTICLE) and answered[1]["permissions-policy"] == "camera=()"
    assert fast.app.calls == 0


def test_a_middleware_that_sets_a_cookie_turns_the_fast_path_off(django_app, stored, settings):
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, "tests.public.test_fastpath.SetsACookie"]
    fast = StoredPageFastPath(Spy(WSGIHandler()))
    status, headers, _ = call(fast, ARTICLE)
    assert status == "200 OK" and "seen=1" in headers["set-cookie"]
    assert fast.app.calls == 1  # Django answered, cookie and all


def test_behind_a_tls_proxy_the_fast_path_answers_as_django_does(django_app, stored, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 600
    full = WSGIHandler()
    fast = StoredPageFastPath(Spy(full))
    secure = {"HTTP_X_FORWARDED_PROTO": "https"}
    answered = call(fast, ARTICLE, **secure)
    assert answered == call(full, ARTICLE, **secure) and answered[1]["strict-transport-security"].startswith("max-age=600")
    assert "strict-transport-security" not in call(fast, ARTICLE)[1]
    assert fast.app.calls == 0


def test_a_plain_request_that_django_would_redirect_to_https_goes_to_django(django_app, stored, settings):
    settings.SECURE_SSL_REDIRECT = True
    fast = StoredPageFastPath(Spy(WSGIHandler()))
    status, headers, _ = call(fast, ARTICLE)
    assert status.startswith("301") and headers["location"].startswith("https://")
    assert fast.app.calls == 1


def test_the_host_comes_from_x_forwarded_host_when_django_trusts_it(django_app, stored, settings):
    settings.USE_X_FORWARDED_HOST = True
    fast = StoredPageFastPath(Spy(WSGIHandler()))
    assert call(fast, ARTICLE, HTTP_X_FORWARDED_HOST="evil.example")[0].startswith("400")
    assert fast.app.calls == 1
    assert call(fast, ARTICLE, HTTP_X_FORWARDED_HOST="testserver")[0] == "200 OK"
    assert fast.app.calls == 1


def test_a_request_without_a_host_header_is_checked_by_its_server_name(fast, django_app, stored):
    environ_host = {"HTTP_HOST": "", "SERVER_NAME": "testserver", "SERVER_PORT": "8000"}
    answered = call(fast, ARTICLE, **environ_host)
    assert answered == call(django_app, ARTICLE, **environ_host)
