"""Scheduling: a story dated in the future waits for its minute, then goes live once, on its own."""

import datetime as dt

import pytest
from django_tasks_db.models import DBTaskResult

from newsreel.newsroom import clock, scheduling
from newsreel.newsroom.intake import ArticleDraft, IntakeError
from newsreel.newsroom.models import Article, WorkflowState
from newsreel.newsroom.publishing import publish, save_and_publish, save_draft

pytestmark = pytest.mark.django_db

BODY = "Ada Varga has finished *Harbor Lights*.\n\nThe film opens in October.\n"


def draft(headline: str = "Harbor Lights review", **changes) -> ArticleDraft:
    return ArticleDraft(**{"headline": headline, "body": BODY, "section": "news", **changes})


@pytest.fixture
def moment(monkeypatch):
    """Move the newsroom's clock: `moment(t)` makes `clock.now()` return t."""
    def move(to: dt.datetime) -> None:
        monkeypatch.setattr(clock, "now", lambda: to)
    return move


def in_minutes(minutes: float) -> dt.datetime:
    return clock.now() + dt.timedelta(minutes=minutes)


def run_worker_once() -> None:
    """What one turn of `newsreel worker` does (its real loop, which closes the database
    connection between turns, runs in subprocesses in test_worker_processes.py): run the
    queued tasks that are ready, and sweep for due stories."""
    for queued in DBTaskResult.objects.ready():
        queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
        queued.delete()
    scheduling.run_due()


def test_a_future_publication_time_schedules_the_story_and_queues_its_task(small_graph):
    at = in_minutes(60 * 24 * 7)
    article = save_and_publish(draft(publish_at=at), origin="test")
    article.refresh_from_db()
    assert article.state == WorkflowState.SCHEDULED and not article.is_live
    assert article.published_at == at and article.scheduled_revision == article.latest_revision
    assert article.live_revision is None and not Article.objects.live().exists()
    assert list(Article.objects.scheduled()) == [article]
    task = DBTaskResult.objects.get(task_path="newsreel.newsroom.tasks.go_live")
    assert task.run_after == at and task.args_kwargs["args"] == [article.pk]


def test_at_its_minute_the_worker_publishes_the_scheduled_revision(small_graph, moment):
    at = in_minutes(30)
    article = save_and_publish(draft(publish_at=at), origin="test")
    scheduled = article.scheduled_revision
    save_draft(draft(dek="A later draft, not scheduled", publish_at=at), article=article, origin="test")

    run_worker_once()
    assert Article.objects.get(pk=article.pk).state == WorkflowState.SCHEDULED  # not yet

    moment(at + dt.timedelta(seconds=5))
    run_worker_once()
    article.refresh_from_db()
    assert article.state == WorkflowState.PUBLISHED and article.is_live
    assert article.live_revision == scheduled and article.dek == ""
    assert article.published_at == at  # the story's time is its minute, not when the worker got there
    assert article.went_live_at == at + dt.timedelta(seconds=5)
    assert not scheduling.was_late(article)


def test_going_live_happens_once_however_often_it_is_asked(small_graph, moment):
    at = in_minutes(5)
    article = save_and_publish(draft(publish_at=at), origin="test")
    moment(at)
    assert scheduling.publish_if_due(article.pk) is True
    assert scheduling.publish_if_due(article.pk) is False
    assert scheduling.run_due().published == []
    assert Article.objects.get(pk=article.pk).revisions.count() == 1


def test_a_story_missed_while_no_worker_ran_goes_live_on_start_and_is_marked_late(small_graph, moment):
    at = in_minutes(1)
    article = save_and_publish(draft(publish_at=at), origin="test")
    moment(at + dt.timedelta(minutes=42))
    run_worker_once()
    article.refresh_from_db()
    assert article.is_live and scheduling.was_late(article)
    assert scheduling.lateness(article) == dt.timedelta(minutes=42)


def test_rescheduling_later_leaves_the_old_task_nothing_to_do(small_graph, moment):
    first = in_minutes(10)
    article = save_and_publish(draft(publish_at=first), origin="test")
    scheduling.schedule(article, at=first + dt.timedelta(hours=2))
    moment(first + dt.timedelta(minutes=1))
    assert scheduling.publish_if_due(article.pk) is False
    assert Article.objects.get(pk=article.pk).state == WorkflowState.SCHEDULED
    moment(first + dt.timedelta(hours=2))
    assert scheduling.run_due().published == [article.pk]


def test_unscheduling_returns_the_story_to_draft(small_graph, moment):
    at = in_minutes(10)
    article = save_and_publish(draft(publish_at=at), origin="test")
    scheduling.unschedule(article)
    article.refresh_from_db()
    assert article.state == WorkflowState.DRAFT and article.published_at is None
    moment(at + dt.timedelta(minutes=1))
    assert scheduling.run_due().published == []


def test_an_unpublish_time_takes_the_story_down_at_its_minute(small_graph, moment):
    up, down = in_minutes(10), in_minutes(70)
    article = save_draft(draft(), origin="test")
    scheduling.schedule(article, at=up, unpublish_at=down)
    assert DBTaskResult.objects.filter(task_path="newsreel.newsroom.tasks.come_down", run_after=down).exists()
    moment(up)
    run_worker_once()
    assert Article.objects.get(pk=article.pk).is_live
    moment(down + dt.timedelta(seconds=1))
    run_worker_once()
    article.refresh_from_db()
    assert article.state == WorkflowState.UNPUBLISHED and article.unpublish_at is None


@pytest.mark.parametrize("publish_at, unpublish_at, message", [
    (-5, None, "is in the past"),
    (30, 20, "is not after the publication time"),
    (30, -1, "is in the past"),
])
def test_bad_schedules_are_refused_with_a_message_and_change_nothing(small_graph, publish_at, unpublish_at, message):
    article = save_draft(draft(), origin="test")
    with pytest.raises(IntakeError, match=message):
        scheduling.schedule(article, at=in_minutes(publish_at),
                            unpublish_at=in_minutes(unpublish_at) if unpublish_at is not None else None)
    article.refresh_from_db()
    assert article.state == WorkflowState.DRAFT and article.published_at is None and article.unpublish_at is None
    assert not DBTaskResult.objects.exists()


def test_a_live_story_cannot_be_scheduled_for_later(small_graph):
    article = save_and_publish(draft(), origin="test")
    with pytest.raises(IntakeError, match="unpublish it before scheduling"):
        scheduling.schedule(article, at=in_minutes(60))
    assert Article.objects.get(pk=article.pk).is_live


def test_a_draft_whose_text_cannot_be_published_cannot_be_scheduled(small_graph):
    article = save_draft(draft(body=":::spoiler no-such-film\nx\n:::\n"), origin="test")
    with pytest.raises(IntakeError, match="line 1"):
        scheduling.schedule(article, at=in_minutes(60))
    assert Article.objects.get(pk=article.pk).state == WorkflowState.DRAFT


def test_publishing_a_scheduled_story_now_takes_it_out_of_the_queue(small_graph, moment):
    article = save_draft(draft(), origin="test")
    scheduling.schedule(article, at=in_minutes(60))
    publish(Article.objects.get(pk=article.pk))
    article.refresh_from_db()
    assert article.is_live and article.scheduled_revision is None and article.went_live_at is None
    moment(in_minutes(61))
    assert scheduling.run_due().published == []


def test_newsreel_publish_schedules_a_file_dated_in_the_future(small_graph, tmp_path):
    from io import StringIO

    from django.core.management import call_command

    at = in_minutes(90).replace(microsecond=0)
    file = tmp_path / "embargo.md"
    file.write_text(f'---\nheadline: Embargoed by file\npublished_at: "{at.isoformat()}"\n---\nThe verdict.\n')
    out = StringIO()
    call_command("publish", str(file), stdout=out)
    article = Article.objects.get(slug="embargoed-by-file")
    assert article.state == WorkflowState.SCHEDULED and article.published_at == at
    assert f"(scheduled: goes live {at.isoformat()})" in out.getvalue()


def test_an_import_dated_in_the_future_is_scheduled(small_graph, tmp_path):
    import json
    from io import StringIO

    from django.core.management import call_command

    at = in_minutes(90).replace(microsecond=0)
    file = tmp_path / "feed.jsonl"
    file.write_text("\n".join(json.dumps(record) for record in [
        {"title": "Imported and live", "body_markdown": "Old news.", "date": in_minutes(-60).isoformat()},
        {"title": "Imported under embargo", "body_markdown": "New news.", "date": at.isoformat()},
    ]) + "\n")
    call_command("import", "jsonl", str(file), stdout=StringIO(), stderr=StringIO())
    assert Article.objects.get(slug="imported-and-live").is_live
    embargoed = Article.objects.get(slug="imported-under-embargo")
    assert embargoed.state == WorkflowState.SCHEDULED and embargoed.published_at == at
