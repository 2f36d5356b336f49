"""Which local files a Markdown article may name as images.

An article names its pictures (the hero in front matter, figures in the body) by paths
relative to its own file. Those files are copied into the public media folder, so a path
must not reach anything else on the machine: it has to stay inside the article's folder
or inside a media folder the person publishing names (`--media-root`). Absolute paths,
`..` that climbs out and symlinks that point out are refused, and so is any file that is
not an image by name, size and first bytes, before it is read whole.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from newsreel.images.checks import looks_like_an_image, max_bytes
from newsreel.images.known_files import remembered_for

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")


class LocalImageError(ValueError):
    """The path names no image the article may use; the message says why and what to do."""


def local_image_path(reference: str, base_dir: Path, media_root: Path | None = None) -> Path:
    """The file `reference` names, checked; raise LocalImageError otherwise.

    An import checks each picture's path once (a story names it when it is checked and
    again when it is stored, and an archive names the same pictures in many posts)."""
    return remembered_for("local image paths", (reference, base_dir, media_root),
                          lambda: _checked_path(reference, base_dir, media_root))


def _checked_path(reference: str, base_dir: Path, media_root: Path | None) -> Path:
    shown = repr(reference if len(reference) <= 120 else reference[:100] + "…")
    if not reference.strip():
        raise LocalImageError("has an empty image path")
    if "\x00" in reference:  # `%00` in an address: the file system refuses the name (ValueError)
        raise LocalImageError(f"image path {shown} holds a NUL character, so it cannot be a file's name; "
                              "correct the path")
    try:
        return _file_inside(reference, base_dir, media_root, shown)
    except OSError as error:  # a name over 255 bytes (ENAMETOOLONG), a loop of symlinks: no such picture
        raise LocalImageError(f"image path {shown} cannot be a file here ({error.strerror or error}); "
                              "correct the path or rename the picture") from None


def _file_inside(reference: str, base_dir: Path, media_root: Path | None, shown: str) -> Path:
    if PurePosixPath(reference).is_absolute() or PureWindowsPath(reference).is_absolute() or reference.startswith("~"):
        raise LocalImageError(f"image path {shown} is absolute; name the file relative to the article's folder")
    folders = [base_dir.resolve()] + ([media_root.resolve()] if media_root else [])
    candidates = [(base_dir / reference)] + ([media_root / reference] if media_root else [])
    found = next((path for path in candidates if path.exists() or path.is_symlink()), candidates[0])
    path = found.resolve()  # follows every symlink on the way
    if not any(path.is_relative_to(folder) for folder in folders):
        where = "the article's folder" + (f" or the media root {str(media_root)!r}" if media_root else "")
        raise LocalImageError(f"image path {shown} leads outside {where}; copy the picture next to the article")
    if not path.is_file():
        raise LocalImageError(f"image file {shown} not found next to the article")
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        raise LocalImageError(f"{shown} is not an image file ({', '.join(IMAGE_SUFFIXES)})")
    size = path.stat().st_size
    if size > max_bytes():
        raise LocalImageError(f"image file {shown} is {size:,} bytes; the limit is {max_bytes():,} (NEWSREEL_IMAGE_MAX_BYTES)")
    with path.open("rb") as handle:
        if not looks_like_an_image(handle.read(16)):
            raise LocalImageError(f"{shown} does not hold a JPEG, PNG, WebP or GIF picture")
    return path
