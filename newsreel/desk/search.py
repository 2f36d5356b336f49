"""Finding stories on the desk: words, filters, sort and pages over the desk's story index.

Every story is here, drafts included, with the words of its latest revision; stories in the
trash only when asked for. Nothing here is read by the public site, whose search
(`newsreel.public.search`) sees live stories only.

Words: every word must appear in the headline, dek or body, stemmed ("premieres" finds
"premiere"), accents folded; the last word is also a prefix, so a list narrows while an
editor types ("harb" finds "Harbor").
"""

from __future__ import annotations

import datetime as dt
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterator

from django.db import connection, transaction
from django.db.models import BooleanField, F, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from newsreel.desk.models import StoryEntry, StoryFacet
from newsreel.desk.story_index import CONFIG, FTS, FTS_TOKENIZER
from newsreel.newsroom.models import WorkflowState
from newsreel.numbers import LARGEST_BIG_INTEGER, whole_number

if TYPE_CHECKING:
    from newsreel.desk.paging import Counted

MAX_WORDS = 12
# Above this many matches, walking the sort order beats sorting the matches (SQLite).
FEW_MATCHES = 2000
CHANGES = "changes"  # the state filter for live stories with newer, unpublished revisions
SORTS = {
    # The list's orders; each is served by an index of the same columns (see StoryEntry).
    "updated": ("-updated_at", "-article_id"),
    # Stories never published last, on both databases (PostgreSQL puts NULL first by default).
    "published": (F("published_at").desc(nulls_last=True), "-article_id"),
    "headline": ("headline_key", "article_id"),
}
DATE_FIELDS = {"updated": "updated_at", "published": "published_at"}


@dataclass(frozen=True)
class StoryQuery:
    """What an editor asked the list for; every filter left at None is not applied."""

    words: str = ""
    state: str = ""  # a workflow state, CHANGES, or "" for every story not in the trash
    section_id: int | None = None
    author: str | None = None  # an author's slug
    film: str | None = None  # a film's key
    person: str | None = None  # a person's key
    dates: str = "updated"  # which date `since` and `until` apply to
    since: dt.date | None = None  # inclusive
    until: dt.date | None = None  # inclusive
    sort: str = "updated"
    owner_id: int | None = None  # only the stories this user created (contributors)


def words_of(text: str) -> list[str]:
    """The words an editor typed, as the index splits them (letters and digits)."""
    return re.findall(r"\w+", text.casefold())[:MAX_WORDS]


@dataclass(frozen=True)
class Fts5Matches:
    """The FTS5 queries for the words typed: `match` finds the stories; `typed` (the last word
    a plain term too) and `longer` (the last word one of the longer terms it stands for, or
    None when there are none or it stays a prefix) find them between them."""

    match: str
    typed: str
    longer: str | None


def fts5_matches(words: list[str]) -> Fts5Matches:
    """The FTS5 queries for `words`: each word as a term, the last also as a prefix.

    A prefix makes FTS5 gather every match into one list in memory before the first row
    ("film"*: 60 ms at 100,000 stories, every time the list asks), where a plain term is
    read lazily and a LIMIT stops it (0.3 ms for a page). So when the index says which
    terms the prefix stands for, the last word is written as those terms instead: the same
    stories match."""
    terms = [f'"{word}"' for word in words]
    typed = " AND ".join(terms)
    longer = _prefix_terms(words[-1])
    if longer is None:
        return Fts5Matches(" AND ".join([*terms[:-1], f'"{words[-1]}"*']), typed, None)
    if not longer:
        return Fts5Matches(typed, typed, None)
    alternatives = " OR ".join(f'"{term}"' for term in longer)
    return Fts5Matches(" AND ".join([*terms[:-1], f"({terms[-1]} OR {alternatives})"]), typed,
                       " AND ".join([*terms[:-1], f"({alternatives})"]))


# A prefix standing for more terms than this stays a prefix: a long OR costs what the prefix does.
MAX_PREFIX_TERMS = 40
STEMS = "desk_story_stems"  # a scratch FTS5 table in the connection's temp schema (see _stems)


def _prefix_terms(word: str) -> list[str] | None:
    """The index's terms longer than `word` that `"word"*` matches besides the word itself:
    none when the index holds no longer term starting with the word's stem, a few, or None
    when there are too many (the prefix then stays a prefix).

    The prefix is stemmed as the index's words were ("premieres"* reads "premier"*), so the
    stem comes from SQLite's own tokenizer (a scratch table with the same one), and the
    index's vocabulary (fts5vocab) is read from just past the stem: the stem's own entry,
    which counts every story holding it, is not read."""
    stems = _stems([word])
    if len(stems) != 1:  # the tokenizer splits it ("a_b"): FTS5 reads it as a phrase, left alone
        return None
    stem = stems[0]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT term FROM temp.{STEMS}_index WHERE term >= %s AND term < %s LIMIT %s",
                       [stem + "\x01", stem + "\U0010ffff", MAX_PREFIX_TERMS + 1])
        longer = [row[0] for row in cursor.fetchall()]
    if not longer:
        return []
    if len(longer) > MAX_PREFIX_TERMS or any('"' in term for term in longer):
        return None
    # Each term, quoted, is stemmed again by the query: only terms that stay as they are.
    if _stems(longer) != longer:
        return None
    return longer


def _stems(words: list[str]) -> list[str]:
    """The terms SQLite's tokenizer makes of `words`, in order (the desk index's tokenizer)."""
    with connection.cursor() as cursor:
        # Temp tables live as long as the connection, each its own: created on first use.
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{STEMS} USING fts5(words, tokenize="
                       f"'{FTS_TOKENIZER}')")
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{STEMS}_terms USING fts5vocab(temp, {STEMS}, instance)")
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{STEMS}_index USING fts5vocab(main, {FTS}, row)")
        cursor.execute(f"INSERT INTO temp.{STEMS} (rowid, words) VALUES (1, %s)", [" ".join(words)])
        cursor.execute(f"SELECT term FROM temp.{STEMS}_terms ORDER BY \"offset\"")
        found = [row[0] for row in cursor.fetchall()]
        cursor.execute(f"DELETE FROM temp.{STEMS}")
    return found


def tsquery_text(words: list[str]) -> str:
    terms = [f"'{word}'" for word in words]
    terms[-1] += ":*"
    return " & ".join(terms)


def matching(words: list[str]) -> RawSQL:
    """A condition on the entry table: the story's words hold every word typed."""
    if connection.vendor == "postgresql":
        return RawSQL(f"desk_storyentry.words @@ to_tsquery('{CONFIG}', %s)", [tsquery_text(words)],
                      output_field=BooleanField())
    matches = fts5_matches(words)
    match, typed = matches.match, matches.typed
    # Few matches: SQLite fetches them by id and sorts them. Many ("film" is in most
    # stories): sorting them all costs more than walking the sort's index and keeping the
    # matches, which the "+" (no index on this term) makes SQLite do. The words as typed,
    # plain terms, are read first: when they find many, so does the match (see `counter`).
    many = ((typed != match and _fts5_matches_more_than(typed, FEW_MATCHES))
            or _fts5_matches_more_than(match, FEW_MATCHES))
    return _Fts5Matching(matches, "+" if many else "")


# Reading a page of rows (not counting) of a list whose count passed the cap (see `planned`).
_READING_DENSE_ROWS: ContextVar[bool] = ContextVar("desk_reading_dense_rows", default=False)
# Past this many rows skipped (a page by number far down), the matches gathered once cost less.
MAX_PROBED_OFFSET = 500


class _Fts5Matching(RawSQL):
    """SQLite: the matches gathered once and looked up per story (`article_id IN (...)`), or,
    for a page of a list whose matches are dense (the count passed its cap: one story in
    ten at least passes everything) and whose words are plain terms, each story walked in
    the sort's order asked of the full-text index by its id (EXISTS). Gathering "film"
    (in every story) costs 25 ms per read; asking about the 26 stories of a page, 0.4 ms.
    Never for a prefix (FTS5 gathers a prefix's matches whole on every ask) nor to count
    (10,000 asks cost more than one gathering) nor far down a list by number.

    When the last word also stands for longer terms, each ask would look up every one of
    them ("armo" and 28 longer terms: 42 ms for a page); the story is asked about the words
    as typed instead, and the stories with only a longer term are gathered once (rarer
    words: 5 ms), which finds the same stories."""

    def __init__(self, matches: Fts5Matches | str, walk: str) -> None:
        self.matches = matches if isinstance(matches, Fts5Matches) else Fts5Matches(matches, matches, None)
        self.match = self.matches.match
        super().__init__(f"{walk}desk_storyentry.article_id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s)",
                         [self.match], output_field=BooleanField())

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        if (_READING_DENSE_ROWS.get() and "*" not in self.match
                and (compiler.query.low_mark or 0) <= MAX_PROBED_OFFSET):
            asked = f"EXISTS (SELECT 1 FROM {FTS} WHERE {FTS} MATCH %s AND {FTS}.rowid = desk_storyentry.article_id)"
            if self.matches.longer is None:
                return asked, [self.match]
            return (f"({asked} OR desk_storyentry.article_id IN (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s))",
                    [self.matches.typed, self.matches.longer])
        return super().as_sql(compiler, connection)


def _fts5_matches_more_than(match: str, limit: int) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM (SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s LIMIT {limit + 1})", [match])
        return cursor.fetchone()[0] > limit


def counter(query: StoryQuery) -> Callable[[QuerySet, int], int] | None:
    """How to count the list up to a limit when the ORM's count would cost more (the paging's
    `count`), or None for the plain count.

    SQLite, a word in thousands of stories: the plain count tests each entry against the
    matches gathered whole ("film": every story's id, into a temporary index) before it can
    count one, and the page then gathers them again. Read instead from the full-text index,
    joined to each match's entry by id, the count stops at the limit: it reads the first
    10,001 matches that pass the filters, not all of them. (CROSS JOIN keeps the full-text
    table outside: tested the other way round, once per entry, a prefix match costs a whole
    read of its index each time.) Only with no other filter: a filter most matches fail (a
    state, a section, a year, a film) would make it read the matches far past the limit, where
    the plain count starts from the filter's own index.

    SQLite, the last word standing for longer terms too ("cast" for "cast" and 35 longer
    terms): the words as typed are counted first (`Fts5Matches.typed`), each a plain term, which
    FTS5 reads and gathers for one term instead of merging 36. When they alone pass the limit
    the count is the same (every story they find, the whole match finds too); otherwise the
    whole match is counted. Not with a facet or a contributor's own stories: their few stories
    come first in the plain count."""
    words = words_of(query.words)
    if not words:
        return None
    if connection.vendor == "postgresql":
        return _postgres_counter(query, words)
    if connection.vendor != "sqlite":
        return None
    unfiltered = replace(query, words="", sort="updated", dates="updated") == StoryQuery()
    matches = fts5_matches(words)
    match, typed = matches.match, matches.typed
    if not unfiltered and (typed == match or _few_first(query)):
        return None

    def count(entries: QuerySet, limit: int) -> int:
        if typed != match and _fts5_matches_more_than(typed, FEW_MATCHES):
            typed_only = find_stories(replace(query, words="")).filter(_Fts5Matching(typed, "+"))
            found = _count_from_fts5(query, typed, limit) if unfiltered else typed_only.order_by()[:limit].count()
            if found >= limit:
                return found
        if unfiltered and _fts5_matches_more_than(match, FEW_MATCHES):
            return _count_from_fts5(query, match, limit)
        return entries.order_by()[:limit].count()
    return count


def _count_from_fts5(query: StoryQuery, match: str, limit: int) -> int:
    """Up to `limit` entries matching `query`'s filters and `match`, read from the full-text
    index's matches in its order (see `counter`)."""
    filtered = find_stories(replace(query, words="")).order_by().values("article_id")
    sql, params = filtered.query.sql_with_params()
    table = f'FROM "{StoryEntry._meta.db_table}"'
    if sql.count(table) < 1:  # not the statement this expects: the plain count is right anyway
        return find_stories(replace(query, words="")).filter(_Fts5Matching(match, "")).order_by()[:limit].count()
    sql = sql.replace(table, f"FROM {FTS} CROSS JOIN {table[5:]}", 1)
    joined = f'{FTS}.rowid = "{StoryEntry._meta.db_table}"."article_id" AND {FTS} MATCH %s'
    if " WHERE " in sql:
        sql = sql.replace(" WHERE ", f" WHERE {joined} AND ", 1)
    else:
        sql += f" WHERE {joined}"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({sql} LIMIT {int(limit)})", [match, *params])
        return cursor.fetchone()[0]


def _few_first(query: StoryQuery) -> bool:
    """Whether a filter names a few stories to start from (a facet, or a contributor's own),
    which the plain count already does."""
    return bool(query.author or query.film or query.person or query.owner_id is not None)


# The columns the list's filters (all but the words) read: what the count below keeps of each match.
FILTERED_COLUMNS = "article_id, state, has_changes, created_by_id, section_id, updated_at, published_at"


def _postgres_counter(query: StoryQuery, words: list[str]) -> Callable[[QuerySet, int], int] | None:
    """PostgreSQL, words and a section: the matches from the GIN index first; words and a state
    or dates: the plain count, which the GIN index holding those columns answers.

    Left to itself the planner reads the filter's own index (the drafts, a section, a year)
    and tests each of those stories' words, which it takes for cheap: the vector lives out of
    the row, and reading it was 42,000 buffers to count "review" among the drafts (1.3 s on the
    loaded machine). The GIN index `desk_story_words_filters` (migration 0005, `btree_gin`)
    holds the state and the dates beside the words, and the planner takes it for words with a
    state or dates: the two lists of matches are crossed in the index and only the stories
    passing both are read ("review" among the drafts: 8 ms of server CPU, against 35 to 41
    ms the way below). For a section it still prefers the section's own index and tests the
    words (42 to 46 ms to count "trailer" in News), so there the matches are a materialized
    CTE named like the table (PostgreSQL reads it lazily: the count still stops at the limit),
    and the filters, as the ORM writes them, run over it (28 to 35 ms). Not for the facet
    filters (a film, a person, an author) or a contributor's own stories: there the filter's
    few stories come first, as the planner already does."""
    if _few_first(query) or query.section_id is None:
        return None
    table = StoryEntry._meta.db_table

    def count(entries: QuerySet, limit: int) -> int:
        filtered = find_stories(replace(query, words="")).order_by().values("article_id")
        sql, params = filtered.query.sql_with_params()
        matches = (f"SELECT {FILTERED_COLUMNS} FROM {table} "
                   f"WHERE {table}.words @@ to_tsquery('{CONFIG}', %s)")
        with connection.cursor() as cursor:
            cursor.execute(f'WITH "{table}" AS MATERIALIZED ({matches}) SELECT count(*) FROM ({sql} LIMIT {int(limit)}) '
                           "AS counted", [tsquery_text(words), *params])
            return cursor.fetchone()[0]
    return count


@contextmanager
def planned(query: StoryQuery, counted: Counted | None) -> Iterator[None]:
    """How the database reads the list (`newsreel.desk.paging.Planner`). SQLite: a page of a search
    counted past its cap asks the full-text index story by story (`_Fts5Matching`). PostgreSQL:
    never with parallel workers (see below), and for a search:

    Its planner cannot see what testing a story's words costs: the vector lives out of the
    row (TOAST), so reading every row and testing each looks cheap, and it chose that to
    count a common word's matches (0.6 s at 100,000 stories) and walked the whole sort
    order looking for a word nobody wrote (8 s). So the count is read from the GIN index
    only; and the page walks the sort's index only when the count shows the matches are
    dense (more than the count's cap: a match every few stories), otherwise the matches come
    from the GIN index and are sorted (at most the cap of them)."""
    if connection.vendor == "sqlite" and counted is not None and counted.more and words_of(query.words):
        token = _READING_DENSE_ROWS.set(True)
        try:
            yield
        finally:
            _READING_DENSE_ROWS.reset(token)
        return
    if connection.vendor != "postgresql":
        yield
        return
    # No parallel workers for any list: starting them cost 20 of the 30 ms of an author's page
    # (100,000 stories, 2 cores), more than the scan they share, and every desk request would
    # take every core.
    wanted = {"max_parallel_workers_per_gather": "0"}
    if words_of(query.words):
        walk = counted is not None and counted.more
        wanted |= {"enable_seqscan": "off", "enable_indexscan": "on" if walk else "off",
                   "enable_indexonlyscan": "on" if walk else "off", "enable_bitmapscan": "off" if walk else "on",
                   "jit": "off"}  # a plan that had to take a switched-off way costs 10^10, which would start JIT
    # Local to the transaction, or to the request's when there is one: so what was there is
    # put back after (a savepoint's release keeps SET LOCAL; its rollback, on an error, undoes it).
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT " + ", ".join(["current_setting(%s)"] * len(wanted)), list(wanted))
            before = dict(zip(wanted, cursor.fetchone()))
            _set_locally(cursor, wanted)
        yield
        with connection.cursor() as cursor:
            _set_locally(cursor, before)


def _set_locally(cursor: Any, settings: dict[str, str]) -> None:
    cursor.execute("SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(settings)),
                   [part for item in settings.items() for part in item])


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def find_stories(query: StoryQuery) -> QuerySet[StoryEntry]:
    """The entries matching `query`, in its order (unevaluated: the caller pages it)."""
    entries = StoryEntry.objects.all()
    if query.state == WorkflowState.DELETED:
        entries = entries.filter(state=WorkflowState.DELETED)
    else:
        entries = entries.exclude(state=WorkflowState.DELETED)
        if query.state == CHANGES:
            entries = entries.filter(has_changes=True)
        elif query.state:
            entries = entries.filter(state=query.state)
    if query.owner_id is not None:
        entries = entries.filter(created_by_id=query.owner_id)
    if query.section_id is not None:
        entries = entries.filter(section_id=query.section_id)
    for kind, key in ((StoryFacet.AUTHOR, query.author), (StoryFacet.FILM, query.film),
                      (StoryFacet.PERSON, query.person)):
        if key is not None:
            # The facet's stories by its (kind, key) index, then sorted: even a common film is in
            # a few thousand stories, where testing every story of the sort order would read all.
            entries = entries.filter(pk__in=StoryFacet.objects.filter(kind=kind, key=key).values("entry_id"))
    column = DATE_FIELDS.get(query.dates, "updated_at")
    if query.since is not None:
        entries = entries.filter(**{f"{column}__gte": _start_of(query.since)})
    if query.until is not None:
        entries = entries.filter(**{f"{column}__lt": _start_of(query.until + dt.timedelta(days=1))})
    words = words_of(query.words)
    if words:
        entries = entries.filter(matching(words))
    return entries.order_by(*SORTS.get(query.sort, SORTS["updated"]))


# Pages by position ("keyset"): the Next link names the last story of its page, and the next
# page starts after it by the sort's own index, so page 3,000 costs what page 1 does (an
# OFFSET reads and drops every story before it). Each sort's key is (value, article id).
SORT_KEYS = {"updated": "updated_at", "published": "published_at", "headline": "headline_key"}


@dataclass(frozen=True)
class Position:
    """A story's place in a sort: its sort value (None: never published) and its id."""

    value: Any
    article_id: int

    def token(self) -> str:
        value = self.value.isoformat() if isinstance(self.value, dt.datetime) else (self.value or "")
        return f"{self.article_id}~{value}"


def position_of(entry: StoryEntry, sort: str) -> Position:
    return Position(getattr(entry, SORT_KEYS.get(sort, "updated_at")), entry.article_id)


def parse_position(token: str | None, sort: str) -> Position | None:
    """The position a page link names, or None when there is none or it is damaged (the
    list then pages by number, which shows the same stories unless the list changed)."""
    text, _, value = (token or "").partition("~")
    number = whole_number(text, largest=LARGEST_BIG_INTEGER)  # an article key
    if number is None or len(token or "") > 400:
        return None
    if SORT_KEYS.get(sort, "updated_at") == "headline_key":
        return Position(value, number)
    if not value and sort == "published":
        return Position(None, number)
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return Position(when, number) if when.tzinfo is not None else None


def stories_after(entries: QuerySet[StoryEntry], sort: str, position: Position, count: int,
                  backwards: bool = False) -> list[StoryEntry]:
    """Up to `count` entries that follow `position` in the sort of `entries` (or precede it,
    `backwards`, nearest first). Each condition is a range on the sort's index (`<=` or
    `>=` the value) with the ties at that value cut by id, which the databases walk from the
    position rather than from the start."""
    sort = sort if sort in SORT_KEYS else "updated"
    field, at, pk = SORT_KEYS[sort], position.value, position.article_id
    descending = sort != "headline"
    onward = descending != backwards  # the sort value falls along the way
    ordered = entries.reverse() if backwards else entries
    if at is None:  # among the never-published, who come after every published story
        nulls = ordered.filter(published_at__isnull=True, article_id__gt=pk) if backwards else ordered.filter(
            published_at__isnull=True, article_id__lt=pk)
        rows = list(nulls[:count])
        if backwards and len(rows) < count:
            rows += list(ordered.filter(published_at__isnull=False)[:count - len(rows)])
        return rows
    bound = {f"{field}__lte" if onward else f"{field}__gte": at}
    ties = {field: at, "article_id__gte" if onward else "article_id__lte": pk}
    rows = list(ordered.filter(**bound).exclude(**ties)[:count])
    if sort == "published" and not backwards and len(rows) < count:  # then the never-published
        rows += list(ordered.filter(published_at__isnull=True)[:count - len(rows)])
    return rows
