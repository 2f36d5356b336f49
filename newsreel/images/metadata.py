"""What a picture file says about itself: the credit, caption and alt text its maker wrote.

`embedded_text` reads the credit, caption and alt text a photo agency or a camera wrote into
the file, from IPTC (Pillow's IptcImagePlugin) and XMP (Pillow's Image.getxmp, which parses
with defusedxml), so the desk can prefill them for the editor to confirm.

Where the picture was taken (EXIF and XMP GPS) is removed from the stored file by
`newsreel.images.location`, which leaves these credits in place.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from PIL import Image as PILImage, IptcImagePlugin

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
