"""What an import has already learnt about its local picture files, for the length of the import.

An archive names the same few pictures in thousands of posts (a festival's poster, a
critic's headshot). Each reference used to read the file, decode it, hash it and look it
up in the images table. Inside `remembering_files()` (an import run), a file is read,
decoded and hashed once per (path, size, modification time), and the stored picture it
became is remembered by its bytes, alt text and credit until it is discarded (its
story's transaction rolled back: `forget_image`). The same bytes stored again under
another alt or credit (a post's featured image is most often its first figure) are not
encoded again: the last few pictures' encoded renditions are kept (`remembered_encoding`),
and each stored picture gets its own copies of them. Outside the block nothing is
remembered, so an upload in the desk always reads and looks.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Hashable, Iterator, TypeVar

from newsreel.images.checks import ImageProblem, check_image_data

if TYPE_CHECKING:
    from newsreel.images.models import Image


@dataclass(frozen=True)
class FileFacts:
    """A picture file as read once: its bytes' digest, and its size or the problem that stops it."""

    digest: str
    size: tuple[int, int] | None
    problem: str = ""
    sha256: str = ""  # the whole digest (`digest` is its start, for file names)


T = TypeVar("T")

# A file's identity while it is unchanged; a file rewritten under the same name is read again.
FileKey = tuple[str, int, int]
# A stored picture's identity for reuse: (digest, name suffix, alt, credit).
StoredKey = tuple[str, str, str, str]
# Encoded renditions' identity: (SHA-256 of the stored bytes, focal point).
EncodingKey = tuple[str, tuple[float, float]]


@dataclass
class _Memory:
    files: dict[FileKey, FileFacts] = field(default_factory=dict)
    stored: dict[StoredKey, "Image"] = field(default_factory=dict)
    by_id: dict[int, "Image"] = field(default_factory=dict)
    # The last few pictures' encoded renditions, by (digest of the bytes, focal point).
    encodings: "OrderedDict[EncodingKey, Any]" = field(default_factory=OrderedDict)
    # Renditions being encoded ahead of their picture's storing, in a thread of their own.
    ahead: "OrderedDict[EncodingKey, Future]" = field(default_factory=OrderedDict)
    encoder: ThreadPoolExecutor | None = None
    # What `remembered` read once for the whole import, by name.
    readings: dict[str, Any] = field(default_factory=dict)
    real_paths: dict[str, str] = field(default_factory=dict)


_memory: ContextVar[_Memory | None] = ContextVar("newsreel_known_files", default=None)


@contextmanager
def remembering_files() -> Iterator[None]:
    """Remember picture files and the pictures stored from them until the block ends (nested: one memory)."""
    if _memory.get() is not None:
        yield
        return
    memory = _Memory()
    token = _memory.set(memory)
    try:
        yield
    finally:
        _memory.reset(token)
        if memory.encoder is not None:
            memory.encoder.shutdown(wait=True, cancel_futures=True)


def remembered(name: str, read: Callable[[], T]) -> T | None:
    """`read()`, made once per import and kept until it ends; None outside `remembering_files()`."""
    memory = _memory.get()
    if memory is None:
        return None
    if name not in memory.readings:
        memory.readings[name] = read()
    return memory.readings[name]


def remembered_for(family: str, key: Hashable, read: Callable[[], T]) -> T:
    """`read()` once per `key` for the length of the import (every time outside it); an exception is not kept."""
    memory = _memory.get()
    if memory is None:
        return read()
    kept = memory.readings.setdefault(family, {})
    if key not in kept:
        kept[key] = read()
    return kept[key]


def read_facts(path: Path, data: bytes) -> FileFacts:
    """The facts of a file's bytes: decoded within the limits and hashed."""
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        return FileFacts(sha256[:16], check_image_data(data), sha256=sha256)
    except ImageProblem as problem:
        return FileFacts(sha256[:16], None, str(problem), sha256=sha256)


def file_facts(path: Path) -> FileFacts:
    """The facts of the file at `path`, read now or remembered from earlier in the import."""
    memory = _memory.get()
    if memory is None:
        return read_facts(path, path.read_bytes())
    status = path.stat()
    # Resolved once per path spelling: resolving walks every folder of the path (a system call
    # each), for every picture of every story; the size and time still tell a changed file.
    real = memory.real_paths.get(str(path))
    if real is None:
        real = memory.real_paths[str(path)] = str(path.resolve())
    key = (real, status.st_size, status.st_mtime_ns)
    facts = memory.files.get(key)
    if facts is None:
        facts = memory.files[key] = read_facts(path, path.read_bytes())
    return facts


def stored_image(key: StoredKey, find: Callable[[], "Image | None"]) -> "Image | None":
    """The picture stored for `key` earlier in the import, else what `find` finds (then remembered)."""
    memory = _memory.get()
    if memory is not None and key in memory.stored:
        return memory.stored[key]
    image = find()
    if image is not None:
        remember_image(key, image)
    return image


# Encoded renditions kept: a story's pictures are stored together, so a few suffice, and
# each set is a few hundred kilobytes of image data.
ENCODINGS_KEPT = 8


def remembered_encoding(data: bytes, focal: tuple[float, float], encode: Callable[[], T]) -> T:
    """`encode()`, or what it gave (or is giving, ahead: `encode_ahead`) for the same bytes and focal point."""
    memory = _memory.get()
    if memory is None:
        return encode()
    key = (hashlib.sha256(data).hexdigest(), focal)
    if key in memory.encodings:
        memory.encodings.move_to_end(key)
        return memory.encodings[key]
    early = memory.ahead.pop(key, None)
    try:
        encoded = early.result() if early is not None else encode()
    except Exception:  # whatever went wrong ahead is raised here, where it is reported
        encoded = encode()
    memory.encodings[key] = encoded
    while len(memory.encodings) > ENCODINGS_KEPT:
        memory.encodings.popitem(last=False)
    return encoded


# Pictures encoded ahead at most: past it, a picture is encoded when it is stored. Each
# waiting one holds its file's bytes and its copies' in memory.
AHEAD_MAX = 8


def wants_ahead(sha256: str, focal: tuple[float, float]) -> bool:
    """Whether `encode_ahead` would take this picture: inside an import, not encoded or under way yet, room left."""
    memory = _memory.get()
    if memory is None:
        return False
    key = (sha256, focal)
    if key in memory.encodings or key in memory.ahead:
        return False
    while len(memory.ahead) >= AHEAD_MAX:
        oldest, future = next(iter(memory.ahead.items()))
        if not future.done():
            return False  # the thread is behind: this picture is encoded when it is stored
        del memory.ahead[oldest]  # never stored (it was there already), or failed: storing encodes it again
    return True


def encode_ahead(sha256: str, focal: tuple[float, float], encode: Callable[[], Any]) -> None:
    """Start encoding a picture the import is about to store, in a thread beside the import.

    Pillow leaves Python's lock while it decodes, resizes and encodes, so the copies of the
    next story's pictures are made on the machine's other core while this story is
    written; storing the picture takes them (`remembered_encoding`, by the digest of its
    bytes). Call it only when `wants_ahead` says so; nothing happens outside
    `remembering_files()`.
    """
    memory = _memory.get()
    if memory is None:
        return
    if memory.encoder is None:
        memory.encoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsreel-renditions")
    memory.ahead[(sha256, focal)] = memory.encoder.submit(encode)


def cancel_ahead(sha256: str) -> None:
    """The picture with these bytes was there already: what is encoded ahead for it is not needed."""
    memory = _memory.get()
    if memory is not None:
        for key in [key for key in memory.ahead if key[0] == sha256]:
            memory.ahead.pop(key).cancel()


def remember_image(key: StoredKey, image: "Image") -> None:
    memory = _memory.get()
    if memory is not None:
        memory.stored[key] = image
        memory.by_id[image.pk] = image


def remembered_image(pk: int) -> "Image | None":
    """The picture with this id if the import stored or reused it (its figures name it as image:ID)."""
    memory = _memory.get()
    return memory.by_id.get(pk) if memory is not None else None


def forget_image(image: "Image") -> None:
    """A picture removed (its story rolled back) is no longer there to reuse."""
    memory = _memory.get()
    if memory is not None and image.pk is not None:
        for key in [key for key, kept in memory.stored.items() if kept.pk == image.pk]:
            del memory.stored[key]
        memory.by_id.pop(image.pk, None)
