"""Search in production: PostgreSQL full-text search over two narrow tables.

Migration 0004 keeps, per document, `public_search_match` (search_key, article and
section ids, and `terms`: the lexemes plus every pair of neighbouring lexemes, "box
offic", GIN-indexed) and `public_search_vectors` (the same ids and the weighted tsvector:
A headline, B dek, summary and names, C the spoiler-safe text). Migration 0005 builds
both with CONFIG, which folds accents as SQLite's tokenizer does.

Reading vectors is what costs (1-5 µs each, plus ts_rank_cd's own); the GIN index
answers words, prefixes, OR, NOT and two-word phrases exactly without reading any. Per
page, two statements (plus one to look up a phrase's lexemes):

1. The planner's estimates (EXPLAIN) decide how to take the window of newest matches
   (`_walk_pays`):
   - bitmap: the GIN index gives every candidate, the narrow heap their keys, the newest
     CANDIDATE_WINDOW are kept. A longer phrase, or one with a prefix or a stop word, is
     checked on the vector only for the articles holding all its pairs.
   - walk: for words in a large share of articles, or a filter that leaves few, the
     vectors are read newest first until the window is full (about 500 / share reads).
2. The window, ranked by ts_rank_cd with the recency boost, and ts_headline() on the
   page's rows alone (the spoiler-safe text of the document table), in one statement.
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection

from newsreel.public.search.backend import (
    CANDIDATE_WINDOW, MARK_END, MARK_START, RECENCY_DAYS, SNIPPET_WORDS, SearchBackend, SearchHit,
    SearchRequest, filter_sql, mark_snippet,
)
from newsreel.public.search.models import SearchDocument
from newsreel.public.search.query import ParsedQuery, Term, tsquery_text

# The text search configuration of migration 0005: English stemming with accents folded
# (unaccent), as the triggers build the vectors. Queries, phrase lookups and snippets
# must parse with the same one, or "Quinones" would not meet "Quiñones".
CONFIG = "newsreel_english"
MATCH = "public_search_match"
VECTORS = "public_search_vectors"
# ts_rank_cd weights in PostgreSQL's order {D, C, B, A}; normalization 1 divides by
# 1 + log(document length), so a long piece does not win on length alone.
RANK = "ts_rank_cd('{{0.05, 0.2, 0.5, 1.0}}'::float4[], {vector}, to_tsquery('%s', %%s), 1)" % CONFIG
HEADLINE_OPTIONS = (
    f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords={SNIPPET_WORDS}, MinWords={SNIPPET_WORDS // 2}, "
    'ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "'
)
# Measured at 100,000 articles (bench/search.py, EXPLAIN ANALYZE): reading one vector
# while walking (1.2 in the row, 4-5 from TOAST for an article too long to fit), and
# handling one match in a bitmap scan (its index entries, heap visit and sort; 0.14 for
# one word, up to 0.5 with a NOT or a prefix), in microseconds.
WALK_READ_US = 2.5
BITMAP_ROW_US = 0.4
# Newest articles read to see how common a prefix is (see `_walk_pays`).
PREFIX_SAMPLE = 100


@dataclass(frozen=True)
class Compiled:
    """A parsed query as SQL: `terms` (an expression of tsquery values for the GIN index,
    with its parameters) and whether the exact query must still be checked on the vector."""

    terms: str
    params: tuple[object, ...]
    exact: bool
    prefix: bool = False  # a term ends in a prefix (the planner cannot estimate those well)


class PostgresBackend(SearchBackend):
    vendor = "postgresql"

    def ranked(self, request: SearchRequest) -> tuple[list[SearchHit], int, bool]:
        """A page inside one window (every page but the few that straddle two) takes one
        statement: the window ranked, the page's rows joined to their documents and
        ts_headline() run on those alone. Other pages go window after window."""
        window, skip = divmod(request.offset, CANDIDATE_WINDOW)
        if skip + request.per_page > CANDIDATE_WINDOW:
            return super().ranked(request)
        _, size, hits = self._rank(request, window, skip, request.per_page, snippets=True)
        return hits, window * CANDIDATE_WINDOW + size, size == CANDIDATE_WINDOW

    def rank_window(self, request: SearchRequest, window: int, skip: int, limit: int) -> tuple[list[tuple[int, float]], int]:
        ranked, size, _ = self._rank(request, window, skip, limit, snippets=False)
        return ranked, size

    def _rank(self, request: SearchRequest, window: int, skip: int, limit: int, *,
              snippets: bool) -> tuple[list[tuple[int, float]], int, list[SearchHit]]:
        """`rank_window`'s (key, score) pairs and window size, and with `snippets` the
        page's hits as well."""
        exact_text = tsquery_text(request.query)
        conditions, filter_params, _ = filter_sql(request, key="m.search_key", document="m")
        filters = "".join(f" AND {condition}" for condition in conditions)
        with connection.cursor() as cursor:
            compiled = compile_query(cursor, request.query)
            walk, overruled = self._walk_pays(cursor, compiled, exact_text, filters, filter_params, window)
            if walk:
                # Newest first through the vectors (or from the filter's few articles),
                # reading each row's vector. The CASE makes the filters go first: the
                # planner does not know that reading a vector is the dear part.
                check = f"m.vector @@ to_tsquery('{CONFIG}', %s)"
                if conditions:
                    check = f"CASE WHEN {' AND '.join(conditions)} THEN {check} END"
                candidates = (f"SELECT m.search_key, m.vector FROM {VECTORS} AS m WHERE TRUE{filters} AND {check} "
                              f"ORDER BY m.search_key DESC")
                params: list[object] = [*filter_params, *(filter_params if conditions else []), exact_text]
                scored = "c"  # the candidates carry their vectors
            else:
                # The keys from the GIN index's bitmap, sorted ("+ 0": never walk the key
                # index reading terms); an inexact phrase is checked on the vector.
                join = "" if compiled.exact else f" JOIN {VECTORS} AS v ON v.search_key = m.search_key"
                check = "" if compiled.exact else f" AND v.vector @@ to_tsquery('{CONFIG}', %s)"
                candidates = (f"SELECT m.search_key FROM {MATCH} AS m{join} WHERE m.terms @@ ({compiled.terms})"
                              f"{filters}{check} ORDER BY m.search_key + 0 DESC")
                params = [*compiled.params, *filter_params, *([] if compiled.exact else [exact_text])]
                scored = "v"  # the 500 keys fetch their vectors
            rank = RANK.format(vector=f"{scored}.vector")
            join = "" if scored == "c" else f" JOIN {VECTORS} AS v ON v.search_key = c.search_key"
            # Scores first, behind a fence (OFFSET 0), then the count: otherwise the window
            # function buffers the 500 vectors themselves (1.7 ms of 3.5 for "film").
            sql = f"""
                SELECT s.search_key, s.score, count(*) OVER () AS size
                FROM (SELECT c.search_key,
                             {rank} / sqrt(1.0 + greatest(0.0, (%s - (c.search_key >> 24)) / 86400.0) / {RECENCY_DAYS}) AS score
                      FROM ({candidates} LIMIT {CANDIDATE_WINDOW} OFFSET %s) AS c{join} OFFSET 0) AS s
                ORDER BY s.score DESC, s.search_key DESC
                LIMIT %s OFFSET %s"""
            now_seconds = int(request.moment().timestamp())
            values = [exact_text, now_seconds, *params, window * CANDIDATE_WINDOW, limit, skip]
            if snippets:
                sql = f"""
                    SELECT p.search_key, p.score, p.size, {DETAILS}
                    FROM ({sql}) AS p JOIN {SearchDocument._meta.db_table} AS d ON d.search_key = p.search_key
                    ORDER BY p.score DESC, p.search_key DESC"""
                values = [exact_text, HEADLINE_OPTIONS, *values]
            with _without_seq_scans(cursor, overruled):
                cursor.execute(sql, values)
                rows = cursor.fetchall()
            if rows:
                hits = [_hit(row[3:]).with_score(row[1]) for row in rows] if snippets else []
                return [(row[0], row[1]) for row in rows], rows[0][2], hits
            if not skip:
                return [], 0, []
            # Past the end of this window's part of the page: still say how full it was.
            with _without_seq_scans(cursor, overruled):
                cursor.execute(f"SELECT count(*) FROM ({candidates} LIMIT {CANDIDATE_WINDOW} OFFSET %s) AS c",
                               [*params, window * CANDIDATE_WINDOW])
                return [], cursor.fetchone()[0], []

    def _walk_pays(self, cursor, compiled: "Compiled", exact_text: str, filters: str, filter_params: list[object],
                   window: int) -> tuple[bool, bool]:
        """Whether reading vectors newest first beats the bitmap, and whether that goes
        against the planner's own estimate (then it must be kept from a sequential scan).
        A walk reads about (window + 1) * CANDIDATE_WINDOW / share vectors (or every
        article the filters leave, if fewer); a bitmap handles every candidate the index
        finds (and reads the vector of each when the index is not exact)."""
        cursor.execute(
            f"""EXPLAIN (FORMAT JSON)
                SELECT 1 FROM {MATCH} AS m WHERE m.terms @@ ({compiled.terms})
                UNION ALL SELECT 1 FROM {MATCH} AS m WHERE TRUE{filters}
                UNION ALL SELECT 1 FROM {MATCH}""",
            [*compiled.params, *filter_params])
        plan = cursor.fetchone()[0]
        plans = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plans"]
        candidates, kept, rows = (max(1.0, float(p["Plan Rows"])) for p in plans)

        def walk_pays(matches: float) -> bool:
            walk = min(kept, (window + 1) * CANDIDATE_WINDOW * rows / matches) * WALK_READ_US
            return walk < matches * (BITMAP_ROW_US + (0.0 if compiled.exact else WALK_READ_US))

        if walk_pays(candidates):
            return True, False
        if compiled.prefix:
            # The planner knows the common lexemes, not how many rare ones share a
            # prefix; the newest articles say how common the prefix really is.
            cursor.execute(f"""SELECT count(*) FILTER (WHERE m.vector @@ to_tsquery('{CONFIG}', %s)), count(*)
                               FROM (SELECT vector FROM {VECTORS} ORDER BY search_key DESC LIMIT {PREFIX_SAMPLE}) AS m""",
                           [exact_text])
            found, sampled = cursor.fetchone()
            if sampled and walk_pays(max(candidates, rows * found / sampled)):
                return True, True
        return False, False

    def details(self, request: SearchRequest, keys: list[int]) -> dict[int, SearchHit]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"""SELECT d.search_key, {DETAILS} FROM {SearchDocument._meta.db_table} AS d
                    WHERE d.search_key = ANY(%s)""",
                [tsquery_text(request.query), HEADLINE_OPTIONS, keys],
            )
            return {row[0]: _hit(row[1:]) for row in cursor.fetchall()}


# What a hit shows, from the document table (alias d): its snippet from the spoiler-safe
# text alone. Two parameters: the tsquery text and HEADLINE_OPTIONS.
DETAILS = (f"d.article_id, d.slug, d.headline, d.dek, d.section_id, d.published_at, "
           f"ts_headline('{CONFIG}', d.safe_text, to_tsquery('{CONFIG}', %s), %s)")


def _hit(row) -> SearchHit:
    article_id, slug, headline, dek, section_id, published_at, snippet = row
    return SearchHit(article_id=article_id, slug=slug, headline=headline, dek=dek, section_id=section_id,
                     published_at=published_at, snippet=mark_snippet(snippet))


@contextmanager
def _without_seq_scans(cursor, needed: bool):
    """When `needed`, plan the statement without sequential scans and without JIT: a walk
    chosen against the planner's estimate (a prefix it underestimates) would otherwise be
    planned as reading and sorting every row (235 ms for `arfe*` at 100,000 articles),
    or cross jit_above_cost and spend 6-40 ms compiling. Set for the session and put
    back after, so it works in and out of transactions alike. Otherwise the planner
    already picks the index plan, and two round trips are saved."""
    if not needed:
        yield
        return
    cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('jit'), "
                   "set_config('enable_seqscan', 'off', false), set_config('jit', 'off', false)")
    seqscan, jit, _, _ = cursor.fetchone()
    try:
        yield
    finally:
        cursor.execute("SELECT set_config('enable_seqscan', %s, false), set_config('jit', %s, false)", [seqscan, jit])


def compile_query(cursor, query: ParsedQuery) -> Compiled:
    """The query for the GIN index: words as to_tsquery() stems them, phrases as their
    pairs of neighbouring lexemes (looked up in one statement)."""
    phrases = [" ".join(term.words[:-1] if term.prefix else term.words)
               for clause in query.clauses for term in clause.alternatives if len(term.words) > 1]
    lexemes: dict[str, dict[int, str]] = {phrase: {} for phrase in phrases}
    if phrases:
        cursor.execute(
            f"""SELECT t.phrase, pos, u.lexeme
                FROM unnest(%s::text[]) AS t(phrase), unnest(to_tsvector('{CONFIG}', t.phrase)) AS u, unnest(u.positions) AS pos""",
            [list(lexemes)])
        for phrase, position, lexeme in cursor.fetchall():
            lexemes[phrase][position] = lexeme
    parts: list[str] = []
    params: list[object] = []
    exact = True
    for clause in query.clauses:
        terms = [_term_sql(term, lexemes) for term in clause.alternatives]
        clause_exact = all(term_exact for _, _, term_exact in terms)
        exact = exact and clause_exact
        if clause.negated and not clause_exact:
            # Leaving out a superset would leave out too much: the exact check on the
            # vector applies this clause instead.
            continue
        parts.append(("!!" if clause.negated else "") + "(" + " || ".join(sql for sql, _, _ in terms) + ")")
        params += [value for _, values, _ in terms for value in values]
    prefix = any(term.prefix for clause in query.clauses for term in clause.alternatives)
    return Compiled(" && ".join(parts), tuple(params), exact, prefix)


def _term_sql(term: Term, lexemes: dict[str, dict[int, str]]) -> tuple[str, list[object], bool]:
    """One term as a tsquery expression, and whether it means exactly what the term does."""
    if len(term.words) == 1:
        return f"to_tsquery('{CONFIG}', %s)", [term.words[0] + (":*" if term.prefix else "")], True
    found = lexemes.get(" ".join(term.words[:-1] if term.prefix else term.words), {})
    pairs = sorted({f"{found[p]} {found[p + 1]}" for p in found if p + 1 in found})
    # Two words, both indexed, side by side: the pair is the phrase. Anything else (more
    # words, a stop word, a prefix) gives a superset, checked on the vector afterwards.
    exact = not term.prefix and len(term.words) == 2 and sorted(found) == [1, 2]
    if pairs:
        return "%s::tsquery", [" & ".join(_quoted(pair) for pair in pairs)], exact
    words = " & ".join(term.words[:-1] + (term.words[-1] + ":*",) if term.prefix else term.words)
    return f"to_tsquery('{CONFIG}', %s)", [words], False


def _quoted(lexeme: str) -> str:
    """A lexeme as tsquery input (quoted, so a space stays inside it)."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"
