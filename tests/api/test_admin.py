"""The Admin API: drafts, images, scheduling and publishing through the one intake and the
permission table, as the key's person; errors are JSON with the intake's field paths."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from newsreel.api.keys import create_key
from newsreel.newsroom.models import Article, Revision

from .conftest import BODY, bearer, png_upload

pytestmark = pytest.mark.django_db


def post(api, path: str, token: str, data=None):
    return api.post(path, data or {}, content_type="application/json", **bearer(token))


def patch(api, path: str, token: str, data):
    return api.patch(path, data, content_type="application/json", **bearer(token))


def test_an_editor_key_creates_updates_and_publishes_a_story(api, graph, editor_key, content_key):
    created = post(api, "/api/admin/stories", editor_key, {"headline": "Harbor Lights at the festival",
                                                           "body": BODY, "tags": ["Festival"]})
    assert created.status_code == 201, created.content
    story = created.json()
    assert story["state"] == "draft" and story["revision"] == 1 and not story["live"]
    assert Revision.objects.get(article_id=story["id"]).origin == "api"
    updated = patch(api, f"/api/admin/stories/{story['id']}", editor_key, {"dek": "The premiere, in pictures"})
    assert updated.json()["draft"]["dek"] == "The premiere, in pictures"
    assert updated.json()["draft"]["tags"] == ["Festival"]  # fields not sent stay as they were
    published = post(api, f"/api/admin/stories/{story['id']}/publish", editor_key)
    assert published.status_code == 200 and published.json()["live"] is True
    assert api.get(f"/api/content/stories/{story['slug']}", {"key": content_key}).status_code == 200


def test_intake_errors_come_back_as_json_with_the_field_path(api, graph, editor_key):
    answer = post(api, "/api/admin/stories", editor_key, {
        "headline": "Bad fields", "body": BODY, "section": "gossip", "tags": ["ok", "  "],
        "sources": [{"name": "Somewhere", "url": "ftp://example.org"}]})
    assert answer.status_code == 422
    fields = {error["field"] for error in answer.json()["errors"]}
    assert {"section", "tags[1]", "sources[0].url"} <= fields
    assert not Article.objects.exists()  # nothing half-written


def test_schema_errors_name_the_field_too(api, graph, editor_key):
    answer = post(api, "/api/admin/stories", editor_key, {"headline": "No body", "tags": "not a list",
                                                           "colour": "red"})
    assert answer.status_code == 422
    fields = {error["field"] for error in answer.json()["errors"]}
    assert {"body", "tags", "colour"} <= fields
    garbage = api.post("/api/admin/stories", b"{not json", content_type="application/json", **bearer(editor_key))
    assert garbage.status_code in (400, 422) and garbage.json()["errors"]


def test_a_body_error_names_its_line(api, graph, editor_key):
    story = post(api, "/api/admin/stories", editor_key, {
        "headline": "Unknown film", "body": "First line.\n\n:::spoiler no-such-film\nText.\n:::\n"}).json()
    assert story["problems"], "a draft keeps text problems; they stop a publish"
    answer = post(api, f"/api/admin/stories/{story['id']}/publish", editor_key)
    assert answer.status_code == 422
    error = answer.json()["errors"][0]
    assert error["field"] == "body" and error["line"] == 3


def test_a_contributor_key_follows_the_contributors_role(api, graph, contributor_key, editor_key):
    own = post(api, "/api/admin/stories", contributor_key, {"headline": "My draft", "body": BODY})
    assert own.status_code == 201
    refused = post(api, f"/api/admin/stories/{own.json()['id']}/publish", contributor_key)
    assert refused.status_code == 403
    assert "cannot publish" in refused.json()["errors"][0]["message"]
    others = post(api, "/api/admin/stories", editor_key, {"headline": "Editor's draft", "body": BODY}).json()
    assert api.get(f"/api/admin/stories/{others['id']}", **bearer(contributor_key)).status_code == 403
    assert patch(api, f"/api/admin/stories/{others['id']}", contributor_key, {"dek": "mine now"}).status_code == 403


def test_a_key_without_the_scope_is_refused_whatever_the_role(api, graph, editor):
    writer_only = create_key("Drafts only", "admin", user=editor, scopes=["stories:write"]).token
    story = post(api, "/api/admin/stories", writer_only, {"headline": "Scoped", "body": BODY}).json()
    refused = post(api, f"/api/admin/stories/{story['id']}/publish", writer_only)
    assert refused.status_code == 403 and "stories:publish" in refused.json()["errors"][0]["message"]


def test_scheduling_and_unscheduling(api, graph, editor_key):
    story = post(api, "/api/admin/stories", editor_key, {"headline": "Later", "body": BODY}).json()
    at = (timezone.now() + dt.timedelta(days=2)).replace(microsecond=0)
    scheduled = post(api, f"/api/admin/stories/{story['id']}/schedule", editor_key, {"publish_at": at.isoformat()})
    assert scheduled.status_code == 200 and scheduled.json()["state"] == "scheduled"
    past = post(api, f"/api/admin/stories/{story['id']}/schedule", editor_key,
                {"publish_at": (timezone.now() - dt.timedelta(days=1)).isoformat()})
    assert past.status_code == 422 and past.json()["errors"][0]["field"] == "publish_at"
    back = post(api, f"/api/admin/stories/{story['id']}/unschedule", editor_key)
    assert back.json()["state"] == "draft"


def test_unpublishing_takes_the_story_off_the_content_api(api, graph, editor_key, content_key):
    story = post(api, "/api/admin/stories", editor_key, {"headline": "Brief", "body": BODY}).json()
    post(api, f"/api/admin/stories/{story['id']}/publish", editor_key)
    assert post(api, f"/api/admin/stories/{story['id']}/unpublish", editor_key).json()["state"] == "unpublished"
    assert api.get(f"/api/content/stories/{story['slug']}", {"key": content_key}).status_code == 404


@pytest.mark.parametrize("state, message", [
    ("draft", "the story is a draft, not live: there is nothing to take off the site"),
    ("scheduled", "the story is scheduled, not live: to keep it from going live, unschedule it "
                  "(POST /api/admin/stories/{id}/unschedule)"),
    ("unpublished", "the story is unpublished, not live: it is off the site already"),
])
def test_unpublishing_a_story_that_is_not_live_is_a_422_that_says_so_and_changes_nothing(api, graph, editor_key,
                                                                                         state, message):
    """Red-team pass of 2026-12-08: it answered 200 with the story as it was, so a client that meant to stop
    a scheduled story believed it had, and the story went live at its minute."""
    story = post(api, "/api/admin/stories", editor_key, {"headline": "Not live", "body": BODY}).json()
    if state == "scheduled":
        at = (timezone.now() + dt.timedelta(days=2)).isoformat()
        post(api, f"/api/admin/stories/{story['id']}/schedule", editor_key, {"publish_at": at})
    if state == "unpublished":
        post(api, f"/api/admin/stories/{story['id']}/publish", editor_key)
        post(api, f"/api/admin/stories/{story['id']}/unpublish", editor_key)
    before = Article.objects.values().get(pk=story["id"])
    answer = post(api, f"/api/admin/stories/{story['id']}/unpublish", editor_key)
    assert answer.status_code == 422, answer.content
    assert answer.json()["errors"] == [{"field": "state", "message": message.format(id=story["id"])}]
    assert Article.objects.values().get(pk=story["id"]) == before


def test_uploading_an_image_then_using_it_as_the_hero(api, graph, editor_key, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    uploaded = api.post("/api/admin/images", {"file": png_upload(), "alt": "A lighthouse at dusk",
                                              "credit": "Photo: Test Studio"}, **bearer(editor_key))
    assert uploaded.status_code == 201, uploaded.content
    image = uploaded.json()
    story = post(api, "/api/admin/stories", editor_key, {"headline": "With a picture", "body": BODY,
                                                         "hero_image": image["id"]})
    assert story.status_code == 201 and story.json()["draft"]["hero_image"] == image["id"]
    missing = api.post("/api/admin/images", {"file": png_upload(), "alt": "", "credit": "Photo: X"},
                       **bearer(editor_key))
    assert missing.status_code == 422 and missing.json()["errors"][0]["field"] == "alt"


@pytest.mark.parametrize("twice", ["file", "alt", "credit", "caption"])
def test_a_part_sent_twice_in_one_upload_is_refused_naming_it(api, graph, editor_key, tmp_path, settings, twice):
    """Red-team pass of 2026-12-08: two `file` parts kept the last without a word (one picture stored,
    the client believing both were)."""
    from newsreel.images.models import Image

    settings.MEDIA_ROOT = tmp_path
    parts = {"file": png_upload(), "alt": "A lighthouse at dusk", "credit": "Photo: Test Studio", "caption": "Dusk"}
    parts[twice] = [parts[twice], png_upload("second.png") if twice == "file" else "another"]
    answer = api.post("/api/admin/images", parts, **bearer(editor_key))
    assert answer.status_code == 422, answer.content
    assert answer.json()["errors"] == [{"field": twice, "message": f"was sent 2 times; an upload takes one {twice} "
                                                                   "(send each image in a request of its own)"}]
    assert not Image.objects.exists()


def test_admin_answers_are_never_cached_and_need_a_bearer_key(api, graph, editor_key, content_key):
    story = post(api, "/api/admin/stories", editor_key, {"headline": "Private", "body": BODY}).json()
    answer = api.get(f"/api/admin/stories/{story['id']}", **bearer(editor_key))
    assert answer.status_code == 200 and answer["Cache-Control"] == "private, no-store"
    assert api.get(f"/api/admin/stories/{story['id']}", **bearer(content_key)).status_code == 401
    assert api.get(f"/api/admin/stories/{story['id']}").status_code == 401


# Red-team pass of 2026-12-07: each of these answered 500 with the HTML error page, or a 400 that said
# only "Cannot parse request body".


def quiet_client():
    from django.test import Client

    return Client(raise_request_exception=False)


@pytest.mark.parametrize("when, field", [
    ({"publish_at": "9999-12-31T23:59:59-14:00"}, "publish_at"),  # past year 9999 in UTC: OverflowError
    ({"publish_at": "0001-01-01T00:00:00+14:00"}, "publish_at"),  # before year 1 in UTC
    ({"publish_at": "2031-01-01T00:00:00Z", "unpublish_at": "9999-12-31T23:59:59-14:00"}, "unpublish_at"),
])
def test_a_time_past_what_a_date_holds_in_utc_is_a_json_error_naming_it(graph, editor_key, when, field):
    api = quiet_client()
    story = post(api, "/api/admin/stories", editor_key, {"headline": "Far", "body": BODY}).json()
    answer = post(api, f"/api/admin/stories/{story['id']}/schedule", editor_key, when)
    assert answer.status_code == 422, answer.content
    assert answer.json()["errors"] == [{"field": field, "message": f"{when[field]} is outside the times a date holds "
                                        "in UTC (years 1 to 9999); choose a time in the coming years"}]
    assert Article.objects.get().state == "draft"


@pytest.mark.parametrize("when, field", [
    ({"publish_at": "9999-12-31T23:00:00Z"}, "publish_at"),
    ({"publish_at": "2031-01-01T00:00:00Z", "unpublish_at": "9999-12-31T22:00:00Z"}, "unpublish_at"),
])
def test_a_time_past_what_a_date_holds_in_the_newsrooms_zone_is_a_json_error_naming_it(graph, editor_key, settings,
                                                                                       when, field):
    """Red-team pass of 2026-12-08: in a newsroom east of UTC, 9999-12-31T23:00Z was stored, and every desk page
    that showed it in the newsroom's zone answered 500; as an unpublish time its refusal message did."""
    settings.TIME_ZONE = "Etc/GMT-14"
    api = quiet_client()
    story = post(api, "/api/admin/stories", editor_key, {"headline": "Far", "body": BODY}).json()
    answer = post(api, f"/api/admin/stories/{story['id']}/schedule", editor_key, when)
    assert answer.status_code == 422, answer.content
    assert answer.json()["errors"] == [{"field": field, "message": f"{when[field][:16].replace('T', ' ')} (UTC) is "
                                        "outside the times a date holds in UTC and in the newsroom's time zone "
                                        "(years 1 to 9999); choose a time in the coming years"}]
    assert Article.objects.get().state == "draft"


@pytest.mark.parametrize("body, message", [
    (b'{"headline": "x",\n "body": ' + b"[" * 5000 + b"]" * 5000 + b"}",
     "line 2, column 508: nested too deep: more than 500 levels"),
    (b'{"headline": "x", "body": "y", "hero_image": ' + b"9" * 5000 + b"}",
     r"line 1, column 46: a number with more than 4,300 digits \(5,000\)"),
    (b'{"headline": "x", "headline": "y", "body": "z"}', 'line 1, column 19: the key "headline" a second time'),
    ('{"headline": "caf\xe9", "body": "y"}'.encode("latin-1"), r"line 1, column 18: not UTF-8 text \(byte 0xe9\)"),
    (b'{"headline": "x",\n  "body": "y",\n}', "line 3, column 1: not valid JSON"),
    (b'{"headline": "x", "body": "y", "rating": NaN}', "line 1, column 42: NaN is not a JSON value"),
])
def test_a_json_body_that_cannot_be_read_is_named_by_line_and_column(graph, editor_key, body, message):
    answer = quiet_client().post("/api/admin/stories", body, content_type="application/json", **bearer(editor_key))
    assert answer.status_code == 400, answer.content
    [error] = answer.json()["errors"]
    assert error["field"] is None and re.match(f"the request body, {message}", error["message"]), error["message"]
    assert not Article.objects.exists()


def test_a_body_larger_than_a_request_may_be_is_a_json_413(graph, editor_key, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    answer = quiet_client().post("/api/admin/stories", {"headline": "Big", "body": "x" * 2000},
                                 content_type="application/json", **bearer(editor_key))
    assert answer.status_code == 413 and answer["Content-Type"].startswith("application/json")
    assert answer.json()["errors"] == [{"field": None, "message": "the request body is larger than this server takes "
                                        "(1,000 bytes); send less"}]
