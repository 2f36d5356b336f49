"""A rated review and its film's page in Chromium: axe finds no violation in the review box,
the card ratings or the film page's "Our review", light and dark."""

from __future__ import annotations

import pytest

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Section
from newsreel.newsroom.publishing import save_and_publish
from tests.browser.test_accessibility import AXE_RUN, VIEWS, axe_source  # noqa: F401 (a fixture)
from tests.graph import GRAPH

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def rated_review(db):
    import_knowledge_graph(GRAPH)
    Section.objects.get_or_create(slug="reviews", defaults={"name": "Reviews", "order": 2})
    save_and_publish(ArticleDraft(
        headline="Harbor Lights review: a winter worth waiting for", slug="harbor-review", section="reviews",
        body="Ada Varga's *Harbor Lights* is a patient film about a lighthouse keeper.", authors=["Nadia Ferro"],
        film="harbor-lights-2025", rating=4.5, verdict="Patient, cold and finally warm.",
    ), origin="test")


@pytest.mark.parametrize("view", ["light", "dark"])
@pytest.mark.parametrize("path", ["/articles/harbor-review/", "/sections/reviews/", "/films/harbor-lights-2025/"])
def test_axe_finds_no_violation_where_a_rating_is_shown(live_server, chromium, axe_source, rated_review, path, view):  # noqa: F811
    context = chromium.new_context(bypass_csp=True, **VIEWS[view])
    try:
        page = context.new_page()
        page.goto(live_server.url + path)
        assert page.get_by_text("Patient, cold and finally warm.").first.is_visible()
        page.add_script_tag(content=axe_source)
        assert page.evaluate(AXE_RUN) == []
    finally:
        context.close()
