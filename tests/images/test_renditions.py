"""Renditions: made once when an image is stored, in WebP and a fallback, cropped around the focal point."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image as PILImage

from newsreel.images.models import Image
from newsreel.images.renditions import CROP_WIDTH, crop_box, is_current, picture, rendition_widths
from newsreel.images.services import create_image, image_ref, set_focal_point

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload(width: int = 2400, height: int = 1600, *, mode: str = "RGB", name: str = "still.jpg", draw=None) -> Image:
    colour = (200, 30, 30, 0) if mode == "RGBA" else (30, 60, 90)
    source = PILImage.new(mode, (width, height), colour)
    if draw:
        draw(source)
    buffer = io.BytesIO()
    source.save(buffer, "PNG" if mode == "RGBA" or name.endswith(".png") else "JPEG")
    return create_image(ContentFile(buffer.getvalue(), name=name), alt="A harbour at night", credit="Photo: Test Desk")


def opened(media: Path, url: str) -> PILImage.Image:
    return PILImage.open(media / url.removeprefix("/media/"))


def test_an_upload_gets_webp_and_jpeg_copies_at_each_standard_width(media):
    image = upload()
    widths = image.renditions["widths"]
    assert [entry["width"] for entry in widths] == [480, 960, 1600]
    for entry in widths:
        webp = PILImage.open(media / entry["webp"])
        jpeg = PILImage.open(media / entry["fallback"])
        assert (webp.format, jpeg.format) == ("WEBP", "JPEG")
        assert webp.size == jpeg.size == (entry["width"], entry["height"])
        assert entry["height"] == round(entry["width"] * 1600 / 2400)


def test_an_image_with_transparency_keeps_png_as_its_fallback(media):
    image = upload(1000, 500, mode="RGBA", name="logo.png")
    assert image.renditions["fallback"] == "png"
    assert {PILImage.open(media / e["fallback"]).format for e in image.renditions["widths"]} == {"PNG"}
    assert picture(image).fallback_type == "image/png"


def test_a_small_image_is_never_enlarged():
    assert rendition_widths(300) == [300]
    assert rendition_widths(1200) == [480, 960, 1200]
    assert rendition_widths(1600) == [480, 960, 1600]
    assert rendition_widths(5000) == [480, 960, 1600]


@pytest.mark.parametrize("label, ratio", [("16x9", 16 / 9), ("4x3", 4 / 3), ("1x1", 1.0)])
def test_crops_have_their_aspect_ratio_and_are_1200_wide(media, label, ratio):
    crop = upload().renditions["crops"][label]
    assert crop["width"] == CROP_WIDTH
    assert abs(crop["width"] / crop["height"] - ratio) < 0.01
    assert PILImage.open(media / crop["name"]).size == (crop["width"], crop["height"])


def test_crops_are_cut_around_the_focal_point():
    # A 2400x1600 picture: the square is 1600 wide and slides toward the focal point.
    assert crop_box(2400, 1600, (1, 1), 0.5, 0.5) == (400, 0, 2000, 1600)
    assert crop_box(2400, 1600, (1, 1), 0.9, 0.5) == (800, 0, 2400, 1600)   # stops at the right edge
    assert crop_box(2400, 1600, (1, 1), 0.1, 0.5) == (0, 0, 1600, 1600)
    assert crop_box(2400, 1600, (16, 9), 0.5, 0.0) == (0, 0, 2400, 1350)    # a focal point high up
    assert crop_box(2400, 1600, (16, 9), 0.5, 1.0) == (0, 250, 2400, 1600)


def test_the_focal_subject_stays_in_the_stored_square_crop(media):
    def mark_right_edge(source):
        # A white block near the right edge: the subject the editor marked.
        source.paste((255, 255, 255), (2200, 700, 2350, 900))

    image = upload(draw=mark_right_edge)
    set_focal_point(image, 0.95, 0.5)
    square = PILImage.open(media / image.renditions["crops"]["1x1"]["name"]).convert("RGB")
    # The subject sits at x 2200..2350 of 2400; in the square cut from 800..2400 it is at 1400..1550
    # of 1600, i.e. 1050..1162 after scaling to 1200.
    assert square.getpixel((1100, 600))[0] > 200
    assert image.renditions["focal"] == [0.95, 0.5]


def test_a_focal_point_outside_the_picture_is_refused_with_the_field_named():
    from django.core.exceptions import ValidationError

    image = upload(800, 600)
    with pytest.raises(ValidationError) as caught:
        set_focal_point(image, 1.5, 0.5)
    assert "focal_x" in caught.value.message_dict


def test_moving_the_focal_point_replaces_the_old_crop_files(media):
    image = upload()
    old = media / image.renditions["crops"]["1x1"]["name"]
    set_focal_point(image, 0.1, 0.1)
    assert not old.exists()
    assert (media / image.renditions["crops"]["1x1"]["name"]).exists()


def test_the_picture_helper_gives_srcset_sizes_and_the_box_without_making_files(media):
    image = upload()
    files_before = sorted(media.rglob("*"))
    shown = picture(Image.objects.get(pk=image.pk))
    assert sorted(media.rglob("*")) == files_before
    assert (shown.width, shown.height) == (1600, 1067)
    assert shown.url.endswith("-960w.jpg")
    assert shown.srcset.count("w, ") == 2 and shown.srcset.endswith("1600w")
    assert ".webp 480w" in shown.webp_srcset
    assert [crop.width / crop.height for crop in shown.crops.values()] == pytest.approx([16 / 9, 4 / 3, 1.0], abs=0.01)


def test_the_text_core_gets_a_webp_source_for_inline_figures():
    ref = image_ref(upload())
    assert ref.sources and ref.sources[0][0] == "image/webp" and "480w" in ref.sources[0][1]
    assert ref.width == 1600 and "960w" in ref.srcset


def test_an_image_from_before_renditions_is_shown_as_its_original_until_rebuilt(media):
    image = upload(1200, 800)
    Image.objects.filter(pk=image.pk).update(renditions={"480": "/media/renditions/old-480w.webp"})
    legacy = Image.objects.get(pk=image.pk)
    assert not is_current(legacy.renditions)
    shown = picture(legacy)
    assert shown.url == legacy.file.url and (shown.width, shown.height) == (1200, 800) and not shown.srcset
    call_command("rebuild_renditions", stdout=io.StringIO())
    rebuilt = Image.objects.get(pk=image.pk)
    assert is_current(rebuilt.renditions, rebuilt)
    assert [entry["width"] for entry in rebuilt.renditions["widths"]] == [480, 960, 1200]


def test_rebuilding_names_an_unknown_image_id():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="no image with id 999"):
        call_command("rebuild_renditions", "999", stdout=io.StringIO())
