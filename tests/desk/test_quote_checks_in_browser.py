"""Fixing a misattributed quote in a real browser: the editor finds the quote in the story
page's quote panel, gives it to the person who said it, and the public person pages follow."""

import re

import pytest
from playwright.sync_api import expect

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish

from tests.newsroom.test_quote_checks import BODY, HANDS, MONEY

from .conftest import GRAPH, make_user
from .test_review_in_browser import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_fixes_a_misattributed_quote_and_the_site_follows(chromium, live_server):
    import_knowledge_graph(GRAPH)
    make_user("edith", "editor")
    story = save_and_publish(ArticleDraft(headline="Ada Varga finishes Harbor Lights", body=BODY), origin="test")
    context, page = sign_in(chromium, live_server, "edith")
    try:
        page.goto(live_server.url + "/people/tomas-ilic/")
        expect(page.locator("main")).to_contain_text(MONEY)  # the core gave it to Tomas Ilic
        expect(page.locator("main")).not_to_contain_text(HANDS)  # not sure: waits for an editor

        page.goto(live_server.url + f"/desk/articles/{story.pk}/")
        panel = page.get_by_role("region", name="Quotes and who said them")
        expect(panel).to_contain_text("1 waiting for confirmation")
        money = panel.locator("li.quote-item", has_text=MONEY)
        expect(money).to_contain_text("Speaker: Tomas Ilic")
        money.get_by_text("Change the speaker").click()
        money.get_by_label("Person in the graph").fill("Ada Varga")
        money.get_by_role("button", name="Give the quote to this speaker").click()
        expect(page.locator(".messages")).to_contain_text("is now given to Ada Varga")

        hands = page.get_by_role("region", name="Quotes and who said them").locator("li.quote-item", has_text=HANDS)
        hands.get_by_role("button", name="Confirm Tomas Ilic").click()
        expect(page.locator(".messages")).to_contain_text("Confirmed the speaker")

        page.goto(live_server.url + "/people/ada-varga/")
        expect(page.locator("main")).to_contain_text(MONEY)
        page.goto(live_server.url + "/people/tomas-ilic/")
        expect(page.locator("main")).not_to_contain_text(MONEY)
        expect(page.locator("main")).to_contain_text(HANDS)
    finally:
        context.close()
