"""The image library: upload (several at once, credit and caption read from the file's
IPTC/XMP when left empty), search, and each image's page: alt text, credit, caption, tags,
focal point (the crops follow), a new file in place of the old one, where it is used, and
deleting it (refused while a live story uses it)."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from newsreel.desk.access import desk_view, refuse
from newsreel.desk.forms import ImageUploadForm
from newsreel.desk.search_box import search_words, words_of
from newsreel.films.models import Film, Person
from newsreel.images.metadata import embedded_text
from newsreel.images.models import Image
from newsreel.images.renditions import CROPS, picture, thumbnail_url
from newsreel.images.services import create_image, replace_file, set_focal_point, update_image_text
from newsreel.newsroom.image_usage import ImageInUse, delete_image, where_used
from newsreel.newsroom.permissions import IMAGE_DELETE, IMAGE_EDIT, IMAGE_UPLOAD, allowed

IMAGES_PER_PAGE = 24


def add_service_errors(form, error: ValidationError) -> None:
    """Put the service's field errors next to the fields; anything else above the form."""
    if hasattr(error, "error_dict"):
        for field, field_errors in error.message_dict.items():
            for message in field_errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def search(query: str):
    """Images whose alt text, credit, caption, file name or film/person tags match every word."""
    found = Image.objects.all()
    for word in words_of(query):
        found = found.filter(
            Q(alt__icontains=word) | Q(credit__icontains=word) | Q(caption__icontains=word)
            | Q(file__icontains=word) | Q(films__title__icontains=word) | Q(films__key__icontains=word)
            | Q(people__name__icontains=word) | Q(people__key__icontains=word)
        )
    return found.distinct() if query else found


def _upload(request: HttpRequest, form: ImageUploadForm) -> list[Image] | None:
    """Store each chosen file; None (with the problems on the form) when one failed. With
    several files, the ones that are fine are kept and each failure is named."""
    data = form.cleaned_data
    files = data["file"]
    made, failed = [], []
    for upload in files:
        found = embedded_text(upload.read(4_000_000) if upload.size <= 4_000_000 else b"") if upload.size else None
        upload.seek(0)
        alt = data["alt"] or (found.alt if found else "")
        credit = data["credit"] or (found.credit if found else "")
        caption = data["caption"] or (found.caption if found else "")
        try:
            image = create_image(upload, alt=alt, credit=credit, caption=caption)
        except ValidationError as error:
            if len(files) == 1:
                add_service_errors(form, error)
                return None
            failed.append(f"{upload.name}: " + " ".join(error.messages))
        else:
            made.append((image, found))
    for image, found in made:
        taken = [name for name, value in (("credit", found and found.credit), ("caption", found and found.caption),
                                          ("alt text", found and found.alt))
                 if value and value == getattr(image, {"alt text": "alt"}.get(name, name))
                 and not data[{"alt text": "alt"}.get(name, name)]]
        note = f" Its {', '.join(taken)} came from the file: check {'them' if len(taken) > 1 else 'it'}." if taken else ""
        messages.success(request, f"Uploaded “{image.alt}” ({image.width}×{image.height}).{note}")
    for problem in failed:
        messages.error(request, f"Not uploaded: {problem}")
    if failed and not made:
        form.add_error("file", "None of the pictures was uploaded; the reasons are above.")
        return None
    return [image for image, _ in made]


@desk_view
def image_list(request: HttpRequest) -> HttpResponse:
    may_upload = allowed(request.user, IMAGE_UPLOAD)
    form = ImageUploadForm()
    status = 200
    if request.method == "POST":
        if refusal := refuse(request, IMAGE_UPLOAD):
            return refusal
        form = ImageUploadForm(request.POST, request.FILES)
        if form.is_valid():
            made = _upload(request, form)
            if made is not None:
                return redirect("desk:image", pk=made[0].pk) if len(made) == 1 else redirect("desk:images")
        status = 400
    query = search_words(request)
    page = Paginator(search(query), IMAGES_PER_PAGE).get_page(request.GET.get("page"))
    for image in page:
        image.thumbnail = thumbnail_url(image)
    return render(
        request, "desk/image_list.html",
        {"form": form, "page": page, "may_upload": may_upload, "nav": "images", "q": query,
         "query": urlencode({"q": query}) if query else ""},
        status=status,
    )


class ImageEditForm(forms.Form):
    alt = forms.CharField(label="Alt text", max_length=300, required=False,
                          help_text="What the picture shows, for readers who cannot see it.")
    credit = forms.CharField(max_length=200, required=False, help_text="Who made or supplied it.")
    caption = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    focal_x = forms.FloatField(label="Focal point, across", min_value=0, max_value=1,
                               help_text="0 is the left edge, 1 the right; or click on the picture.")
    focal_y = forms.FloatField(label="Focal point, down", min_value=0, max_value=1,
                               help_text="0 is the top, 1 the bottom. Crops keep this point in view.")
    tags = forms.CharField(label="Films and people in the picture", required=False,
                           help_text="Their keys, separated by commas (film:harbor-lights-2025, person:ada-varga, "
                                     "or the bare key).")

    def clean_tags(self) -> tuple[list[Film], list[Person]]:
        films, people, unknown = [], [], []
        for typed in (part.strip() for part in self.cleaned_data["tags"].split(",")):
            if not typed:
                continue
            kind, _, key = typed.partition(":") if ":" in typed else ("", "", typed)
            film = Film.objects.filter(key=key).first() if kind in ("", "film") else None
            person = Person.objects.filter(key=key).first() if kind in ("", "person") and film is None else None
            if film:
                films.append(film)
            elif person:
                people.append(person)
            else:
                unknown.append(typed)
        if unknown:
            raise ValidationError(f"Not a film or person in the knowledge graph: {', '.join(unknown)}.")
        return films, people


def _tags_text(image: Image) -> str:
    return ", ".join([f"film:{key}" for key in image.films.values_list("key", flat=True)]
                     + [f"person:{key}" for key in image.people.values_list("key", flat=True)])


@desk_view
def image_detail(request: HttpRequest, pk: int) -> HttpResponse:
    image = get_object_or_404(Image, pk=pk)
    may_edit = allowed(request.user, IMAGE_EDIT)
    status = 200
    if request.method == "POST":
        if refusal := refuse(request, IMAGE_EDIT):
            return refusal
        form = ImageEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    update_image_text(image, alt=data["alt"], credit=data["credit"], caption=data["caption"])
                    films, people = data["tags"]
                    image.films.set(films)
                    image.people.set(people)
                    if (data["focal_x"], data["focal_y"]) != (image.focal_x, image.focal_y):
                        # Re-cuts the crops; the save above already told the pages showing it to refresh.
                        set_focal_point(image, data["focal_x"], data["focal_y"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Saved “{image.alt}”.")
                return redirect("desk:image", pk=image.pk)
        status = 400
    else:
        form = ImageEditForm(initial={"alt": image.alt, "credit": image.credit, "caption": image.caption,
                                      "focal_x": image.focal_x, "focal_y": image.focal_y, "tags": _tags_text(image)})
    usage = where_used(image)
    shown = picture(image)
    return render(request, "desk/image_detail.html", {
        "image": image, "form": form, "may_edit": may_edit, "may_delete": allowed(request.user, IMAGE_DELETE),
        "usage": usage, "live": usage.live_stories, "picture": shown, "nav": "images",
        "crops": [(label, shown.crops[label]) for label in CROPS if shown and label in shown.crops],
        "replace_form": ImageUploadForm(),
    }, status=status)


@require_POST
@desk_view
def image_replace(request: HttpRequest, pk: int) -> HttpResponse:
    image = get_object_or_404(Image, pk=pk)
    if refusal := refuse(request, IMAGE_EDIT):
        return refusal
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Choose the new picture to put in place of this one.")
        return redirect("desk:image", pk=image.pk)
    try:
        replace_file(image, upload)
    except ValidationError as error:
        messages.error(request, "The picture was not replaced: " + " ".join(error.messages))
    else:
        messages.success(request, f"Replaced the picture ({image.width}×{image.height}); every story, film and "
                                  "person using it shows the new one.")
    return redirect("desk:image", pk=image.pk)


@require_POST
@desk_view
def image_delete(request: HttpRequest, pk: int) -> HttpResponse:
    image = get_object_or_404(Image, pk=pk)
    if refusal := refuse(request, IMAGE_DELETE):
        return refusal
    try:
        delete_image(image, user=request.user)
    except ImageInUse as error:
        messages.error(request, f"Not deleted: {error}")
        return redirect("desk:image", pk=image.pk)
    messages.success(request, f"Deleted “{image.alt}”.")
    return redirect("desk:images")
