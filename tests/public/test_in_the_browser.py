"""The article page in Chromium: spoilers open on request, "I've seen it" remembers, and
the page fits a 320 px screen. (Marked `browser`; skipped where Chromium is missing.)"""

from __future__ import annotations

import pytest

from tests.public.conftest import SPOILER

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def two_stories(make_article, publish, site):
    publish(make_article("First Harbor story", slug="first-harbor"))
    publish(make_article("Second Harbor story", slug="second-harbor"))


def spoiler_open(page) -> bool:
    return page.locator("details.spoiler").evaluate("element => element.open")


def test_a_spoiler_stays_closed_until_the_reader_reveals_it(live_server, page, two_stories):
    page.goto(live_server.url + "/articles/first-harbor/")
    assert not page.get_by_text(SPOILER).is_visible()
    page.get_by_text("Reveal").click()
    assert page.get_by_text(SPOILER).is_visible()


def test_a_spoiler_opens_from_the_keyboard(live_server, page, two_stories):
    page.goto(live_server.url + "/articles/first-harbor/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.locator("details.spoiler > summary").focus()
    page.keyboard.press("Enter")
    assert spoiler_open(page)


def test_ive_seen_it_opens_that_films_spoilers_everywhere_until_hidden_again(live_server, page, two_stories):
    page.goto(live_server.url + "/articles/first-harbor/")
    page.get_by_role("button", name="I’ve seen it: open spoilers for Harbor Lights everywhere").click()
    assert spoiler_open(page)
    page.goto(live_server.url + "/articles/second-harbor/")
    assert spoiler_open(page)
    page.get_by_role("button", name="Hide again: keep spoilers for Harbor Lights closed").click()
    assert not spoiler_open(page)
    page.reload()
    assert not spoiler_open(page)


def test_without_javascript_the_spoiler_still_opens(live_server, chromium, two_stories):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/articles/first-harbor/")
        assert page.locator(".spoiler-button").count() == 0
        page.get_by_text("Reveal").click()
        assert page.get_by_text(SPOILER).is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_fit_a_320_pixel_screen(live_server, chromium, two_stories, scheme):
    context = chromium.new_context(viewport={"width": 320, "height": 640}, color_scheme=scheme)
    try:
        page = context.new_page()
        for path in ("/", "/articles/first-harbor/", "/films/harbor-lights-2025/", "/people/ada-varga/"):
            page.goto(live_server.url + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    finally:
        context.close()
