"""The desk's front door: log-ins throttled per account and per address, passwords checked."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from .conftest import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "harbor-lights-at-dusk"


@pytest.fixture
def editor_account(db):
    user = make_user("nadia", "editor")
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in(client, username, password, address="203.0.113.7"):
    return client.post("/desk/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_five_wrong_passwords_lock_the_account_with_a_clear_message(client, editor_account):
    for _ in range(4):
        assert log_in(client, "nadia", "wrong").status_code == 200
    assert log_in(client, "nadia", "wrong").status_code == 429  # the fifth failure locks
    response = log_in(client, "nadia", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed log-ins for this account or from this address" in page
    assert "paused for 15 minutes" in page
    assert "_auth_user_id" not in client.session


def test_the_account_stays_locked_from_another_address(client, editor_account):
    for _ in range(5):
        log_in(client, "nadia", "wrong", address="203.0.113.7")
    assert log_in(client, "nadia", PASSWORD, address="198.51.100.9").status_code == 429


def test_one_address_trying_many_accounts_is_locked(client, editor_account):
    for number in range(5):
        log_in(client, f"guess{number}", "wrong", address="203.0.113.7")
    assert log_in(client, "nadia", PASSWORD, address="203.0.113.7").status_code == 429
    # The account itself is not locked: its owner elsewhere still gets in.
    assert log_in(client, "nadia", PASSWORD, address="198.51.100.9").status_code == 302


def test_a_success_before_the_limit_resets_the_count(client, editor_account):
    for _ in range(4):
        log_in(client, "nadia", "wrong")
    assert log_in(client, "nadia", PASSWORD).status_code == 302
    client.post("/desk/logout/")
    for _ in range(4):
        log_in(client, "nadia", "wrong")
    assert log_in(client, "nadia", PASSWORD).status_code == 302


def test_an_administrator_unlocks_an_account(client, editor_account):
    for _ in range(5):
        log_in(client, "nadia", "wrong")
    call_command("axes_reset_username", "nadia", stdout=open("/dev/null", "w"))
    assert log_in(client, "nadia", PASSWORD, address="198.51.100.9").status_code == 302


@pytest.mark.parametrize("password, message", [
    ("short1", "too short"),
    ("password123", "too common"),
    ("83749201938", "entirely numeric"),
    ("nadia.ferro", "too similar to the username"),
])
def test_createuser_refuses_weak_passwords(password, message):
    with pytest.raises(CommandError, match=message):
        call_command("createuser", "nadia.ferro", "--role", "editor", "--password", password,
                     stdout=open("/dev/null", "w"))
    assert not get_user_model().objects.exists()


def test_the_password_validators_are_djangos_four():
    from django.contrib.auth.password_validation import get_default_password_validators

    names = {type(validator).__name__ for validator in get_default_password_validators()}
    assert names == {"UserAttributeSimilarityValidator", "MinimumLengthValidator", "CommonPasswordValidator",
                     "NumericPasswordValidator"}
