"""Test-wide setup: an isolated data folder, plain static storage, and loud checks that
PostgreSQL and Chromium are really there when CI=true (they are never silently skipped)."""

from __future__ import annotations

import os
import threading
import time

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CORPUS_ARTICLE = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "000_f4296cabe3fda3e5.txt")


def pytest_configure(config: pytest.Config) -> None:
    from django.conf import settings

    # The manifest needs collectstatic; tests use the finders instead.
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    settings.WHITENOISE_USE_FINDERS = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # No test reaches a provider: those that exercise poster fetching replace the fetcher.
    settings.EMBED_POSTERS = False
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        _require_postgres(settings.DATABASES["default"])


def _require_postgres(database: dict) -> None:
    import psycopg

    try:
        psycopg.connect(
            host=database.get("HOST") or "127.0.0.1", port=database.get("PORT") or 5432,
            user=database.get("USER") or "postgres", dbname="postgres", connect_timeout=5,
        ).close()
    except psycopg.OperationalError as error:
        message = f"PostgreSQL at DATABASE_URL is unreachable: {error}".strip()
        if IN_CI:
            pytest.exit(message + " (CI=true: a missing PostgreSQL fails the run)", returncode=1)
        pytest.exit(message + " (skipping the PostgreSQL run; with CI=true this fails)", returncode=0)


@pytest.fixture
def corpus_article_text() -> str:
    """The reference article, read at test time from ../shared (never copied into the repo)."""
    path = os.path.normpath(CORPUS_ARTICLE)
    if not os.path.exists(path):
        if IN_CI:
            pytest.fail(f"reference article missing at {path}")
        pytest.skip(f"reference article missing at {path}")
    with open(path, encoding="utf-8") as handle:
        return handle.read()


# Browser fixtures live here, once: a session-scoped Playwright defined in several modules
# would start several event loops in one thread.
@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium through Playwright (downloaded browsers are not an option here).

    With CI=true a missing Chromium fails the run; on a developer machine the test skips."""
    if not os.path.exists(CHROMIUM):
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if IN_CI:
            pytest.fail(message + "; CI=true: a missing Chromium fails the run", pytrace=False)
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the ORM calls made from test
    # bodies are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    # An assertion waits as long as a page action does (the pages' 15 s): its own default, 5 s,
    # failed a review spec whose publish took longer on a machine running two suites at once.
    expect.set_options(timeout=15_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_server(live_server, transactional_db):
    """pytest-django's live server, and at teardown, before the tables are flushed, a wait until
    it has finished every request it received.

    Closing a browser does not stop the server handling what it already received (an autosave,
    a live check). Such a request shares the test's SQLite connection; one still running during
    the flush once brought the previous test's rows back (UNIQUE auth_user.username)."""
    in_flight = _count_requests_in_flight(live_server)
    yield live_server
    in_flight.wait_until_idle()


@pytest.fixture
def page(chromium, request):
    if "live_server" in request.fixturenames:
        # The server first, so this browser closes before the server's teardown waits for it.
        request.getfixturevalue("live_server")
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


class RequestsInFlight:
    """How many requests the live server is still handling, so teardown can wait for none."""

    QUIET = 0.2  # seconds with nothing running: a connection already queued has been taken by then

    def __init__(self) -> None:
        self._count = 0
        self._last_finished = 0.0
        self._idle = threading.Condition()

    def handle(self, handle_request, *args) -> None:
        with self._idle:
            self._count += 1
        try:
            handle_request(*args)
        finally:
            with self._idle:
                self._count -= 1
                self._last_finished = time.monotonic()
                self._idle.notify_all()

    def wait_until_idle(self, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        with self._idle:
            while self._count or time.monotonic() - self._last_finished < self.QUIET:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"the live server still handles {self._count} request(s) after {seconds} s")
                self._idle.wait(timeout=min(left, self.QUIET))


def _count_requests_in_flight(live_server) -> RequestsInFlight:
    """Wrap the (session-wide) live server's per-request thread once with a counter."""
    server = live_server.thread.httpd
    if not hasattr(server, "requests_in_flight"):
        counter = RequestsInFlight()
        handle_request = server.process_request_thread
        server.process_request_thread = lambda *args: counter.handle(handle_request, *args)
        server.requests_in_flight = counter
    return server.requests_in_flight
