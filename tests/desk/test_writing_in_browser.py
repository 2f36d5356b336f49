"""The writing desk in Chromium, by keyboard only: a story typed with a completion chosen from
the combobox, a spoiler block from the slash menu and a pasted picture with alt text and
credit; the preview shows each, and the published page matches the preview. axe-core finds
no violation on the editor page. The screenshots in docs/desk.md are made here."""

import base64
import io
import os
import re
from pathlib import Path

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.models import Article, WorkflowState

from tests.browser.test_accessibility import AXE_RUN, axe_source  # noqa: F401 (a fixture)
from tests.graph import SAME_NAMED
from tests.writing_editor import focus_body, settled_preview, wait_for_editor  # noqa: F401 (settled_preview: for the specs beside this one)

from .conftest import GRAPH, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "images"
# Screenshots for docs/desk.md are written only when asked (NEWSREEL_SCREENSHOTS=1), so a test
# run leaves the working tree as it was.
WRITE_SCREENSHOTS = os.environ.get("NEWSREEL_SCREENSHOTS") == "1"


def shot(page, name: str) -> None:
    if WRITE_SCREENSHOTS:
        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"desk-{name}.png"))


def sign_in(page, live_server, path: str = "/desk/articles/new/") -> None:
    page.goto(live_server.url + path)
    page.wait_for_function("document.activeElement && document.activeElement.name === 'username'")
    page.keyboard.type("edith")
    page.keyboard.press("Tab")
    page.keyboard.type("correct horse battery")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(path) + "$"))


def editor_text(page) -> str:
    return page.evaluate("document.getElementById('id_body').value")


def settled_completions(page) -> None:
    """Wait until the list shows the server's answer to what was typed last."""
    wait_for_editor(page)
    page.wait_for_function("() => document.getElementById('id_body').writingEditor.completing() === 'active'")
    # Enter pressed within 75 ms of the list opening is a new line, not a choice (CodeMirror's
    # interactionDelay): a person reads the list first.
    page.wait_for_timeout(150)


def preview_frame(page):
    return page.frame_locator("#writing-preview-frame")


@pytest.fixture
def newsroom(db):
    import_knowledge_graph(GRAPH)
    import_knowledge_graph(SAME_NAMED)
    make_user("edith", "editor")


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (320, 180), (30, 60, 110)).save(buffer, "PNG")
    return buffer.getvalue()


PASTE = """(bytes) => {
  const data = Uint8Array.from(atob(bytes), c => c.charCodeAt(0));
  const file = new File([data], "lighthouse.png", {type: "image/png"});
  const transfer = new DataTransfer();
  transfer.items.add(file);
  const event = new ClipboardEvent("paste", {clipboardData: transfer, bubbles: true, cancelable: true});
  document.querySelector(".cm-content").dispatchEvent(event);
}"""


def test_a_story_typed_by_keyboard_with_a_completion_a_spoiler_and_a_picture(page, live_server, newsroom):
    sign_in(page, live_server)
    page.focus("#id_headline")
    page.keyboard.type("Two ferries, one harbour")

    # The editor replaces the textarea (kept in the form, hidden) and is reached by Tab.
    expect(page.locator("#id_body")).to_be_hidden()
    wait_for_editor(page)
    editor = page.get_by_role("textbox", name="Body")
    editor.focus()
    page.keyboard.type("We rewatched Night Fe")
    listbox = page.get_by_role("listbox")
    expect(listbox.get_by_role("option")).to_have_count(2)
    expect(listbox.get_by_role("option").nth(1)).to_have_text(re.compile(r"Night Ferry\s*\(1984, Oskar Brandt\)"))
    expect(editor).to_have_attribute("aria-autocomplete", "list")
    settled_completions(page)
    shot(page, "completion")
    page.keyboard.press("ArrowDown")  # the 1984 film, second in the list
    expect(listbox.get_by_role("option").nth(1)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    page.keyboard.type(" last night. Ada Varga said it shaped her film.")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")

    # The slash menu at the start of a line: a spoiler block, its film completed by key.
    page.keyboard.type("/spo")
    expect(page.get_by_role("option").filter(has_text="Spoiler block for a film")).to_be_visible()
    settled_completions(page)
    shot(page, "slash-menu")
    page.keyboard.press("Enter")
    page.keyboard.type("Harbor")  # types over the selected "film"
    expect(page.get_by_role("option").filter(has_text="harbor-lights-2025")).to_be_visible()
    settled_completions(page)
    page.keyboard.press("Enter")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Home")
    page.keyboard.press("Shift+End")
    page.keyboard.type("The keeper walks into the sea.")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")

    # A picture pasted: alt text and credit asked for in place, both required.
    page.evaluate(PASTE, base64.b64encode(png_bytes()).decode())
    dialog = page.get_by_role("dialog", name="Add this picture")
    expect(dialog).to_be_visible()
    expect(page.get_by_label("Alt text (required)")).to_be_focused()
    page.keyboard.press("Enter")  # nothing typed: refused, with the reason beside the field
    expect(dialog).to_contain_text("every published picture needs alt text")
    page.keyboard.type("A lighthouse at dusk")
    page.keyboard.press("Tab")
    page.keyboard.type("Photo: Newsreel Demo")
    shot(page, "picture")
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    body = editor_text(page)
    assert re.search(r":::figure\n!\[A lighthouse at dusk\]\(image:\d+\)\n:::", body), body
    assert body.startswith("We rewatched Night Ferry last night.")
    assert ":::spoiler harbor-lights-2025\nThe keeper walks into the sea.\n:::" in body

    # The hero picture, from thumbnails found by a search (the keyboard only).
    page.get_by_label("Find a picture").focus()
    page.keyboard.type("lighthouse")
    choice = page.get_by_role("button", name=re.compile("A lighthouse at dusk"))
    expect(choice).to_have_attribute("aria-pressed", "false")
    choice.focus()
    page.keyboard.press("Enter")
    expect(choice).to_have_attribute("aria-pressed", "true")
    shot(page, "hero-picker")

    # The preview (the public page's own rendering) shows each.
    settled_preview(page)
    frame = preview_frame(page)
    expect(frame.locator("details.spoiler")).to_have_attribute("data-film", "harbor-lights-2025", timeout=10_000)
    expect(frame.locator("figure.figure figcaption")).to_contain_text("Photo: Newsreel Demo")
    expect(frame.locator('a[href="/films/night-ferry-1984/"]')).to_have_text("Night Ferry")
    panel = page.get_by_role("region", name="In this story")
    expect(panel.locator(".story-films")).to_contain_text("Harbor Lights")
    expect(panel.locator(".story-films")).to_contain_text("spoiled")
    expect(page.locator(".cm-nr-hides")).to_have_text("hides Harbor Lights (2025)")
    expect(page.locator(".writing-counts")).to_contain_text("min read")
    shot(page, "editor")
    # What the frame shows is the public site's draft preview page, as the server wrote it.
    preview_html = page.request.get(live_server.url + "/preview/draft/new/").text()
    assert frame.locator(".spoiler-body").first.text_content().strip() == "The keeper walks into the sea."

    page.get_by_role("button", name="Publish").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messages")).to_contain_text("Published revision 1.")
    article = Article.objects.get()
    assert article.state == WorkflowState.PUBLISHED and article.spoiler_films == ["harbor-lights-2025"]
    assert article.hero_image.alt == "A lighthouse at dusk"
    assert article.link_overrides["add"] == [{"kind": "film", "key": "night-ferry-1984", "surface": "Night Ferry"}]

    # The published page's article is the preview's article.
    published_html = page.request.get(live_server.url + article.get_absolute_url()).text()
    assert article_element(published_html) == article_element(preview_html)


def article_element(html: str) -> str:
    """The story as readers get it, less what differs by nature: the dates (the preview's is now)."""
    story = re.search(r"<article\b.*?</article>", html, re.S).group(0)
    return re.sub(r"<time[^>]*>.*?</time>", "<time>", story, flags=re.S)


def test_the_editor_page_has_no_axe_violation(chromium, live_server, newsroom, axe_source):  # noqa: F811
    context = chromium.new_context(bypass_csp=True, viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        sign_in(page, live_server)
        focus_body(page)
        page.keyboard.type("Ada Varga on *Harbor Lights*.")
        settled_preview(page)
        expect(preview_frame(page).locator("article")).to_contain_text("Harbor Lights", timeout=10_000)
        page.add_script_tag(content=axe_source)
        assert page.evaluate(AXE_RUN) == []
    finally:
        context.close()


def test_without_scripts_the_textarea_and_form_still_work(chromium, live_server, newsroom):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/desk/login/?next=/desk/articles/new/")
        page.fill("#id_username", "edith")
        page.fill("#id_password", "correct horse battery")
        page.click("button[type=submit]")
        page.fill("#id_headline", "Written without scripts")
        page.fill("#id_body", "Ada Varga has finished *Harbor Lights*.\n")
        expect(page.locator(".writing-toolbar")).to_have_count(0)
        page.get_by_role("button", name="Save draft").click()
        expect(page.locator(".messages")).to_contain_text("Saved as revision 1.")
        assert Article.objects.get().body == "Ada Varga has finished *Harbor Lights*.\n"
    finally:
        context.close()
