"""Review: a contributor submits with a note, an editor sends it back with a note or
publishes it; editors keep internal notes; the people concerned are mailed after commit."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from newsreel.newsroom import review
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import StoryNote, WorkflowState
from newsreel.newsroom.models.review import NOTE_MAX_CHARS
from newsreel.newsroom.permissions import NotAllowed
from newsreel.newsroom.publishing import publish, save_draft

pytestmark = pytest.mark.django_db

BODY = "Ada Varga has finished *Harbor Lights*, a lighthouse story.\n"


def person(username: str, role: str, email: str | None = None) -> User:
    user = User.objects.create_user(username, f"{username}@newsroom.example" if email is None else email,
                                    "correct horse battery", first_name=username.capitalize())
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def people(small_graph):
    return {"carla": person("carla", "contributor"), "edith": person("edith", "editor"),
            "ann": person("ann", "administrator"), "eli": person("eli", "editor", email="")}


def draft_by(user, headline="Harbor Lights wraps", body=BODY):
    return save_draft(ArticleDraft(headline=headline, body=body), user=user)


def test_a_contributor_submits_with_a_note_and_every_editor_with_an_address_is_mailed(
        people, django_capture_on_commit_callbacks):
    story = draft_by(people["carla"])
    with django_capture_on_commit_callbacks(execute=True):
        review.submit(story, user=people["carla"], note="Ready for a read.\nThe ending is under embargo.")
    story.refresh_from_db()
    assert story.state == WorkflowState.IN_REVIEW
    note = StoryNote.objects.get(article=story)
    assert (note.kind, note.author, note.revision_id) == (StoryNote.Kind.SUBMITTED, people["carla"],
                                                          story.latest_revision_id)
    assert sorted(message.to[0] for message in mail.outbox) == ["ann@newsroom.example", "edith@newsroom.example"]
    message = mail.outbox[0]
    assert message.subject == "For review: Harbor Lights wraps"
    assert "Carla submitted “Harbor Lights wraps” (revision 1)" in message.body
    assert "  The ending is under embargo." in message.body
    assert f"/desk/articles/{story.pk}/" in message.body and "/desk/review/" in message.body


def test_an_editor_sends_it_back_with_a_note_and_the_writer_is_mailed(people, django_capture_on_commit_callbacks):
    story = review.submit(draft_by(people["carla"]), user=people["carla"])
    with django_capture_on_commit_callbacks(execute=True):
        review.request_changes(story, user=people["edith"], note="Cut the second paragraph.")
    story.refresh_from_db()
    assert story.state == WorkflowState.CHANGES_REQUESTED
    assert [message.to for message in mail.outbox] == [["carla@newsroom.example"]]
    assert mail.outbox[0].subject == "Changes requested: Harbor Lights wraps"
    assert "Cut the second paragraph." in mail.outbox[0].body
    # The writer changes it and submits again; it is back in the queue.
    save_draft(ArticleDraft(headline="Harbor Lights wraps", body=BODY + "\nShorter now.\n", slug=story.slug),
               article=story, user=people["carla"])
    review.submit(story, user=people["carla"], note="Cut.")
    assert [s.pk for s in review.queue(people["edith"])] == [story.pk]


def test_sending_back_needs_a_note_and_a_story_in_review(people):
    story = review.submit(draft_by(people["carla"]), user=people["carla"])
    with pytest.raises(review.ReviewError, match="Write what should change"):
        review.request_changes(story, user=people["edith"], note="   ")
    story.refresh_from_db()
    assert story.state == WorkflowState.IN_REVIEW and story.notes.count() == 1
    draft = draft_by(people["carla"], headline="Not submitted")
    with pytest.raises(review.ReviewError, match="not in review, so there is nothing to send back"):
        review.request_changes(draft, user=people["edith"], note="Why?")


def test_a_note_longer_than_the_limit_is_refused_with_its_length_and_nothing_changes(people):
    story = draft_by(people["carla"])
    with pytest.raises(review.ReviewError, match=f"{NOTE_MAX_CHARS + 1:,} characters; a note holds at most"):
        review.submit(story, user=people["carla"], note="x" * (NOTE_MAX_CHARS + 1))
    story.refresh_from_db()
    assert story.state == WorkflowState.DRAFT and not story.notes.exists()


def test_a_story_whose_text_cannot_publish_is_not_submitted(people):
    story = draft_by(people["carla"], body=":::spoiler no-such-film\nThe end.\n:::\n")
    with pytest.raises(review.ReviewError, match="problems that would stop it from publishing"):
        review.submit(story, user=people["carla"])
    story.refresh_from_db()
    assert story.state == WorkflowState.DRAFT


def test_a_story_already_in_review_or_live_is_not_submitted_again(people):
    story = review.submit(draft_by(people["carla"]), user=people["carla"])
    with pytest.raises(review.ReviewError, match="already in review"):
        review.submit(story, user=people["carla"])
    live = publish(draft_by(people["carla"], headline="Already out"))
    with pytest.raises(review.ReviewError, match="is published, so it cannot be submitted"):
        review.submit(live, user=people["carla"])


def test_publishing_a_story_under_review_records_the_approval_and_mails_its_writer(
        people, django_capture_on_commit_callbacks):
    story = review.submit(draft_by(people["carla"]), user=people["carla"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        publish(story, user=people["edith"])
        note = review.approved(story, user=people["edith"], state_before=WorkflowState.IN_REVIEW)
    assert note.kind == StoryNote.Kind.APPROVED and note.revision_id == story.live_revision_id
    assert [message.to for message in mail.outbox] == [["carla@newsroom.example"]]
    assert mail.outbox[0].subject == "Approved: Harbor Lights wraps" and "It is live now." in mail.outbox[0].body
    assert review.approved(story, user=people["edith"], state_before=WorkflowState.DRAFT) is None  # not under review


def test_contributors_cannot_send_back_approve_or_keep_internal_notes(people):
    story = review.submit(draft_by(people["carla"]), user=people["carla"])
    with pytest.raises(NotAllowed, match="Only an editor can request changes"):
        review.request_changes(story, user=people["carla"], note="Looks great to me")
    with pytest.raises(NotAllowed, match="cannot publish"):
        review.approved(story, user=people["carla"], state_before=WorkflowState.IN_REVIEW)
    with pytest.raises(NotAllowed, match="Internal notes are for editors"):
        review.add_note(story, user=people["carla"], text="Note to self")
    with pytest.raises(NotAllowed, match="review queue is for editors"):
        review.queue(people["carla"])
    story.refresh_from_db()
    assert story.state == WorkflowState.IN_REVIEW and story.notes.count() == 1


def test_internal_notes_are_read_by_editors_and_never_by_the_writer(people):
    story = review.submit(draft_by(people["carla"]), user=people["carla"], note="Please read")
    review.add_note(story, user=people["edith"], text="Check the embargo with legal")
    assert [n.kind for n in review.notes_for(people["ann"], story)] == ["submitted", "internal"]
    assert [n.text for n in review.notes_for(people["carla"], story)] == ["Please read"]


def test_a_mail_server_that_fails_does_not_undo_the_submission(people, settings, django_capture_on_commit_callbacks,
                                                               caplog):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    story = draft_by(people["carla"])
    with django_capture_on_commit_callbacks(execute=True):
        review.submit(story, user=people["carla"], note="Ready")
    story.refresh_from_db()
    assert story.state == WorkflowState.IN_REVIEW
    assert "could not send 2 notification(s) (For review: Harbor Lights wraps)" in caplog.text


def test_a_refused_step_mails_nobody(people, django_capture_on_commit_callbacks):
    story = draft_by(people["carla"])
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(review.ReviewError):
            review.request_changes(story, user=people["edith"], note="Not in review yet")
    assert mail.outbox == []
