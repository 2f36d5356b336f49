"""Publishing re-renders exactly the stored pages a change touches; unpublishing leaves 410."""

from __future__ import annotations

import pytest

from newsreel.newsroom.models import Section
from newsreel.public.models import StoredPage
from tests.public.conftest import PLAIN_BODY, T0, story_body

pytestmark = pytest.mark.django_db


def stored(path: str) -> str:
    return bytes(StoredPage.objects.get(path=path).body).decode()


def test_publishing_stores_the_article_page_before_any_request(make_article, publish, site):
    publish(make_article(slug="first"))
    page = StoredPage.objects.get(path="/articles/first/")
    assert page.kind == "article" and page.status == 200


def test_publishing_a_second_article_gives_the_first_its_next_link(client, make_article, publish, site):
    first = publish(make_article("The first story", slug="first"))
    assert 'rel="next"' not in stored("/articles/first/")
    publish(make_article("The second story", slug="second"))
    first_page = client.get("/articles/first/").content.decode()
    assert '<a class="pager-link pager-next" href="/articles/second/" rel="next">' in first_page
    assert "The second story" in first_page
    second_page = client.get("/articles/second/").content.decode()
    assert f'href="{first.get_absolute_url()}" rel="prev"' in second_page


def test_a_backdated_article_is_linked_from_both_neighbours(make_article, publish, site):
    from datetime import timedelta

    publish(make_article(slug="monday"), at=T0)
    publish(make_article(slug="wednesday"), at=T0 + timedelta(days=2))
    publish(make_article(slug="tuesday"), at=T0 + timedelta(days=1))
    assert 'href="/articles/tuesday/" rel="next"' in stored("/articles/monday/")
    assert 'href="/articles/tuesday/" rel="prev"' in stored("/articles/wednesday/")


def test_publishing_renders_home_and_section_and_drops_author_film_and_person_pages(
        client, make_article, publish, site, graph):
    publish(make_article("Old news", slug="old"))
    for path in ("/authors/nadia-ferro/", "/films/harbor-lights-2025/", "/people/ada-varga/"):
        assert "Old news" in client.get(path).content.decode(), path
    publish(make_article("Fresh news", slug="fresh"))
    for path in ("/", "/sections/news/"):
        assert "Fresh news" in stored(path), path
    for path in ("/authors/nadia-ferro/", "/films/harbor-lights-2025/", "/people/ada-varga/"):
        assert not StoredPage.objects.filter(path=path).exists(), path  # never served without the new story
        assert "Fresh news" in client.get(path).content.decode(), path


def test_publishing_everything_refreshes_home_section_author_film_and_person_pages(
        make_article, publish, site, graph, settings):
    settings.PUBLISH_RENDERS = "everything"
    publish(make_article("Old news", slug="old"))
    publish(make_article("Fresh news", slug="fresh"))
    for path in ("/", "/sections/news/", "/authors/nadia-ferro/", "/films/harbor-lights-2025/", "/people/ada-varga/"):
        assert "Fresh news" in stored(path), path


def test_pages_the_article_does_not_touch_are_not_rendered(make_article, publish, site, graph):
    publish(make_article(slug="only"))
    assert not StoredPage.objects.filter(path__in=["/films/paper-orchard-2023/", "/people/mira-sol/",
                                                   "/sections/reviews/"]).exists()


def test_moving_an_article_to_another_section_updates_both_section_pages(make_article, publish, site):
    article = publish(make_article("Moving story", slug="moving"))
    assert "Moving story" in stored("/sections/news/")
    publish(article, section=Section.objects.get(slug="reviews"), film="harbor-lights-2025")  # a review names its film
    assert "Moving story" not in stored("/sections/news/")
    assert "Moving story" in stored("/sections/reviews/")


@pytest.mark.parametrize("renders", ["front", "everything"])
def test_a_film_no_longer_mentioned_loses_the_story_from_its_coverage(
        client, make_article, publish, site, graph, settings, renders):
    settings.PUBLISH_RENDERS = renders
    body = story_body("Ada Varga has finished *Harbor Lights*; Tomas Ilic, last seen in *The Paper Orchard*, plays Jonah.")
    article = publish(make_article("Two films", slug="two-films", body=body))
    assert "Two films" in client.get("/films/paper-orchard-2023/").content.decode()
    publish(article, body=story_body())  # the edit no longer names The Paper Orchard
    assert "Two films" not in client.get("/films/paper-orchard-2023/").content.decode()


def test_an_unchanged_neighbour_keeps_its_etag_and_last_modified(make_article, publish, site, settings):
    settings.PUBLISH_RENDERS = "everything"  # by default a's page may be dropped as a related story
    publish(make_article(slug="a"))
    publish(make_article(slug="b"))
    before = StoredPage.objects.get(path="/articles/a/")
    publish(make_article(slug="c", body=PLAIN_BODY, tags=[]))  # a's neighbours and related stories are unchanged: its bytes are the same
    after = StoredPage.objects.get(path="/articles/a/")
    assert (after.etag, after.last_modified) == (before.etag, before.last_modified)


def test_unpublishing_answers_410_gone_and_relinks_the_neighbours(client, make_article, publish, unpublish, site):
    publish(make_article("One", slug="one"))
    middle = publish(make_article("Two", slug="two"))
    publish(make_article("Three", slug="three"))
    unpublish(middle)
    response = client.get("/articles/two/")
    assert response.status_code == 410
    assert b"no longer available" in response.content and b"Two</" not in response.content
    assert 'href="/articles/three/" rel="next"' in stored("/articles/one/")
    assert 'href="/articles/one/" rel="prev"' in stored("/articles/three/")
    assert "/articles/two/" not in stored("/")


def test_republishing_a_withdrawn_article_replaces_the_410(client, make_article, publish, unpublish, site):
    article = publish(make_article(slug="back-again"))
    unpublish(article)
    publish(article)
    assert client.get("/articles/back-again/").status_code == 200


def test_a_changed_slug_redirects_the_old_url_permanently(client, make_article, publish, site):
    article = publish(make_article(slug="first-slug"))
    publish(article, slug="better-slug")
    response = client.get("/articles/first-slug/")
    assert response.status_code == 301 and response["Location"] == "/articles/better-slug/"
    assert client.get("/articles/better-slug/").status_code == 200
