"""Stored pages are served as bytes with validators, and revalidation costs a 304."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils.http import http_date

from newsreel.public.models import StoredPage
from newsreel.public.store import CACHE_CONTROL, delete_page, etag_for, store_page, store_redirect

pytestmark = pytest.mark.django_db

BODY = b"<!doctype html><title>Stored</title><p>Hello</p>"
WHEN = dt.datetime(2026, 3, 2, 9, 30, 15, 123456, tzinfo=dt.timezone.utc)


@pytest.fixture
def home_page(db):
    # "/" is the home page; storing it first means no lazy render happens on the request.
    return store_page("/", BODY, "home", last_modified=WHEN)


def test_the_etag_is_strong_and_derived_from_the_bytes():
    assert etag_for(BODY) == etag_for(bytes(BODY))
    assert etag_for(BODY) != etag_for(BODY + b" ")
    assert etag_for(BODY).startswith('"') and not etag_for(BODY).startswith("W/")


def test_storing_the_same_bytes_again_keeps_the_row_and_its_last_modified(home_page):
    again = store_page("/", BODY, "home", last_modified=WHEN + dt.timedelta(days=3))
    assert again.last_modified == WHEN.replace(microsecond=0)
    assert StoredPage.objects.count() == 1


def test_storing_changed_bytes_updates_the_etag_and_last_modified(home_page):
    later = WHEN + dt.timedelta(days=3)
    changed = store_page("/", BODY + b"<p>More</p>", "home", last_modified=later)
    assert changed.etag == etag_for(BODY + b"<p>More</p>") != home_page.etag
    assert StoredPage.objects.get(path="/").last_modified == later.replace(microsecond=0)


def test_a_stored_page_is_served_with_etag_last_modified_and_cdn_cache_control(client, home_page):
    response = client.get("/")
    assert response.status_code == 200
    assert response.content == BODY
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["ETag"] == etag_for(BODY)
    assert response["Last-Modified"] == http_date(WHEN.replace(microsecond=0).timestamp())
    assert response["Cache-Control"] == CACHE_CONTROL == "public, max-age=0, s-maxage=300, stale-while-revalidate=86400"


def test_if_none_match_with_the_current_etag_answers_304_without_a_body(client, home_page):
    response = client.get("/", HTTP_IF_NONE_MATCH=home_page.etag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == home_page.etag


def test_if_none_match_accepts_lists_weak_forms_and_star(client, home_page):
    assert client.get("/", HTTP_IF_NONE_MATCH=f'"other", W/{home_page.etag}').status_code == 304
    assert client.get("/", HTTP_IF_NONE_MATCH="*").status_code == 304
    assert client.get("/", HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_if_modified_since_answers_304_unless_the_page_is_newer(client, home_page):
    assert client.get("/", HTTP_IF_MODIFIED_SINCE=http_date(WHEN.timestamp())).status_code == 304
    earlier = http_date((WHEN - dt.timedelta(seconds=1)).timestamp())
    assert client.get("/", HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200
    assert client.get("/", HTTP_IF_MODIFIED_SINCE="not a date").status_code == 200


def test_if_none_match_takes_precedence_over_if_modified_since(client, home_page):
    response = client.get("/", HTTP_IF_NONE_MATCH='"stale"', HTTP_IF_MODIFIED_SINCE=http_date(WHEN.timestamp()))
    assert response.status_code == 200


def test_head_answers_the_headers_of_get_without_the_body(client, home_page):
    response = client.head("/")
    assert response.status_code == 200
    assert response.content == b""
    assert response["Content-Length"] == str(len(BODY))
    assert response["ETag"] == home_page.etag


def test_other_methods_are_not_allowed(client, home_page):
    response = client.post("/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_a_page_view_is_one_query(client, home_page, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get("/")


def test_a_stored_redirect_answers_301_with_location(client):
    store_redirect("/articles/old-slug/", "/articles/new-slug/")
    response = client.get("/articles/old-slug/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/new-slug/"


def test_deleting_a_page_removes_it(home_page):
    assert delete_page("/") is True
    assert delete_page("/") is False


def test_a_page_another_writer_dropped_after_it_was_read_is_stored_anew(monkeypatch):
    """PostgreSQL lets two publishes interleave: one may drop a tag page between the other's
    read of it and its write (the soak met it: the publish failed, 'update did not affect any rows')."""
    from newsreel.public import store

    store_page("/tags/soak/", BODY, "tag", last_modified=WHEN)
    original = store._write_page

    def after_the_other_writers_drop(path, page, values):
        StoredPage.objects.filter(path=path).delete()  # committed by the other writer meanwhile
        return original(path, page, values)
    monkeypatch.setattr(store, "_write_page", after_the_other_writers_drop)
    store_page("/tags/soak/", BODY + b"<p>one more story</p>", "tag")
    assert bytes(StoredPage.objects.get(path="/tags/soak/").body) == BODY + b"<p>one more story</p>"
