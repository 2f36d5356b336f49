"""Search on the embedded default: SQLite FTS5 over public_searchdocument.

The FTS table's rowid is the document's search_key (publication order), so FTS5 hands
over matches newest first straight from its index, and a date filter is a rowid range it
seeks to. Per page: the window of newest matches; its relevance, by bm25() when every
phrase has a rare word (bm25's IDF walks each phrase's matches across the whole table), by
field weights from column-filtered matches otherwise; the recency boost in Python; then
snippets for the page's rows alone (snippet() is the expensive part of FTS5).
"""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from newsreel.public.search.backend import (
    CANDIDATE_WINDOW, MARK_END, MAX_PAGE, MARK_START, SNIPPET_WORDS, SearchBackend, SearchHit,
    SearchPage, SearchRequest, key_bounds, mark_snippet, opening_words, rank_keys,
)
from newsreel.public.search.models import SearchDocument, filter_token
from newsreel.public.search.query import fts5_match

FTS = "public_search_fts"
TEXT_COLUMNS = ("headline", "dek", "summary", "safe_text", "names")
# bm25 weights in the FTS table's column order: the text columns, then filter_terms
# (never part of relevance).
WEIGHTS = (10.0, 4.0, 3.0, 1.0, 5.0, 0.0)
SAFE_TEXT_COLUMN = 3
# When bm25() is too dear (see `_selective`): relevance is 1 for a match anywhere plus
# these for a match in the fields, close to WEIGHTS' proportions (two groups, not four:
# each group is one more pass over the window).
FIELD_WEIGHTS = ((("headline",), 10.0), (("names", "dek", "summary"), 4.0))
SELECTIVE = 2000
MAX_BM25_TERMS = 6


class SQLiteFTS5Backend(SearchBackend):
    vendor = "sqlite"

    def _matches(self, request: SearchRequest, *, words: bool = True) -> tuple[str, list[object]]:
        """FROM/WHERE for the request's matches on the FTS table (alias f): the reader's
        words in the text columns, the filters as tokens in filter_terms, dates as a rowid
        range. FTS5 intersects all of it inside its own index; no join is needed."""
        parts = [self._words(request)] if words else []
        parts += [f'filter_terms : "{token}"' for token in filter_tokens(request)]
        low, high = key_bounds(request)
        where, params = f"{FTS} MATCH %s", [" AND ".join(parts)]
        if low is not None:
            where, params = where + " AND f.rowid >= %s", params + [low]
        if high is not None:
            where, params = where + " AND f.rowid < %s", params + [high]
        return f"FROM {FTS} AS f WHERE {where}", params

    def rank_window(self, request: SearchRequest, window: int, skip: int, limit: int) -> tuple[list[tuple[int, float]], int]:
        source, params = self._matches(request)
        with connection.cursor() as cursor:
            # The window: FTS5 walks its doclists newest first and stops after 500.
            cursor.execute(f"SELECT f.rowid {source} ORDER BY f.rowid DESC LIMIT {CANDIDATE_WINDOW} OFFSET %s",
                           [*params, window * CANDIDATE_WINDOW])
            keys = [row[0] for row in cursor.fetchall()]
            if not keys:
                return [], 0
            low, high = keys[-1], keys[0]
            if self._selective(cursor, request):
                relevance = self._bm25(cursor, request, low, high, set(keys))
            else:
                relevance = self._field_weights(cursor, request, low, high, keys)
        return rank_keys(relevance, request.moment(), skip, limit), len(keys)

    def _selective(self, cursor, request: SearchRequest) -> bool:
        """Whether bm25() is affordable: FTS5 computes its IDF by walking every match of
        every phrase in the whole table, so each phrase needs one word found in at most
        SELECTIVE articles (phrases of everyday words would cost tens of ms at 100,000)."""
        terms = [term for clause in request.query.clauses for term in clause.alternatives]
        if len(terms) > MAX_BM25_TERMS:
            return False
        for term in terms:
            rare = False
            for word in (term.words[:-1] if term.prefix else term.words):
                cursor.execute(f"SELECT count(*) FROM (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s LIMIT {SELECTIVE + 1})",
                               [f'"{word}"'])
                if cursor.fetchone()[0] <= SELECTIVE:
                    rare = True
                    break
            if not rare:
                return False
        return True

    def _bm25(self, cursor, request: SearchRequest, low: int, high: int, keys: set[int]) -> dict[int, float]:
        weights = ", ".join(str(w) for w in WEIGHTS)
        cursor.execute(
            f"SELECT rowid, bm25({FTS}, {weights}) FROM {FTS} WHERE {FTS} MATCH %s AND rowid BETWEEN %s AND %s",
            [self._words(request), low, high])
        # bm25() is negative, more negative is better.
        return {key: -rank for key, rank in cursor.fetchall() if key in keys}

    def _field_weights(self, cursor, request: SearchRequest, low: int, high: int, keys: list[int]) -> dict[int, float]:
        """Relevance from where the words matched (1 for the text, plus each field's
        weight), found with column-filtered matches over the window's rowid range."""
        relevance = dict.fromkeys(keys, 1.0)
        filters = "".join(f' AND filter_terms : "{token}"' for token in filter_tokens(request))
        for columns, weight in FIELD_WEIGHTS:
            cursor.execute(
                f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s AND rowid BETWEEN %s AND %s",
                [f"{{{' '.join(columns)}}} : ({fts5_match(request.query)}){filters}", low, high])
            for (key,) in cursor.fetchall():
                if key in relevance:
                    relevance[key] += weight
        return relevance

    def _words(self, request: SearchRequest) -> str:
        # No column filter: FTS5 would have to read every hit's positions to apply one,
        # and no reader's word is a filter token ("zz" and 17 more letters and digits).
        return f"({fts5_match(request.query)})"

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
            cursor.execute(f"SELECT count(*) {source}", params)
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
