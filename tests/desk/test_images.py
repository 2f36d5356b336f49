"""Uploading pictures: alt text and credit are required, and the library shows them."""

import pytest

from newsreel.images.models import Image

from .conftest import article_form, png_upload

pytestmark = pytest.mark.django_db


def test_upload_with_alt_and_credit_lands_in_the_library(as_contributor):
    response = as_contributor.post("/desk/images/", {
        "file": png_upload(), "alt": "A lighthouse at dusk", "credit": "Photo: Demo Studio", "caption": "",
    }, follow=True)
    image = Image.objects.get()
    assert (image.alt, image.credit, image.width, image.height) == ("A lighthouse at dusk", "Photo: Demo Studio", 64, 40)
    page = response.content.decode()
    assert "Uploaded “A lighthouse at dusk”" in page
    assert f'src="{image.file.url}"' in page and 'alt="A lighthouse at dusk"' in page


def test_upload_without_a_credit_fails_with_a_message_and_keeps_the_fields(as_contributor):
    response = as_contributor.post("/desk/images/", {"file": png_upload(), "alt": "A lighthouse at dusk", "credit": "  "})
    assert response.status_code == 400
    assert not Image.objects.exists()
    errors = response.context["form"].errors
    assert list(errors) == ["credit"] and "needs a credit" in errors["credit"][0]
    assert "needs a credit" in response.content.decode()
    assert response.context["form"]["alt"].value() == "A lighthouse at dusk"


def test_upload_without_alt_text_fails_with_a_message(as_contributor):
    response = as_contributor.post("/desk/images/", {"file": png_upload(), "alt": "", "credit": "Photo: Demo Studio"})
    assert response.status_code == 400 and "needs alt text" in response.context["form"].errors["alt"][0]


def test_a_file_that_is_not_a_picture_is_refused(as_contributor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bogus = SimpleUploadedFile("notes.png", b"not a picture", content_type="image/png")
    response = as_contributor.post("/desk/images/", {"file": bogus, "alt": "Notes", "credit": "Me"})
    assert response.status_code == 400 and "not an image" in response.context["form"].errors["file"][0]
    assert not Image.objects.exists()


def test_uploaded_images_are_offered_as_hero_with_alt_and_credit(as_editor, graph):
    as_editor.post("/desk/images/", {"file": png_upload(), "alt": "A lighthouse at dusk", "credit": "Photo: Demo Studio"})
    image = Image.objects.get()
    page = as_editor.get("/desk/articles/new/").content.decode()
    assert f'<option value="{image.pk}">A lighthouse at dusk — Photo: Demo Studio (image:{image.pk})</option>' in page
    as_editor.post("/desk/articles/new/", article_form(hero_image=str(image.pk)))
    from newsreel.newsroom.models import Article

    assert Article.objects.get().hero_image == image
