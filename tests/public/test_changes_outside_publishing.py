"""Stored pages follow changes to what they show, once the change commits."""

from __future__ import annotations

import pytest

from newsreel.newsroom.models import Author, Section
from tests.public.conftest import PLAIN_BODY
from newsreel.public.models import SiteSettings, StoredPage

pytestmark = pytest.mark.django_db


def stored(path: str) -> str:
    return bytes(StoredPage.objects.get(path=path).body).decode()


def test_a_new_distributor_reaches_the_article_pages_that_name_the_film(
    make_article, publish, graph, site, django_capture_on_commit_callbacks
):
    publish(make_article(slug="harbor-story"))
    film_page = "/films/harbor-lights-2025/"
    assert "from Kestrel Films" in stored("/articles/harbor-story/")
    with django_capture_on_commit_callbacks(execute=True):
        graph.harbor.distributor = "Seaglass Releasing"
        graph.harbor.save()
    assert "Now playing in theaters from Seaglass Releasing" in stored("/articles/harbor-story/")
    assert not StoredPage.objects.filter(path=film_page).exists()  # refilled on its next request


def test_a_film_change_renders_the_stories_that_name_it_again_not_the_whole_site(
    make_article, publish, graph, site, django_capture_on_commit_callbacks, monkeypatch
):
    from newsreel.public import refresh

    publish(make_article(slug="harbor-story"))
    publish(make_article(slug="pier-story", body=PLAIN_BODY))
    rendered = []
    monkeypatch.setattr(refresh, "refresh_everything", lambda: pytest.fail("a film change re-rendered the whole site"))
    monkeypatch.setattr(refresh, "refresh_article", lambda article, render=refresh.refresh_article: (
        rendered.append(article.slug), render(article))[1])
    with django_capture_on_commit_callbacks(execute=True):
        graph.harbor.distributor = "Seaglass Releasing"
        graph.harbor.save()
    assert rendered == ["harbor-story"]


def test_a_renamed_person_is_renamed_in_the_stories_that_name_them(
    make_article, publish, graph, site, django_capture_on_commit_callbacks
):
    publish(make_article(slug="varga-story"))
    with django_capture_on_commit_callbacks(execute=True):
        graph.ada.name = "Ada Varga-Lind"
        graph.ada.save()
    assert '<a href="/people/ada-varga/">Ada Varga-Lind</a>' in stored("/articles/varga-story/")


def test_a_renamed_author_is_renamed_in_their_bylines(make_article, publish, site, django_capture_on_commit_callbacks):
    publish(make_article(slug="bylined"))
    with django_capture_on_commit_callbacks(execute=True):
        author = Author.objects.get(slug="nadia-ferro")
        author.name = "Nadia Ferro-Quist"
        author.save()
    assert ">Nadia Ferro-Quist</a>" in stored("/articles/bylined/")


def test_a_new_tagline_or_section_reaches_every_stored_page(make_article, publish, site, django_capture_on_commit_callbacks):
    publish(make_article(slug="tagline-story"))
    with django_capture_on_commit_callbacks(execute=True):
        settings = SiteSettings.current()
        settings.tagline = "A tagline written later"
        settings.save()
    assert "A tagline written later" in stored("/articles/tagline-story/")
    assert "A tagline written later" in stored("/")
    with django_capture_on_commit_callbacks(execute=True):
        Section.objects.create(slug="festivals", name="Festivals", order=9)
    assert '<a href="/sections/festivals/">Festivals</a>' in stored("/articles/tagline-story/")


def test_a_withdrawn_story_keeps_answering_410_after_a_full_rebuild(
    make_article, publish, unpublish, site, django_capture_on_commit_callbacks, client
):
    unpublish(publish(make_article(slug="gone-story")))
    with django_capture_on_commit_callbacks(execute=True):
        Section.objects.create(slug="essays", name="Essays", order=8)
    response = client.get("/articles/gone-story/")
    assert response.status_code == 410 and b"/sections/essays/" in response.content


def test_render_pages_renders_everything_again(make_article, publish, site):
    from io import StringIO

    from django.core.management import call_command

    publish(make_article(slug="rerendered"))
    StoredPage.objects.filter(path="/articles/rerendered/").update(body=b"stale", etag='"stale"')
    out = StringIO()
    call_command("render_pages", stdout=out)
    assert "Rendered 2 pages" in out.getvalue()
    assert stored("/articles/rerendered/").startswith("<!doctype html>")
