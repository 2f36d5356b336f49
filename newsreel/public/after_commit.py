"""Work a change asks for, done after the transaction that made the change commits.

`after_commit(run, items)` hands `items` to `run` once the current transaction commits,
and never when it (or the savepoint it was noted in) rolls back: Django's own
`transaction.on_commit` keeps the callback with the transaction, so nothing noted in a
rolled-back transaction can fire on a later commit. Outside a transaction the change is
committed already and `run` is called at once.

Callbacks are robust (`on_commit(..., robust=True)`): the change is committed whatever
happens next, so a failure in the work that follows it is logged, not raised into the
code that made the change. The work itself must not fail after commit: refreshers split
large sets into bounded chunks and retry while the database is busy.

Each call is one callback. A caller changing many rows notes them in one call (the
knowledge-graph import notes every film and person it changed at once); a signal
receiver notes one row per call.
"""

from __future__ import annotations

from typing import Callable, Hashable, Iterable

from django.db import transaction

Run = Callable[[frozenset], None]


def after_commit(run: Run, items: Iterable[Hashable], *, using: str | None = None) -> None:
    """Call `run(frozenset(items))` once the current transaction commits (at once outside one)."""
    noted = frozenset(items)
    if not noted:
        return

    def callback() -> None:
        run(noted)
    # Django's log names a failed robust callback by its __qualname__.
    callback.__qualname__ = f"{getattr(run, '__qualname__', repr(run))} ({len(noted)} item(s))"
    transaction.on_commit(callback, using=using, robust=True)
