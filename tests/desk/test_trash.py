"""Deleting on the desk: the trash, restore, and purge for administrators only."""

import pytest

from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, TrashedArticle, WorkflowState
from newsreel.newsroom.publishing import save_and_publish, save_draft

from .conftest import BODY, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def live(graph):
    return save_and_publish(ArticleDraft(headline="Harbor Lights wraps", body=BODY), origin="test")


def test_an_editor_moves_a_live_story_to_the_trash_and_its_url_answers_410(as_editor, live, client):
    response = as_editor.post(f"/desk/articles/{live.pk}/delete/", follow=True)
    assert response.redirect_chain[-1][0] == "/desk/"
    page = response.content.decode()
    assert "is in the trash. It stays there for 30 days" in page
    assert f"/desk/articles/{live.pk}/\"" not in page  # not in the normal list
    assert Article.objects.get(pk=live.pk).state == WorkflowState.DELETED
    assert client.get("/articles/harbor-lights-wraps/").status_code == 410


def test_the_trash_lists_the_story_with_restore_buttons_and_no_purge_for_an_editor(as_editor, live):
    as_editor.post(f"/desk/articles/{live.pk}/delete/")
    page = as_editor.get("/desk/trash/").content.decode()
    assert "Harbor Lights wraps" in page
    assert "Restore as draft" in page and "Restore as it was (live)" in page
    assert "/purge/" not in page


def test_restoring_as_it_was_goes_back_to_the_editor_live(as_editor, live, client):
    as_editor.post(f"/desk/articles/{live.pk}/delete/")
    response = as_editor.post(f"/desk/trash/{live.pk}/restore/", {"as": "was"})
    assert response.status_code == 302 and response["Location"] == f"/desk/articles/{live.pk}/"
    assert Article.objects.get(pk=live.pk).state == WorkflowState.PUBLISHED
    assert client.get("/articles/harbor-lights-wraps/").status_code == 200


def test_opening_a_deleted_story_in_the_editor_leads_to_the_trash(as_editor, live):
    as_editor.post(f"/desk/articles/{live.pk}/delete/")
    response = as_editor.get(f"/desk/articles/{live.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == "/desk/trash/"
    assert "is in the trash: restore it to edit it." in response.content.decode()


def test_an_editor_cannot_purge_and_an_administrator_can(client, as_editor, live):
    as_editor.post(f"/desk/articles/{live.pk}/delete/")
    refused = as_editor.post(f"/desk/trash/{live.pk}/purge/")
    assert refused.status_code == 403 and "Only an administrator" in refused.content.decode()
    admin = make_user("ann", "administrator")
    client.force_login(admin)
    assert f"/desk/trash/{live.pk}/purge/" in client.get("/desk/trash/").content.decode()
    response = client.post(f"/desk/trash/{live.pk}/purge/", follow=True)
    assert "Purged “Harbor Lights wraps”" in response.content.decode()
    assert not Article.objects.filter(pk=live.pk).exists()


def test_a_contributor_deletes_their_draft_but_not_another_writers(as_contributor, contributor, other_contributor, graph):
    own = save_draft(ArticleDraft(headline="A draft by Carla", body=BODY), user=contributor)
    others = save_draft(ArticleDraft(headline="A draft by Otto", body=BODY), user=other_contributor)
    assert as_contributor.post(f"/desk/articles/{others.pk}/delete/").status_code == 403
    assert as_contributor.post(f"/desk/articles/{own.pk}/delete/").status_code == 302
    page = as_contributor.get("/desk/trash/").content.decode()
    assert "A draft by Carla" in page and "Restore as draft" in page and "Restore as it was" not in page
    assert TrashedArticle.objects.filter(article=own).exists() and not TrashedArticle.objects.filter(article=others).exists()


def test_delete_and_restore_are_posts_and_need_a_desk_role(client, as_editor, live, nobody):
    assert as_editor.get(f"/desk/articles/{live.pk}/delete/").status_code == 405
    client.force_login(nobody)
    assert client.post(f"/desk/articles/{live.pk}/delete/").status_code == 403
    assert Article.objects.get(pk=live.pk).state == WorkflowState.PUBLISHED
