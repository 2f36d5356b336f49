"""What a press of the editor's buttons does: Save, Preview, Submit for review (a live story:
Submit changes for review) or Publish.
Every one saves what is typed first (Preview saves nothing), through the newsroom's publishing
services; a save over a newer revision becomes a merge instead (merging.py)."""

from __future__ import annotations

import dataclasses

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from newsreel.desk.drafts import attach, draft_from_form, problems_from
from newsreel.desk.forms import ArticleForm
from newsreel.desk.links import overrides_from_post
from newsreel.desk.views import autosave as autosave_views
from newsreel.desk.views import merging
from newsreel.desk.views import review as review_views
from newsreel.desk.views.editor_page import render_editor
from newsreel.newsroom import live_changes, publishing, review
from newsreel.newsroom.intake import ArticleDraft, IntakeError
from newsreel.newsroom.models import Article, Revision, WorkflowState
from newsreel.text.types import TextError


def save_from_editor(request: HttpRequest, article: Article | None, base: ArticleDraft | None,
                     context: dict) -> HttpResponse:
    """Save the posted form as a new revision, then do the button's action on it."""
    action = request.POST.get("action", "save")
    form = ArticleForm(request.POST)
    if not form.is_valid():
        return render_editor(request, form, context, status=400)
    draft = draft_from_form(form, base)
    if "link_entity" in request.POST or request.POST.get("add_surface") or request.POST.get("add_entity"):
        overrides, link_problems = overrides_from_post(request.POST, draft.body)
        if link_problems:
            for problem in link_problems:
                form.add_error(None, problem)
            return render_editor(request, form, context, status=400)
        draft = dataclasses.replace(draft, link_overrides=overrides)
    if action == "preview":  # the real public page of what is in the editor, saving no revision
        return autosave_views.preview(request, article, draft)
    stale = merging.stale_save(request, form, draft, article, context, render_editor)
    if stale is not None:  # someone saved a newer revision: merge, never overwrite
        return stale
    before, was_new = (article.latest_revision_id if article else None), article is None
    try:
        article = publishing.save_draft(draft, article=article, user=request.user, origin="desk")
    except (IntakeError, TextError) as error:
        attach(form, problems_from(error, form))
        return render_editor(request, form, context, status=400)
    autosave_views.after_save(request, article, was_new)
    if action == "submit":
        _submit(request, article)
    elif action == "submit_changes":
        _submit_changes(request, article)
    elif action == "publish":
        _publish(request, article, form)
    else:
        _say_saved(request, article.latest_revision, unchanged=article.latest_revision_id == before)
    return redirect("desk:article_edit", pk=article.pk)


def _submit(request: HttpRequest, article: Article) -> None:
    revision = article.latest_revision
    note = request.POST.get("review_note", "")
    try:
        review.submit(article, user=request.user, note=note)
    except review.ReviewError as error:
        review_views.keep_submit_note(request, article, note)
        messages.error(request, f"Saved as revision {revision.number}, but not submitted: {error}")
    else:
        messages.success(request, f"Submitted revision {revision.number} for review: the editors are told "
                                  "by e-mail. You can keep editing; they see your latest saved revision.")


def _submit_changes(request: HttpRequest, article: Article) -> None:
    revision = article.latest_revision
    note = request.POST.get("changes_note", "")
    try:
        live_changes.submit(article, user=request.user, note=note)
    except review.ReviewError as error:
        review_views.keep_submit_note(request, article, note, changes=True)
        messages.error(request, f"Saved as revision {revision.number}, but not submitted: {error}")
    else:
        messages.success(request, f"Submitted your changes (revision {revision.number}) for review: the editors are "
                                  f"told by e-mail. The site shows revision {article.live_revision.number} until "
                                  "one approves them.")


def _publish(request: HttpRequest, article: Article, form: ArticleForm) -> None:
    revision = article.latest_revision
    state_before, changes_before = article.state, article.changes_review
    try:
        publishing.publish(article, user=request.user)
    except (IntakeError, TextError) as error:
        problems = problems_from(error, form)
        if all(p.field == "body" for p in problems):  # the editor marks these at the body
            detail = "the text has problems, marked below"
        else:
            detail = "; ".join(str(p) for p in problems)
        messages.error(request, f"Saved as revision {revision.number}, but not published: {detail}.")
        return
    if article.state == WorkflowState.SCHEDULED:  # its publication time (e.g. imported) is still to come
        messages.success(request, f"Scheduled revision {revision.number}: it goes live on its publication time.")
    else:
        messages.success(request, f"Published revision {revision.number}.")
    review.approved(article, user=request.user, state_before=state_before, changes_before=changes_before)


def _say_saved(request: HttpRequest, revision: Revision, *, unchanged: bool) -> None:
    if unchanged:
        messages.info(request, f"Nothing changed since revision {revision.number}, so no new revision was saved.")
    elif revision.derived.get("errors"):
        messages.warning(request, f"Saved as revision {revision.number}. The text has problems that will stop it "
                                  "from publishing; they are marked below.")
    else:
        messages.success(request, f"Saved as revision {revision.number}.")
