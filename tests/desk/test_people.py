"""People on the desk: administrators add, invite, change roles, deactivate and reset
passwords; everyone edits their own profile and password; invitation and reset links."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail

from newsreel.newsroom import account_links
from newsreel.newsroom.models import Author
from newsreel.newsroom.roles import role_of

from .conftest import make_user, png_upload

pytestmark = pytest.mark.django_db

PASSWORD = "a lighthouse at dusk"


@pytest.fixture
def admin(db):
    return make_user("ann", "administrator")


@pytest.fixture
def as_admin(client, admin):
    client.force_login(admin)
    return client


def link_in(message) -> str:
    """The path of the one desk link in an e-mail."""
    urls = re.findall(r"https?://\S+", message.body)
    assert len(urls) == 1, message.body
    return re.sub(r"^https?://[^/]+", "", urls[0])


def add_form(**changes) -> dict:
    data = {"first_name": "Iris", "last_name": "Lund", "username": "iris", "email": "iris@newsroom.example",
            "role": "contributor", "how": "invite", "password1": "", "password2": ""}
    data.update(changes)
    return data


def test_an_administrator_invites_a_person_who_sets_a_password_and_logs_in(as_admin, client):
    response = as_admin.post("/desk/people/new/", add_form())
    iris = User.objects.get(username="iris")
    assert response.status_code == 302 and response["Location"] == f"/desk/people/{iris.pk}/"
    assert role_of(iris) == "contributor" and not iris.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["iris@newsroom.example"] and "invited" in message.subject
    assert "Your username is iris" in message.body and "7 days" in message.body
    link = link_in(message)
    assert link.startswith("/desk/welcome/")

    client.logout()
    page = client.get(link)
    assert page.status_code == 200 and "Welcome to the desk, Iris Lund" in page.content.decode()
    weak = client.post(link, {"new_password1": "iris", "new_password2": "iris"})
    assert weak.status_code == 400 and "too short" in weak.content.decode()
    assert not User.objects.get(username="iris").has_usable_password()  # nothing changed
    done = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302 and done["Location"] == "/desk/login/"
    logged_in = client.post("/desk/login/", {"username": "iris", "password": PASSWORD})
    assert logged_in.status_code == 302 and logged_in["Location"] == "/desk/"


def test_an_invitation_link_works_once(as_admin, client):
    as_admin.post("/desk/people/new/", add_form())
    link = link_in(mail.outbox[0])
    client.logout()
    client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    again = client.post(link, {"new_password1": "another long password", "new_password2": "another long password"})
    assert again.status_code == 400
    assert "This invitation has been used already" in again.content.decode()
    assert User.objects.get(username="iris").check_password(PASSWORD)


def test_a_wrong_or_expired_invitation_link_says_so_and_changes_nothing(as_admin, client, settings, monkeypatch):
    as_admin.post("/desk/people/new/", add_form())
    link = link_in(mail.outbox[0])
    client.logout()
    wrong = client.post(link[:-3] + "zz/", {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert wrong.status_code == 400 and "This invitation link is not valid" in wrong.content.decode()
    nobody = client.get("/desk/welcome/bm9ib2R5/abc-123/")
    assert nobody.status_code == 400 and "not valid" in nobody.content.decode()

    generator = account_links.invitation_tokens
    later = generator._now() + __import__("datetime").timedelta(days=8)
    monkeypatch.setattr(type(generator), "_now", lambda self: later)
    expired = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert expired.status_code == 400
    assert "This invitation link has expired (invitations last 7 days)" in expired.content.decode()
    assert not User.objects.get(username="iris").has_usable_password()


def test_a_reset_link_cannot_stand_in_for_an_invitation(as_admin, client, admin):
    uidb64, token = account_links.make(account_links.RESET, admin)
    response = client.get(f"/desk/welcome/{uidb64}/{token}/")
    assert response.status_code == 400


def test_an_administrator_adds_a_person_with_a_password_checked_by_djangos_validators(as_admin):
    weak = as_admin.post("/desk/people/new/", add_form(how="password", password1="12345678", password2="12345678"))
    assert weak.status_code == 400 and "entirely numeric" in weak.content.decode()
    differ = as_admin.post("/desk/people/new/", add_form(how="password", password1=PASSWORD, password2="other"))
    assert differ.status_code == 400 and "The two passwords differ" in differ.content.decode()
    assert not User.objects.filter(username="iris").exists()
    made = as_admin.post("/desk/people/new/", add_form(how="password", password1=PASSWORD, password2=PASSWORD,
                                                      role="editor"))
    assert made.status_code == 302 and mail.outbox == []
    assert User.objects.get(username="iris").check_password(PASSWORD)


def test_a_duplicate_email_or_username_is_refused_and_nobody_is_added(as_admin, admin):
    taken = as_admin.post("/desk/people/new/", add_form(email="ANN@newsroom.example"))
    assert taken.status_code == 400
    assert "ANN@newsroom.example is already the address of ann’s account" in taken.content.decode()
    same_name = as_admin.post("/desk/people/new/", add_form(username="Ann"))
    assert "The username “Ann” is taken" in same_name.content.decode()
    assert User.objects.count() == 1 and mail.outbox == []


def test_the_people_pages_are_for_administrators_only(client, admin):
    editor = make_user("edith", "editor")
    client.force_login(editor)
    for path in ("/desk/people/", "/desk/people/new/", f"/desk/people/{admin.pk}/"):
        response = client.get(path)
        assert response.status_code == 403 and "Only an administrator can manage people" in response.content.decode()
    refused = client.post(f"/desk/people/{admin.pk}/deactivate/")
    assert refused.status_code == 403
    assert User.objects.get(pk=admin.pk).is_active
    assert 'href="/desk/people/"' not in client.get("/desk/").content.decode()


def test_the_people_list_shows_role_and_status(as_admin):
    make_user("edith", "editor")
    gone = make_user("gus", "contributor")
    gone.is_active = False
    gone.save()
    html = as_admin.get("/desk/people/").content.decode()
    assert re.search(r"edith</td>\s*<td>edith@newsroom.example</td>\s*<td>Editor</td>", html)
    assert 'state-deactivated">Deactivated' in html
    assert 'href="/desk/people/"' in html and 'aria-current="page">People' in html


def test_an_administrator_changes_a_role(as_admin):
    carla = make_user("carla", "contributor")
    response = as_admin.post(f"/desk/people/{carla.pk}/role/", {"role-role": "editor"})
    assert response.status_code == 302
    assert role_of(User.objects.get(pk=carla.pk)) == "editor"
    assert "carla is now an editor" in as_admin.get(response["Location"]).content.decode()


def test_the_last_administrator_cannot_demote_or_deactivate_themselves(as_admin, admin):
    demoted = as_admin.post(f"/desk/people/{admin.pk}/role/", {"role-role": "editor"}, follow=True)
    assert "ann is the newsroom’s last active administrator" in demoted.content.decode()
    assert role_of(User.objects.get(pk=admin.pk)) == "administrator"
    deactivated = as_admin.post(f"/desk/people/{admin.pk}/deactivate/", follow=True)
    assert "last active administrator" in deactivated.content.decode()
    assert User.objects.get(pk=admin.pk).is_active


def test_with_a_second_administrator_one_may_step_down(as_admin, admin):
    make_user("abe", "administrator")
    response = as_admin.post(f"/desk/people/{admin.pk}/role/", {"role-role": "editor"})
    assert response.status_code == 302 and response["Location"] == "/desk/"
    assert role_of(User.objects.get(pk=admin.pk)) == "editor"


def test_a_deactivated_persons_session_stops_and_their_bylines_stay(as_admin, client, admin):
    from django.test import Client

    from newsreel.newsroom.intake import ArticleDraft
    from newsreel.newsroom.publishing import save_and_publish

    carla = make_user("carla", "contributor")
    theirs = Client()
    theirs.force_login(carla)
    article = save_and_publish(ArticleDraft(headline="A story by Carla", body="Text.\n",
                                            authors=["Carla Bruni-Test"]), user=make_user("edith", "editor"))
    response = as_admin.post(f"/desk/people/{carla.pk}/deactivate/", follow=True)
    assert "Deactivated carla" in response.content.decode()
    carla.refresh_from_db()
    assert not carla.is_active
    stopped = theirs.get("/desk/")
    assert stopped.status_code in (302, 403)
    again = Client().post("/desk/login/", {"username": "carla", "password": "correct horse battery"})
    assert again.status_code == 200 and "_auth_user_id" not in again.wsgi_request.session
    assert article.authors.get().name == "Carla Bruni-Test"  # the byline stays

    back = as_admin.post(f"/desk/people/{carla.pk}/reactivate/")
    assert back.status_code == 302 and User.objects.get(pk=carla.pk).is_active


def test_an_administrator_emails_a_reset_link_the_person_uses_once(as_admin, client):
    edith = make_user("edith", "editor")
    response = as_admin.post(f"/desk/people/{edith.pk}/reset-password/", follow=True)
    assert "Sent a password reset link to edith@newsroom.example" in response.content.decode()
    assert User.objects.get(pk=edith.pk).check_password("correct horse battery")  # still works until used
    link = link_in(mail.outbox[0])
    assert link.startswith("/desk/password-reset/")
    other = type(client)()
    other.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert User.objects.get(pk=edith.pk).check_password(PASSWORD)
    used = other.get(link)
    assert used.status_code == 400 and "has been used already" in used.content.decode()


def test_an_invited_person_gets_the_invitation_again_not_a_reset(as_admin):
    as_admin.post("/desk/people/new/", add_form())
    iris = User.objects.get(username="iris")
    refused = as_admin.post(f"/desk/people/{iris.pk}/reset-password/", follow=True)
    assert "has not accepted the invitation yet" in refused.content.decode() and len(mail.outbox) == 1
    again = as_admin.post(f"/desk/people/{iris.pk}/invite/", follow=True)
    assert "Sent a new invitation to iris@newsroom.example" in again.content.decode() and len(mail.outbox) == 2


def test_everyone_changes_their_own_password(client):
    carla = make_user("carla", "contributor")
    client.force_login(carla)
    wrong = client.post("/desk/account/password/", {"old_password": "nope", "new_password1": PASSWORD,
                                                    "new_password2": PASSWORD})
    assert wrong.status_code == 400 and "Your old password was entered incorrectly" in wrong.content.decode()
    done = client.post("/desk/account/password/", {"old_password": "correct horse battery",
                                                   "new_password1": PASSWORD, "new_password2": PASSWORD})
    assert done.status_code == 302
    assert User.objects.get(pk=carla.pk).check_password(PASSWORD)
    assert client.get("/desk/").status_code == 200  # this session carries on


def test_a_person_edits_their_own_author_profile(client, settings, tmp_path):
    from newsreel.images.services import create_image

    settings.MEDIA_ROOT = tmp_path
    carla = make_user("carla", "contributor")
    client.force_login(carla)
    portrait = create_image(png_upload(), alt="Carla at her desk", credit="Photo: Newsroom")
    page = client.get("/desk/account/")
    assert page.status_code == 200 and 'value="carla"' in page.content.decode()
    bad = client.post("/desk/account/", {"profile-byline": "Carla Test", "profile-website": "not a site",
                                         "profile-social_links": "https://social.example/@carla\nftp://x"})
    assert bad.status_code == 400
    assert "Line 2: “ftp://x” is not a web address" in bad.content.decode()
    assert not Author.objects.exists()
    saved = client.post("/desk/account/", {
        "profile-byline": "Carla Test", "profile-bio": "Writes about festivals.", "profile-photo": portrait.pk,
        "profile-website": "https://carla.example", "profile-social_links": "https://social.example/@carla",
    })
    assert saved.status_code == 302
    author = Author.objects.get(user=carla)
    assert (author.slug, author.bio, author.photo, author.same_as) == (
        "carla-test", "Writes about festivals.", portrait, ["https://carla.example", "https://social.example/@carla"])


def test_a_byline_that_is_someone_elses_profile_is_refused(client, admin):
    Author.objects.create(slug="nadia-ferro", name="Nadia Ferro", user=admin)
    carla = make_user("carla", "contributor")
    client.force_login(carla)
    response = client.post("/desk/account/", {"profile-byline": "Nadia Ferro"})
    assert response.status_code == 400
    assert "The byline “Nadia Ferro” is already ann’s profile" in response.content.decode()
    assert Author.objects.get(slug="nadia-ferro").user == admin


def test_a_deactivated_person_logging_in_is_told_why(client):
    carla = make_user("carla", "contributor")
    carla.is_active = False
    carla.save()
    response = client.post("/desk/login/", {"username": "carla", "password": "correct horse battery"})
    assert response.status_code == 200 and "This account has been deactivated" in response.content.decode()
    wrong = client.post("/desk/login/", {"username": "carla", "password": "not the password"})
    assert "deactivated" not in wrong.content.decode()  # nothing told to someone without the password
