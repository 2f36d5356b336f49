"""Create or update the article a draft's slug names: how files and imported records arrive.

A Markdown file or an imported record has no article id. An importer that knows the
source's own id of the story (a WordPress post id, a Ghost id, a file's path) gives it
(`SourceKey`), and that id is its identity across re-imports, kept on the story
(`SourceId`); without one, or for a story first seen, the slug is (`intake.article_for`,
the same slug rule the intake validates with). Everything
happens in one transaction, in this order: find the article, validate the draft, store the
files the draft brings (its images), save and publish. A draft that fails validation stores
nothing; a publish that fails rolls the stored files back with it.

Depends on: intake (drafts, the slug rule), publishing (save and publish), review (an approval
recorded when the story was under review).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Callable

from django.db import transaction

from newsreel.newsroom import review
from newsreel.newsroom.intake import (Answered, ArticleDraft, FieldError, IntakeError, article_for, slug_for,
                                      validate_draft)
from newsreel.newsroom.models import Article, ChangesReview, SourceId
from newsreel.newsroom.publishing import Prepared, prepare, save_and_publish, save_draft
from newsreel.write_retry import run_write


@dataclass(frozen=True)
class SourceKey:
    """The source system's id of a story: ("wordpress", "example.com#123", 123), ("markdown", "posts/a.md")."""

    source: str
    external_id: str
    # WordPress's post id, answered at /?p=ID with the story's address.
    wordpress_post_id: int | None = None


@dataclass
class Incoming:
    """A draft as it arrived, and how to store the files it names once it is valid.

    `attach` takes the validated draft and returns it with the files stored (image:ID
    references in place of local paths); `discard` undoes what `attach` stored outside the
    database (files) when the transaction rolls back.
    """

    draft: ArticleDraft
    attach: Callable[[ArticleDraft], ArticleDraft] | None = None
    discard: Callable[[], None] = field(default=lambda: None)
    # False: keep it as a draft (a new revision; a live story stays live as it was).
    publish: bool = True
    # Called with the saved article inside the same transaction (an importer's redirects).
    after: Callable[[Article], None] | None = None
    # The source's id of the story: a re-import finds the story by it, whatever its slug became.
    key: SourceKey | None = None


class _DryRun(Exception):
    """Raised inside a dry run's transaction once everything succeeded, to roll it back."""


def publish_incoming(incoming: Incoming, *, origin: str, source: str = "", dry_run: bool = False
                     ) -> tuple[Article | None, bool]:
    """Publish the draft as a new article or an update of the one with its slug; True when created.

    With `dry_run`, everything is done and then rolled back (files stored are discarded):
    the answer is the same as a real run's, and the article returned is None.

    Raises IntakeError naming `source` (the file or FILE:LINE) with every problem found, and
    DatabaseBusy when other writers held the database past NEWSREEL_WRITE_WAIT (nothing
    written, no file kept).
    """
    prepared = _prepared(incoming)

    def attempt() -> tuple[Article, bool]:
        try:
            with transaction.atomic():
                known = _known_key(incoming.key)
                holder = article_for(incoming.draft)
                existing = existing_article(incoming, known=known, by_slug=holder)
                state_before = existing.state if existing is not None else None
                changes_before = existing.changes_review if existing is not None else ChangesReview.NONE
                # Who holds the slug was asked just now: validation need not ask whether it is free.
                slug_free = (Answered.slug_free(slug_for(incoming.draft), existing)
                             if holder is None or holder == existing else None)
                draft = validate_draft(incoming.draft, article=existing, source=source, answered=slug_free)
                # Taken before `attach` changes the draft: saving it validates it again, in this
                # transaction, and asks the database only about what attaching changed.
                answered = Answered.of(draft, existing)
                if incoming.attach is not None:
                    draft = incoming.attach(draft)
                if incoming.publish:
                    article = save_and_publish(draft, article=existing, origin=origin, prepared=prepared,
                                               answered=answered)
                    # Publishing a story a writer submitted approves it, as an editor's Publish
                    # does on the desk: the approval is noted on the story and the writer mailed
                    # (after commit), so nobody reviews a story that is already live.
                    review.approved(article, user=None, state_before=state_before or "",
                                    changes_before=changes_before)
                else:
                    article = save_draft(draft, article=existing, origin=origin, answered=answered)
                if incoming.key is not None:
                    _keep_key(incoming.key, article, known)
                if incoming.after is not None:
                    incoming.after(article)
                if dry_run:
                    raise _DryRun
        except _DryRun:
            incoming.discard()
            return None, existing is None
        except IntakeError as error:
            incoming.discard()
            raise IntakeError(error.errors, source=source) from None
        except BaseException:
            incoming.discard()
            raise
        return article, existing is None
    # The whole transaction again while other writers hold the database (files stored by
    # a rolled-back attempt are discarded, and stored again by the next).
    return run_write(attempt, atomic=False)


_UNKNOWN = object()


def _known_key(key: SourceKey | None) -> SourceId | None:
    """The stored source id `key` names (with its article), None when there is none or no key."""
    if key is None:
        return None
    # The row alone: most keys an import looks up are new, and joining the article's wide row
    # cost more than the lookup (the article is read when there is one).
    return SourceId.objects.filter(source=key.source, external_id=key.external_id).first()


def existing_article(incoming: Incoming, *, known: SourceId | None | object = _UNKNOWN,
                     by_slug: Article | None | object = _UNKNOWN) -> Article | None:
    """The story this incoming draft updates: by its source id, else by its slug, else None (a new one).

    `known` is the key's stored row and `by_slug` the story holding the draft's slug
    (`article_for`), when the caller has already looked them up.
    Raises IntakeError when the slug belongs to a story imported from another item of the
    same source (two posts sharing a slug are two stories, never one)."""
    key = incoming.key
    if by_slug is _UNKNOWN:
        by_slug = article_for(incoming.draft)
    if key is None:
        return by_slug
    if known is _UNKNOWN:
        known = _known_key(key)
    if known is not None:
        return known.article
    if by_slug is not None:
        other = by_slug.source_ids.filter(source=key.source).first()
        if other is not None:
            raise IntakeError([FieldError("slug", f"{by_slug.slug!r} is already the slug of another imported "
                                                  f"{key.source} story ({other.external_id}); give this one another slug")])
    return by_slug


def _keep_key(key: SourceKey, article: Article, known: SourceId | None) -> None:
    """Store the key on the article; `known` is its row as looked up earlier in this transaction.

    The row was read in this very transaction, so it is written directly: an
    update_or_create would read it again, in two savepoints of its own, for every story.
    """
    if known is None:
        SourceId.objects.create(article=article, source=key.source, external_id=key.external_id,
                                wordpress_post_id=key.wordpress_post_id)
    elif (known.article_id, known.wordpress_post_id) != (article.pk, key.wordpress_post_id):
        SourceId.objects.filter(pk=known.pk).update(article=article, wordpress_post_id=key.wordpress_post_id)


def _prepared(incoming: Incoming) -> Prepared | None:
    """The text core's work on the draft before the write lock is taken (see publishing.prepare).

    None when the draft cannot be prepared yet (its local images are stored inside the
    transaction, or it has problems the transaction reports with everything else).
    """
    if transaction.get_connection().in_atomic_block:
        return None
    draft = incoming.draft
    try:
        validated, processed = prepare(draft, existing_article(incoming))
    except IntakeError:
        return None
    # A copy: attaching images changes the draft it is given, and the comparison must see that.
    return replace(validated), processed
