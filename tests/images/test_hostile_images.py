"""Bombs, truncated and corrupt files: a clear error, and nothing stored (no row, no file)."""

import io
import re
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from newsreel.images.models import Image
from newsreel.images.services import create_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def png_bomb(width: int, height: int) -> bytes:
    """A valid PNG header claiming width×height pixels, with a tiny compressed body of zeros."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(min(height, 2000))) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")


def jpeg(width=800, height=600) -> bytes:
    buffer = io.BytesIO()
    PILImage.effect_noise((width, height), 50).convert("RGB").save(buffer, "JPEG")
    return buffer.getvalue()


def refused(data: bytes, name="photo.jpg") -> dict:
    with pytest.raises(ValidationError) as raised:
        create_image(ContentFile(data, name=name), alt="A pier at dusk", credit="Photo: Desk")
    assert not Image.objects.exists()
    return raised.value.message_dict


def no_files(media) -> bool:
    return not [path for path in media.rglob("*") if path.is_file()]


@pytest.mark.parametrize("size", [(100_000, 100_000), (20_000, 20_000)])
def test_a_decompression_bomb_is_refused_by_its_header(size, media):
    errors = refused(png_bomb(*size), "bomb.png")
    assert "NEWSREEL_IMAGE_MAX_PIXELS" in errors["file"][0]
    # Both ways of refusing it (our limit, or Pillow's before it tells the size) say a number of pixels.
    assert re.match(r"The image is (\d+×\d+|more than [\d,]+) pixels; the limit is", errors["file"][0])
    assert no_files(media)


def test_the_pixel_limit_is_a_setting(settings, media):
    settings.IMAGE_MAX_PIXELS = 100_000
    errors = refused(jpeg(800, 600))
    assert "800×600" in errors["file"][0] and "100,000" in errors["file"][0]


def test_the_byte_limit_is_a_setting(settings, media):
    settings.IMAGE_MAX_BYTES = 2_000
    errors = refused(jpeg())
    assert "NEWSREEL_IMAGE_MAX_BYTES" in errors["file"][0]


@pytest.mark.parametrize("cut", [0.3, 0.6, 0.95])
def test_a_truncated_image_is_refused_with_nothing_left_behind(cut, media):
    data = jpeg()
    errors = refused(data[: int(len(data) * cut)])
    assert "truncated or damaged" in errors["file"][0]
    assert no_files(media)


def test_a_truncated_png_is_refused(media):
    buffer = io.BytesIO()
    PILImage.effect_noise((400, 300), 50).convert("RGB").save(buffer, "PNG")
    refused(buffer.getvalue()[:-2000], "still.png")
    assert no_files(media)


def test_a_corrupt_image_is_refused(media):
    data = bytearray(jpeg())
    data[200:4000] = bytes(3800)  # the scan data overwritten with zeros
    data = bytes(data[:600]) + b"\xff\xd9"
    refused(data)
    assert no_files(media)


def test_text_that_is_not_an_image_is_refused(media):
    errors = refused(b"<?php echo 'hello'; ?>", "shell.jpg")
    assert "not an image" in errors["file"][0]


def test_alt_text_and_credit_longer_than_their_columns_are_refused_not_cut(media):
    with pytest.raises(ValidationError) as raised:
        create_image(ContentFile(jpeg(), name="a.jpg"), alt="a" * 301, credit="c" * 201)
    errors = raised.value.message_dict
    assert "301 characters; the limit is 300" in errors["alt"][0]
    assert "201 characters; the limit is 200" in errors["credit"][0]
    assert not Image.objects.exists() and no_files(media)


def test_nul_characters_in_image_text_are_refused(media):
    with pytest.raises(ValidationError) as raised:
        create_image(ContentFile(jpeg(), name="a.jpg"), alt="a pier\x00", credit="Photo", caption="x\x00y")
    assert "NUL" in raised.value.message_dict["alt"][0] and "NUL" in raised.value.message_dict["caption"][0]


def test_a_good_image_is_still_stored(media):
    image = create_image(ContentFile(jpeg(), name="a.jpg"), alt="A pier", credit="Photo: Desk")
    assert (image.width, image.height) == (800, 600) and image.renditions
