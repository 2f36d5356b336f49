"""Creating images: validated once, with renditions made at upload (never on a page view).

Inside an import that leaves them to the worker (`renditions_later`), a picture is stored
without them and marked waiting."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image as PILImage

from newsreel.images.checks import (
    UNREADABLE, ImageProblem, check_image_data, looks_like_an_image, max_bytes, too_large_message,
)
from newsreel.images.known_files import (FileFacts, StoredKey, cancel_ahead, encode_ahead, file_facts, forget_image,
                                         remember_image, remembered, stored_image, wants_ahead)
from newsreel.images.location import LocationProblem, without_gps
from newsreel.images.models import Image
from newsreel.images.renditions import encode_renditions, picture, refresh_renditions, stored_names
from newsreel.images.renditions_later import deferring, hold
from newsreel.text.characters import character_problem, length_problem
from newsreel.text.types import ImageRef


def image_text_problems(*, alt: str, credit: str, caption: str = "") -> dict[str, str]:
    """Alt text and credit are required; every text must fit its column and be storable."""
    errors: dict[str, str] = {}
    if not (alt or "").strip():
        errors["alt"] = "Every image needs alt text: describe what the picture shows."
    if not (credit or "").strip():
        errors["credit"] = "Every image needs a credit, e.g. “Photo: Jane Doe / Studio”."
    for name, value in (("alt", alt), ("credit", credit), ("caption", caption)):
        limit = Image._meta.get_field(name).max_length
        problem = character_problem(value or "") or (length_problem((value or "").strip(), limit) if limit else None)
        if problem and name not in errors:
            errors[name] = f"The {Image._meta.get_field(name).verbose_name} {problem}."
    return errors


def create_image(file, *, alt: str, credit: str, caption: str = "", name: str | None = None,
                 known: FileFacts | None = None) -> Image:
    """Store an uploaded or local image file; raise ValidationError naming the bad field.

    Nothing is stored unless the whole picture decodes within the limits (`checks`); if
    making its renditions still fails, the row and every file written are removed again.
    `known` is what reading these very bytes found already (an import's `file_facts`): the
    picture is not decoded a second time when the bytes are still the same. Inside
    `renditions_later()` no renditions are made: the worker makes them once it commits.
    """
    declared = getattr(file, "size", None)
    data = b"" if declared is not None and declared > max_bytes() else file.read(max_bytes() + 1)
    size = check_image(data, alt=alt, credit=credit, caption=caption, declared_size=declared, known=known)
    data = _without_location(data)  # where a photo was taken is nobody's business on a public site
    filename = name or getattr(file, "name", None) or "image"
    image = Image(alt=alt.strip(), credit=credit.strip(), caption=caption.strip())
    image.file.save(Path(filename).name, ContentFile(data), save=False)
    image.width, image.height = size
    try:
        with transaction.atomic():
            image.save()
            if deferring():
                hold([image])
        if not deferring():
            refresh_renditions(image)
    except (OSError, ValueError, PILImage.DecompressionBombError) as error:
        discard_image(image)
        raise ValidationError({"file": f"{UNREADABLE} ({error})"}) from None
    except BaseException:
        discard_image(image)
        raise
    return image


def _without_location(data: bytes) -> bytes:
    """The file without GPS in EXIF or XMP (nothing else changed), or ValidationError on `file`."""
    try:
        return without_gps(data)
    except LocationProblem as problem:
        raise ValidationError({"file": str(problem)}) from None


def check_image(data: bytes, *, alt: str, credit: str, caption: str = "", declared_size: int | None = None,
                known: FileFacts | None = None) -> tuple[int, int]:
    """The picture's size, or ValidationError naming every bad field; stores nothing.

    `known`: the facts of a read of these bytes (size, decoded within the limits), trusted
    only when the bytes' digest is still theirs."""
    errors = image_text_problems(alt=alt, credit=credit, caption=caption)
    size = (0, 0)
    if declared_size is not None and declared_size > max_bytes():
        errors["file"] = too_large_message(declared_size)
    elif known is not None and known.size is not None and known.sha256 == hashlib.sha256(data).hexdigest():
        size = known.size
    else:
        try:
            size = check_image_data(data)
        except ImageProblem as problem:
            errors["file"] = str(problem)
    if errors:
        raise ValidationError(errors)
    return size


def check_image_file(path: Path, *, alt: str, credit: str, caption: str = "") -> tuple[int, int]:
    """`check_image` for a local file: read and decoded once per import (`known_files`)."""
    errors = image_text_problems(alt=alt, credit=credit, caption=caption)
    size = path.stat().st_size
    facts = None if size > max_bytes() else file_facts(path)
    if facts is None:
        errors["file"] = too_large_message(size)
    elif facts.problem:
        errors["file"] = facts.problem
    if errors:
        raise ValidationError(errors)
    _encode_ahead(path, facts.sha256)
    return facts.size


# A new picture's focal point (the model's default), which its first renditions are cut around.
NEW_FOCAL = (Image._meta.get_field("focal_x").default, Image._meta.get_field("focal_y").default)


def _encode_ahead(path: Path, sha256: str) -> None:
    """Inside an import, start making the renditions of a picture its story is about to store
    (unless the import leaves them to the worker)."""
    if not deferring() and wants_ahead(sha256, NEW_FOCAL):
        data = path.read_bytes()
        encode_ahead(sha256, NEW_FOCAL, lambda: encode_renditions(data, *NEW_FOCAL))


def discard_image(image: Image) -> None:
    """Remove a half-made image: its renditions, its file and its row."""
    forget_image(image)
    for stored in stored_names(image.renditions) + [image.file.name]:
        if stored:
            try:
                default_storage.delete(stored)
            except OSError:
                pass
    if image.pk:
        Image.objects.filter(pk=image.pk).delete()


def find_or_create_image_from_path(path: Path, *, alt: str, credit: str, caption: str = "") -> tuple[Image, bool]:
    """Reuse an identical earlier upload (same bytes, alt and credit), else create one; True when created.

    The file's size and first bytes are checked before it is read whole.
    """
    size = path.stat().st_size
    if size > max_bytes():
        raise ValidationError({"file": too_large_message(size)})
    with path.open("rb") as handle:
        if not looks_like_an_image(handle.read(16)):
            raise ValidationError({"file": UNREADABLE})
    facts = file_facts(path)
    digest = facts.digest
    name = f"{path.stem}-{digest}{path.suffix.lower()}"
    # The storage appends "_XXXXXXX" to a name it already holds (the same picture stored
    # with another credit), so match on the name's stem and suffix, not the whole name.
    key = (f"{path.stem}-{digest}", path.suffix.lower(), alt.strip(), credit.strip())
    existing = stored_image(key, lambda: _stored_before(key))
    if existing:
        cancel_ahead(facts.sha256)
        return existing, False
    image = create_image(ContentFile(path.read_bytes(), name=name), alt=alt, credit=credit, caption=caption, name=name,
                         known=facts)
    remember_image(key, image)
    return image, True


# The storage's "_XXXXXXX" after a name it already held (Django's get_alternative_name).
_TAKEN_NAME = re.compile(r"_[A-Za-z0-9]{7}$")


def _stored_before(key: StoredKey) -> Image | None:
    """The picture stored before this import with these bytes (name), alt and credit.

    Inside an import, every stored picture's key is read once into an index (`remembered`):
    a `LIKE` on the file name scans the whole images table, once per new picture, and an
    archive of ten thousand posts brings ten thousand of them."""
    index = remembered("images by key", _stored_keys)
    if index is None:
        return Image.objects.filter(file__contains=key[0], file__endswith=key[1], alt=key[2], credit=key[3]).first()
    pk = index.get(key)
    return Image.objects.filter(pk=pk).first() if pk is not None else None


def _stored_keys() -> dict[StoredKey, int]:
    index: dict[StoredKey, int] = {}
    for pk, name, alt, credit in Image.objects.order_by("pk").values_list("pk", "file", "alt", "credit").iterator():
        stored = PurePosixPath(name or "")
        index.setdefault((_TAKEN_NAME.sub("", stored.stem), stored.suffix.lower(), alt, credit), pk)
    return index


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


def update_image_text(image: Image, *, alt: str, credit: str, caption: str = "") -> Image:
    """Change the alt text, credit and caption (the same rules as an upload)."""
    errors = image_text_problems(alt=alt, credit=credit, caption=caption)
    if errors:
        raise ValidationError(errors)
    image.alt, image.credit, image.caption = alt.strip(), credit.strip(), caption.strip()
    image.save(update_fields=["alt", "credit", "caption"])  # post_save: the pages showing it are refreshed
    return image


def replace_file(image: Image, file) -> Image:
    """Put a new picture file in place of the old one: same image, same uses, new renditions.
    The old file and renditions are removed only once the new ones are made."""
    declared = getattr(file, "size", None)
    data = b"" if declared is not None and declared > max_bytes() else file.read(max_bytes() + 1)
    size = check_image(data, alt=image.alt, credit=image.credit, caption=image.caption, declared_size=declared)
    data = _without_location(data)
    old_files = stored_names(image.renditions) + [image.file.name]
    image.file.save(Path(getattr(file, "name", None) or "image").name, ContentFile(data), save=False)
    image.width, image.height = size
    try:
        refresh_renditions(image, force=True)
    except (OSError, ValueError, PILImage.DecompressionBombError) as error:
        raise ValidationError({"file": f"{UNREADABLE} ({error})"}) from None
    image.save()
    for stored in old_files:
        if stored and stored != image.file.name:
            try:
                default_storage.delete(stored)
            except OSError:
                pass
    return image
