"""Requests written to break the site get a 4xx answer, through Django and through the fast path."""

from __future__ import annotations

import pytest

from newsreel.public.store import store_page

from .test_fastpath import call, django_app, fast  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

ARTICLE = "/articles/harbor-lights-review/"
METHODS = ["FOO", "PROPFIND", "DELETE", "PUT", "PATCH", "OPTIONS", "TRACE", "CONNECT"]


@pytest.fixture
def stored(db):
    store_page(ARTICLE, b"<!doctype html><title>Harbor Lights</title>", "article")
    store_page("/", b"<!doctype html><title>Home</title>", "home")


@pytest.mark.parametrize("when", ["9999-12-31", "9999-01-01"])
@pytest.mark.parametrize("param", ["to", "from"])
def test_a_search_date_past_the_last_searchable_day_answers_400(client, param, when):
    response = client.get("/search/", {param: when, "q": "harbor"})
    assert response.status_code == 400
    assert "is out of range" in response.content.decode()
    assert response["Cache-Control"] == "no-store"


def test_the_last_searchable_day_still_answers(client):
    assert client.get("/search/", {"to": "9998-12-31"}).status_code == 200


@pytest.mark.parametrize("param", ["film", "person"])
def test_a_nul_in_a_search_filter_is_set_aside(client, param):
    response = client.get("/search/", {param: "harbor\x00"})
    assert response.status_code == 200 and "no such" in response.content.decode()


@pytest.mark.parametrize("method", METHODS)
@pytest.mark.parametrize("path", ["/", ARTICLE, "/feed.xml", "/search/", "/sitemap.xml", "/robots.txt"])
def test_unknown_methods_on_public_pages_answer_405_through_the_fast_path(fast, stored, path, method):  # noqa: F811
    status, headers, _ = call(fast, path, method)
    assert status.startswith("405")
    assert headers["allow"] == "GET, HEAD"


@pytest.mark.parametrize("method", ["FOO", "PUT", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("path", ["/desk/", "/desk/login/"])
def test_the_desk_takes_get_and_post_only(fast, path, method):  # noqa: F811
    status, headers, _ = call(fast, path, method)
    assert status.startswith("405") and headers["allow"] == "GET, HEAD, POST"
