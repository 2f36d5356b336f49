"""Markdown files with optional YAML front matter -> ArticleDraft.

    ---
    headline: ...            (or a first line "# Heading" in the body)
    slug, dek, summary, section, tags, authors, sources, published_at
    hero: {image: path/relative/to/file.jpg, alt: ..., credit: ..., caption: ...}
    ---
    Body in Newsreel Markdown. Local images in figures are uploaded and referenced as image:ID.

Reading checks everything (front matter, image files, alt text, credits) and stores nothing;
the images are stored by `upsert.publish_incoming`, inside the publish's transaction.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml
from django.core.exceptions import ValidationError

from newsreel.images.models import Image
from newsreel.images.services import check_image_file, discard_image, find_or_create_image_from_path
from newsreel.newsroom.figure_paths import DESTINATION, destination, local_path
from newsreel.newsroom.intake import ArticleDraft, FieldError, IntakeError
from newsreel.newsroom.local_images import LocalImageError, local_image_path
from newsreel.newsroom.upsert import Incoming

FRONT_MATTER_FIELDS = {"headline", "title", "slug", "dek", "summary", "section", "tags", "authors", "author",
                       "hero", "sources", "published_at", "publish_at", "date", "film", "rating", "verdict"}
_FIELD_LINE = re.compile(r"^(?P<name>[A-Za-z_][\w-]*)\s*:")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(" + DESTINATION.format(name="ref") + r"(?:\s+\"[^\"]*\")?\)")
# The line that ends YAML front matter: `---`, or YAML's own document end `...` (Jekyll reads it so).
_YAML_END = re.compile(r"^(?:---|\.\.\.)\s*$", re.MULTILINE)
_FIGURE_CREDIT = re.compile(r"^:::\s*figure\b.*?credit=\"(?P<credit>[^\"]*)\"")


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, but a timestamp that names no real day (`date: 2023-02-30`) is kept as
    the text it is, so that its field is reported (YAML refused the whole file for it), and a key
    written twice in one mapping is refused."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        # PyYAML keeps the last of two `headline:` lines and drops the first without a word; YAML
        # says keys are unique. Keys a merge (`<<: *base`) brings in may be overridden, as YAML allows.
        first_lines: dict[str, int] = {}
        for key_node, _value in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            if key_node.value in first_lines:
                raise yaml.constructor.ConstructorError(
                    None, None, f"{key_node.value!r} is written twice (first on line {first_lines[key_node.value]}); "
                    "keep one", key_node.start_mark)
            first_lines[key_node.value] = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the opening ---
        return super().construct_mapping(node, deep=deep)


def _timestamp_or_text(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_or_text)
_DAY = re.compile(r"^\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})(?:$|[T\s])")


def impossible_date(value: Any) -> str:
    """Why `value`, written as a date (`2023-02-30`, `2023-04-31T20:00:00Z`), names no real day
    ("February 2023 has 28 days"); '' when it does or is not written as a date."""
    match = _DAY.match(value) if isinstance(value, str) else None
    if match is None:
        return ""
    year, month, day = (int(match.group(name)) for name in ("year", "month", "day"))
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if year < 1:
        return f"there is no year {year}"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{calendar.month_name[month]} {year} has {days} days"
    return ""


@dataclass
class ParsedFile:
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line in the file where the body starts
    field_lines: dict[str, int] = field(default_factory=dict)  # each top-level field's line in the file
    body_lines: tuple[int, ...] = ()  # each body line's line in the file, when an importer rewrote the body


def front_matter_block(text: str, start: int, end: re.Pattern[str], unclosed: str, source: str) -> tuple[str, str, int]:
    """The front matter from `start` to the first line `end` matches, the body after that line,
    and the body's first line in the file; `unclosed` is the message when no line closes it."""
    closing = end.search(text, start)
    if closing is None:
        raise IntakeError([FieldError("front matter", unclosed, 1)], source=source)
    body = text[closing.end():].lstrip("\n")
    return text[start:closing.start()], body, text[: len(text) - len(body)].count("\n") + 1


def split_front_matter(text: str, source: str) -> ParsedFile:
    """Separate YAML front matter from the body; errors name the file and line."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    opening = re.match(r"---[ \t]*\n", text)  # spaces after the dashes are allowed, as Jekyll allows them
    if opening is None:
        return ParsedFile({}, text, 1)
    raw, body, body_line = front_matter_block(text, opening.end(), _YAML_END, "opens with --- on line 1 but is never "
                                              "closed by a --- (or ...) line", source)
    try:
        meta = yaml.load(raw, Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        if isinstance(error, yaml.reader.ReaderError):  # a character YAML refuses (NUL): it has no mark, only its place
            line = raw[:error.position].count("\n") + 2
        problem = getattr(error, "problem", None) or str(error)
        raise IntakeError([FieldError("front matter", f"is not valid YAML: {problem}", line)], source=source) from None
    except RecursionError:
        raise IntakeError([FieldError("front matter", "is nested too deep (front matter is a flat list of fields)", 2)],
                          source=source) from None
    except (ValueError, OverflowError) as error:  # an integer of 5,000 digits
        raise IntakeError([FieldError("front matter", f"has a value YAML cannot read: {error}", 2)], source=source) from None
    if not isinstance(meta, dict):
        raise IntakeError([FieldError("front matter", "must be a mapping of field: value", 2)], source=source)
    _refuse_alias_bombs(meta, source)
    lines = {match.group("name"): number for number, text in enumerate(raw.split("\n"), start=2)
             if (match := _FIELD_LINE.match(text))}
    return ParsedFile(meta, body, body_line, lines)


# Values front matter may hold, counting each use of a YAML alias (`*name`) as a copy: far more
# than any story's fields, far fewer than an alias bomb spells.
MAX_FRONT_MATTER_VALUES = 100_000


def _refuse_alias_bombs(meta: dict[str, Any], source: str) -> None:
    """YAML's aliases let a few lines name a billion values ("billion laughs": nine lists of nine
    aliases of the list before) or a list inside itself (`&a [*a]`). The loader shares them, but
    everything after it that reads a value (a date's text, a layout's name, the sources saved
    with the revision) copied them out and hung the import; such front matter is refused here."""
    count, stack = 0, [(value, ()) for value in meta.values()]
    while stack:
        value, holders = stack.pop()
        count += 1
        if count > MAX_FRONT_MATTER_VALUES:
            raise IntakeError([FieldError("front matter", f"holds more than {MAX_FRONT_MATTER_VALUES:,} values once its "
                                          "aliases (*name) are expanded; write the values out instead of aliasing them",
                                          2)], source=source)
        if isinstance(value, (list, dict)):
            if id(value) in holders:
                raise IntakeError([FieldError("front matter", "has an alias (*name) inside the value it names, a value "
                                              "without end; write the value out", 2)], source=source)
            inner = value.values() if isinstance(value, dict) else value
            stack += [(item, (*holders, id(value))) for item in inner]


def read_markdown(text: str, *, base_dir: Path, source_name: str, media_root: Path | None = None) -> Incoming:
    """Read a file's text into a draft and the local images it names, checking them all.

    Nothing is stored here: `upsert.publish_incoming` stores the images (`Incoming.attach`)
    inside the publish's transaction, after the draft is valid. Image paths must stay inside
    `base_dir` (the file's folder) or `media_root` (see `newsreel.newsroom.local_images`).
    """
    parsed = split_front_matter(text, source_name)
    errors: list[FieldError] = []
    for name in sorted(set(parsed.meta) - FRONT_MATTER_FIELDS):
        errors.append(FieldError(f"front matter.{name}", f"is not a known field (known: {', '.join(sorted(FRONT_MATTER_FIELDS))})"))
    return incoming_from_meta(parsed, base_dir=base_dir, source_name=source_name, media_root=media_root, errors=errors)


def incoming_from_meta(parsed: ParsedFile, *, base_dir: Path, source_name: str, media_root: Path | None = None,
                       errors: list[FieldError] | None = None) -> Incoming:
    """The draft and images of front matter already read (Newsreel's field names) and its body.

    Importers of other front matter (Hugo, Jekyll, Eleventy) translate it and come in here."""
    meta, body = parsed.meta, parsed.body
    errors = [] if errors is None else errors
    headline = _text(meta.get("headline", meta.get("title", "")), "headline", errors)
    body_line, body_lines = parsed.body_line, tuple(parsed.body_lines)
    if not headline:
        first, _, rest = body.partition("\n")
        if first.startswith("# "):
            headline, body = first[2:].strip(), rest.lstrip("\n")
            body_line += parsed.body.count("\n") - body.count("\n")
            body_lines = body_lines[parsed.body.count("\n") - body.count("\n"):]
            body_line = body_lines[0] if body_lines else body_line
    authors = meta.get("authors", meta.get("author", []))
    draft = ArticleDraft(
        headline=headline,
        body=body,
        slug=_text(meta.get("slug", ""), "slug", errors),
        dek=_text(meta.get("dek", ""), "dek", errors),
        summary=_text(meta.get("summary", ""), "summary", errors),
        section=_text(meta.get("section", ""), "section", errors),
        tags=_list(meta.get("tags", []), "tags", errors),
        authors=_list(authors, "authors", errors),
        sources=meta.get("sources", []) or [],
        publish_at=_datetime(meta, parsed.field_lines, errors),
        # Checked by the intake against the knowledge graph and the site's rating scale.
        film=meta.get("film") or "", rating=meta.get("rating"), verdict=meta.get("verdict") or "",
        body_line=body_line, field_lines=parsed.field_lines, body_lines=body_lines,
    )
    images = LocalImages(base_dir, media_root)
    hero = _hero(meta.get("hero"), errors)
    if hero is not None:
        images.check(hero, errors)
    _figures(draft.body, draft.file_line, lambda image: images.check(image, errors))
    if errors:
        raise IntakeError(errors, source=source_name)
    return Incoming(draft, attach=lambda valid: images.attach(valid, hero), discard=images.discard)


@dataclass(frozen=True)
class LocalImage:
    """An image file the article names by a path relative to itself."""

    path: str
    alt: str
    credit: str
    caption: str
    where: str  # the field that names it: "front matter.hero" or "body figure"
    line: int | None


class LocalImages:
    """The images of one file: checked when read, stored when the draft is valid."""

    def __init__(self, base_dir: Path, media_root: Path | None = None) -> None:
        self.base_dir, self.media_root = base_dir, media_root
        self.created: list[Image] = []

    def check(self, image: LocalImage, errors: list[FieldError]) -> None:
        try:
            path = local_image_path(image.path, self.base_dir, self.media_root)
        except LocalImageError as error:
            errors.append(FieldError(image.where, str(error), image.line))
            return
        try:
            check_image_file(path, alt=image.alt, credit=image.credit, caption=image.caption)
        except ValidationError as error:
            errors += [FieldError(f"{image.where}.{name}", " ".join(texts), image.line)
                       for name, texts in error.message_dict.items()]

    def store(self, image: LocalImage) -> int:
        stored, created = find_or_create_image_from_path(
            local_image_path(image.path, self.base_dir, self.media_root),
            alt=image.alt, credit=image.credit, caption=image.caption)
        if created:
            self.created.append(stored)
        return stored.pk

    def attach(self, draft: ArticleDraft, hero: LocalImage | None) -> ArticleDraft:
        """The draft with each local image stored once and named as image:ID."""
        if hero is not None:
            draft.hero_image = self.store(hero)
        draft.body = _figures(draft.body, draft.file_line, self.store)
        return draft

    def discard(self) -> None:
        """Delete the files stored for this article (its transaction rolled back)."""
        for image in self.created:
            discard_image(image)
        self.created.clear()


def _text(value: Any, name: str, errors: list[FieldError]) -> str:
    if value is None:
        return ""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip()
    errors.append(FieldError(f"front matter.{name}", f"must be text, not {type(value).__name__}"))
    return ""


def _list(value: Any, name: str, errors: list[FieldError]) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list) and all(isinstance(item, (str, int)) for item in value):
        return [str(item).strip() for item in value]
    errors.append(FieldError(f"front matter.{name}", "must be a list of names, e.g. [Drama, Festival]"))
    return []


def _datetime(meta: dict[str, Any], lines: dict[str, int], errors: list[FieldError]) -> dt.datetime | None:
    """The publication time the front matter gives (`published_at`, `publish_at` or `date`)."""
    key = next((name for name in ("published_at", "publish_at", "date") if name in meta), "published_at")
    value = meta.get(key)
    if value in (None, ""):
        return None
    why = impossible_date(value)
    if why:
        errors.append(FieldError(f"front matter.{key}", f"{value} is not a date ({why})", lines.get(key)))
        return None
    moment = as_moment(value)
    if moment is None:
        errors.append(FieldError("front matter.published_at", f"{value!r} is not a date-time like 2026-10-03T09:00:00Z"))
    return moment


def as_moment(value: Any) -> dt.datetime | None:
    """The time a front matter date stands for, as the intake reads it (a day alone: 09:00 UTC; a
    time without an offset: UTC); None for a value it cannot read as one."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, 9, 0, tzinfo=dt.timezone.utc)
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _hero(value: Any, errors: list[FieldError]) -> LocalImage | None:
    if value in (None, ""):
        return None
    if not isinstance(value, dict) or not value.get("image"):
        errors.append(FieldError("front matter.hero", "must be {image: path, alt: ..., credit: ...}"))
        return None
    return LocalImage(str(value["image"]), alt=str(value.get("alt") or ""), credit=str(value.get("credit") or ""),
                      caption=str(value.get("caption") or ""), where="front matter.hero", line=None)


def _figures(body: str, file_line: Callable[[int], int], visit: Callable[[LocalImage], int | None]) -> str:
    """Call `visit` on each local image in the body's figures; an id it returns replaces the path.
    `file_line` gives the file's line of a body line (`ArticleDraft.file_line`)."""
    lines = body.split("\n")
    credit = ""
    for index, line in enumerate(lines):
        opening = _FIGURE_CREDIT.match(line.strip())
        if line.strip().startswith(":::"):
            credit = opening.group("credit") if opening else ""

        def replace(match: re.Match) -> str:
            ref = destination(match, "ref")
            if ref.startswith(("image:", "http://", "https://", "/")):
                return match.group(0)
            image_id = visit(LocalImage(local_path(ref), alt=match.group("alt"), credit=credit, caption="",
                                        where="body figure", line=file_line(index + 1)))
            if image_id is None:
                return match.group(0)
            start, end = (span - match.start() for span in match.span("ref_angled" if match.group("ref_angled") is not None
                                                                       else "ref_bare"))
            if match.group("ref_angled") is not None:
                start, end = start - 1, end + 1  # the brackets go with the path
            return match.group(0)[:start] + f"image:{image_id}" + match.group(0)[end:]
        lines[index] = _IMAGE.sub(replace, line)
    return "\n".join(lines)


# For importers that write figures naming local files (the same check and store as a file's).
visit_figures = _figures

