"""Deleting on the desk: move a story to the trash, list the trash, restore, purge.

Every action goes through `newsreel.newsroom.trash`, which checks the person again: the view
turns its refusals into the desk's 403 page and its errors into a message.
"""

from __future__ import annotations

from typing import Callable, TypeVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from newsreel.desk.access import article_or_refusal, can_edit_any, desk_view, forbidden, refuse
from newsreel.newsroom import trash as trash_service
from newsreel.newsroom.models import Article, TrashedArticle, WorkflowState
from newsreel.newsroom.permissions import STORY_PUBLISH, STORY_PURGE, STORY_TRASH, allowed

TRASH_PER_PAGE = 50
T = TypeVar("T")


@require_POST
@desk_view
def article_delete(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = article_or_refusal(request, pk, STORY_TRASH)
    if refusal:
        return refusal
    if answer := _attempt(request, lambda: trash_service.trash(article, user=request.user))[1]:
        return answer
    messages.success(request, (
        f"“{article.headline}” is in the trash. It stays there for {trash_service.TRASH_DAYS} days; "
        "restore it from the trash before then."
    ))
    return redirect("desk:articles")


@desk_view
def trash_list(request: HttpRequest) -> HttpResponse:
    entries = TrashedArticle.objects.select_related("article", "deleted_by").order_by("-deleted_at", "-pk")
    if not can_edit_any(request.user):
        entries = entries.filter(article__created_by=request.user)
    page = Paginator(entries, TRASH_PER_PAGE).get_page(request.GET.get("page"))
    may_publish = allowed(request.user, STORY_PUBLISH)
    rows = []
    for entry in page:
        was_live = entry.state_before == WorkflowState.PUBLISHED
        may_restore = trash_service.may_trash(request.user, entry.article)
        rows.append({
            "entry": entry, "article": entry.article, "purge_after": trash_service.purge_after(entry),
            "was_live": was_live, "may_restore": may_restore,
            # "As it was" differs from "as a draft" only for a story that was not a draft;
            # putting one back on the site is publishing.
            "may_restore_as_was": may_restore and entry.state_before != WorkflowState.DRAFT and (
                may_publish or entry.state_before not in (WorkflowState.PUBLISHED, "scheduled")),
        })
    return render(request, "desk/trash_list.html", {
        "page": page, "rows": rows, "query": "", "nav": "trash", "trash_days": trash_service.TRASH_DAYS,
        "may_purge": trash_service.may_purge(request.user),
    })


@require_POST
@desk_view
def trash_restore(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = article_or_refusal(request, pk, STORY_TRASH)
    if refusal:
        return refusal
    as_draft = request.POST.get("as") != "was"
    if not as_draft and entry_state(article) in (WorkflowState.PUBLISHED, WorkflowState.SCHEDULED) and (
            refusal := refuse(request, STORY_PUBLISH, article)):
        return refusal  # putting a story back on the site as it was is publishing it
    article, answer = _attempt(request, lambda: trash_service.restore(article, user=request.user, as_draft=as_draft))
    if answer:
        return answer
    messages.success(request, f"Restored “{article.headline}” as {article.get_state_display().lower()}.")
    return redirect("desk:article_edit", pk=article.pk)


def entry_state(article: Article) -> str | None:
    """The state a story in the trash had before it was deleted (None: not in the trash)."""
    return TrashedArticle.objects.filter(article=article).values_list("state_before", flat=True).first()


@require_POST
@desk_view
def trash_purge(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    if refusal := refuse(request, STORY_PURGE):
        return refusal
    headline = article.headline
    if answer := _attempt(request, lambda: trash_service.purge(article, user=request.user))[1]:
        return answer
    messages.success(request, f"Purged “{headline}” and its revisions for good.")
    return redirect("desk:trash")


def _attempt(request: HttpRequest, action: Callable[[], T]) -> tuple[T | None, HttpResponse | None]:
    """What the trash service's `action` returned, or the answer to its refusal: a 403 page when the
    person may not, the trash list with a message when the story is not in a state to allow it."""
    try:
        return action(), None
    except PermissionDenied as refusal:
        return None, forbidden(request, str(refusal))
    except trash_service.TrashError as error:
        messages.info(request, str(error))
        return None, redirect("desk:trash")
