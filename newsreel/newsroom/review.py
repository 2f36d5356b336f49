"""Review: a writer hands a story to the editors, who send it back or publish it.

    draft / changes requested --submit (writer, optional note)--> IN REVIEW
    IN REVIEW --withdraw (writer, optional note)--> DRAFT (UNPUBLISHED if it was ever live)
    IN REVIEW --request_changes (editor, note required)--> CHANGES REQUESTED
    IN REVIEW or CHANGES REQUESTED --publish or schedule (editor)--> PUBLISHED / SCHEDULED
                                       (approved(): the writer is told)

Contributors can never publish or schedule (newsreel.newsroom.permissions), so review is
their only way to the site. Every step checks the person against the table, keeps a note on
the story (never public: models/review.py) and mails the people it concerns after commit.
Editors may also keep internal notes on any story; the writer never sees those.

A live story is not reviewed as a whole (that would take it off the site): its saved changes
are, with the same notes and mail, in newsreel.newsroom.live_changes; the queue lists both.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from newsreel.newsroom.models import Article, ChangesReview, WorkflowState
from newsreel.newsroom.models.review import NOTE_MAX_CHARS, StoryNote
from newsreel.newsroom.notifications import Notice, addresses, send_after_commit
from newsreel.newsroom.permissions import (NOTE_INTERNAL, REVIEW_QUEUE, REVIEW_REQUEST_CHANGES, REVIEW_SUBMIT,
                                           REVIEW_WITHDRAW, STORY_PUBLISH, STORY_VIEW, allowed, require)
from newsreel.newsroom.roles import ADMINISTRATOR, EDITOR
from newsreel.newsroom.row_locks import locked, tell

SUBMITTABLE = (WorkflowState.DRAFT, WorkflowState.CHANGES_REQUESTED, WorkflowState.UNPUBLISHED)
AWAITING_EDITOR = (WorkflowState.IN_REVIEW,)
UNDER_REVIEW = (WorkflowState.IN_REVIEW, WorkflowState.CHANGES_REQUESTED)


class ReviewError(Exception):
    """A review step that does not fit the story as it is; the message says why and what to do."""


def _clean_note(text: str | None, *, required: bool, what: str) -> str:
    text = (text or "").replace("\r\n", "\n").strip()
    if required and not text:
        raise ReviewError(f"Write {what}: it is what the writer reads.")
    if len(text) > NOTE_MAX_CHARS:
        raise ReviewError(f"The note is {len(text):,} characters; a note holds at most {NOTE_MAX_CHARS:,}. "
                          "Shorten it (your text is kept in the form).")
    return text


@transaction.atomic
def submit(article: Article, *, user, note: str = "") -> Article:
    """Hand the latest revision to the editors (IN REVIEW), with the writer's note; editors are mailed."""
    require(user, REVIEW_SUBMIT, article)
    caller, article = article, locked(article)
    text = _clean_note(note, required=False, what="a note")
    if article.state == WorkflowState.IN_REVIEW:
        raise ReviewError(f"“{article.headline}” is already in review; the editors see your latest saved revision.")
    if article.state not in SUBMITTABLE:
        raise ReviewError(f"“{article.headline}” is {article.get_state_display().lower()}, so it cannot be submitted "
                          "for review; only drafts and stories sent back for changes can.")
    revision = article.latest_revision
    if revision is None:
        raise ReviewError("Save the story first: review is of a saved revision.")
    if revision.derived.get("errors"):
        raise ReviewError("The text has problems that would stop it from publishing; fix them (they are marked in "
                          "the editor) and submit again.")
    article.state = WorkflowState.IN_REVIEW
    article.save(update_fields=["state", "updated_at"])
    StoryNote.objects.create(article=article, kind=StoryNote.Kind.SUBMITTED, text=text, author=_person(user),
                             revision=revision)
    who = _name(user)
    send_after_commit([Notice(
        to=addresses(_editors(), leave_out=user),
        subject=f"For review: {article.headline}",
        body=_body(f"{who} submitted “{article.headline}” (revision {revision.number}) for review.",
                   text, f"Review it: {_desk_url(article)}\nThe review queue: {_queue_url()}"),
    )])
    return tell(caller, article)


@transaction.atomic
def withdraw(article: Article, *, user, note: str = "") -> Article:
    """Take a submitted story back from the editors before they act: it leaves the review queue
    and is the writer's to change again (a draft; unpublished if it was live once, so its old
    address keeps answering 410). The editors are mailed so nobody reviews it meanwhile."""
    require(user, REVIEW_WITHDRAW, article)
    caller, article = article, locked(article)
    text = _clean_note(note, required=False, what="a note")
    if article.state != WorkflowState.IN_REVIEW:
        raise ReviewError(f"“{article.headline}” is {article.get_state_display().lower()}, not in review, so there "
                          "is no submission to withdraw.")
    article.state = WorkflowState.UNPUBLISHED if article.first_published_at else WorkflowState.DRAFT
    article.save(update_fields=["state", "updated_at"])
    StoryNote.objects.create(article=article, kind=StoryNote.Kind.WITHDRAWN, text=text, author=_person(user),
                             revision=article.latest_revision)
    send_after_commit([Notice(
        to=addresses(_editors(), leave_out=user),
        subject=f"Withdrawn from review: {article.headline}",
        body=_body(f"{_name(user)} withdrew “{article.headline}” from review; it is not waiting for you any more.",
                   text, f"The review queue: {_queue_url()}"),
    )])
    return tell(caller, article)


@transaction.atomic
def request_changes(article: Article, *, user, note: str) -> Article:
    """Send a story in review back to its writer (CHANGES REQUESTED) with the editor's note; the writer is mailed."""
    require(user, REVIEW_REQUEST_CHANGES, article)
    caller, article = article, locked(article)
    text = _clean_note(note, required=True, what="what should change")
    if article.state != WorkflowState.IN_REVIEW:
        raise ReviewError(f"“{article.headline}” is {article.get_state_display().lower()}, not in review, so there "
                          "is nothing to send back.")
    article.state = WorkflowState.CHANGES_REQUESTED
    article.save(update_fields=["state", "updated_at"])
    StoryNote.objects.create(article=article, kind=StoryNote.Kind.CHANGES_REQUESTED, text=text,
                             author=_person(user), revision=article.latest_revision)
    send_after_commit([Notice(
        to=addresses(_writers(article), leave_out=user),
        subject=f"Changes requested: {article.headline}",
        body=_body(f"{_name(user)} asks for changes to “{article.headline}” before it is published.", text,
                   f"Open it: {_desk_url(article)}\nSave your changes, then submit it for review again."),
    )])
    return tell(caller, article)


def approved(article: Article, *, user, state_before: str, changes_before: str = ChangesReview.NONE
             ) -> StoryNote | None:
    """Record that an editor published or scheduled a story that was under review (or published
    a live story's changes under review: `changes_before`), and mail its writers. Called by the
    desk after the publish or schedule succeeded, and by `newsreel publish` and the importers
    (user None: the note is by "Newsreel", from the command line) in the publish's own
    transaction (None: it was not under review)."""
    require(user, STORY_PUBLISH, article)
    changes = changes_before != ChangesReview.NONE and article.live_revision_id == article.latest_revision_id
    if state_before not in UNDER_REVIEW and not changes:
        return None
    with transaction.atomic():
        revision = article.live_revision if article.state == WorkflowState.PUBLISHED else article.scheduled_revision
        note = StoryNote.objects.create(article=article, kind=StoryNote.Kind.APPROVED, author=_person(user),
                                        revision=revision or article.latest_revision)
        when = ("It is live now." if article.state == WorkflowState.PUBLISHED
                else f"It goes live at {article.published_at:%Y-%m-%d %H:%M %Z}.")
        what = f"the changes to “{article.headline}”" if changes else f"“{article.headline}”"
        send_after_commit([Notice(
            to=addresses(_writers(article), leave_out=user),
            subject=f"{'Changes approved' if changes else 'Approved'}: {article.headline}",
            body=_body(f"{_name(user)} approved {what}. {when}" if _person(user) else
                       f"“{article.headline}” was published from the command line or an import, which approves "
                       f"it. {when}", "", f"Open it: {_desk_url(article)}"),
        )])
    return note


@transaction.atomic
def add_note(article: Article, *, user, text: str) -> StoryNote:
    """An internal note among editors on any story; the writer never sees it and nobody is mailed."""
    require(user, NOTE_INTERNAL, article)
    text = _clean_note(text, required=True, what="the note")
    return StoryNote.objects.create(article=article, kind=StoryNote.Kind.INTERNAL, text=text, author=_person(user),
                                    revision=article.latest_revision)


def notes_for(user, article: Article) -> list[StoryNote]:
    """The notes this person may read on this story, oldest first: the review conversation for
    its writer and the editors; editors' internal notes for editors only."""
    require(user, STORY_VIEW, article)
    notes = StoryNote.objects.filter(article=article).select_related("author", "revision")
    if not allowed(user, NOTE_INTERNAL, article):
        notes = notes.exclude(kind=StoryNote.Kind.INTERNAL)
    return list(notes)


def queue(user):
    """The stories waiting for an editor, longest-waiting first, each with `submission` (its latest SUBMITTED note)."""
    require(user, REVIEW_QUEUE)
    stories = list(Article.objects.filter(_waiting(ChangesReview.IN_REVIEW, WorkflowState.IN_REVIEW))
                   .select_related("section", "latest_revision", "live_revision", "created_by")
                   .order_by("updated_at", "id"))
    latest = {}
    for note in (StoryNote.objects.filter(article__in=stories, kind=StoryNote.Kind.SUBMITTED)
                 .select_related("author", "revision").order_by("created_at", "id")):
        latest[note.article_id] = note
    for story in stories:
        story.submission = latest.get(story.pk)
        story.live_changes = story.state == WorkflowState.PUBLISHED  # changes to a live story, not the story
    stories.sort(key=lambda story: (story.submission.created_at if story.submission else story.updated_at, story.pk))
    return stories


def sent_back(user):
    """Stories an editor sent back, waiting for their writers, each with `sent_back_at` (newest first)."""
    require(user, REVIEW_QUEUE)
    stories = list(Article.objects.filter(_waiting(ChangesReview.CHANGES_REQUESTED, WorkflowState.CHANGES_REQUESTED))
                   .select_related("created_by"))
    when = {}
    for note in StoryNote.objects.filter(article__in=stories, kind=StoryNote.Kind.CHANGES_REQUESTED).order_by(
            "created_at", "id"):
        when[note.article_id] = note.created_at
    for story in stories:
        story.sent_back_at = when.get(story.pk, story.updated_at)
        story.live_changes = story.state == WorkflowState.PUBLISHED
    stories.sort(key=lambda story: (story.sent_back_at, story.pk), reverse=True)
    return stories


def _waiting(changes: str, state: str) -> Q:
    """Stories in `state`, and live stories whose changes are in `changes` (a story taken off
    the site meanwhile leaves the list: its changes were reviewed only while it was live)."""
    return Q(state=state) | Q(state=WorkflowState.PUBLISHED, changes_review=changes)


# ---------------------------------------------------------------- people and words


def _person(user):
    return user if getattr(user, "is_authenticated", False) else None


def _name(user) -> str:
    if not getattr(user, "is_authenticated", False):
        return "Newsreel"
    return user.get_full_name() or user.get_username()


def _editors():
    """Everyone who reviews: active editors and administrators (superusers count as administrators)."""
    from django.db.models import Q

    return get_user_model().objects.filter(Q(groups__name__in=(EDITOR, ADMINISTRATOR)) | Q(is_superuser=True),
                                           is_active=True).distinct()


def _writers(article: Article) -> list:
    """Who wrote the story: its creator and whoever submitted it for review."""
    people = [article.created_by]
    people += [note.author for note in StoryNote.objects.filter(article=article, kind=StoryNote.Kind.SUBMITTED)
               .select_related("author")]
    return [person for person in people if person is not None]


def _desk_url(article: Article) -> str:
    return settings.SITE_URL + reverse("desk:article_edit", args=[article.pk])


def _queue_url() -> str:
    return settings.SITE_URL + reverse("desk:review")


def _body(first: str, note: str, last: str) -> str:
    parts = [first]
    if note:
        parts.append("Their note:\n\n" + "\n".join(f"  {line}" for line in note.splitlines()))
    parts.append(last)
    parts.append("(Notes are for the newsroom only; they never appear on the site.)")
    return "\n\n".join(parts) + "\n"
