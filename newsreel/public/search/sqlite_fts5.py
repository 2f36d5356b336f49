"""Search on the embedded default: SQLite FTS5 over public_searchdocument.

The FTS table's rowid is the document's search_key (publication order), so FTS5 hands
over matches newest first straight from its index, and a date filter is a rowid range it
seeks to. Per page: one statement counts (up to the cap), one ranks a window of the newest
matches with bm25 and the recency boost, one builds snippets for the page's rows alone
(snippet() is the expensive part of FTS5).
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from newsreel.public.search.backend import (
    CANDIDATE_WINDOW, COUNT_CAP, MARK_END, MAX_PAGE, MARK_START, RECENCY_DAYS, SNIPPET_WORDS, SearchBackend, SearchHit,
    SearchPage, SearchRequest, key_bounds, mark_snippet, opening_words,
)
from newsreel.public.search.models import SearchDocument, filter_token
from newsreel.public.search.query import fts5_match

FTS = "public_search_fts"
TEXT_COLUMNS = ("headline", "dek", "summary", "safe_text", "names")
# bm25 weights in the FTS table's column order: the text columns, then filter_terms
# (never part of relevance).
WEIGHTS = (10.0, 4.0, 3.0, 1.0, 5.0, 0.0)
SAFE_TEXT_COLUMN = 3


class SQLiteFTS5Backend(SearchBackend):
    vendor = "sqlite"

    def _matches(self, request: SearchRequest, *, words: bool = True) -> tuple[str, list[object]]:
        """FROM/WHERE for the request's matches on the FTS table (alias f): the reader's
        words in the text columns, the filters as tokens in filter_terms, dates as a rowid
        range. FTS5 intersects all of it inside its own index; no join is needed."""
        parts = [f"{{{' '.join(TEXT_COLUMNS)}}} : ({fts5_match(request.query)})"] if words else []
        parts += [f'filter_terms : "{token}"' for token in filter_tokens(request)]
        low, high = key_bounds(request)
        where, params = f"{FTS} MATCH %s", [" AND ".join(parts)]
        if low is not None:
            where, params = where + " AND f.rowid >= %s", params + [low]
        if high is not None:
            where, params = where + " AND f.rowid < %s", params + [high]
        return f"FROM {FTS} AS f WHERE {where}", params

    def count(self, request: SearchRequest) -> int:
        source, params = self._matches(request)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM (SELECT f.rowid {source} LIMIT {COUNT_CAP + 1})", params)
            return cursor.fetchone()[0]

    def rank_window(self, request: SearchRequest, window: int, skip: int, limit: int) -> tuple[list[tuple[int, float]], int]:
        source, params = self._matches(request)
        weights = ", ".join(str(w) for w in WEIGHTS)
        now_seconds = int(request.moment().timestamp())
        # bm25() is negative, more negative is better. The score is relevance divided by
        # sqrt(1 + age/30 days); ranking by its square orders the same and needs no sqrt(),
        # which not every SQLite build has. A rowid's high bits are its publication second.
        sql = f"""
            SELECT c.key, (c.rank * c.rank) / (1.0 + max(0.0, (%s - (c.key >> 24)) / 86400.0) / {RECENCY_DAYS}) AS score,
                   count(*) OVER () AS size
            FROM (SELECT f.rowid AS key, bm25({FTS}, {weights}) AS rank {source}
                  ORDER BY f.rowid DESC LIMIT {CANDIDATE_WINDOW} OFFSET %s) AS c
            ORDER BY score DESC, c.key DESC
            LIMIT %s OFFSET %s"""
        with connection.cursor() as cursor:
            cursor.execute(sql, [now_seconds, *params, window * CANDIDATE_WINDOW, limit, skip])
            rows = cursor.fetchall()
            if rows:
                return [(key, score) for key, score, _ in rows], rows[0][2]
            if not skip:
                return [], 0
            # Past the end of this window's page: still say how full the window was.
            cursor.execute(f"SELECT count(*) FROM (SELECT f.rowid {source} ORDER BY f.rowid DESC "
                           f"LIMIT {CANDIDATE_WINDOW} OFFSET %s)", [*params, window * CANDIDATE_WINDOW])
            return [], cursor.fetchone()[0]

    def details(self, request: SearchRequest, keys: list[int]) -> dict[int, SearchHit]:
        marks = ", ".join(["%s"] * len(keys))
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT f.rowid, d.article_id, d.slug, d.headline, d.dek, d.section_id, d.published_at,
                           snippet({FTS}, {SAFE_TEXT_COLUMN}, %s, %s, '…', {SNIPPET_WORDS})
                    FROM {FTS} AS f JOIN {SearchDocument._meta.db_table} AS d ON d.search_key = f.rowid
                    WHERE {FTS} MATCH %s AND f.rowid IN ({marks})""",
                [MARK_START, MARK_END, fts5_match(request.query), *keys],
            )
            rows = cursor.fetchall()
        return {
            key: SearchHit(article_id=article_id, slug=slug, headline=headline, dek=dek, section_id=section_id,
                           published_at=_datetime(published_at), snippet=mark_snippet(snippet))
            for key, article_id, slug, headline, dek, section_id, published_at, snippet in rows
        }

    def browse(self, request: SearchRequest) -> SearchPage:
        """Filtered articles newest first, straight from the FTS index's rowid order."""
        if not filter_tokens(request):
            return super().browse(request)
        source, params = self._matches(request, words=False)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM (SELECT f.rowid {source} LIMIT {COUNT_CAP + 1})", params)
            total = cursor.fetchone()[0]
            cursor.execute(
                f"""SELECT d.article_id, d.slug, d.headline, d.dek, d.section_id, d.published_at, d.safe_text
                    FROM (SELECT f.rowid AS key {source} ORDER BY f.rowid DESC LIMIT %s OFFSET %s) AS m
                    JOIN {SearchDocument._meta.db_table} AS d ON d.search_key = m.key ORDER BY m.key DESC""",
                [*params, request.per_page, request.offset])
            rows = cursor.fetchall()
        hits = [SearchHit(article_id=a, slug=s, headline=h, dek=d, section_id=sec, published_at=_datetime(p),
                          snippet=opening_words(t)) for a, s, h, d, sec, p, t in rows]
        return SearchPage(hits=hits, total=total, page=max(1, min(request.page, MAX_PAGE)), per_page=request.per_page)


def filter_tokens(request: SearchRequest) -> list[str]:
    tokens = []
    if request.section_id is not None:
        tokens.append(filter_token("s", request.section_id))
    if request.film_key is not None:
        tokens.append(filter_token("f", request.film_key))
    if request.person_key is not None:
        tokens.append(filter_token("p", request.person_key))
    return tokens


def _datetime(value) -> dt.datetime:
    """SQLite hands back text for a datetime column read with raw SQL (stored in UTC)."""
    if isinstance(value, str):
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = value.replace(tzinfo=dt.timezone.utc)
    return value
