"""Review on the desk: a contributor submits from the editor, editors find it in the review
queue and send it back with a note or approve it by publishing; internal notes stay with
the editors."""

from __future__ import annotations

import pytest
from django.core import mail

from newsreel.newsroom import review
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, StoryNote, WorkflowState
from newsreel.newsroom.models.review import NOTE_MAX_CHARS
from newsreel.newsroom.publishing import save_draft

from .conftest import BODY, article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(contributor, editor, graph):
    story = save_draft(ArticleDraft(headline="Ada Varga finishes Harbor Lights", body=BODY), user=contributor)
    return review.submit(story, user=contributor, note="The ending is under embargo until Friday.")


def test_a_contributor_sees_submit_for_review_and_no_publish_or_schedule(as_contributor, contributor, graph):
    story = save_draft(ArticleDraft(headline="Mine", body=BODY), user=contributor)
    page = as_contributor.get(f"/desk/articles/{story.pk}/").content.decode()
    assert 'value="submit"' in page and "Submit for review" in page
    assert 'value="publish"' not in page and "/schedule/" not in page
    assert 'href="/desk/review/"' not in page  # the queue is for editors


def test_a_contributor_writes_and_submits_in_one_step_and_the_editors_are_mailed(
        as_contributor, editor, graph, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = as_contributor.post("/desk/articles/new/", article_form(action="submit",
                                                                           review_note="First draft, be kind."),
                                       follow=True)
    story = Article.objects.get()
    assert story.state == WorkflowState.IN_REVIEW
    assert "Submitted revision 1 for review" in response.content.decode()
    assert [message.to for message in mail.outbox] == [["edith@newsroom.example"]]
    assert "First draft, be kind." in mail.outbox[0].body


def test_the_review_queue_lists_what_waits_for_editors_only(as_editor, submitted, client, contributor):
    page = as_editor.get("/desk/review/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ada Varga finishes Harbor Lights" in html and "The ending is under embargo until Friday." in html
    assert 'href="/desk/review/" aria-current="page"' in html
    client.force_login(contributor)
    refused = client.get("/desk/review/")
    assert refused.status_code == 403 and "review queue is for editors" in refused.content.decode()


def test_an_editor_sends_it_back_and_the_contributor_reads_the_note_on_the_story(
        as_editor, submitted, client, contributor, django_capture_on_commit_callbacks):
    editor_page = as_editor.get(f"/desk/articles/{submitted.pk}/").content.decode()
    assert "Approve and publish" in editor_page and "Request changes" in editor_page
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post(f"/desk/articles/{submitted.pk}/request-changes/",
                                  {"note": "Name the distributor in the first paragraph."})
    assert response.status_code == 302
    assert Article.objects.get(pk=submitted.pk).state == WorkflowState.CHANGES_REQUESTED
    assert mail.outbox[-1].to == ["carla@newsroom.example"]
    client.force_login(contributor)
    page = client.get(f"/desk/articles/{submitted.pk}/").content.decode()
    assert "Name the distributor in the first paragraph." in page and "Submit for review" in page


def test_sending_back_without_a_note_is_refused_and_a_too_long_note_is_offered_back(as_editor, submitted):
    response = as_editor.post(f"/desk/articles/{submitted.pk}/request-changes/", {"note": ""}, follow=True)
    assert "Not sent back: Write what should change" in response.content.decode()
    long_note = "Tighten this. " * (NOTE_MAX_CHARS // 10)
    response = as_editor.post(f"/desk/articles/{submitted.pk}/request-changes/", {"note": long_note}, follow=True)
    html = response.content.decode()
    assert f"a note holds at most {NOTE_MAX_CHARS:,}" in html
    assert long_note.strip()[:200] in html  # the typed note is back in its box, not lost
    assert Article.objects.get(pk=submitted.pk).state == WorkflowState.IN_REVIEW
    assert StoryNote.objects.filter(article=submitted).count() == 1


def test_approving_is_publishing_and_the_writer_is_told(as_editor, submitted, django_capture_on_commit_callbacks):
    form = article_form(action="publish", base_revision=submitted.latest_revision.number)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post(f"/desk/articles/{submitted.pk}/", form, follow=True)
    assert "Published revision 2." in response.content.decode()  # the form adds tags and a byline: a new revision
    story = Article.objects.get(pk=submitted.pk)
    assert story.state == WorkflowState.PUBLISHED
    assert StoryNote.objects.filter(article=story, kind=StoryNote.Kind.APPROVED).count() == 1
    assert mail.outbox[-1].to == ["carla@newsroom.example"] and mail.outbox[-1].subject.startswith("Approved:")


def test_internal_notes_are_shown_to_editors_and_never_to_the_writer(as_editor, submitted, client, contributor):
    response = as_editor.post(f"/desk/articles/{submitted.pk}/notes/", {"text": "Legal cleared the ending."},
                              follow=True)
    html = response.content.decode()
    assert "Note added." in html and "Legal cleared the ending." in html and "(editors only)" in html
    client.force_login(contributor)
    page = client.get(f"/desk/articles/{submitted.pk}/").content.decode()
    assert "The ending is under embargo until Friday." in page  # their own submission note
    assert "Legal cleared the ending." not in page


def test_a_contributor_cannot_publish_a_story_even_from_review(as_contributor, submitted):
    form = article_form(action="publish", base_revision=submitted.latest_revision.number)
    assert as_contributor.post(f"/desk/articles/{submitted.pk}/", form).status_code == 403
    assert Article.objects.get(pk=submitted.pk).state == WorkflowState.IN_REVIEW


def test_the_story_list_filters_by_the_review_states(as_editor, submitted):
    page = as_editor.get("/desk/?state=in_review").content.decode()
    assert "Ada Varga finishes Harbor Lights" in page and "In review" in page


def test_the_writer_withdraws_a_submission_and_it_is_a_draft_again_out_of_the_queue(
        as_contributor, submitted, editor, django_capture_on_commit_callbacks):
    page = as_contributor.get(f"/desk/articles/{submitted.pk}/").content.decode()
    assert "Withdraw from review" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = as_contributor.post(f"/desk/articles/{submitted.pk}/withdraw/",
                                       {"note": "I found a wrong date; one more pass."}, follow=True)
    submitted.refresh_from_db()
    assert submitted.state == WorkflowState.DRAFT
    html = response.content.decode()
    assert "Withdrawn from review" in html and "Submit for review" in html  # theirs to change and submit again
    assert review.queue(editor) == []
    note = StoryNote.objects.filter(article=submitted).latest("pk")
    assert note.kind == StoryNote.Kind.WITHDRAWN and note.text == "I found a wrong date; one more pass."
    assert [message.to for message in mail.outbox] == [["edith@newsroom.example"]]
    assert mail.outbox[0].subject == "Withdrawn from review: Ada Varga finishes Harbor Lights"


def test_withdrawing_what_is_not_in_review_is_refused_with_a_message_and_changes_nothing(as_contributor, submitted):
    as_contributor.post(f"/desk/articles/{submitted.pk}/withdraw/")
    response = as_contributor.post(f"/desk/articles/{submitted.pk}/withdraw/", follow=True)
    assert "Not withdrawn:" in response.content.decode() and "not in review" in response.content.decode()
    assert StoryNote.objects.filter(article=submitted, kind=StoryNote.Kind.WITHDRAWN).count() == 1


def test_a_story_that_was_live_once_is_withdrawn_to_unpublished_so_its_address_stays_gone(contributor, graph):
    from newsreel.newsroom.publishing import publish, unpublish

    story = unpublish(publish(save_draft(ArticleDraft(headline="Once live", body=BODY), user=contributor)))
    story = review.withdraw(review.submit(story, user=contributor), user=contributor)
    assert story.state == WorkflowState.UNPUBLISHED


def test_editors_see_no_withdraw_button_they_approve_or_send_back(as_editor, submitted):
    page = as_editor.get(f"/desk/articles/{submitted.pk}/").content.decode()
    assert "Withdraw from review" not in page and "Request changes" in page
