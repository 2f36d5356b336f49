"""“Forgot your password?” on the desk's login page: a link by e-mail to the account's own
address, the same answer whether or not an account uses the address typed, throttled like
log-ins, and a link that sets the password once."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from .conftest import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "harbor-lights-at-dusk"
NEW_PASSWORD = "a-quieter-pier-at-noon"


@pytest.fixture
def nadia(db):
    user = make_user("nadia", "editor")
    user.set_password(PASSWORD)
    user.save()
    return user


def ask(client, email: str, address: str = "203.0.113.7"):
    return client.post("/desk/login/forgot/", {"email": email}, REMOTE_ADDR=address)


def run_queued_mail() -> None:
    """What the worker's next turn does with the queued request."""
    for queued in DBTaskResult.objects.ready():
        queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
        queued.delete()


def test_the_login_page_offers_it(client):
    page = client.get("/desk/login/").content.decode()
    assert 'href="/desk/login/forgot/"' in page and "Forgot your password?" in page
    form = client.get("/desk/login/forgot/")
    assert form.status_code == 200 and 'type="email"' in form.content.decode()


def test_a_link_goes_to_the_accounts_address_and_sets_a_new_password_once(client, nadia, settings):
    response = ask(client, "NADIA@newsroom.example")  # any case
    assert response.status_code == 302 and response["Location"] == "/desk/login/forgot/sent/"
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()
    assert mail.outbox == []  # queued, not sent in the request
    run_queued_mail()
    assert [message.to for message in mail.outbox] == [["nadia@newsroom.example"]]
    body = mail.outbox[0].body
    link = re.search(r"https?://\S+/desk/password-reset/\S+/", body).group(0)
    assert link.startswith(settings.SITE_URL + "/desk/password-reset/")  # the site's address, not the request's host
    assert "Someone asked for a new password for your account (nadia)" in body
    path = link[len(settings.SITE_URL):]
    done = client.post(path, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/desk/login/"
    nadia.refresh_from_db()
    assert nadia.check_password(NEW_PASSWORD)
    again = client.get(path)
    assert again.status_code == 400 and "Forgot your password?" in again.content.decode()


def test_an_address_no_account_uses_gets_the_same_answer_and_no_mail(client, nadia):
    known, unknown = ask(client, "nadia@newsroom.example"), ask(client, "nobody@newsroom.example")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    # The request does the same work either way: it queues the address, and the worker looks it up.
    assert DBTaskResult.objects.count() == 2
    run_queued_mail()
    assert [message.to for message in mail.outbox] == [["nadia@newsroom.example"]]


def test_the_request_never_reads_the_accounts(client, nadia):
    with CaptureQueriesContext(connection) as queries:
        ask(client, "nadia@newsroom.example")
    assert not any("auth_user" in query["sql"] for query in queries.captured_queries)


def test_deactivated_accounts_and_accounts_without_a_password_get_no_link(client, nadia):
    nadia.is_active = False
    nadia.save()
    invited = make_user("ivo", "contributor")
    invited.set_unusable_password()  # invited, never set one: the invitation is their way in
    invited.save()
    ask(client, "nadia@newsroom.example")
    ask(client, "ivo@newsroom.example")
    run_queued_mail()
    assert mail.outbox == []


def test_a_wrong_address_is_named_and_nothing_is_queued(client):
    response = ask(client, "not an address")
    assert response.status_code == 400 and "Enter a valid email address." in response.content.decode()
    assert not DBTaskResult.objects.exists()


def test_five_requests_for_one_address_pause_asking_whoever_asks(client, nadia):
    for n in range(5):
        assert ask(client, "nadia@newsroom.example", address=f"198.51.100.{n}").status_code == 302
    paused = ask(client, "nadia@newsroom.example", address="198.51.100.99")
    assert paused.status_code == 429 and "paused for 15 minutes" in paused.content.decode()
    assert DBTaskResult.objects.count() == 5


def test_five_requests_from_one_address_pause_it_for_any_account_known_or_not(client, nadia):
    for n in range(5):
        assert ask(client, f"someone{n}@newsroom.example").status_code == 302
    assert ask(client, "nadia@newsroom.example").status_code == 429
    assert ask(client, "nadia@newsroom.example", address="198.51.100.7").status_code == 302  # elsewhere


def test_the_pause_ends_after_the_cool_off(client, nadia, settings):
    import datetime as dt

    from newsreel.desk.models import ResetRequest

    for _ in range(5):
        ask(client, "nadia@newsroom.example")
    assert ask(client, "nadia@newsroom.example").status_code == 429
    ResetRequest.objects.update(made_at=ResetRequest.objects.first().made_at - dt.timedelta(minutes=16))
    assert ask(client, "nadia@newsroom.example").status_code == 302


def test_nothing_typed_is_stored_as_typed(client, nadia):
    from newsreel.desk.models import ResetRequest

    ask(client, "nadia@newsroom.example")
    stored = ResetRequest.objects.values_list("address", "account").get()
    assert "nadia" not in "".join(stored) and "203.0.113.7" not in "".join(stored)
