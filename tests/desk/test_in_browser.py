"""The desk in a real browser, driven from the keyboard: sign in, write, fix a line, publish."""

import re

import pytest
from playwright.sync_api import expect

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.models import Article, WorkflowState

from .conftest import GRAPH, make_user
from tests.writing_editor import fill_body, selected_body_text

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BAD_BODY = "Ada Varga has finished *Harbor Lights*.\n\n:::spoiler tidewater-keepers\nThe keeper walks into the sea.\n:::\n"


def test_an_editor_writes_fixes_a_line_and_publishes_with_the_keyboard(page, live_server):
    import_knowledge_graph(GRAPH)
    make_user("edith", "editor")

    page.goto(live_server.url + "/desk/articles/new/")
    assert "/desk/login/" in page.url
    # The username field takes focus by itself (autofocus), a moment after the page loads.
    page.wait_for_function("document.activeElement && document.activeElement.name === 'username'")
    page.keyboard.type("edith")
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery")
    page.keyboard.press("Enter")
    # Not a glob: the login page's own URL ends in ?next=/desk/articles/new/ too.
    page.wait_for_url(re.compile(r"/desk/articles/new/$"))

    page.focus("#id_headline")
    page.keyboard.type("Ada Varga finishes Harbor Lights")
    fill_body(page, BAD_BODY)
    page.keyboard.press("Control+s")  # comfort: saves the draft
    page.wait_for_url(re.compile(r"/desk/articles/\d+/$"))
    assert page.input_value("#id_body") == BAD_BODY
    line_link = page.locator(".field-errors a[data-line]")
    expect(line_link).to_have_text("Line 3")

    line_link.focus()
    page.keyboard.press("Enter")  # jumps to the line in the body
    assert selected_body_text(page) == ":::spoiler tidewater-keepers"
    page.keyboard.type(":::spoiler harbor-lights-2025")  # replaces the selected line

    with page.expect_popup() as opened:  # the real public page of the unsaved text, in a new tab
        page.get_by_role("button", name="Preview (opens in a new tab)").click()
    preview = opened.value
    expect(preview.locator(".preview-notice")).to_contain_text("not saved yet")
    expect(preview.locator("details.spoiler")).to_have_attribute("data-film", "harbor-lights-2025")
    preview.close()
    page.get_by_role("button", name="Publish").click()
    expect(page.locator(".messages")).to_contain_text("Published revision 2.")
    article = Article.objects.get()
    assert article.state == WorkflowState.PUBLISHED and article.spoiler_films == ["harbor-lights-2025"]
