"""Search in production: PostgreSQL full-text search over public_searchdocument.

The tsvector is a generated, GIN-indexed column (migration 0003), weighted A for the
headline, B for dek, summary and names, C for the spoiler-safe text. Per page: one
statement ranks a window of the newest matches (newest by
search_key, whose unique index PostgreSQL can walk backwards when a word is everywhere,
or a GIN bitmap scan when it is rare), one runs ts_headline(), the expensive part, on the
page's rows alone.
"""

from __future__ import annotations

from django.db import connection

from newsreel.public.search.backend import (
    CANDIDATE_WINDOW, MARK_END, MARK_START, RECENCY_DAYS, SNIPPET_WORDS, SearchBackend, SearchHit,
    SearchRequest, filter_sql, mark_snippet,
)
from newsreel.public.search.models import SearchDocument
from newsreel.public.search.query import tsquery_text

CONFIG = "english"
# ts_rank_cd weights in PostgreSQL's order {D, C, B, A}; normalization 1 divides by
# 1 + log(document length), so a long piece does not win on length alone.
RANK = "ts_rank_cd('{0.05, 0.2, 0.5, 1.0}'::float4[], c.search_vector, to_tsquery('%s', %%s), 1)" % CONFIG
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}, "
    'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
)


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def _matches(self, request: SearchRequest) -> tuple[str, list[object]]:
        conditions, params, _ = filter_sql(request, key="d.search_key")
        where = "".join(f" AND {condition}" for condition in conditions)
        return (f"FROM {SearchDocument._meta.db_table} AS d WHERE d.search_vector @@ to_tsquery('{CONFIG}', %s){where}",
                [tsquery_text(request.query), *params])

    def rank_window(self, request: SearchRequest, window: int, skip: int, limit: int) -> tuple[list[tuple[int, float]], int]:
        source, params = self._matches(request)
        sql = f"""
            SELECT c.search_key,
                   {RANK} / sqrt(1.0 + greatest(0.0, extract(epoch FROM (%s - c.published_at)) / 86400.0) / {RECENCY_DAYS}) AS score,
                   count(*) OVER () AS size
            FROM (SELECT d.search_key, d.published_at, d.search_vector {source}
                  ORDER BY d.search_key DESC LIMIT {CANDIDATE_WINDOW} OFFSET %s) AS c
            ORDER BY score DESC, c.search_key DESC
            LIMIT %s OFFSET %s"""
        with connection.cursor() as cursor:
            cursor.execute(sql, [tsquery_text(request.query), request.moment(), *params, window * CANDIDATE_WINDOW,
                                 limit, skip])
            rows = cursor.fetchall()
            if rows:
                return [(key, score) for key, score, _ in rows], rows[0][2]
            if not skip:
                return [], 0
            # Past the end of this window's part of the page: still say how full it was.
            cursor.execute(f"SELECT count(*) FROM (SELECT 1 {source} ORDER BY d.search_key DESC "
                           f"LIMIT {CANDIDATE_WINDOW} OFFSET %s) AS m", [*params, window * CANDIDATE_WINDOW])
            return [], cursor.fetchone()[0]

    def details(self, request: SearchRequest, keys: list[int]) -> dict[int, SearchHit]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT d.search_key, d.article_id, d.slug, d.headline, d.dek, d.section_id, d.published_at,
                           ts_headline('{CONFIG}', d.safe_text, to_tsquery('{CONFIG}', %s), %s)
                    FROM {SearchDocument._meta.db_table} AS d WHERE d.search_key = ANY(%s)""",
                [tsquery_text(request.query), HEADLINE_OPTIONS, keys],
            )
            rows = cursor.fetchall()
        return {
            key: SearchHit(article_id=article_id, slug=slug, headline=headline, dek=dek, section_id=section_id,
                           published_at=published_at, snippet=mark_snippet(snippet))
            for key, article_id, slug, headline, dek, section_id, published_at, snippet in rows
        }
