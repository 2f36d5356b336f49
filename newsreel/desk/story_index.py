"""Keeping the desk's story index (newsreel.desk.models) in step with the newsroom.

Every save of an Article reaches `on_article_saved` (Django's post_save): the newsroom's
services save the article after each new revision, publish, unpublish and trash, so the
entry follows whatever path a story took (desk, `newsreel publish`, importers). When the
latest revision changed, the entry is rebuilt from it (words, section, authors, films,
people); otherwise only the story's state and dates are copied, one UPDATE.

The words go to the database's own full-text index: the FTS5 table `desk_story_fts`
(rowid = article id) on SQLite, the tsvector column `desk_storyentry.words` on PostgreSQL.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from django.db import connection
from django.db.models.signals import post_migrate, post_save

from newsreel.deferred_ids import collecting
from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article, Revision, Section, WorkflowState
from newsreel.desk.models import StoryEntry, StoryFacet
from newsreel.slugs import slug_of

FTS = "desk_story_fts"
# Its tokenizer, as migration 0001 created it (the search stems what is typed with the same one).
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"
# PostgreSQL: English stemming with accents folded, as SQLite's tokenizer does (migration 0001).
CONFIG = "newsreel_desk"
WORDS_SQL = (f"to_tsvector('{CONFIG}'::regconfig, coalesce(%s, '') || ' ' || coalesce(%s, '') || ' ' || "
             f"coalesce(%s, ''))")


def _state_fields(article: Article) -> dict[str, Any]:
    return {
        "state": article.state,
        "has_changes": (article.state == WorkflowState.PUBLISHED and article.live_revision_id is not None
                        and article.latest_revision_id != article.live_revision_id),
        "created_by_id": article.created_by_id,
        "updated_at": article.updated_at,
        "published_at": article.published_at,
    }


def story_content(article: Article, revision: Revision | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The latest words a writer saved (the revision's content, else the article's own
    fields) and what the text core derived from them."""
    if revision is not None:
        return revision.content or {}, revision.derived or {}
    return {
        "headline": article.headline, "dek": article.dek, "body": article.body, "slug": article.slug,
        "section": article.section.slug if article.section_id else "",
        "authors": [author.name for author in article.authors.all()] if article.pk else [],
    }, {}


def facets_of(content: dict[str, Any], derived: dict[str, Any]) -> set[tuple[str, str]]:
    """(kind, key) for the story's authors, and the films and people the text core found."""
    found = {(StoryFacet.AUTHOR, slug_of(name)) for name in content.get("authors") or [] if isinstance(name, str)}
    for mention in derived.get("mentions") or []:
        if len(mention) >= 2 and mention[0] in (StoryFacet.FILM, StoryFacet.PERSON) and mention[1]:
            found.add((mention[0], str(mention[1])))
    for quote in derived.get("quotes") or []:
        if len(quote) >= 2 and quote[1]:
            found.add((StoryFacet.PERSON, str(quote[1])))
    for key in derived.get("spoiler_films") or []:
        if isinstance(key, str):
            found.add((StoryFacet.FILM, key))
    return {(kind, key[:120]) for kind, key in found if key}


def index_articles(articles: Iterable[Article]) -> int:
    """Rebuild the entries of these articles whole (their revisions fetched in one query)."""
    articles = list(articles)
    if not articles:
        return 0
    revisions = Revision.objects.in_bulk([a.latest_revision_id for a in articles if a.latest_revision_id])
    sections = dict(Section.objects.values_list("slug", "id"))
    rows, facets = [], {}
    for article in articles:
        content, derived = story_content(article, revisions.get(article.latest_revision_id))
        headline = str(content.get("headline") or article.headline or "")[:300]
        rows.append(StoryEntry(
            article_id=article.pk, headline=headline, headline_key=headline.casefold()[:300],
            slug=str(content.get("slug") or article.slug)[:200], section_id=sections.get(content.get("section") or ""),
            revision_id=article.latest_revision_id, **_state_fields(article),
        ))
        facets[article.pk] = (facets_of(content, derived), content)
    ids = [row.article_id for row in rows]
    StoryEntry.objects.bulk_create(rows, update_conflicts=True, unique_fields=["article"], update_fields=[
        "headline", "headline_key", "slug", "section", "revision_id", "state", "has_changes", "created_by",
        "updated_at", "published_at"])
    StoryFacet.objects.filter(entry_id__in=ids).delete()
    labels = _labels({pair for found, _ in facets.values() for pair in found},
                     {pk: content for pk, (_, content) in facets.items()})
    StoryFacet.objects.bulk_create(
        StoryFacet(entry_id=pk, kind=kind, key=key, label=labels.get((kind, key), key)[:300])
        for pk, (found, _) in facets.items() for kind, key in sorted(found))
    write_words([(pk, *(str(content.get(name) or "") for name in ("headline", "dek", "body")))
                 for pk, (_, content) in facets.items()])
    return len(rows)


def _labels(pairs: set[tuple[str, str]], contents: dict[int, dict[str, Any]]) -> dict[tuple[str, str], str]:
    """What the list shows for each facet: an author's name as written, a film's title, a person's name."""
    labels: dict[tuple[str, str], str] = {}
    for content in contents.values():
        for name in content.get("authors") or []:
            if isinstance(name, str):
                labels.setdefault((StoryFacet.AUTHOR, slug_of(name)), name)
    film_keys = [key for kind, key in pairs if kind == StoryFacet.FILM]
    person_keys = [key for kind, key in pairs if kind == StoryFacet.PERSON]
    for start in range(0, len(film_keys), 500):
        labels.update(((StoryFacet.FILM, key), title)
                      for key, title in Film.objects.filter(key__in=film_keys[start:start + 500]).values_list("key", "title"))
    for start in range(0, len(person_keys), 500):
        labels.update(((StoryFacet.PERSON, key), name)
                      for key, name in Person.objects.filter(key__in=person_keys[start:start + 500]).values_list("key", "name"))
    return labels


def write_words(rows: list[tuple[int, str, str, str]]) -> None:
    """(article id, headline, dek, body) into the full-text index, replacing what was there."""
    if not rows:
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.executemany(f"UPDATE desk_storyentry SET words = {WORDS_SQL} WHERE article_id = %s",
                               [(headline, dek, body, pk) for pk, headline, dek, body in rows])
        else:
            cursor.executemany(f"DELETE FROM {FTS} WHERE rowid = %s", [(pk,) for pk, *_ in rows])
            cursor.executemany(f"INSERT INTO {FTS} (rowid, headline, dek, body) VALUES (%s, %s, %s, %s)", rows)


_deferred = threading.local()


@contextmanager
def deferred() -> Iterator[None]:
    """Saves inside the block index their stories once, at its end, in one bulk write.

    For an import's chunk of stories committed together: a publish saves its article
    three times (created, its revision, published), and each save would rebuild or
    update its entry; here each story's entry is written once, from what the database
    holds when the block ends, which is what the last of those saves would have left.
    It must end inside the transaction the saves share (the entries commit with them);
    an exception writes nothing (the transaction is rolled back). Nested blocks join
    the outermost one.
    """
    with collecting(_deferred) as ids:
        yield
    if ids is None:
        return
    found = sorted(ids)
    for start in range(0, len(found), 500):  # a story rolled back in its savepoint is simply not found
        index_articles(Article.objects.filter(pk__in=found[start:start + 500]).select_related("section"))


def on_article_saved(sender: Any, instance: Article, raw: bool = False, **kwargs: Any) -> None:
    if raw:  # loading fixtures: `index_missing` after the next migrate, or `rebuild`
        return
    waiting = getattr(_deferred, "ids", None)
    if waiting is not None:
        waiting.add(instance.pk)
        return
    indexed = list(StoryEntry.objects.filter(pk=instance.pk).values_list("revision_id", flat=True)[:1])
    if not indexed or indexed[0] is None or indexed[0] != instance.latest_revision_id:
        index_articles([instance])
    else:  # same words: the state and dates are all that changed
        StoryEntry.objects.filter(pk=instance.pk).update(**_state_fields(instance))


def index_missing(batch: int = 2000) -> int:
    """Index the articles that have no entry (those saved before the desk's index existed)."""
    count = 0
    while True:
        missing = list(Article.objects.exclude(pk__in=StoryEntry.objects.values("pk")).order_by("pk")[:batch])
        if not missing:
            return count
        count += index_articles(missing)


def rebuild(batch: int = 2000) -> int:
    """Index every article again (after an upgrade, or a bulk load that bypassed saves)."""
    count = 0
    ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch):
        count += index_articles(Article.objects.filter(pk__in=ids[start:start + batch]).select_related("section"))
    return count


def _index_missing_after_migrate(sender: Any, **kwargs: Any) -> None:
    if getattr(sender, "name", "") == "newsreel.desk":
        index_missing()


def connect() -> None:
    """Called once from the desk app's ready()."""
    post_save.connect(on_article_saved, sender=Article, dispatch_uid="desk.story_index.article_saved")
    post_migrate.connect(_index_missing_after_migrate, dispatch_uid="desk.story_index.after_migrate")
