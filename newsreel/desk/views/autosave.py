"""Autosave and presence on the desk: the editor's unsaved fields kept every few seconds,
offered back when the editor opens again, and who else has the story open."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from newsreel.desk.access import article_or_refusal, desk_view, refuse
from newsreel.desk.drafts import draft_from_form
from newsreel.desk.forms import ArticleForm
from newsreel.newsroom import autosave, presence, preview_links
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article
from newsreel.newsroom.permissions import STORY_CREATE, STORY_EDIT, STORY_VIEW
from newsreel.newsroom.publishing import draft_for
from newsreel.numbers import whole_number

# How often the editor page autosaves while someone types (autosave.js reads it from the page).
AUTOSAVE_SECONDS = 3


def _article_for(request: HttpRequest, pk: int | None, action: str = STORY_EDIT
                 ) -> tuple[Article | None, HttpResponse | None]:
    if pk is None:
        return None, refuse(request, STORY_CREATE)
    return article_or_refusal(request, pk, action)


def _json_refusal(response: HttpResponse) -> JsonResponse:
    return JsonResponse({"error": "You cannot edit this article."}, status=response.status_code)


@require_POST
@desk_view
def autosave_keep(request: HttpRequest, pk: int | None = None) -> JsonResponse:
    """Keep the posted editor fields in the writer's slot (not a revision); answer JSON."""
    article, refusal = _article_for(request, pk)
    if refusal:
        return _json_refusal(refusal)
    draft = None
    form = ArticleForm(request.POST)
    if form.is_valid():  # a draft for the preview when the fields make one; the text is kept either way
        draft = draft_from_form(form, draft_for(article) if article else None).to_json()
    try:
        slot = autosave.keep(request.user, article, request.POST, base_revision=_base(request), draft=draft)
    except autosave.AutosaveError as error:
        return JsonResponse({"error": f"Not autosaved: {error}."}, status=400)
    if article is not None:
        presence.beat(article, request.user)
    saved = timezone.localtime(slot.saved_at)
    return JsonResponse({"saved_at": saved.isoformat(timespec="seconds"), "time": saved.strftime("%H:%M:%S")})


@require_POST
@desk_view
def autosave_discard(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    article, refusal = _article_for(request, pk)
    if refusal:
        return refusal
    autosave.discard(request.user, article)
    messages.info(request, "The unsaved text was discarded.")
    return redirect(reverse("desk:article_edit", args=[pk]) if pk else reverse("desk:article_new"))


@require_POST
@desk_view
def presence_beat(request: HttpRequest, pk: int) -> JsonResponse:
    """The editor's heartbeat: note this person is here, say who else is."""
    article, refusal = _article_for(request, pk, STORY_VIEW)
    if refusal:
        return _json_refusal(refusal)
    presence.beat(article, request.user)
    editors = presence.others(article, request.user)
    return JsonResponse({"others": [editor.name for editor in editors], "message": presence.describe(editors)})


def _shown(initial: dict[str, Any]) -> dict[str, str]:
    return {name: "" if initial.get(name) is None else str(initial.get(name)) for name in autosave.EDITOR_FIELDS}


def editing_context(request: HttpRequest, article: Article | None) -> dict[str, Any]:
    """What every render of the editor needs for autosave and presence (autosave.js reads
    the addresses from the page), and who else has the story open now."""
    editing: dict[str, Any] = {
        "storage_key": f"newsreel-autosave:{request.user.pk}:{article.pk if article else 'new'}",
        "seconds": AUTOSAVE_SECONDS,
        "autosave_url": reverse("desk:autosave", args=[article.pk]) if article else reverse("desk:autosave_new"),
        "discard_url": (reverse("desk:autosave_discard", args=[article.pk]) if article
                        else reverse("desk:autosave_discard_new")),
        "presence_url": reverse("desk:presence", args=[article.pk]) if article else "",
        "heartbeat_seconds": presence.HEARTBEAT_SECONDS,
        "preview_lifetimes": [label for label, _ in preview_links.LIFETIMES],
    }
    if article is not None:
        presence.beat(article, request.user)
        editing["others"] = presence.describe(presence.others(article, request.user))
    return editing


def restore_or_offer(request: HttpRequest, article: Article | None, initial: dict[str, Any], context: dict) -> None:
    """On opening the editor: restore the writer's unsaved text (?autosave=restore) into
    `initial`, or put the offer of it in the context when it differs from what is shown."""
    if request.GET.get("autosave") == "restore":
        slot = autosave.find(request.user, article)
        if slot is not None:
            initial.update(slot.fields)
            initial["base_revision"] = slot.base_revision
            context["restored_autosave"] = slot
    elif not context.get("from_revision"):
        context["autosave_offer"] = autosave.offer(request.user, article, _shown(initial))


def preview(request: HttpRequest, article: Article | None, draft: ArticleDraft) -> HttpResponse:
    """Keep what is in the editor (fields and draft) in the writer's slot, and send them to
    the public site's preview of it: the real article page, nothing saved as a revision."""
    autosave.keep(request.user, article, request.POST, base_revision=_base(request), draft=draft.to_json())
    return redirect(reverse("preview-draft", args=[article.pk]) if article else reverse("preview-draft-new"))


def _base(request: HttpRequest) -> int:
    return whole_number(request.POST.get("base_revision")) or 0


def after_save(request: HttpRequest, article: Article, was_new: bool) -> None:
    """A revision now holds the writer's text: their autosave slot has nothing more to offer."""
    autosave.discard(request.user, None if was_new else article)
    if was_new:
        autosave.discard(request.user, article)
