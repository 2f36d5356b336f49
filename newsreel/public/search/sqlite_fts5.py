"""Search on the embedded default: SQLite FTS5 over public_searchdocument.

Two statements per page of results. The first ranks every match (bm25 with the recency
boost) and counts them in the same pass, returning only ids; the second builds snippets
for the page's twenty ids alone, since snippet() is the expensive part of FTS5.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from newsreel.public.search.backend import (
    MARK_END, MARK_START, RECENCY_DAYS, SNIPPET_WORDS, SearchBackend, SearchHit, SearchRequest, filter_sql, mark_snippet,
)
from newsreel.public.search.models import SearchDocument
from newsreel.public.search.query import fts5_match

FTS_TABLE = "public_search_fts"
# bm25 weights in the FTS table's column order: headline, dek, summary, safe_text, names.
WEIGHTS = (10.0, 4.0, 3.0, 1.0, 5.0)
SAFE_TEXT_COLUMN = 3
_JULIAN_UNIX_EPOCH = 2440587.5


class SQLiteFTS5Backend(SearchBackend):
    vendor = "sqlite"

    def ranked(self, request: SearchRequest) -> tuple[list[SearchHit], int]:
        match = fts5_match(request.query)
        documents = SearchDocument._meta.db_table
        conditions, params = filter_sql(request)
        where = "".join(f" AND {condition}" for condition in conditions)
        now_julian = request.moment().timestamp() / 86400.0 + _JULIAN_UNIX_EPOCH
        weights = ", ".join(str(w) for w in WEIGHTS)
        # bm25() is negative (more negative is better). The score is relevance divided by
        # sqrt(1 + age/30); ranking by its square orders the same and needs no sqrt(),
        # which not every SQLite build has.
        sql = f"""
            SELECT d.article_id, (f.rank * f.rank) / (1.0 + max(0.0, %s - julianday(d.published_at)) / {RECENCY_DAYS}) AS score,
                   count(*) OVER () AS total
            FROM (SELECT rowid AS id, bm25({FTS_TABLE}, {weights}) AS rank FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s) AS f
            JOIN {documents} AS d ON d.article_id = f.id
            WHERE 1 = 1{where}
            ORDER BY score DESC, d.published_at DESC, d.article_id DESC
            LIMIT %s OFFSET %s"""
        with connection.cursor() as cursor:
            cursor.execute(sql, [now_julian, match, *params, request.per_page, request.offset])
            ranked = cursor.fetchall()
            if not ranked:
                total = 0
                if request.offset:
                    cursor.execute(
                        f"SELECT count(*) FROM {FTS_TABLE} JOIN {documents} AS d ON d.article_id = {FTS_TABLE}.rowid "
                        f"WHERE {FTS_TABLE} MATCH %s{where}", [match, *params])
                    total = cursor.fetchone()[0]
                return [], total
            ids = [row[0] for row in ranked]
            marks = ", ".join(["%s"] * len(ids))
            cursor.execute(
                f"""SELECT d.article_id, d.slug, d.headline, d.dek, d.section_id, d.published_at,
                           snippet({FTS_TABLE}, {SAFE_TEXT_COLUMN}, %s, %s, '…', {SNIPPET_WORDS})
                    FROM {FTS_TABLE} JOIN {documents} AS d ON d.article_id = {FTS_TABLE}.rowid
                    WHERE {FTS_TABLE} MATCH %s AND {FTS_TABLE}.rowid IN ({marks})""",
                [MARK_START, MARK_END, match, *ids],
            )
            details = {row[0]: row for row in cursor.fetchall()}
        hits = []
        for article_id, score, _ in ranked:
            row = details.get(article_id)
            if row is None:  # removed between the two statements
                continue
            _, slug, headline, dek, section_id, published_at, snippet = row
            if isinstance(published_at, str):
                published_at = _parse_datetime(published_at)
            hits.append(SearchHit(article_id=article_id, slug=slug, headline=headline, dek=dek, section_id=section_id,
                                  published_at=published_at, snippet=mark_snippet(snippet), score=float(score)))
        return hits, ranked[0][2]


def _parse_datetime(value: str):
    """SQLite hands back text for a datetime column read with raw SQL (stored in UTC)."""
    parsed = parse_datetime(value)
    if parsed is not None and timezone.is_naive(parsed):
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed
