"""Related stories: live stories that share the most with one story, found in SQL.

A shared film counts 3, a shared person 2, a shared tag 1; ties go to the newer story.
Films and people count only where named outside spoiler blocks (a name that appears only
inside one is itself a spoiler, and must not steer what a reader is shown).

This lives in the newsroom because it reads the newsroom's own tables (mentions, the
article-tag links, articles) in raw SQL for speed; the public site asks for ids and
renders them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import connection

from newsreel.newsroom.live_sql import live_by_id_hint
from newsreel.newsroom.models import Article, Mention
from newsreel.newsroom.models.liveness import live_sql

RELATED_COUNT = 4
FILM_WEIGHT, PERSON_WEIGHT, TAG_WEIGHT = 3, 2, 1


@dataclass
class Entities:
    """What a story is about, as database ids: films, people (named outside spoilers), tags."""

    film_ids: set[int] = field(default_factory=set)
    person_ids: set[int] = field(default_factory=set)
    tag_ids: set[int] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.film_ids or self.person_ids or self.tag_ids)


def entities_of(article: Article) -> Entities:
    rows = Mention.objects.filter(article=article, in_spoiler=False).values_list("film_id", "person_id")
    entities = Entities(tag_ids=set(article.tags.values_list("id", flat=True)))
    for film_id, person_id in rows:
        if film_id:
            entities.film_ids.add(film_id)
        if person_id:
            entities.person_ids.add(person_id)
    return entities


def closest_ids(entities: Entities, *, exclude: set[int] = frozenset(), limit: int = RELATED_COUNT) -> list[int]:
    """Ids of the live stories with the highest weighted overlap with `entities`, best first.

    One statement: each kind of overlap is a branch of a UNION ALL, summed per story in
    the database, then only the summed stories are looked up (by id, in an index holding
    state and date) to drop what is not live and break ties by recency. Summing before
    the lookup matters: a tag on thousands of stories costs one grouped scan of its rows
    and one index probe per story, never a read of an article row.
    """
    if not entities or limit < 1:
        return []
    branches, params = _overlap_branches(entities)
    quote = connection.ops.quote_name
    article = quote(Article._meta.db_table)
    a_id, a_published = (quote(Article._meta.get_field(name).column) for name in ("id", "published_at"))
    live, live_params = live_sql("a")
    excluded = ""
    if exclude:
        excluded = f" AND a.{a_id} NOT IN ({', '.join(['%s'] * len(exclude))})"
    sql = (
        f"SELECT a.{a_id} FROM (SELECT aid, SUM(w) AS score FROM ({' UNION ALL '.join(branches)}) u GROUP BY aid) s "
        f"JOIN {article} a{live_by_id_hint()} ON a.{a_id} = s.aid "
        f"WHERE {live}{excluded} "
        f"ORDER BY s.score DESC, a.{a_published} DESC, a.{a_id} DESC LIMIT %s"
    )
    params += [*live_params, *sorted(exclude), limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def _overlap_branches(entities: Entities) -> tuple[list[str], list[object]]:
    """SELECT branches yielding (story id, weight) once per film, person or tag shared."""
    quote = connection.ops.quote_name
    mention = quote(Mention._meta.db_table)
    m_article = quote(Mention._meta.get_field("article").column)
    through = Article.tags.through
    t_table = quote(through._meta.db_table)
    t_article = quote(through._meta.get_field("article").column)
    t_tag = quote(through._meta.get_field("tag").column)
    branches: list[str] = []
    params: list[object] = []
    for ids, column, weight in (
        (entities.film_ids, Mention._meta.get_field("film").column, FILM_WEIGHT),
        (entities.person_ids, Mention._meta.get_field("person").column, PERSON_WEIGHT),
    ):
        if ids:
            marks = ", ".join(["%s"] * len(ids))
            branches.append(
                f"SELECT DISTINCT {m_article} AS aid, {quote(column)} AS eid, {weight} AS w FROM {mention} "
                f"WHERE {quote(column)} IN ({marks}) AND {quote('in_spoiler')} = %s"
            )
            params += [*sorted(ids), False]
    if entities.tag_ids:
        marks = ", ".join(["%s"] * len(entities.tag_ids))
        branches.append(f"SELECT {t_article} AS aid, {t_tag} AS eid, {TAG_WEIGHT} AS w FROM {t_table} WHERE {t_tag} IN ({marks})")
        params += sorted(entities.tag_ids)
    return branches, params
