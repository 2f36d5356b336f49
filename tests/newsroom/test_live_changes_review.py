"""Review of a live story's changes: a contributor's saved changes wait for an editor while the
site keeps the live revision; the editor approves them (a publish, with everything a publish
does) or sends them back with a note; the writer can withdraw them; mail goes to whom it concerns."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail

from newsreel.api.models import WebhookDelivery
from newsreel.api.webhooks.events import add_endpoint
from newsreel.newsroom import live_changes, review
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, ChangesReview, StoryNote, WorkflowState
from newsreel.newsroom.permissions import NotAllowed
from newsreel.newsroom.publishing import publish, save_draft, unpublish

pytestmark = pytest.mark.django_db

BODY = "Ada Varga has finished *Harbor Lights*, a lighthouse story.\n"
CHANGED = BODY + "\nThe premiere moved to the harbour itself.\n"


def person(username: str, role: str) -> User:
    user = User.objects.create_user(username, f"{username}@newsroom.example", "correct horse battery",
                                    first_name=username.capitalize())
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def people(small_graph):
    return {"carla": person("carla", "contributor"), "edith": person("edith", "editor"),
            "ann": person("ann", "administrator")}


def live_story_with_changes(writer: User, body: str = CHANGED, slug: str = "harbor-lights-wraps") -> Article:
    """A story of `writer`'s, made live by the system, then changed and saved by its writer."""
    story = publish(save_draft(ArticleDraft(headline="Harbor Lights wraps", body=BODY, slug=slug), user=writer))
    return save_draft(ArticleDraft(headline="Harbor Lights wraps at sea", body=body, slug=story.slug),
                      article=story, user=writer)


def fresh(story: Article) -> Article:
    return Article.objects.select_related("live_revision", "latest_revision").get(pk=story.pk)


def test_a_contributor_submits_changes_and_the_story_stays_live_with_its_old_text(
        people, django_capture_on_commit_callbacks):
    story = live_story_with_changes(people["carla"])
    with django_capture_on_commit_callbacks(execute=True):
        returned = live_changes.submit(story, user=people["carla"], note="Added the new premiere venue.")
    assert returned.changes_review == story.changes_review == ChangesReview.IN_REVIEW
    story = fresh(story)
    assert story.state == WorkflowState.PUBLISHED and story.is_live
    assert story.changes_review == ChangesReview.IN_REVIEW
    assert (story.headline, story.live_revision.number, story.latest_revision.number) == ("Harbor Lights wraps", 1, 2)
    assert "harbour itself" not in story.body_html
    note = StoryNote.objects.get(article=story)
    assert (note.kind, note.author, note.revision.number) == (StoryNote.Kind.SUBMITTED, people["carla"], 2)
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@newsroom.example", "edith@newsroom.example"]
    assert mail.outbox[0].subject == "Changes for review: Harbor Lights wraps"
    assert "changes to the live story" in mail.outbox[0].body and "shows revision 1" in mail.outbox[0].body
    queue = review.queue(people["edith"])
    assert [(s.pk, s.live_changes) for s in queue] == [(story.pk, True)]
    assert queue[0].submission.text == "Added the new premiere venue."


def test_an_editor_approves_and_the_changes_go_live_with_everything_a_publish_does(
        people, django_capture_on_commit_callbacks):
    story = live_story_with_changes(people["carla"])
    add_endpoint("https://hooks.example.org/newsreel")  # after the first publish: only the approval's message
    live_changes.submit(story, user=people["carla"])
    assert WebhookDelivery.objects.count() == 0  # a submission tells nobody outside
    with django_capture_on_commit_callbacks(execute=True):
        live_changes.approve(story, user=people["edith"], revision_number=2)
    story = fresh(story)
    assert story.state == WorkflowState.PUBLISHED and story.changes_review == ChangesReview.NONE
    assert story.live_revision.number == 2 and story.headline == "Harbor Lights wraps at sea"
    assert "harbour itself" in story.body_html
    assert list(WebhookDelivery.objects.values_list("event", flat=True)) == ["story.updated"]
    assert [n.kind for n in story.notes.all()] == [StoryNote.Kind.SUBMITTED, StoryNote.Kind.APPROVED]
    assert [(m.to, m.subject) for m in mail.outbox if "Approved" in m.subject or "approved" in m.subject] == [
        (["carla@newsroom.example"], "Changes approved: Harbor Lights wraps at sea")]
    assert "Edith approved the changes to “Harbor Lights wraps at sea”. It is live now." in mail.outbox[-1].body
    assert review.queue(people["edith"]) == []


def test_approval_refuses_a_revision_saved_after_the_editor_read_it(people):
    story = live_story_with_changes(people["carla"])
    live_changes.submit(story, user=people["carla"])
    save_draft(ArticleDraft(headline="Harbor Lights wraps at sea", body=CHANGED + "\nOne more line.\n",
                            slug=story.slug), article=story, user=people["carla"])
    with pytest.raises(live_changes.ReviewError, match="saved again since you opened it: revision 3"):
        live_changes.approve(story, user=people["edith"], revision_number=2)
    story = fresh(story)
    assert story.live_revision.number == 1 and story.changes_review == ChangesReview.IN_REVIEW


def test_approval_of_text_that_cannot_publish_changes_nothing(people):
    story = live_story_with_changes(people["carla"])
    live_changes.submit(story, user=people["carla"])
    # An editor's save made the text unpublishable after submission (an unknown spoiler film).
    save_draft(ArticleDraft(headline="Harbor Lights wraps at sea", body=":::spoiler nowhere-film-1999\nX\n:::\n",
                            slug=story.slug), article=story, user=people["edith"])
    with pytest.raises(Exception) as error:
        live_changes.approve(story, user=people["edith"])
    assert "nowhere-film-1999" in str(error.value) or "Line" in str(error.value)
    story = fresh(story)
    assert story.live_revision.number == 1 and story.changes_review == ChangesReview.IN_REVIEW
    assert story.notes.filter(kind=StoryNote.Kind.APPROVED).count() == 0


def test_an_editor_sends_changes_back_with_a_note_and_the_writer_submits_again(
        people, django_capture_on_commit_callbacks):
    story = live_story_with_changes(people["carla"])
    live_changes.submit(story, user=people["carla"])
    with pytest.raises(live_changes.ReviewError, match="Write what should change"):
        live_changes.request_changes(story, user=people["edith"], note="  ")
    with django_capture_on_commit_callbacks(execute=True):
        live_changes.request_changes(story, user=people["edith"], note="Name the harbour.")
    story = fresh(story)
    assert story.changes_review == ChangesReview.CHANGES_REQUESTED and story.live_revision.number == 1
    assert [(m.to, m.subject) for m in mail.outbox] == [(["carla@newsroom.example"],
                                                         "Changes requested: Harbor Lights wraps")]
    assert "Name the harbour." in mail.outbox[0].body and "keeps showing the live version" in mail.outbox[0].body
    assert review.queue(people["edith"]) == []
    assert [(s.pk, s.live_changes) for s in review.sent_back(people["edith"])] == [(story.pk, True)]
    save_draft(ArticleDraft(headline="Harbor Lights wraps in Port Ellis", body=CHANGED, slug=story.slug),
               article=story, user=people["carla"])
    live_changes.submit(story, user=people["carla"], note="Named it.")
    assert fresh(story).changes_review == ChangesReview.IN_REVIEW
    assert [s.pk for s in review.queue(people["edith"])] == [story.pk]


def test_the_writer_withdraws_and_the_changes_stay_saved_but_unpublished(people, django_capture_on_commit_callbacks):
    story = live_story_with_changes(people["carla"])
    live_changes.submit(story, user=people["carla"])
    with django_capture_on_commit_callbacks(execute=True):
        live_changes.withdraw(story, user=people["carla"], note="One more check first.")
    story = fresh(story)
    assert story.changes_review == ChangesReview.NONE and story.is_live
    assert (story.live_revision.number, story.latest_revision.number) == (1, 2)
    assert sorted(m.to[0] for m in mail.outbox) == ["ann@newsroom.example", "edith@newsroom.example"]
    assert mail.outbox[0].subject == "Changes withdrawn from review: Harbor Lights wraps"
    assert review.queue(people["edith"]) == []
    with pytest.raises(live_changes.ReviewError, match="not in review"):
        live_changes.withdraw(story, user=people["carla"])
    with pytest.raises(live_changes.ReviewError, match="not in review"):
        live_changes.approve(story, user=people["edith"])


def test_nothing_to_review_is_refused_with_a_reason(people):
    live = publish(save_draft(ArticleDraft(headline="Unchanged", body=BODY), user=people["carla"]))
    with pytest.raises(live_changes.ReviewError, match="no changes to submit: the site already shows revision 1"):
        live_changes.submit(live, user=people["carla"])
    draft = save_draft(ArticleDraft(headline="Never live", body=BODY), user=people["carla"])
    with pytest.raises(live_changes.ReviewError, match="is not live"):
        live_changes.submit(draft, user=people["carla"])
    broken = live_story_with_changes(people["carla"], body=":::spoiler nowhere-film-1999\nX\n:::\n", slug="broken")
    with pytest.raises(live_changes.ReviewError, match="problems that would stop it from publishing"):
        live_changes.submit(broken, user=people["carla"])
    story = live_story_with_changes(people["carla"])
    live_changes.submit(story, user=people["carla"])
    with pytest.raises(live_changes.ReviewError, match="already in review"):
        live_changes.submit(story, user=people["carla"])
    assert Article.objects.filter(changes_review=ChangesReview.IN_REVIEW).count() == 1


def test_an_editors_publish_approves_and_an_unpublish_ends_the_review(people, django_capture_on_commit_callbacks):
    story = live_story_with_changes(people["carla"])
    live_changes.submit(story, user=people["carla"])
    story = fresh(story)
    with django_capture_on_commit_callbacks(execute=True):
        before = story.changes_review
        publish(story, user=people["edith"])
        review.approved(story, user=people["edith"], state_before=story.state, changes_before=before)
    assert fresh(story).changes_review == ChangesReview.NONE
    assert story.notes.filter(kind=StoryNote.Kind.APPROVED).count() == 1
    other = live_story_with_changes(people["carla"], slug="another")
    live_changes.submit(other, user=people["carla"])
    unpublish(fresh(other), user=people["edith"])
    other = fresh(other)
    assert other.state == WorkflowState.UNPUBLISHED and other.changes_review == ChangesReview.NONE
    assert review.queue(people["edith"]) == []
    # Off the site, the whole story is what gets reviewed.
    assert review.submit(other, user=people["carla"]).state == WorkflowState.IN_REVIEW


def test_an_editors_save_of_a_live_story_publishes_nothing_and_their_publish_needs_no_review(people):
    story = live_story_with_changes(people["edith"])
    assert fresh(story).live_revision.number == 1
    publish(story, user=people["edith"])
    story = fresh(story)
    assert story.live_revision.number == 2 and story.changes_review == ChangesReview.NONE


def test_a_contributor_can_neither_approve_nor_send_back_nor_touch_anothers_changes(people):
    otto = person("otto", "contributor")
    story = live_story_with_changes(people["carla"])
    with pytest.raises(NotAllowed):
        live_changes.submit(story, user=otto)
    live_changes.submit(story, user=people["carla"])
    for call in (lambda: live_changes.approve(story, user=people["carla"]),
                 lambda: live_changes.request_changes(story, user=people["carla"], note="Mine."),
                 lambda: live_changes.withdraw(story, user=otto)):
        with pytest.raises(NotAllowed):
            call()
    story = fresh(story)
    assert story.changes_review == ChangesReview.IN_REVIEW and story.live_revision.number == 1
