"""Two people on one story: the desk says who else is there, and a save over a newer
revision never silently wins (the writer merges)."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from newsreel.newsroom import autosave, presence
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import EditingPresence
from newsreel.newsroom.publishing import save_draft

from .conftest import BODY, article_form

pytestmark = pytest.mark.django_db

THREE_PARAGRAPHS = "First paragraph, as it was.\n\nSecond paragraph, as it was.\n\nThird paragraph, as it was.\n"


@pytest.fixture
def carlas_story(contributor, graph):
    return save_draft(ArticleDraft(headline="Harbor Lights opens", slug="harbor-lights-opens", body=THREE_PARAGRAPHS),
                      user=contributor)


def edit(base: int, **changes) -> dict:
    fields = {"headline": "Harbor Lights opens", "slug": "harbor-lights-opens", "body": THREE_PARAGRAPHS,
              "tags": "", "authors": "", "base_revision": str(base)}
    return article_form(**{**fields, **changes})


def test_a_save_over_a_newer_revision_saves_nothing_and_merges_what_applies_cleanly(
        as_editor, contributor, carlas_story):
    save_draft(ArticleDraft(headline="Harbor Lights opens", slug="harbor-lights-opens",
                            body=THREE_PARAGRAPHS.replace("Third paragraph", "Third paragraph, by Carla")),
               article=carlas_story, user=contributor)
    response = as_editor.post(f"/desk/articles/{carlas_story.pk}/",
                              edit(1, body=THREE_PARAGRAPHS.replace("First paragraph", "First paragraph, by Edith")))
    html = response.content.decode()
    assert response.status_code == 409
    assert carlas_story.revisions.count() == 2  # nothing saved over Carla's revision
    assert "Not saved yet: carla saved revision 2 while you were editing revision 1" in html
    assert "do not touch the same lines, so the form below holds both, merged" in html
    form = response.context["form"]
    assert form["body"].value() == ("First paragraph, by Edith, as it was.\n\nSecond paragraph, as it was.\n\n"
                                    "Third paragraph, by Carla, as it was.\n")
    assert form["base_revision"].value() == 2  # saving the merge now goes through
    saved = as_editor.post(f"/desk/articles/{carlas_story.pk}/", edit(2, body=form["body"].value()))
    assert saved.status_code == 302 and carlas_story.revisions.count() == 3


def test_changes_to_the_same_passage_are_shown_side_by_side_and_the_writers_text_is_kept(
        as_editor, editor, contributor, carlas_story):
    save_draft(ArticleDraft(headline="Harbor Lights opens at last", slug="harbor-lights-opens",
                            body=THREE_PARAGRAPHS.replace("Second paragraph, as it was.", "Carla's second paragraph.")),
               article=carlas_story, user=contributor)
    mine = THREE_PARAGRAPHS.replace("Second paragraph, as it was.", "Edith's second paragraph.")
    response = as_editor.post(f"/desk/articles/{carlas_story.pk}/", edit(1, body=mine, action="publish"))
    html = response.content.decode()
    assert response.status_code == 409 and not carlas_story.is_live
    assert "Not published yet" in html and "You both changed the passages below" in html
    [conflict] = response.context["merge"]["body_conflicts"]
    assert conflict.theirs_text == "Carla's second paragraph.\n" and conflict.ours_text == "Edith's second paragraph.\n"
    assert "Body, passage 1 of 1" in html
    # The headline only Carla changed is taken; the body holds Edith's version of the contested passage.
    assert response.context["form"]["headline"].value() == "Harbor Lights opens at last"
    assert response.context["form"]["body"].value() == mine
    # Closing the tab now loses nothing: Edith's text waits in her autosave slot.
    slot = autosave.find(editor, carlas_story)
    assert slot.fields["body"] == mine and slot.base_revision == 1


def test_a_field_both_changed_differently_is_a_conflict(as_editor, contributor, carlas_story):
    save_draft(ArticleDraft(headline="Carla's headline", slug="harbor-lights-opens", body=THREE_PARAGRAPHS),
               article=carlas_story, user=contributor)
    response = as_editor.post(f"/desk/articles/{carlas_story.pk}/", edit(1, headline="Edith's headline"))
    [conflict] = response.context["merge"]["field_conflicts"]
    assert conflict == {"label": "Headline", "theirs": "Carla's headline", "ours": "Edith's headline"}


def test_a_save_from_the_latest_revision_is_not_held_up(as_editor, carlas_story):
    response = as_editor.post(f"/desk/articles/{carlas_story.pk}/", edit(1, dek="A new dek"))
    assert response.status_code == 302 and carlas_story.revisions.count() == 2


def test_the_editor_says_who_else_has_the_story_open(as_editor, contributor, carlas_story):
    carla = Client()
    carla.force_login(contributor)
    carla.get(f"/desk/articles/{carlas_story.pk}/")  # Carla opens it (a heartbeat)
    html = as_editor.get(f"/desk/articles/{carlas_story.pk}/").content.decode()
    assert "carla is also editing this story." in html


def test_the_heartbeat_answers_who_else_is_here_and_forgets_a_closed_tab(as_editor, editor, contributor, carlas_story):
    presence.beat(carlas_story, contributor)
    answer = as_editor.post(f"/desk/articles/{carlas_story.pk}/presence/").json()
    assert answer["others"] == ["carla"] and answer["message"].startswith("carla is also editing this story.")
    EditingPresence.objects.filter(user=contributor).update(
        seen_at=timezone.now() - presence.PRESENT_FOR - dt.timedelta(seconds=1))
    assert as_editor.post(f"/desk/articles/{carlas_story.pk}/presence/").json() == {"others": [], "message": ""}
    assert EditingPresence.objects.filter(user=editor, article=carlas_story).exists()


def test_nobody_else_means_no_presence_notice(as_editor, carlas_story):
    html = as_editor.get(f"/desk/articles/{carlas_story.pk}/").content.decode()
    assert 'id="presence" role="status" hidden' in html


def test_a_contributor_gets_no_heartbeat_on_someone_elses_story(client, other_contributor, carlas_story):
    client.force_login(other_contributor)
    assert client.post(f"/desk/articles/{carlas_story.pk}/presence/").status_code == 403
    assert client.get(f"/desk/articles/{carlas_story.pk}/presence/").status_code == 405
