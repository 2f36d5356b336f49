"""The image library: search, editing an image (alt text, credit, caption, tags, focal point
with the crops following), replacing its file, where it is used, deleting (refused while a
live story uses it), several pictures at once, and credit and caption read from the file."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsreel.films.models import Film
from newsreel.images.models import Image
from newsreel.images.services import create_image
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish, save_draft

from newsreel.images.location import has_gps
from newsreel.images.renditions import stored_names
from tests.images.pictures_with_metadata import jpeg, png, webp

from .conftest import png_upload

pytestmark = pytest.mark.django_db


def image(alt="A pier at night", credit="Desk photo", caption="", name="pier.png", size=(900, 600)) -> Image:
    return create_image(png_upload(name, size), alt=alt, credit=credit, caption=caption)


def edit_form(picture: Image, **changes) -> dict:
    data = {"alt": picture.alt, "credit": picture.credit, "caption": picture.caption,
            "focal_x": picture.focal_x, "focal_y": picture.focal_y, "tags": ""}
    data.update(changes)
    return data


def listed(client, query: str) -> str:
    return client.get(reverse("desk:images"), {"q": query}).content.decode()


def test_search_finds_alt_credit_caption_file_name_and_tags(as_editor, graph):
    pier = image()
    ferry = image(alt="A ferry", credit="Kestrel Films", caption="Winter crossing", name="crossing.png")
    ferry.films.add(Film.objects.get(key="harbor-lights-2025"))
    for query, shown, hidden in (("pier night", pier, ferry), ("kestrel", ferry, pier), ("winter", ferry, pier),
                                 ("crossing", ferry, pier), ("harbor", ferry, pier)):
        html = listed(as_editor, query)
        assert f'alt="{shown.alt}"' in html and f'alt="{hidden.alt}"' not in html, query
    assert "No image matches “nothing-like-it”" in listed(as_editor, "nothing-like-it")


def test_an_editor_edits_the_text_tags_and_focal_point_and_the_crops_follow(as_editor, graph):
    picture = image()
    before = dict(picture.renditions["crops"])
    response = as_editor.post(reverse("desk:image", args=[picture.pk]), edit_form(
        picture, alt="A pier under snow", credit="Photo: Lio Brand", caption="Harbor, January.", focal_x="0.9",
        focal_y="0.2", tags="film:harbor-lights-2025, ada-varga"))
    assert response.status_code == 302
    picture.refresh_from_db()
    assert (picture.alt, picture.credit, picture.caption) == ("A pier under snow", "Photo: Lio Brand", "Harbor, January.")
    assert (picture.focal_x, picture.focal_y) == (0.9, 0.2)
    assert [f.key for f in picture.films.all()] == ["harbor-lights-2025"] and picture.people.get().key == "ada-varga"
    assert picture.renditions["crops"]["1x1"]["name"] != before["1x1"]["name"]  # cut again around the new point


@pytest.mark.parametrize("changes, message", [
    ({"alt": " "}, "Every image needs alt text"),
    ({"credit": ""}, "Every image needs a credit"),
    ({"focal_x": "1.5"}, "less than or equal to 1"),
    ({"tags": "film:no-such-film"}, "Not a film or person in the knowledge graph: film:no-such-film"),
])
def test_a_bad_edit_is_refused_at_its_field_and_changes_nothing(as_editor, graph, changes, message):
    picture = image()
    response = as_editor.post(reverse("desk:image", args=[picture.pk]), edit_form(picture, **changes))
    assert response.status_code == 400 and message in response.content.decode()
    picture.refresh_from_db()
    assert picture.alt == "A pier at night" and picture.credit == "Desk photo" and picture.focal_x == 0.5


def test_replacing_the_file_keeps_the_image_and_its_uses(as_editor, graph):
    picture = image()
    story = save_and_publish(ArticleDraft(headline="Piers", body="Text.", hero_image=picture.pk), origin="test")
    as_editor.post(reverse("desk:image_replace", args=[picture.pk]), {"file": png_upload("new.png", (1200, 800))})
    picture.refresh_from_db()
    story.refresh_from_db()
    assert (picture.width, picture.height) == (1200, 800) and story.hero_image_id == picture.pk
    refused = as_editor.post(reverse("desk:image_replace", args=[picture.pk]),
                             {"file": SimpleUploadedFile("x.png", b"not a picture")}, follow=True)
    assert "The picture was not replaced" in refused.content.decode()
    picture.refresh_from_db()
    assert picture.width == 1200


def test_where_used_lists_heroes_figures_posters_and_deleting_is_refused_while_live(as_editor, graph):
    picture = image()
    live = save_and_publish(ArticleDraft(headline="A live story", body=f"![Pier](image:{picture.pk})\n"),
                            origin="test")
    draft = save_draft(ArticleDraft(headline="A draft", body="Text.", hero_image=picture.pk))
    Film.objects.filter(key="harbor-lights-2025").update(poster=picture)
    html = as_editor.get(reverse("desk:image", args=[picture.pk])).content.decode()
    assert "Figure in" in html and "A live story" in html and "Hero of" in html and "A draft" in html
    assert "Poster of" in html and "Harbor Lights" in html and "cannot be deleted" in html
    response = as_editor.post(reverse("desk:image_delete", args=[picture.pk]), follow=True)
    assert "Not deleted: A live story uses this picture (“A live story”)" in response.content.decode()
    assert Image.objects.filter(pk=picture.pk).exists()
    save_and_publish(ArticleDraft(headline="A live story", slug=live.slug, body="No picture now.\n"), article=live,
                     origin="test")
    as_editor.post(reverse("desk:image_delete", args=[picture.pk]))
    assert not Image.objects.filter(pk=picture.pk).exists()
    draft.refresh_from_db()
    assert draft.hero_image_id is None


def test_several_pictures_upload_at_once_with_credit_and_caption_from_their_files(as_editor, graph):
    files = [SimpleUploadedFile("agency.jpg", jpeg(xmp=True), content_type="image/jpeg"),
             SimpleUploadedFile("plain.png", png_upload().read(), content_type="image/png")]
    response = as_editor.post(reverse("desk:images"), {"file": files, "alt": "", "credit": "", "caption": ""},
                              follow=True)
    html = response.content.decode()
    agency = Image.objects.get(file__contains="agency")
    assert (agency.alt, agency.credit, agency.caption) == (
        "A woman in a coat on a wooden pier", "Lio Brand / Kestrel Films", "Ada Varga on the pier at dawn.")
    assert "came from the file: check them" in html
    assert "Not uploaded: plain.png: Every image needs alt text" in html  # nothing in the file to go on
    assert Image.objects.count() == 1


@pytest.mark.parametrize("name, data", [("phone.jpg", jpeg(xmp=True, gps=True)), ("phone.png", png()),
                                        ("phone.webp", webp())])
def test_a_phone_photo_of_any_type_is_prefilled_from_its_file_and_stored_without_location(as_editor, graph, name, data):
    assert has_gps(data)
    as_editor.post(reverse("desk:images"), {"file": SimpleUploadedFile(name, data), "alt": "A pier", "credit": "",
                                            "caption": ""})
    made = Image.objects.get()
    assert (made.credit, made.caption) == ("Lio Brand / Kestrel Films", "Ada Varga on the pier at dawn.")
    with made.file.open("rb") as handle:
        stored = handle.read()
    assert not has_gps(stored) and b"GPS" not in stored and b"Kestrel Films" in stored
    for rendition in stored_names(made.renditions):
        with default_storage.open(rendition, "rb") as handle:
            assert not has_gps(handle.read()), rendition


def test_a_typed_credit_wins_over_the_files_own(as_editor, graph):
    upload = SimpleUploadedFile("agency.jpg", jpeg(iptc={"credit": "Agency"}), content_type="image/jpeg")
    response = as_editor.post(reverse("desk:images"), {"file": upload, "alt": "A pier", "credit": "Our own photo",
                                                       "caption": ""})
    made = Image.objects.get()
    assert response["Location"] == reverse("desk:image", args=[made.pk]) and made.credit == "Our own photo"


def test_a_contributor_may_look_but_not_change_or_delete(as_contributor, graph):
    picture = image()
    html = as_contributor.get(reverse("desk:image", args=[picture.pk])).content.decode()
    assert "<fieldset disabled>" in html and "Delete the picture" not in html
    assert as_contributor.post(reverse("desk:image", args=[picture.pk]), edit_form(picture, alt="X")).status_code == 403
    assert as_contributor.post(reverse("desk:image_delete", args=[picture.pk])).status_code == 403
