"""`<time datetime>` carries whole seconds: HTML allows at most three digits of a second's
fraction, and timestamps the database fills in have six (the Nu checker rejected every
story edited in the desk the same day)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish, save_draft
from newsreel.newsroom.templatetags.machine_dates import machine_datetime

# HTML's global date and time string as we write it: whole seconds and an offset, or a date.
MACHINE_MOMENT = re.compile(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d[+-]\d\d:\d\d)?")


def datetime_attributes(html: str) -> list[str]:
    return re.findall(r'datetime="([^"]*)"', html)


def test_a_moment_with_microseconds_is_written_in_whole_seconds():
    moment = dt.datetime(2026, 12, 3, 9, 23, 37, 123456, tzinfo=dt.timezone.utc)
    assert machine_datetime(moment) == "2026-12-03T09:23:37+00:00"


def test_a_date_is_written_as_a_date_and_nothing_as_nothing():
    assert machine_datetime(dt.date(2026, 12, 3)) == "2026-12-03"
    assert machine_datetime(None) == ""


@pytest.mark.django_db
def test_a_story_published_and_listed_today_has_only_valid_datetime_attributes(client, django_user_model):
    published = timezone.now().replace(microsecond=654321)
    save_and_publish(ArticleDraft(headline="A story edited today", body="Words.\n", publish_at=published), origin="test")
    page = client.get("/articles/a-story-edited-today/").content.decode()
    home = client.get("/").content.decode()
    editor = django_user_model.objects.create_superuser("edith", "edith@newsroom.example", "pw")
    save_draft(ArticleDraft(headline="A draft edited today", body="Words.\n"), user=editor)
    client.force_login(editor)
    desk = client.get("/desk/").content.decode()
    found = datetime_attributes(page) + datetime_attributes(home) + datetime_attributes(desk)
    assert len(found) >= 3
    assert [value for value in found if not MACHINE_MOMENT.fullmatch(value)] == []
