"""People in a real browser: an administrator invites someone, who accepts the e-mailed
link, chooses a password and logs in; the administrator deactivates them and their open
session stops."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from .conftest import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a lighthouse at dusk"


def log_in(page, base: str, username: str, password: str) -> None:
    page.goto(base + "/desk/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/desk/$"))


def test_an_invited_person_accepts_logs_in_and_is_stopped_when_deactivated(chromium, live_server):
    make_user("ann", "administrator")
    admin = chromium.new_context().new_page()
    invitee = chromium.new_context().new_page()
    for page in (admin, invitee):
        page.set_default_timeout(20_000)
    try:
        log_in(admin, live_server.url, "ann", "correct horse battery")
        admin.get_by_role("link", name="People", exact=True).click()
        admin.get_by_role("link", name="Add a person").click()
        admin.fill("#id_first_name", "Iris")
        admin.fill("#id_last_name", "Lund")
        admin.fill("#id_username", "iris")
        admin.fill("#id_email", "iris@newsroom.example")
        admin.get_by_label("Editor: edits, schedules and publishes every story").check()
        admin.get_by_role("button", name="Add").click()
        expect(admin.locator(".messages")).to_contain_text("An invitation went to iris@newsroom.example")
        expect(admin.locator(".status-line")).to_contain_text("Invited")

        [message] = mail.outbox
        link = re.search(r"https?://\S+", message.body).group(0)
        invitee.goto(link)
        expect(invitee.get_by_role("heading", level=1)).to_have_text("Welcome to the desk, Iris Lund")
        invitee.fill("#id_new_password1", PASSWORD)
        invitee.fill("#id_new_password2", PASSWORD)
        invitee.get_by_role("button", name="Set my password").click()
        expect(invitee.locator(".messages")).to_contain_text("Your password is set. Log in as iris.")
        invitee.fill("#id_username", "iris")
        invitee.fill("#id_password", PASSWORD)
        invitee.get_by_role("button", name="Log in").click()
        invitee.wait_for_url(re.compile(r"/desk/$"))
        expect(invitee.locator(".account .role")).to_have_text("editor")

        admin.reload()
        expect(admin.locator(".status-line")).to_contain_text("Active")
        admin.once("dialog", lambda dialog: dialog.accept())  # "Deactivate Iris Lund? ..."
        admin.get_by_role("button", name="Deactivate").click()
        expect(admin.locator(".messages")).to_contain_text("Deactivated Iris Lund")

        # The open session no longer works, and the page says why.
        refused = invitee.goto(live_server.url + "/desk/articles/new/")
        assert refused.status == 403
        expect(invitee.locator("body")).to_contain_text("Your account has been deactivated")
        invitee.goto(live_server.url + "/desk/login/")
        invitee.fill("#id_username", "iris")
        invitee.fill("#id_password", PASSWORD)
        invitee.get_by_role("button", name="Log in").click()
        expect(invitee.locator("#login-errors")).to_contain_text("This account has been deactivated")
    finally:
        admin.context.close()
        invitee.context.close()
