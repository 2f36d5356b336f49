"""Reviews: a review names its film and may carry a rating on the site's scale and a one-line
verdict; bad values are refused with the field (and, from a file, the file and line)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest

from newsreel.films.models import Film
from newsreel.newsroom.frontmatter import read_markdown
from newsreel.newsroom.intake import ArticleDraft, IntakeError, validate_draft
from newsreel.newsroom.publishing import save_and_publish, save_draft
from newsreel.newsroom.upsert import publish_incoming

pytestmark = pytest.mark.django_db


@pytest.fixture
def harbor(small_graph):
    return Film.objects.get(key="harbor-lights-2025")


def review(**fields) -> ArticleDraft:
    values = dict(headline="Harbor Lights review: a winter worth waiting for", slug="harbor-review",
                  body="A patient film about a lighthouse keeper.", section="reviews",
                  film="harbor-lights-2025", rating=4.5, verdict="Patient, cold and finally warm.")
    values.update(fields)
    return ArticleDraft(**values)


def problems(draft: ArticleDraft) -> list[str]:
    with pytest.raises(IntakeError) as caught:
        save_and_publish(draft, origin="test")
    return [str(error) for error in caught.value.errors]


def test_a_review_keeps_its_film_rating_scale_and_verdict(harbor):
    article = save_and_publish(review(), origin="test")
    assert (article.review_film, article.rating, article.rating_best, article.verdict) == (
        harbor, Decimal("4.5"), 5, "Patient, cold and finally warm.")
    assert (article.rating_label, article.rating_short, article.rating_stars) == ("4.5 out of 5 stars", "4.5/5", "★★★★½")


def test_a_review_may_name_its_film_by_title(harbor):
    assert save_and_publish(review(film="harbor lights", rating=None, verdict=""), origin="test").review_film == harbor


@pytest.mark.parametrize("rating, message", [
    (4.7, "rating: 4.7 is outside the scale: this site rates 0.5 to 5 stars, in halves (NEWSREEL_RATING_SCALE=stars-5)"),
    (0, "rating: 0 is outside the scale"),
    (6, "rating: 6 is outside the scale"),
    ("four", "rating: 'four' is not a number; this site rates 0.5 to 5 stars, in halves"),
    ([4], "rating: must be a number"),
    (True, "rating: must be a number"),
])
def test_a_rating_off_the_five_star_scale_is_refused(harbor, rating, message):
    found = problems(review(rating=rating))
    assert any(problem.startswith(message) for problem in found), found


def test_on_the_ten_point_scale_ratings_are_whole_points(harbor, settings):
    settings.RATING_SCALE = "points-10"
    assert save_and_publish(review(rating=8), origin="test").rating_label == "8 out of 10"
    assert problems(review(rating=8.5, slug="other")) == [
        "rating: 8.5 is outside the scale: this site rates 1 to 10 points, whole (NEWSREEL_RATING_SCALE=points-10)"]


def test_a_published_rating_keeps_the_scale_it_was_given_on(harbor, settings):
    article = save_and_publish(review(), origin="test")
    settings.RATING_SCALE = "points-10"
    article.refresh_from_db()
    assert article.rating_label == "4.5 out of 5 stars"


def test_a_review_must_name_a_known_film_to_go_live_though_its_draft_may_wait_for_one(harbor):
    draft = save_draft(review(film="", rating=None, verdict=""))
    assert draft.latest_revision is not None and not draft.is_live
    assert problems(review(film="", slug="other")) == [
        "film: a review must name the film it reviews before it is published: film: <film key>, "
        "e.g. film: harbor-lights-2025"]
    assert problems(review(film="harbour-lights", slug="third")) == [
        "film: 'harbour-lights' is not a film in the knowledge graph; name it by its key (the end of its "
        "page's address, e.g. harbor-lights-2025) or add the film first"]


def test_stories_that_are_not_reviews_carry_no_rating_verdict_or_film(harbor):
    assert problems(review(section="news")) == [
        f"{name}: only reviews carry a {name}; put the story in the reviews section (section: reviews) or remove the {name}"
        for name in ("film", "rating", "verdict")
    ]


def test_a_verdict_is_one_short_line(harbor):
    assert problems(review(verdict="Line one.\nLine two.")) == [
        "verdict: must be one line (the verdict is shown under the rating)"]
    assert problems(review(verdict="x" * 201)) == ["verdict: is 201 characters; a verdict is one line of at most 200"]


def test_front_matter_errors_name_the_file_line_and_field(harbor, tmp_path):
    text = (
        "---\n"
        "headline: Harbor Lights review\n"
        "section: reviews\n"
        "film: harbor-lights-2025\n"
        "rating: 7\n"
        'verdict: "Cold, then warm."\n'
        "---\n"
        "A patient film.\n"
    )
    incoming = read_markdown(text, base_dir=tmp_path, source_name="review.md")
    with pytest.raises(IntakeError) as caught:
        publish_incoming(incoming, origin="test", source="review.md")
    assert str(caught.value) == (
        "review.md: rating, line 5: 7 is outside the scale: this site rates 0.5 to 5 stars, in halves "
        "(NEWSREEL_RATING_SCALE=stars-5)"
    )


def test_front_matter_publishes_a_review(harbor, tmp_path):
    text = "---\nheadline: Harbor Lights review\nsection: reviews\nfilm: harbor-lights-2025\nrating: 4\nverdict: Worth the cold.\n---\nBody.\n"
    article, created = publish_incoming(read_markdown(text, base_dir=Path(tmp_path), source_name="r.md"), origin="test")
    assert created and (article.review_film, article.rating, article.verdict) == (harbor, Decimal("4.0"), "Worth the cold.")
    assert article.latest_revision.content["rating"] == "4.0" and "field_lines" not in article.latest_revision.content


@pytest.mark.parametrize("fields", [
    {},
    {"film": "Harbor Lights", "rating": "4", "headline": "  Harbor   Lights review ", "verdict": " Cold. "},
    {"body": "A patient film.\r\nAbout a keeper.\r\n", "tags": [" Drama ", "Drama", 7], "authors": ["Nadia  Ferro"],
     "sources": ["An interview", {"name": " Press kit ", "url": "https://example.com/kit"}], "dek": " a  dek ",
     "publish_at": dt.datetime(2024, 3, 1, 9, 30)},
])
def test_a_validated_draft_read_back_from_its_revision_validates_to_itself(harbor, fields):
    """Publishing a revision saved moments ago uses the draft it was made from (no second
    validation): that is only right if validating it again would change nothing."""
    validated = validate_draft(review(**fields))
    again = validate_draft(ArticleDraft.from_json(validated.to_json()))
    assert again == replace(validated, field_lines={})
    assert again.to_json() == validated.to_json()
