"""A reader whose request renders a dropped page gets it, even when it cannot be stored."""

from __future__ import annotations

import pytest
from django.db import OperationalError

from newsreel.public import store
from newsreel.public.models import StoredPage


@pytest.fixture
def busy_database(monkeypatch):
    """Every attempt to store a page fails as it does while another writer holds the lock."""
    def refuse(*args, **kwargs):
        raise OperationalError("database is locked")
    monkeypatch.setattr(store, "_write_page", refuse)


@pytest.mark.parametrize("path, expected", [
    ("/", b"The Projection Booth"),
    ("/sections/news/", b"The Projection Booth"),
    ("/feed.xml", b"<rss"),
    ("/sitemap.xml", b"<sitemapindex"),
    ("/robots.txt", b"Sitemap:"),
])
def test_a_page_that_cannot_be_stored_is_still_served_whole(client, site, news, busy_database, path, expected):
    StoredPage.objects.filter(path=path).delete()  # dropped by a publish
    response = client.get(path)
    assert response.status_code == 200
    assert expected in response.content
    assert response["ETag"] == store.etag_for(response.content)
    assert not StoredPage.objects.filter(path=path).exists()  # the next request renders it again


def test_the_unstored_page_answers_conditional_requests_like_a_stored_one(client, site, news, busy_database):
    StoredPage.objects.filter(path="/").delete()
    first = client.get("/")
    again = client.get("/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_page_that_can_be_stored_is_stored_by_the_reader_who_asked_for_it(client, site, news):
    StoredPage.objects.filter(path="/sections/news/").delete()
    response = client.get("/sections/news/")
    assert response.status_code == 200
    assert bytes(StoredPage.objects.get(path="/sections/news/").body) == response.content
