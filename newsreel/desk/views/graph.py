"""Films, people and credits on the desk: list and search, create and edit (with a poster or
photo), credits, merging a duplicate, and the stories that mention each. Saving goes
through newsreel.newsroom.graph_edits, which links the stories naming it again."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from newsreel.desk.access import desk_view, refuse
from newsreel.desk.graph_forms import CreditForm, FilmForm, PersonForm, ReleaseRows
from newsreel.desk.search_box import search_words
from newsreel.films.models import Credit, Film, Person
from newsreel.images.services import create_image
from newsreel.newsroom import clock, graph_edits, graph_relinks
from newsreel.newsroom.models import Article, RelinkJob
from newsreel.newsroom.permissions import GRAPH_EDIT, allowed

PER_PAGE = 50


@dataclass(frozen=True)
class Kind:
    name: str  # "film" or "person"
    model: type
    form: type
    label: str
    plural: str
    title_field: str
    picture: str
    nav: str

    def url(self, view: str, *args) -> str:
        return reverse(f"desk:graph_{self.name}{view}", args=args)


KINDS = {
    "film": Kind("film", Film, FilmForm, "film", "films", "title", "poster", "films"),
    "person": Kind("person", Person, PersonForm, "person", "people", "name", "photo", "film_people"),
}


def _kind(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise Http404(name) from None


@desk_view
def entity_list(request: HttpRequest, kind: str) -> HttpResponse:
    kind = _kind(kind)
    query = search_words(request)
    found = kind.model.objects.all()
    if query:
        # Aliases are a JSON list: searched as text, which finds a part of any alias.
        found = found.filter(Q(**{f"{kind.title_field}__icontains": query}) | Q(key__icontains=query)
                             | Q(aliases__icontains=query))
    page = Paginator(found.order_by(kind.title_field, "pk"), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "desk/graph_list.html", {
        "kind": kind, "page": page, "query": query, "nav": kind.nav,
        "page_query": urlencode({"q": query}) if query else "",
        "may_edit": allowed(request.user, GRAPH_EDIT), "new_url": kind.url("_new"),
    })


@desk_view
def entity_edit(request: HttpRequest, kind: str, pk: int | None = None) -> HttpResponse:
    kind = _kind(kind)
    entity = get_object_or_404(kind.model, pk=pk) if pk is not None else None
    may_edit = allowed(request.user, GRAPH_EDIT)
    if (request.method == "POST" or entity is None) and (refusal := refuse(request, GRAPH_EDIT)):
        return refusal
    old_names = graph_edits.names_of(entity) if entity is not None else set()
    form = kind.form(request.POST or None, request.FILES or None, instance=entity)
    # A film's releases: rows under its form, saved with it.
    releases = (ReleaseRows(request.POST or None, instance=entity or Film(), prefix="releases")
                if kind.name == "film" else None)
    status = 200
    if request.method == "POST":
        if form.is_valid() and (releases is None or releases.is_valid()):
            try:
                with transaction.atomic():
                    saved = form.save(commit=False)
                    upload = form.cleaned_data.get("upload")
                    if upload:
                        image = create_image(upload, alt=form.cleaned_data["upload_alt"],
                                             credit=form.cleaned_data["upload_credit"])
                        setattr(saved, kind.picture, image)
                    job = graph_edits.save_entity(saved, user=request.user, old_names=old_names)
                    if releases is not None:
                        releases.instance = saved
                        releases.save()
            except ValidationError as error:
                for field, problems in getattr(error, "message_dict", {"__all__": error.messages}).items():
                    target = {"file": "upload", "alt": "upload_alt", "credit": "upload_credit"}.get(field, field)
                    for problem in problems:
                        form.add_error(target if target in form.fields else None, problem)
            else:
                what = "Saved" if entity is not None else "Added"
                stories = "; the stories naming it are being linked again (progress below)" if job else ""
                messages.success(request, f"{what} “{saved}”{stories}.")
                return redirect(kind.url("", saved.pk))
        status = 400
    context = {"kind": kind, "entity": entity, "form": form, "may_edit": may_edit, "nav": kind.nav,
               "releases": releases}
    if entity is not None:
        context.update(_detail(kind, entity, request))
    return render(request, "desk/graph_edit.html", context, status=status)


def _detail(kind: Kind, entity, request: HttpRequest, credit_form: CreditForm | None = None) -> dict:
    field = kind.name
    credits = Credit.objects.filter(**{field: entity}).select_related("film", "person").order_by("order", "pk")
    stories = (Article.objects.filter(**{f"mentions__{field}": entity}).distinct()
               .order_by("-published_at", "-updated_at")[:100])
    return {
        "credits": credits,
        "stories": stories,
        "credit_form": credit_form or CreditForm(**{field: entity}),
        "public_url": entity.get_absolute_url(),
        "picture": getattr(entity, kind.picture),
        "relink": _relink_notice(graph_relinks.latest_for(entity)),
    }


def _relink_notice(job: RelinkJob | None) -> dict | None:
    """The newest relink job, for the notice (a finished one only for a day after)."""
    if job is None or (job.finished and job.finished_at and clock.now() - job.finished_at > dt.timedelta(days=1)):
        return None
    return {"job": job, **graph_relinks.progress(job), "status_url": reverse("desk:graph_relink_status", args=[job.pk]),
            "page_url": reverse("desk:graph_relink", args=[job.pk])}


@desk_view
def relink_page(request: HttpRequest, pk: int) -> HttpResponse:
    """A relink job's progress, on a page of its own (linked from the notice)."""
    job = get_object_or_404(RelinkJob, pk=pk)
    kind = KINDS[job.kind]
    entity = kind.model.objects.filter(pk=job.entity_id).first()
    return render(request, "desk/graph_relink.html", {
        "kind": kind, "entity": entity, "relink": _relink_notice(job) or {"job": job, **graph_relinks.progress(job)},
        "nav": kind.nav, "entity_url": kind.url("", entity.pk) if entity else None})


@desk_view
def relink_status(request: HttpRequest, pk: int) -> JsonResponse:
    """A relink job's progress as JSON, polled by the notice's script."""
    job = get_object_or_404(RelinkJob, pk=pk)
    return JsonResponse(graph_relinks.progress(job))  # the desk answers private, no-store


@require_POST
@desk_view
def credit_add(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    kind = _kind(kind)
    if refusal := refuse(request, GRAPH_EDIT):
        return refusal
    entity = get_object_or_404(kind.model, pk=pk)
    form = CreditForm(request.POST, **{kind.name: entity})
    if form.is_valid():
        data = form.cleaned_data
        film, person = (entity, data["other"]) if kind.name == "film" else (data["other"], entity)
        order = Credit.objects.filter(film=film).count() + 1
        try:
            with transaction.atomic():
                Credit.objects.create(film=film, person=person, role=data["role"], job=data["job"].strip(),
                                      character=data["character"].strip(), order=order)
        except IntegrityError:
            form.add_error(None, f"{person} already has this credit on {film}.")
        else:
            messages.success(request, f"Credited {person} on {film}.")
            return redirect(kind.url("", entity.pk) + "#credits")
    context = {"kind": kind, "entity": entity, "form": kind.form(instance=entity), "nav": kind.nav,
               "may_edit": True, **_detail(kind, entity, request, credit_form=form),
               "releases": ReleaseRows(instance=entity, prefix="releases") if kind.name == "film" else None}
    return render(request, "desk/graph_edit.html", context, status=400)


@require_POST
@desk_view
def credit_remove(request: HttpRequest, kind: str, pk: int, credit: int) -> HttpResponse:
    kind = _kind(kind)
    if refusal := refuse(request, GRAPH_EDIT):
        return refusal
    entity = get_object_or_404(kind.model, pk=pk)
    found = get_object_or_404(Credit, pk=credit, **{kind.name: entity})
    found.delete()
    messages.success(request, f"Removed the credit of {found.person} on {found.film}.")
    return redirect(kind.url("", entity.pk) + "#credits")


@require_POST
@desk_view
def entity_merge(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Merge the duplicate named in the form into this film or person."""
    kind = _kind(kind)
    if refusal := refuse(request, GRAPH_EDIT):
        return refusal
    keep = get_object_or_404(kind.model, pk=pk)
    typed = " ".join(request.POST.get("duplicate", "").split())
    key = typed.split(":", 1)[1] if typed.startswith(f"{kind.name}:") else typed
    drop = kind.model.objects.filter(key=key).first()
    if drop is None:
        messages.error(request, f"No {kind.label} has the key “{typed}”: type the duplicate's key (from its page).")
        return redirect(kind.url("", keep.pk) + "#merge")
    try:
        merged = graph_edits.merge(keep, drop, user=request.user)
    except ValueError as error:
        messages.error(request, str(error))
        return redirect(kind.url("", keep.pk) + "#merge")
    messages.success(request, f"Merged “{merged.old_key}” into “{keep}”: {merged.credits} credit(s), "
                              f"{merged.mentions} mention(s) and {merged.quotes} quote(s) moved; "
                              f"{len(merged.drafts)} draft(s) naming its key rewritten; "
                              f"the stories naming either are being linked again (progress below). "
                              f"Its old address now leads here.")
    return redirect(kind.url("", keep.pk))
