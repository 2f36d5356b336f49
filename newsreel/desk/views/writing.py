"""The writing desk's editor asks the server as the writer types (JSON, for editor.js):

- `live`: what is in the editor, read by the text core (the "In this story" panel, word count,
  problems) and kept as the writer's unsaved draft, which the public site's draft preview
  shows in the editor's preview frame: one renderer, the published page's own;
- `complete`: films and people from the knowledge graph for the name being typed;
- `graph_add`: a film or a person the panel found unknown, added to the knowledge graph;
- `image_find` and `image_upload`: pictures for figures and the hero picker, and a pasted or
  dropped picture stored with its alt text and credit.

The editor's form still works without any of these (scripts off)."""

from __future__ import annotations

import dataclasses

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from newsreel.desk import writing
from newsreel.desk.access import desk_view, refuse
from newsreel.desk.drafts import draft_from_form
from newsreel.desk.forms import ArticleForm, ImageUploadForm
from newsreel.desk.links import overrides_from_post
from newsreel.desk.views.autosave import _article_for, _base, _json_refusal
from newsreel.desk.search_box import search_words, words_of
from newsreel.films.graph import one_graph
from newsreel.images.models import Image
from newsreel.images.renditions import thumbnail_url
from newsreel.images.services import create_image
from newsreel.newsroom import autosave, graph_edits, permissions, presence, processed_drafts, publishing, quote_checks
from newsreel.newsroom.intake import IntakeError
from newsreel.newsroom.permissions import GRAPH_EDIT, IMAGE_UPLOAD, QUOTE_CHECK, allowed
from newsreel.numbers import LARGEST_BIG_INTEGER, whole_number

IMAGES_FOUND = 12


def _usable_form(post) -> tuple[ArticleForm, list[dict]]:
    """The editor's form, with any field that does not validate left empty (a bad source line
    must not stop the preview of the body), and those fields' problems."""
    form = ArticleForm(post)
    if form.is_valid():
        return form, []
    problems = [{"line": None, "message": f"{form.fields[name].label or name.capitalize()}: {message}"
                 if name in form.fields else message}
                for name, messages in form.errors.items() for message in messages]
    data = post.copy()
    for name in form.errors:
        if name in form.fields:
            data[name] = ""
    form = ArticleForm(data)
    form.is_valid()
    return form, problems


@require_POST
@desk_view
@one_graph()  # one question to the database about the graph for the whole refresh
def live(request: HttpRequest, pk: int | None = None) -> JsonResponse:
    article, refusal = _article_for(request, pk)
    if refusal:
        return _json_refusal(refusal)
    form, problems = _usable_form(request.POST)
    draft = draft_from_form(form, publishing.draft_for(article) if article else None)
    if "link_entity" in request.POST:
        overrides, link_problems = overrides_from_post(request.POST, draft.body)
        problems += [{"line": None, "message": message} for message in link_problems]
        draft = dataclasses.replace(draft, link_overrides=overrides)
    # The live preview is the autosave while the editor is open (autosave.js then sends
    # nothing); "keep=no" is the text the page opened with, which must not replace a kept one.
    time = ""
    if request.POST.get("keep") != "no":
        try:
            slot = autosave.keep(request.user, article, request.POST, base_revision=_base(request), draft=draft.to_json())
        except autosave.AutosaveError as error:
            return JsonResponse({"error": f"Not kept: {error}."}, status=400)
        time = timezone.localtime(slot.saved_at).strftime("%H:%M:%S")
    if article is not None:
        presence.beat(article, request.user)
    answer = {
        "time": time,
        "preview_url": reverse("preview-draft", args=[article.pk]) if article else reverse("preview-draft-new"),
        "spoiler_blocks": writing.spoiler_blocks(draft.body),
        "films": [], "people": [], "quotes": [], "links": [], "warnings": [], "spoiler_note": "",
        "words": 0, "minutes": 0,
    }
    try:
        processed = processed_drafts.process_once(draft)  # the preview frame reuses it
    except IntakeError as error:
        problems += [{"line": item.line, "message": item.message[:1].upper() + item.message[1:]}
                     for item in error.errors]
    else:
        answer.update(writing.story_knowledge(processed, draft.link_overrides or {}))
        if article is not None:
            answer["quotes"] = writing.checked_quotes(answer["quotes"], processed, quote_checks.found_quotes(article))
            if allowed(request.user, QUOTE_CHECK, article):
                answer["quote_check_url"] = reverse("desk:quote_check", args=[article.pk])
    answer["may_add_to_graph"] = allowed(request.user, GRAPH_EDIT)
    answer["problems"] = problems
    return JsonResponse(answer)


@require_GET
@desk_view
def complete(request: HttpRequest) -> JsonResponse:
    kind = request.GET.get("kind", "")
    matched, found = writing.complete(search_words(request), {kind} if kind in ("film", "person") else None)
    return JsonResponse({"matched": matched, "options": [item.as_json() for item in found]})


@require_POST
@desk_view
def graph_add(request: HttpRequest) -> JsonResponse:
    """A film (title, year) or a person (name) the panel listed as unknown, added to the graph:
    the next refresh of the preview links it."""
    if not allowed(request.user, GRAPH_EDIT):
        return JsonResponse({"errors": {"__all__": [permissions.rule(GRAPH_EDIT).refusal]}}, status=403)
    kind = request.POST.get("kind", "")
    name = request.POST.get("title" if kind == "film" else "name", "")
    year_text = request.POST.get("year", "").strip()
    year = whole_number(year_text)
    if kind == "film" and year_text and not (year is not None and 1870 <= year <= 2100):
        return JsonResponse({"errors": {"year": [f"“{year_text[:20]}” is not a year (1870 to 2100)."]}}, status=400)
    try:
        entity = graph_edits.add_named(kind, name, year=year if kind == "film" else None,
                                       user=request.user)
    except ValidationError as error:
        errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        return JsonResponse({"errors": errors}, status=400)
    label = f"{entity.title} ({entity.year})" if kind == "film" and entity.year else str(entity)
    return JsonResponse({"kind": kind, "key": entity.key, "entity": f"{kind}:{entity.key}", "label": label},
                        status=201)


def _image_json(image: Image) -> dict:
    return {"id": image.pk, "reference": f"image:{image.pk}", "alt": image.alt, "credit": image.credit,
            "thumbnail": thumbnail_url(image), "width": image.width, "height": image.height}


@require_GET
@desk_view
def image_find(request: HttpRequest) -> JsonResponse:
    """Pictures whose alt text, credit or caption holds the words (or whose number is `q`), newest first."""
    query = search_words(request)
    images = Image.objects.order_by("-pk")
    if query.isdigit():  # a number: the picture with that number, or none
        images = images.filter(pk=whole_number(query, largest=LARGEST_BIG_INTEGER) or 0)
    else:
        for word in words_of(query):
            images = images.filter(Q(alt__icontains=word) | Q(credit__icontains=word) | Q(caption__icontains=word))
    return JsonResponse({"images": [_image_json(image) for image in images[:IMAGES_FOUND]]})


@require_POST
@desk_view
def image_upload(request: HttpRequest) -> JsonResponse:
    """A pasted or dropped picture, with the alt text and credit the writer gave it."""
    if refuse(request, IMAGE_UPLOAD):
        return JsonResponse({"errors": {"__all__": ["You cannot upload pictures."]}}, status=403)
    form = ImageUploadForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        if len(data["file"]) != 1:
            return JsonResponse({"errors": {"file": ["Send one picture at a time."]}}, status=400)
        try:
            image = create_image(data["file"][0], alt=data["alt"], credit=data["credit"], caption=data["caption"])
        except ValidationError as error:
            errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
            return JsonResponse({"errors": errors}, status=400)
        return JsonResponse(_image_json(image), status=201)
    return JsonResponse({"errors": {name: list(messages) for name, messages in form.errors.items()}}, status=400)
