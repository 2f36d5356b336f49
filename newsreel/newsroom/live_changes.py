"""Review of a live story's changes: the story stays on the site while its saved changes wait.

    live story, changes saved (latest revision != live revision)
      --submit (writer, optional note)--> changes IN REVIEW         (Article.changes_review)
    IN REVIEW --withdraw (writer, optional note)--> NONE (the changes stay saved, unpublished)
    IN REVIEW --request_changes (editor, note required)--> CHANGES REQUESTED
    IN REVIEW --approve (editor)--> the latest revision is published (publishing.publish), NONE
    any --publish of the latest revision or unpublish--> NONE

Review of a whole story is a state of the story (newsreel.newsroom.review), and a story is
live only while its state is PUBLISHED, so a live story's changes have a state of their own:
the story's state, fields and live revision never change until an editor approves, and no
public surface reads `changes_review`. The notes, the mail and the queue are review's.
"""

from __future__ import annotations

from django.db import transaction

from newsreel.newsroom import publishing
from newsreel.newsroom.models import Article, ChangesReview
from newsreel.newsroom.models.review import StoryNote
from newsreel.newsroom.notifications import Notice, addresses, send_after_commit
from newsreel.newsroom.permissions import (CHANGES_APPROVE, CHANGES_REQUEST, CHANGES_SUBMIT, CHANGES_WITHDRAW,
                                           STORY_PUBLISH, require)
from newsreel.newsroom.review import (ReviewError, _body, _clean_note, _desk_url, _editors, _name, _person,
                                      _queue_url, _writers, approved)
from newsreel.newsroom.row_locks import locked, tell

IN_REVIEW, CHANGES_REQUESTED, NONE = ChangesReview.IN_REVIEW, ChangesReview.CHANGES_REQUESTED, ChangesReview.NONE


def pending(article: Article) -> bool:
    """Is the story live with saved changes the site does not show yet?"""
    return article.is_live and article.has_unpublished_changes


def _refuse_unless_live(article: Article, doing: str) -> None:
    if not article.is_live:
        raise ReviewError(f"“{article.headline}” is not live, so there are no changes to a live story to {doing}; "
                          "a story off the site is reviewed as a whole (Submit for review).")


def _refuse_unless_in_review(article: Article, doing: str) -> None:
    _refuse_unless_live(article, doing)
    if article.changes_review != IN_REVIEW:
        raise ReviewError(f"The changes to “{article.headline}” are not in review "
                          f"({article.get_changes_review_display().lower()}), so there is nothing to {doing}.")


@transaction.atomic
def submit(article: Article, *, user, note: str = "") -> Article:
    """Hand a live story's latest saved revision to the editors; the site keeps the live one."""
    require(user, CHANGES_SUBMIT, article)
    caller, article = article, locked(article)
    text = _clean_note(note, required=False, what="a note")
    _refuse_unless_live(article, "submit")
    if article.changes_review == IN_REVIEW:
        raise ReviewError(f"The changes to “{article.headline}” are already in review; the editors see your latest "
                          "saved revision.")
    revision = article.latest_revision
    if not article.has_unpublished_changes or revision is None:
        raise ReviewError(f"There are no changes to submit: the site already shows revision "
                          f"{article.live_revision.number}. Save your changes first.")
    if revision.derived.get("errors"):
        raise ReviewError("The text has problems that would stop it from publishing; fix them (they are marked in "
                          "the editor) and submit again.")
    article.changes_review = IN_REVIEW
    # Only this column: the row's updated_at is the sitemaps' lastmod, and nothing public changed.
    article.save(update_fields=["changes_review"])
    StoryNote.objects.create(article=article, kind=StoryNote.Kind.SUBMITTED, text=text, author=_person(user),
                             revision=revision)
    send_after_commit([Notice(
        to=addresses(_editors(), leave_out=user),
        subject=f"Changes for review: {article.headline}",
        body=_body(f"{_name(user)} submitted changes to the live story “{article.headline}” (revision "
                   f"{revision.number}) for review. The site shows revision {article.live_revision.number} "
                   "until an editor approves them.",
                   text, f"Review them: {_desk_url(article)}\nThe review queue: {_queue_url()}"),
    )])
    return tell(caller, article)


@transaction.atomic
def withdraw(article: Article, *, user, note: str = "") -> Article:
    """Take submitted changes back before an editor acts: they stay saved, unpublished, and leave the queue."""
    require(user, CHANGES_WITHDRAW, article)
    caller, article = article, locked(article)
    text = _clean_note(note, required=False, what="a note")
    _refuse_unless_in_review(article, "withdraw")
    article.changes_review = NONE
    article.save(update_fields=["changes_review"])
    StoryNote.objects.create(article=article, kind=StoryNote.Kind.WITHDRAWN, text=text, author=_person(user),
                             revision=article.latest_revision)
    send_after_commit([Notice(
        to=addresses(_editors(), leave_out=user),
        subject=f"Changes withdrawn from review: {article.headline}",
        body=_body(f"{_name(user)} withdrew the changes to “{article.headline}” from review; they are not waiting "
                   "for you any more. The live story is unchanged.", text, f"The review queue: {_queue_url()}"),
    )])
    return tell(caller, article)


@transaction.atomic
def request_changes(article: Article, *, user, note: str) -> Article:
    """Send a live story's changes back to their writer with the editor's note; the site keeps the live version."""
    require(user, CHANGES_REQUEST, article)
    caller, article = article, locked(article)
    text = _clean_note(note, required=True, what="what should change")
    _refuse_unless_in_review(article, "send back")
    article.changes_review = CHANGES_REQUESTED
    article.save(update_fields=["changes_review"])
    StoryNote.objects.create(article=article, kind=StoryNote.Kind.CHANGES_REQUESTED, text=text,
                             author=_person(user), revision=article.latest_revision)
    send_after_commit([Notice(
        to=addresses(_writers(article), leave_out=user),
        subject=f"Changes requested: {article.headline}",
        body=_body(f"{_name(user)} asks for more work on your changes to the live story “{article.headline}” "
                   "before they are published. The site keeps showing the live version meanwhile.", text,
                   f"Open it: {_desk_url(article)}\nSave your changes, then submit them for review again."),
    )])
    return tell(caller, article)


@transaction.atomic
def approve(article: Article, *, user, revision_number: int | None = None) -> Article:
    """Publish the changes in review, as a publish does everything (pages, feeds, webhooks);
    the writer is mailed. `revision_number` is the revision the editor read: a newer save
    since is refused, so nothing goes live unread. Raises ReviewError, or IntakeError when
    the text cannot be published (nothing changes)."""
    require(user, CHANGES_APPROVE, article)
    require(user, STORY_PUBLISH, article)
    article = locked(article)
    _refuse_unless_in_review(article, "approve")
    revision = article.latest_revision
    if revision_number is not None and revision.number != revision_number:
        raise ReviewError(f"“{article.headline}” was saved again since you opened it: revision {revision.number} "
                          f"is the latest, not {revision_number}. Read it, then approve again.")
    article = publishing.publish(article, user=user, revision=revision)
    approved(article, user=user, state_before=article.state, changes_before=IN_REVIEW)
    return article
