"""Revisions on the desk: the list, one revision as it was, compare any two word by word, restore one
as a new draft revision."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from newsreel.desk.access import article_or_refusal, desk_view
from newsreel.images.models import Image
from newsreel.newsroom import revisions
from newsreel.newsroom.intake import ArticleDraft, IntakeError
from newsreel.newsroom.models import Article, Revision
from newsreel.newsroom.permissions import STORY_EDIT, STORY_VIEW
from newsreel.numbers import whole_number



def _article(request: HttpRequest, pk: int, action: str) -> tuple[Article, HttpResponse | None]:
    return article_or_refusal(request, pk, action, "latest_revision", "live_revision")


@desk_view
def revision_list(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = _article(request, pk, STORY_VIEW)
    if refusal:
        return refusal
    listed = article.revisions.select_related("created_by").order_by("-number")
    return render(request, "desk/revision_list.html", {"article": article, "revisions": listed, "nav": "articles"})


@desk_view
def revision_detail(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    article, refusal = _article(request, pk, STORY_VIEW)
    if refusal:
        return refusal
    revision = get_object_or_404(Revision.objects.select_related("created_by"), article=article, number=number)
    draft = ArticleDraft.from_json(revision.content)
    hero = Image.objects.filter(pk=draft.hero_image).first() if draft.hero_image else None
    return render(request, "desk/revision_detail.html", {
        "article": article, "revision": revision, "draft": draft, "hero": hero, "nav": "articles",
        "is_live": revision.pk == article.live_revision_id, "is_latest": revision.pk == article.latest_revision_id,
    })


@desk_view
def revision_compare(request: HttpRequest, pk: int) -> HttpResponse:
    """Two revisions side by side in one column: removed words struck, added words marked."""
    article, refusal = _article(request, pk, STORY_VIEW)
    if refusal:
        return refusal
    numbers = sorted(article.revisions.values_list("number", flat=True))
    first, second = whole_number(request.GET.get("from", "")), whole_number(request.GET.get("to", ""))
    problems = []
    for label, number in (("from", first), ("to", second)):
        if number is None or number not in numbers:
            known = ", ".join(str(n) for n in numbers) or "none yet"
            shown = request.GET.get(label, "")
            problems.append(f"“{shown}” is not a revision of this article (its revisions: {known})."
                            if shown else f"Choose a revision to compare {label}.")
    if problems:
        return render(request, "desk/revision_compare.html", {
            "article": article, "problems": problems, "numbers": numbers, "nav": "articles",
        }, status=400)
    older_number, newer_number = sorted((first, second))
    found = {r.number: r for r in Revision.objects.select_related("created_by").filter(
        article=article, number__in=(older_number, newer_number))}
    older, newer = found[older_number], found[newer_number]
    changes = revisions.compare(older, newer)
    return render(request, "desk/revision_compare.html", {
        "article": article, "older": older, "newer": newer, "pair": (older, newer), "changes": changes, "numbers": numbers,
        "changed": [change for change in changes if change.changed], "nav": "articles",
    })


@require_POST
@desk_view
def revision_restore(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    article, refusal = _article(request, pk, STORY_EDIT)
    if refusal:
        return refusal
    get_object_or_404(Revision, article=article, number=number)
    before = article.latest_revision_id
    try:
        latest = revisions.restore(article, number, user=request.user)
    except IntakeError as error:
        messages.error(request, f"Revision {number} could not be restored: {error}")
        return redirect("desk:revisions", pk=article.pk)
    if latest.pk == before:
        messages.info(request, f"The latest revision already has revision {number}'s content; nothing new was saved.")
    elif article.is_live:
        messages.success(request, f"Revision {number} restored as revision {latest.number}, a draft: "
                                  f"the site shows revision {article.live_revision.number} until you publish.")
    else:
        messages.success(request, f"Revision {number} restored as revision {latest.number}.")
    return redirect("desk:article_edit", pk=article.pk)
