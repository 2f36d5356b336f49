"""Responsive renditions and focal-point crops, made once when an image is stored.

Every picture the reader's site shows is served from copies made here, at upload (or, for
an image that has none yet, when an article using it is published; for an import's
pictures, by the worker after the import: `renditions_later`), never while a page is
rendered or viewed. Until then `picture()` shows the original, with its size.
`Image.renditions` holds their description:

    {
      "version": 2,
      "fallback": "jpeg" | "png",          # PNG keeps transparency, JPEG for everything else
      "widths": [                           # narrowest first, never wider than the original
        {"width": 480, "height": 270, "webp": "<storage name>", "fallback": "<storage name>"},
        ...
      ],
      "crops": {                            # social cards and JSON-LD, around the focal point
        "16x9": {"width": 1200, "height": 675, "name": "<storage name>"},
        "4x3": {...}, "1x1": {...}
      },
      "focal": [0.5, 0.5]                   # the focal point the crops were cut around
    }

Storage names, not URLs, are kept so a change of MEDIA_URL or storage backend needs no rebuild.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage, ImageOps

from newsreel.images import renditions_later
from newsreel.images.known_files import remembered_encoding
from newsreel.images.models import Image

VERSION = 2
WIDTHS = (480, 960, 1600)
# Aspect ratios search engines ask for (Google's Article guidelines: 16:9, 4:3 and 1:1).
CROPS = {"16x9": (16, 9), "4x3": (4, 3), "1x1": (1, 1)}
CROP_WIDTH = 1200
WEBP_QUALITY = 80
# libwebp effort 0-6: 2 makes files within 1% of 4's size in well under half the time (bench/renditions.py).
WEBP_EFFORT = 2
JPEG_QUALITY = 84
# The `src` of an <img> for browsers that ignore srcset: wide enough for a text column.
DEFAULT_WIDTH = 960


def crop_box(width: int, height: int, ratio: tuple[int, int], focal_x: float, focal_y: float) -> tuple[int, int, int, int]:
    """The largest `ratio` box inside width×height, centred on the focal point as far as the edges allow."""
    if width <= 0 or height <= 0:
        raise ValueError(f"cannot crop an image of {width}×{height} pixels")
    rw, rh = ratio
    crop_w, crop_h = width, round(width * rh / rw)
    if crop_h > height:
        crop_w, crop_h = round(height * rw / rh), height
    fx = min(max(focal_x, 0.0), 1.0)
    fy = min(max(focal_y, 0.0), 1.0)
    left = min(max(round(fx * width - crop_w / 2), 0), width - crop_w)
    top = min(max(round(fy * height - crop_h / 2), 0), height - crop_h)
    return left, top, left + crop_w, top + crop_h


def rendition_widths(original_width: int) -> list[int]:
    """The standard widths up to the original's, plus the original's own when it is narrower than the widest."""
    widths = [width for width in WIDTHS if width <= original_width]
    if original_width < WIDTHS[-1] and original_width not in widths:
        widths.append(original_width)
    return widths


def has_transparency(picture: PILImage.Image) -> bool:
    if picture.mode in {"RGBA", "LA"}:
        return picture.getchannel("A").getextrema()[0] < 255
    return picture.mode == "P" and "transparency" in picture.info


@dataclass(frozen=True)
class Encoded:
    """Every rendition and crop of one picture as encoded bytes, not yet stored anywhere."""

    fallback: str  # "jpeg" or "png"
    # (width, height, WebP bytes, fallback bytes), narrowest first.
    widths: tuple[tuple[int, int, bytes, bytes], ...]
    # label -> (width, height, fallback bytes)
    crops: dict[str, tuple[int, int, bytes]]


def build_renditions(image: Image) -> dict[str, Any]:
    """Make every rendition and crop of `image` in storage; return the description to keep."""
    if not image.file:
        raise ValueError(f"image {image.pk} has no file to make renditions from")
    with image.file.open("rb") as handle:
        data = handle.read()
    focal = (image.focal_x, image.focal_y)
    # An import stores one file again under another alt or credit (a post's featured image
    # is most often its first figure too): the same bytes and focal point are encoded once.
    encoded = remembered_encoding(data, focal, lambda: encode_renditions(data, *focal))
    return store_renditions(encoded, Path(image.file.name).stem, focal)


def encode_renditions(data: bytes, focal_x: float, focal_y: float) -> Encoded:
    """Every width and crop of the picture in `data`, encoded (the costly part: no storage, no database)."""
    with PILImage.open(io.BytesIO(data)) as original:
        # A JPEG can be decoded at 1/2, 1/4 or 1/8 scale: no bigger than the widest copy and crop need.
        width, height = original.size
        scale = max(WIDTHS[-1] / width, CROP_WIDTH / min(width, height))
        if scale < 1:
            original.draft("RGB", (math.ceil(width * scale), math.ceil(height * scale)))
        original.load()
        # Camera photos are often stored sideways with an orientation tag.
        source = ImageOps.exif_transpose(original)
        transparent = has_transparency(source)
        source = source.convert("RGBA" if transparent else "RGB")
        # Copies carry no metadata of the original's (EXIF, XMP, text chunks), whatever a
        # Pillow version would pass on by default when saving.
        source.info = {}
    fallback = "png" if transparent else "jpeg"
    widths = []
    for width in rendition_widths(source.width):
        height = max(1, round(source.height * width / source.width))
        resized = source if width == source.width else source.resize((width, height), PILImage.LANCZOS, reducing_gap=3.0)
        widths.append((width, height, _encode(resized, "webp"), _encode(resized, fallback)))
    crops = {}
    for label, ratio in CROPS.items():
        box = crop_box(source.width, source.height, ratio, focal_x, focal_y)
        cropped = source.crop(box)
        if cropped.width > CROP_WIDTH:
            cropped = cropped.resize((CROP_WIDTH, round(CROP_WIDTH * ratio[1] / ratio[0])), PILImage.LANCZOS, reducing_gap=3.0)
        crops[label] = (cropped.width, cropped.height, _encode(cropped, fallback))
    return Encoded(fallback, tuple(widths), crops)


def store_renditions(encoded: Encoded, stem: str, focal: tuple[float, float]) -> dict[str, Any]:
    """Store the encoded copies under names made from `stem`; the description to keep."""
    kind = encoded.fallback
    return {
        "version": VERSION, "fallback": kind,
        "widths": [{"width": width, "height": height,
                    "webp": _store(webp, f"{stem}-{width}w", "webp"),
                    "fallback": _store(other, f"{stem}-{width}w", kind)}
                   for width, height, webp, other in encoded.widths],
        "crops": {label: {"width": width, "height": height, "name": _store(data, f"{stem}-{label}", kind)}
                  for label, (width, height, data) in encoded.crops.items()},
        "focal": list(focal),
    }


def _encode(picture: PILImage.Image, kind: str) -> bytes:
    buffer = io.BytesIO()
    if kind == "webp":
        picture.save(buffer, "WEBP", quality=WEBP_QUALITY, method=WEBP_EFFORT)
    elif kind == "png":
        picture.save(buffer, "PNG", optimize=True)
    else:
        picture.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()


def _store(data: bytes, stem: str, kind: str) -> str:
    extension = {"webp": "webp", "png": "png", "jpeg": "jpg"}[kind]
    return default_storage.save(f"renditions/{stem}.{extension}", ContentFile(data))


def is_current(renditions: Any, image: Image | None = None) -> bool:
    """True when `renditions` has this module's shape (and, given the image, its focal point)."""
    if not isinstance(renditions, dict) or renditions.get("version") != VERSION or not renditions.get("widths"):
        return False
    if image is not None and renditions.get("focal") != [image.focal_x, image.focal_y]:
        return False
    return True


def stored_names(renditions: Any) -> list[str]:
    """Every file a renditions description points to (to delete them when replaced)."""
    if not is_current(renditions):
        return []
    names = [entry[kind] for entry in renditions["widths"] for kind in ("webp", "fallback")]
    return names + [crop["name"] for crop in renditions["crops"].values()]


def refresh_renditions(image: Image, *, force: bool = False) -> bool:
    """Make renditions for `image` unless current ones exist; True when it made them.

    Called at upload, at publish, by the worker for an import's pictures (`catch_up`) and by
    `newsreel rebuild-renditions`; never from a page render.
    """
    if not force and is_current(image.renditions, image):
        return False
    old = stored_names(image.renditions)
    image.renditions = build_renditions(image)
    Image.objects.filter(pk=image.pk).update(renditions=image.renditions)
    for name in set(old) - set(stored_names(image.renditions)):
        default_storage.delete(name)
    return True


def ensure_renditions(images: Iterable[Image | None]) -> int:
    """Make missing renditions for these images (an article's hero and figures at publish).

    Inside `renditions_later()` (an import) none is made: those lacking them wait for the worker."""
    wanted = [image for image in images if image is not None and image.file]
    if renditions_later.deferring():
        renditions_later.hold([image for image in wanted if not is_current(image.renditions, image)])
        return 0
    return sum(refresh_renditions(image) for image in wanted)


@dataclass(frozen=True)
class Crop:
    url: str
    absolute_url: str
    width: int
    height: int


@dataclass(frozen=True)
class Picture:
    """What a template needs to show an image responsively and without layout shift."""

    url: str
    absolute_url: str
    alt: str
    credit: str
    caption: str
    width: int | None
    height: int | None
    srcset: str = ""
    webp_srcset: str = ""
    fallback_type: str = ""
    focal: str = "50% 50%"
    crops: dict[str, Crop] = field(default_factory=dict)

    @property
    def social(self) -> Crop:
        """The 16:9 crop social cards show, else the original."""
        return self.crops.get("16x9") or Crop(self.url, self.absolute_url, self.width or 0, self.height or 0)

    @property
    def crop_urls(self) -> list[str]:
        """Absolute URLs of the 16:9, 4:3 and 1:1 crops (JSON-LD `image`), else the original."""
        return [crop.absolute_url for crop in self.crops.values()] or [self.absolute_url]


def _absolute(url: str) -> str:
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL + (url if url.startswith("/") else "/" + url)


def picture(image: Image | None) -> Picture | None:
    """Read the stored renditions of `image` into a Picture; makes nothing (safe in a page render)."""
    if image is None or not image.file:
        return None
    common = {"alt": image.alt, "credit": image.credit, "caption": image.caption,
              "focal": f"{image.focal_x * 100:.0f}% {image.focal_y * 100:.0f}%"}
    renditions = image.renditions
    if not is_current(renditions):
        # Not yet rebuilt (`newsreel rebuild-renditions`): the original, still with its size.
        url = image.file.url
        return Picture(url=url, absolute_url=_absolute(url), width=image.width or None,
                       height=image.height or None, **common)
    url_of = default_storage.url
    widths = renditions["widths"]
    default = max((entry for entry in widths if entry["width"] <= DEFAULT_WIDTH), key=lambda e: e["width"],
                  default=widths[0])
    src = url_of(default["fallback"])
    largest = widths[-1]
    stored = renditions.get("crops", {})
    # In CROPS order (16:9 first): PostgreSQL's jsonb does not keep the order keys were written in.
    crops = {label: Crop(url_of(stored[label]["name"]), _absolute(url_of(stored[label]["name"])),
                         stored[label]["width"], stored[label]["height"])
             for label in CROPS if label in stored}
    return Picture(
        url=src, absolute_url=_absolute(src),
        # The widest copy's size: the browser reserves the box from its aspect ratio.
        width=largest["width"], height=largest["height"],
        srcset=", ".join(f"{url_of(entry['fallback'])} {entry['width']}w" for entry in widths),
        webp_srcset=", ".join(f"{url_of(entry['webp'])} {entry['width']}w" for entry in widths),
        fallback_type=f"image/{renditions['fallback']}",
        crops=crops, **common,
    )


def thumbnail_url(image: Image) -> str:
    """The narrowest stored copy (for lists of images) when it is narrower than the original, else the original."""
    if is_current(image.renditions) and image.renditions["widths"][0]["width"] < (image.width or 0):
        return default_storage.url(image.renditions["widths"][0]["webp"])
    return image.file.url
