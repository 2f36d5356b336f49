"""Where a photo was taken: found and removed from every kind of file Newsreel stores.

A phone or a photo tool writes the place twice over: in EXIF's GPS block and in XMP
(`exif:GPSLatitude`, `exif:GPSLongitude`, ...). Either can sit in a JPEG (APP1 segments, and
Photoshop's APP13 resources), a PNG (the eXIf chunk, an XMP text chunk, ImageMagick's
"Raw profile type exif/xmp" text), a WebP (EXIF and XMP chunks) or a GIF (an XMP application
extension).

`without_gps` rewrites only those blocks and copies every other byte as it was: the picture
is never re-encoded, and the credit, caption and alt text (IPTC and the rest of the XMP) stay
in the stored original. An EXIF block is rewritten by Pillow without its GPS directory (its
other tags are kept; a thumbnail in a second directory is not); an XMP packet loses its GPS
properties by a textual edit that is then parsed to prove the packet is still well formed and
free of GPS, else the whole packet is dropped. Renditions are written afresh by Pillow and carry
no metadata at all (`renditions.build_renditions`).
"""

from __future__ import annotations

import io
import re
import struct
import zlib
from collections.abc import Callable
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree
from PIL import Image as PILImage

GPS_IFD = 0x8825
EXIF_HEADER = b"Exif\x00\x00"
JPEG_XMP = b"http://ns.adobe.com/xap/1.0/\x00"
JPEG_XMP_EXTENSION = b"http://ns.adobe.com/xmp/extension/\x00"
PHOTOSHOP = b"Photoshop 3.0\x00"
# Photoshop image resources that hold EXIF (1058, 1059) and XMP (1060).
PHOTOSHOP_EXIF, PHOTOSHOP_XMP = (0x0422, 0x0423), 0x0424
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_XMP_KEYWORD = b"XML:com.adobe.xmp"
GIF_XMP = b"!\xff\x0bXMP DataXMP"
# The XMP specification's GIF trailer: lets a reader that knows nothing of XMP skip the packet.
GIF_XMP_TRAILER = b"\x01" + bytes(range(255, -1, -1)) + b"\x00"
# More text than this in one compressed PNG chunk is not metadata worth unpacking.
TEXT_LIMIT = 16 * 1024 * 1024

# What an edit is given: ("exif", TIFF bytes) or ("xmp", packet bytes); it returns the bytes to
# keep (the same object when nothing changes) or None to drop the block.
Edit = Callable[[str, bytes], "bytes | None"]

_GPS_EMPTY_ELEMENT = re.compile(rb"<([\w.-]+:GPS[\w.-]*)(?:\s[^<>]*)?/>")
_GPS_ELEMENT = re.compile(rb"<([\w.-]+:GPS[\w.-]*)(?:\s[^<>]*)?>.*?</\1\s*>", re.S)
_GPS_ATTRIBUTE = re.compile(rb"\s[\w.-]+:GPS[\w.-]*\s*=\s*(?:\"[^\"]*\"|'[^']*')")


class LocationProblem(Exception):
    """A location block that could not be removed (the message says so, for the writer)."""


def has_gps(data: bytes) -> bool:
    """Does the file say where it was taken, in EXIF or XMP, in any block we or Pillow can read?"""
    found: list[str] = []

    def look(kind: str, payload: bytes) -> bytes:
        if (_exif_has_gps(payload) if kind == "exif" else _xmp_has_gps(payload)):
            found.append(kind)
        return payload

    _rewrite(data, look)
    return bool(found) or _pillow_sees_gps(data)


def without_gps(data: bytes) -> bytes:
    """The file with every EXIF GPS directory and XMP GPS property removed, all else byte for byte.

    Raises LocationProblem if a location is still readable afterwards (never expected: a
    safety net, so no file is stored with a place in it).
    """
    cleaned = _rewrite(data, _clean)
    if has_gps(cleaned):
        raise LocationProblem("The file says where it was taken (GPS) in a way Newsreel cannot remove; "
                              "export it again without location data.")
    return cleaned


def _clean(kind: str, payload: bytes) -> bytes | None:
    return _exif_without_gps(payload) if kind == "exif" else _xmp_without_gps(payload)


# --- EXIF and XMP payloads --------------------------------------------------------------------


def _load_exif(tiff: bytes) -> PILImage.Exif:
    exif = PILImage.Exif()
    exif.load(tiff)
    return exif


def _exif_has_gps(tiff: bytes) -> bool:
    try:
        return GPS_IFD in _load_exif(tiff)
    except Exception:  # noqa: BLE001 - what Pillow cannot read, no reader of the page will read
        return False


def _exif_without_gps(tiff: bytes) -> bytes | None:
    """The TIFF bytes without the GPS directory; unchanged without one; None (drop) if unreadable."""
    try:
        exif = _load_exif(tiff)
        if GPS_IFD not in exif:
            return tiff
        del exif[GPS_IFD]
        rewritten = exif.tobytes()
    except Exception:  # noqa: BLE001 - an EXIF block we cannot read might hide a location: drop it
        return None
    return rewritten[len(EXIF_HEADER):] if rewritten.startswith(EXIF_HEADER) else rewritten


def _xmp_tree(packet: bytes):
    return ElementTree.fromstring(packet.rstrip(b"\x00 \t\r\n"))


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _xmp_has_gps(packet: bytes) -> bool:
    try:
        root = _xmp_tree(packet)
    except (ParseError, ValueError):
        return b":GPS" in packet  # unreadable XML: a mention is enough to count
    return any(_local(node.tag).startswith("GPS") or any(_local(key).startswith("GPS") for key in node.attrib)
               for node in root.iter() if isinstance(node.tag, str))


def _xmp_without_gps(packet: bytes) -> bytes | None:
    """The packet without its GPS properties (as attributes or elements); None (drop) when
    the edit does not leave a well-formed packet free of them."""
    if not _xmp_has_gps(packet):
        return packet
    edited = _GPS_EMPTY_ELEMENT.sub(b"", packet)
    edited = _GPS_ELEMENT.sub(b"", edited)
    edited = _GPS_ATTRIBUTE.sub(b"", edited)
    try:
        _xmp_tree(edited)
    except (ParseError, ValueError):
        return None
    return None if _xmp_has_gps(edited) else edited


def _pillow_sees_gps(data: bytes) -> bool:
    """What Pillow reads of the file: the same question asked by another reader."""
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            if GPS_IFD in picture.getexif():
                return True
            xmp = picture.getxmp() if hasattr(picture, "getxmp") else {}
    except Exception:  # noqa: BLE001
        return False
    return "GPS" in repr(xmp) and _mentions_gps_key(xmp)


def _mentions_gps_key(node) -> bool:
    if isinstance(node, dict):
        return any(str(key).startswith("GPS") or _mentions_gps_key(value) for key, value in node.items())
    if isinstance(node, list):
        return any(_mentions_gps_key(item) for item in node)
    return False


# --- containers -------------------------------------------------------------------------------


def _rewrite(data: bytes, edit: Edit) -> bytes:
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data, edit)
    if data.startswith(PNG_SIGNATURE):
        return _png(data, edit)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data, edit)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _gif(data, edit)
    return data


def _jpeg(data: bytes, edit: Edit) -> bytes:
    """Edit the APP1 (EXIF, XMP) and APP13 (Photoshop) segments before the picture's scan."""
    segments: list[tuple[int, bytes]] = []
    position = 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the rest is the picture
            break
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        if length < 2 or position + 2 + length > len(data):
            break
        segments.append((marker, data[position:position + 2 + length]))
        position += 2 + length
    # Extended XMP (a packet too large for one segment) comes in pieces: judged whole.
    extension = b"".join(segment[4 + len(JPEG_XMP_EXTENSION) + 40:] for marker, segment in segments
                         if marker == 0xE1 and segment[4:].startswith(JPEG_XMP_EXTENSION))
    # (The edit is always asked, so has_gps counts it; a stray "GPS" is enough to drop the pieces.)
    drop_extension = bool(extension) and (edit("xmp", extension) is not extension or b"GPS" in extension)
    out = bytearray(data[:2])
    for marker, segment in segments:
        body = segment[4:]
        if marker == 0xE1 and body.startswith(EXIF_HEADER):
            body = _edited(body, EXIF_HEADER, "exif", edit)
        elif marker == 0xE1 and body.startswith(JPEG_XMP):
            body = _edited(body, JPEG_XMP, "xmp", edit)
        elif marker == 0xE1 and body.startswith(JPEG_XMP_EXTENSION):
            body = None if drop_extension else body
        elif marker == 0xED and body.startswith(PHOTOSHOP):
            body = PHOTOSHOP + _photoshop(body[len(PHOTOSHOP):], edit)
        if body is not None:
            out += segment if body == segment[4:] else bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body
    out += data[position:]
    return bytes(out)


def _edited(body: bytes, header: bytes, kind: str, edit: Edit) -> bytes | None:
    payload = body[len(header):]
    new = edit(kind, payload)
    return None if new is None else header + new


def _photoshop(resources: bytes, edit: Edit) -> bytes:
    """Photoshop's image resources ("8BIM", id, padded name, size, padded data): IPTC stays,
    the EXIF and XMP copies Photoshop keeps there are edited like the others."""
    out = bytearray()
    position = 0
    while position + 12 <= len(resources) and resources[position:position + 4] == b"8BIM":
        number = struct.unpack(">H", resources[position + 4:position + 6])[0]
        name_length = resources[position + 6]
        name_end = position + 6 + name_length + 1 + ((name_length + 1) % 2)
        if name_end + 4 > len(resources):
            break
        size = struct.unpack(">I", resources[name_end:name_end + 4])[0]
        end = name_end + 4 + size + (size % 2)
        if name_end + 4 + size > len(resources):
            break
        payload = resources[name_end + 4:name_end + 4 + size]
        kind = "exif" if number in PHOTOSHOP_EXIF else "xmp" if number == PHOTOSHOP_XMP else None
        new = edit(kind, payload) if kind else payload
        if new is payload:
            out += resources[position:end]
        elif new is not None:
            out += resources[position:name_end] + struct.pack(">I", len(new)) + new + b"\x00" * (len(new) % 2)
        position = end
    out += resources[position:]
    return bytes(out)


def _png(data: bytes, edit: Edit) -> bytes:
    out = bytearray(data[:len(PNG_SIGNATURE)])
    position = len(PNG_SIGNATURE)
    while position + 12 <= len(data):
        length = struct.unpack(">I", data[position:position + 4])[0]
        kind = data[position + 4:position + 8]
        end = position + 12 + length
        if end > len(data):
            break
        body = data[position + 8:position + 8 + length]
        new = _png_chunk(kind, body, edit)
        if new is body:
            out += data[position:end]
        elif new is not None:
            out += struct.pack(">I", len(new)) + kind + new + struct.pack(">I", zlib.crc32(kind + new))
        position = end
        if kind == b"IEND":
            break
    out += data[position:]
    return bytes(out)


def _png_chunk(kind: bytes, body: bytes, edit: Edit) -> bytes | None:
    if kind == b"eXIf":
        return edit("exif", body[len(EXIF_HEADER):] if body.startswith(EXIF_HEADER) else body)
    if kind not in (b"tEXt", b"zTXt", b"iTXt"):
        return body
    keyword, _, rest = body.partition(b"\x00")
    if keyword != PNG_XMP_KEYWORD and not keyword.startswith(b"Raw profile type "):
        return body
    try:
        if kind == b"tEXt":
            head, compressed, text = b"", False, rest
        elif kind == b"zTXt":
            head, compressed, text = rest[:1], True, rest[1:]
        else:
            compressed = rest[:1] == b"\x01"
            language, _, after = rest[2:].partition(b"\x00")
            translated, _, text = after.partition(b"\x00")
            head = rest[:2] + language + b"\x00" + translated + b"\x00"
        if compressed:
            unpacker = zlib.decompressobj()
            text = unpacker.decompress(text, TEXT_LIMIT)
            if unpacker.unconsumed_tail:
                return body  # too large to be a metadata packet; Pillow will not read it either
        new = _png_text(keyword, text, edit)
    except (zlib.error, ValueError):
        return None  # a damaged location-bearing chunk is dropped rather than kept unread
    if new is text:
        return body
    if new is None:
        return None
    return keyword + b"\x00" + head + (zlib.compress(new) if compressed else new)


def _png_text(keyword: bytes, text: bytes, edit: Edit) -> bytes | None:
    if keyword == PNG_XMP_KEYWORD:
        return edit("xmp", text)
    profile = keyword[len(b"Raw profile type "):].lower()
    if profile not in (b"exif", b"app1", b"xmp"):
        return text
    # ImageMagick's raw profile: "\n<type>\n<length>\n<hex digits in lines>".
    lines = text.split(b"\n")
    payload = bytes.fromhex(b"".join(lines[3:]).decode("ascii"))
    if profile == b"xmp":
        new = edit("xmp", payload)
    else:
        tiff = payload[len(EXIF_HEADER):] if payload.startswith(EXIF_HEADER) else payload
        new = edit("exif", tiff)
        if new is tiff:
            return text
        new = None if new is None else EXIF_HEADER + new
    if new is payload:
        return text
    if new is None:
        return None
    digits = new.hex()
    body = "\n".join(digits[i:i + 72] for i in range(0, len(digits), 72))
    return f"\n{profile.decode()}\n{len(new):8d}\n{body}\n".encode("ascii")


def _webp(data: bytes, edit: Edit) -> bytes:
    out = bytearray()
    dropped = 0
    changed = False
    position = 12
    while position + 8 <= len(data):
        kind = data[position:position + 4]
        size = struct.unpack("<I", data[position + 4:position + 8])[0]
        if position + 8 + size > len(data):
            break
        end = position + 8 + size + (size % 2)
        body = data[position + 8:position + 8 + size]
        if kind == b"EXIF":
            header = EXIF_HEADER if body.startswith(EXIF_HEADER) else b""
            new = _edited(body, header, "exif", edit)
            flag = 0x08
        elif kind == b"XMP ":
            new, flag = edit("xmp", body), 0x04
        else:
            new, flag = body, 0
        if new is None:
            dropped |= flag
            changed = True
        elif new == body:
            out += data[position:end]
        else:
            out += kind + struct.pack("<I", len(new)) + new + b"\x00" * (len(new) % 2)
            changed = True
        position = min(end, len(data))
    if not changed:
        return data
    out += data[position:]
    if dropped and out[:4] == b"VP8X":
        out[8] &= ~dropped & 0xFF  # the extended header says which metadata chunks follow
    return b"RIFF" + struct.pack("<I", len(out) + 4) + b"WEBP" + bytes(out)


def _gif(data: bytes, edit: Edit) -> bytes:
    """Edit the XMP application extension; the picture's blocks are copied as they are."""
    if len(data) < 13:
        return data
    position = 13
    if data[10] & 0x80:
        position += 3 * 2 ** ((data[10] & 0x07) + 1)
    out = bytearray(data[:position])
    while position < len(data):
        introducer = data[position]
        if introducer == 0x2C:  # an image: descriptor, local colour table, LZW size, data blocks
            start = position
            if position + 10 > len(data):
                break
            flags = data[position + 9]
            position += 10 + (3 * 2 ** ((flags & 0x07) + 1) if flags & 0x80 else 0) + 1
            position = _after_blocks(data, position)
            out += data[start:position]
        elif introducer == 0x21 and position + 1 < len(data):
            start = position
            position = _after_blocks(data, position + 2)
            extension = data[start:position]
            if extension.startswith(GIF_XMP):
                extension = _gif_xmp(extension, edit)
            out += extension
        else:
            break  # the trailer (0x3B) or bytes we do not know: copied unchanged
    out += data[position:]
    return bytes(out)


def _after_blocks(data: bytes, position: int) -> int:
    """Where a run of data sub-blocks (length byte, bytes) ends, after its zero terminator."""
    while position < len(data) and data[position] != 0:
        position += data[position] + 1
    return min(position + 1, len(data))


def _gif_xmp(extension: bytes, edit: Edit) -> bytes:
    if not extension.endswith(GIF_XMP_TRAILER):
        return b"" if b"GPS" in extension else extension
    packet = extension[len(GIF_XMP):-len(GIF_XMP_TRAILER)]
    new = edit("xmp", packet)
    if new is packet:
        return extension
    return b"" if new is None else GIF_XMP + new + GIF_XMP_TRAILER
