"""Review of a live story's changes in a real browser: the contributor changes their live story
and submits the changes with a note; the public page keeps the live words; an editor finds them
in the queue marked as changes to a live story, sends them back, then approves the next round,
and the new words are on the site."""

import re

import pytest
from playwright.sync_api import expect

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import ChangesReview, StoryNote
from newsreel.newsroom.publishing import publish, save_draft

from .conftest import BODY, GRAPH, make_user
from .test_review_in_browser import sign_in
from tests.writing_editor import fill_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADLINE = "Ada Varga finishes Harbor Lights"


def test_a_contributors_changes_wait_for_an_editor_while_the_site_keeps_the_live_story(chromium, live_server):
    import_knowledge_graph(GRAPH)
    carla_user = make_user("carla", "contributor")
    make_user("edith", "editor")
    story = publish(save_draft(ArticleDraft(headline=HEADLINE, body=BODY), user=carla_user))  # by the system

    carla_context, carla = sign_in(chromium, live_server, "carla")
    edith_context, edith = sign_in(chromium, live_server, "edith")
    try:
        public = carla_context.new_page()
        carla.goto(live_server.url + f"/desk/articles/{story.pk}/")
        expect(carla.get_by_role("button", name=re.compile("^Publish"))).to_have_count(0)
        fill_body(carla, BODY + "\nThe premiere moves to the old harbour.\n")
        carla.get_by_label("Note to the editors on your changes (optional)").fill("The venue changed.")
        carla.get_by_role("button", name="Submit changes for review").click()
        expect(carla.locator(".messages")).to_contain_text("Submitted your changes (revision 2) for review")
        expect(carla.locator(".status-line .state")).to_have_text("Published")
        public.goto(live_server.url + story.get_absolute_url())
        expect(public.locator("article")).not_to_contain_text("old harbour")

        edith.get_by_role("navigation", name="Desk").get_by_role("link", name="Review").click()
        row = edith.locator("tbody tr", has_text=HEADLINE)
        expect(row).to_contain_text("Changes to a live story")
        expect(row).to_contain_text("The venue changed.")
        row.get_by_role("link", name=HEADLINE).click()
        edith.get_by_label("What should change in these changes").fill("Which harbour? Name it.")
        edith.get_by_role("button", name="Send changes back").click()
        expect(edith.locator(".messages")).to_contain_text("sent back to the writer")

        carla.reload()
        expect(carla.locator(".review-panel")).to_contain_text("Which harbour? Name it.")
        fill_body(carla, BODY + "\nThe premiere moves to the old harbour of Port Ellis.\n")
        carla.get_by_role("button", name="Submit changes for review").click()
        expect(carla.locator(".messages")).to_contain_text("Submitted your changes (revision 3) for review")
        public.reload()
        expect(public.locator("article")).not_to_contain_text("Port Ellis")

        edith.reload()
        edith.get_by_role("button", name="Approve and publish changes").click()
        expect(edith.locator(".messages")).to_contain_text("Approved and published: revision 3")
        public.reload()
        expect(public.locator("article")).to_contain_text("the old harbour of Port Ellis")

        story.refresh_from_db()
        assert story.changes_review == ChangesReview.NONE and story.live_revision.number == 3
        assert list(story.notes.values_list("kind", flat=True)) == [
            StoryNote.Kind.SUBMITTED, StoryNote.Kind.CHANGES_REQUESTED, StoryNote.Kind.SUBMITTED,
            StoryNote.Kind.APPROVED]
    finally:
        carla_context.close()
        edith_context.close()
