"""Who gets into the desk, and what each role may do there."""

import pytest
from django.test import Client
from django.urls import reverse

from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, WorkflowState
from newsreel.newsroom.publishing import publish, save_and_publish, save_draft

from .conftest import BODY, article_form

pytestmark = pytest.mark.django_db

DESK_PAGES = ["desk:articles", "desk:article_new", "desk:images"]


@pytest.mark.parametrize("name", DESK_PAGES)
def test_signed_out_visitors_are_sent_to_the_login_page(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/desk/login/?next={url}"


def test_article_pages_also_require_login(client, contributor):
    article = save_draft(ArticleDraft(headline="Private", body="Text."), user=contributor)
    for url in (f"/desk/articles/{article.pk}/", f"/desk/articles/{article.pk}/revisions/"):
        assert client.get(url)["Location"].startswith("/desk/login/?next=")
    response = client.post(f"/desk/articles/{article.pk}/", article_form(action="publish"))
    assert response.status_code == 302 and response["Location"].startswith("/desk/login/")
    assert Article.objects.get(pk=article.pk).state == WorkflowState.DRAFT


def test_login_page_signs_in_a_contributor_and_lands_on_the_desk(client, contributor):
    page = client.get("/desk/login/")
    assert page.status_code == 200 and b'name="csrfmiddlewaretoken"' in page.content
    response = client.post("/desk/login/", {"username": "carla", "password": "correct horse battery"})
    assert response.status_code == 302 and response["Location"] == "/desk/"
    assert client.get("/desk/").status_code == 200


def test_an_account_without_a_role_is_refused_with_a_clear_message(client, nobody):
    response = client.post("/desk/login/", {"username": "nora", "password": "correct horse battery"})
    assert response.status_code == 200
    assert "has no newsroom role" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_signed_in_account_without_a_role_gets_403_with_the_reason(client, nobody):
    client.force_login(nobody)
    response = client.get("/desk/")
    assert response.status_code == 403
    assert "no newsroom role" in response.content.decode()


def test_wrong_password_says_so(client, contributor):
    response = client.post("/desk/login/", {"username": "carla", "password": "nope"})
    assert response.status_code == 200 and "enter a correct username and password" in response.content.decode()


def test_login_never_redirects_off_the_desk(client, contributor):
    response = client.post("/desk/login/?next=https://evil.example/", {"username": "carla", "password": "correct horse battery"})
    assert response["Location"] == "/desk/"


def test_logout_is_a_post_and_returns_to_the_login_page(as_editor):
    response = as_editor.post("/desk/logout/")
    assert response.status_code == 302 and response["Location"] == "/desk/login/"
    assert "You are logged out." in as_editor.get("/desk/login/").content.decode()
    assert as_editor.get("/desk/").status_code == 302


def test_contributor_writes_and_revises_their_own_draft(as_contributor, contributor, graph):
    response = as_contributor.post("/desk/articles/new/", article_form())
    article = Article.objects.get()
    assert response.status_code == 302 and article.created_by == contributor
    assert as_contributor.post(f"/desk/articles/{article.pk}/", article_form(dek="Now with a dek")).status_code == 302
    assert [r.created_by for r in article.revisions.all()] == [contributor, contributor]
    assert as_contributor.get(f"/desk/articles/{article.pk}/revisions/").status_code == 200


def test_contributor_does_not_see_publish_buttons(as_contributor, contributor, graph):
    article = save_draft(ArticleDraft(headline="Mine", body=BODY), user=contributor)
    page = as_contributor.get(f"/desk/articles/{article.pk}/").content.decode()
    assert 'value="save"' in page and 'value="preview"' in page
    assert 'value="publish"' not in page and "Unpublish" not in page


def test_contributor_cannot_publish_by_posting(as_contributor, contributor, graph):
    article = save_draft(ArticleDraft(headline="Mine", body=BODY), user=contributor)
    response = as_contributor.post(f"/desk/articles/{article.pk}/", article_form(action="publish"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.state == WorkflowState.DRAFT and article.revisions.count() == 1


def test_contributor_cannot_publish_a_new_article_by_posting(as_contributor, graph):
    response = as_contributor.post("/desk/articles/new/", article_form(action="publish"))
    assert response.status_code == 403
    assert not Article.objects.exists()


def test_contributor_cannot_unpublish(as_contributor, contributor, graph):
    article = publish(save_draft(ArticleDraft(headline="Mine, live", body=BODY), user=contributor))  # by the system
    response = as_contributor.post(f"/desk/articles/{article.pk}/unpublish/")
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.state == WorkflowState.PUBLISHED


def test_contributor_cannot_open_or_save_someone_elses_article(as_contributor, other_contributor, graph):
    article = save_draft(ArticleDraft(headline="Otto's", body=BODY), user=other_contributor)
    assert as_contributor.get(f"/desk/articles/{article.pk}/").status_code == 403
    assert as_contributor.get(f"/desk/articles/{article.pk}/revisions/").status_code == 403
    assert as_contributor.get(f"/desk/articles/{article.pk}/revisions/1/").status_code == 403
    response = as_contributor.post(f"/desk/articles/{article.pk}/", article_form(headline="Hijacked"))
    assert response.status_code == 403
    assert article.revisions.count() == 1


def test_contributor_list_shows_only_their_own_articles(as_contributor, contributor, other_contributor, graph):
    save_draft(ArticleDraft(headline="Carla's scoop", body=BODY), user=contributor)
    save_draft(ArticleDraft(headline="Otto's interview", body=BODY), user=other_contributor)
    page = as_contributor.get("/desk/").content.decode()
    assert "Carla&#x27;s scoop" in page and "Otto" not in page


def test_editor_sees_and_edits_everyones_articles(as_editor, contributor, graph):
    article = save_draft(ArticleDraft(headline="Carla's scoop", body=BODY), user=contributor)
    assert "Carla&#x27;s scoop" in as_editor.get("/desk/").content.decode()
    response = as_editor.post(f"/desk/articles/{article.pk}/", article_form(headline="Carla's scoop, edited"))
    assert response.status_code == 302
    assert article.revisions.count() == 2


def test_forms_are_protected_against_cross_site_posts(editor, graph):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post("/desk/articles/new/", article_form()).status_code == 403
    assert not Article.objects.exists()


def test_a_deactivated_accounts_open_session_is_told_so_and_changes_nothing(client, editor, graph):
    article = save_draft(ArticleDraft(headline="Before", body=BODY), user=editor)
    client.force_login(editor)
    editor.is_active = False  # an administrator deactivates the account while its session is open
    editor.save(update_fields=["is_active"])
    page = client.get("/desk/")
    assert page.status_code == 403 and "has been deactivated" in page.content.decode()
    response = client.post(f"/desk/articles/{article.pk}/", article_form(headline="After", action="publish"))
    assert response.status_code == 403 and "nothing was changed" in response.content.decode()
    article.refresh_from_db()
    assert article.headline == "Before" and article.state == WorkflowState.DRAFT and article.revisions.count() == 1
