"""The desk answers hostile field values with messages at the fields, never a 500."""

import pytest

from newsreel.newsroom.models import Article

from .conftest import article_form

pytestmark = pytest.mark.django_db


def test_a_hundred_character_tag_is_an_error_at_the_tags_field(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(tags="Drama, " + "x" * 100))
    assert response.status_code == 400
    assert "the limit is 80" in " ".join(response.context["form"].errors["tags"])
    assert not Article.objects.exists()


def test_a_byline_too_long_for_its_column_is_an_error(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(authors="N" * 130))
    assert response.status_code == 400
    assert "the limit is 120" in " ".join(response.context["form"].errors["authors"])


def test_nul_bytes_in_the_form_are_refused(as_editor, graph):
    response = as_editor.post("/desk/articles/new/", article_form(headline="Hea\x00dline", body="Bo\x00dy"))
    assert response.status_code == 400
    assert not Article.objects.exists()


def test_alt_text_too_long_for_its_column_is_an_error_on_upload(as_editor):
    from newsreel.images.models import Image

    from .conftest import png_upload

    response = as_editor.post("/desk/images/", {"file": png_upload(), "alt": "a" * 400, "credit": "Photo"})
    assert response.status_code == 400
    assert not Image.objects.exists()


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_upload_is_an_error_at_the_file_field_not_a_500(as_editor, settings, tmp_path, cut):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from newsreel.images.models import Image

    from .conftest import png_upload

    settings.MEDIA_ROOT = tmp_path
    whole = png_upload(size=(300, 200)).read()
    broken = SimpleUploadedFile("still.png", whole[: int(len(whole) * cut)], content_type="image/png")
    response = as_editor.post("/desk/images/", {"file": broken, "alt": "A pier", "credit": "Photo"})
    assert response.status_code == 400
    assert "truncated or damaged" in " ".join(response.context["form"].errors["file"])
    assert not Image.objects.exists() and not any(path.is_file() for path in tmp_path.rglob("*"))


# "²" and "٣" pass str.isdigit(); int() refuses the first, and no column holds forty nines.
NOT_NUMBERS = ["²", "٣", "9" * 40]


@pytest.fixture
def story(as_editor, graph) -> Article:
    as_editor.post("/desk/articles/new/", article_form())
    return Article.objects.get()


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_numbers_in_desk_addresses_that_are_not_numbers_are_ignored_or_named(as_editor, story, value):
    assert as_editor.get("/desk/", {"page": value}).status_code == 200
    assert as_editor.get("/desk/", {"after": f"{value}~2026-01-01T00:00:00+00:00"}).status_code == 200
    assert as_editor.get(f"/desk/articles/{story.pk}/", {"revision": value}).status_code == 200
    compare = as_editor.get(f"/desk/articles/{story.pk}/revisions/compare/", {"from": value, "to": "1"})
    assert compare.status_code == 400 and "Choose two from the list of revisions" in compare.content.decode()
    assert as_editor.get("/desk/images/find/", {"q": "9" * 40}).json() == {"images": []}


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_numbers_in_desk_forms_that_are_not_numbers_are_refused_or_ignored(as_editor, story, value):
    added = as_editor.post("/desk/knowledge/add/", {"kind": "film", "title": "Tidewater", "year": value})
    assert added.status_code == 400 and "is not a year" in added.json()["errors"]["year"][0]
    kept = as_editor.post(f"/desk/articles/{story.pk}/autosave/", article_form(base_revision=value))
    assert kept.status_code == 200
    approved = as_editor.post(f"/desk/articles/{story.pk}/changes/approve/", {"revision": value})
    assert approved.status_code == 302
