"""The writing editor's formatting in Chromium: the keyboard shortcuts and the toolbar (bold,
italic, link, heading, spoiler block) edit the Markdown the way a writer would type it, and
quotes and dashes become the typographer's ones as they are typed (the reader sees what is
typed: the renderer does not change them)."""

import re

import pytest
from playwright.sync_api import expect

from .test_writing_in_browser import editor_text, newsroom, preview_frame, settled_preview, sign_in  # noqa: F401
from tests.writing_editor import wait_for_editor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def start_with(page, text: str):
    """The editor holding `text` and all of it selected (Ctrl+A), focused."""
    editor = page.get_by_role("textbox", name="Body")
    expect(editor).to_be_visible()  # the signed-in page has loaded
    wait_for_editor(page)
    page.evaluate("(text) => document.getElementById('id_body').writingEditor.setText(text)", text)
    editor.focus()
    page.keyboard.press("Control+a")
    return editor


def test_the_keyboard_shortcuts_mark_up_the_selection(page, live_server, newsroom):  # noqa: F811
    sign_in(page, live_server)
    start_with(page, "Quiet rooms")
    page.keyboard.press("Control+b")
    assert editor_text(page) == "**Quiet rooms**"

    start_with(page, "Cold open")
    page.keyboard.press("Control+i")
    page.keyboard.type("Dry run")  # the text stays selected inside the marks: typing replaces it
    assert editor_text(page) == "*Dry run*"

    start_with(page, "the trailer")
    page.keyboard.press("Control+k")
    page.keyboard.type("https://example.org/trailer")  # the address is selected, ready to type over
    assert editor_text(page) == "[the trailer](https://example.org/trailer)"

    start_with(page, "Fog bank")
    page.keyboard.press("Control+Alt+2")
    assert editor_text(page) == "## Fog bank"
    page.keyboard.press("Control+Alt+2")  # again: back to a paragraph
    assert editor_text(page) == "Fog bank"

    start_with(page, "")
    page.keyboard.press("Control+Alt+s")  # a block, and not a save (Ctrl+S saves the draft)
    page.keyboard.type("harbor-lights-2025")  # the block's film is selected, ready to type over
    assert editor_text(page) == ":::spoiler harbor-lights-2025\nWhat happens.\n:::"
    assert page.url.endswith("/desk/articles/new/")


def test_an_empty_selection_gets_a_placeholder_to_type_over(page, live_server, newsroom):  # noqa: F811
    sign_in(page, live_server)
    start_with(page, "")
    page.keyboard.press("Control+b")
    assert editor_text(page) == "**bold text**"
    page.keyboard.type("sea")
    assert editor_text(page) == "**sea**"


def test_the_toolbar_is_one_tab_stop_whose_buttons_do_what_their_shortcuts_do(page, live_server,
                                                                              newsroom):  # noqa: F811
    sign_in(page, live_server)
    toolbar = page.get_by_role("toolbar", name="Formatting")
    shortcuts = {"Bold": "Control+B", "Italic": "Control+I", "Link": "Control+K", "Heading": "Control+Alt+2",
                 "Spoiler block": "Control+Alt+S"}
    for name, keys in shortcuts.items():
        expect(toolbar.get_by_role("button", name=name, exact=True)).to_have_attribute("aria-keyshortcuts", keys)

    # By keyboard: Shift+Tab from the text reaches the toolbar, arrows move, Enter presses.
    editor = start_with(page, "Pier cut")
    page.keyboard.press("Shift+Tab")
    expect(toolbar.get_by_role("button", name="Bold", exact=True)).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(toolbar.get_by_role("button", name="Italic", exact=True)).to_be_focused()
    page.keyboard.press("Enter")
    assert editor_text(page) == "*Pier cut*"
    expect(editor).to_be_focused()  # back in the text, to go on writing

    # With the pointer: each button works on the selection the text had.
    for name, marked in [("Bold", "**Pier cut**"), ("Link", "[Pier cut](https://)"), ("Heading", "## Pier cut")]:
        start_with(page, "Pier cut")
        toolbar.get_by_role("button", name=name, exact=True).click()
        assert editor_text(page) == marked
        expect(editor).to_be_focused()
    start_with(page, "")
    toolbar.get_by_role("button", name="Spoiler block", exact=True).click()
    assert editor_text(page) == ":::spoiler film\nWhat happens.\n:::"


def test_quotes_and_dashes_become_typographic_as_typed_and_the_preview_shows_them(page, live_server,
                                                                                   newsroom):  # noqa: F811
    sign_in(page, live_server)
    editor = start_with(page, "")
    page.keyboard.type("\"It's over,\" she said -- and then---nothing. 'Quiet' rooms, says `don't`.")
    expected = "“It’s over,” she said – and then—nothing. ‘Quiet’ rooms, says `don't`."
    assert editor_text(page) == expected
    # A list item's dash and a rule on its own line stay as typed.
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("- one\n\n---")
    assert editor_text(page) == expected + "\n\n- one\n\n---"
    expect(editor).to_be_focused()
    settled_preview(page)
    article = preview_frame(page).locator("article")
    expect(article).to_contain_text(re.compile("“It’s over,” she said – and then—nothing. ‘Quiet’ rooms"),
                                     timeout=10_000)
    expect(article.locator("code")).to_have_text("don't")
