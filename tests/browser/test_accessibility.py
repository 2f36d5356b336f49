"""axe-core finds no accessibility violation on the pages readers meet most: home, an article
(hero photo, figure, spoiler block), a film page and search results; in light and dark
colour schemes, and on a 320 px wide screen. (Marked `browser`; Chromium through Playwright,
axe-core from node_modules, installed by `make test` from package.json.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import IN_CI
from tests.public.quality_site import PAGE_NAMES, publish_quality_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# Every rule axe-core runs by default (WCAG 2.0-2.2 A and AA, and its best practices).
AXE_RUN = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(" ") + ": " + n.failureSummary.replace(/\\s+/g, " ")),
  }));
}"""
VIEWS = {
    "light": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"},
    "320px": {"viewport": {"width": 320, "height": 640}, "color_scheme": "light"},
    "320px-dark": {"viewport": {"width": 320, "height": 640}, "color_scheme": "dark"},
}


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE.exists():
        message = f"axe-core is not installed at {AXE} (run `make test` or `npm ci`)"
        if IN_CI:
            pytest.fail(message + "; CI=true: a missing axe-core fails the run", pytrace=False)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.fixture
def quality_site(db):
    return publish_quality_site()


def violations(chromium, url: str, view: dict, axe_source: str) -> list[str]:
    # axe-core is injected as an inline script, which the site's Content-Security-Policy refuses.
    context = chromium.new_context(bypass_csp=True, **view)
    try:
        page = context.new_page()
        page.set_default_timeout(15_000)
        response = page.goto(url)
        assert response is not None and response.status == 200, url
        page.add_script_tag(content=axe_source)
        return [f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(v["nodes"])
                for v in page.evaluate(AXE_RUN)]
    finally:
        context.close()


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_axe_finds_no_violation_in_any_colour_scheme_or_width(live_server, chromium, axe_source, quality_site, name):
    url = live_server.url + getattr(quality_site, name)
    found = {view: violations(chromium, url, settings, axe_source) for view, settings in VIEWS.items()}
    assert found == {view: [] for view in VIEWS}


def test_axe_sees_the_article_with_its_spoiler_panel_opened(live_server, chromium, axe_source, quality_site):
    """A revealed spoiler block is checked too (its contents are hidden from axe while closed)."""
    context = chromium.new_context(bypass_csp=True, **VIEWS["light"])
    try:
        page = context.new_page()
        page.goto(live_server.url + quality_site.article)
        page.locator("details.spoiler summary").first.click()
        assert page.locator("details.spoiler").first.evaluate("element => element.open")
        page.add_script_tag(content=axe_source)
        assert page.evaluate(AXE_RUN) == []
    finally:
        context.close()
