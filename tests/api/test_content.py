"""The Content API: live stories only, spoiler-safe unless every spoiled film is named as
seen, keyset cursors, filters by film and person, ETags, CORS for a key's origins, a rate
limit per key and JSON errors that name the field."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from newsreel.api.keys import create_key, revoke
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish, save_draft

from .conftest import SPOILER

pytestmark = pytest.mark.django_db


def get(api, path: str, key: str, **params):
    return api.get(path, {"key": key, **params})


def test_a_story_is_spoiler_safe_by_default_everywhere_it_appears(api, story, content_key):
    listing = get(api, "/api/content/stories", content_key).json()
    detail = get(api, f"/api/content/stories/{story.slug}", content_key).json()
    assert listing["items"][0]["slug"] == story.slug
    for answer in (listing, detail):
        assert SPOILER not in str(answer)
    assert detail["spoilers_shown"] is False and detail["spoiler_films"] == ["harbor-lights-2025"]
    assert detail["spoiler_note"]
    assert "The film opens in October." in detail["html"]


def test_naming_every_spoiled_film_as_seen_unlocks_the_spoilers(api, story, content_key):
    detail = get(api, f"/api/content/stories/{story.slug}", content_key, seen="harbor-lights-2025").json()
    assert detail["spoilers_shown"] is True and SPOILER in detail["html"]
    other = get(api, f"/api/content/stories/{story.slug}", content_key, seen="some-other-film-2020").json()
    assert other["spoilers_shown"] is False and SPOILER not in other["html"]


def test_drafts_and_scheduled_stories_are_not_in_the_content_api(api, story, content_key, graph):
    save_draft(ArticleDraft(headline="A secret draft", body="Not yet."), origin="test")
    save_and_publish(ArticleDraft(headline="Tomorrow's story", body="Later.",
                                  publish_at=timezone.now() + dt.timedelta(days=1)), origin="test")
    slugs = [item["slug"] for item in get(api, "/api/content/stories", content_key).json()["items"]]
    assert slugs == [story.slug]
    assert get(api, "/api/content/stories/a-secret-draft", content_key).status_code == 404
    assert get(api, "/api/content/stories/tomorrows-story", content_key).json() == {
        "errors": [{"field": None, "message": "no live story has the slug 'tomorrows-story'"}]}


def test_cursor_pagination_walks_every_story_once_in_order(api, graph, content_key):
    base = timezone.now() - dt.timedelta(days=1)
    for number in range(7):
        save_and_publish(ArticleDraft(headline=f"Story {number}", body=f"Body {number}.",
                                      publish_at=base + dt.timedelta(minutes=number % 3)), origin="test")
    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = get(api, "/api/content/stories", content_key, **params).json()
        seen += [(item["published_at"], item["id"]) for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == 7 and len(set(seen)) == 7
    assert seen == sorted(seen, reverse=True)


def test_a_cursor_the_api_never_gave_is_a_json_error_naming_the_field(api, story, content_key):
    answer = get(api, "/api/content/stories", content_key, cursor="bm90LWEtY3Vyc29y")
    assert answer.status_code == 422
    assert answer.json()["errors"][0]["field"] == "cursor"
    answer = get(api, "/api/content/stories", content_key, limit="lots")
    assert answer.status_code == 422 and answer.json()["errors"][0]["field"] == "limit"


def test_filters_by_film_and_person_find_the_stories_that_name_them(api, story, graph, content_key):
    save_and_publish(ArticleDraft(headline="Unrelated", body="Nothing about anyone here."), origin="test")
    by_film = get(api, "/api/content/stories", content_key, film="harbor-lights-2025").json()["items"]
    by_person = get(api, "/api/content/stories", content_key, person="ada-varga").json()["items"]
    assert [item["slug"] for item in by_film] == [story.slug] == [item["slug"] for item in by_person]
    assert get(api, "/api/content/stories", content_key, film="no-such-film").json()["items"] == []


def test_films_people_and_taxonomies_are_listed(api, story, content_key):
    film = get(api, "/api/content/films/harbor-lights-2025", content_key).json()
    assert film["title"] == "Harbor Lights" and film["credits"]
    person = get(api, "/api/content/people/ada-varga", content_key).json()
    assert any(credit["film"]["key"] == "harbor-lights-2025" for credit in person["credits"])
    assert [tag["slug"] for tag in get(api, "/api/content/tags", content_key).json()["items"]] == ["drama"]
    assert [a["slug"] for a in get(api, "/api/content/authors", content_key).json()["items"]] == ["nadia-ferro"]
    assert "features" in [s["slug"] for s in get(api, "/api/content/sections", content_key).json()["items"]]


def test_search_answers_with_spoiler_safe_snippets(api, story, content_key):
    found = get(api, "/api/content/search", content_key, q="lighthouse").json()
    assert found["items"] == []  # the word is only inside the spoiler block
    found = get(api, "/api/content/search", content_key, q="feature").json()
    assert [item["slug"] for item in found["items"]] == [story.slug]


def test_an_etag_answers_a_repeat_request_with_304(api, story, content_key):
    first = get(api, f"/api/content/stories/{story.slug}", content_key)
    assert first.status_code == 200 and first["ETag"]
    again = api.get(f"/api/content/stories/{story.slug}", {"key": content_key}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_an_if_modified_since_later_than_the_clock_is_ignored(api, story, content_key):
    """RFC 2616 14.25 calls a date later than the server's clock invalid; RFC 9110 13.1.3 has it ignored.
    Red-team pass of 2026-12-08: Fri, 31 Dec 9999 answered 304."""
    answer = api.get("/api/content/stories", {"key": content_key}, HTTP_IF_MODIFIED_SINCE="Fri, 31 Dec 9999 23:59:59 GMT")
    assert answer.status_code == 200 and answer.json()["items"]


def test_cors_is_granted_only_to_the_origins_of_the_key(api, story, content_key):
    allowed = api.get("/api/content/stories", {"key": content_key}, HTTP_ORIGIN="https://widget.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://widget.example"
    refused = api.get("/api/content/stories", {"key": content_key}, HTTP_ORIGIN="https://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in refused and "Origin" in refused["Vary"]
    preflight = api.options(f"/api/content/stories?key={content_key}", HTTP_ORIGIN="https://widget.example",
                            HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 204 and preflight["Access-Control-Allow-Origin"] == "https://widget.example"


def test_a_missing_wrong_or_revoked_key_is_refused_with_json(api, story, content_key, editor_key):
    assert api.get("/api/content/stories").status_code == 401
    assert get(api, "/api/content/stories", editor_key).status_code == 401  # an admin key is not a content key
    revoke(content_key.split("_")[2])
    answer = get(api, "/api/content/stories", content_key)
    assert answer.status_code == 401 and "key" in answer.json()["errors"][0]["message"]


def test_each_key_has_its_own_rate_limit(api, story, monkeypatch):
    cache.clear()
    monkeypatch.setattr(settings, "CONFIG", dataclasses.replace(settings.CONFIG, api_rate_limit=3))
    busy, calm = create_key("Busy", "content").token, create_key("Calm", "content").token
    answers = [get(api, "/api/content/sections", busy) for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert int(answers[-1]["Retry-After"]) >= 1 and answers[0]["RateLimit-Remaining"] == "2"
    assert get(api, "/api/content/sections", calm).status_code == 200


def test_keys_are_kept_hashed(story):
    from newsreel.api.models import ApiKey

    made = create_key("Hashed", "content")
    row = ApiKey.objects.get(pk=made.key.pk)
    assert made.token.split("_", 3)[3] not in (row.secret_hash, row.public_id, row.name)


def test_the_openapi_description_is_3_1_and_the_docs_page_serves_it(api):
    description = api.get("/api/openapi.json").json()
    assert description["openapi"].startswith("3.1")
    assert {"/api/content/stories", "/api/admin/stories", "/api/admin/images"} <= set(description["paths"])
    page = api.get("/api/docs")
    assert page.status_code == 200 and b"/api/openapi.json" in page.content


def test_an_address_under_api_that_names_no_operation_answers_json_404(api, content_key):
    response = api.get(f"/api/content/nothing-here?key={content_key}")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    assert "no API operation at '/api/content/nothing-here'" in response.json()["errors"][0]["message"]
    assert api.get("/api/").status_code == 404 and api.get("/api/").json()["errors"]


def test_a_bad_key_in_the_address_is_told_apart_from_the_content_key(api, content_key):
    response = api.get(f"/api/content/people/%F0%9F%8E%AC?key={content_key}")
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"].startswith("in the address: ")


def _cursor(raw: bytes) -> str:
    import base64

    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


@pytest.mark.parametrize("path, raw", [
    ("/api/content/stories", b'["2026-02-30T00:00:00+00:00", 1]'),  # no such day: parse_datetime's ValueError
    ("/api/content/stories", b'["2026-01-01T00:00:00+25:00", 1]'),  # an offset past a day
    ("/api/content/stories", b'["2026-01-01T00:00:00", 1]'),  # no offset: ours always have one
    ("/api/content/stories", b'["2026-01-01T00:00:00+00:00", 100000000000000000000000000000]'),
    ("/api/content/quotes", b"[-5]"),
    ("/api/content/films", b'["\\ud800"]'),  # a lone surrogate: UnicodeEncodeError in the database driver
    ("/api/content/tags", b'["a\\u0000"]'),  # NUL: PostgreSQL refuses it in a query
])
def test_a_tampered_cursor_is_a_json_error_naming_the_cursor_never_a_500(api, story, content_key, path, raw):
    """Red-team pass of 2026-12-07: the first, second and sixth answered 500 with the HTML error page."""
    from django.test import Client

    answer = Client(raise_request_exception=False).get(path, {"key": content_key, "cursor": _cursor(raw)})
    assert answer.status_code == 422, answer.content
    assert answer.json()["errors"] == [{"field": "cursor", "message": "is not a cursor this API gave out; pass "
                                        "next_cursor from the previous page as it was"}]
