"""Pages of a long list without counting it to the end.

Counting every match is what costs at 100,000 stories (a full-text word in most of them, or
no filter at all), while an editor needs the first pages and a sense of how many. So a
list is counted up to COUNT_CAP; past that the page says "more than 10,000", and "Older"
stays offered as long as a page comes back full.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

COUNT_CAP = 10_000


@dataclass
class Counted:
    """What the template and tests read as `page.paginator`."""

    count: int
    more: bool  # `count` is a lower bound
    per_page: int

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))


@dataclass
class CappedPage:
    number: int
    object_list: list[Any] = field(default_factory=list)
    has_next: bool = False
    paginator: Counted | None = None

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def page_number(text: str | None) -> int:
    """The page asked for; anything that is not a page number is the first page."""
    return int(text) if text and text.isdigit() and 0 < int(text) < 1_000_000 else 1


def capped_page(entries: QuerySet, number: int, per_page: int, cap: int = COUNT_CAP) -> CappedPage:
    """One page of `entries` (ordered), with the list counted up to `cap`."""
    found = entries.order_by()[:cap + 1].count()
    counted = Counted(count=min(found, cap), more=found > cap, per_page=per_page)
    if not counted.more:
        number = min(number, counted.num_pages)  # past the end: the last page, as Django's get_page
    start = (number - 1) * per_page
    rows = list(entries[start:start + per_page + 1])
    return CappedPage(number=number, object_list=rows[:per_page], has_next=len(rows) > per_page, paginator=counted)
