"""Deleting stories: to the trash for TRASH_DAYS days, restore, purge.

    trash(article)    the story leaves every public surface (a URL that was live answers
                      410 Gone, as after an unpublish) and the desk's normal list; all its
                      fields and revisions are kept, its state is DELETED
    restore(article)  back as a draft, or as it was (a live story goes live again)
    purge(article)    gone for good: administrators only, or `newsreel purge-trash` for
                      stories deleted more than TRASH_DAYS days ago

Every call checks the person it is given (None means the system: a command or the worker).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from newsreel.newsroom import publishing
from newsreel.newsroom.models import Article, TrashedArticle, WorkflowState
from newsreel.newsroom.permissions import STORY_PUBLISH, STORY_PURGE, STORY_TRASH, allowed, require
from newsreel.newsroom.row_locks import locked, tell
from newsreel.newsroom.signals import article_published

TRASH_DAYS = 30


class TrashError(Exception):
    """An action that does not fit the story's place (restoring one not in the trash, ...)."""


def may_trash(user, article: Article) -> bool:
    """Editors and administrators delete and restore any story; a contributor only their own
    story that was never published (what readers saw is an editor's decision)."""
    return allowed(user, STORY_TRASH, article)


def may_purge(user) -> bool:
    """Only administrators purge (None: the system, purging what has expired)."""
    return allowed(user, STORY_PURGE)


def purge_after(entry: TrashedArticle) -> dt.datetime:
    """When `newsreel purge-trash` may purge this story."""
    return entry.deleted_at + dt.timedelta(days=TRASH_DAYS)


@transaction.atomic
def trash(article: Article, *, user=None) -> Article:
    """Move a story to the trash; a live one comes off the site first (its URL answers 410)."""
    caller, article = article, locked(article)
    require(user, STORY_TRASH, article)
    if article.state == WorkflowState.DELETED:
        raise TrashError(f"“{article.headline}” is already in the trash.")
    state_before = article.state
    if article.is_live:
        publishing.unpublish(article, user=user)  # stored page becomes 410, search and lists drop it
    article.state = WorkflowState.DELETED
    article.save(update_fields=["state", "updated_at"])
    TrashedArticle.objects.create(
        article=article, deleted_at=timezone.now(), state_before=state_before,
        deleted_by=user if getattr(user, "is_authenticated", False) else None,
    )
    return tell(caller, article)


@transaction.atomic
def restore(article: Article, *, user=None, as_draft: bool = True) -> Article:
    """Take a story out of the trash: as a draft (what readers saw stays gone), or as it was
    (a story that was live is live again, the version readers saw, with everything a publish
    tells the site)."""
    caller, article = article, locked(article)
    require(user, STORY_TRASH, article)
    entry = TrashedArticle.objects.filter(article=article).first()
    if article.state != WorkflowState.DELETED or entry is None:
        raise TrashError(f"“{article.headline}” is not in the trash.")
    state = WorkflowState.DRAFT if as_draft else entry.state_before
    goes_live = state == WorkflowState.PUBLISHED
    # A scheduled story goes live on its own minute: putting it back is publishing too.
    if state in (WorkflowState.PUBLISHED, "scheduled") and not allowed(user, STORY_PUBLISH, article):
        raise PermissionDenied("Restoring a story as it was puts it back on the site; only an editor can publish.")
    entry.delete()
    article.state = state
    article.save(update_fields=["state", "updated_at"])
    if goes_live:
        # Its live fields, mentions and quotes were kept untouched in the trash (the
        # publishing services refuse to write to a deleted story), so the version readers
        # saw goes back exactly; the public site re-renders as after a publish.
        article_published.send(sender=Article, article=article, previous=None)
    return tell(caller, article)


@transaction.atomic
def purge(article: Article, *, user=None) -> None:
    """Delete a story in the trash for good, with its revisions. A URL that was live goes
    on answering 410 (the stored "gone" page is the public site's, and stays)."""
    require(user, STORY_PURGE)
    article = locked(article)
    if article.state != WorkflowState.DELETED:
        raise TrashError(f"“{article.headline}” is not in the trash; delete it first.")
    article.delete()


def _cutoff(now: dt.datetime | None) -> dt.datetime:
    return (now or timezone.now()) - dt.timedelta(days=TRASH_DAYS)


def expired(now: dt.datetime | None = None):
    """Stories deleted more than TRASH_DAYS days before `now`."""
    return Article.objects.filter(state=WorkflowState.DELETED, trashed__deleted_at__lt=_cutoff(now))


def purge_expired(now: dt.datetime | None = None) -> int:
    """Purge every story deleted more than TRASH_DAYS days ago; returns how many. Each is
    checked again under its row lock, so two workers at once purge it once, and a story
    restored meanwhile is kept."""
    count = 0
    for pk in list(expired(now).values_list("pk", flat=True)):
        with transaction.atomic():
            # No join in a locking read: PostgreSQL cannot lock the nullable side of one.
            if not TrashedArticle.objects.filter(pk=pk, deleted_at__lt=_cutoff(now)).exists():
                continue
            article = Article.objects.select_for_update().filter(pk=pk, state=WorkflowState.DELETED).first()
            if article is None:
                continue
            article.delete()
            count += 1
    return count
