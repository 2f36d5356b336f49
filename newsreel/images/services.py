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
from newsreel.images.renditions import picture, refresh_renditions
from newsreel.text.types import ImageRef

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
    refresh_renditions(image)
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


def set_focal_point(image: Image, x: float, y: float) -> Image:
    """Move the focal point (0..1 from the left and top) and re-cut the crops around it."""
    errors = {name: f"The focal point's {name} must be between 0 and 1, not {value!r}."
              for name, value in (("focal_x", x), ("focal_y", y))
              if not isinstance(value, (int, float)) or not 0 <= value <= 1}
    if errors:
        raise ValidationError(errors)
    image.focal_x, image.focal_y = float(x), float(y)
    Image.objects.filter(pk=image.pk).update(focal_x=image.focal_x, focal_y=image.focal_y)
    refresh_renditions(image)
    return image


def image_ref(image: Image) -> ImageRef:
    """The plain-data view of an image the text core renders figures from."""
    shown = picture(image)
    sources = ((("image/webp", shown.webp_srcset),) if shown.webp_srcset else ())
    return ImageRef(url=shown.url, alt=image.alt, credit=image.credit, width=shown.width,
                    height=shown.height, srcset=shown.srcset, sources=sources)
