"""Uploading pictures (alt text and credit required) and browsing the ones uploaded."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from newsreel.desk.access import desk_view, refuse
from newsreel.desk.forms import ImageUploadForm
from newsreel.images.models import Image
from newsreel.images.renditions import thumbnail_url
from newsreel.images.services import create_image
from newsreel.newsroom.permissions import IMAGE_UPLOAD, allowed

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
            data = form.cleaned_data
            try:
                image = create_image(data["file"], alt=data["alt"], credit=data["credit"], caption=data["caption"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, f"Uploaded “{image.alt}” ({image.width}×{image.height}).")
                return redirect("desk:images")
        status = 400
    page = Paginator(Image.objects.all(), IMAGES_PER_PAGE).get_page(request.GET.get("page"))
    for image in page:
        image.thumbnail = thumbnail_url(image)
    return render(
        request, "desk/image_list.html",
        {"form": form, "page": page, "may_upload": may_upload, "nav": "images"},
        status=status,
    )
