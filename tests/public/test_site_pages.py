"""Home, section and author pages, the 404 page and uploaded media."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from newsreel.newsroom.models import Section
from newsreel.public.models import StoredPage
from tests.public.conftest import T0

pytestmark = pytest.mark.django_db


def test_home_page_has_one_lead_then_latest_then_sections(client, make_article, publish, site):
    reviews = Section.objects.get(slug="reviews")
    for day in range(12):
        section = reviews if day < 3 else None
        publish(make_article(f"Story of day {day}", slug=f"day-{day}", section=section or Section.objects.get(slug="news")),
                at=T0 + dt.timedelta(days=day))
    html = client.get("/").content.decode()
    lead = html[html.index('class="lead-story"'):html.index('id="latest-heading"')]
    assert "Story of day 11" in lead and lead.count('class="lead-title"') == 1
    latest = html[html.index('id="latest-heading"'):html.index("</section>", html.index('id="latest-heading"'))]
    assert re.findall(r"Story of day (\d+)", latest) == ["10", "9", "8", "7", "6", "5", "4", "3"]
    # Section blocks show what the lead and latest did not.
    reviews_block = html[html.index('id="section-reviews"'):]
    assert re.findall(r"Story of day (\d+)", reviews_block.split("</section>")[0]) == ["2", "1", "0"]


def test_home_page_with_no_stories_says_so(client, site):
    response = client.get("/")
    assert response.status_code == 200 and b"No stories yet" in response.content


def test_home_page_has_skip_link_stylesheet_and_no_outside_requests(client, site, make_article, publish):
    publish(make_article(slug="any"))
    html = client.get("/").content.decode()
    assert '<a class="skip-link" href="#main">Skip to content</a>' in html
    assert '<link rel="stylesheet" href="/static/public/site.css">' in html
    # Everything the browser loads (scripts, images, styles, fonts) comes from this site.
    assert all(src.startswith("/") and not src.startswith("//") for src in re.findall(r'\ssrc="([^"]*)"', html))
    loaded = re.findall(r'<link rel="(?!canonical|prev|next)[^"]*" href="([^"]*)"', html)
    assert loaded and all(href.startswith("/") and not href.startswith("//") for href in loaded)


def test_section_page_lists_its_stories_newest_first(client, make_article, publish, site):
    publish(make_article("Early", slug="early"), at=T0)
    publish(make_article("Late", slug="late"), at=T0 + dt.timedelta(hours=5))
    publish(make_article("Elsewhere", slug="elsewhere", section=Section.objects.get(slug="reviews")))
    html = client.get("/sections/news/").content.decode()
    assert "<h1>News</h1>" in html
    assert html.index(">Late<") < html.index(">Early<") and "Elsewhere" not in html
    assert '<a href="/sections/news/" aria-current="page">News</a>' in html


def test_author_page_lists_bylined_stories(client, make_article, publish, site):
    publish(make_article("By Nadia", slug="by-nadia"))
    response = client.get("/authors/nadia-ferro/")
    assert response.status_code == 200
    assert b"<h1>Nadia Ferro</h1>" in response.content and b'href="/articles/by-nadia/"' in response.content


def test_unknown_section_author_and_paths_get_the_404_page(client, site):
    stored_before = set(StoredPage.objects.values_list("path", flat=True))
    for path in ("/sections/nope/", "/authors/nobody/", "/no/such/page/", "/articles/never-published/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"Page not found" in response.content and b"The Projection Booth" in response.content
    assert set(StoredPage.objects.values_list("path", flat=True)) == stored_before  # a 404 stores nothing


def test_the_404_page_is_not_indexed(client, site):
    assert b'<meta name="robots" content="noindex">' in client.get("/nowhere/").content


def test_uploaded_media_is_served_with_long_cache_headers(client, hero_image):
    response = client.get(hero_image.file.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert client.get("/media/images/missing.jpg").status_code == 404
