"""Adding a film with its poster in a real browser, then finding it on the public site: the
page shows the poster with its credit, and a story that names the film links to it."""

import re

import pytest
from PIL import Image as PILImage
from playwright.sync_api import expect

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom import graph_relinks
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import RelinkJob
from newsreel.newsroom.publishing import save_and_publish

from .conftest import GRAPH, make_user
from .test_review_in_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_adds_a_film_with_its_poster_and_sees_it_on_the_site(chromium, live_server, tmp_path):
    import_knowledge_graph(GRAPH)
    make_user("edith", "editor")
    story = save_and_publish(ArticleDraft(headline="Ferries on film", body="*Winter Ferry* opens in February."),
                             origin="test")
    poster = tmp_path / "winter-ferry.png"
    PILImage.new("RGB", (400, 600), (30, 60, 120)).save(poster)
    context, page = sign_in(chromium, live_server, "edith")
    try:
        page.get_by_role("navigation", name="Desk").get_by_role("link", name="Films").click()
        page.get_by_role("link", name="Add a film").click()
        page.get_by_label("Title").fill("Winter Ferry")
        page.get_by_label("Key").fill("winter-ferry-2026")
        page.get_by_label("Year").fill("2026")
        page.get_by_label("Distributor").fill("Kestrel Films")
        page.get_by_label("Release status").select_option("announced")
        page.get_by_label("Or upload a new picture").set_input_files(str(poster))
        page.get_by_label("Its alt text").fill("A ferry locked in sea ice")
        page.get_by_label("Its credit").fill("Courtesy Kestrel Films")
        page.get_by_role("button", name="Add the film").click()
        expect(page.locator(".messages")).to_contain_text(
            "Added “Winter Ferry (2026)”; the stories naming it are being linked again")
        expect(page.locator("#relink")).to_contain_text("waiting for the worker")
        graph_relinks.run(RelinkJob.objects.get().pk, worker="spec:1")  # the worker's turn
        # The notice asks for the job's status and says it is done, without a reload.
        expect(page.locator("#relink")).to_contain_text("linked again: 1 checked, 1 republished")
        page.reload()
        expect(page.get_by_role("region", name="Stories that mention it")).to_contain_text("Ferries on film")

        page.get_by_role("link", name="View on the site").click()
        page.wait_for_url(re.compile(r"/films/winter-ferry-2026/$"))
        expect(page.get_by_role("heading", level=1)).to_contain_text("Winter Ferry")
        expect(page.get_by_alt_text("A ferry locked in sea ice")).to_be_visible()
        expect(page.locator("main")).to_contain_text("Courtesy Kestrel Films")
        assert page.locator('meta[property="og:image"]').get_attribute("content")

        page.goto(live_server.url + story.get_absolute_url())
        expect(page.locator("main a[href='/films/winter-ferry-2026/']").first).to_be_visible()
    finally:
        context.close()
