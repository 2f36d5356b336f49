"""A picture's own credit, caption and alt text are read from IPTC and XMP; where it was
taken (EXIF GPS) never reaches the stored file or its renditions."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from newsreel.images.location import GPS_IFD, has_gps, without_gps
from newsreel.images.metadata import embedded_text
from newsreel.images.services import create_image

from .pictures_with_metadata import jpeg


def test_iptc_credit_byline_and_caption_are_read():
    found = embedded_text(jpeg(iptc={"credit": "Kestrel Films", "byline": "Lio Brand", "caption": "On the pier."}))
    assert (found.credit, found.caption, found.alt) == ("Lio Brand / Kestrel Films", "On the pier.", "")


def test_xmp_credit_creator_description_and_alt_text_are_read():
    found = embedded_text(jpeg(xmp=True))
    assert found.credit == "Lio Brand / Kestrel Films"
    assert found.caption == "Ada Varga on the pier at dawn."
    assert found.alt == "A woman in a coat on a wooden pier"


def test_a_picture_without_metadata_or_unreadable_bytes_gives_nothing():
    assert not embedded_text(jpeg()) and not embedded_text(b"not a picture")


def test_gps_is_removed_without_touching_the_picture_or_other_exif():
    original = jpeg(gps=True)
    assert has_gps(original)
    cleaned = without_gps(original)
    assert not has_gps(cleaned)
    with PILImage.open(io.BytesIO(cleaned)) as picture, PILImage.open(io.BytesIO(original)) as before:
        assert picture.getexif()[0x010F] == "Phone maker"
        assert picture.tobytes() == before.tobytes()  # not re-encoded
    assert without_gps(jpeg()) == jpeg()


@pytest.mark.django_db
def test_an_uploaded_photo_keeps_no_gps_in_its_file_or_renditions():
    image = create_image(ContentFile(jpeg(gps=True, size=(1600, 900)), name="pier.jpg"), alt="A pier", credit="Me")
    with image.file.open("rb") as handle:
        assert not has_gps(handle.read())
    names = [entry[kind] for entry in image.renditions["widths"] for kind in ("webp", "fallback")]
    names += [crop["name"] for crop in image.renditions["crops"].values()]
    for name in names:
        with default_storage.open(name, "rb") as handle, PILImage.open(handle) as picture:
            assert GPS_IFD not in picture.getexif(), name
