"""Imported stories keep their source's id, and a re-import finds them by it, not by slug.

A post renamed at the source updates its story (its old address redirects); two different
posts never become one story; WordPress's own `/?p=ID` links answer 301 with the story.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.newsroom.models import Article, Section, SourceId
from newsreel.public.fastpath import StoredPageFastPath
from tests.importers import ghost_samples
from tests.importers.wxr_samples import Post, wxr

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, CommandError | None]:
    err = StringIO()
    try:
        call_command("import", *map(str, args), stdout=StringIO(), stderr=err, verbosity=2)
    except CommandError as error:
        return err.getvalue(), error
    return err.getvalue(), None


def post(post_id: int, title: str, slug: str) -> Post:
    return Post(post_id, title, slug, f"<p>{title} at an invented harbour festival.</p>",
                date=dt.datetime(2024, 3, 15, 9, post_id % 60))


@pytest.fixture(autouse=True)
def news(db):
    Section.objects.get_or_create(slug="news", defaults={"name": "News"})


def test_a_wordpress_post_renamed_at_the_source_updates_its_story_and_the_old_address_redirects(tmp_path, client):
    export = tmp_path / "export.xml"
    export.write_text(wxr([post(12, "Harbour lights", "harbour-lights")]), encoding="utf-8")
    assert run("wordpress", export)[1] is None
    story = Article.objects.get()
    assert SourceId.objects.get(article=story).wordpress_post_id == 12
    export.write_text(wxr([post(12, "Harbour lights, revised", "harbour-lights-revised")]), encoding="utf-8")
    assert run("wordpress", export)[1] is None
    assert Article.objects.count() == 1
    story.refresh_from_db()
    assert (story.slug, story.headline) == ("harbour-lights-revised", "Harbour lights, revised")
    moved = client.get("/articles/harbour-lights/")
    assert moved.status_code == 301 and moved["Location"].endswith("/articles/harbour-lights-revised/")


def test_another_post_with_an_imported_posts_slug_is_refused_not_merged(tmp_path):
    export = tmp_path / "export.xml"
    export.write_text(wxr([post(12, "Harbour lights", "harbour-lights")]), encoding="utf-8")
    run("wordpress", export)
    export.write_text(wxr([post(40, "A different story", "harbour-lights")]), encoding="utf-8")
    err, error = run("wordpress", export)
    assert error is not None
    assert "slug: 'harbour-lights' is already the slug of another imported wordpress story" in err
    assert Article.objects.get().headline == "Harbour lights"


def test_the_same_post_id_from_two_sites_is_two_stories(tmp_path):
    first, second = tmp_path / "one.xml", tmp_path / "two.xml"
    first.write_text(wxr([post(12, "Harbour lights", "harbour-lights")], site="https://one.example"), encoding="utf-8")
    second.write_text(wxr([post(12, "Kelby dunes", "kelby-dunes")], site="https://two.example"), encoding="utf-8")
    run("wordpress", first)
    run("wordpress", second)
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["harbour-lights", "kelby-dunes"]
    assert sorted(SourceId.objects.values_list("external_id", flat=True)) == ["one.example#12", "two.example#12"]


def test_wordpress_p_links_answer_301_with_the_story(tmp_path, client):
    export = tmp_path / "export.xml"
    export.write_text(wxr([post(12, "Harbour lights", "harbour-lights")]), encoding="utf-8")
    run("wordpress", export)
    for query in ("p=12", "page_id=12", "utm_source=mail&p=12"):
        answer = client.get(f"/?{query}")
        assert answer.status_code == 301 and answer["Location"] == "/articles/harbour-lights/", query
    assert client.get("/?p=99").status_code == 200  # no such post: the home page
    assert client.get("/?p=12x").status_code == 200


def test_the_fast_path_hands_p_links_to_django():
    handed = []
    fast = StoredPageFastPath(lambda environ, start: handed.append(environ["QUERY_STRING"]) or [b""])
    environ = {"REQUEST_METHOD": "GET", "PATH_INFO": "/", "QUERY_STRING": "p=12", "SERVER_NAME": "testserver",
               "SERVER_PORT": "80", "wsgi.url_scheme": "http", "wsgi.input": io.BytesIO(), "HTTP_HOST": "testserver"}
    assert fast.answer(environ, lambda *a: None, False) is None


def test_a_ghost_post_renamed_at_the_source_updates_its_story(tmp_path):
    path = tmp_path / "ghost.json"
    body = {"html": "<p>Words from an invented festival.</p>"}
    path.write_text(ghost_samples.export([ghost_samples.post(1, "Dune diary", "dune-diary", **body)]), encoding="utf-8")
    assert run("ghost", path)[1] is None
    path.write_text(ghost_samples.export([ghost_samples.post(1, "Dune diary", "dune-diary-day-one", **body)]), encoding="utf-8")
    assert run("ghost", path)[1] is None
    assert list(Article.objects.values_list("slug", flat=True)) == ["dune-diary-day-one"]
    assert SourceId.objects.get().external_id == "65f000000000000000000001"


def test_a_static_site_file_keeps_its_story_when_its_slug_changes(tmp_path):
    site = tmp_path / "content" / "posts"
    site.mkdir(parents=True)
    page = site / "harbour.md"
    page.write_text("---\ntitle: Harbour lights\nslug: harbour-lights\n---\n\nWords from an invented festival.\n", encoding="utf-8")
    assert run("markdown", tmp_path / "content")[1] is None
    page.write_text("---\ntitle: Harbour lights\nslug: harbour-lights-at-dusk\n---\n\nWords, revised.\n", encoding="utf-8")
    assert run("markdown", tmp_path / "content")[1] is None
    assert list(Article.objects.values_list("slug", flat=True)) == ["harbour-lights-at-dusk"]
    assert SourceId.objects.get().external_id == "posts/harbour.md"
