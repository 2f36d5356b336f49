"""The API's docs page (/api/docs) works in Chromium under the site's Content-Security-Policy:
every operation is listed and the console shows no error (a blocked script or style would)."""

from __future__ import annotations

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_page_lists_every_operation_without_a_console_error(live_server):
    from playwright.sync_api import sync_playwright

    from newsreel.api.service import api

    operations = sum(len(methods) for methods in api.get_openapi_schema()["paths"].values())
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            errors: list[str] = []
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.goto(live_server.url + "/api/docs")
            page.wait_for_selector(".opblock", timeout=15000)
            assert page.locator(".opblock").count() == operations
            assert errors == []
        finally:
            browser.close()
