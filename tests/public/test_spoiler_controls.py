"""Spoiler controls as the server sends them: every page carries the controls' script and
a hidden footer panel it fills, spoiler blocks are plain details/summary that open without
JavaScript, and the script keeps the reader's choices in this browser only.

What the script does in a browser is specified in tests/browser/test_spoiler_controls.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import newsreel.public
from tests.public.stories import films, harbor_body, story  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db

SCRIPT = Path(newsreel.public.__file__).parent / "static" / "public" / "spoilers.js"
SCRIPT_TAG = '<script src="/static/public/spoilers.js" defer></script>'


@pytest.fixture
def site_pages(films):
    article = story("Harbor story", body=harbor_body(), tags=["Drama"])
    return ["/", article.get_absolute_url(), "/films/harbor-lights-2025/", "/people/ada-varga/", "/sections/news/",
            "/tags/drama/", "/archive/", "/archive/2026/03/"]


def test_every_page_loads_the_spoiler_controls_once(client, site_pages):
    for path in site_pages:
        html = client.get(path).content.decode()
        assert html.count(SCRIPT_TAG) == 1, path


def test_the_footer_panel_is_hidden_until_the_script_fills_it(client, site_pages):
    for path in site_pages:
        html = client.get(path).content.decode()
        panel = re.search(r"<section class=\"spoiler-prefs\"[^>]*>", html)
        assert panel, path
        assert " hidden" in panel.group(0) and 'aria-labelledby="spoiler-prefs-heading"' in panel.group(0), path
        assert "<button" not in html.split('class="spoiler-prefs"')[1].split("</section>")[0], path


def test_the_film_pages_seen_control_is_hidden_until_the_script_fills_it(client, site_pages):
    html = client.get("/films/harbor-lights-2025/").content.decode()
    assert re.search(r'<div class="seen-control" data-seen-control data-film="harbor-lights-2025" '
                     r'data-title="Harbor Lights" hidden></div>', html)


def test_spoiler_blocks_open_on_request_without_javascript(client, site_pages):
    html = client.get(site_pages[1]).content.decode()
    block = re.search(r'<details class="spoiler" data-film="harbor-lights-2025">\s*<summary[^>]*>.*?</summary>', html, re.S)
    assert block and "Reveal" in block.group(0)
    assert "<details class=\"spoiler\" data-film=\"harbor-lights-2025\" open" not in html
    assert "I’ve seen it" not in html and "spoiler-button" not in html  # controls are built by the script


def test_the_script_keeps_choices_in_local_storage_only():
    source = SCRIPT.read_text()
    assert "localStorage" in source
    for tracker in ("document.cookie", "sessionStorage", "fetch(", "XMLHttpRequest", "sendBeacon", "navigator.userAgent"):
        assert tracker not in source, tracker


def test_the_scripts_controls_announce_their_state():
    source = SCRIPT.read_text()
    assert '"aria-pressed"' in source  # spoiler-free mode is a toggle button
    assert '"aria-live"' in source and '"status"' in source  # changes are announced
