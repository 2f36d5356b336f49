"""Articles on the desk: the editor (save, preview, publish), unpublishing and
revisions. Every write goes through the newsroom's publishing services, like every other
way an article arrives."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from newsreel.desk.access import can_publish, desk_view, forbidden, refuse
from newsreel.desk.forms import ArticleForm, format_sources
from newsreel.desk.links import entity_choices, link_rows, overrides_from_post
from newsreel.desk.views import autosave as autosave_views
from newsreel.desk.views import merging
from newsreel.desk.views import review as review_views
from newsreel.images.models import Image
from newsreel.newsroom import publishing, review
from newsreel.newsroom.intake import ArticleDraft, IntakeError
from newsreel.newsroom.models import Article, Revision, WorkflowState
from newsreel.newsroom.permissions import (REVIEW_SUBMIT, STORY_CREATE, STORY_EDIT, STORY_PUBLISH, STORY_TRASH,
                                             STORY_UNPUBLISH, STORY_VIEW, allowed)
from newsreel.text.types import TextError



@dataclass(frozen=True)
class Problem:
    """One thing wrong with what the writer typed, placed at its field (and line)."""

    field: str | None  # a form field name, or None for the whole article
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"Line {self.line}: {self.message}" if self.line else self.message


# ---------------------------------------------------------------- the editor


def initial_from_draft(draft: ArticleDraft) -> dict:
    return {
        "headline": draft.headline, "slug": draft.slug, "dek": draft.dek, "summary": draft.summary,
        "body": draft.body, "section": draft.section or None, "tags": ", ".join(draft.tags),
        "authors": ", ".join(draft.authors), "hero_image": draft.hero_image,
        "sources": format_sources(draft.sources),
        "film": draft.film, "rating": draft.rating or "", "verdict": draft.verdict,
    }


def draft_from_form(form: ArticleForm, base: ArticleDraft | None) -> ArticleDraft:
    """The writer's fields over what the desk does not edit (publish time, link decisions)."""
    data = form.cleaned_data
    fields = {
        "headline": data["headline"], "slug": data["slug"], "dek": data["dek"], "summary": data["summary"],
        "body": data["body"].replace("\r\n", "\n"),
        "section": data["section"].slug if data["section"] else "",
        "tags": data["tags"], "authors": data["authors"],
        "hero_image": data["hero_image"].pk if data["hero_image"] else None,
        "sources": data["sources"],
        "film": data["film"].strip(), "rating": data["rating"].strip() or None, "verdict": data["verdict"],
        "body_line": 1,  # the textarea is the whole body: its lines are the body's lines
    }
    return dataclasses.replace(base, **fields) if base else ArticleDraft(**fields)


def problems_from(error: IntakeError | TextError, form: ArticleForm) -> list[Problem]:
    if isinstance(error, TextError):
        return [Problem("body", error.message, error.line)]
    problems = []
    for item in error.errors:
        name = re.split(r"[\[.]", item.field, maxsplit=1)[0]
        field = name if name in form.fields else None
        message = item.message
        if field and re.match(r"(is|are|must|needs|has) ", message):
            message = f"{form.fields[field].label or field.capitalize()} {message}"
        message = message[:1].upper() + message[1:]
        if field is None and item.field not in ("article", ""):
            message = f"{item.field}: {message}"
        problems.append(Problem(field, message, item.line))
    return problems


def attach(form: ArticleForm, problems: list[Problem]) -> None:
    for problem in problems:
        form.add_error(problem.field, str(problem))


def text_problems(article: Article, draft: ArticleDraft) -> list[Problem]:
    """What will stop the latest saved revision from publishing (saving keeps it anyway)."""
    revision = article.latest_revision
    if not revision or not revision.derived.get("errors"):
        return []
    try:
        publishing.preview(dataclasses.replace(draft, body_line=1))  # lines of the textarea, not of an imported file
    except (IntakeError, TextError) as error:
        return problems_from(error, ArticleForm())
    return []


@require_http_methods(["GET", "HEAD", "POST"])
@desk_view
def article_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    article = None
    if pk is not None:
        article = get_object_or_404(Article.objects.select_related("latest_revision", "live_revision"), pk=pk)
        refusal = refuse(request, STORY_EDIT if request.method == "POST" else STORY_VIEW, article)
        if refusal:
            return refusal
        if article.state == WorkflowState.DELETED:
            messages.info(request, f"“{article.headline}” is in the trash: restore it to edit it.")
            return redirect("desk:trash")
    elif refusal := refuse(request, STORY_CREATE):
        return refusal

    base = publishing.draft_for(article) if article else None
    context = {"article": article, "nav": "articles" if article else "new", "may_publish": can_publish(request.user),
               "may_trash": article is not None and allowed(request.user, STORY_TRASH, article)}

    if request.method == "POST":
        action = request.POST.get("action", "save")
        if action == "publish" and (refusal := refuse(request, STORY_PUBLISH, article)):
            return refusal
        if action == "submit" and (refusal := refuse(request, REVIEW_SUBMIT, article)):
            return refusal
        form = ArticleForm(request.POST)
        if not form.is_valid():
            return _editor(request, form, context, status=400)
        draft = draft_from_form(form, base)
        if "link_entity" in request.POST or request.POST.get("add_surface") or request.POST.get("add_entity"):
            overrides, link_problems = overrides_from_post(request.POST, draft.body)
            if link_problems:
                for problem in link_problems:
                    form.add_error(None, problem)
                return _editor(request, form, context, status=400)
            draft = dataclasses.replace(draft, link_overrides=overrides)
        if action == "preview":  # the real public page of what is in the editor, saving no revision
            return autosave_views.preview(request, article, draft)
        stale = merging.stale_save(request, form, draft, article, context, _editor)
        if stale is not None:  # someone saved a newer revision: merge, never overwrite
            return stale
        before, was_new = (article.latest_revision_id if article else None), article is None
        try:
            article = publishing.save_draft(draft, article=article, user=request.user, origin="desk")
        except (IntakeError, TextError) as error:
            attach(form, problems_from(error, form))
            return _editor(request, form, context, status=400)
        revision = article.latest_revision
        autosave_views.after_save(request, article, was_new)
        if action == "submit":
            note = request.POST.get("review_note", "")
            try:
                review.submit(article, user=request.user, note=note)
            except review.ReviewError as error:
                review_views.keep_submit_note(request, article, note)
                messages.error(request, f"Saved as revision {revision.number}, but not submitted: {error}")
            else:
                messages.success(request, f"Submitted revision {revision.number} for review: the editors are told "
                                          "by e-mail. You can keep editing; they see your latest saved revision.")
        elif action == "publish":
            state_before = article.state
            try:
                publishing.publish(article, user=request.user)
            except (IntakeError, TextError) as error:
                problems = problems_from(error, form)
                if all(p.field == "body" for p in problems):  # the editor marks these at the body
                    detail = "the text has problems, marked below"
                else:
                    detail = "; ".join(str(p) for p in problems)
                messages.error(request, f"Saved as revision {revision.number}, but not published: {detail}.")
            else:
                if article.state == WorkflowState.SCHEDULED:  # its publication time (e.g. imported) is still to come
                    messages.success(request, f"Scheduled revision {revision.number}: it goes live on its publication time.")
                else:
                    messages.success(request, f"Published revision {revision.number}.")
                review.approved(article, user=request.user, state_before=state_before)
        elif revision.pk == before:
            messages.info(request, f"Nothing changed since revision {revision.number}, so no new revision was saved.")
        elif revision.derived.get("errors"):
            messages.warning(request, f"Saved as revision {revision.number}. The text has problems that will stop it from publishing; they are marked below.")
        else:
            messages.success(request, f"Saved as revision {revision.number}.")
        return redirect("desk:article_edit", pk=article.pk)

    # GET: the latest saved words, or an older revision the writer asked to start from.
    draft = base
    from_revision = None
    if article and request.GET.get("revision", "").isdigit():
        from_revision = article.revisions.filter(number=int(request.GET["revision"])).first()
        if from_revision:
            draft = ArticleDraft.from_json(from_revision.content)
    initial = initial_from_draft(draft) if draft else {}
    initial["base_revision"] = article.latest_revision.number if article and article.latest_revision else 0
    context["from_revision"] = from_revision
    autosave_views.restore_or_offer(request, article, initial, context)
    form = ArticleForm(initial=initial)
    if article and draft and not from_revision:
        context["saved_problems"] = text_problems(article, draft)
    return _editor(request, form, context)


def _editor(request: HttpRequest, form: ArticleForm, context: dict, status: int = 200) -> HttpResponse:
    article = context["article"]
    hero = str(form["hero_image"].value() or "")
    overrides = publishing.draft_for(article).link_overrides if article else {}
    context.update({
        "link_rows": link_rows(article, overrides or {}),
        "entity_choices": entity_choices(),
        "form": form,
        "hero": Image.objects.filter(pk=int(hero)).first() if hero.isdigit() else None,
        "body_problems": _body_problems(form) + [
            {"line": p.line, "message": p.message} for p in context.get("saved_problems", []) if p.field == "body"
        ],
        "action_url": reverse("desk:article_edit", args=[article.pk]) if article else reverse("desk:article_new"),
        "live": article is not None and article.is_live,
        "has_changes": article is not None and bool(article.live_revision_id) and article.has_unpublished_changes,
        "revision_count": article.revisions.count() if article else 0,
        "editing": autosave_views.editing_context(request, article),
    })
    context.update(review_views.panel_context(request, article))
    return render(request, "desk/article_form.html", context, status=status)


def _body_problems(form: ArticleForm) -> list[dict]:
    """Body errors with their line, so the page can link each to its line."""
    problems = []
    for message in form.errors.get("body", []):
        match = re.match(r"Line (\d+): (.*)", message, re.S)
        problems.append({"line": int(match.group(1)), "message": match.group(2)} if match else {"line": None, "message": message})
    return problems


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


# ---------------------------------------------------------------- revisions


def _own_article(request: HttpRequest, pk: int) -> tuple[Article | None, HttpResponse | None]:
    article = get_object_or_404(Article, pk=pk)
    return article, refuse(request, STORY_VIEW, article)


@desk_view
def revision_list(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = _own_article(request, pk)
    if refusal:
        return refusal
    revisions = article.revisions.select_related("created_by").order_by("-number")
    return render(request, "desk/revision_list.html", {"article": article, "revisions": revisions, "nav": "articles"})


@desk_view
def revision_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    article, refusal = _own_article(request, pk)
    if refusal:
        return refusal
    revision = get_object_or_404(Revision.objects.select_related("created_by"), article=article, number=number)
    draft = ArticleDraft.from_json(revision.content)
    hero = Image.objects.filter(pk=draft.hero_image).first() if draft.hero_image else None
    return render(request, "desk/revision_detail.html", {
        "article": article, "revision": revision, "draft": draft, "hero": hero, "nav": "articles",
        "is_live": revision.pk == article.live_revision_id, "is_latest": revision.pk == article.latest_revision_id,
    })
