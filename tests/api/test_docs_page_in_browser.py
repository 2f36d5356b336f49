"""The API's docs page (/api/docs) works in Chromium under the site's Content-Security-Policy:
every operation is listed and the console shows no error (a blocked script or style would)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_docs_page_lists_every_operation_without_a_console_error(live_server, page):
    from newsreel.api.service import api

    operations = sum(len(methods) for methods in api.get_openapi_schema()["paths"].values())
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(live_server.url + "/api/docs")
    page.wait_for_selector(".opblock", timeout=15000)
    assert page.locator(".opblock").count() == operations
    assert errors == []
