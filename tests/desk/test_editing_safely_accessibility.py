"""axe-core finds no violation on the editing-safely screens, light and dark: a revision
comparison, the editor offering unsaved text back with someone else present, the merge after
a save over a newer revision, and a preview link's page."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom import autosave, presence, preview_links
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_draft
from tests.browser.test_accessibility import AXE_RUN, axe_source  # noqa: F401 (a fixture)

from .conftest import GRAPH, make_user
from .test_autosave_in_browser import sign_in
from tests.writing_editor import fill_body, settled_preview

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = "Ada Varga has finished *Harbor Lights*.\n\n:::spoiler harbor-lights-2025\nThe keeper walks into the sea.\n:::\n\nIt opens in October.\n"


def axe(page, axe_source, only: list[str] | None = None) -> list[str]:
    """axe's violations on the page, or only within the `only` selectors (this helper's parts of a shared page)."""
    page.add_script_tag(content=axe_source)
    script = AXE_RUN if only is None else AXE_RUN.replace("axe.run(document,", f"axe.run({{include: {[[s] for s in only]!r}}},")
    return [f"{v['id']} ({v['impact']}): {v['help']}: " + "; ".join(v["nodes"]) for v in page.evaluate(script)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_editing_safely_screens_have_no_axe_violations(chromium, live_server, axe_source, scheme):
    import_knowledge_graph(GRAPH)
    edith, carla = make_user("edith", "editor"), make_user("carla", "contributor")
    story = save_draft(ArticleDraft(headline="Harbor Lights opens", slug="harbor-lights-opens", body=BODY), user=carla)
    save_draft(ArticleDraft(headline="Harbor Lights opens in November", slug="harbor-lights-opens",
                            body=BODY.replace("October", "November")), article=story, user=carla)
    # axe is injected as an inline script, which the desk's Content-Security-Policy rightly refuses.
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    found = {}
    try:
        sign_in(page, live_server, "edith")

        page.goto(f"{live_server.url}/desk/articles/{story.pk}/revisions/compare/?from=1&to=2")
        expect(page.locator(".diff del").first).to_be_visible()
        found["comparison"] = axe(page, axe_source)

        autosave.keep(edith, story, {"headline": "Unsaved headline", "body": "Unsaved words.\n"}, base_revision=2)
        presence.beat(story, carla)
        page.goto(f"{live_server.url}/desk/articles/{story.pk}/")
        expect(page.locator("#autosave-offer")).to_be_visible()
        expect(page.locator("#presence")).to_contain_text("carla is also editing")
        # The editor page is shared with other work (its cheat-sheet's headings are checked there).
        found["editor with an offer"] = axe(page, axe_source, only=["#autosave-offer", "#presence", ".preview-link"])

        # The spec writes from its own thread on the live server's in-memory SQLite connection,
        # which refuses it while the page's preview request holds a table: the page settles first.
        settled_preview(page)
        autosave.discard(edith, story)
        page.goto(f"{live_server.url}/desk/articles/{story.pk}/")
        settled_preview(page)
        save_draft(ArticleDraft(headline="Harbor Lights opens in December", slug="harbor-lights-opens",
                                body=BODY.replace("October", "December")), article=story, user=carla)
        fill_body(page, BODY.replace("October", "January"))
        page.get_by_role("button", name="Save draft").click()
        expect(page.locator("#merge")).to_contain_text("carla saved revision 3")
        found["merge"] = axe(page, axe_source, only=["#merge"])

        token, _ = preview_links.make_token(story, dt.timedelta(days=1))
        page.goto(f"{live_server.url}/preview/{story.pk}/{token}/")
        expect(page.locator(".preview-notice")).to_contain_text("Draft: revision 3")
        found["preview"] = axe(page, axe_source)
    finally:
        context.close()
    assert {name: problems for name, problems in found.items() if problems} == {}
