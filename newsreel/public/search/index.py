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

from typing import Any, Callable, Iterable

from django.db import transaction

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
    names: list[str] = []
    facets: set[tuple[str, str]] = set()

    def add(kind: str, key: str | None, label: str, aliases: Any) -> None:
        if key is not None and (kind, key) not in facets:
            facets.add((kind, key))
            names.append(_labels(label, aliases))
    # Only the columns the index keeps: a whole Film or Person row per mention cost more
    # than the rest of indexing (every publish runs this).
    mentions = (Mention.objects.filter(article=article, in_spoiler=False).order_by("start")
                .values_list("film__key", "film__title", "film__aliases", "person__key", "person__name", "person__aliases"))
    for film_key, title, film_aliases, person_key, name, person_aliases in mentions:
        if film_key is not None:
            add(SearchFacet.FILM, film_key, title, film_aliases)
        else:
            add(SearchFacet.PERSON, person_key, name, person_aliases)
    # People quoted outside spoiler blocks are named in the article too.
    quoted = (Quote.objects.filter(article=article, in_spoiler=False, person__isnull=False).order_by("position", "pk")
              .values_list("person__key", "person__name", "person__aliases"))
    for key, name, aliases in quoted:
        add(SearchFacet.PERSON, key, name, aliases)
    values = {
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
    document = SearchDocument(article_id=article.pk, **values)
    # An update, else an insert: no read first and no savepoint (update_or_create's cost).
    # Two publishes of one story never race here: each has saved the article's row in its
    # own transaction before this runs, so the second waits for the first to commit.
    if SearchDocument.objects.filter(article_id=article.pk).update(**values):
        SearchFacet.objects.filter(document_id=article.pk).delete()
    else:
        document.save(force_insert=True)
    SearchFacet.objects.bulk_create(SearchFacet(document=document, kind=kind, key=key) for kind, key in sorted(facets))
    return document


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
    index_article(article)


def on_article_unpublished(sender: Any, article: Article, **kwargs: Any) -> None:
    remove_article(article.pk)


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
