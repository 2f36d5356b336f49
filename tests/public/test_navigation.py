"""Pages and navigation: section, tag, author and monthly archive pages, path-based
pagination everywhere a list grows, coverage pages for films and people, 301 for a
changed slug and 410 for a withdrawn story, and which stored pages a publish refreshes."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from newsreel.newsroom.publishing import draft_for, save_and_publish, unpublish
from newsreel.public import listing_refresh, refresh
from newsreel.public.models import StoredPage
from newsreel.public.pages import pagination
from tests.public.pagetools import Page
from tests.public.stories import SPOILER, films, harbor_body, story  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def short_pages(monkeypatch):
    """Three stories a page, so a handful of stories fills several pages."""
    monkeypatch.setattr(pagination, "PER_PAGE", 3)


def headlines(html: bytes | str) -> list[str]:
    text = html.decode() if isinstance(html, bytes) else html
    return re.findall(r'<h3 class="story-title"><a href="[^"]+">([^<]+)</a>', text)


def coverage_headlines(html: bytes) -> list[str]:
    return re.findall(r'<li><time [^>]+>[^<]+</time> <a href="[^"]+">([^<]+)</a></li>', html.decode())


def stored(path: str) -> bytes | None:
    page = StoredPage.objects.filter(path=path).first()
    return bytes(page.body) if page else None


def seven_stories() -> None:
    for n in range(7):
        story(f"News story {n}", hours=n, tags=["Festival Circuit"])


# Pages and their pagination

def test_a_section_shows_twenty_stories_a_page_newest_first(client, films):
    with refresh.batched():
        for n in range(21):
            story(f"News story {n}", hours=n)
    first = headlines(client.get("/sections/news/").content)
    assert first == [f"News story {n}" for n in range(20, 0, -1)]
    assert headlines(client.get("/sections/news/page/2/").content) == ["News story 0"]


def test_page_links_are_paths_with_rel_prev_and_next_and_a_labelled_nav(client, films, short_pages):
    seven_stories()
    one = client.get("/sections/news/").content.decode()
    assert Page(one).links.get("next") == "/sections/news/page/2/" and "prev" not in Page(one).links
    assert '<nav class="pagination" aria-label="Pagination">' in one
    assert '<a href="/sections/news/" aria-current="page"><span class="visually-hidden">Page </span>1</a>' in one
    two = Page(client.get("/sections/news/page/2/").content)
    assert (two.links["prev"], two.links["next"]) == ("/sections/news/", "/sections/news/page/3/")
    assert two.links.get("canonical", "").endswith("/sections/news/page/2/")
    three = client.get("/sections/news/page/3/").content
    assert headlines(three) == ["News story 0"] and "next" not in Page(three).links


def test_a_list_that_fits_one_page_shows_no_pagination(client, films):
    story("Only story")
    html = client.get("/sections/news/").content.decode()
    assert 'aria-label="Pagination"' not in html and 'rel="next"' not in html


@pytest.mark.parametrize("path", [
    "/sections/news/page/4/", "/sections/news/page/1/", "/sections/news/page/01/", "/sections/news/page/0/",
    "/sections/no-such-section/page/2/", "/tags/festival-circuit/page/4/", "/tags/no-such-tag/",
    "/authors/nadia-ferro/page/4/", "/authors/nobody/page/2/", "/archive/2026/03/page/4/",
])
def test_pages_past_the_end_and_other_spellings_of_page_one_are_not_found(client, films, short_pages, path):
    seven_stories()
    assert client.get(path).status_code == 404
    assert not StoredPage.objects.filter(path=path).exists()


def test_a_tag_page_lists_the_stories_with_that_tag(client, films):
    tagged = story("Tagged story", hours=1, tags=["Festival Circuit"])
    story("Untagged story", hours=2)
    response = client.get("/tags/festival-circuit/")
    assert response.status_code == 200
    assert headlines(response.content) == ["Tagged story"]
    assert "<h1>Festival Circuit" in response.content.decode()
    article = client.get(tagged.get_absolute_url()).content.decode()
    assert '<a class="tag" href="/tags/festival-circuit/">Festival Circuit</a>' in article


def test_a_tag_whose_last_story_is_withdrawn_has_no_page(client, films):
    tagged = story("Tagged story", tags=["Festival Circuit"])
    assert client.get("/tags/festival-circuit/").status_code == 200
    unpublish(tagged)
    assert client.get("/tags/festival-circuit/").status_code == 404


def test_an_author_page_is_paginated(client, films, short_pages):
    for n in range(4):
        story(f"Bylined story {n}", hours=n, authors=["Lena Park"])
    story("Someone else's story", hours=9, authors=["Omar Reyes"])
    assert headlines(client.get("/authors/lena-park/").content) == ["Bylined story 3", "Bylined story 2", "Bylined story 1"]
    assert headlines(client.get("/authors/lena-park/page/2/").content) == ["Bylined story 0"]


# The monthly archive

def test_the_archive_lists_months_newest_first_with_counts(client, films):
    story("February one", at=dt.datetime(2026, 2, 3, tzinfo=dt.timezone.utc))
    story("February two", at=dt.datetime(2026, 2, 27, tzinfo=dt.timezone.utc))
    story("March one", at=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    story("Last year", at=dt.datetime(2025, 12, 31, 23, tzinfo=dt.timezone.utc))
    html = client.get("/archive/").content.decode()
    march, february, december = (html.index(f'href="/archive/{ym}/"') for ym in ("2026/03", "2026/02", "2025/12"))
    assert march < february < december
    assert re.search(r'href="/archive/2026/02/">February<span class="visually-hidden"> 2026</span></a> '
                     r'<span class="count">2 stories</span>', html)
    assert re.search(r'href="/archive/2026/03/">March.*?<span class="count">1 story</span>', html)
    assert '<h2 id="year-2025" class="rubric">2025</h2>' in html


def test_a_month_page_lists_only_that_months_stories(client, films):
    story("February one", at=dt.datetime(2026, 2, 3, tzinfo=dt.timezone.utc))
    story("March one", at=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    response = client.get("/archive/2026/02/")
    assert headlines(response.content) == ["February one"]
    assert "<h1>February 2026" in response.content.decode()


@pytest.mark.parametrize("path", ["/archive/2026/01/", "/archive/2026/3/", "/archive/2026/13/", "/archive/0000/01/",
                                  "/archive/2026/00/"])
def test_a_month_without_stories_or_a_malformed_month_is_not_found(client, films, path):
    story("March one", at=dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc))
    assert client.get(path).status_code == 404


def test_every_page_links_the_archive(client, films):
    story("A story")
    assert '<a href="/archive/">Archive</a>' in client.get("/").content.decode()


# Film and person coverage beyond the first page

def test_film_and_person_coverage_continue_on_numbered_pages(client, films, short_pages):
    for n in range(4):
        story(f"Harbor story {n}", hours=n, body=f"Ada Varga talks about *Harbor Lights*, part {n}.\n")
    film = client.get("/films/harbor-lights-2025/").content
    assert coverage_headlines(film) == ["Harbor story 3", "Harbor story 2", "Harbor story 1"]
    assert 'href="/films/harbor-lights-2025/coverage/page/2/"' in film.decode()
    more = client.get("/films/harbor-lights-2025/coverage/page/2/")
    assert more.status_code == 200 and coverage_headlines(more.content) == ["Harbor story 0"]
    assert Page(more.content).links["prev"] == "/films/harbor-lights-2025/"
    person = client.get("/people/ada-varga/coverage/page/2/")
    assert coverage_headlines(person.content) == ["Harbor story 0"]
    for missing in ("/films/harbor-lights-2025/coverage/page/3/", "/films/harbor-lights-2025/coverage/page/1/",
                    "/films/no-such-film/coverage/page/2/"):
        assert client.get(missing).status_code == 404, missing


# Stored pages: filled on first request, refreshed by publishing

def test_unread_tag_and_month_pages_cost_nothing_at_publish_time(client, films):
    story("A story", tags=["Festival Circuit"])
    assert not StoredPage.objects.filter(path__in=["/tags/festival-circuit/", "/archive/2026/03/", "/archive/"]).exists()


def test_list_pages_are_stored_on_first_request_then_served_from_the_store(client, films, short_pages):
    seven_stories()
    path = "/tags/festival-circuit/page/2/"
    assert stored(path) is None
    first = client.get(path)
    assert stored(path) == first.content
    again = client.get(path, HTTP_IF_NONE_MATCH=first.headers["ETag"])
    assert again.status_code == 304


def test_by_default_publishing_drops_the_list_pages_it_touches_and_their_next_request_renders_them(
        client, films, short_pages):
    seven_stories()  # March 2, 09:00 to 15:00
    lists = ["/tags/festival-circuit/", "/authors/nadia-ferro/", "/archive/2026/03/"]
    for path in [*lists, "/tags/festival-circuit/page/2/", "/archive/"]:
        client.get(path)
    story("Breaking story", hours=20, tags=["Festival Circuit"])
    for path in [*lists, "/tags/festival-circuit/page/2/", "/archive/"]:
        assert stored(path) is None, path  # never served stale
    for path in lists:
        assert headlines(client.get(path).content)[0] == "Breaking story", path
    assert headlines(client.get("/tags/festival-circuit/page/2/").content) == [
        "News story 4", "News story 3", "News story 2"]
    assert '<span class="count">8 stories</span>' in client.get("/archive/").content.decode()
    assert stored("/sections/news/") is not None  # the section's first page is rendered at once


def test_deep_list_pages_are_rendered_for_each_request_and_never_stored(client, films, short_pages, monkeypatch):
    monkeypatch.setattr(listing_refresh, "STORED_PAGES", 1)
    seven_stories()
    for path in ("/sections/news/page/2/", "/tags/festival-circuit/page/2/", "/authors/nadia-ferro/page/2/",
                 "/archive/2026/03/page/2/"):
        first = client.get(path)
        assert headlines(first.content) == ["News story 3", "News story 2", "News story 1"], path
        assert stored(path) is None, path
        assert client.get(path, HTTP_IF_NONE_MATCH=first.headers["ETag"]).status_code == 304, path
    assert client.get("/sections/news/page/4/").status_code == 404
    story("Breaking story", hours=20, tags=["Festival Circuit"])
    assert headlines(client.get("/tags/festival-circuit/page/2/").content) == [
        "News story 4", "News story 3", "News story 2"]


def test_publishing_everything_refreshes_the_stored_pages_of_every_list_the_story_joins(
        client, films, short_pages, monkeypatch, settings):
    settings.PUBLISH_RENDERS = "everything"
    monkeypatch.setattr(listing_refresh, "EAGER_PAGES", 2)
    seven_stories()  # March 2, 09:00 to 15:00
    paths = ["/sections/news/page/2/", "/tags/festival-circuit/page/2/", "/authors/nadia-ferro/page/2/",
             "/archive/2026/03/page/2/"]
    for path in paths:
        assert headlines(client.get(path).content) == ["News story 3", "News story 2", "News story 1"], path
    for path in ("/tags/festival-circuit/", "/archive/2026/03/", "/archive/"):
        client.get(path)  # pages nobody has read are not rendered at publish; these have been read
    story("Breaking story", hours=20, tags=["Festival Circuit"])
    for path in paths:  # every page moved down by one story, before anyone asked again
        assert headlines(stored(path)) == ["News story 4", "News story 3", "News story 2"], path
    for path in ("/sections/news/", "/tags/festival-circuit/", "/authors/nadia-ferro/", "/archive/2026/03/"):
        assert headlines(stored(path))[0] == "Breaking story", path
    assert '<span class="count">8 stories</span>' in stored("/archive/").decode()


def test_deep_stored_pages_are_dropped_and_refilled_on_their_next_request(client, films, short_pages, monkeypatch):
    monkeypatch.setattr(listing_refresh, "EAGER_PAGES", 1)
    seven_stories()
    client.get("/sections/news/page/2/")
    story("Breaking story", hours=20)
    assert stored("/sections/news/page/2/") is None
    assert headlines(client.get("/sections/news/page/2/").content) == ["News story 4", "News story 3", "News story 2"]


def test_a_list_that_loses_its_last_page_answers_404_there(client, films, short_pages):
    stories = [story(f"News story {n}", hours=n) for n in range(4)]
    assert client.get("/sections/news/page/2/").status_code == 200
    unpublish(stories[0])
    assert client.get("/sections/news/page/2/").status_code == 404


def test_a_story_moved_to_another_month_leaves_the_old_months_page(client, films):
    article = story("Moving story", at=dt.datetime(2026, 2, 3, tzinfo=dt.timezone.utc))
    story("Staying story", at=dt.datetime(2026, 2, 4, tzinfo=dt.timezone.utc))
    assert "Moving story" in headlines(client.get("/archive/2026/02/").content)
    draft = draft_for(article)
    draft.publish_at = dt.datetime(2026, 3, 9, tzinfo=dt.timezone.utc)
    save_and_publish(draft, article=article, origin="test")
    assert headlines(client.get("/archive/2026/02/").content) == ["Staying story"]
    assert headlines(client.get("/archive/2026/03/").content) == ["Moving story"]


# Slugs and withdrawn stories

def test_a_changed_slug_answers_the_old_url_with_a_permanent_redirect(client, films):
    article = story("A story", slug="first-slug")
    draft = draft_for(article)
    draft.slug = "second-slug"
    save_and_publish(draft, article=article, origin="test")
    response = client.get("/articles/first-slug/")
    assert response.status_code == 301 and response.headers["Location"] == "/articles/second-slug/"
    assert client.get("/articles/second-slug/").status_code == 200


def test_a_withdrawn_story_answers_410_and_leaves_every_list(client, films):
    article = story("Withdrawn story", tags=["Festival Circuit"])
    story("Another story", hours=1, tags=["Festival Circuit"])
    for path in ("/sections/news/", "/tags/festival-circuit/", "/authors/nadia-ferro/", "/archive/2026/03/"):
        client.get(path)
    unpublish(article)
    assert client.get("/articles/withdrawn-story/").status_code == 410
    for path in ("/sections/news/", "/tags/festival-circuit/", "/authors/nadia-ferro/", "/archive/2026/03/"):
        assert headlines(client.get(path).content) == ["Another story"], path


# Spoiler safety of every list

def test_no_list_page_shows_spoiler_text(client, films, short_pages):
    for n in range(4):
        story(f"Harbor story {n}", hours=n, body=harbor_body(), tags=["Festival Circuit"],
              summary="" if n else "Ada Varga has finished her film.")
    for path in ("/", "/sections/news/", "/sections/news/page/2/", "/tags/festival-circuit/",
                 "/tags/festival-circuit/page/2/", "/authors/nadia-ferro/", "/archive/", "/archive/2026/03/",
                 "/archive/2026/03/page/2/", "/films/harbor-lights-2025/", "/films/harbor-lights-2025/coverage/page/2/",
                 "/people/ada-varga/coverage/page/2/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert SPOILER not in response.content.decode(), path
