"""HTTP methods under /api/: HEAD is answered as GET is, without the body; a method an address
does not take answers 405 as JSON in the API's error shape, with an Allow header.

Red-team pass of 2026-12-08: HEAD on every Content API operation answered 405 with
django-ninja's HTML ("Method not allowed"), and PUT, TRACE or POST on the Content API and
OPTIONS on the Admin API answered an empty text/html 405.
"""

from __future__ import annotations

import pytest

from tests.public.test_fastpath import call, django_app  # noqa: F401  (fixture)

from .conftest import bearer

pytestmark = pytest.mark.django_db

# What a client or a CDN reads from a HEAD to decide whether to GET (the rate-limit count moves on).
SAME_AS_GET = ("content-type", "content-length", "etag", "last-modified", "cache-control", "vary",
               "access-control-allow-origin")


@pytest.mark.parametrize("path", ["/api/content/stories", "/api/content/stories/{slug}", "/api/content/films",
                                  "/api/content/search?q=feature"])
def test_head_on_the_content_api_answers_the_headers_get_answers_and_no_body(django_app, story, content_key,  # noqa: F811
                                                                             path):
    path, _, query = path.format(slug=story.slug).partition("?")
    query = "&".join(filter(None, [query, f"key={content_key}"]))
    origin = {"HTTP_ORIGIN": "https://widget.example"}
    got_status, got, got_body = call(django_app, path, "GET", QUERY_STRING=query, **origin)
    head_status, head, head_body = call(django_app, path, "HEAD", QUERY_STRING=query, **origin)
    assert (head_status, got_status) == ("200 OK", "200 OK"), head_body
    assert head_body == b"" and got_body
    assert {name: head.get(name) for name in SAME_AS_GET} == {name: got.get(name) for name in SAME_AS_GET}
    assert head["etag"] and head["content-type"].startswith("application/json")


def test_head_with_the_etag_get_gave_answers_304(django_app, story, content_key):  # noqa: F811
    query = f"key={content_key}"
    _, got, _ = call(django_app, "/api/content/stories", "GET", QUERY_STRING=query)
    status, _, body = call(django_app, "/api/content/stories", "HEAD", QUERY_STRING=query,
                           HTTP_IF_NONE_MATCH=got["etag"])
    assert status.startswith("304") and body == b""


def test_head_on_the_admin_api_answers_as_get_does_and_stays_private(api, graph, editor_key, story):
    answer = api.head(f"/api/admin/stories/{story.pk}", **bearer(editor_key))
    assert answer.status_code == 200 and answer.content == b""
    assert answer["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("method, path, allowed", [
    ("PUT", "/api/content/stories", "GET, HEAD, OPTIONS"),
    ("TRACE", "/api/content/stories", "GET, HEAD, OPTIONS"),
    ("POST", "/api/content/stories/{slug}", "GET, HEAD, OPTIONS"),
    ("DELETE", "/api/content/films", "GET, HEAD, OPTIONS"),
    ("OPTIONS", "/api/admin/stories", "GET, HEAD, POST, PATCH"),
    ("PUT", "/api/admin/stories/{id}", "GET, HEAD, POST, PATCH"),
    ("POST", "/api/openapi.json", "GET, HEAD"),
    # the Admin API takes the method, but not at this address (django-ninja's own answer)
    ("GET", "/api/admin/stories/{id}/publish", "POST"),
    ("HEAD", "/api/admin/stories/{id}/publish", "POST"),
    ("PATCH", "/api/admin/images", "POST"),
    ("POST", "/api/admin/stories/{id}", "GET, HEAD, PATCH"),
])
def test_a_method_an_address_does_not_take_answers_405_as_json_with_allow(django_app, story, content_key,  # noqa: F811
                                                                          editor_key, method, path, allowed):
    path = path.format(slug=story.slug, id=story.pk)
    status, headers, body = call(django_app, path, method, QUERY_STRING=f"key={content_key}",
                                 HTTP_AUTHORIZATION=f"Bearer {editor_key}")
    assert status.startswith("405"), (status, body)
    assert headers["allow"] == allowed
    if method == "HEAD":
        assert body == b""
        return
    import json

    assert headers["content-type"].startswith("application/json")
    assert json.loads(body) == {"errors": [{"field": None, "message": f"{method} is not a method {path} takes; "
                                            f"it takes {allowed}"}]}
