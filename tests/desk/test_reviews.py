"""The desk's review fields: the film reviewed, the rating on the site's scale and the verdict."""

from __future__ import annotations

from decimal import Decimal

import pytest

from newsreel.newsroom.models import Article, WorkflowState
from tests.desk.conftest import article_form

pytestmark = pytest.mark.django_db

REVIEW = dict(section="reviews", film="harbor-lights-2025", rating="4.5", verdict="Patient, cold and finally warm.")


def test_the_editor_shows_the_review_fields_with_the_sites_scale(as_editor, graph):
    page = as_editor.get("/desk/articles/new/").content.decode()
    assert 'name="film"' in page and 'name="rating"' in page and 'name="verdict"' in page
    assert "Reviews only: 0.5 to 5 stars, in halves." in page


def test_an_editor_publishes_a_rated_review(as_editor, graph):
    as_editor.post("/desk/articles/new/", article_form(action="publish", **REVIEW))
    article = Article.objects.get()
    assert article.state == WorkflowState.PUBLISHED
    assert (article.review_film.key, article.rating, article.verdict) == (
        "harbor-lights-2025", Decimal("4.5"), "Patient, cold and finally warm.")
    form = as_editor.get(f"/desk/articles/{article.pk}/").context["form"]
    assert (form["film"].value(), form["rating"].value(), form["verdict"].value()) == (
        "harbor-lights-2025", "4.5", "Patient, cold and finally warm.")


def test_a_rating_off_the_scale_is_shown_on_its_field_and_nothing_is_published(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(action="publish", **{**REVIEW, "rating": "4.7"}))
    page = response.content.decode()
    assert response.status_code in (200, 400)
    assert "4.7 is outside the scale: this site rates 0.5 to 5 stars, in halves" in page
    assert not Article.objects.filter(state=WorkflowState.PUBLISHED).exists()
