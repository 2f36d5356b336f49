"""Reads that the pages of one refresh share: made once per refresh, not once per page.

A publish renders a dozen pages. Each needs the site settings and the section list for
its navigation; several need the same story's related list or the same list's length.
Inside `reads_shared()` each such read is made once and kept until the block ends.
Outside it (a view filling one page, a test) every call reads afresh.

The block must start after the change it renders has been written: what it remembers
is true only while nothing it read changes, which holds while a refresh renders and
stores pages (it writes stored pages only).
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Callable, Hashable, Iterable, Iterator, TypeVar

from newsreel.newsroom.models import Section
from newsreel.public.models import SiteSettings

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)

# Rows `shared_rows` keeps per family; past it the family starts afresh, so a refresh of
# every page of a large site does not keep every story it has listed.
ROWS_KEPT = 2000

_memo: ContextVar[dict[Hashable, Any] | None] = ContextVar("newsreel_shared_reads", default=None)


@contextmanager
def reads_shared() -> Iterator[None]:
    """Share reads between the pages rendered inside the block; nested blocks join the outer one."""
    if _memo.get() is not None:
        yield
        return
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def shared(key: Hashable, read: Callable[[], T]) -> T:
    """`read()`, made once per `key` inside `reads_shared()`; made every time outside it."""
    memo = _memo.get()
    if memo is None:
        return read()
    if key not in memo:
        memo[key] = read()
    return memo[key]


def shared_rows(family: str, keys: Iterable[K], read: Callable[[list[K]], dict[K, T]]) -> dict[K, T]:
    """`read(keys)` (rows by key), each key read once per refresh inside `reads_shared()`.

    For rows many pages of one refresh show (the stories beside and related to each story
    of an import's chunk): only the keys not read yet are read, in one call. A key `read`
    does not answer is remembered as absent. Outside the block every call reads afresh."""
    wanted = list(dict.fromkeys(keys))
    memo = _memo.get()
    if memo is None:
        return read(wanted)
    rows: dict[K, T | None] = memo.setdefault(("rows", family), {})
    missing = [key for key in wanted if key not in rows]
    if missing:
        if len(rows) + len(missing) > ROWS_KEPT:
            rows.clear()
            missing = wanted
        found = read(missing)
        rows.update((key, found.get(key)) for key in missing)
    return {key: rows[key] for key in wanted if rows[key] is not None}


def remember_rows(family: str, rows: dict[Hashable, Any]) -> None:
    """Rows the caller has read already, for `shared_rows` to answer from (nothing outside `reads_shared()`)."""
    memo = _memo.get()
    if memo is not None:
        kept = memo.setdefault(("rows", family), {})
        if len(kept) + len(rows) > ROWS_KEPT:
            kept.clear()
        kept.update(rows)


def site_settings() -> SiteSettings:
    return shared("site settings", SiteSettings.current)


def nav_sections() -> list[Section]:
    """The sections every page's navigation lists, in their order."""
    return shared("nav sections", lambda: list(Section.objects.all()))


def list_length(base: str, count: Callable[[], int]) -> int:
    """How many stories the list at `base` holds (counted once per refresh)."""
    return shared(("list length", base), count)
