"""A WordPress export in one or several files -> its parts, each parsed on its own, and one site.

WP-CLI's `wp export` splits a site at 15 MB into `site.wordpress.DATE.000.xml`, `.001.xml`, …;
WordPress.com's "Export all" is a .zip of such files, sometimes inside a folder. Each part is a
whole WXR document (the channel header, then a subset of the items), and a post's featured image
may be in another part than the post: posts are planned part by part (each problem at its own
part's line), while attachments, authors, guest authors and reusable blocks are looked up in all.

A zip is read in memory, never extracted. A member is refused before it is read when it declares
more than MAX_PART_BYTES, or expands more than BOMB_RATIO times (past BOMB_CHECKED_FROM bytes):
WXR is text and compresses perhaps twenty times, a zip bomb a thousand. What is read is capped
at MAX_PART_BYTES too, so a header that lies about the size cannot exhaust memory.

Every part is read before anything is planned: an unreadable part refuses the whole import, as
the attachments and bylines it holds may be another part's.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Callable

from newsreel.importers.wxr import WxrError, WxrExport, parse_wxr

MAX_PART_BYTES = 1 << 30  # 1 GiB per part: WP-CLI's parts are 15 MB, a whole site's one file rarely 500 MB
BOMB_RATIO = 200  # uncompressed / compressed size past which a member is taken for a zip bomb
BOMB_CHECKED_FROM = 50 << 20  # a small member may compress well (a file of repeated rows) and harms nothing
_NO_PART = "no .xml file in the {kind} (a WordPress export's parts end in .xml)"


@dataclass
class WxrPart:
    """One file of an export: the name its messages begin with, and what was read from it."""

    name: str
    export: WxrExport


def _natural(name: str) -> list[object]:
    """A sort key reading runs of digits as numbers ('site.2.xml' before 'site.10.xml')."""
    return [(0, int(run), "") if run.isdigit() else (1, 0, run.lower()) for run in re.split(r"(\d+)", name) if run]


def _is_part(name: str) -> bool:
    """A zip member or file name that may be a part: ends in .xml, not a dot-file, not macOS's resource forks."""
    parts = PurePosixPath(name).parts
    return bool(parts) and name.lower().endswith(".xml") and parts[0] != "__MACOSX" \
        and not any(part.startswith(".") for part in parts)


def part_names(source: Path) -> list[str]:
    """The name of each part of `source` (a .xml file, a folder of parts, or a .zip), in reading order."""
    with ExitStack() as stack:
        return [name for name, _read in _sources(source, stack)]


def read_parts(source: Path) -> list[WxrPart]:
    """Every part of `source`, each parsed on its own; raises WxrError naming the part when one cannot be read."""
    parts: list[WxrPart] = []
    with ExitStack() as stack:  # a zip stays open while its members are read, and no longer
        for name, read in _sources(source, stack):
            raw = read()
            try:
                parts.append(WxrPart(name, parse_wxr(raw)))
            except WxrError as error:
                raise WxrError(f"{name}: {error}") from None
            del raw  # one part's bytes in memory at a time
    return parts


def _sources(source: Path, stack: ExitStack) -> list[tuple[str, Callable[[], bytes]]]:
    """(name, a function reading its bytes) for each part, in natural name order."""
    if source.is_dir():
        files = sorted((path for path in source.iterdir() if path.is_file() and _is_part(path.name)),
                       key=lambda path: _natural(path.name))
        if not files:
            raise WxrError(f"{source}: " + _NO_PART.format(kind="folder"))
        return [(str(path), lambda path=path: _file_bytes(path)) for path in files]
    if source.suffix.lower() == ".zip" or _looks_zipped(source):
        return _zip_sources(source, stack)
    return [(str(source), lambda: _file_bytes(source))]


def _file_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise WxrError(f"{path}: cannot be read ({error.strerror or error})") from None


def _looks_zipped(path: Path) -> bool:
    """Whether a file not named .zip begins as one (a download saved without its extension)."""
    try:
        with path.open("rb") as file:
            return file.read(4) == b"PK\x03\x04"
    except OSError:
        return False


def _zip_sources(source: Path, stack: ExitStack) -> list[tuple[str, Callable[[], bytes]]]:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise WxrError(f"{source}: not a zip file or a damaged one ({error})") from None
    stack.enter_context(archive)
    members = sorted((info for info in archive.infolist() if not info.is_dir() and _is_part(info.filename)),
                     key=lambda info: _natural(info.filename))
    if not members:
        raise WxrError(f"{source}: " + _NO_PART.format(kind="zip"))
    for info in members:  # every member checked before any is read: nothing is parsed from a zip refused
        _check_member(f"{source}:{info.filename}", info)
    return [(f"{source}:{info.filename}", lambda info=info: _member_bytes(archive, info, f"{source}:{info.filename}"))
            for info in members]


def _check_member(name: str, info: zipfile.ZipInfo) -> None:
    """Refuse an encrypted member, or one whose declared size is too large to be read, before reading it."""
    if info.flag_bits & 0x1:
        raise WxrError(f"{name}: is encrypted; export again without a password (or unzip it yourself)")
    if info.file_size > MAX_PART_BYTES:
        raise WxrError(f"{name}: is {info.file_size:,} bytes uncompressed, larger than the {MAX_PART_BYTES:,} bytes "
                       "a part may be; refused unread (split the export: `wp export --max_file_size=15`)")
    if info.file_size > BOMB_CHECKED_FROM and info.file_size > BOMB_RATIO * max(info.compress_size, 1):
        raise WxrError(f"{name}: expands {info.compress_size:,} bytes into {info.file_size:,}, more than "
                       f"{BOMB_RATIO} times, as no export compresses; refused unread as a zip bomb")


def _member_bytes(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    """A member's bytes, read with a cap (a header may lie about the size) and its CRC checked."""
    try:
        with archive.open(info) as member:
            data = member.read(MAX_PART_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as error:
        # RuntimeError: zipfile's "encrypted, password required"; NotImplementedError: a compression it lacks.
        raise WxrError(f"{name}: cannot be read from the zip, which is damaged or unusual ({error})") from None
    if len(data) > MAX_PART_BYTES:
        raise WxrError(f"{name}: holds more than the {MAX_PART_BYTES:,} bytes a part may be; refused")
    return data


def one_site(parts: list[WxrPart]) -> WxrExport:
    """What the parts share, for lookups across them: every author, category and item (attachments,
    guest authors, reusable blocks), and the site's address; raises WxrError when two parts are two sites'."""
    first = next((part for part in parts if part.export.site_url), parts[0])
    for part in parts:
        if part.export.site_url and _site(part.export.site_url) != _site(first.export.site_url):
            raise WxrError(f"{first.name} is an export of {first.export.site_url} and {part.name} of "
                           f"{part.export.site_url}: two sites' exports, not parts of one; import each on its own")
    site = WxrExport(version=first.export.version, site_url=first.export.site_url,
                     base_blog_url=next((part.export.base_blog_url for part in parts if part.export.base_blog_url), ""),
                     generator=first.export.generator, authors={}, categories={}, items=[], problems=[])
    for part in parts:
        for login, author in part.export.authors.items():
            site.authors.setdefault(login, author)
        for slug, term in part.export.categories.items():
            site.categories.setdefault(slug, term)
        site.items += part.export.items
    return site


def _site(url: str) -> str:
    """A site's address as its source keys hold it (no scheme, no trailing slash)."""
    return re.sub(r"^[a-z]+://", "", url.strip().lower()).rstrip("/")
