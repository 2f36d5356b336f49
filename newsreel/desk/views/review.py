"""Review on the desk: the editors' queue, sending a story back with a note, internal notes,
and the review panel on a story's editor page. Submitting is the editor form's own button
(it saves what is typed first, see articles.py); approving is its Publish or Schedule.
A live story's changes are reviewed the same way with buttons of their own (newsroom.live_changes):
submitting them is the editor form's "Submit changes for review"; approving publishes the
revision the editor read.

Each view checks the table of role × action, and the newsroom's review service checks it
again. A note that cannot be kept (empty where one is needed, too long) is refused with a
message and offered back in its box, never lost.
"""

from __future__ import annotations

from typing import Any, Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from newsreel.desk.access import article_or_refusal, desk_view, refuse
from newsreel.newsroom import live_changes, review
from newsreel.newsroom.intake import IntakeError
from newsreel.newsroom.models import Article, ChangesReview, WorkflowState
from newsreel.newsroom.models.review import NOTE_MAX_CHARS
from newsreel.newsroom.permissions import (CHANGES_APPROVE, CHANGES_REQUEST, CHANGES_SUBMIT, CHANGES_WITHDRAW,
                                           NOTE_INTERNAL, REVIEW_QUEUE, REVIEW_REQUEST_CHANGES, REVIEW_SUBMIT,
                                           REVIEW_WITHDRAW, STORY_PUBLISH, allowed)
from newsreel.text.types import TextError
from newsreel.numbers import whole_number

# Session keys of a note that was refused, so its box shows it again.
_KEPT = "review-note:{kind}:{pk}"


def _keep(request: HttpRequest, kind: str, pk: int, text: str) -> None:
    request.session[_KEPT.format(kind=kind, pk=pk)] = text[:NOTE_MAX_CHARS * 2]


def _kept(request: HttpRequest, kind: str, pk: int) -> str:
    return request.session.pop(_KEPT.format(kind=kind, pk=pk), "")


@desk_view
def review_queue(request: HttpRequest) -> HttpResponse:
    if refusal := refuse(request, REVIEW_QUEUE):
        return refusal
    return render(request, "desk/review_queue.html", {
        "stories": review.queue(request.user), "sent_back": review.sent_back(request.user), "nav": "review",
    })


@require_POST
@desk_view
def review_request_changes(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = article_or_refusal(request, pk, REVIEW_REQUEST_CHANGES)
    if refusal:
        return refusal
    return _with_note(
        request, article, "note", "changes", lambda text: review.request_changes(article, user=request.user, note=text),
        "Not sent back", lambda after: f"Sent back to the writer with your note: “{after.headline}” waits for changes.")


@require_POST
@desk_view
def review_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = article_or_refusal(request, pk, REVIEW_WITHDRAW)
    if refusal:
        return refusal
    return _with_note(
        request, article, "note", "withdraw", lambda text: review.withdraw(article, user=request.user, note=text),
        "Not withdrawn", lambda after: f"Withdrawn from review: “{after.headline}” is "
                                       f"{after.get_state_display().lower()} again, yours to change; submit it when ready.")


@require_POST
@desk_view
def note_add(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = article_or_refusal(request, pk, NOTE_INTERNAL)
    if refusal:
        return refusal
    return _with_note(
        request, article, "text", "internal", lambda text: review.add_note(article, user=request.user, text=text),
        "Note not added", lambda after: "Note added. Only editors and administrators see it; it is never public.")


def _with_note(request: HttpRequest, article: Article, field: str, kind: str, action: Callable[[str], object],
               refused: str, done: Callable[[Article], str]) -> HttpResponse:
    """Run the review service's `action` on the note typed in `field`, back to the story's editor page.

    A refused note is kept for its box (under `kind`) and the reason said after `refused`; else
    `done` says what happened, given the story as the action left it.
    """
    text = request.POST.get(field, "")
    try:
        result = action(text)
    except review.ReviewError as error:
        _keep(request, kind, article.pk, text)
        messages.error(request, f"{refused}: {error}")
    else:
        messages.success(request, done(result if isinstance(result, Article) else article))
    return redirect("desk:article_edit", pk=article.pk)


@require_POST
@desk_view
def changes_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = article_or_refusal(request, pk, CHANGES_WITHDRAW)
    if refusal:
        return refusal
    return _with_note(
        request, article, "note", "changes-withdraw",
        lambda text: live_changes.withdraw(article, user=request.user, note=text), "Not withdrawn",
        lambda after: "Your changes are withdrawn from review: they stay saved, unpublished, and the site shows the "
                      "live version. Submit them again when ready.")


@require_POST
@desk_view
def changes_request_changes(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = article_or_refusal(request, pk, CHANGES_REQUEST)
    if refusal:
        return refusal
    return _with_note(
        request, article, "note", "changes-back",
        lambda text: live_changes.request_changes(article, user=request.user, note=text), "Not sent back",
        lambda after: f"The changes to “{after.headline}” are sent back to the writer with your note; the site "
                      "keeps the live version.")


@require_POST
@desk_view
def changes_approve(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = article_or_refusal(request, pk, CHANGES_APPROVE)
    if refusal:
        return refusal
    number = request.POST.get("revision", "")
    try:
        article = live_changes.approve(article, user=request.user,
                                       revision_number=whole_number(number))
    except review.ReviewError as error:
        messages.error(request, f"Not approved: {error}")
    except IntakeError as error:
        messages.error(request, "Not approved: the text cannot be published: "
                                f"{'; '.join(str(problem) for problem in error.errors)}.")
    except TextError as error:
        messages.error(request, f"Not approved: the text cannot be published: {error}.")
    else:
        messages.success(request, f"Approved and published: revision {article.live_revision.number} of "
                                  f"“{article.headline}” is live, and its writer is told by e-mail.")
    return redirect("desk:article_edit", pk=article.pk)


def panel_context(request: HttpRequest, article: Article | None) -> dict[str, Any]:
    """What the editor page's review panel shows this person."""
    user = request.user
    may_submit = allowed(user, REVIEW_SUBMIT, article) and not allowed(user, STORY_PUBLISH, article)
    context: dict[str, Any] = {
        "may_submit": may_submit and (article is None or article.state in review.SUBMITTABLE),
        "submit_note": request.POST.get("review_note", "") if request.method == "POST" else "",
        "note_max": NOTE_MAX_CHARS,
    }
    if article is None:
        return context
    context.update({
        "notes": review.notes_for(user, article),
        "may_request_changes": allowed(user, REVIEW_REQUEST_CHANGES, article)
        and article.state == WorkflowState.IN_REVIEW,
        "may_note": allowed(user, NOTE_INTERNAL, article),
        # Editors approve or send back; the writer (a contributor) may take it back meanwhile.
        "may_withdraw": allowed(user, REVIEW_WITHDRAW, article) and not allowed(user, STORY_PUBLISH, article)
        and article.state == WorkflowState.IN_REVIEW,
        "in_review": article.state == WorkflowState.IN_REVIEW,
        "changes_requested": article.state == WorkflowState.CHANGES_REQUESTED,
        "changes_note": _kept(request, "changes", article.pk),
        "withdraw_note": _kept(request, "withdraw", article.pk),
        "internal_note": _kept(request, "internal", article.pk),
    })
    if not context["submit_note"]:
        context["submit_note"] = _kept(request, "submit", article.pk)
    context.update(_changes_context(request, article))
    return context


def _changes_context(request: HttpRequest, article: Article) -> dict[str, Any]:
    """The panel's part for a live story's changes (nothing for a story that is not live)."""
    if not article.is_live:
        return {}
    user = request.user
    writer = not allowed(user, STORY_PUBLISH, article)  # editors publish their changes, they need no review
    in_review = article.changes_review == ChangesReview.IN_REVIEW
    return {
        "changes_in_review": in_review,
        "changes_sent_back": article.changes_review == ChangesReview.CHANGES_REQUESTED,
        "may_submit_changes": writer and allowed(user, CHANGES_SUBMIT, article) and not in_review,
        "may_withdraw_changes": writer and allowed(user, CHANGES_WITHDRAW, article) and in_review,
        "may_send_changes_back": allowed(user, CHANGES_REQUEST, article) and in_review,
        "may_approve_changes": allowed(user, CHANGES_APPROVE, article) and in_review,
        "changes_submit_note": request.POST.get("changes_note", "") if request.method == "POST"
        else _kept(request, "changes-submit", article.pk),
        "changes_back_note": _kept(request, "changes-back", article.pk),
        "changes_withdraw_note": _kept(request, "changes-withdraw", article.pk),
    }


def keep_submit_note(request: HttpRequest, article: Article, text: str, *, changes: bool = False) -> None:
    """A submission refused after its save: offer the note back in its box."""
    _keep(request, "changes-submit" if changes else "submit", article.pk, text)
