"""Saving, publishing and unpublishing articles: the newsroom's write path.

    ArticleDraft --validate--> Revision (every save, whole) --publish--> live fields,
    mentions and quotes, then `article_published` so the public site re-renders.

A publish runs in one transaction: if the text core, a receiver or the database fails,
nothing changes and the previous live version goes on serving. The text core (parsing,
linking, rendering the body) runs before that transaction starts, so the database's
write lock is held only for the writes and the pages they re-render; while other
writers hold it, the transaction is tried again (`newsreel.write_retry.run_write`).
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Callable, Iterator

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from newsreel import links
from newsreel.embeds.services import embed_media
from newsreel.films.graph import current_gazetteer
from newsreel.films.models import Film, Person
from newsreel.images.known_files import remembered_image
from newsreel.images.models import Image
from newsreel.images.renditions import ensure_renditions
from newsreel.images.services import image_ref
from newsreel.newsroom import clock
from newsreel.newsroom.intake import Answered, ArticleDraft, FieldError, IntakeError, validate_draft
from newsreel.newsroom.models import (Article, Author, Byline, ChangesReview, Mention, Quote, Revision, Section, Tag,
                                      WorkflowState)
from newsreel.newsroom.models.liveness import live_sql
from newsreel.newsroom.permissions import STORY_CREATE, STORY_EDIT, STORY_PUBLISH, STORY_UNPUBLISH, require
from newsreel.newsroom.film_reviews import current_scale, publish_problems
from newsreel.newsroom.revision_content import same_content
from newsreel.newsroom.quote_checks import apply_checks
from newsreel.newsroom.signals import article_published, article_unpublished
from newsreel.slugs import slug_of
from newsreel.text.pipeline import process_article
from newsreel.text.types import ImageRef, ProcessedArticle, TextError
from newsreel.transaction_marks import mark, standing
from newsreel.write_retry import run_write


@dataclass(frozen=True)
class ArticleSnapshot:
    """What readers saw of an article before a change: enough to find the pages it touched."""

    id: int
    slug: str
    section_id: int | None
    tag_ids: frozenset[int] = frozenset()
    author_ids: frozenset[int] = frozenset()
    film_keys: frozenset[str] = frozenset()
    person_keys: frozenset[str] = frozenset()
    neighbour_ids: tuple[int | None, int | None] = (None, None)
    published_at: Any = None

    @classmethod
    def of(cls, article: Article) -> "ArticleSnapshot":
        return cls(
            id=article.pk,
            slug=article.slug,
            section_id=article.section_id,
            tag_ids=frozenset(article.tags.values_list("id", flat=True)),
            author_ids=frozenset(article.authors.values_list("id", flat=True)),
            film_keys=frozenset(article.mentions.filter(film__isnull=False).values_list("film__key", flat=True))
            | frozenset([article.review_film.key] if article.review_film_id else []),  # its page shows the rating
            person_keys=frozenset(article.mentions.filter(person__isnull=False).values_list("person__key", flat=True))
            | frozenset(article.quotes.filter(person__isnull=False).values_list("person__key", flat=True)),
            neighbour_ids=neighbour_ids(article),
            published_at=article.published_at,
        )


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """The previous (older) and next (newer) live articles in publication order."""
    previous, following = neighbour_ids(article)
    found = Article.objects.in_bulk([pk for pk in (previous, following) if pk])
    return found.get(previous), found.get(following)


def neighbour_ids(article: Article) -> tuple[int | None, int | None]:
    """Ids of the older and newer live neighbours in (published_at, id) order.

    One row-value range lookup each way on the (state, published_at) index, in raw SQL
    because the ORM cannot say it. (An OR of "earlier" and "same time, lower id" makes
    SQLite walk the index row by row, hundreds of ms at 10,000 articles; row values give
    it the range directly.) The live condition is `live_sql`, the one `live()` uses.
    """
    if not article.published_at:
        return None, None
    quote = connection.ops.quote_name
    meta = Article._meta
    pk, published = (quote(meta.get_field(name).column) for name in ("id", "published_at"))
    at = connection.ops.adapt_datetimefield_value(article.published_at)
    table = quote(meta.db_table)
    live, live_params = live_sql(table)
    found = []
    for compare, order in (("<", "DESC"), (">", "ASC")):
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {pk} FROM {table} WHERE {live} "
                f"AND ({published}, {pk}) {compare} (%s, %s) ORDER BY {published} {order}, {pk} {order} LIMIT 1",
                [*live_params, at, article.pk])
            row = cursor.fetchone()
        found.append(row[0] if row else None)
    return found[0], found[1]


def resolve_image(reference: str) -> ImageRef | None:
    """Figures name images as image:ID (uploaded) or by absolute URL."""
    if reference.startswith("image:"):
        try:
            pk = int(reference[6:])
            # An import's figures name the pictures it has just stored: no need to read them back.
            image = remembered_image(pk) or Image.objects.get(pk=pk)
        except (ValueError, Image.DoesNotExist):
            return None
        ensure_renditions([image])  # an image stored before renditions existed gets them now
        return image_ref(image)
    if reference.startswith(("https://", "http://")):
        return ImageRef(url=reference, alt="", credit="")
    return None


def preview(draft: ArticleDraft) -> ProcessedArticle:
    """Run the text core on a draft exactly as publishing would, less the feed's HTML (no preview
    shows it; `feed_html` is empty); raise IntakeError on bad text."""
    return _process(draft, feed=False)


def _process(draft: ArticleDraft, source: str = "", *, feed: bool = True) -> ProcessedArticle:
    try:
        return process_article(
            draft.body, graph=current_gazetteer(), images=resolve_image, embeds=embed_media, headline=draft.headline,
            summary=draft.summary, link_overrides=draft.link_overrides,
            article_url=settings.SITE_URL + links.path("article", slug=draft.slug), href=links.href_for, feed=feed,
        )
    except TextError as error:
        line = draft.file_line(error.line) if error.line else None
        raise IntakeError([FieldError("body", error.message, line)], source=source) from None


def draft_for(article: Article) -> ArticleDraft:
    """The latest saved content of an article (a draft may be newer than what is live)."""
    if article.latest_revision_id:
        return ArticleDraft.from_json(article.latest_revision.content)
    return ArticleDraft(headline=article.headline, body=article.body, slug=article.slug)


def _refuse_deleted(article: Article | None) -> None:
    """A story in the trash keeps what it was (restore puts it back as it was): restore it first."""
    if article is not None and article.state == WorkflowState.DELETED:
        raise IntakeError([FieldError("article", "is in the trash; restore it before saving or publishing")])


# A draft as validated and processed by the text core before the write transaction began.
Prepared = tuple[ArticleDraft, ProcessedArticle]


def _prepare(draft: ArticleDraft, article: Article | None, answered: Answered | None = None) -> Prepared | None:
    """Validate and run the text core outside the write transaction (None: let it report the problem)."""
    try:
        validated = validate_draft(draft, article=article, answered=answered)
        return validated, _process(validated)
    except IntakeError:
        return None


def _refetching(article: Article | None) -> Callable[[], Article | None]:
    """The article for each attempt of a write: as given the first time, fresh from the
    database after a retry (a rolled-back attempt may have changed the instance)."""
    attempts = 0

    def current() -> Article | None:
        nonlocal attempts
        attempts += 1
        if attempts == 1 or article is None or article.pk is None:
            return article
        return Article.objects.select_related("latest_revision").get(pk=article.pk)
    return current


def save_draft(draft: ArticleDraft, *, article: Article | None = None, user=None, origin: str = "desk",
               answered: Answered | None = None) -> Article:
    """Keep a new revision (none when nothing changed). Metadata must be valid; text problems are recorded, not fatal,
    so nothing the writer typed is lost (they stop a publish instead).
    `user` None is the system (a command, an importer); a person is checked against their role.
    `answered`: see `validate_draft`; used only inside the caller's transaction."""
    require(user, STORY_EDIT if article is not None else STORY_CREATE, article)
    answered = _within_callers_transaction(answered)
    prepared = _prepare(draft, article, answered)
    if answered is not None and prepared is not None:  # validated just now, in the same transaction
        answered = Answered.of(prepared[0], article)
    current = _refetching(article)
    return run_write(lambda: _save_draft(draft, article=current(), user=user, origin=origin, prepared=prepared,
                                         answered=answered))[0]


def _within_callers_transaction(answered: Answered | None) -> Answered | None:
    """The database's earlier answers, when the transaction they were given in is still the one
    writing; none outside it (a write of its own may be retried, after others changed things)."""
    return answered if connection.in_atomic_block else None


def _save_draft(draft: ArticleDraft, *, article: Article | None, user, origin: str, prepared: Prepared | None,
                answered: Answered | None = None) -> tuple[Article, ProcessedArticle | None]:
    """`save_draft`, also returning the text core's result (None when the text has problems):
    save_and_publish publishes this very revision next, and the core need not run twice.
    `prepared` is the core's result from before the transaction, used when the draft is the same."""
    article, processed, _validated, _fresh = _save_revision(draft, article=article, user=user, origin=origin,
                                                            prepared=prepared, answered=answered)
    return article, processed


def _save_revision(draft: ArticleDraft, *, article: Article | None, user, origin: str, prepared: Prepared | None,
                   answered: Answered | None = None, publish_follows: bool = False
                   ) -> tuple[Article, ProcessedArticle | None, ArticleDraft | None, bool]:
    """`_save_draft`, also returning the validated draft the new revision holds (None when none
    was made), and whether the article's row was created by this very save (True: nothing
    points to it yet: no revisions, mentions, quotes, checks, tags or bylines).
    `publish_follows`: the new revision is published next in this transaction (`_publish`, told
    by `latest_unsaved`), which writes the whole row: the row is not written twice for it."""
    _refuse_deleted(article)
    draft = validate_draft(draft, article=article, answered=answered)
    if article is not None and article.latest_revision_id and same_content(article.latest_revision.content, draft.to_json()):
        return article, None, None, False  # nothing changed: no new revision, whoever saves or publishes
    problems: list[str] = []
    processed = None
    try:
        # The text core ran before the transaction; the same validated draft needs no second run.
        processed = prepared[1] if prepared is not None and prepared[0] == draft else _process(draft)
        derived = _derived_summary(processed)
    except IntakeError as error:
        problems = [str(item) for item in error.errors]
        derived = {"errors": problems}
    if article is None:
        article = Article(created_by=user if getattr(user, "is_authenticated", False) else None)
    fresh = article.pk is None
    if not article.is_live:
        _apply_content(article, draft)
    article.save()
    number = 1 if fresh else (article.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    revision = Revision.objects.create(
        article=article, number=number, content=draft.to_json(), derived=derived, origin=origin,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    article.latest_revision = revision
    if not publish_follows:
        article.save(update_fields=["latest_revision", "updated_at"])
    return article, processed, draft, fresh


def _derived_summary(processed: ProcessedArticle) -> dict[str, Any]:
    return {
        "spoiler_films": processed.spoiler_films,
        "spoiler_note": processed.spoiler_note,
        "summary": processed.summary.text if processed.summary else "",
        "meta_description": processed.summary.short if processed.summary else "",
        "reading_minutes": processed.reading_minutes,
        "word_count": processed.word_count,
        "mentions": [[m.kind, m.key, m.start, m.end, m.surface, m.in_spoiler] for m in processed.mentions],
        "quotes": [[q.text, q.speaker_key, q.speaker_name, q.start, q.in_spoiler, q.confidence] for q in processed.quotes],
    }


def _apply_content(article: Article, draft: ArticleDraft) -> None:
    article.headline = draft.headline
    article.slug = draft.slug
    article.dek = draft.dek
    article.summary = draft.summary
    article.body = draft.body
    article.sources = draft.sources
    article.link_overrides = draft.link_overrides
    article.hero_image_id = draft.hero_image
    article.section = Section.objects.filter(slug=draft.section).first() if draft.section else None
    article.review_film = Film.objects.filter(key=draft.film).first() if draft.film else None
    article.rating = Decimal(str(draft.rating)) if draft.rating not in (None, "") else None
    article.rating_best = current_scale().best if article.rating is not None else None
    article.verdict = draft.verdict


def _apply_relations(article: Article, draft: ArticleDraft, *, fresh: bool = False) -> None:
    """The draft's tags and bylines on the article; `fresh`: its row was made in this write (it has none yet)."""
    tags = _named(Tag, draft.tags)
    if fresh:
        article.tags.add(*dict.fromkeys(tags[slug_of(name)] for name in draft.tags))  # set() would read the (no) current ones first
    else:
        article.tags.set([tags[slug_of(name)] for name in draft.tags])
        Byline.objects.filter(article=article).delete()
    authors = _named(Author, draft.authors)
    Byline.objects.bulk_create(Byline(article=article, author=authors[slug_of(name)], order=order)
                               for order, name in enumerate(draft.authors))


def _named(model: type[Tag] | type[Author], names: list[str]) -> dict[str, Any]:
    """The tags or authors with these names' slugs, by slug; the missing ones created with the first name given.

    One query for those that exist (a get_or_create each cost a query per name, for every
    story an import publishes); the new ones are created one by one, so their receivers run.
    Inside `names_kept()`, those found or made earlier in the transaction are not asked again."""
    slugs: dict[str, str] = {}
    for name in names:  # the first name of a slug wins, and new rows are made in the draft's order, as before
        slugs.setdefault(slug_of(name), name)
    kept = _kept_names.get()
    found: dict[str, Any] = {}
    if kept is not None:
        for slug in slugs:
            row, made = kept.get((model, slug), (None, None))
            if standing(made):
                found[slug] = row
    asked = [slug for slug in slugs if slug not in found]
    if asked:
        found.update({row.slug: row for row in model.objects.filter(slug__in=asked)})
    for slug, name in slugs.items():
        if slug not in found:
            found[slug] = model.objects.get_or_create(slug=slug, defaults={"name": name})[0]
    if kept is not None:
        for slug in asked:  # known until the savepoint that found or made it is rolled back
            kept[(model, slug)] = (found[slug], mark())
    return found


_kept_names: ContextVar[dict | None] = ContextVar("newsreel_kept_names", default=None)


@contextmanager
def names_kept() -> Iterator[None]:
    """Inside the block (an import's chunk, one transaction), each tag and author is looked up once."""
    if _kept_names.get() is not None:
        yield
        return
    token = _kept_names.set({})
    try:
        yield
    finally:
        _kept_names.reset(token)


def unsaved_article(draft: ArticleDraft, processed: ProcessedArticle) -> Article:
    """The Article `draft` would become when published, stored nowhere (a preview renders it):
    the same field rules as publishing, so a preview cannot show what the live page would not."""
    article = Article()
    _apply_content(article, draft)
    _apply_fields(article, processed)
    return article


def _apply_derived(article: Article, processed: ProcessedArticle, *, fresh: bool = False) -> None:
    _apply_fields(article, processed)
    _apply_mentions(article, processed, fresh=fresh)


def _apply_fields(article: Article, processed: ProcessedArticle) -> None:
    article.body_html = processed.html
    article.feed_html = processed.feed_html
    article.safe_text = processed.safe_text
    article.generated_summary = processed.summary.text if processed.summary else ""
    article.meta_description = processed.summary.short if processed.summary else ""
    article.spoiler_films = processed.spoiler_films
    article.spoiler_note = processed.spoiler_note
    article.reading_minutes = processed.reading_minutes
    article.word_count = processed.word_count


def _apply_mentions(article: Article, processed: ProcessedArticle, *, fresh: bool = False) -> None:
    """Store the core's mentions and quotes; `fresh`: the article's row was made in this write
    (nothing to delete, no editor's checks), so the deletes and the checks' query are skipped."""
    film_keys = {m.key for m in processed.mentions if m.kind == "film"}
    person_keys = ({m.key for m in processed.mentions if m.kind == "person"}
                   | {q.speaker_key for q in processed.quotes if q.speaker_key})
    # Most imported stories name nobody the graph knows: building a query that can match nothing cost as much as one.
    films = {film.key: film for film in Film.objects.filter(key__in=film_keys)} if film_keys else {}
    people = {person.key: person for person in Person.objects.filter(key__in=person_keys)} if person_keys else {}
    if not fresh:
        article.mentions.all().delete()
    Mention.objects.bulk_create(
        Mention(article=article, film=films.get(m.key) if m.kind == "film" else None,
                person=people.get(m.key) if m.kind == "person" else None,
                start=m.start, end=m.end, surface=m.surface[:300], in_spoiler=m.in_spoiler)
        for m in processed.mentions
        if (m.kind == "film" and m.key in films) or (m.kind == "person" and m.key in people)
    )
    quotes = [
        Quote(article=article, person=people.get(q.speaker_key) if q.speaker_key else None,
              speaker_name=(q.speaker_name or "")[:200], text=q.text, position=q.start, in_spoiler=q.in_spoiler,
              confidence=q.confidence)
        for q in processed.quotes
    ]
    if not fresh:
        article.quotes.all().delete()
        quotes = apply_checks(article, quotes)  # an editor's word on a quote outranks the core's reading
    Quote.objects.bulk_create(quotes)


def publish(article: Article, *, user=None, revision: Revision | None = None, at=None, went_live_at=None,
            processed: ProcessedArticle | None = None) -> Article:
    """Make the latest revision (or `revision`) live and tell the public site; all or nothing.

    `processed` is the text core's result for that very revision, when the caller has it
    (`save_and_publish`, which has just saved it); otherwise the core runs here.

    A draft whose publication time is in the future is scheduled instead
    (`newsreel.newsroom.scheduling`); the worker calls this at its minute with `at` (the
    scheduled time, kept as the publication time) and `went_live_at` (now).
    """
    require(user, STORY_PUBLISH, article)
    _refuse_deleted(article)
    revision = revision or article.latest_revision
    if revision is None:
        raise IntakeError([FieldError("article", "has no saved revision to publish")])
    if processed is None:
        # The text core runs before the write transaction (a text error stops it here, nothing written).
        processed = _process(validate_draft(ArticleDraft.from_json(revision.content), article=article))
    current = _refetching(article)

    def write() -> Article:
        return _publish(current(), user=user, revision=revision, at=at, went_live_at=went_live_at, processed=processed)
    return run_write(write)


def _publish(article: Article, *, user=None, revision: Revision | None = None, at=None, went_live_at=None,
             processed: ProcessedArticle | None = None, validated: ArticleDraft | None = None,
             fresh: bool = False, latest_unsaved: bool = False) -> Article:
    """`publish` inside its transaction; `validated` is the latest revision's draft as validated
    moments ago in this transaction (save_and_publish), which need not be validated again;
    `fresh`: the article's row was made in this transaction (see `_save_revision`);
    `latest_unsaved`: the article's new latest revision is not in its row yet (written here)."""
    revision = revision or article.latest_revision
    if validated is not None and revision.pk == article.latest_revision_id:
        # The revision was made from it just now: validating its content again would ask the
        # database the same questions (slug, section, image, film) a third time per story.
        # As read back from the revision, it carries no source lines (errors name none).
        draft = replace(validated, field_lines={})
    else:
        draft = validate_draft(ArticleDraft.from_json(revision.content), article=article)
    _refuse_unpublishable(draft)
    if processed is None:
        processed = _process(draft)
    if at is None and draft.publish_at is not None and draft.publish_at > clock.now():
        from newsreel.newsroom.scheduling import schedule  # scheduling builds on publishing

        if latest_unsaved:  # scheduling writes only its own fields
            article.save(update_fields=["latest_revision", "updated_at"])
        return schedule(article, at=draft.publish_at, revision=revision, require_future=False, checked=True,
                        unpublish_at=article.unpublish_at if article.state == WorkflowState.SCHEDULED else None)
    previous = ArticleSnapshot.of(article) if article.is_live else None
    _apply_content(article, draft)
    _apply_derived(article, processed, fresh=fresh)
    if article.hero_image_id is not None and (stored := remembered_image(article.hero_image_id)) is not None:
        article.hero_image = stored  # the picture an import has just stored or reused: not read back
    ensure_renditions([article.hero_image])
    now = timezone.now()
    article.published_at = at or draft.publish_at or (article.published_at if article.is_live else None) or now
    article.first_published_at = article.first_published_at or now
    article.state = WorkflowState.PUBLISHED
    article.live_revision = revision
    article.scheduled_revision = None
    if article.live_revision_id == article.latest_revision_id:  # nothing pending: no changes left to review
        article.changes_review = ChangesReview.NONE
    if went_live_at is not None or previous is None:  # lateness is of the worker's publish only
        article.went_live_at = went_live_at
    article.save()
    _apply_relations(article, draft, fresh=fresh)
    derived = _derived_summary(processed)
    if revision.derived != derived:  # a revision saved just now holds this very summary already
        revision.derived = derived
        revision.save(update_fields=["derived"])
    article_published.send(sender=Article, article=article, previous=previous)
    return article


def links_changed(story: Article, processed: ProcessedArticle) -> bool:
    """Do the mentions or quotes the text core derives now differ from those the story's live
    revision was published with (the knowledge graph, or the core, changed since)?"""
    fresh = json.loads(json.dumps(_derived_summary(processed)))
    stored = story.live_revision.derived or {}
    return any(fresh[part] != stored.get(part) for part in ("mentions", "quotes"))


def republish_when(story: Article, changed: Callable[[Article, ProcessedArticle], bool]) -> bool:
    """Derive a live story again from its live revision and republish it from that revision when
    `changed(story, processed)` says the result differs from what it was published with; whether
    it was republished. (The text core is cheap; only a changed story pays for a publish.)"""
    if not story.is_live or story.live_revision is None:
        return False
    processed = _process(ArticleDraft.from_json(story.live_revision.content))
    if not changed(story, processed):
        return False
    publish(story, revision=story.live_revision, processed=processed)
    return True


def prepare(draft: ArticleDraft, article: Article | None = None) -> Prepared:
    """Validate a draft and run the text core on it, outside any write transaction.

    Raises IntakeError as `save_and_publish` would. Handing the result to
    `save_and_publish(prepared=...)` keeps the text core out of the transaction when the
    draft it publishes is still the same (if it changed meanwhile, it runs again inside).
    """
    validated = validate_draft(draft, article=article)
    _refuse_unpublishable(validated)
    return validated, _process(validated)


def _refuse_unpublishable(draft: ArticleDraft) -> None:
    """Valid to save is not always ready to go live (a review must name its film)."""
    problems = publish_problems(film=draft.film, section=draft.section, lines=draft.field_lines)
    if problems:
        raise IntakeError(problems)


def save_and_publish(draft: ArticleDraft, *, article: Article | None = None, user=None, origin: str = "desk",
                     prepared: Prepared | None = None, answered: Answered | None = None) -> Article:
    """Save a revision and publish it in one transaction (a failed publish saves nothing).

    `answered`: see `validate_draft`; used only inside the caller's transaction."""
    require(user, STORY_PUBLISH, article)
    answered = _within_callers_transaction(answered)
    require(user, STORY_EDIT if article is not None else STORY_CREATE, article)
    if prepared is None and not connection.in_atomic_block:
        # Validation and the text core, before the write lock; their errors stop it here.
        prepared = prepare(draft, article)
    current = _refetching(article)

    def write() -> Article:
        saved, processed, validated, fresh = _save_revision(draft, article=current(), user=user, origin=origin,
                                                            prepared=prepared, answered=answered, publish_follows=True)
        return _publish(saved, user=user, processed=processed, validated=validated, fresh=fresh,
                        latest_unsaved=validated is not None)
    return run_write(write)


def unpublish(article: Article, *, user=None) -> Article:
    """Take an article off the site; its URL answers 410 Gone."""
    require(user, STORY_UNPUBLISH, article)
    if not article.is_live:
        return article
    current = _refetching(article)
    return run_write(lambda: _unpublish(current()))


def _unpublish(article: Article) -> Article:
    if not article.is_live:
        return article
    previous = ArticleSnapshot.of(article)
    article.state = WorkflowState.UNPUBLISHED
    # Changes to a live story are reviewed only while it is live; off the site, the whole story is.
    article.changes_review = ChangesReview.NONE
    article.save(update_fields=["state", "changes_review", "updated_at"])
    article_unpublished.send(sender=Article, article=article, previous=previous)
    return article
