"""A reader's request that has to render a page is answered even when storing it fails.

Pages a publish drops are rendered on their next request and stored (`views`). Storing is
a write: on the embedded SQLite it waits for the one write lock, which a publish or an
import may hold for a while; on PostgreSQL it may wait for the row a publish is
rewriting. The reader should not pay for that: inside `reader_fill()` (every GET and
HEAD, through `ReaderFillMiddleware`) `store_page` waits at most FILL_STORE_WAIT for the
lock, and when it cannot store the page (busy, or any other database error) it keeps
the rendered bytes for this request. `stored_response` answers from them: 200 with the
page, its ETag and headers, exactly as if it had been stored. The next request renders
it again and tries again.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterator

from django.db import DatabaseError, connection, transaction

from newsreel.public.models import StoredPage
from newsreel.write_retry import SQLITE_ATTEMPT_WAIT

logger = logging.getLogger("newsreel.public")

# Seconds a reader's request waits for the write lock to store a page it rendered.
FILL_STORE_WAIT = 1.0

_kept: ContextVar[dict[str, StoredPage] | None] = ContextVar("newsreel_reader_fill", default=None)


@contextmanager
def reader_fill() -> Iterator[None]:
    """Within the block, a page that cannot be stored is kept for this request instead of failing it."""
    token = _kept.set({})
    try:
        yield
    finally:
        _kept.reset(token)


def active() -> bool:
    return _kept.get() is not None


def kept(path: str) -> StoredPage | None:
    """The page rendered for `path` in this request and not stored, if any."""
    pages = _kept.get()
    return pages.get(path) if pages else None


def store_or_keep(path: str, values: dict, write: Callable[[], StoredPage]) -> StoredPage:
    """Run `write` waiting at most FILL_STORE_WAIT; on a database error keep the page unsaved."""
    try:
        with _short_lock_wait():
            with transaction.atomic():
                _limit_postgres_wait()
                page = write()
    except DatabaseError as error:
        logger.warning("serving %s without storing it (%s); the next request renders it again", path, error)
        page = StoredPage(path=path, **values)
        pages = _kept.get()
        if pages is not None:
            pages[path] = page
    return page


@contextmanager
def _short_lock_wait() -> Iterator[None]:
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {int(FILL_STORE_WAIT * 1000)}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(SQLITE_ATTEMPT_WAIT * 1000)}")


def _limit_postgres_wait() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL lock_timeout = '{int(FILL_STORE_WAIT * 1000)}ms'")


class ReaderFillMiddleware:
    """Every GET and HEAD runs inside `reader_fill()`."""

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        with reader_fill():
            return self.get_response(request)
