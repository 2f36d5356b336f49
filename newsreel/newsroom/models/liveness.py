"""What "live" means, said once: published, and its publication time has come.

Every reader of the newsroom (pages, lists, feeds, sitemaps, search, export) asks
`Article.objects.live()`; the few statements written in SQL for speed build their
condition with `live_sql()` so they cannot drift from it.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection, models
from django.db.models import Q

from newsreel.newsroom import clock

# The workflow state values; kept as strings here so this module needs no model import.
PUBLISHED = "published"
SCHEDULED = "scheduled"


def live_q(prefix: str = "", *, now: dt.datetime | None = None) -> Q:
    """The live condition as a Q object; `prefix` reaches it across a relation
    (e.g. `live_q("articles__")` on Tag)."""
    return Q(**{f"{prefix}state": PUBLISHED, f"{prefix}published_at__lte": now or clock.now()})


def live_sql(alias: str, *, now: dt.datetime | None = None) -> tuple[str, list[object]]:
    """The live condition for raw SQL over the article table aliased `alias`: (sql, params)."""
    from newsreel.newsroom.models.article import Article

    quote = connection.ops.quote_name
    state, published = (quote(Article._meta.get_field(name).column) for name in ("state", "published_at"))
    at = connection.ops.adapt_datetimefield_value(now or clock.now())
    return f"{alias}.{state} = %s AND {alias}.{published} <= %s", [PUBLISHED, at]


class ArticleQuerySet(models.QuerySet):
    def live(self, *, now: dt.datetime | None = None) -> "ArticleQuerySet":
        """Stories readers may see: published, with a publication time that has come."""
        return self.filter(live_q(now=now))

    def scheduled(self) -> "ArticleQuerySet":
        """Stories waiting for their minute, soonest first."""
        return self.filter(state=SCHEDULED).order_by("published_at", "id")

    def due(self, *, now: dt.datetime | None = None) -> "ArticleQuerySet":
        """Scheduled stories whose minute has come (the worker publishes these)."""
        return self.scheduled().filter(published_at__lte=now or clock.now())
