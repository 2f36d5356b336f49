"""Every public path comes from the URL configuration: move the URLs and every link follows."""

import pytest

from newsreel import links
from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article, Author, Section, Tag
from newsreel.public.pages.listings import month_url


@pytest.fixture
def moved(settings):
    settings.ROOT_URLCONF = "tests.moved_urls"
    links.clear_cache()
    yield
    links.clear_cache()


def test_model_pages_follow_the_url_configuration(moved):
    assert Article(slug="x").get_absolute_url() == "/news/articles/x/"
    assert Section(slug="reviews").get_absolute_url() == "/news/sections/reviews/"
    assert Tag(slug="drama").get_absolute_url() == "/news/tags/drama/"
    assert Author(slug="nadia-ferro").get_absolute_url() == "/news/authors/nadia-ferro/"
    assert Film(key="anora-2024").get_absolute_url() == "/news/films/anora-2024/"
    assert Person(key="sean-baker").get_absolute_url() == "/news/people/sean-baker/"


def test_the_text_cores_link_function_and_list_pages_follow_it_too(moved):
    assert links.href_for("film", "anora-2024") == "/news/films/anora-2024/"
    assert links.href_for("person", "sean-baker") == "/news/people/sean-baker/"
    assert month_url(2026, 3) == "/news/archive/2026/03/"
    assert links.path("tag-page", slug="drama", number=2) == "/news/tags/drama/page/2/"


def test_paths_are_the_ones_the_site_answers():
    assert links.path("article", slug="harbor-lights-review") == "/articles/harbor-lights-review/"
    assert links.path("home") == "/" and links.path("search") == "/search/"


@pytest.mark.django_db
def test_the_links_pages_write_themselves_follow_it(moved, client):
    # The search page is rendered on request, through the same base template as every page.
    html = client.get("/news/search/").content.decode()
    assert 'action="/news/search/"' in html  # the search form
    assert 'class="brand" href="/news/"' in html and 'href="/news/archive/">Archive</a>' in html
    assert 'data-film-path="/news/films/{key}/"' in html  # spoilers.js makes its film links from this
    assert 'type="application/rss+xml"' in html and 'href="/news/feed.xml"' in html  # the site's feeds
    assert '"/search/"' not in html and '"/archive/"' not in html and '"/"' not in html


@pytest.mark.django_db
def test_robots_and_the_desks_rules_follow_it(moved, client):
    robots = client.get("/news/robots.txt").content.decode()
    assert "Disallow: /newsroom-desk/" in robots and "/news/sitemap.xml" in robots
    assert links.desk_prefix() == "/newsroom-desk/"
    # The desk takes form posts (a login), the reader's site does not.
    assert client.post("/newsroom-desk/login/", {}).status_code != 405
    assert client.post("/news/search/", {}).status_code == 405
    assert client.get("/newsroom-desk/login/")["Cache-Control"] == "private, no-store"
