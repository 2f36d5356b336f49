"""Scheduling and embargoes: a story whose publication time is in the future waits, then
goes live on its minute with everything a publish does; an unpublish time takes it down.

    draft --publish with a future time / schedule()--> SCHEDULED (published_at = the minute,
    scheduled_revision = what goes live) --worker at the minute--> PUBLISHED
    PUBLISHED with unpublish_at --worker at that minute--> UNPUBLISHED (410)

Exactly once, with any number of workers: `publish_if_due` claims the story with a
conditional UPDATE (state still SCHEDULED, its minute come) as the first statement of the
publish transaction. The UPDATE takes the row's write lock, so a second worker waits and
then matches nothing (PostgreSQL re-checks the condition on the committed row; SQLite runs
one writing transaction at a time). The claim and the publish commit together: a worker
killed in between leaves the story scheduled, and the next sweep finishes it.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from django.db import OperationalError, transaction

from newsreel.newsroom import clock
from newsreel.newsroom.intake import ArticleDraft, FieldError, IntakeError, validate_draft
from newsreel.newsroom.models import Article, Revision, WorkflowState
from newsreel.newsroom.permissions import STORY_SCHEDULE, require
from newsreel.newsroom.signals import article_scheduled

logger = logging.getLogger("newsreel.scheduling")

# A story that went live at least this much after its minute is shown as late in the desk.
LATE_AFTER = dt.timedelta(seconds=60)


def check_times(publish_at: dt.datetime | None, unpublish_at: dt.datetime | None = None, *,
                require_future: bool = False, now: dt.datetime | None = None) -> list[FieldError]:
    """What is wrong with a publication / unpublish time pair (empty when nothing is)."""
    now = now or clock.now()
    errors = [FieldError(name, f"{moment.year:04d}-{moment:%m-%d %H:%M} ({moment.tzinfo}) is outside the times a date "
                               "holds in UTC and in the newsroom's time zone (years 1 to 9999); choose a time in the "
                               "coming years")
              for name, moment in (("publish_at", publish_at), ("unpublish_at", unpublish_at))
              if moment is not None and not _storable(moment)]
    if errors:
        return errors  # the comparisons below would show these times, which cannot be shown
    if require_future and publish_at is not None and publish_at <= now:
        errors.append(FieldError("publish_at", f"{_show(publish_at)} is in the past; choose a time after {_show(now)} "
                                               "or publish now"))
    if unpublish_at is not None:
        if unpublish_at <= now:
            errors.append(FieldError("unpublish_at", f"{_show(unpublish_at)} is in the past; choose a later time"))
        elif publish_at is not None and unpublish_at <= publish_at:
            errors.append(FieldError("unpublish_at", f"{_show(unpublish_at)} is not after the publication time "
                                                     f"{_show(publish_at)}; a story must go live before it comes down"))
    return errors


def _storable(moment: dt.datetime) -> bool:
    """Whether `moment` converts to UTC (the database keeps that) and to the newsroom's zone (the desk
    shows that): 9999-12-31 23:59 in a zone west of UTC, or 0001-01-01 00:00 east of it, is an OverflowError."""
    from django.utils import timezone

    try:
        timezone.localtime(moment.astimezone(dt.timezone.utc))
    except OverflowError:
        return False
    return True


def _show(moment: dt.datetime) -> str:
    from django.utils import timezone

    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M %Z")


@transaction.atomic
def schedule(article: Article, *, at: dt.datetime, unpublish_at: dt.datetime | None = None,
             revision: Revision | None = None, require_future: bool = True, checked: bool = False,
             user=None) -> Article:
    """Make `revision` (by default the latest) go live at `at`; refuse with IntakeError,
    changing nothing, when the time is past (`require_future`), the unpublish time is not
    after it, the story is live, or its text cannot be published. `checked` says the
    caller has just run the text core on this revision (publishing does). `user` None is the
    system (publishing, which checked the person already); a person must be allowed to schedule."""
    require(user, STORY_SCHEDULE, article)
    errors = check_times(at, unpublish_at, require_future=require_future)
    revision = revision or article.latest_revision
    if article.is_live:
        errors.append(FieldError("publish_at", "this story is live; unpublish it before scheduling it for later"))
    if revision is None:
        errors.append(FieldError("article", "has no saved revision to schedule"))
    if errors:
        raise IntakeError(errors)
    if not checked:
        from newsreel.newsroom.publishing import preview  # publishing calls back into scheduling

        preview(validate_draft(ArticleDraft.from_json(revision.content), article=article))
    article.state = WorkflowState.SCHEDULED
    article.published_at = at
    article.unpublish_at = unpublish_at
    article.scheduled_revision = revision
    article.went_live_at = None
    article.save(update_fields=["state", "published_at", "unpublish_at", "scheduled_revision", "went_live_at",
                                "updated_at"])
    _enqueue("go_live", article.pk, at)
    if unpublish_at is not None:
        _enqueue("come_down", article.pk, unpublish_at)
    article_scheduled.send(sender=Article, article=article)
    return article


@transaction.atomic
def unschedule(article: Article, *, user=None) -> Article:
    """Take a scheduled story out of the queue: back to draft (or unpublished, if it was once live)."""
    require(user, STORY_SCHEDULE, article)
    if article.state != WorkflowState.SCHEDULED:
        raise IntakeError([FieldError("state", f"the story is {article.get_state_display().lower()}, not scheduled")])
    article.state = WorkflowState.UNPUBLISHED if article.first_published_at else WorkflowState.DRAFT
    if not article.first_published_at:
        article.published_at = None
    article.scheduled_revision = None
    article.unpublish_at = None
    article.save(update_fields=["state", "published_at", "scheduled_revision", "unpublish_at", "updated_at"])
    return article


@transaction.atomic
def set_unpublish_time(article: Article, at: dt.datetime | None, *, user=None) -> Article:
    """Give a live or scheduled story a time to come down (None clears it)."""
    require(user, STORY_SCHEDULE, article)
    if article.state not in (WorkflowState.PUBLISHED, WorkflowState.SCHEDULED):
        raise IntakeError([FieldError("unpublish_at", "only a live or scheduled story can have an unpublish time")])
    errors = check_times(article.published_at if article.state == WorkflowState.SCHEDULED else None, at)
    if errors:
        raise IntakeError(errors)
    article.unpublish_at = at
    article.save(update_fields=["unpublish_at", "updated_at"])
    if at is not None:
        _enqueue("come_down", article.pk, at)
    return article


def _enqueue(task_name: str, article_id: int, at: dt.datetime) -> None:
    """Queue the worker's task for the minute; it commits (or not) with the schedule itself,
    since the task queue is a table in the same database."""
    from newsreel.newsroom import tasks

    getattr(tasks, task_name).using(run_after=at).enqueue(article_id)


def publish_if_due(article_id: int, *, now: dt.datetime | None = None) -> bool:
    """Publish a scheduled story whose minute has come; False when there is nothing to do
    (not scheduled any more, rescheduled later, or another worker did it)."""
    from newsreel.newsroom.publishing import publish  # publishing calls back into scheduling

    now = now or clock.now()
    with transaction.atomic():
        article = _claim(article_id, {"state": WorkflowState.SCHEDULED, "published_at__lte": now}, went_live_at=now)
        if article is None:
            return False
        publish(article, revision=article.scheduled_revision or article.latest_revision, at=article.published_at,
                went_live_at=clock.now())
    late = article.went_live_at - article.published_at
    logger.info("published %s (scheduled %s, %.1f s after its minute)", article.slug, article.published_at,
                late.total_seconds())
    return True


def unpublish_if_due(article_id: int, *, now: dt.datetime | None = None) -> bool:
    """Take a live story down when its unpublish time has come; False when there is nothing to do."""
    from newsreel.newsroom.publishing import unpublish

    now = now or clock.now()
    with transaction.atomic():
        article = _claim(article_id, {"state": WorkflowState.PUBLISHED, "unpublish_at__lte": now}, unpublish_at=None)
        if article is None:
            return False
        unpublish(article)
    logger.info("unpublished %s at its unpublish time", article.slug)
    return True


def _claim(article_id: int, due: dict[str, Any], **mark: Any) -> Article | None:
    """The article, locked, when this call is the one that found it `due` and wrote `mark`; else None.

    The claim is the first statement of the caller's transaction, so the row is ours until commit:
    a second worker's claim matches nothing.
    """
    if not Article.objects.filter(pk=article_id, **due).update(**mark):
        return None
    return Article.objects.select_for_update().get(pk=article_id)


@dataclass
class Sweep:
    """What one pass over the due stories did."""

    published: list[int] = field(default_factory=list)
    unpublished: list[int] = field(default_factory=list)
    failed: list[tuple[int, str]] = field(default_factory=list)


def run_due(*, now: dt.datetime | None = None) -> Sweep:
    """Publish every scheduled story whose minute has come and take down every story whose
    unpublish time has come: what a worker does on start and every so often, so a story
    missed while no worker ran, or whose task died with a killed worker, still goes live."""
    now = now or clock.now()
    sweep = Sweep()
    due_up = list(Article.objects.due(now=now).values_list("pk", flat=True))
    due_down = list(Article.objects.filter(state=WorkflowState.PUBLISHED, unpublish_at__lte=now)
                    .order_by("unpublish_at").values_list("pk", flat=True))
    for action, ids, done in ((publish_if_due, due_up, sweep.published), (unpublish_if_due, due_down, sweep.unpublished)):
        for pk in ids:
            try:
                if action(pk, now=now):
                    done.append(pk)
            except Exception as error:  # noqa: BLE001  one story's failure must not stop the others
                # Its transaction rolled back: the story stays as it was; the next sweep tries again.
                logger.error("story %s: %s failed: %s", pk, action.__name__, error,
                             exc_info=not isinstance(error, (IntakeError, OperationalError)))
                sweep.failed.append((pk, str(error)))
    return sweep


def lateness(article: Article) -> dt.timedelta | None:
    """How long after its minute a scheduled story really went live (None if it never was scheduled)."""
    if article.went_live_at is None or article.published_at is None:
        return None
    return max(article.went_live_at - article.published_at, dt.timedelta(0))


def was_late(article: Article) -> bool:
    late = lateness(article)
    return late is not None and late >= LATE_AFTER
