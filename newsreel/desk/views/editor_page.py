"""The editor page: opening it on a story (its latest words, an older revision, or unsaved
text kept by autosave) and rendering it with everything around the form."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from newsreel.desk.drafts import initial_from_draft, text_problems
from newsreel.desk.forms import ArticleForm
from newsreel.desk.links import entity_choices, link_rows
from newsreel.desk.views import autosave as autosave_views
from newsreel.desk.views import review as review_views
from newsreel.images.models import Image
from newsreel.newsroom import publishing
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article
from newsreel.numbers import LARGEST_BIG_INTEGER, whole_number


def open_editor(request: HttpRequest, article: Article | None, base: ArticleDraft | None, context: dict) -> HttpResponse:
    """The latest saved words, or an older revision the writer asked to start from."""
    draft = base
    from_revision = None
    revision_number = whole_number(request.GET.get("revision"))
    if article and revision_number is not None:
        from_revision = article.revisions.filter(number=revision_number).first()
        if from_revision:
            draft = ArticleDraft.from_json(from_revision.content)
    initial = initial_from_draft(draft) if draft else {}
    initial["base_revision"] = article.latest_revision.number if article and article.latest_revision else 0
    context["from_revision"] = from_revision
    autosave_views.restore_or_offer(request, article, initial, context)
    form = ArticleForm(initial=initial)
    if article and draft and not from_revision:
        context["saved_problems"] = text_problems(article, draft)
    return render_editor(request, form, context)


def render_editor(request: HttpRequest, form: ArticleForm, context: dict, status: int = 200) -> HttpResponse:
    """The editor page for `form`, with the story's links, review panel and editing state."""
    article = context["article"]
    hero = str(form["hero_image"].value() or "")
    overrides = publishing.draft_for(article).link_overrides if article else {}
    context.update({
        "link_rows": link_rows(article, overrides or {}),
        "entity_choices": entity_choices(),
        "form": form,
        "hero": Image.objects.filter(pk=hero_pk).first() if (hero_pk := whole_number(hero, largest=LARGEST_BIG_INTEGER)) else None,
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
