"""Autosave in Chromium: type, lose the page without saving, open the editor again, get the text back."""

import re
import time

import pytest
from playwright.sync_api import expect

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.models import Article, Autosave

from .conftest import GRAPH, make_user
from tests.writing_editor import focus_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TYPED = "Ada Varga has finished Harbor Lights.\n\nThis paragraph was typed and never saved."


def sign_in(page, live_server, username: str) -> None:
    page.goto(live_server.url + "/desk/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "correct horse battery")
    page.get_by_role("button", name=re.compile("Log in|Sign in", re.I)).click()
    page.wait_for_url(re.compile(r"/desk/$"))


def until_the_server_holds(body: str, seconds: float = 15) -> None:
    """Until the writer's autosave slot holds `body` (the editor saves a pause after the last key)."""
    deadline = time.monotonic() + seconds
    while (slot := Autosave.objects.first()) is None or slot.fields.get("body") != body:
        assert time.monotonic() < deadline, f"no autosave of the whole text in {seconds} s: {slot and slot.fields.get('body')!r}"
        time.sleep(0.1)


def test_text_typed_into_a_closed_tab_is_offered_back_and_restored(page, live_server):
    import_knowledge_graph(GRAPH)
    make_user("edith", "editor")
    sign_in(page, live_server, "edith")
    context = page.context

    page.goto(live_server.url + "/desk/articles/new/")
    page.fill("#id_headline", "Ada Varga finishes Harbor Lights")
    focus_body(page)
    page.keyboard.type(TYPED)
    expect(page.locator("#autosave-status")).to_contain_text("Autosaved at")
    until_the_server_holds(TYPED)  # an autosave can land while keys are still being typed
    page.close(run_before_unload=False)  # the tab is gone: no save, no goodbye

    reopened = context.new_page()
    reopened.goto(live_server.url + "/desk/articles/new/")
    offer = reopened.locator("#autosave-offer")
    expect(offer).to_contain_text("You have unsaved text from")
    assert reopened.input_value("#id_body") == ""  # offered, not forced on the writer
    offer.get_by_role("link", name="Restore it").click()
    expect(reopened.locator("#autosave-restored")).to_be_visible()
    assert reopened.input_value("#id_body") == TYPED
    assert reopened.input_value("#id_headline") == "Ada Varga finishes Harbor Lights"

    reopened.get_by_role("button", name="Save draft").click()
    expect(reopened.locator(".messages")).to_contain_text("Saved as revision 1.")
    assert Article.objects.get().latest_revision.content["body"] == TYPED
    assert not Autosave.objects.exists()


def test_text_typed_while_the_network_is_down_is_kept_in_the_browser(page, live_server):
    import_knowledge_graph(GRAPH)
    make_user("edith", "editor")
    sign_in(page, live_server, "edith")
    context = page.context

    page.goto(live_server.url + "/desk/articles/new/")
    context.set_offline(True)
    focus_body(page)
    page.keyboard.type(TYPED)
    expect(page.locator("#autosave-status")).to_contain_text("kept in this browser")
    page.close(run_before_unload=False)
    assert not Autosave.objects.exists()  # the server never heard of it
    context.set_offline(False)

    reopened = context.new_page()
    reopened.goto(live_server.url + "/desk/articles/new/")
    offer = reopened.locator("#local-autosave-offer")
    expect(offer).to_contain_text("This browser kept text you typed")
    offer.get_by_role("button", name="Restore it").click()
    assert reopened.input_value("#id_body") == TYPED
    expect(reopened.locator("#autosave-status")).to_contain_text("Autosaved at")  # now the server has it too
    assert Autosave.objects.get().fields["body"] == TYPED
