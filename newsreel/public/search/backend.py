"""The search interface: one request in, one page of ranked hits out, on either database.

Ranking is relevance with a recency boost, the same on both backends:

    score = relevance / sqrt(1 + age_in_days / 30)

so a story a month old needs about 1.4 times the relevance of one published today to
rank above it, a year-old story about 3.6 times. Relevance is bm25 on SQLite FTS5 (headline
weighted highest) and ts_rank_cd on PostgreSQL (weights A headline, B dek/summary/names,
C spoiler-safe text). Ties go to the newer story, then the higher article id.

Bounded work per query: matches are taken newest first in windows of CANDIDATE_WINDOW
(500) and each window is ranked, window after window. A query matching up to 500
articles is ranked as a whole; a word that is in every article ("film") costs one window,
not the whole site. The price: an article older than the newest 500 matches cannot
outrank one inside them, which the recency boost mostly decides anyway. For the same
reason a large result is not counted to the end: the page says "more than N".

Snippets come from the spoiler-safe text only. The backends mark matches with two
private-use characters that the index never stores (see `index.clean`); `mark_snippet`
escapes everything else and only then turns those characters into <mark> tags, so no
indexed text can smuggle markup into a page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import DatabaseError, connection
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from newsreel import links
from newsreel.public.search.models import SearchDocument, SearchFacet, published_seconds, search_key_for
from newsreel.public.search.query import ParsedQuery, parse_query

log = logging.getLogger(__name__)

MARK_START = "\ue000"
MARK_END = "\ue001"
_MARKS = re.compile(f"([{MARK_START}{MARK_END}])")
RECENCY_DAYS = 30.0
PER_PAGE = 20
MAX_PAGE = 500
CANDIDATE_WINDOW = 500
# Words of context in a snippet (both engines count tokens, roughly words).
SNIPPET_WORDS = 30
BROWSE_SNIPPET_CHARS = 220


@dataclass(frozen=True)
class SearchRequest:
    query: ParsedQuery
    section_id: int | None = None
    film_key: str | None = None
    person_key: str | None = None
    published_from: dt.datetime | None = None  # inclusive
    published_before: dt.datetime | None = None  # exclusive
    page: int = 1
    per_page: int = PER_PAGE
    now: dt.datetime | None = None  # the moment ages are measured from (default: now)

    @property
    def offset(self) -> int:
        return (max(1, min(self.page, MAX_PAGE)) - 1) * self.per_page

    @property
    def has_filters(self) -> bool:
        return any(v is not None for v in (self.section_id, self.film_key, self.person_key,
                                             self.published_from, self.published_before))

    def moment(self) -> dt.datetime:
        return self.now or timezone.now()


@dataclass(frozen=True)
class SearchHit:
    article_id: int
    slug: str
    headline: str
    dek: str
    section_id: int | None
    published_at: dt.datetime
    snippet: SafeString
    score: float = 0.0

    def get_absolute_url(self) -> str:
        return links.path("article", slug=self.slug)

    def with_score(self, score: float) -> "SearchHit":
        return dataclasses.replace(self, score=float(score))


@dataclass(frozen=True)
class SearchPage:
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    page: int = 1
    per_page: int = PER_PAGE
    failed: bool = False  # the database refused the query (logged; the page says so)
    more: bool = False  # `total` is a lower bound: the matches were not counted to the end

    @property
    def has_next(self) -> bool:
        return (self.more or self.page * self.per_page < self.total) and self.page < MAX_PAGE

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def pages(self) -> int:
        return min(MAX_PAGE, max(1, -(-self.total // self.per_page)))


def recency_score(relevance: float, search_key: int, now_seconds: int) -> float:
    """relevance / sqrt(1 + age_in_days / 30), the age read from the key's high bits."""
    age_days = max(0.0, (now_seconds - published_seconds(search_key)) / 86400.0)
    return relevance / math.sqrt(1.0 + age_days / RECENCY_DAYS)


def rank_keys(relevance: dict[int, float], now: dt.datetime, skip: int, limit: int) -> list[tuple[int, float]]:
    """(key, score) best first, equal scores newest first; the slice [skip, skip + limit)."""
    now_seconds = int(now.timestamp())
    scored = sorted(((recency_score(value, key, now_seconds), key) for key, value in relevance.items()), reverse=True)
    return [(key, score) for score, key in scored[skip:skip + limit]]


def mark_snippet(raw: str | None) -> SafeString:
    """Escape a backend's snippet, then turn its match markers into <mark> elements."""
    out: list[str] = []
    open_mark = False
    # A fragment may end inside a match: close what was opened, drop stray closers.
    for piece in _MARKS.split(" ".join((raw or "").split())):
        if piece == MARK_START:
            if not open_mark:
                out.append("<mark>")
                open_mark = True
        elif piece == MARK_END:
            if open_mark:
                out.append("</mark>")
                open_mark = False
        elif piece:
            out.append(escape(piece))
    if open_mark:
        out.append("</mark>")
    return mark_safe("".join(out).replace("<mark></mark>", ""))


def opening_words(text: str, limit: int = BROWSE_SNIPPET_CHARS) -> SafeString:
    """The start of a spoiler-safe text, cut at a word, escaped (listing without a query)."""
    text = " ".join(text.replace(MARK_START, "").replace(MARK_END, "").split())
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return escape(text)


class SearchBackend:
    """Full-text search over the index tables; subclasses speak one database's dialect."""

    vendor = ""

    def search(self, request: SearchRequest) -> SearchPage:
        """Hits for the request, best first; an empty query lists filtered articles newest first."""
        page = max(1, min(request.page, MAX_PAGE))
        if request.query.is_empty:
            if not request.has_filters:
                return SearchPage(page=page, per_page=request.per_page)
            return self.browse(request)
        try:
            hits, total, more = self.ranked(request)
        except DatabaseError:
            # The parser makes this unreachable for anything typed; if it ever happens,
            # the reader gets an apology rather than an error page, and we get a log line.
            log.exception("search query failed: %r", request.query.text)
            return SearchPage(page=page, per_page=request.per_page, failed=True)
        return SearchPage(hits=hits, total=total, page=page, per_page=request.per_page, more=more)

    def ranked(self, request: SearchRequest) -> tuple[list[SearchHit], int, bool]:
        """One page of hits (window after window, see the module docstring), how many
        matches there are, and whether that number is only a lower bound."""
        ranked: list[tuple[int, float]] = []
        window, skip = divmod(request.offset, CANDIDATE_WINDOW)
        while True:
            found, size = self.rank_window(request, window, skip, request.per_page - len(ranked))
            ranked += found
            if size < CANDIDATE_WINDOW or len(ranked) >= request.per_page:
                break
            window, skip = window + 1, 0
        total, more = window * CANDIDATE_WINDOW + size, size == CANDIDATE_WINDOW
        if not ranked:
            return [], total, more
        details = self.details(request, [key for key, _ in ranked])
        return [details[key].with_score(score) for key, score in ranked if key in details], total, more

    def rank_window(self, request: SearchRequest, window: int, skip: int, limit: int) -> tuple[list[tuple[int, float]], int]:
        """Rank the `window`-th CANDIDATE_WINDOW newest matches; return `limit` of them from
        `skip` as (search_key, score), best first, and how many matches the window held."""
        raise NotImplementedError

    def details(self, request: SearchRequest, keys: list[int]) -> dict[int, "SearchHit"]:
        """What the page shows for these keys, snippets included."""
        raise NotImplementedError

    def browse(self, request: SearchRequest) -> SearchPage:
        """Filtered articles, newest first (a filter link with no words, e.g. ?film=...)."""
        documents = filtered_documents(request).order_by("-search_key")
        total = documents.count()
        rows = documents.values_list("article_id", "slug", "headline", "dek", "section_id", "published_at", "safe_text")
        hits = [
            SearchHit(article_id=a, slug=s, headline=h, dek=d, section_id=sec, published_at=p, snippet=opening_words(t))
            for a, s, h, d, sec, p, t in rows[request.offset:request.offset + request.per_page]
        ]
        return SearchPage(hits=hits, total=total, page=max(1, min(request.page, MAX_PAGE)), per_page=request.per_page)


def filtered_documents(request: SearchRequest):
    documents = SearchDocument.objects.all()
    if request.section_id is not None:
        documents = documents.filter(section_id=request.section_id)
    if request.published_from is not None:
        documents = documents.filter(published_at__gte=request.published_from)
    if request.published_before is not None:
        documents = documents.filter(published_at__lt=request.published_before)
    for kind, key in ((SearchFacet.FILM, request.film_key), (SearchFacet.PERSON, request.person_key)):
        if key is not None:
            documents = documents.filter(
                article_id__in=SearchFacet.objects.filter(kind=kind, key=key).values("document_id"))
    return documents


def key_bounds(request: SearchRequest) -> tuple[int | None, int | None]:
    """The date filters as bounds on search_key (lowest included, highest excluded)."""
    low = search_key_for(request.published_from, 0) if request.published_from is not None else None
    high = search_key_for(request.published_before, 0) if request.published_before is not None else None
    return low, high


def filter_sql(request: SearchRequest, key: str, document: str = "d") -> tuple[list[str], list[object], bool]:
    """WHERE conditions and parameters for a request's filters: dates on the `key` column
    (search_key or the FTS rowid), the rest on the document alias. The flag says whether
    any condition needs the document table."""
    conditions: list[str] = []
    params: list[object] = []
    low, high = key_bounds(request)
    if low is not None:
        conditions.append(f"{key} >= %s")
        params.append(low)
    if high is not None:
        conditions.append(f"{key} < %s")
        params.append(high)
    needs_document = False
    if request.section_id is not None:
        conditions.append(f"{document}.section_id = %s")
        params.append(request.section_id)
        needs_document = True
    facet_table = SearchFacet._meta.db_table
    for kind, value in ((SearchFacet.FILM, request.film_key), (SearchFacet.PERSON, request.person_key)):
        if value is not None:
            conditions.append(
                f"{document}.article_id IN (SELECT document_id FROM {facet_table} WHERE kind = %s AND key = %s)"
            )
            params += [kind, value]
            needs_document = True
    return conditions, params, needs_document


@lru_cache(maxsize=None)
def _backend_for(vendor: str) -> SearchBackend:
    if vendor == "sqlite":
        from newsreel.public.search.sqlite_fts5 import SQLiteFTS5Backend

        return SQLiteFTS5Backend()
    if vendor == "postgresql":
        from newsreel.public.search.postgres import PostgresBackend

        return PostgresBackend()
    raise RuntimeError(f"search: no backend for the {vendor!r} database (Newsreel supports SQLite and PostgreSQL)")


def get_backend() -> SearchBackend:
    """The backend for the default database."""
    return _backend_for(connection.vendor)


def search(text: str, **filters) -> SearchPage:
    """Convenience: search for what a reader typed, with SearchRequest's keyword filters."""
    return get_backend().search(SearchRequest(query=parse_query(text), **filters))
