"""Every public response carries an ETag, Last-Modified and a Cache-Control fit for a CDN."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from newsreel.newsroom.models import Author
from newsreel.public.caching import SHORT_CACHE_CONTROL
from newsreel.public.store import CACHE_CONTROL, store_page, store_redirect

pytestmark = pytest.mark.django_db


def assert_cacheable(response, cache_control: str = CACHE_CONTROL) -> None:
    assert response.headers["Cache-Control"] == cache_control
    assert response.headers["ETag"].startswith('"')
    assert response.headers["Last-Modified"].endswith(" GMT")


def assert_revalidates(client, path: str, response) -> None:
    again = client.get(path, HTTP_IF_NONE_MATCH=response.headers["ETag"])
    assert again.status_code == 304
    assert again.headers["ETag"] == response.headers["ETag"]


def test_stored_pages_may_be_kept_by_a_cdn_and_served_stale_while_it_refetches(client):
    store_page("/articles/kept/", b"<!doctype html><title>Kept</title>", "article")
    response = client.get("/articles/kept/")
    assert response.status_code == 200
    assert_cacheable(response)
    assert "s-maxage=" in CACHE_CONTROL and "stale-while-revalidate=" in CACHE_CONTROL and "public" in CACHE_CONTROL
    assert_revalidates(client, "/articles/kept/", response)


def test_a_lazily_filled_page_has_the_same_headers_from_its_first_request(client):
    Author.objects.create(name="Ada Varga", slug="ada-varga")
    response = client.get("/authors/ada-varga/")
    assert response.status_code == 200
    assert_cacheable(response)
    assert_revalidates(client, "/authors/ada-varga/", response)


def test_search_results_are_kept_briefly_and_revalidate(client):
    response = client.get("/search/", {"q": "harbor"})
    assert response.status_code == 200
    assert "public" in response.headers["Cache-Control"] and "s-maxage=" in response.headers["Cache-Control"]
    assert response.headers["ETag"] and response.headers["Last-Modified"].endswith(" GMT")
    again = client.get("/search/", {"q": "harbor"}, HTTP_IF_NONE_MATCH=response.headers["ETag"])
    assert again.status_code == 304


def test_a_404_is_kept_only_a_short_while(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "max-age=60" in response.headers["Cache-Control"] and "public" in response.headers["Cache-Control"]
    assert response.headers["ETag"] and response.headers["Last-Modified"]


def test_a_410_and_a_301_from_the_store_carry_validators(client):
    store_page("/articles/withdrawn/", b"<!doctype html><title>Gone</title>", "gone", status=410)
    store_redirect("/articles/old-name/", "/articles/new-name/")
    gone = client.get("/articles/withdrawn/")
    moved = client.get("/articles/old-name/")
    assert (gone.status_code, moved.status_code) == (410, 301)
    assert_cacheable(gone)
    assert_cacheable(moved)


def test_robots_txt_carries_validators(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert_cacheable(response)


def test_media_files_are_immutable_for_a_year_and_revalidate(client):
    folder = Path(settings.MEDIA_ROOT) / "cache-test"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "still.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    response = client.get("/media/cache-test/still.jpg")
    assert response.status_code == 200
    assert_cacheable(response, "public, max-age=31536000, immutable")
    assert_revalidates(client, "/media/cache-test/still.jpg", response)


def test_static_files_carry_validators_and_a_cache_lifetime(client):
    response = client.get("/static/public/site.css")
    assert response.status_code == 200
    assert "max-age=" in response.headers["Cache-Control"]
    assert response.headers["Last-Modified"] and response.headers["ETag"]


def test_an_unknown_host_is_never_cached(client):
    response = client.get("/articles/anything/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response.headers["Cache-Control"] == "no-store"


def test_the_desk_gets_no_public_cache_headers(client):
    response = client.get("/desk/login/")
    assert "public" not in response.headers.get("Cache-Control", "")


def test_a_missing_page_is_short_lived_not_permanent():
    assert "s-maxage=60" in SHORT_CACHE_CONTROL and "immutable" not in SHORT_CACHE_CONTROL
