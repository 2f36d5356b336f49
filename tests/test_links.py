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
