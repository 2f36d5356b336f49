"""Where a photo was taken never reaches a stored file, whatever the container: EXIF GPS and
XMP GPS are removed from JPEG, PNG, WebP and GIF originals without re-encoding them, the
credit and caption written in the file stay, and no rendition carries any of it."""

import io
import zlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from newsreel.images.location import GPS_IFD, has_gps, without_gps
from newsreel.images.metadata import embedded_text
from newsreel.images.renditions import stored_names
from newsreel.images.services import create_image

from .pictures_with_metadata import XMP, gif, jpeg, jpeg_with_photoshop_copies, png, webp

CREDIT = "Lio Brand / Kestrel Films"


def pillow_reads_credit(data: bytes) -> bool:
    return embedded_text(data).credit == CREDIT


def text_chunk_keeps_credit(data: bytes) -> bool:
    """Pillow does not read XMP from a tEXt or zTXt chunk into getxmp(), but it does unpack it."""
    with PILImage.open(io.BytesIO(data)) as picture:
        return 'photoshop:Credit="Kestrel Films"' in picture.info["XML:com.adobe.xmp"]


def gif_keeps_credit(data: bytes) -> bool:
    return b'photoshop:Credit="Kestrel Films"' in data and b"<dc:creator>" in data


# name: (builder, how to see the credit is still in the file)
CARRIERS = {
    "jpeg-exif-and-xmp": (lambda gps: jpeg(xmp=True, gps=gps), pillow_reads_credit),
    "jpeg-photoshop-copies": (lambda gps: jpeg_with_photoshop_copies(gps=gps), pillow_reads_credit),
    "png-exif-chunk-and-itxt": (lambda gps: png(gps=gps), pillow_reads_credit),
    "png-raw-profile-text": (lambda gps: png(gps=gps, exif_as="raw"), pillow_reads_credit),
    "png-xmp-in-ztxt": (lambda gps: png(gps=gps, xmp_as="zTXt"), text_chunk_keeps_credit),
    "png-xmp-in-text": (lambda gps: png(gps=gps, xmp_as="tEXt"), text_chunk_keeps_credit),
    "webp-exif-and-xmp": (lambda gps: webp(gps=gps), pillow_reads_credit),
    "gif-xmp-extension": (lambda gps: gif(gps=gps), gif_keeps_credit),
}


def pixels(data: bytes) -> bytes:
    with PILImage.open(io.BytesIO(data)) as picture:
        return picture.convert("RGB").tobytes()


def no_location(data: bytes) -> None:
    """Asked three ways: our reader, Pillow's EXIF, and the raw bytes (and unzipped text chunks)."""
    assert not has_gps(data)
    with PILImage.open(io.BytesIO(data)) as picture:
        assert GPS_IFD not in picture.getexif()
        assert "GPS" not in repr(picture.info)
    assert b"GPS" not in data


@pytest.mark.parametrize("carrier", CARRIERS)
def test_each_container_loses_its_location_and_keeps_its_picture_and_credit(carrier):
    build, keeps_credit = CARRIERS[carrier]
    original = build(True)
    assert has_gps(original) and keeps_credit(original)
    cleaned = without_gps(original)
    no_location(cleaned)
    assert keeps_credit(cleaned)
    assert pixels(cleaned) == pixels(original)  # not re-encoded: the very same picture
    with PILImage.open(io.BytesIO(cleaned)) as picture:
        if picture.getexif():
            assert picture.getexif()[0x010F] == "Phone maker"  # the rest of the EXIF stays


@pytest.mark.parametrize("carrier", CARRIERS)
def test_a_file_that_says_nowhere_is_stored_byte_for_byte(carrier):
    build, _ = CARRIERS[carrier]
    untouched = build(False)
    assert not has_gps(untouched)
    assert without_gps(untouched) == untouched


def test_only_the_location_chunks_of_a_png_change():
    original = png()
    cleaned = without_gps(original)
    assert original[:33] == cleaned[:33]  # signature and header
    assert original.endswith(cleaned[-12:])  # the end chunk
    idat = original.index(b"IDAT") - 4
    length = int.from_bytes(original[idat:idat + 4], "big")
    assert original[idat:idat + 12 + length] in cleaned  # the picture's data, byte for byte


def test_an_xmp_packet_that_cannot_be_edited_safely_is_dropped_whole():
    broken = XMP.replace("</rdf:RDF>", '<exif:GPSLatitude xmlns:exif="http://ns.adobe.com/exif/1.0/">48N')
    data = jpeg()
    data = data[:2] + _app1(b"http://ns.adobe.com/xap/1.0/\x00" + broken.encode()) + data[2:]
    assert has_gps(data)
    cleaned = without_gps(data)
    assert b"xap/1.0/" not in cleaned and b"GPS" not in cleaned
    assert pixels(cleaned) == pixels(data)


def test_a_compressed_png_text_chunk_is_compressed_again():
    cleaned = without_gps(png(xmp_as="zTXt"))
    (body,) = [body for kind, body in png_chunks(cleaned) if kind == b"zTXt"]
    keyword, _, rest = body.partition(b"\x00")
    text = zlib.decompress(rest[1:])
    assert keyword == b"XML:com.adobe.xmp" and b"Kestrel Films" in text and b"GPS" not in text


def png_chunks(data: bytes):
    position = 8
    while position < len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        kind, body = data[position + 4:position + 8], data[position + 8:position + 8 + length]
        assert zlib.crc32(kind + body) == int.from_bytes(data[position + 8 + length:position + 12 + length], "big")
        yield kind, body
        position += 12 + length


def _app1(payload: bytes) -> bytes:
    return b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload


@pytest.mark.django_db
@pytest.mark.parametrize("carrier", CARRIERS)
def test_an_upload_keeps_no_location_in_its_original_or_any_rendition(carrier):
    build, keeps_credit = CARRIERS[carrier]
    image = create_image(ContentFile(build(True), name=f"{carrier}.img"), alt="A pier", credit="Me")
    with image.file.open("rb") as handle:
        stored = handle.read()
    no_location(stored)
    assert keeps_credit(stored)
    names = stored_names(image.renditions)
    assert len(names) >= 5
    for name in names:
        with default_storage.open(name, "rb") as handle:
            no_location(handle.read())


def extended_xmp_segments(packet: bytes, piece: int = 300) -> bytes:
    """A packet too large for one segment, as Adobe splits it: GUID, full length, offset, piece."""
    guid = b"0123456789ABCDEF0123456789ABCDEF"
    header = b"http://ns.adobe.com/xmp/extension/\x00" + guid + len(packet).to_bytes(4, "big")
    return b"".join(_app1(header + offset.to_bytes(4, "big") + packet[offset:offset + piece])
                    for offset in range(0, len(packet), piece))


@pytest.mark.parametrize("gps", [True, False])
def test_an_extended_xmp_packet_with_a_location_is_dropped_and_the_main_packet_kept(gps):
    from .pictures_with_metadata import GPS_XMP

    data = jpeg(xmp=True)
    data = data[:2] + extended_xmp_segments((GPS_XMP if gps else XMP).encode()) + data[2:]
    assert has_gps(data) is gps
    cleaned = without_gps(data)
    assert (b"xmp/extension/" in cleaned) is not gps and b"GPS" not in cleaned
    assert pillow_reads_credit(cleaned) and pixels(cleaned) == pixels(data)
    if not gps:
        assert cleaned == data
