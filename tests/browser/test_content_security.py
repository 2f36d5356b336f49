"""Chromium enforces our Content-Security-Policy on public and desk pages and finds nothing to
refuse: every script and style sheet is our own file, JSON-LD is data, and the spoiler controls
and the desk's comforts still work under it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.desk.conftest import make_user
from tests.public.stories import SPOILER, films, harbor_body, story  # noqa: F401  (fixture)
from tests.writing_editor import fill_body

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
"""


@pytest.fixture
def watched(page):
    """The page, recording every policy violation and every console message about one."""
    console = []
    page.on("console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None)
    page.add_init_script(RECORD_VIOLATIONS)
    page.console_about_policy = console
    return page


def assert_nothing_refused(page) -> None:
    assert page.evaluate("window.cspViolations") == [], page.url
    assert page.console_about_policy == [], page.url


def test_public_pages_load_everything_under_the_policy(live_server, watched, films):
    story("Harbor Lights ends its run", body=harbor_body(), slug="harbor-ends", tags=["Drama"])
    for path in ("/", "/articles/harbor-ends/", "/films/harbor-lights-2025/", "/people/ada-varga/",
                 "/tags/drama/", "/search/?q=harbor", "/archive/", "/no-such-page/"):
        response = watched.goto(live_server.url + path)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
        watched.wait_for_load_state("load")
        assert_nothing_refused(watched)
    watched.goto(live_server.url + "/articles/harbor-ends/")
    assert watched.locator('script[type="application/ld+json"]').count() >= 1
    watched.get_by_text("Reveal").click()  # the spoiler controls' script ran under the policy
    assert watched.get_by_text(SPOILER).is_visible()
    assert_nothing_refused(watched)


def test_desk_pages_load_everything_under_the_policy(live_server, watched, films):
    make_user("edith", "editor")
    watched.goto(live_server.url + "/desk/login/")
    assert_nothing_refused(watched)
    watched.fill("#id_username", "edith")
    watched.fill("#id_password", "correct horse battery")
    watched.keyboard.press("Enter")
    watched.wait_for_url(re.compile(r"/desk/$"))
    for path in ("/desk/", "/desk/articles/new/", "/desk/images/"):
        watched.goto(live_server.url + path)
        assert_nothing_refused(watched)
    watched.goto(live_server.url + "/desk/articles/new/")
    watched.fill("#id_headline", "A draft")
    fill_body(watched, "Some words.")
    watched.keyboard.press("Control+s")  # desk.js's shortcut: our own script runs under the policy
    watched.wait_for_url(re.compile(r"/desk/articles/\d+/$"))
    expect(watched.locator(".messages")).to_contain_text("Saved")
    assert_nothing_refused(watched)


def test_an_injected_inline_script_would_be_refused(live_server, watched, films):
    """The policy really binds: a script element added to the page does not run."""
    watched.goto(live_server.url + "/")
    watched.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1';
                                document.body.append(s); }""")
    assert watched.evaluate("window.ran") is None
    assert any("script-src" in violation for violation in watched.evaluate("window.cspViolations"))
