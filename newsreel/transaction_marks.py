"""Marks in the open transaction that say whether what was written since still stands.

An import writes a chunk of stories in one transaction, each story in a savepoint that is
rolled back when the story fails. What a story learnt or wrote (a picture marked waiting, a
tag found, a redirect to store) may be kept for the stories after it only while its
savepoint was not rolled back: a mark made when it was learnt says so.

Django keeps a transaction's on-commit callbacks in a list; a savepoint rolled back drops
those registered inside it, and a commit or rollback of the transaction empties it. A mark
is a callback that does nothing, put in that list: a callback that survives has every
earlier one surviving too (a savepoint rolled back around an earlier one was open around it
as well), so it stands exactly when it is still where it was put, which is found without
reading the list.
"""

from __future__ import annotations

from typing import Callable

from django.db import connection, transaction


class Mark:
    """Made inside a transaction (`mark()`); `standing` until the part of it that made it is rolled back, or it ends."""

    __slots__ = ("position", "callback")

    def __init__(self, position: int, callback: Callable[[], None]) -> None:
        self.position, self.callback = position, callback

    @property
    def standing(self) -> bool:
        callbacks = connection.run_on_commit
        return self.position < len(callbacks) and callbacks[self.position][1] is self.callback


def mark(callback: Callable[[], None] | None = None) -> Mark | None:
    """A mark made now, registering `callback` (else one that does nothing) to run on commit; None outside a transaction."""
    if not connection.in_atomic_block:
        return None
    callback = callback or _nothing()
    made = Mark(len(connection.run_on_commit), callback)
    transaction.on_commit(callback, robust=True)
    return made


def standing(made: Mark | None) -> bool:
    """Whether `made` (None: no mark) still stands in the open transaction."""
    return made is not None and made.standing


def _nothing() -> Callable[[], None]:
    return lambda: None  # a new function each time: a mark is known by its own callback
