"""Articles on the desk: the editor (who may open it, then open or save, see editor_page.py
and editor_save.py) and unpublishing. Every write goes through the newsroom's publishing
services, like every other way an article arrives."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_http_methods, require_POST

from newsreel.desk.access import can_publish, desk_view, refuse
from newsreel.desk.views.editor_page import open_editor
from newsreel.desk.views.editor_save import save_from_editor
from newsreel.newsroom import publishing
from newsreel.newsroom.models import Article, WorkflowState
from newsreel.newsroom.permissions import (CHANGES_SUBMIT, REVIEW_SUBMIT, STORY_CREATE, STORY_EDIT, STORY_PUBLISH, STORY_TRASH,
                                             STORY_UNPUBLISH, STORY_VIEW, allowed)


@require_http_methods(["GET", "HEAD", "POST"])
@desk_view
def article_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    article = None
    if pk is not None:
        article = get_object_or_404(Article.objects.select_related("latest_revision", "live_revision"), pk=pk)
        if refusal := refuse(request, STORY_EDIT if request.method == "POST" else STORY_VIEW, article):
            return refusal
        if article.state == WorkflowState.DELETED:
            messages.info(request, f"“{article.headline}” is in the trash: restore it to edit it.")
            return redirect("desk:trash")
    elif refusal := refuse(request, STORY_CREATE):
        return refusal

    base = publishing.draft_for(article) if article else None
    context = {"article": article, "nav": "articles" if article else "new", "may_publish": can_publish(request.user),
               "may_trash": article is not None and allowed(request.user, STORY_TRASH, article)}
    if request.method != "POST":
        return open_editor(request, article, base, context)
    action = request.POST.get("action", "save")
    if action == "publish" and (refusal := refuse(request, STORY_PUBLISH, article)):
        return refusal
    if action == "submit" and (refusal := refuse(request, REVIEW_SUBMIT, article)):
        return refusal
    if action == "submit_changes" and (refusal := refuse(request, CHANGES_SUBMIT, article)):
        return refusal
    return save_from_editor(request, article, base, context)


@require_POST
@desk_view
def article_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    if refusal := refuse(request, STORY_UNPUBLISH, article):
        return refusal
    if article.is_live:
        publishing.unpublish(article, user=request.user)
        messages.success(request, "Unpublished: the article is off the site. Its revisions are kept.")
    else:
        messages.info(request, "The article was not published.")
    return redirect("desk:article_edit", pk=article.pk)
