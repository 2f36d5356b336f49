"""The article page has every part of a film-news story, and its excerpts are spoiler-safe."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.utils.html import escape

from tests.public.conftest import SPOILER, story_body
from tests.public.pagetools import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(make_article, publish, site, graph):
    article = publish(make_article("Ada Varga on the ending of Harbor Lights", slug="varga-ending"))
    return article


def get_page(client, path):
    response = client.get(path)
    assert response.status_code == 200, response.status_code
    return response, Page(response.content)


def test_the_article_page_is_served_from_the_store_after_publishing(client, story):
    response, page = get_page(client, "/articles/varga-ending/")
    assert response["ETag"] and response["Last-Modified"]


def test_the_page_has_headline_dek_summary_and_spoiler_note(client, story):
    _, page = get_page(client, "/articles/varga-ending/")
    html = page.html
    assert re.search(r"<h1[^>]*>Ada Varga on the ending of Harbor Lights</h1>", html)
    assert '<p class="dek">A director on her winter shoot</p>' in html
    assert 'class="summary-box"' in html and escape(story.display_summary) in html
    assert 'class="editors-note"' in html and "This story includes spoilers for Harbor Lights (2025)." in html


def test_the_body_keeps_the_spoiler_panel_that_opens_without_javascript(client, story):
    _, page = get_page(client, "/articles/varga-ending/")
    assert '<details class="spoiler" data-film="harbor-lights-2025">' in page.html
    assert SPOILER in page.html  # inside the closed <details>, revealed on request
    assert re.search(r'<script src="/static/public/spoilers\.js" defer>', page.html)


def test_bylines_dates_reading_time_section_and_tags(client, story):
    _, page = get_page(client, "/articles/varga-ending/")
    html = page.html
    assert '<a href="/authors/nadia-ferro/" rel="author">Nadia Ferro</a>' in html
    assert f'<time datetime="{story.published_at.isoformat()}">' in html
    assert "1 min read" in html  # a story this short reads in a minute
    assert '<a href="/sections/news/">News</a>' in html
    assert '<a class="tag" href="/tags/drama/">Drama</a>' in html


def test_sources_are_listed_with_links(client, story):
    _, page = get_page(client, "/articles/varga-ending/")
    assert '<a href="https://gazette.example/varga" rel="noopener">Interview with the Harbor Gazette</a>' in page.html


def test_films_and_people_in_the_story_link_to_their_pages_with_release_status(client, story):
    _, page = get_page(client, "/articles/varga-ending/")
    html = page.html
    assert "Films in this story" in html and "People in this story" in html
    assert '<a href="/films/harbor-lights-2025/"><cite>Harbor Lights</cite> (2025)</a>' in html
    assert "Now playing in theaters from Kestrel Films" in html
    assert '<a href="/people/ada-varga/">Ada Varga</a>' in html


def test_a_name_mentioned_only_inside_a_spoiler_is_not_listed(client, make_article, publish, graph, site):
    publish(make_article("Cameo story", slug="cameo", body=story_body(in_spoiler=" Mira Sol plays the ghost.")))
    _, page = get_page(client, "/articles/cameo/")
    assert '<li><a href="/people/ada-varga/">Ada Varga</a></li>' in page.html  # named outside the spoiler
    assert '<li><a href="/people/mira-sol/">' not in page.html  # named only behind the spoiler panel
    assert "Mira Sol" not in page.excerpt_surfaces()


def test_the_publisher_footer_has_name_tagline_and_social_links(client, story):
    _, page = get_page(client, "/articles/varga-ending/")
    footer = page.html[page.html.index('<footer class="site-footer">'):]
    assert "The Projection Booth" in footer and "Invented film news for tests" in footer
    assert '<a href="https://social.example/@booth" rel="me noopener">Mastodon</a>' in footer


def test_the_hero_figure_has_dimensions_alt_and_a_small_credit(client, make_article, publish, site, hero_image):
    publish(make_article("With a hero", slug="with-hero", hero_image=hero_image))
    _, page = get_page(client, "/articles/with-hero/")
    assert re.search(r'<source type="image/webp" srcset="[^"]*480w[^"]*"[^>]*><img src="[^"]+-960w\.jpg" '
                     r'srcset="[^"]*480w[^"]*" sizes="[^"]+" alt="A lighthouse in snow" width="1600" height="900"',
                     page.html)
    assert '<span class="credit">Courtesy Invented Pictures</span>' in page.html
    assert page.meta["og:image"].startswith(settings.SITE_URL) and page.meta["og:image"].endswith("-16x9.jpg")
    assert len(page.json_ld[0]["image"]) == 3


def test_head_has_title_canonical_description_open_graph_and_twitter_card(client, story):
    _, page = get_page(client, "/articles/varga-ending/")
    assert page.title == "Ada Varga on the ending of Harbor Lights | The Projection Booth"
    assert page.links["canonical"] == settings.SITE_URL + "/articles/varga-ending/"
    assert page.meta["description"] == story.meta_description
    assert page.meta["og:title"] == story.headline
    assert page.meta["og:description"] == story.meta_description
    assert page.meta["og:type"] == "article"
    assert page.meta["article:published_time"] == story.published_at.isoformat()
    assert page.meta["twitter:card"] == "summary_large_image"


def test_json_ld_describes_a_news_article_with_authors_publisher_and_what_it_is_about(client, story):
    _, page = get_page(client, "/articles/varga-ending/")
    data = page.json_ld[0]
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == story.headline
    assert data["description"] == story.meta_description
    assert data["datePublished"] == story.published_at.isoformat()
    assert data["author"] == [{"@type": "Person", "name": "Nadia Ferro", "url": settings.SITE_URL + "/authors/nadia-ferro/"}]
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"] == "The Projection Booth"
    assert data["about"] == [{"@type": "Movie", "name": "Harbor Lights", "url": settings.SITE_URL + "/films/harbor-lights-2025/",
                              "sameAs": ["https://www.imdb.com/title/tt9990001/"]}]
    assert data["mentions"][0]["@type"] == "Person" and data["mentions"][0]["name"] == "Ada Varga"


def test_no_excerpt_surface_contains_spoiler_text(client, story):
    _, page = get_page(client, "/articles/varga-ending/")
    surfaces = page.excerpt_surfaces()
    assert story.meta_description in surfaces
    assert SPOILER not in surfaces
    assert "lighthouse keeper" not in surfaces


def test_excerpts_come_from_the_safe_fields_even_when_the_body_differs(client, make_article, publish, site):
    # A page that read the body for its description would show the body's first words.
    # The body opens with the spoiler block; the editor wrote the summary.
    body = f":::spoiler harbor-lights-2025\n{SPOILER} first of all.\n:::\n\nAda Varga has finished *Harbor Lights*.\n"
    publish(make_article("Safe fields only", slug="safe-fields", body=body, summary="A calm summary."))
    _, page = get_page(client, "/articles/safe-fields/")
    assert page.meta["description"] == page.meta["og:description"] == "A calm summary."
    assert SPOILER not in page.excerpt_surfaces()


def test_an_unpublished_draft_has_no_page(client, make_article, site):
    make_article("Only a draft", slug="only-draft")
    assert client.get("/articles/only-draft/").status_code == 404


def test_an_edit_published_later_shows_an_updated_date(client, make_article, publish, site, monkeypatch):
    import datetime as dt

    article = publish(make_article("Edited story", slug="edited"))
    later = (article.first_published_at + dt.timedelta(hours=3)).replace(microsecond=0)
    monkeypatch.setattr("django.utils.timezone.now", lambda: later)  # the correction is saved three hours on
    publish(article, dek="A corrected dek")
    _, page = get_page(client, "/articles/edited/")
    updated = later.isoformat()
    assert f'Updated <time datetime="{updated}">' in page.html
    assert page.json_ld[0]["dateModified"] == updated


def test_a_first_publish_shows_no_updated_date(client, story):
    _, page = get_page(client, "/articles/varga-ending/")
    assert "Updated" not in page.html
    assert page.json_ld[0]["dateModified"] == page.json_ld[0]["datePublished"]
