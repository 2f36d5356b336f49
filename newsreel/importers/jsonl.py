"""JSON Lines articles -> the fields of an ArticleDraft. Pure Python: no Django, no database.

One JSON object per line. Fields (aliases in brackets):

    title [headline]            required
    body_markdown [body]        required, Markdown
    slug, dek, summary, section
    date [published_at, publish_at]   ISO 8601; a date without a zone is UTC
    author (one name) or authors (a list), tags (a list), sources (a list of {name, url})

Fields other systems write that Newsreel derives itself (id, word_count, summary_markdown)
are ignored. `hero_image` / `hero_alt` name a picture by URL only: with no file and no
credit there is nothing Newsreel may publish, so the hero is left out with a warning.

Images in the body. A picture alone on its line, written `![alt](/images/x.jpg "Caption (Credit)")`,
becomes a figure that references the image's URL (made absolute with `media_base`), with
the text in the title's last parentheses as its credit and the rest as its caption; a
title without parentheses is all credit. An image with no title has no credit, and
Newsreel publishes no photo without one, so it is dropped with a warning naming its line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsreel.json_input import JsonInputError, decode_line
from newsreel.newsroom.problems import FieldError

TITLE_FIELDS = ("title", "headline")
BODY_FIELDS = ("body_markdown", "body")
DATE_FIELDS = ("date", "published_at", "publish_at")
TEXT_FIELDS = ("slug", "dek", "summary", "section")
LIST_FIELDS = ("tags", "authors")
KNOWN_FIELDS = frozenset(TITLE_FIELDS + BODY_FIELDS + DATE_FIELDS + TEXT_FIELDS + LIST_FIELDS + ("author", "sources"))
# Written by other systems, derived by Newsreel itself: accepted and ignored without a word.
DERIVED_FIELDS = frozenset({"id", "word_count", "summary_markdown"})
HERO_FIELDS = frozenset({"hero_image", "hero_alt"})

_STANDALONE_IMAGE = re.compile(
    r"^\s*!\[(?P<alt>[^\]]*)\]\((?P<url>[^)\s]+)(?:\s+\"(?P<title>[^\"]*)\")?\)\s*$"
)
_LAST_PARENTHESES = re.compile(r"^(?P<caption>.*?)\s*\((?P<credit>[^()]*)\)\s*$")


@dataclass
class JsonlRecord:
    """One line of the file: the draft's fields, or the errors that stop it."""

    line: int
    fields: dict[str, Any] = field(default_factory=dict)
    errors: list[FieldError] = field(default_factory=list)
    warnings: list[FieldError] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.fields.get("slug", "")


def read_jsonl(path: Path, *, media_base: str) -> Iterator[JsonlRecord]:
    """Each non-blank line of `path` as a record, numbered from 1 like an editor numbers them."""
    for number, line in _lines(path):
        if line.strip():
            yield parse_line(line, number, media_base=media_base)


def count_records(path: Path) -> int:
    return sum(1 for _, line in _lines(path) if line.strip())


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """(number, bytes) of each line: read as bytes, so that a line that is not UTF-8 is that
    line's error (`parse_line`), not a UnicodeDecodeError that stopped the whole import. A line
    longer than MAX_LINE_BYTES is not held: it is read past in pieces and given as TOO_LONG."""
    with path.open("rb") as handle:
        number = 0
        while line := handle.readline(MAX_LINE_BYTES + 1):
            number += 1
            if len(line) > MAX_LINE_BYTES and not line.endswith(b"\n"):
                while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                line = TOO_LONG
            yield number, line


# A line no article fills (its body's limit, NEWSREEL_BODY_MAX_BYTES, is 1 MB unless raised; JSON's
# escapes can make it six times longer): held whole and parsed, a file of one 3 GB line took all
# the memory there was.
MAX_LINE_BYTES = 64 * 1024 * 1024
TOO_LONG = b"\x00too long\x00"


def parse_line(line: str | bytes, number: int, *, media_base: str) -> JsonlRecord:
    record = JsonlRecord(line=number)
    if line == TOO_LONG:
        record.errors.append(FieldError("json", f"is longer than {MAX_LINE_BYTES:,} bytes, more than any "
                                                "article holds; not read (is the file one JSON document, not JSON Lines?)"))
        return record
    try:
        data = decode_line(line, number, what="an article", expect=dict)
    except JsonInputError as error:  # the runner names the file and the line; the column is the reader's
        record.errors.append(FieldError("json", f"column {error.column}: {error.problem}"))
        return record
    record.fields, record.errors, record.warnings = draft_fields(data, media_base=media_base)
    return record


def draft_fields(data: dict[str, Any], *, media_base: str) -> tuple[dict[str, Any], list[FieldError], list[FieldError]]:
    """Map one record to ArticleDraft keyword arguments; returns (fields, errors, warnings).

    Besides the draft's fields, `body_origin_lines` maps each line of the imported body to
    the line of `body_markdown` it came from (figures take more lines than an image).
    """
    errors: list[FieldError] = []
    warnings: list[FieldError] = []
    fields: dict[str, Any] = {}
    for name in sorted(set(data) - KNOWN_FIELDS - DERIVED_FIELDS - HERO_FIELDS):
        warnings.append(FieldError(name, "is not a field Newsreel imports; ignored"))

    fields["headline"] = _first_text(data, TITLE_FIELDS, errors, required=True)
    body = _first_text(data, BODY_FIELDS, errors, required=True)
    for name in TEXT_FIELDS:
        value = _text(data.get(name), name, errors)
        if value:
            fields[name] = value
    fields["tags"] = _names(data.get("tags"), "tags", errors)
    authors = _names(data.get("authors"), "authors", errors)
    if data.get("author") not in (None, ""):
        author = _text(data.get("author"), "author", errors)
        authors = [author, *[name for name in authors if name != author]] if author else authors
    fields["authors"] = authors
    sources = data.get("sources")
    if sources not in (None, ""):
        if isinstance(sources, list):
            fields["sources"] = sources
        else:
            errors.append(FieldError("sources", "must be a list of {name, url} objects"))
    date_field = next((name for name in DATE_FIELDS if data.get(name) not in (None, "")), None)
    if date_field:
        fields["publish_at"] = _datetime(data[date_field], date_field, errors)
    if data.get("hero_image"):
        warnings.append(FieldError("hero_image", f"{data['hero_image']!r} has no file and no credit here; imported without a hero image"))
    if body:
        body, figure_warnings, origin = figures_from_images(body, media_base=media_base)
        warnings += figure_warnings
        fields["body_origin_lines"] = origin
    fields["body"] = body
    return fields, errors, warnings


def figures_from_images(body: str, *, media_base: str) -> tuple[str, list[FieldError], list[int]]:
    """Turn each standalone image into a credited figure (see the module docstring).

    Returns the new body, warnings, and for each line of the new body the line of the
    original it came from, so errors found later still name the line the writer wrote.
    """
    warnings: list[FieldError] = []
    out: list[str] = []
    origin: list[int] = []
    in_block = False
    for number, line in enumerate(body.split("\n"), start=1):
        stripped = line.strip()
        match = None if stripped.startswith(":::") else _STANDALONE_IMAGE.match(line)
        if stripped.startswith(":::"):
            in_block = stripped != ":::"  # ":::name" opens a block, a bare ":::" closes it
            new_lines = [line]
        elif match is None:
            new_lines = [line]
        elif in_block:  # already inside a figure (or another block): keep the writer's form
            new_lines = [line.replace(f"({match.group('url')}", f"({absolute_url(match.group('url'), media_base)}", 1)]
        else:
            caption, credit = split_title(match.group("title") or "")
            if credit:
                new_lines = [f":::figure credit={_quoted(credit)}",
                             f"![{match.group('alt')}]({absolute_url(match.group('url'), media_base)})",
                             *([caption] if caption else []), ":::"]
            else:
                warnings.append(FieldError("body_markdown", f"image {match.group('url')!r} has no credit (no title text); dropped", number))
                new_lines = []
        out += new_lines
        origin += [number] * len(new_lines)
    return "\n".join(out), warnings, origin


def split_title(title: str) -> tuple[str, str]:
    """'Film (Studio)' -> ('Film', 'Studio'); 'Studio' -> ('', 'Studio')."""
    title = " ".join(title.split())
    match = _LAST_PARENTHESES.match(title)
    if match and match.group("credit").strip():
        return match.group("caption").strip(), match.group("credit").strip()
    return "", title


def absolute_url(url: str, media_base: str) -> str:
    if url.startswith(("http://", "https://")) or not url.startswith("/"):
        return url
    return media_base.rstrip("/") + url


def _quoted(value: str) -> str:
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"%s"' % value.replace('"', "\u201d")


def _first_text(data: dict[str, Any], names: tuple[str, ...], errors: list[FieldError], *, required: bool) -> str:
    for name in names:
        if data.get(name) not in (None, ""):
            return _text(data[name], name, errors)
    if required:
        errors.append(FieldError(names[0], "is required" + (f" (or {', '.join(names[1:])})" if len(names) > 1 else "")))
    return ""


def _text(value: Any, name: str, errors: list[FieldError]) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip() if name not in BODY_FIELDS else value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    errors.append(FieldError(name, f"must be text, not {_json_type(value)}"))
    return ""


def _names(value: Any, name: str, errors: list[FieldError]) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [item.strip() for item in value if item.strip()]
    errors.append(FieldError(name, 'must be a list of names, e.g. ["Drama", "Festival"]'))
    return []


def _datetime(value: Any, name: str, errors: list[FieldError]) -> dt.datetime | None:
    if not isinstance(value, str):
        errors.append(FieldError(name, f"must be an ISO 8601 date-time string, not {_json_type(value)}"))
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        errors.append(FieldError(name, f"{value!r} is not a date-time like 2026-10-03T09:00:00Z"))
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "true/false", type(None): "null"}.get(type(value), type(value).__name__)
