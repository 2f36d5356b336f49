"""Keeping the search index current: a live article has one SearchDocument, no other does.

Publishing and unpublishing reach the index through the newsroom's `article_published` /
`article_unpublished` signals, which are sent inside the publishing transaction: the
index changes with the article or not at all. (The refresher registry in
`newsreel.public.refresh` is for stored pages: it hands over the pages a change touches,
without saying which article changed or whether it went live or came down, and the index
needs exactly those two facts.)

The full-text index itself follows the SearchDocument rows inside the database (FTS5
triggers on SQLite, triggers filling two narrow tables on PostgreSQL), so writing the row is all it takes.
A film or person renamed in the knowledge graph re-indexes the live articles that name
it after the transaction that renamed it commits (never after a rollback), in chunks.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Callable, Iterable, Iterator

from django.db import transaction

from newsreel.deferred_ids import collecting
from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article, Mention, Quote
from newsreel.write_retry import run_write
from newsreel.public.after_commit import after_commit
from newsreel.public.search.backend import MARK_END, MARK_START
from newsreel.public.search.models import SearchDocument, SearchFacet, filter_token, search_key_for

# Films, people and articles named in one query / re-indexed in one transaction.
RENAME_CHUNK = 500
_MARKERS = str.maketrans({MARK_START: " ", MARK_END: " "})


def clean(text: str | None) -> str:
    """Text as the index keeps it: without the characters snippets use as match markers."""
    return (text or "").translate(_MARKERS)


def _labels(label: str, aliases: Any) -> str:
    aliases = [alias for alias in (aliases or []) if isinstance(alias, str) and alias.strip()]
    return clean(" · ".join([label, *aliases]))


def index_article(article: Article) -> SearchDocument | None:
    """Index a live article as it is now (or drop it from the index when it is not live)."""
    if not article.is_live:
        remove_article(article.pk)
        return None
    return _write_documents([article])[0]


def index_now(article_ids: Iterable[int]) -> None:
    """Index these articles as the database holds them now, together: the live ones indexed, the others dropped."""
    ids = sorted(set(article_ids))
    for start in range(0, len(ids), RENAME_CHUNK):
        batch = ids[start:start + RENAME_CHUNK]
        # Only the columns a document keeps (the body and its renderings are most of a row).
        live = [article for article in Article.objects.filter(pk__in=batch).only(*_INDEXED).order_by("pk")
                if article.is_live]
        gone = set(batch) - {article.pk for article in live}
        if gone:
            SearchDocument.objects.filter(article_id__in=gone).delete()
        _write_documents(live)


_INDEXED = ("id", "state", "published_at", "slug", "headline", "dek", "summary", "generated_summary", "safe_text",
            "section_id")


def _write_documents(articles: list[Article]) -> list[SearchDocument]:
    """Write the documents of these live articles, with their facets; in a few statements for all of them."""
    if not articles:
        return []
    ids = [article.pk for article in articles]
    names: dict[int, list[str]] = {pk: [] for pk in ids}
    facets: dict[int, set[tuple[str, str]]] = {pk: set() for pk in ids}

    def add(pk: int, kind: str, key: str | None, label: str, aliases: Any) -> None:
        if key is not None and (kind, key) not in facets[pk]:
            facets[pk].add((kind, key))
            names[pk].append(_labels(label, aliases))
    # Only the columns the index keeps: a whole Film or Person row per mention cost more
    # than the rest of indexing (every publish runs this).
    mentions = (Mention.objects.filter(article_id__in=ids, in_spoiler=False).order_by("article_id", "start", "pk")
                .values_list("article_id", "film__key", "film__title", "film__aliases",
                             "person__key", "person__name", "person__aliases"))
    for pk, film_key, title, film_aliases, person_key, name, person_aliases in mentions:
        if film_key is not None:
            add(pk, SearchFacet.FILM, film_key, title, film_aliases)
        else:
            add(pk, SearchFacet.PERSON, person_key, name, person_aliases)
    # People quoted outside spoiler blocks are named in the article too.
    quoted = (Quote.objects.filter(article_id__in=ids, in_spoiler=False, person__isnull=False)
              .order_by("article_id", "position", "pk").values_list("article_id", "person__key", "person__name",
                                                                    "person__aliases"))
    for pk, key, name, aliases in quoted:
        add(pk, SearchFacet.PERSON, key, name, aliases)
    documents = [SearchDocument(article_id=article.pk, **_values(article, names[article.pk], facets[article.pk]))
                 for article in articles]
    if len(documents) == 1:
        # An update, else an insert: no read first and no savepoint (update_or_create's cost).
        # Two publishes of one story never race here: each has saved the article's row in its
        # own transaction before this runs, so the second waits for the first to commit.
        document = documents[0]
        values = {name: getattr(document, name) for name in _VALUES}
        if SearchDocument.objects.filter(article_id=document.article_id).update(**values):
            SearchFacet.objects.filter(document_id=document.article_id).delete()
        else:
            document.save(force_insert=True)
    else:
        existing = set(SearchDocument.objects.filter(article_id__in=ids).values_list("article_id", flat=True))
        for document in documents:
            if document.article_id in existing:
                SearchDocument.objects.filter(article_id=document.article_id).update(
                    **{name: getattr(document, name) for name in _VALUES})
        if existing:
            SearchFacet.objects.filter(document_id__in=existing).delete()
        SearchDocument.objects.bulk_create([document for document in documents if document.article_id not in existing])
    SearchFacet.objects.bulk_create(SearchFacet(document_id=document.article_id, kind=kind, key=key)
                                    for document in documents for kind, key in sorted(facets[document.article_id]))
    return documents


_VALUES = ("slug", "headline", "dek", "summary", "safe_text", "names", "section_id", "published_at", "search_key",
           "filter_terms")


def _values(article: Article, names: list[str], facets: set[tuple[str, str]]) -> dict[str, Any]:
    return {
        "slug": article.slug,
        "headline": clean(article.headline),
        "dek": clean(article.dek),
        "summary": clean(article.display_summary),
        "safe_text": clean(article.safe_text),
        "names": "\n".join(names),
        "section_id": article.section_id,
        "published_at": article.published_at,
        "search_key": search_key_for(article.published_at, article.pk),
        "filter_terms": " ".join(
            [filter_token("s", article.section_id)] * bool(article.section_id)
            + [filter_token(kind[0], key) for kind, key in sorted(facets)]),
    }


def remove_article(article_id: int) -> bool:
    """Take an article out of the index; True when it was there."""
    deleted, _ = SearchDocument.objects.filter(article_id=article_id).delete()
    return bool(deleted)


def rebuild_index(progress: Callable[[int, int], None] | None = None) -> int:
    """Index every live article from scratch, in one transaction; returns how many."""
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        live = Article.objects.live().order_by("pk")
        total = live.count()
        done = 0
        for article in live.iterator(chunk_size=500):
            index_article(article)
            done += 1
            if progress is not None and (done % 500 == 0 or done == total):
                progress(done, total)
        return done


def reindex_articles(article_ids: Iterable[int]) -> int:
    """Index these articles again as they are now (live ones indexed, others dropped)."""
    count = 0
    for article in Article.objects.filter(pk__in=list(article_ids)):
        index_article(article)
        count += 1
    return count


def on_article_published(sender: Any, article: Article, **kwargs: Any) -> None:
    waiting = getattr(_deferred, "ids", None)
    if waiting is not None:
        waiting.add(article.pk)
        return
    index_article(article)


def on_article_unpublished(sender: Any, article: Article, **kwargs: Any) -> None:
    waiting = getattr(_deferred, "ids", None)
    if waiting is not None:
        waiting.add(article.pk)
        return
    remove_article(article.pk)


_deferred = threading.local()


@contextmanager
def deferred() -> Iterator[None]:
    """Stories published or unpublished inside the block are indexed once, together, at its end.

    For an import's chunk of stories committed together (as `desk.story_index.deferred`):
    each is indexed as the database holds it when the block ends, which is what indexing it
    at each publish would have left; a story rolled back in its savepoint is indexed as it
    stood before (a new one is not found, so not indexed). It must end inside the
    transaction the publishes share; an exception indexes nothing (the transaction is
    rolled back). Nested blocks join the outermost one.
    """
    with collecting(_deferred) as ids:
        yield
    if ids is not None:
        index_now(ids)


# Renames in the knowledge graph: re-index once the change commits (never after a rollback).

def _note(kind: str, pk: int) -> None:
    after_commit(_flush_renames, [(kind, pk)])


def note_renamed(films: Iterable[int] = (), people: Iterable[int] = ()) -> None:
    """Re-index, after the commit, the live articles naming these films and people (by id)."""
    after_commit(_flush_renames, [*(("film", pk) for pk in films), *(("person", pk) for pk in people)])


def _flush_renames(items: Iterable[tuple[str, int]]) -> None:
    film_ids = sorted(pk for kind, pk in items if kind == "film")
    person_ids = sorted(pk for kind, pk in items if kind == "person")
    documents = SearchDocument.objects.values("article_id")
    article_ids: set[int] = set()
    for start in range(0, max(len(film_ids), len(person_ids)), RENAME_CHUNK):
        films, people = film_ids[start:start + RENAME_CHUNK], person_ids[start:start + RENAME_CHUNK]
        mentioned = (Mention.objects.filter(in_spoiler=False, film_id__in=films)
                     | Mention.objects.filter(in_spoiler=False, person_id__in=people))
        article_ids |= set(mentioned.filter(article_id__in=documents).values_list("article_id", flat=True))
        if people:
            article_ids |= set(Quote.objects.filter(in_spoiler=False, person_id__in=people, article_id__in=documents)
                               .values_list("article_id", flat=True))
    ordered = sorted(article_ids)
    for start in range(0, len(ordered), RENAME_CHUNK):
        run_write(lambda ids=ordered[start:start + RENAME_CHUNK]: reindex_articles(ids))


def on_film_saved(sender: Any, instance: Film, created: bool = False, **kwargs: Any) -> None:
    if not created:  # a new film is in no article yet
        _note("film", instance.pk)


def on_person_saved(sender: Any, instance: Person, created: bool = False, **kwargs: Any) -> None:
    if not created:
        _note("person", instance.pk)
