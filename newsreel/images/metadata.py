"""What a picture file says about itself, and what it must not tell readers.

`embedded_text` reads the credit, caption and alt text a photo agency or a camera wrote into
the file, from IPTC (Pillow's IptcImagePlugin) and XMP (Pillow's Image.getxmp, which parses
with defusedxml), so the desk can prefill them for the editor to confirm.

`without_gps` removes the EXIF GPS block (where the picture was taken) from a JPEG without
re-encoding it. Renditions never carry EXIF at all (they are written afresh by Pillow), so
this is for the stored original, which the desk and not-yet-rebuilt pages link to.
"""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass
from typing import Any

from PIL import Image as PILImage, IptcImagePlugin

GPS_IFD = 0x8825
# IPTC IIM datasets (record 2): credit line, by-line (creator), caption/abstract.
IPTC_CREDIT, IPTC_BYLINE, IPTC_CAPTION = (2, 110), (2, 80), (2, 120)


@dataclass(frozen=True)
class Embedded:
    credit: str = ""
    caption: str = ""
    alt: str = ""

    def __bool__(self) -> bool:
        return bool(self.credit or self.caption or self.alt)


def embedded_text(data: bytes) -> Embedded:
    """The credit, caption and alt text written into the file (empty strings when absent or unreadable)."""
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            iptc = _iptc(picture)
            xmp = _xmp(picture)
    except Exception:  # noqa: BLE001 - metadata is a convenience: a file that decodes but has odd metadata still uploads
        return Embedded()
    creator = iptc.get("byline") or xmp.get("creator", "")
    credit_line = iptc.get("credit") or xmp.get("credit", "")
    if creator and credit_line and creator not in credit_line:
        credit = f"{creator} / {credit_line}"
    else:
        credit = credit_line or creator
    return Embedded(credit=_clean(credit, 200), caption=_clean(iptc.get("caption") or xmp.get("description", ""), 2000),
                    alt=_clean(xmp.get("alt", ""), 300))


def _clean(text: str, limit: int) -> str:
    text = " ".join(str(text).replace("\x00", "").split())
    return text[:limit]


def _iptc(picture: PILImage.Image) -> dict[str, str]:
    info = IptcImagePlugin.getiptcinfo(picture) or {}
    found = {}
    for name, dataset in (("credit", IPTC_CREDIT), ("byline", IPTC_BYLINE), ("caption", IPTC_CAPTION)):
        value = info.get(dataset)
        if isinstance(value, list):
            value = b"; ".join(value)
        if value:
            found[name] = value.decode("utf-8", "replace")
    return found


def _xmp(picture: PILImage.Image) -> dict[str, str]:
    if not hasattr(picture, "getxmp"):
        return {}
    xmp = picture.getxmp() or {}
    wanted = {"Credit": "credit", "creator": "creator", "description": "description",
              "AltTextAccessibility": "alt"}
    found: dict[str, str] = {}

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                name = wanted.get(key)
                if name and name not in found and (text := _first_text(value)):
                    found[name] = text
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(xmp)
    return found


def _first_text(node: Any) -> str:
    """The text of an XMP value: a string, a language alternative or a sequence (first item)."""
    if isinstance(node, str):
        return node.strip()
    if isinstance(node, dict):
        if "text" in node:
            return _first_text(node["text"])
        for value in node.values():
            if text := _first_text(value):
                return text
    if isinstance(node, list):
        for value in node:
            if text := _first_text(value):
                return text
    return ""


def has_gps(data: bytes) -> bool:
    try:
        with PILImage.open(io.BytesIO(data)) as picture:
            return GPS_IFD in picture.getexif()
    except Exception:  # noqa: BLE001
        return False


def without_gps(data: bytes) -> bytes:
    """A JPEG's bytes with the EXIF GPS block removed, the picture itself untouched (other
    formats are returned as they are: their renditions carry no EXIF)."""
    if not data.startswith(b"\xff\xd8") or not has_gps(data):
        return data
    with PILImage.open(io.BytesIO(data)) as picture:
        exif = picture.getexif()
        del exif[GPS_IFD]
        payload = exif.tobytes()
    if not payload.startswith(b"Exif\x00\x00"):
        payload = b"Exif\x00\x00" + payload
    out = bytearray(data[:2])
    position = 2
    while position + 4 <= len(data) and data[position] == 0xFF:
        marker = data[position + 1]
        if marker == 0xDA:  # start of scan: the rest is the picture
            break
        length = struct.unpack(">H", data[position + 2:position + 4])[0]
        segment = data[position:position + 2 + length]
        if marker == 0xE1 and segment[4:10] == b"Exif\x00\x00":
            segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
        out += segment
        position += 2 + length
    out += data[position:]
    return bytes(out)
