"""Path-based pagination for lists that grow: page 1 is the list's own URL, page n is
`<list URL>page/<n>/`, so every page is a plain file in a static export."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil
from typing import Any, Sequence

from newsreel.public.pages.shared import list_length

PER_PAGE = 20


class PageOutOfRange(LookupError):
    """A page number past the end of a list (the view answers 404)."""


def page_url(base: str, number: int, first: str = "") -> str:
    """The URL of page `number` of the list at `base` (which ends with a slash).

    Page 1 is `base` itself, or `first` when the list starts on another page (a film's
    coverage starts on the film page and goes on at /films/<key>/coverage/page/2/).
    """
    if not base.endswith("/"):
        raise ValueError(f"list URL {base!r} must end with '/'")
    if number == 1:
        return first or base
    return f"{base}page/{number}/"


def page_count(total: int, per_page: int | None = None) -> int:
    """Pages a list of `total` items fills; an empty list still has its first page."""
    return max(1, ceil(total / (per_page or PER_PAGE)))


@dataclass(frozen=True)
class Pager:
    """One page of a list, and the way to the pages around it."""

    base: str
    number: int
    count: int
    total: int
    items: Sequence[Any]
    first: str = ""

    @property
    def url(self) -> str:
        return page_url(self.base, self.number, self.first)

    @property
    def previous_url(self) -> str | None:
        return page_url(self.base, self.number - 1, self.first) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return page_url(self.base, self.number + 1, self.first) if self.number < self.count else None

    @property
    def is_paged(self) -> bool:
        return self.count > 1

    @property
    def links(self) -> list[dict[str, Any]]:
        """Numbered links: the first, the last and two either side of this page, with gaps."""
        wanted = {1, self.count, *range(self.number - 2, self.number + 3)}
        numbers = sorted(n for n in wanted if 1 <= n <= self.count)
        links: list[dict[str, Any]] = []
        for index, n in enumerate(numbers):
            if index and n - numbers[index - 1] > 1:
                links.append({"gap": True})
            links.append({"number": n, "url": page_url(self.base, n, self.first), "current": n == self.number})
        return links


def paginate(
    items, number: int, base: str, per_page: int | None = None, *, allow_empty: bool = True, first: str = ""
) -> Pager:
    """Page `number` of `items` (a queryset is sliced in the database, counted once).

    Raises PageOutOfRange for a page past the end; page 1 exists even for an empty list
    unless `allow_empty` is false (a tag or month with no live stories is no page at all).
    """
    per_page = per_page or PER_PAGE  # read at call time, so a test can make pages short
    if number < 1:
        raise PageOutOfRange(f"page {number} of {base}: pages start at 1")
    if isinstance(items, (list, tuple)):
        total = len(items)
    else:  # a queryset: the publish that re-renders this page may have counted it already
        total = list_length(base, items.count)
    count = page_count(total, per_page)
    if number > count or (total == 0 and not allow_empty):
        raise PageOutOfRange(f"page {number} of {base}: the list has {count} page(s)")
    start = (number - 1) * per_page
    page_items = list(items[start:start + per_page])
    return Pager(base=base, number=number, count=count, total=total, items=page_items, first=first)
