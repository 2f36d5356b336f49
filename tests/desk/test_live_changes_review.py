"""Review of a live story's changes on the desk: the writer saves and submits changes from the
editor page, the queue marks them "changes to a live story", an editor approves them (they go
live) or sends them back with a note, the writer withdraws them; the site keeps the live
version until approval."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client

from newsreel.newsroom import live_changes
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, ChangesReview, StoryNote
from newsreel.newsroom.publishing import publish, save_draft

from .conftest import BODY, article_form

pytestmark = pytest.mark.django_db

HEADLINE = "Ada Varga finishes Harbor Lights"


@pytest.fixture
def live(contributor, graph) -> Article:
    """A story of the contributor's, made live by the system (contributors cannot publish)."""
    return publish(save_draft(ArticleDraft(headline=HEADLINE, body=BODY), user=contributor))


def changed_form(story: Article, **changes) -> dict:
    story.refresh_from_db()
    return article_form(slug=story.slug, base_revision=story.latest_revision.number,
                        body=BODY + "\nThe premiere moves to the harbour.\n", **changes)


def as_(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def fresh(story: Article) -> Article:
    return Article.objects.select_related("live_revision", "latest_revision").get(pk=story.pk)


def test_the_writer_of_a_live_story_sees_submit_changes_and_no_publish(as_contributor, live):
    page = as_contributor.get(f"/desk/articles/{live.pk}/").content.decode()
    assert 'value="submit_changes"' in page and "Submit changes for review" in page
    assert 'value="publish"' not in page and 'value="submit"' not in page
    assert "Approve and publish changes" not in page


def test_a_contributors_save_keeps_the_live_version_and_submitting_mails_the_editors(
        as_contributor, live, editor, django_capture_on_commit_callbacks):
    response = as_contributor.post(f"/desk/articles/{live.pk}/", changed_form(live), follow=True)
    assert "Saved as revision 2" in response.content.decode()
    story = fresh(live)
    assert story.live_revision.number == 1 and "harbour" not in story.body_html
    assert story.changes_review == ChangesReview.NONE
    with django_capture_on_commit_callbacks(execute=True):
        response = as_contributor.post(f"/desk/articles/{live.pk}/", changed_form(
            live, action="submit_changes", changes_note="The venue changed."), follow=True)
    html = response.content.decode()
    assert "Submitted your changes (revision 2) for review" in html and "The site shows revision 1" in html
    assert "Changes to a live story, in review" in html and "Withdraw changes" in html
    assert "unpublished changes, in review (the site shows revision 1)" in html
    story = fresh(live)
    assert story.changes_review == ChangesReview.IN_REVIEW and story.live_revision.number == 1
    assert [m.to for m in mail.outbox] == [["edith@newsroom.example"]] and "The venue changed." in mail.outbox[0].body


def test_the_story_list_says_where_a_live_storys_changes_stand(as_editor, editor, live, contributor):
    save_draft(ArticleDraft(headline=HEADLINE, body=BODY + "\nMore.\n", slug=live.slug), article=live,
               user=contributor)
    assert "unpublished changes</span>" in as_editor.get("/desk/").content.decode()
    live_changes.submit(live, user=contributor, note="A line more.")
    assert "unpublished changes, in review</span>" in as_editor.get("/desk/").content.decode()
    live_changes.request_changes(fresh(live), user=editor, note="Cut the last line.")
    assert "unpublished changes, sent back</span>" in as_editor.get("/desk/").content.decode()


def test_the_queue_marks_changes_to_a_live_story(as_editor, live, contributor):
    save_draft(ArticleDraft(headline=HEADLINE, body=BODY + "\nMore.\n", slug=live.slug), article=live,
               user=contributor)
    live_changes.submit(live, user=contributor, note="A line more.")
    html = as_editor.get("/desk/review/").content.decode()
    assert "Changes to a live story" in html.split("<tbody>")[1] and "A line more." in html


def test_an_editor_approves_and_the_changes_go_live(
        as_editor, live, contributor, django_capture_on_commit_callbacks):
    as_(contributor).post(f"/desk/articles/{live.pk}/", changed_form(live, action="submit_changes"))
    page = as_editor.get(f"/desk/articles/{live.pk}/").content.decode()
    assert "Approve and publish changes" in page and "Send changes back" in page
    assert 'name="revision" value="2"' in page
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post(f"/desk/articles/{live.pk}/changes/approve/", {"revision": "2"}, follow=True)
    assert "Approved and published: revision 2" in response.content.decode()
    story = fresh(live)
    assert story.live_revision.number == 2 and "harbour" in story.body_html
    assert story.changes_review == ChangesReview.NONE
    assert [m.subject for m in mail.outbox] == [f"Changes approved: {HEADLINE}"]
    assert "harbour" in as_editor.get(story.get_absolute_url()).content.decode()


def test_approving_a_revision_the_editor_has_not_read_is_refused(as_editor, live, contributor):
    as_(contributor).post(f"/desk/articles/{live.pk}/", changed_form(live, action="submit_changes"))
    as_(contributor).post(f"/desk/articles/{live.pk}/", changed_form(live, headline="Later still"))
    response = as_editor.post(f"/desk/articles/{live.pk}/changes/approve/", {"revision": "2"}, follow=True)
    assert "Not approved" in response.content.decode() and "revision 3 is the latest" in response.content.decode()
    assert fresh(live).live_revision.number == 1


def test_an_editor_sends_changes_back_with_a_note_the_writer_reads(
        as_editor, live, contributor, django_capture_on_commit_callbacks):
    as_(contributor).post(f"/desk/articles/{live.pk}/", changed_form(live, action="submit_changes"))
    refused = as_editor.post(f"/desk/articles/{live.pk}/changes/request-changes/", {"note": " "}, follow=True)
    assert "Not sent back: Write what should change" in refused.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        as_editor.post(f"/desk/articles/{live.pk}/changes/request-changes/", {"note": "Which harbour?"})
    assert fresh(live).changes_review == ChangesReview.CHANGES_REQUESTED
    assert [m.to for m in mail.outbox] == [["carla@newsroom.example"]]
    html = as_(contributor).get(f"/desk/articles/{live.pk}/").content.decode()
    assert "An editor sent your changes back" in html and "Which harbour?" in html
    assert "Submit changes for review" in html
    assert "(changes to a live story)" in as_editor.get("/desk/review/").content.decode()


def test_the_writer_withdraws_the_changes(as_contributor, live, editor):
    as_contributor.post(f"/desk/articles/{live.pk}/", changed_form(live, action="submit_changes"))
    response = as_contributor.post(f"/desk/articles/{live.pk}/changes/withdraw/", {"note": "Not yet."}, follow=True)
    assert "Your changes are withdrawn from review" in response.content.decode()
    story = fresh(live)
    assert story.changes_review == ChangesReview.NONE and story.latest_revision.number == 2
    assert story.notes.filter(kind=StoryNote.Kind.WITHDRAWN).count() == 1
    again = as_contributor.post(f"/desk/articles/{live.pk}/changes/withdraw/", {}, follow=True)
    assert "Not withdrawn" in again.content.decode()


def test_submitting_with_nothing_changed_says_so(as_contributor, live):
    response = as_contributor.post(f"/desk/articles/{live.pk}/", article_form(
        slug=live.slug, base_revision=1, headline=HEADLINE, tags="", authors="", action="submit_changes",
        changes_note="Nothing new."), follow=True)
    html = response.content.decode()
    assert "not submitted: There are no changes to submit" in html
    assert "Nothing new." in html  # the note is offered back
    assert fresh(live).changes_review == ChangesReview.NONE


def test_a_contributor_cannot_approve_or_send_back(as_contributor, live, contributor):
    as_contributor.post(f"/desk/articles/{live.pk}/", changed_form(live, action="submit_changes"))
    for url in ("approve", "request-changes"):
        response = as_contributor.post(f"/desk/articles/{live.pk}/changes/{url}/", {"note": "Fine.", "revision": "2"})
        assert response.status_code == 403
    assert fresh(live).live_revision.number == 1


def test_an_editors_publish_changes_still_publishes_and_approves_changes_in_review(
        as_editor, live, contributor, django_capture_on_commit_callbacks):
    as_(contributor).post(f"/desk/articles/{live.pk}/", changed_form(live, action="submit_changes"))
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post(f"/desk/articles/{live.pk}/", changed_form(live, action="publish"), follow=True)
    assert "Published revision" in response.content.decode()
    story = fresh(live)
    assert story.changes_review == ChangesReview.NONE and story.live_revision_id == story.latest_revision_id
    assert story.notes.filter(kind=StoryNote.Kind.APPROVED).count() == 1
