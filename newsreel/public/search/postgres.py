"""Search in production: PostgreSQL full-text search over public_searchdocument.

The tsvector is a generated, GIN-indexed column (migration 0003), weighted A for the
headline, B for dek, summary and names, C for the spoiler-safe text. One statement ranks
and counts every match and returns the page's ids; a second runs ts_headline() (the
expensive part) on the spoiler-safe text of those twenty rows only.
"""

from __future__ import annotations

from django.db import connection

from newsreel.public.search.backend import (
    MARK_END, MARK_START, RECENCY_DAYS, SNIPPET_WORDS, SearchBackend, SearchHit, SearchRequest, filter_sql, mark_snippet,
)
from newsreel.public.search.models import SearchDocument
from newsreel.public.search.query import tsquery_text

CONFIG = "english"
# ts_rank_cd weights in PostgreSQL's order {D, C, B, A}; normalization 1 divides by
# 1 + log(document length), so a long piece does not win on length alone.
RANK = "ts_rank_cd('{0.05, 0.2, 0.5, 1.0}'::float4[], d.search_vector, q.query, 1)"
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}, "
    'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
)


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def ranked(self, request: SearchRequest) -> tuple[list[SearchHit], int]:
        query = tsquery_text(request.query)
        documents = SearchDocument._meta.db_table
        conditions, params = filter_sql(request)
        where = "".join(f" AND {condition}" for condition in conditions)
        sql = f"""
            SELECT d.article_id,
                   {RANK} / sqrt(1.0 + greatest(0.0, extract(epoch FROM (%s - d.published_at)) / 86400.0) / {RECENCY_DAYS}) AS score,
                   count(*) OVER () AS total
            FROM {documents} AS d, (SELECT to_tsquery('{CONFIG}', %s) AS query) AS q
            WHERE d.search_vector @@ q.query{where}
            ORDER BY score DESC, d.published_at DESC, d.article_id DESC
            LIMIT %s OFFSET %s"""
        with connection.cursor() as cursor:
            cursor.execute(sql, [request.moment(), query, *params, request.per_page, request.offset])
            ranked = cursor.fetchall()
            if not ranked:
                total = 0
                if request.offset:
                    cursor.execute(
                        f"SELECT count(*) FROM {documents} AS d WHERE d.search_vector @@ to_tsquery('{CONFIG}', %s){where}",
                        [query, *params])
                    total = cursor.fetchone()[0]
                return [], total
            ids = [row[0] for row in ranked]
            cursor.execute(
                f"""SELECT d.article_id, d.slug, d.headline, d.dek, d.section_id, d.published_at,
                           ts_headline('{CONFIG}', d.safe_text, to_tsquery('{CONFIG}', %s), %s)
                    FROM {documents} AS d WHERE d.article_id = ANY(%s)""",
                [query, HEADLINE_OPTIONS, ids],
            )
            details = {row[0]: row for row in cursor.fetchall()}
        hits = []
        for article_id, score, _ in ranked:
            row = details.get(article_id)
            if row is None:
                continue
            _, slug, headline, dek, section_id, published_at, snippet = row
            hits.append(SearchHit(article_id=article_id, slug=slug, headline=headline, dek=dek, section_id=section_id,
                                  published_at=published_at, snippet=mark_snippet(snippet), score=float(score)))
        return hits, ranked[0][2]
