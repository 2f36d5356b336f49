"""The editor's "In this story" panel in Chromium, by keyboard: a name the knowledge graph does
not have is added from the panel and the preview then links it; a quote's speaker is confirmed
in the panel; a picture dropped on the text asks for its alt text and credit in place."""

import base64
import re

import pytest
from playwright.sync_api import expect

from newsreel.films.models import Person
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import QuoteCheck
from newsreel.newsroom.publishing import save_draft

from .conftest import make_user
from .test_writing_in_browser import editor_text, newsroom, png_bytes, preview_frame, settled_preview, sign_in  # noqa: F401
from tests.writing_editor import focus_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DROP = """(bytes) => {
  const data = Uint8Array.from(atob(bytes), c => c.charCodeAt(0));
  const transfer = new DataTransfer();
  transfer.items.add(new File([data], "pier.png", {type: "image/png"}));
  const content = document.querySelector(".cm-content");
  const box = content.getBoundingClientRect();
  const at = {clientX: box.left + 10, clientY: box.top + 5, bubbles: true, cancelable: true, dataTransfer: transfer};
  content.dispatchEvent(new DragEvent("dragover", at));
  content.dispatchEvent(new DragEvent("drop", at));
}"""


def test_an_unknown_person_is_added_from_the_panel_and_the_preview_links_them(page, live_server, newsroom):
    sign_in(page, live_server)
    focus_body(page)
    page.keyboard.type("Mara Quellon said the ferry scene was cut twice.")
    settled_preview(page)
    panel = page.get_by_role("region", name="In this story")
    warning = panel.locator(".story-warnings li").filter(has_text="Mara Quellon")
    expect(warning).to_contain_text("looks like a person's name, but nobody in the knowledge graph has it",
                                    timeout=15_000)
    expect(preview_frame(page).locator('a[href="/people/mara-quellon/"]')).to_have_count(0)

    warning.get_by_role("button", name="Add “Mara Quellon” to the knowledge graph").focus()
    page.keyboard.press("Enter")
    name = panel.get_by_label("Name")
    expect(name).to_be_focused()
    expect(name).to_have_value("Mara Quellon")
    page.keyboard.press("Enter")
    expect(page.locator(".writing-preview-state")).to_contain_text("Added Mara Quellon to the knowledge graph")
    assert Person.objects.get(key="mara-quellon").name == "Mara Quellon"
    settled_preview(page)
    expect(preview_frame(page).locator('a.mention[href="/people/mara-quellon/"]')).to_have_text("Mara Quellon",
                                                                                      timeout=10_000)
    expect(panel.locator(".story-people")).to_contain_text("Mara Quellon")
    expect(panel.locator(".story-warnings li").filter(has_text="Mara Quellon")).to_have_count(0)
    assert editor_text(page) == "Mara Quellon said the ferry scene was cut twice."


def test_a_quote_is_confirmed_in_the_editors_panel(page, live_server, newsroom):
    editor = make_user("quinn", "editor")
    article = save_draft(ArticleDraft(headline="The last thing you hear",
                                      body="“I wanted the sea to be the last thing you hear,” Ada Varga said.\n"),
                         user=editor)
    sign_in(page, live_server, f"/desk/articles/{article.pk}/")
    settled_preview(page)
    panel = page.get_by_role("region", name="In this story")
    quote = panel.locator(".story-quotes li").first
    expect(quote).to_contain_text("Ada Varga", timeout=15_000)
    expect(quote).to_contain_text("confidence")
    quote.get_by_role("button", name="Confirm Ada Varga").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".writing-preview-state")).to_contain_text("Confirmed the speaker")
    expect(panel.locator(".story-quotes li").first).to_contain_text("Ada Varga (confirmed by an editor)")
    assert QuoteCheck.objects.get().verdict == "confirmed"

    # Changed speaker, by keyboard: the form opens in place; Escape would close it.
    panel.locator(".story-quotes li").first.get_by_role("button", name=re.compile("Change the speaker")).focus()
    page.keyboard.press("Enter")
    expect(panel.get_by_label("Who said it (a name, or a person's key)")).to_be_focused()
    page.keyboard.type("Tomas Ilic")
    page.keyboard.press("Enter")
    expect(panel.locator(".story-quotes li").first).to_contain_text("Tomas Ilic (set by an editor)")
    assert QuoteCheck.objects.get().person.key == "tomas-ilic"


def test_a_dropped_picture_asks_for_alt_text_and_credit_and_the_preview_shows_it(page, live_server, newsroom):
    sign_in(page, live_server)
    focus_body(page)
    page.keyboard.type("The pier at noon.")
    page.keyboard.press("Enter")
    page.evaluate(DROP, base64.b64encode(png_bytes()).decode())
    dialog = page.get_by_role("dialog", name="Add this picture")
    expect(dialog).to_be_visible()
    expect(page.get_by_label("Alt text (required)")).to_be_focused()
    page.keyboard.type("The pier at noon")
    page.keyboard.press("Tab")
    page.keyboard.type("Photo: Desk Demo")
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden(timeout=20_000)  # the upload, on a loaded machine
    assert re.search(r":::figure\n!\[The pier at noon\]\(image:\d+\)\n:::", editor_text(page)), editor_text(page)
    settled_preview(page)
    expect(preview_frame(page).locator("figure.figure figcaption")).to_contain_text("Photo: Desk Demo",
                                                                                    timeout=10_000)
    expect(preview_frame(page).locator("figure.figure img")).to_have_attribute("alt", "The pier at noon")
