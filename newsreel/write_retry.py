"""Write transactions that wait their turn while other writers hold the database.

On the embedded SQLite one connection writes at a time: a second writer waits for the
lock (`busy_timeout`) and then fails with "database is locked". On PostgreSQL two
writers that touch the same rows in another order end in a deadlock, and one of them is
rolled back. Neither means the write was wrong: run it again from the start.

`run_write(work)` runs `work` in its own transaction and, while the database answers
"busy", runs it again after a growing, jittered pause, for up to NEWSREEL_WRITE_WAIT
seconds; then it raises `DatabaseBusy`, whose message says what was not written and
what to do. Each attempt is a whole transaction, so a failed one leaves nothing behind.
Inside an outer transaction `work` just runs: the outermost transaction is the one that
can start again, so retrying belongs to whoever opened it.
"""

from __future__ import annotations

import random
import time
from typing import Callable, TypeVar

from django.conf import settings
from django.db import OperationalError, connection, transaction

T = TypeVar("T")

# PostgreSQL: serialization_failure, deadlock_detected, lock_not_available.
RETRYABLE_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
# SQLite (SQLITE_BUSY / SQLITE_LOCKED as Python's sqlite3 words them).
RETRYABLE_SQLITE_MESSAGES = ("database is locked", "database table is locked", "database is busy")
FIRST_PAUSE = 0.05  # seconds; doubled after each busy attempt, up to MAX_PAUSE
MAX_PAUSE = 1.0
# SQLite waits inside each attempt too (its busy handler polls for the lock); never longer
# than this, the busy_timeout settings.py gives every connection.
SQLITE_ATTEMPT_WAIT = 5.0


class DatabaseBusy(OperationalError):
    """Other writers held the database for longer than NEWSREEL_WRITE_WAIT; nothing was written."""

    def __init__(self, attempts: int, waited: float, cause: BaseException) -> None:
        self.attempts, self.waited, self.cause = attempts, waited, cause
        super().__init__(
            f"the database stayed busy with other writers for {waited:.1f} s ({attempts} tries; last: {cause}); "
            f"nothing was written. Run it again, or let writes wait longer with NEWSREEL_WRITE_WAIT "
            f"(now {settings.WRITE_WAIT:g} s).")


def is_busy(error: BaseException) -> bool:
    """Whether `error` means "another writer is in the way" (worth a retry), not a real failure."""
    cause = error.__cause__ or error
    sqlstate = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    if sqlstate:
        return sqlstate in RETRYABLE_SQLSTATES
    message = str(error).lower()
    return any(text in message for text in RETRYABLE_SQLITE_MESSAGES)


def run_write(work: Callable[[], T], *, wait: float | None = None, atomic: bool = True) -> T:
    """`work()` in its own transaction, started again while the database is busy (see module doc).

    With `atomic=False` no transaction is opened around `work` (it opens its own where it
    writes, and is safe to run again): for work that mostly reads or computes, which
    should not hold the write lock while it does.
    """
    if connection.in_atomic_block:
        if not atomic:
            return work()
        with transaction.atomic():  # a savepoint: a failed `work` still leaves nothing behind
            return work()
    if not atomic:
        return _retrying(work, wait)
    return _retrying(lambda: _in_transaction(work), wait)


def _in_transaction(work: Callable[[], T]) -> T:
    with transaction.atomic():
        return work()


def _retrying(work: Callable[[], T], wait: float | None) -> T:
    wait = settings.WRITE_WAIT if wait is None else wait
    started = time.monotonic()
    deadline = started + wait
    pause = FIRST_PAUSE
    attempts = 0
    while True:
        attempts += 1
        _limit_sqlite_wait(deadline - time.monotonic())
        try:
            return work()
        except OperationalError as error:
            if isinstance(error, DatabaseBusy) or not is_busy(error):
                raise
            now = time.monotonic()
            if now + pause > deadline:
                raise DatabaseBusy(attempts, now - started, error) from error
            time.sleep(pause * random.uniform(0.5, 1.5))  # jitter: writers that collided do not collide again
            pause = min(pause * 2, MAX_PAUSE)
        finally:
            _limit_sqlite_wait(None)


def _limit_sqlite_wait(seconds: float | None) -> None:
    """Let SQLite's own busy wait inside one attempt end by the deadline (None: back to the default)."""
    if connection.vendor != "sqlite" or connection.connection is None and seconds is None:
        return
    limit = SQLITE_ATTEMPT_WAIT if seconds is None else max(0.0, min(seconds, SQLITE_ATTEMPT_WAIT))
    with connection.cursor() as cursor:
        cursor.execute(f"PRAGMA busy_timeout = {int(limit * 1000)}")
