"""Read-only queries over the newsroom's live articles (`Article.objects.live()`), for display.

Publication order is (published_at, id), the same order the newsroom uses for neighbours.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.db.models import Count, QuerySet
from django.db.models.functions import Substr, TruncMonth
from django.utils import timezone

from newsreel.newsroom.live_sql import LinkedStories
from newsreel.newsroom.models import Article, Author, Section, Tag
from newsreel.newsroom.publishing import neighbour_ids
from newsreel.public.pages.shared import shared, shared_rows

# The error pages' "latest stories" and other short lists.
LIST_LIMIT = 60


def live_articles() -> QuerySet[Article]:
    """Live articles (`Article.objects.live()`), newest first, with what a listing shows."""
    return (
        Article.objects.live()
        .select_related("section", "hero_image")
        .order_by("-published_at", "-id")
    )


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """The previous (older) and next (newer) live articles, with what a listing shows.

    The order is the newsroom's (`neighbour_ids`), so the page and the publishing
    snapshot always agree on who the neighbours are."""
    older, newer = live_neighbour_ids(article)
    found = listed_by_id([i for i in (older, newer) if i])
    return found.get(older), found.get(newer)


def listed_by_id(ids: list[int]) -> dict[int, Article]:
    """These live stories, by id, with what a list shows; each read once per refresh
    (`shared_rows`): the stories of an import's chunk are each other's neighbours."""
    return shared_rows("listed", ids, lambda wanted: listed_articles().in_bulk(wanted))


def live_neighbour_ids(article: Article) -> tuple[int | None, int | None]:
    """`neighbour_ids`, read once per refresh (working out what a publish touches needs them, and so does the page)."""
    return shared(("neighbours", article.pk), lambda: neighbour_ids(article))


# The long texts of a story: a list never shows them, and reading them for twenty rows
# costs more than the rest of the query.
_LONG_TEXTS = ("body", "body_html", "feed_html", "safe_text")


def listed_articles() -> QuerySet[Article]:
    """Live articles with what a list of headlines shows, without their long texts."""
    return live_articles().defer(*_LONG_TEXTS)


def section_articles(section: Section) -> QuerySet[Article]:
    return listed_articles().filter(section=section)


def tag_articles(tag: Tag) -> "StoryList":
    return StoryList.of_tag(tag.pk)


def author_articles(author: Author) -> "StoryList":
    return StoryList.of_author(author.pk)


class StoryList(LinkedStories):
    """The live stories linked to one tag or author, newest first: `count()` and slices.

    The ids come from the newsroom's SQL (`LinkedStories`, which says why it is SQL);
    a slice fetches the page's own stories with what a list shows.
    """

    def __getitem__(self, window: slice) -> list[Article]:
        forward = isinstance(window, slice) and window.step in (None, 1) and (window.start or 0) >= 0
        if not forward or window.stop is None:
            raise TypeError("a StoryList is read in forward slices with an end, e.g. stories[20:40]")
        start = window.start or 0
        ids = self.ids(start, window.stop - start)
        found = listed_articles().in_bulk(ids)
        return [found[pk] for pk in ids if pk in found]


def month_start(year: int, month: int) -> dt.datetime:
    """The first instant of a calendar month in the site's time zone."""
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} is not between 1 and 12")
    return timezone.make_aware(dt.datetime(year, month, 1), timezone.get_current_timezone())


def month_of(moment: dt.datetime) -> tuple[int, int]:
    """(year, month) of a publication time, in the site's time zone."""
    local = timezone.localtime(moment)
    return local.year, local.month


def month_articles(year: int, month: int) -> QuerySet[Article]:
    start = month_start(year, month)
    end = month_start(year + 1, 1) if month == 12 else month_start(year, month + 1)
    return listed_articles().filter(published_at__gte=start, published_at__lt=end)


def month_counts() -> list[tuple[dt.date, int]]:
    """Every month with live stories, newest first, with how many each has."""
    live = Article.objects.live()
    if connection.vendor == "sqlite" and timezone.get_current_timezone_name() == "UTC":
        # SQLite keeps UTC datetimes as ISO text: the month is its first seven characters.
        # TruncMonth would call a Python function for every row.
        rows = live.annotate(month=Substr("published_at", 1, 7)).values("month").annotate(n=Count("id")).order_by("-month")
        return [(dt.date(int(row["month"][:4]), int(row["month"][5:7]), 1), row["n"]) for row in rows]
    rows = live.annotate(month=TruncMonth("published_at")).values("month").annotate(n=Count("id")).order_by("-month")
    return [(timezone.localtime(row["month"]).date() if isinstance(row["month"], dt.datetime) else row["month"], row["n"])
            for row in rows]
