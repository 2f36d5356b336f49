"""A review on the site: its rating and verdict on the page and on cards, a schema.org Review
with reviewRating and itemReviewed for search engines, and the film's page showing the
newsroom's rating with a link to the review. Stories that are not reviews show none of it."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreel.newsroom import preview_links
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish
from tests.public.pagetools import Page

pytestmark = pytest.mark.django_db


def get(client, path: str) -> Page:
    response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return Page(response.content)


@pytest.fixture
def harbor_review(graph, news, site):
    return save_and_publish(ArticleDraft(
        headline="Harbor Lights review: a winter worth waiting for", slug="harbor-review",
        body="Ada Varga's *Harbor Lights* is a patient film about a lighthouse keeper.", section="reviews",
        authors=["Nadia Ferro"], film="harbor-lights-2025", rating=4.5, verdict="Patient, cold and finally warm.",
    ), origin="test")


def review_ld(page: Page) -> dict:
    (data,) = [item for item in page.json_ld if item["@type"] == "ReviewNewsArticle"]
    return data


def test_the_review_page_shows_the_film_rating_and_verdict(client, harbor_review):
    html = get(client, "/articles/harbor-review/").html
    box = html[html.index('<aside class="review-box"'):].split("</aside>")[0]
    assert '<a href="/films/harbor-lights-2025/"><cite>Harbor Lights</cite> (2025)</a>' in box
    assert '<span class="stars" aria-hidden="true">★★★★½</span> <span class="rating-value">4.5 out of 5 stars</span>' in box
    assert '<p class="verdict">Patient, cold and finally warm.</p>' in box


def test_cards_in_lists_show_the_rating_and_verdict(client, harbor_review):
    html = get(client, "/sections/reviews/").html
    assert ('<p class="story-rating"><span class="stars" aria-hidden="true">★★★★½</span>'
            '<span class="visually-hidden">Rated 4.5 out of 5 stars</span> '
            '<span class="story-verdict">Patient, cold and finally warm.</span></p>') in html


def test_search_engines_get_a_review_with_its_rating_and_the_movie_it_reviews(client, harbor_review):
    data = review_ld(get(client, "/articles/harbor-review/"))
    assert data["reviewRating"] == {"@type": "Rating", "ratingValue": 4.5, "bestRating": 5, "worstRating": 0.5}
    assert data["itemReviewed"]["@type"] == "Movie" and data["itemReviewed"]["name"] == "Harbor Lights"
    assert data["itemReviewed"]["dateCreated"] == "2025"
    assert [author["name"] for author in data["author"]] == ["Nadia Ferro"]


def test_a_ten_point_rating_is_given_on_its_own_scale(client, graph, news, site, settings):
    settings.RATING_SCALE = "points-10"
    save_and_publish(ArticleDraft(headline="The Paper Orchard review", slug="orchard-review", body="Quiet.",
                                  section="reviews", film="paper-orchard-2023", rating=8), origin="test")
    page = get(client, "/articles/orchard-review/")
    assert review_ld(page)["reviewRating"] == {"@type": "Rating", "ratingValue": 8, "bestRating": 10, "worstRating": 1}
    assert '<span class="rating-value">8 out of 10</span>' in page.html and "★" not in page.html


def test_a_review_without_bylines_names_the_newsroom_as_its_author(client, graph, news, site):
    save_and_publish(ArticleDraft(headline="Orchard review", slug="orchard-review", body="Quiet.", section="reviews",
                                  film="paper-orchard-2023", rating=3), origin="test")
    assert review_ld(get(client, "/articles/orchard-review/"))["author"][0]["@type"] == "Organization"


def test_stories_that_are_not_reviews_have_no_rating_anywhere(client, harbor_review):
    save_and_publish(ArticleDraft(headline="Harbor Lights wraps", slug="harbor-wraps", body="Ada Varga wrapped *Harbor Lights*.",
                                  section="news"), origin="test")
    page = get(client, "/articles/harbor-wraps/")
    assert all("reviewRating" not in item and "itemReviewed" not in item for item in page.json_ld)
    assert "review-box" not in page.html and "story-rating" not in get(client, "/sections/news/").html


def test_the_film_page_shows_the_newsrooms_rating_and_links_the_review(client, harbor_review):
    html = get(client, "/films/harbor-lights-2025/").html
    box = html[html.index('<section class="review-box"'):].split("</section>")[0]
    assert '<span class="rating-value">4.5 out of 5 stars</span>' in box
    assert '<p class="verdict">Patient, cold and finally warm.</p>' in box
    assert '<a href="/articles/harbor-review/">Harbor Lights review: a winter worth waiting for</a>' in box
    assert "review-box" not in get(client, "/films/paper-orchard-2023/").html


def story_of(html: str) -> str:
    return html[html.index('<article class="story"'):html.index("</article>")]


def test_a_preview_of_the_review_shows_the_story_as_the_live_page_does(client, harbor_review):
    # Both pages are built by one function: a preview that drifted (the review box left out,
    # say) would tell the writer something the site will not show.
    token, _ = preview_links.make_token(harbor_review, dt.timedelta(hours=1))
    preview = client.get(f"/preview/{harbor_review.pk}/{token}/")
    assert preview.status_code == 200
    live = get(client, "/articles/harbor-review/").html
    assert '<aside class="review-box"' in story_of(live)
    assert story_of(preview.content.decode()) == story_of(live)
