"""Scheduling on the desk: the editor's Schedule button, the scheduled queue with reschedule
and unschedule, unpublish times, lateness, and bad times refused with a message."""

import datetime as dt
import html
import zoneinfo

import pytest
from django.utils import timezone

from newsreel.newsroom import clock, scheduling
from newsreel.newsroom.models import Article, WorkflowState
from tests.desk.conftest import article_form

pytestmark = pytest.mark.django_db


def local(moment: dt.datetime) -> str:
    """A time as the browser's date-and-time field sends it, in the newsroom's zone."""
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def soon(hours: float) -> dt.datetime:
    return (clock.now() + dt.timedelta(hours=hours)).replace(second=0, microsecond=0)


def schedule_new(client, at: dt.datetime, until: dt.datetime | None = None, **changes):
    return client.post("/desk/articles/schedule/", article_form(
        action="schedule", publish_at=local(at), unpublish_at=local(until) if until else "", **changes), follow=True)


def test_an_editor_schedules_a_new_story_from_the_editor(as_editor, graph):
    at = soon(26)
    response = schedule_new(as_editor, at)
    article = Article.objects.get()
    assert article.state == WorkflowState.SCHEDULED and article.published_at == at
    assert article.scheduled_revision == article.latest_revision
    page = response.content.decode()
    assert "Scheduled: revision 1 goes live" in page and "Times are in the newsroom's time zone, UTC" in page
    assert as_editor.get(article.get_absolute_url()).status_code == 404


def test_the_queue_shows_what_goes_live_when_and_reschedules_and_unschedules(as_editor, graph):
    schedule_new(as_editor, soon(5), headline="Later story")
    schedule_new(as_editor, soon(2), headline="Sooner story")
    later, sooner = Article.objects.get(headline="Later story"), Article.objects.get(headline="Sooner story")
    queue = as_editor.get("/desk/scheduled/").content.decode()
    assert queue.index("Sooner story") < queue.index("Later story")

    new_time = soon(30)
    response = as_editor.post(f"/desk/articles/{sooner.pk}/reschedule/",
                              {"publish_at": local(new_time), "unpublish_at": "", "next": "queue"}, follow=True)
    assert "Rescheduled" in response.content.decode()
    sooner.refresh_from_db()
    assert sooner.published_at == new_time and sooner.state == WorkflowState.SCHEDULED
    queue = as_editor.get("/desk/scheduled/").content.decode()
    assert queue.index("Later story") < queue.index("Sooner story")

    response = as_editor.post(f"/desk/articles/{later.pk}/unschedule/", {"next": "queue"}, follow=True)
    assert "Unscheduled" in response.content.decode()
    assert Article.objects.get(pk=later.pk).state == WorkflowState.DRAFT
    assert "Later story" not in as_editor.get("/desk/scheduled/").content.decode()


def test_a_time_in_the_past_is_refused_and_nothing_is_saved(as_editor, graph):
    response = schedule_new(as_editor, soon(-1))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Goes live at:" in page and "is in the past" in page
    assert "Ada Varga finishes Harbor Lights" in page  # the typed text is still in the form
    assert not Article.objects.exists()


def test_an_unpublish_time_before_the_publication_time_is_refused(as_editor, graph):
    response = schedule_new(as_editor, soon(5), until=soon(4))
    assert response.status_code == 400
    assert "is not after the publication time" in response.content.decode()
    assert not Article.objects.exists()


def test_rescheduling_into_the_past_is_refused_and_changes_nothing(as_editor, graph):
    schedule_new(as_editor, soon(3))
    article = Article.objects.get()
    response = as_editor.post(f"/desk/articles/{article.pk}/reschedule/",
                              {"publish_at": local(soon(-2)), "next": "queue"}, follow=True)
    assert "Not rescheduled" in response.content.decode() and "is in the past" in response.content.decode()
    assert Article.objects.get().published_at == article.published_at


def test_a_contributor_cannot_schedule(as_contributor, graph):
    response = schedule_new(as_contributor, soon(3))
    assert response.status_code == 403 and not Article.objects.exists()


def test_the_list_shows_scheduled_state_and_how_late_a_story_went_live(as_editor, graph, monkeypatch):
    schedule_new(as_editor, soon(1), headline="Late story")
    article = Article.objects.get()
    listing = as_editor.get("/desk/?state=scheduled").content.decode()
    assert "Late story" in listing and "goes live" in listing
    monkeypatch.setattr(clock, "now", lambda: article.published_at + dt.timedelta(minutes=42))
    assert "overdue" in as_editor.get("/desk/scheduled/").content.decode()
    scheduling.run_due()
    assert "went live 42 minutes late" in as_editor.get("/desk/").content.decode()
    assert "Went live 42 minutes late" in as_editor.get(f"/desk/articles/{article.pk}/").content.decode()


def test_a_live_story_gets_an_unpublish_time(as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form(action="publish"))
    article = Article.objects.get()
    until = soon(48)
    response = as_editor.post(f"/desk/articles/{article.pk}/unpublish-time/", {"unpublish_at": local(until)}, follow=True)
    assert "comes down" in response.content.decode()
    assert Article.objects.get().unpublish_at == until
    response = as_editor.post(f"/desk/articles/{article.pk}/unpublish-time/", {"unpublish_at": local(soon(-1))}, follow=True)
    assert "Unpublish time not set" in response.content.decode()
    assert Article.objects.get().unpublish_at == until


def test_times_are_typed_and_shown_in_the_newsrooms_time_zone(as_editor, graph, settings):
    settings.TIME_ZONE = "Europe/Berlin"
    at = soon(24)
    berlin = at.astimezone(zoneinfo.ZoneInfo("Europe/Berlin"))
    as_editor.post("/desk/articles/schedule/", article_form(action="schedule", publish_at=berlin.strftime("%Y-%m-%dT%H:%M")))
    assert Article.objects.get().published_at == at
    queue = as_editor.get("/desk/scheduled/").content.decode()
    assert "Europe/Berlin" in queue and berlin.strftime("%H:%M") in queue


# Red-team pass of 2026-12-08: a time the newsroom's zone can hold but UTC cannot (or the other way)
# was an OverflowError, answered 500, when it was stored or shown.
FAR_OFF = [("Etc/GMT+12", "9999-12-31T23:59"),  # -12:00: past year 9999 in UTC
           ("Etc/GMT-14", "0001-01-01T00:00")]  # +14:00: before year 1 in UTC
OUTSIDE = "is outside the times a date holds in UTC and in the newsroom's time zone (years 1 to 9999)"


@pytest.mark.parametrize("zone, typed", FAR_OFF)
@pytest.mark.parametrize("field", ["publish_at", "unpublish_at"])
def test_a_far_off_time_is_refused_naming_its_field_never_a_500(graph, editor, settings, client, zone, typed, field):
    settings.TIME_ZONE = zone
    client.raise_request_exception = False
    client.force_login(editor)
    times = {"publish_at": local(soon(24)), "unpublish_at": ""} | {field: typed}
    response = client.post("/desk/articles/schedule/", article_form(action="schedule", **times))
    assert response.status_code == 400, response.status_code
    label = "Goes live at" if field == "publish_at" else "Comes down at (optional)"
    assert f"{label}: {typed.replace('T', ' ')} ({zone}) {OUTSIDE}" in html.unescape(response.content.decode())
    assert not Article.objects.exists()


@pytest.mark.parametrize("zone, typed", FAR_OFF)
def test_rescheduling_or_an_unpublish_time_far_off_is_refused_and_changes_nothing(graph, editor, settings, client,
                                                                                  zone, typed):
    settings.TIME_ZONE = zone
    client.raise_request_exception = False
    client.force_login(editor)
    schedule_new(client, soon(3))
    article = Article.objects.get()
    moved = client.post(f"/desk/articles/{article.pk}/reschedule/", {"publish_at": typed, "next": "queue"}, follow=True)
    assert moved.status_code == 200 and "Not rescheduled" in moved.content.decode()
    assert OUTSIDE in html.unescape(moved.content.decode())
    down = client.post(f"/desk/articles/{article.pk}/unpublish-time/", {"unpublish_at": typed}, follow=True)
    assert down.status_code == 200 and "Unpublish time not set" in down.content.decode()
    assert OUTSIDE in html.unescape(down.content.decode())
    assert Article.objects.values("published_at", "unpublish_at").get() == {"published_at": article.published_at,
                                                                           "unpublish_at": None}
