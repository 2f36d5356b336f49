"""Cache tags: every stored page and Content API answer names what a CDN may purge it by,
and a purge by tags clears the pages a publish changed and the API answers built from them."""

from __future__ import annotations

import dataclasses
import json

import pytest

from newsreel.api.keys import create_key
from newsreel.config import load_config
from newsreel.public import cache_tags, cdn_purge
from newsreel.public.fastpath import StoredPageFastPath
from tests.public.test_cdn_purge import SITE, PurgeAPI, publish_story

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("path", "tags"), [
    ("/", ["nr", "nr-home"]),
    ("/articles/harbor-lights-ending/", ["nr", "nr-story-harbor-lights-ending"]),
    ("/films/harbor-lights-2025/coverage/page/2/", ["nr", "nr-film-harbor-lights-2025"]),
    ("/tags/festival/", ["nr", "nr-tag-festival"]),
    ("/feed.xml", ["nr"]),
    ("/api/content/stories", ["nr", "nr-api-stories"]),
    ("/api/content/stories/harbor-lights-ending", ["nr", "nr-api-stories", "nr-api-story-harbor-lights-ending"]),
    ("/api/content/search", ["nr", "nr-api-stories"]),
    ("/api/content/people/ada-varga", ["nr", "nr-api-people", "nr-api-person-ada-varga"]),
])
def test_tags_come_from_the_address(path, tags):
    assert cache_tags.tags_for(path) == tags


def test_a_story_change_purges_its_pages_and_every_story_answer_of_the_api():
    tags = cache_tags.purge_tags(["/articles/a-story/", "/", "/films/harbor-lights-2025/"])
    assert tags == sorted({"nr-story-a-story", "nr-home", "nr-film-harbor-lights-2025", "nr-api-stories",
                           "nr-api-story-a-story", "nr-api-films", "nr-api-film-harbor-lights-2025"})
    assert "nr" not in tags


def test_stored_pages_carry_the_tags_in_both_headers_from_django_and_the_fast_path(graph, news, client):
    publish_story("The harbour cinema reopens")
    path = "/articles/the-harbour-cinema-reopens/"
    answer = client.get(path)
    assert answer["Cache-Tag"] == "nr,nr-story-the-harbour-cinema-reopens"
    assert answer["Surrogate-Key"] == "nr nr-story-the-harbour-cinema-reopens"
    seen = {}
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": path, "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000",
               "HTTP_HOST": "127.0.0.1", "wsgi.url_scheme": "http"}
    fast = StoredPageFastPath(lambda environ, start: pytest.fail("the fast path should answer"))
    fast(environ, lambda status, headers: seen.update(headers))
    assert seen["Cache-Tag"] == answer["Cache-Tag"] and seen["Surrogate-Key"] == answer["Surrogate-Key"]


def test_content_api_answers_carry_tags(graph, news, client):
    publish_story("The harbour cinema reopens")
    key = create_key("Tags", "content").token
    answer = client.get("/api/content/stories/the-harbour-cinema-reopens", {"key": key})
    assert answer["Surrogate-Key"] == "nr nr-api-stories nr-api-story-the-harbour-cinema-reopens"


def test_a_purge_by_tags_sends_what_the_publish_changed_in_cloudflares_shape(settings, graph, news):
    api = PurgeAPI()
    try:
        settings.CONFIG = dataclasses.replace(
            settings.CONFIG, site_url=SITE, cdn_purge_url=api.base + "/client/v4/zones/ZONE/purge_cache",
            cdn_purge_body='{"tags": {tags}}', cdn_purge_header="Authorization: Bearer spec-token")
        publish_story("The harbour cinema reopens")
        assert cdn_purge.wait(10)
        sent = set()
        for request in api.received:
            sent.update(json.loads(request["body"])["tags"])
        assert {"nr-story-the-harbour-cinema-reopens", "nr-home", "nr-api-stories",
                "nr-api-story-the-harbour-cinema-reopens"} <= sent
        assert "nr" not in sent
    finally:
        cdn_purge.wait(10)
        api.stop()


def test_a_tag_body_is_a_valid_purge_setting():
    config = load_config({"NEWSREEL_CDN_PURGE_URL": "https://api.fastly.com/service/SID/purge",
                          "NEWSREEL_CDN_PURGE_BODY": '{"surrogate_keys": {tags}}'})
    assert "{tags}" in config.cdn_purge_body
