"""Render pages and store them: what publishing, lazy fills and rebuilds call.

Each `refresh_*` renders one page and stores it (an unchanged page keeps its row, ETag
and Last-Modified). `refresh_for_publish` / `refresh_for_unpublish` work out exactly which
stored pages a change to one article touches. Of those, the story's own page, its
neighbours, the home page and its section's first page are rendered at once; the rest
are rendered too, or dropped to be rendered on their next request, as
NEWSREEL_PUBLISH_RENDERS says (`renders_everything`). Either way no reader is served a
page that no longer matches the database.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from typing import Any, Callable, Iterable, Iterator

from django.conf import settings

from newsreel import links
from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article, Author, Byline, Mention, Quote, Section
from newsreel.newsroom.models.liveness import live_q
from newsreel.public import pages
from newsreel.public.models import StoredPage
from newsreel.public.pages.article import read_for_pages
from newsreel.public.pages.queries import live_articles, live_neighbour_ids
from newsreel.public.pages.shared import reads_shared, remember_rows
from newsreel.public.store import delete_page, delete_pages, drop, store_page, store_redirect


def refresh_article(article: Article) -> StoredPage:
    return store_page(article.get_absolute_url(), pages.render_article(article), "article")


def refresh_home() -> StoredPage:
    return store_page("/", pages.render_home(), "home")


def refresh_section(section: Section) -> StoredPage:
    return store_page(section.get_absolute_url(), pages.render_section(section), "section")


def refresh_author(author: Author) -> StoredPage:
    return store_page(author.get_absolute_url(), pages.render_author(author), "author")


def refresh_film(film: Film) -> StoredPage:
    return store_page(film.get_absolute_url(), pages.render_film(film), "film")


def refresh_person(person: Person) -> StoredPage:
    return store_page(person.get_absolute_url(), pages.render_person(person), "person")


def withdraw_article(article: Article, slug: str | None = None) -> StoredPage:
    """Replace an article's stored page with 410 Gone."""
    path = links.path("article", slug=slug) if slug else article.get_absolute_url()
    delete_page(path)
    return store_page(path, pages.render_gone(article), "gone", status=410)


@dataclass
class Affected:
    """The stored pages one article change touches, by kind."""

    article_ids: set[int] = field(default_factory=set)
    section_ids: set[int] = field(default_factory=set)
    author_ids: set[int] = field(default_factory=set)
    film_keys: set[str] = field(default_factory=set)
    person_keys: set[str] = field(default_factory=set)
    tag_ids: set[int] = field(default_factory=set)
    # Publication dates before and after the change (archive pages, feeds, news sitemap).
    dates: set[Any] = field(default_factory=set)
    # The articles that changed (their own pages are rendered already).
    changed_ids: set[int] = field(default_factory=set)
    # Of those, the ones published for the first time (they touched nothing before).
    new_ids: set[int] = field(default_factory=set)
    # Stories published inside `coalesced()` whose touches now (`add_live`) are read when
    # the chunk renders, for all of them at once (`add_live_of`).
    live_later: set[int] = field(default_factory=set)

    def add_snapshot(self, snapshot: Any) -> None:
        """What the article touched before the change (the newsroom's ArticleSnapshot)."""
        if snapshot is None:
            return
        self.article_ids.update(i for i in getattr(snapshot, "neighbour_ids", ()) if i)
        if getattr(snapshot, "section_id", None):
            self.section_ids.add(snapshot.section_id)
        self.author_ids.update(getattr(snapshot, "author_ids", ()))
        self.film_keys.update(getattr(snapshot, "film_keys", ()))
        self.person_keys.update(getattr(snapshot, "person_keys", ()))
        self.tag_ids.update(getattr(snapshot, "tag_ids", ()))
        if getattr(snapshot, "published_at", None):
            self.dates.add(snapshot.published_at)

    def add_live(self, article: Article) -> None:
        """What the article touches now: its section, authors, films and people, neighbours."""
        self._add_touches([article], {article.pk})

    def add_live_of(self, ids: set[int]) -> None:
        """`add_live` for each of these stories as they are now, in five queries for all of them
        (and their neighbours, which their pages read next, inside the same `reads_shared`)."""
        if ids:
            self._add_touches(Article.objects.filter(pk__in=ids).select_related("review_film").only(
                "id", "section_id", "published_at", "state", "review_film__key"), ids)

    def _add_touches(self, articles: Iterable[Article], ids: set[int]) -> None:
        for article in articles:
            if article.section_id:
                self.section_ids.add(article.section_id)
            if article.review_film_id:  # the reviewed film's page shows the rating and links the review
                self.film_keys.add(article.review_film.key)
            if article.published_at:
                self.dates.add(article.published_at)
            if article.is_live:
                self.article_ids.update(i for i in live_neighbour_ids(article) if i)
        self.author_ids.update(Byline.objects.filter(article_id__in=ids).values_list("author_id", flat=True))
        for film_key, person_key in Mention.objects.filter(article_id__in=ids).values_list(
                "film__key", "person__key").distinct():
            if film_key:
                self.film_keys.add(film_key)
            if person_key:
                self.person_keys.add(person_key)
        # Person pages list quotes, so a quoted speaker's page changes too.
        self.person_keys.update(Quote.objects.filter(article_id__in=ids, person__isnull=False)
                                .values_list("person__key", flat=True))
        self.tag_ids.update(Article.tags.through.objects.filter(article_id__in=ids).values_list("tag_id", flat=True))


# Page families beyond the built-in ones (feeds, sitemaps, tag and archive pages, ...),
# registered by `receivers.connect()`; each is called with the Affected set after every
# publish or unpublish.
Refresher = Callable[["Affected"], None]
EXTRA_REFRESHERS: list[Refresher] = []


def register_refresher(refresher: Refresher) -> Refresher:
    """Re-render a family of stored pages whenever an article change touches it (once per refresher)."""
    if refresher not in EXTRA_REFRESHERS:
        EXTRA_REFRESHERS.append(refresher)
    return refresher


_batch = threading.local()


@contextmanager
def batched(*, render_stories: bool = True) -> Iterator[Affected]:
    """Publishes inside the block share the rendering of the pages they have in common.

    For imports: a thousand articles render the home page once, not a thousand times.
    Each story's own transaction still leaves every page right when it commits: the story's
    page is rendered, and the shared pages it touches (home, its sections, its neighbours,
    and what the registered refreshers drop) are dropped, to be rendered on their next
    request, so a reader never sees an old version, even if the import is killed. Leaving
    the block renders the dropped shared pages once, in chunks of their own transactions.
    Nested blocks join the outermost one. Inside it, `coalesced()` goes further for stories
    that commit together.

    With `render_stories` False (an import's default) the stories' own pages are dropped
    too, not rendered: each is rendered on its first request (or by `render_pages`), as
    a page a publish drops always is. A large archive's import then costs no page renders
    at all, and none of the related-stories work each render does, which grows with the
    site; only home and the sections' first pages are rendered, once, at the end.
    """
    if getattr(_batch, "affected", None) is not None:
        yield _batch.affected
        return
    affected = _batch.affected = Affected()
    _batch.render_stories = render_stories
    try:
        yield affected
    finally:
        _batch.affected = None
        _batch.chunk = None
        _render_batch(affected, render_stories=render_stories)


@contextmanager
def coalesced() -> Iterator[Affected]:
    """Publishes inside the block, all in one transaction, render what they touch once, at its end.

    For an import's chunk of stories committed together (each in its own savepoint): a
    publish only notes what it touches, and leaving the block renders every page of the
    chunk's stories and their neighbours once (home and sections too; inside
    `batched()`, neighbours outside the chunk, home and sections are dropped until the
    batch's end), and runs each registered refresher
    once with all of it, still inside the transaction. When it commits, every story of
    the chunk and every page they touch are right (or dropped) together: one render per
    story instead of two (its own, then again as the next story's neighbour). An
    exception leaves nothing to render: the transaction is rolled back. It must be
    entered inside a transaction (else each publish would commit with its pages unrendered).
    """
    from django.db import connection

    if not connection.in_atomic_block:
        raise RuntimeError("coalesced() must run inside the transaction its publishes share")
    if getattr(_batch, "chunk", None) is not None:
        yield _batch.chunk
        return
    chunk = _batch.chunk = Affected()
    try:
        yield chunk
    except BaseException:
        _batch.chunk = None
        raise
    _batch.chunk = None
    _render_chunk(chunk)


# Article pages rendered again in one transaction at the end of a batch.
BATCH_RENDER_CHUNK = 50


def _render_batch(affected: Affected, *, render_stories: bool = True) -> None:
    from newsreel.write_retry import run_write

    run_write(lambda: _render_fronts(affected))
    if not render_stories:
        return  # the dropped story pages are rendered on their first request
    # Neighbours, and stories of the batch that were neighbours of later ones.
    dropped = sorted(affected.article_ids | affected.changed_ids)
    for start in range(0, len(dropped), BATCH_RENDER_CHUNK):
        chunk = dropped[start:start + BATCH_RENDER_CHUNK]
        run_write(lambda chunk=chunk: _render_missing_articles(chunk))


@reads_shared()
def _render_fronts(affected: Affected) -> None:
    refresh_home()
    for section in Section.objects.filter(pk__in=affected.section_ids):
        refresh_section(section)


@reads_shared()
def _render_chunk(chunk: Affected) -> None:
    """Everything the chunk's publishes touched, rendered once (see `coalesced`).

    Inside `batched()` the front pages (home, the sections' lists) and the pages of
    stories outside the chunk whose neighbours changed are dropped instead, to be
    rendered on their next request, and rendered once when the batch ends: a chunk's
    stories are few next to a whole import's, and rendering home for each chunk cost
    more than the chunk's own stories' pages.
    """
    batch = getattr(_batch, "affected", None)
    # What the chunk's stories touch as they are now, read for all of them at once; the
    # neighbours read here are the ones their pages show, read once (`reads_shared`).
    chunk.add_live_of(chunk.live_later)
    chunk.article_ids -= chunk.live_later  # as `_affected_by` leaves a story out of its own neighbours
    chunk.live_later.clear()
    if batch is not None and not getattr(_batch, "render_stories", True):
        # Stories' pages wait for their first request: dropped (an updated story's old
        # page, the neighbours whose links changed), never rendered here.
        _drop_for_batch_end(chunk.article_ids | chunk.changed_ids, chunk.section_ids)
        batch.section_ids.update(chunk.section_ids)
        for refresher in EXTRA_REFRESHERS:
            refresher(chunk)
        return
    ids = chunk.article_ids | chunk.changed_ids if batch is None else chunk.changed_ids
    articles = list(live_articles().filter(pk__in=ids).select_related("live_revision"))
    remember_rows("listed", {article.pk: article for article in articles})  # each other's neighbours
    read_for_pages([article.pk for article in articles])
    for article in articles:
        refresh_article(article)
    if batch is None:
        _render_fronts(chunk)
    else:
        # Stories outside the chunk whose neighbour changed (the previous chunk's last one)
        # are dropped too, and rendered once at the end if nothing rendered them meanwhile:
        # with small chunks (a busy machine) each would otherwise be rendered twice.
        outside = chunk.article_ids - chunk.changed_ids
        _drop_for_batch_end(outside, chunk.section_ids)
        batch.section_ids.update(chunk.section_ids)  # rendered once, at the end of the batch
        batch.article_ids.update(outside)
    for refresher in EXTRA_REFRESHERS:
        refresher(chunk)


def _drop_for_batch_end(article_ids: set[int], section_ids: set[int]) -> None:
    """Inside `batched()`: drop home, these stories' pages and these sections' lists, to be
    rendered on their next request or once when the batch ends."""
    slugs = Article.objects.filter(pk__in=article_ids).values_list("slug", flat=True)
    delete_pages(paths=[links.path("home"), *(links.path("article", slug=slug) for slug in slugs)],
                 prefixes=[s.get_absolute_url() for s in Section.objects.filter(pk__in=section_ids)])


def _render_missing_articles(ids: list[int]) -> None:
    """Render those of these live articles whose page is not stored (dropped during the batch)."""
    live = list(live_articles().filter(pk__in=ids).select_related("live_revision"))
    stored = set(StoredPage.objects.filter(path__in=[a.get_absolute_url() for a in live]).values_list("path", flat=True))
    for article in live:
        if article.get_absolute_url() not in stored:
            refresh_article(article)


def _merge(into: Affected, affected: Affected) -> None:
    for family in fields(Affected):  # every set, including ones added later
        getattr(into, family.name).update(getattr(affected, family.name))


def _noted_in_batch(affected: Affected, article: Article | None = None) -> bool:
    """Inside `batched()`: make this story's change right at its commit, the cheap way."""
    chunk = getattr(_batch, "chunk", None)
    if chunk is not None:
        # Rendered when the chunk's transaction ends, before it commits (a story whose
        # savepoint rolled back only adds pages to look at, never a wrong one).
        _merge(chunk, affected)
        return True
    batch = getattr(_batch, "affected", None)
    if batch is None:
        return False
    dropped = set(affected.article_ids)
    if article is not None:
        if getattr(_batch, "render_stories", True):
            refresh_article(article)
        else:
            dropped.add(article.pk)  # rendered on its first request, as the batch asks
    _drop_for_batch_end(dropped, affected.section_ids)
    for refresher in EXTRA_REFRESHERS:
        refresher(affected)
    # Kept for the end of the batch, which renders what is live then (a story that rolled
    # back only adds pages to look at, never a wrong one).
    _merge(batch, affected)
    return True


@reads_shared()
def refresh_for_publish(article: Article, previous: Any = None) -> Affected:
    """Store the article's page and re-render every page its publication touches."""
    # Inside a chunk, what the story touches now is read when the chunk renders, for all its stories at once.
    affected = _affected_by(article, previous, later=getattr(_batch, "chunk", None) is not None)
    if previous is None:
        affected.new_ids.add(article.pk)
    old_slug = getattr(previous, "slug", None)
    if old_slug and old_slug != article.slug:
        store_redirect(links.path("article", slug=old_slug), article.get_absolute_url())
    if _noted_in_batch(affected, article):
        return affected
    refresh_article(article)
    _refresh_affected(affected)
    return affected


def _affected_by(article: Article, previous: Any, *, later: bool = False) -> Affected:
    """What a change to `article` touches: before it (`previous`, neighbours included), and now
    (`later`: noted, to be read when its chunk renders)."""
    affected = Affected()
    affected.add_snapshot(previous)
    if later:
        affected.live_later.add(article.pk)
    else:
        affected.add_live(article)
    affected.article_ids.discard(article.pk)
    affected.changed_ids.add(article.pk)
    return affected


@reads_shared()
def refresh_for_unpublish(article: Article, previous: Any = None) -> Affected:
    """Answer the article's URL with 410 Gone and re-render the pages that listed it."""
    affected = _affected_by(article, previous)
    withdraw_article(article, getattr(previous, "slug", None))
    if not _noted_in_batch(affected):
        _refresh_affected(affected)
    return affected


def renders_everything() -> bool:
    """Whether a publish renders every page it touches (NEWSREEL_PUBLISH_RENDERS=everything).

    By default ('front') it renders the pages readers reach from the story and the front
    pages; the registered refreshers drop the rest, to be rendered on their next request.
    """
    return settings.PUBLISH_RENDERS == "everything"


@reads_shared()
def _refresh_affected(affected: Affected) -> None:
    for neighbour in live_articles().filter(pk__in=affected.article_ids).select_related("live_revision"):
        refresh_article(neighbour)
    refresh_home()
    for section in Section.objects.filter(pk__in=affected.section_ids):
        refresh_section(section)
    if renders_everything():
        for author in Author.objects.filter(pk__in=affected.author_ids):
            refresh_author(author)
        for film in Film.objects.filter(key__in=affected.film_keys).select_related("poster"):
            refresh_film(film)
        for person in Person.objects.filter(key__in=affected.person_keys).select_related("photo"):
            refresh_person(person)
    for refresher in EXTRA_REFRESHERS:
        refresher(affected)


@reads_shared()
def refresh_everything() -> int:
    """Re-render every stored page from the database (after a deploy or a settings change).

    Article pages (served only from the store) and the home page are rendered again;
    lazily filled pages are dropped and come back on their next request, so a rebuild does
    not render every film and person of a large knowledge graph. Returns pages rendered.
    """
    count = 0
    live_paths = set()
    for article in live_articles().select_related("live_revision"):
        live_paths.add(refresh_article(article).path)
        count += 1
    refresh_home()
    count += 1
    # Feeds and sitemaps carry the site's name and URL: dropped, filled again on request.
    drop(StoredPage.objects.filter(kind__in=["section", "author", "film", "person", "tag", "archive", "feed", "sitemap"]))
    stale = [path for path in StoredPage.objects.filter(kind="article").values_list("path", flat=True)
             if path not in live_paths]
    for start in range(0, len(stale), 500):
        drop(StoredPage.objects.filter(path__in=stale[start:start + 500]))
    gone = set(StoredPage.objects.filter(kind="gone").values_list("path", flat=True))
    for article in Article.objects.exclude(live_q()).only("id", "slug"):
        if article.get_absolute_url() in gone:
            withdraw_article(article)
            count += 1
    return count
