"""The people services check the person acting themselves, keep one administrator, refuse a
taken address, and tell a used, wrong or expired link apart."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from newsreel.newsroom import account_links, people
from newsreel.newsroom.models import Author
from newsreel.newsroom.profiles import Profile, save_profile
from newsreel.newsroom.roles import role_of

pytestmark = pytest.mark.django_db


def account(username: str, role: str | None, **fields) -> User:
    user = User.objects.create_user(username, f"{username}@newsroom.example", "correct horse battery", **fields)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


def link(kind: str, uidb64: str, token: str) -> str:
    return f"https://desk.example/{kind}/{uidb64}/{token}/"


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_only_administrators_manage_people_whatever_page_calls(role):
    actor = account("someone", role)
    target = account("target", "contributor")
    calls = [
        lambda: people.add_person(actor=actor, username="new", email="new@x.example", role="editor"),
        lambda: people.change_role(target, "administrator", actor=actor),
        lambda: people.deactivate(target, actor=actor),
        lambda: people.send_password_reset(target, actor=actor, link=link),
        lambda: people.change_details(target, actor=actor, email="t@x.example", first_name="", last_name=""),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied, match="Only an administrator can manage people"):
            call()
    assert role_of(User.objects.get(pk=target.pk)) == "contributor" and mail.outbox == []


def test_a_deactivated_administrator_manages_nobody():
    ann = account("ann", "administrator")
    account("abe", "administrator")
    people.deactivate(ann, actor=None)
    ann.refresh_from_db()
    with pytest.raises(PermissionDenied):
        people.add_person(actor=ann, username="new", email="new@x.example", role="editor")


def test_a_superuser_counts_as_an_administrator_and_demoting_them_is_real():
    root = User.objects.create_superuser("root", "root@newsroom.example", "correct horse battery")
    ann = account("ann", "administrator")
    people.change_role(root, "editor", actor=ann)
    root.refresh_from_db()
    assert role_of(root) == "editor" and not root.is_superuser
    with pytest.raises(ValidationError, match="ann is the newsroom’s last active administrator"):
        people.change_role(ann, "contributor", actor=ann)


def test_the_last_administrator_stays_whoever_asks():
    ann = account("ann", "administrator")
    with pytest.raises(ValidationError, match="last active administrator"):
        people.deactivate(ann, actor=None)
    # A deactivated administrator does not count as one who can manage people.
    abe = account("abe", "administrator")
    people.deactivate(abe, actor=ann)
    with pytest.raises(ValidationError, match="last active administrator"):
        people.change_role(ann, "editor", actor=ann)
    assert role_of(User.objects.get(pk=ann.pk)) == "administrator"


def test_an_address_is_taken_whatever_its_case():
    account("ann", "administrator")
    with pytest.raises(ValidationError) as refused:
        people.add_person(actor=None, username="annie", email="Ann@Newsroom.Example", role="editor")
    assert "already the address of ann’s account" in refused.value.message_dict["email"][0]
    assert not User.objects.filter(username="annie").exists()


def test_an_invalid_username_or_role_is_refused_with_the_field_named():
    with pytest.raises(ValidationError) as refused:
        people.add_person(actor=None, username="no spaces please", email="a@x.example", role="editor")
    assert "username" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        people.add_person(actor=None, username="fine", email="a@x.example", role="owner")
    assert refused.value.message_dict["role"] == ["“owner” is not a role; choose one of contributor, editor, administrator."]
    assert not User.objects.filter(username="fine").exists()


def test_an_invitation_link_is_checked_for_wrong_used_expired_and_deactivated(monkeypatch, settings):
    invited = people.add_person(actor=None, username="iris", email="iris@x.example", role="contributor")
    url = people.send_invitation(invited, actor=None, link=link)
    uidb64, token = url.rstrip("/").split("/")[-2:]
    assert account_links.check("invitation", uidb64, token).ok
    assert account_links.check("reset", uidb64, token).refusal is account_links.Refusal.WRONG
    assert account_links.check("invitation", uidb64, token[:-1] + ("1" if token.endswith("0") else "0")).refusal is account_links.Refusal.WRONG
    assert account_links.check("invitation", "!!", token).refusal is account_links.Refusal.WRONG

    generator = type(account_links.invitation_tokens)
    now = account_links.invitation_tokens._now()
    monkeypatch.setattr(generator, "_now", lambda self: now + dt.timedelta(seconds=settings.INVITE_TIMEOUT + 60))
    assert account_links.check("invitation", uidb64, token).refusal is account_links.Refusal.EXPIRED
    monkeypatch.undo()

    invited.is_active = False
    invited.save()
    assert account_links.check("invitation", uidb64, token).refusal is account_links.Refusal.DEACTIVATED
    invited.is_active = True
    invited.set_password("a chosen password")
    invited.save()
    assert account_links.check("invitation", uidb64, token).refusal is account_links.Refusal.USED


def test_an_invitation_is_not_sent_to_someone_with_a_password_or_deactivated():
    carla = account("carla", "contributor")
    with pytest.raises(ValidationError, match="already accepted the invitation"):
        people.send_invitation(carla, actor=None, link=link)
    carla.is_active = False
    with pytest.raises(ValidationError, match="is deactivated"):
        people.send_password_reset(carla, actor=None, link=link)
    assert mail.outbox == []


def test_a_new_byline_leaves_the_old_one_with_its_stories():
    carla = account("carla", "contributor")
    old = save_profile(carla, Profile(byline="Carla Test", bio="First."), actor=carla)
    new = save_profile(carla, Profile(byline="Carla Test-Lind", bio="Second."), actor=carla)
    assert Author.objects.get(pk=old.pk).user is None and new.user == carla and new.slug == "carla-test-lind"
    same = save_profile(carla, Profile(byline="carla test-lind", bio="Third."), actor=carla)
    assert same.pk == new.pk and same.name == "carla test-lind"


def test_only_the_person_or_an_administrator_changes_a_profile():
    carla = account("carla", "contributor")
    edith = account("edith", "editor")
    with pytest.raises(PermissionDenied):
        save_profile(carla, Profile(byline="Carla Test"), actor=edith)
    ann = account("ann", "administrator")
    assert save_profile(carla, Profile(byline="Carla Test"), actor=ann).user == carla


def test_a_profile_with_bad_links_changes_nothing():
    carla = account("carla", "contributor")
    with pytest.raises(ValidationError) as refused:
        save_profile(carla, Profile(byline="  ", website="javascript:alert(1)", social_links=["ftp://x"]),
                     actor=carla)
    errors = refused.value.message_dict
    assert set(errors) == {"byline", "website", "social_links"}
    assert not Author.objects.exists()
