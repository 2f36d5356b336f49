"""Pages of a long list without counting it to the end, or reading it to the page.

Counting every match is what costs at 100,000 stories (a full-text word in most of them, or
no filter at all), while an editor needs the first pages and a sense of how many. So a
list is counted up to COUNT_CAP; past that the page says "more than 10,000", and "Older"
stays offered as long as a page comes back full.

Reaching a deep page by number reads and drops every story before it (OFFSET), which at
page 3,000 of the story list is most of the table. So the story list's Next and Previous
links name the story they continue from (`newsreel.desk.search.Position`), and the page is
read from there by the sort's index. A page number alone (a typed or old address) still
works: the story just before the page is found first by counting off the sort's index alone
(its key and id, and the state the list leaves out: the index holds all three, so no story
is read), then the page is read from there like a Next link's.
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import Any, Callable

from django.db.models import QuerySet

from newsreel.desk.search import SORT_KEYS, Position, stories_after
from newsreel.numbers import whole_number

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
    previous: bool | None = None  # None: there is a page before unless this is page 1

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self) -> int:
        return len(self.object_list)

    @property
    def has_previous(self) -> bool:
        return self.number > 1 if self.previous is None else self.previous

    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def page_number(text: str | None) -> int:
    """The page asked for; anything that is not a page number is the first page."""
    return whole_number(text, largest=999_999) or 1


# How the database should read the list, told what the count found (None: for the count
# itself); `newsreel.desk.search.planned` is the story list's.
Planner = Callable[["Counted | None"], AbstractContextManager]


def _as_planned(counted: "Counted | None") -> AbstractContextManager:
    return nullcontext()


# Counts `entries` up to a limit its own way (None: the ORM's count); `newsreel.desk.search.counter`.
Counter = Callable[[QuerySet, int], int]


def capped_page(entries: QuerySet, number: int, per_page: int, cap: int | None = None,
                planned: Planner = _as_planned, count: Counter | None = None) -> CappedPage:
    """One page of `entries` (ordered), with the list counted up to `cap`."""
    counted = _count(entries, per_page, cap, planned, count)
    if not counted.more:
        number = min(number, counted.num_pages)  # past the end: the last page, as Django's get_page
    start = (number - 1) * per_page
    with planned(counted):
        rows = list(entries[start:start + per_page + 1])
    return CappedPage(number=number, object_list=rows[:per_page], has_next=len(rows) > per_page, paginator=counted)


def story_page(entries: QuerySet, sort: str, number: int, per_page: int, after: Position | None = None,
               before: Position | None = None, cap: int | None = None,
               planned: Planner = _as_planned, count: Counter | None = None) -> CappedPage:
    """Page `number` of the story list: the stories after `after` (a Next link), before
    `before` (a Previous link), or by number when the address names neither."""
    if after is None and before is None and number == 1:
        return capped_page(entries, number, per_page, cap, planned, count)
    counted = _count(entries, per_page, cap, planned, count)
    if after is None and before is None:  # a page by its number alone
        if not counted.more:
            number = min(number, counted.num_pages)
        if number == 1:
            return capped_page(entries, number, per_page, cap, planned, count)
        with planned(counted):
            after = position_at(entries, sort, (number - 1) * per_page - 1)
        if after is None:  # past the end of a list counted only to the cap
            return CappedPage(number=number, paginator=counted)
    if after is not None:
        with planned(counted):
            rows = stories_after(entries, sort, after, per_page + 1)
        return CappedPage(number=max(number, 2), object_list=rows[:per_page], has_next=len(rows) > per_page,
                          paginator=counted, previous=True)
    with planned(counted):
        rows = stories_after(entries, sort, before, per_page + 1, backwards=True)
    earlier = len(rows) > per_page
    return CappedPage(number=number if earlier else 1, object_list=rows[:per_page][::-1], has_next=True,
                      paginator=counted, previous=earlier)


def position_at(entries: QuerySet, sort: str, index: int) -> Position | None:
    """The place in the sort of story number `index` (from 0) of `entries`, or None past the end.

    Only the sort's key and the story's id are read (what the sort's index holds), so the
    databases count the stories off the index and read none of them."""
    field = SORT_KEYS.get(sort, "updated_at")
    found = list(entries.select_related(None).prefetch_related(None).values_list(field, "article_id")[index:index + 1])
    return Position(*found[0]) if found else None


def _count(entries: QuerySet, per_page: int, cap: int | None, planned: Planner,
           count: Counter | None = None) -> Counted:
    cap = COUNT_CAP if cap is None else cap
    with planned(None):
        found = count(entries, cap + 1) if count is not None else entries.order_by()[:cap + 1].count()
    return Counted(count=min(found, cap), more=found > cap, per_page=per_page)
