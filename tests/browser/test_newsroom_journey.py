"""One reader and one editor, end to end in Chromium: the home page, an article, a spoiler
revealed, the desk, a new article written and published, and the reader finding it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Section
from newsreel.newsroom.publishing import save_and_publish
from tests.graph import GRAPH
from tests.writing_editor import fill_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPOILER = "The ferryman was the narrator all along."


@pytest.fixture
def newsroom(db):
    # Transactional tests flush the database, taking the migration-made sections with it.
    Section.objects.get_or_create(slug="interviews", defaults={"name": "Interviews"})
    import_knowledge_graph(GRAPH)
    save_and_publish(ArticleDraft(
        headline="Ada Varga on the long nights of Harbor Lights",
        body=f"Ada Varga shot *Harbor Lights* in forty nights.\n\n:::spoiler harbor-lights-2025\n{SPOILER}\n:::\n\n"
             "The film is in theaters now.\n",
        section="interviews", publish_at=dt.datetime(2026, 11, 1, 9, tzinfo=dt.timezone.utc),
    ), origin="test")
    user = get_user_model().objects.create_user("nadia", password="film-desk-2026")
    user.groups.add(Group.objects.get(name="editor"))


def test_a_reader_reads_and_an_editor_publishes(live_server, page, newsroom):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Ada Varga on the long nights of Harbor Lights").first.click()
    expect(page.locator("h1")).to_have_text("Ada Varga on the long nights of Harbor Lights")
    expect(page.get_by_text("This story includes spoilers for")).to_be_visible()

    spoiler = page.get_by_text(SPOILER)
    expect(spoiler).to_be_hidden()
    page.locator("details.spoiler summary").click()
    expect(spoiler).to_be_visible()

    page.goto(live_server.url + "/desk/")
    page.get_by_label("Username").fill("nadia")
    page.get_by_label("Password").fill("film-desk-2026")
    page.get_by_role("button", name="Log in").click()
    page.goto(live_server.url + "/desk/articles/new/")
    page.get_by_label("Headline").fill("Harbor Lights holds on to its screens")
    fill_body(page, "*Harbor Lights* keeps its screens for a third week, Ada Varga said.\n")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("Published")

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Harbor Lights holds on to its screens").first.click()
    expect(page.locator("h1")).to_have_text("Harbor Lights holds on to its screens")
    expect(page.locator("a[href='/films/harbor-lights-2025/']").first).to_be_visible()
