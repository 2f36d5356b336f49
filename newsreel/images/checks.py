"""What an image must be before Newsreel stores it: a readable picture within the limits.

The limits are settings (`NEWSREEL_IMAGE_MAX_PIXELS`, `NEWSREEL_IMAGE_MAX_BYTES`, see
`newsreel/config.py`). The pixel count is read from the file's header and checked before
anything is decoded, so a decompression bomb (a few kilobytes that claim 100,000 × 100,000
pixels) costs nothing; then the whole picture is decoded once, so a truncated or corrupt
file is refused here instead of failing later while its renditions are made.
"""

from __future__ import annotations

import io
import warnings

from django.conf import settings
from PIL import Image as PILImage, UnidentifiedImageError

UNREADABLE = "The file is not an image Newsreel can read (JPEG, PNG, WebP or GIF)."
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
# The first bytes of each format Newsreel accepts (WebP: RIFF....WEBP).
_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")


class ImageProblem(Exception):
    """The file cannot become an Image; the message says why, for the writer."""


def max_pixels() -> int:
    return settings.IMAGE_MAX_PIXELS


def max_bytes() -> int:
    return settings.IMAGE_MAX_BYTES


def looks_like_an_image(head: bytes) -> bool:
    """Do these first bytes start a JPEG, PNG, GIF or WebP file?"""
    return head.startswith(_SIGNATURES) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def too_large_message(size: int) -> str:
    return f"The file is {size:,} bytes; the limit is {max_bytes():,} bytes (NEWSREEL_IMAGE_MAX_BYTES)."


def check_image_data(data: bytes) -> tuple[int, int]:
    """Return (width, height) of a readable image within the limits, else raise ImageProblem."""
    if len(data) > max_bytes():
        raise ImageProblem(too_large_message(len(data)))
    if not looks_like_an_image(data[:16]):
        raise ImageProblem(UNREADABLE)
    limit = max_pixels()
    try:
        with warnings.catch_warnings():
            # Pillow warns (and past twice its own limit, refuses) on huge images; ours is the limit that counts.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data), formats=FORMATS) as probe:
                width, height = probe.size
                if width * height > limit:
                    raise ImageProblem(_too_many_pixels(f"{width}×{height}", limit))
                # Decodes the picture (the first frame, which renditions use): a truncated or
                # corrupt file fails here, before anything is stored.
                probe.load()
    except PILImage.DecompressionBombError:
        # Pillow refuses past twice its own limit before it reads the size for us.
        refused_past = 2 * (PILImage.MAX_IMAGE_PIXELS or 0)
        raise ImageProblem(_too_many_pixels(f"more than {refused_past:,}" if refused_past else "too many",
                                            limit)) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, MemoryError):
        raise ImageProblem(UNREADABLE + " It may be truncated or damaged.") from None
    return width, height


def _too_many_pixels(size: str, limit: int) -> str:
    return f"The image is {size} pixels; the limit is {limit:,} pixels (NEWSREEL_IMAGE_MAX_PIXELS)."
