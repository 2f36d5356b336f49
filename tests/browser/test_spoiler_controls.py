"""Spoiler controls in Chromium: reveal on request, "I've seen it" carried across pages,
undo from the footer's list of films marked as seen, and spoiler-free mode keeping every
block closed. (Marked `browser`; skipped where Chromium is missing.)"""

from __future__ import annotations

import pytest

from tests.public.stories import SPOILER, films, harbor_body, story  # noqa: F401  (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SEEN_IT = "I’ve seen it: open spoilers for Harbor Lights everywhere"


@pytest.fixture
def two_stories(films):
    story("First Harbor story", hours=1, body=harbor_body(), slug="first-harbor")
    story("Second Harbor story", hours=2, body=harbor_body("Tomas Ilic on *Harbor Lights* (2025)."), slug="second-harbor")


def spoiler_open(page) -> bool:
    return page.locator("details.spoiler").evaluate("element => element.open")


def panel(page):
    return page.locator("[data-spoiler-prefs]")


def test_a_spoiler_opens_when_the_reader_reveals_it(live_server, page, two_stories):
    page.goto(live_server.url + "/articles/first-harbor/")
    assert not page.get_by_text(SPOILER).is_visible()
    page.get_by_text("Reveal").click()
    assert page.get_by_text(SPOILER).is_visible()


def test_ive_seen_it_carries_across_pages_and_is_undone_from_the_footer(live_server, page, two_stories):
    page.goto(live_server.url + "/articles/first-harbor/")
    page.get_by_role("button", name=SEEN_IT).click()
    assert spoiler_open(page)
    assert "will open by themselves" in page.get_by_role("status").text_content()
    page.goto(live_server.url + "/articles/second-harbor/")
    assert spoiler_open(page)
    page.goto(live_server.url + "/films/harbor-lights-2025/")
    seen = panel(page).get_by_role("list", name="Films you’ve marked as seen")
    assert seen.get_by_role("link").text_content() == "Harbor Lights"
    panel(page).get_by_role("button", name="Undo: I haven’t seen Harbor Lights").click()
    assert panel(page).get_by_role("listitem").count() == 0
    assert page.get_by_role("button", name=SEEN_IT).is_visible()  # the film page's own control follows
    page.goto(live_server.url + "/articles/first-harbor/")
    assert not spoiler_open(page)


def test_the_film_page_can_mark_a_film_as_seen(live_server, page, two_stories):
    page.goto(live_server.url + "/films/harbor-lights-2025/")
    page.get_by_role("button", name=SEEN_IT).click()
    page.goto(live_server.url + "/articles/second-harbor/")
    assert spoiler_open(page)


def test_spoiler_free_mode_keeps_every_block_closed_until_it_is_turned_off(live_server, page, two_stories):
    page.goto(live_server.url + "/articles/first-harbor/")
    page.get_by_role("button", name=SEEN_IT).click()
    toggle = panel(page).get_by_role("button", name="Spoiler-free mode")
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.focus()
    page.keyboard.press("Enter")  # usable from the keyboard alone
    assert toggle.get_attribute("aria-pressed") == "true"
    assert not spoiler_open(page)
    page.reload()
    assert not spoiler_open(page)
    page.goto(live_server.url + "/articles/second-harbor/")
    assert not spoiler_open(page)
    page.get_by_text("Reveal").click()  # a reader may still open one on purpose
    assert page.get_by_text(SPOILER).is_visible()
    panel(page).get_by_role("button", name="Spoiler-free mode").click()
    page.goto(live_server.url + "/articles/first-harbor/")
    assert spoiler_open(page)  # seen films open by themselves again


def test_without_javascript_no_control_shows_and_blocks_still_open(live_server, chromium, two_stories):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/articles/first-harbor/")
        assert not panel(page).is_visible()
        assert page.locator(".spoiler-button").count() == 0
        page.get_by_text("Reveal").click()
        assert page.get_by_text(SPOILER).is_visible()
    finally:
        context.close()
