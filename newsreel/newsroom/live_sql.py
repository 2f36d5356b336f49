"""Reads of live stories written in raw SQL, for speed, over the newsroom's own tables.

The ORM's joins walk every live story in date order; the statements here read link rows
for one tag or author and look each story's liveness up in the narrow LIVE_BY_ID_INDEX,
so no article row is read until the page's own twenty are fetched. They live here, beside
the models, so the live condition they spell (`live_sql`) is the same one
`Article.objects.live()` uses, and a change to either is made in one place.
"""

from __future__ import annotations

from django.db import connection

from newsreel.newsroom.models import Article, Byline
from newsreel.newsroom.models.article import LIVE_BY_ID_INDEX
from newsreel.newsroom.models.liveness import live_sql


def live_by_id_hint() -> str:
    """The clause that makes SQLite look stories up in LIVE_BY_ID_INDEX ("" elsewhere).

    Without ANALYZE statistics SQLite looks ids up in the table itself, reading each
    story's first page; PostgreSQL's planner picks the index on its own.
    """
    return f" INDEXED BY {connection.ops.quote_name(LIVE_BY_ID_INDEX)}" if connection.vendor == "sqlite" else ""


class LinkedStories:
    """Ids of the live stories linked to one owner (a tag, an author) through a link table,
    newest first: `count()` and `ids(offset, limit)`."""

    def __init__(self, link_table: str, article_column: str, owner_column: str, owner_id: int) -> None:
        quote = connection.ops.quote_name
        meta = Article._meta
        a_id, published = (quote(meta.get_field(name).column) for name in ("id", "published_at"))
        live, live_params = live_sql("a")
        self._from = (
            f"FROM {quote(link_table)} l JOIN {quote(meta.db_table)} a{live_by_id_hint()} "
            f"ON a.{a_id} = l.{quote(article_column)} "
            f"WHERE l.{quote(owner_column)} = %s AND {live}"
        )
        self._order = f"ORDER BY a.{published} DESC, a.{a_id} DESC"
        self._id = f"a.{a_id}"
        self._params = [owner_id, *live_params]

    @classmethod
    def of_tag(cls, tag_id: int) -> "LinkedStories":
        through = Article.tags.through._meta
        return cls(through.db_table, through.get_field("article").column, through.get_field("tag").column, tag_id)

    @classmethod
    def of_author(cls, author_id: int) -> "LinkedStories":
        byline = Byline._meta
        return cls(byline.db_table, byline.get_field("article").column, byline.get_field("author").column, author_id)

    def count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) {self._from}", self._params)
            return cursor.fetchone()[0]

    def ids(self, offset: int, limit: int) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {self._id} {self._from} {self._order} LIMIT %s OFFSET %s",
                           [*self._params, max(0, limit), offset])
            return [row[0] for row in cursor.fetchall()]
