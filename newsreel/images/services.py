"""Creating images: validated once, with renditions made at upload (never on a page view)."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image as PILImage, UnidentifiedImageError

from newsreel.images.models import Image
from newsreel.text.types import ImageRef

RENDITION_WIDTHS = (480, 960, 1600)
MAX_PIXELS = 40_000_000


def create_image(file, *, alt: str, credit: str, caption: str = "", name: str | None = None) -> Image:
    """Store an uploaded or local image file; raise ValidationError naming the bad field."""
    errors: dict[str, str] = {}
    if not (alt or "").strip():
        errors["alt"] = "Every image needs alt text: describe what the picture shows."
    if not (credit or "").strip():
        errors["credit"] = "Every image needs a credit, e.g. “Photo: Jane Doe / Studio”."
    data = file.read()
    size = (0, 0)
    try:
        with PILImage.open(io.BytesIO(data)) as probe:
            probe.verify()
        with PILImage.open(io.BytesIO(data)) as probe:
            size = probe.size
            if probe.width * probe.height > MAX_PIXELS:
                errors["file"] = f"The image is {probe.width}×{probe.height}; the limit is {MAX_PIXELS:,} pixels."
    except (UnidentifiedImageError, OSError, SyntaxError):
        errors["file"] = "The file is not an image Newsreel can read (JPEG, PNG, WebP or GIF)."
    if errors:
        raise ValidationError(errors)
    filename = name or getattr(file, "name", None) or "image"
    image = Image(alt=alt.strip(), credit=credit.strip(), caption=caption.strip())
    image.file.save(Path(filename).name, ContentFile(data), save=False)
    image.width, image.height = size
    with transaction.atomic():
        image.save()
    image.renditions = make_renditions(image)
    Image.objects.filter(pk=image.pk).update(renditions=image.renditions)
    return image


def find_or_create_image_from_path(path: Path, *, alt: str, credit: str, caption: str = "") -> Image:
    """Reuse an identical earlier upload (same bytes, alt and credit), else create one."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    name = f"{path.stem}-{digest}{path.suffix.lower()}"
    existing = Image.objects.filter(file__endswith=name, alt=alt.strip(), credit=credit.strip()).first()
    if existing:
        return existing
    return create_image(ContentFile(data, name=name), alt=alt, credit=credit, caption=caption, name=name)


def make_renditions(image: Image) -> dict[str, str]:
    """Resized WebP copies at the standard widths narrower than the original."""
    renditions: dict[str, str] = {}
    with image.file.open("rb") as handle, PILImage.open(handle) as original:
        original.load()
        source = original.convert("RGBA" if original.mode in {"RGBA", "LA", "P"} else "RGB")
    stem = Path(image.file.name).with_suffix("")
    for width in RENDITION_WIDTHS:
        if width >= source.width:
            continue
        height = round(source.height * width / source.width)
        resized = source.resize((width, height), PILImage.LANCZOS)
        buffer = io.BytesIO()
        resized.save(buffer, "WEBP", quality=82, method=4)
        saved = default_storage.save(f"renditions/{stem.name}-{width}w.webp", ContentFile(buffer.getvalue()))
        renditions[str(width)] = default_storage.url(saved)
    return renditions


def image_ref(image: Image) -> ImageRef:
    """The plain-data view of an image the text core renders figures from."""
    srcset = ", ".join(f"{url} {width}w" for width, url in sorted(image.renditions.items(), key=lambda kv: int(kv[0])))
    if srcset:
        srcset += f", {image.file.url} {image.width}w"
    return ImageRef(url=image.file.url, alt=image.alt, credit=image.credit, width=image.width or None,
                    height=image.height or None, srcset=srcset)
