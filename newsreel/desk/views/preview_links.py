"""Shareable preview links on the desk: make one (choose how long it lives), revoke them all.

The newsroom signs and checks the tokens; the public site serves the page at the link.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from newsreel.desk.access import article_or_refusal, desk_view
from newsreel.newsroom import preview_links
from newsreel.newsroom.models import Article
from newsreel.newsroom.permissions import STORY_SHARE_PREVIEW

LIFETIME_CHOICES = [label for label, _ in preview_links.LIFETIMES]


def _article(request: HttpRequest, pk: int) -> tuple[Article | None, HttpResponse | None]:
    return article_or_refusal(request, pk, STORY_SHARE_PREVIEW, "latest_revision")


@require_POST
@desk_view
def preview_link_make(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = _article(request, pk)
    if refusal:
        return refusal
    if article.latest_revision_id is None:
        messages.error(request, "Save the story first: a preview link shows its latest saved revision.")
        return redirect("desk:article_edit", pk=article.pk)
    lifetimes = dict(preview_links.LIFETIMES)
    chosen = request.POST.get("lifetime", "")
    if chosen not in lifetimes:
        messages.error(request, f"“{chosen}” is not a link lifetime; choose one of: {', '.join(LIFETIME_CHOICES)}.")
        return redirect("desk:article_edit", pk=article.pk)
    token, expires = preview_links.make_token(article, lifetimes[chosen], user=request.user)
    url = settings.SITE_URL + reverse("preview-shared", args=[article.pk, token])
    return render(request, "desk/preview_link.html", {
        "article": article, "url": url, "expires": expires, "lifetime": chosen, "nav": "articles",
    })


@require_POST
@desk_view
def preview_link_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    article, refusal = _article(request, pk)
    if refusal:
        return refusal
    preview_links.revoke_all(article, user=request.user)
    messages.success(request, "Every preview link made for this story so far has stopped working.")
    return redirect("desk:article_edit", pk=article.pk)
