"""What every source reader shares: the selection, errors with their place, opening
compressed files, and keys for films and people that stay the same on every re-import."""

from __future__ import annotations

import bz2
import datetime as dt
import gzip
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from newsreel.json_input import JsonInputError, decode_document, decode_line, utf8_text
from newsreel.slugs import slug_of

KEY_LENGTH = 120
MAX_ALIASES = 10


class SourceError(ValueError):
    """A source file cannot be read as its format says; the message names the file and line."""


@dataclass(frozen=True)
class Selection:
    """Which films to keep, and how much of each."""

    types: tuple[str, ...] = ()  # the source's own film types (IMDb titleType, Wikidata classes); () = its default
    min_year: int | None = None
    max_year: int | None = None
    min_votes: int | None = None
    max_cast: int = 15  # cast members kept per film, in billing order
    aka_regions: tuple[str, ...] = ("US", "GB")  # IMDb: regions whose titles become aliases

    def year_ok(self, year: int | None) -> bool:
        if year is None:
            return self.min_year is None and self.max_year is None
        return (self.min_year is None or year >= self.min_year) and (self.max_year is None or year <= self.max_year)


GZIP_MAGIC, BZIP2_MAGIC = b"\x1f\x8b", b"BZh"


def open_bytes(path: Path) -> io.BufferedIOBase:
    """A file, plain or compressed (gzip, bzip2), as bytes: lines are read as UTF-8 one at a time
    (`numbered_lines`), so a byte that is not is named with its line and column. Compression is
    told by the file's first bytes, not its name: a browser unpacks a .gz as it downloads it and
    keeps the name, and a packed file can lose its suffix."""
    try:
        with path.open("rb") as handle:
            start = handle.read(3)
        if start.startswith(GZIP_MAGIC):
            return gzip.open(path, "rb")
        if start == BZIP2_MAGIC:
            return bz2.open(path, "rb")
        return path.open("rb")
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from None


# The longest line a reader holds. Wikidata's largest entities are a few megabytes of JSON; a file of
# one endless line (a .gz that unpacks to gigabytes without a line end) took all the memory there was.
MAX_LINE_BYTES = 64 * 1024 * 1024


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, line without its end) for each line; bad bytes and bad compression are
    errors naming the line."""
    number = 0
    with open_bytes(path) as handle:
        try:
            while line := handle.readline(MAX_LINE_BYTES + 1):
                number += 1
                if len(line) > MAX_LINE_BYTES:
                    raise SourceError(f"{path}, line {number}: is longer than {MAX_LINE_BYTES:,} bytes, more than "
                                      "any record of the source holds; is the file cut or not the dataset it is named?")
                yield number, _text(line, path, number).rstrip("\r\n")
        except JsonInputError as error:
            raise SourceError(str(error)) from None
        except SourceError:  # a ValueError too, but not one of decompression
            raise
        except (OSError, EOFError, ValueError) as error:  # a truncated or corrupt .gz / .bz2
            raise SourceError(f"{path}, after line {number}: cannot be decompressed: {error}") from None


def _text(line: bytes, path: Path, number: int) -> str:
    """A line as UTF-8. The first line is read by the shared reader, which knows a byte-order mark
    and UTF-16 (a file is UTF-16 from its first line); the others only when they are not UTF-8, for
    the message: IMDb's largest file has some ninety million lines."""
    if number > 1:
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            pass
    return utf8_text(line, source=str(path), first_line=number, bom_allowed=number == 1)


def json_of(text: str | bytes, path: Path, what: str, line: int | None = None, *,
            repeated_keys_refused: bool = True) -> object:
    """`text` (a whole file, or line `line` of one) read as JSON, or SourceError naming the file,
    line and column and what is wrong there (`newsreel.json_input`)."""
    try:
        if line is None:
            return decode_document(text, source=str(path), what=what, repeated_keys_refused=repeated_keys_refused)
        return decode_line(text, line, source=str(path), what=what, repeated_keys_refused=repeated_keys_refused)
    except JsonInputError as error:
        raise SourceError(str(error)) from None


# Control characters (C0, DEL, C1) no title or name holds, and lone UTF-16 surrogates, which JSON's
# "\ud800" escapes can give and no database stores: the graph's checks refused the whole import for one.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def clip(text: str | None, length: int) -> str:
    """Text cut to a field's length at a word where possible; control characters as spaces, a lone
    surrogate (half of a character cut in two) as the replacement character U+FFFD."""
    text = _LONE_SURROGATE.sub("\ufffd", _CONTROL.sub(" ", text or ""))
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    cut = text[:length].rsplit(" ", 1)[0]
    return cut if len(cut) > length // 2 else text[:length]


def real_day(text: str) -> str:
    """`text` when it is a day of the calendar written YYYY-MM-DD, else "" (2019-02-30, 2019-1-1)."""
    try:
        return dt.date.fromisoformat(text).isoformat() if len(text) == 10 else ""
    except ValueError:
        return ""


def aliases_of(name: str, candidates) -> list[str]:
    """Other names, without the name itself or repeats (case aside), at most MAX_ALIASES."""
    seen = {name.casefold()}
    found = []
    for candidate in candidates:
        candidate = clip(candidate, 300)
        if candidate and candidate.casefold() not in seen:
            seen.add(candidate.casefold())
            found.append(candidate)
    return found[:MAX_ALIASES]


class Keys:
    """Keys for films and people that stay the same on every re-import: the key an entity
    already has (found by its external id), or a new one from its name and year, made unique
    with the external id when another entity holds it. A film typed by hand under the same key
    and without this id is taken to be the same film (the import gives it the id)."""

    def __init__(self, model: type, field_name: str) -> None:
        self.model, self.field_name = model, field_name  # field_name: imdb_id, wikidata_id or tmdb_id
        self._holders: dict[str, str] | None = None  # key -> external id of whoever holds it ("" for none)
        self._keys: dict[str, str] = {}  # external id -> key

    def _load(self) -> dict[str, str]:
        if self._holders is None:
            self._holders = dict(self.model.objects.values_list("key", self.field_name).iterator(chunk_size=5000))
            self._keys = {external: key for key, external in self._holders.items() if external}
        return self._holders

    def key_for(self, external_id: str, *words) -> str:
        holders = self._load()
        if external_id in self._keys:
            return self._keys[external_id]
        base = slug_of(" ".join(str(word) for word in words if word))[:KEY_LENGTH].strip("-")
        tail = slug_of(external_id)
        key = base or tail
        if holders.get(key, "") not in ("", external_id):
            key = f"{base[:KEY_LENGTH - len(tail) - 1].strip('-')}-{tail}" if base else tail
        holders[key] = external_id
        self._keys[external_id] = key
        return key
