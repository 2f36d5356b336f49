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
from typing import Any, Callable, Hashable, Iterator, TypeVar

from newsreel.newsroom.models import Section
from newsreel.public.models import SiteSettings

T = TypeVar("T")

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


def site_settings() -> SiteSettings:
    return shared("site settings", SiteSettings.current)


def nav_sections() -> list[Section]:
    """The sections every page's navigation lists, in their order."""
    return shared("nav sections", lambda: list(Section.objects.all()))


def list_length(base: str, count: Callable[[], int]) -> int:
    """How many stories the list at `base` holds (counted once per refresh)."""
    return shared(("list length", base), count)
