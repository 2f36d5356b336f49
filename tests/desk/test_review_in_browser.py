"""Review in a real browser: a contributor writes and submits with a note; an editor finds it
in the review queue, sends it back with a note; the contributor changes it and submits
again; the editor approves it by publishing, and it is on the site."""

import re

import pytest
from playwright.sync_api import expect

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.models import Article, StoryNote, WorkflowState

from .conftest import BODY, GRAPH, make_user
from tests.writing_editor import fill_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(chromium, live_server, username: str):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(live_server.url + "/desk/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/desk/$"))
    return context, page


def test_a_contributor_submits_an_editor_sends_it_back_then_approves_it(chromium, live_server):
    import_knowledge_graph(GRAPH)
    make_user("carla", "contributor")
    make_user("edith", "editor")

    carla_context, carla = sign_in(chromium, live_server, "carla")
    edith_context, edith = sign_in(chromium, live_server, "edith")
    try:
        desk_nav = carla.get_by_role("navigation", name="Desk")
        expect(desk_nav.get_by_role("link", name="Review")).to_have_count(0)  # the queue is for editors
        desk_nav.get_by_role("link", name="New article").click()
        carla.get_by_label("Headline").fill("Ada Varga finishes Harbor Lights")
        fill_body(carla, BODY)
        expect(carla.get_by_role("button", name="Publish")).to_have_count(0)
        carla.get_by_label("Note to the editors (optional)").fill("First cut; the ending is under embargo.")
        carla.get_by_role("button", name="Submit for review").click()
        expect(carla.locator(".messages")).to_contain_text("Submitted revision 1 for review")
        expect(carla.locator(".status-line .state")).to_have_text("In review")
        story = Article.objects.get()

        edith.get_by_role("navigation", name="Desk").get_by_role("link", name="Review").click()
        expect(edith.locator("table")).to_contain_text("First cut; the ending is under embargo.")
        edith.get_by_role("link", name="Ada Varga finishes Harbor Lights").click()
        edith.get_by_label("What should change").fill("Name the distributor in the first paragraph.")
        edith.get_by_role("button", name="Request changes").click()
        expect(edith.locator(".messages")).to_contain_text("Sent back to the writer")

        carla.reload()
        expect(carla.locator(".review-panel")).to_contain_text("Name the distributor in the first paragraph.")
        fill_body(carla, BODY + "\nKestrel Films releases it in October.\n")
        carla.get_by_label("Note to the editors (optional)").fill("Done.")
        carla.get_by_role("button", name="Submit for review").click()
        expect(carla.locator(".messages")).to_contain_text("Submitted revision 2 for review")

        edith.get_by_role("navigation", name="Desk").get_by_role("link", name="Review").click()
        edith.get_by_role("link", name="Ada Varga finishes Harbor Lights").click()
        edith.get_by_role("button", name="Approve and publish").click()
        expect(edith.locator(".messages")).to_contain_text("Published revision 2.")

        story.refresh_from_db()
        assert story.state == WorkflowState.PUBLISHED
        assert list(story.notes.values_list("kind", flat=True)) == [
            StoryNote.Kind.SUBMITTED, StoryNote.Kind.CHANGES_REQUESTED, StoryNote.Kind.SUBMITTED,
            StoryNote.Kind.APPROVED]
        public = carla.context.new_page()
        public.goto(live_server.url + story.get_absolute_url())
        expect(public.locator("h1")).to_have_text("Ada Varga finishes Harbor Lights")
        expect(public.locator("body")).not_to_contain_text("Name the distributor")  # notes are never public
    finally:
        carla_context.close()
        edith_context.close()
