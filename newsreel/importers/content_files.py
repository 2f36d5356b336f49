"""Reading a content export (newsreel.exporters.content) back: every file checked before anything is written.

Problems name the file and, inside it, the JSON path or the story's line and field; any
problem in the shared files (manifest, site, images, graph, redirects) stops the import
before it changes anything. Story files are read here too, each into the intake's draft
(`newsreel.newsroom.frontmatter`, the reader `newsreel publish` uses).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsreel.exporters.content import format as layout
from newsreel.json_input import JsonInputError, decode_document
from newsreel.newsroom.frontmatter import FRONT_MATTER_FIELDS, ParsedFile, incoming_from_meta, split_front_matter
from newsreel.newsroom.intake import FieldError, IntakeError
from newsreel.newsroom.models import WorkflowState
from newsreel.newsroom.upsert import Incoming

STATES = {WorkflowState.DRAFT, WorkflowState.IN_REVIEW, WorkflowState.CHANGES_REQUESTED, WorkflowState.SCHEDULED,
          WorkflowState.PUBLISHED, WorkflowState.UNPUBLISHED}
_NESTED_FIELD = re.compile(r"^  ([A-Za-z_]\w*)\s*:")
# An address on this site: one leading slash ("//host" and "/\\host" are other hosts to a
# browser), no whitespace, control character or backslash. Every redirect Newsreel stores sends
# one of these to another (a changed slug, an imported permalink).
_SITE_ADDRESS = re.compile(r"/(?![/\\])[^\s\x00-\x1f\x7f\\]*\Z")
TIME_FIELDS = ("published_at", "first_published_at", "went_live_at", "unpublish_at", "created_at", "updated_at",
               "revision_created_at")


class ContentFilesError(ValueError):
    """The export cannot be read; `problems` lists each "file: where: what"."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class Story:
    """One story file, read: its draft (through the intake's reader) and what rebuilds it exactly."""

    source: str  # stories/SLUG.md, for messages
    incoming: Incoming
    extra: dict[str, Any]
    pending: Incoming | None = None
    pending_extra: dict[str, Any] = field(default_factory=dict)
    revisions: list[dict] | None = None
    # The revision the intake made from the story file (its save time is put back).
    revision_id: int | None = None

    @property
    def id(self) -> int:
        return self.extra["id"]

    @property
    def state(self) -> str:
        return self.extra["state"]


@dataclass
class ContentFiles:
    root: Path
    manifest: dict[str, Any]
    site: dict[str, Any]
    images: list[dict[str, Any]]
    graph: dict[str, Any]
    graph_extra: dict[str, Any]
    redirects: list[dict[str, str]]
    stories: list[Story]
    problems: list[str] = field(default_factory=list)  # story files that cannot be read


def parse_time(value: Any, where: str, problems: list[str]) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
    try:
        parsed = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        problems.append(f"{where}: {value!r} is not a time like 2026-10-03T09:00:00+00:00")
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _json(root: Path, name: str, key: str | None, problems: list[str]) -> Any:
    path = root / name
    try:
        data = decode_document(path.read_bytes(), source=name, what=f"a content export's {name}", expect=dict)
    except FileNotFoundError:
        problems.append(f"{name}: missing (is {root} a content export?)")
        return None
    except OSError as error:
        problems.append(f"{name}: cannot read: {error}")
        return None
    except JsonInputError as error:
        problems.append(str(error))
        return None
    if key is not None and not isinstance(data.get(key), list):
        problems.append(f"{name}: .{key} must be a list")
        return None
    return data


def read_content(root: Path) -> ContentFiles:
    """Everything in the export, checked; ContentFilesError lists every problem of the shared files."""
    problems: list[str] = []
    if not root.is_dir():
        raise ContentFilesError([f"{root}: no such folder"])
    manifest = _json(root, layout.MANIFEST, None, problems) or {}
    if manifest and manifest.get("format") != layout.FORMAT_NAME:
        problems.append(f"{layout.MANIFEST}: .format is {manifest.get('format')!r}, not {layout.FORMAT_NAME!r}")
    elif manifest and manifest.get("version") != layout.FORMAT_VERSION:
        problems.append(f"{layout.MANIFEST}: .version is {manifest.get('version')!r}; this Newsreel reads version "
                        f"{layout.FORMAT_VERSION}")
    site = _json(root, layout.SITE, None, problems) or {}
    for key in ("sections", "tags", "authors", "users"):
        if site and not isinstance(site.get(key), list):
            problems.append(f"{layout.SITE}: .{key} must be a list")
        elif site:
            _check_entries(layout.SITE, key, site[key], SITE_ENTRIES[key], problems)
    if site and not isinstance(site.get("settings"), dict):
        problems.append(f"{layout.SITE}: .settings must be an object")
    images = (_json(root, layout.IMAGES, "images", problems) or {}).get("images") or []
    image_ids = _check_images(root, images, problems)
    graph = _json(root, layout.GRAPH, None, problems) or {}
    graph_extra = _json(root, layout.GRAPH_EXTRA, None, problems) or {}
    for kind, picture in (("films", "poster"), ("people", "photo")):
        for key, entry in (graph_extra.get(kind) or {}).items():
            if isinstance(entry, dict) and entry.get(picture) is not None and entry[picture] not in image_ids:
                problems.append(f"{layout.GRAPH_EXTRA}: .{kind}.{key}.{picture}: image {entry[picture]} is not in "
                                f"{layout.IMAGES}")
    redirects = (_json(root, layout.REDIRECTS, "redirects", problems) or {}).get("redirects") or []
    for index, entry in enumerate(redirects):
        problems.extend(_redirect_problems(index, entry))
    for index, author in enumerate(site.get("authors") or []):
        if isinstance(author, dict) and author.get("photo") is not None and author["photo"] not in image_ids:
            problems.append(f"{layout.SITE}: .authors[{index}].photo: image {author['photo']} is not in {layout.IMAGES}")
    logo = (site.get("settings") or {}).get("logo") if isinstance(site.get("settings"), dict) else None
    if logo is not None and logo not in image_ids:
        problems.append(f"{layout.SITE}: .settings.logo: image {logo} is not in {layout.IMAGES}")
    if problems:
        raise ContentFilesError(problems)
    stories, story_problems = _read_stories(root, image_ids)
    return ContentFiles(root=root, manifest=manifest, site=site, images=images, graph=graph, graph_extra=graph_extra,
                        redirects=redirects, stories=stories, problems=story_problems)


# What each entry the import writes must hold: field -> (its JSON kinds, whether it must be there).
# Checked with everything else before anything is written: an entry of another shape (a tag
# without a slug, a section named by a list) stopped the import with a traceback half-way.
Fields = dict[str, tuple[tuple[str, ...], bool]]
SITE_ENTRIES: dict[str, Fields] = {
    "sections": {"id": (("whole number",), True), "slug": (("text",), True), "name": (("text",), True),
                 "description": (("text", "null"), False), "order": (("whole number", "null"), False)},
    "tags": {"id": (("whole number",), True), "slug": (("text",), True), "name": (("text",), True)},
    "authors": {"id": (("whole number",), True), "slug": (("text",), True), "name": (("text",), True),
                "bio": (("text", "null"), False), "photo": (("whole number", "null"), False),
                "website": (("text", "null"), False), "social_links": (("list", "null"), False),
                "user": (("text", "null"), False)},
    "users": {"username": (("text",), True), "email": (("text", "null"), False), "first_name": (("text", "null"), False),
              "last_name": (("text", "null"), False), "role": (("text", "null"), False),
              "is_superuser": (("true or false",), False), "is_staff": (("true or false",), False),
              "is_active": (("true or false",), False)},
}
IMAGE_FIELDS: Fields = {"caption": (("text", "null"), False), "focal_x": (("number",), False),
                        "focal_y": (("number",), False), "films": (("list of texts",), False),
                        "people": (("list of texts",), False)}
EXTRA_FIELDS: Fields = {"body_leading_newlines": (("whole number", "null"), False), "created_by": (("text", "null"), False),
                        "bylines": (("list of texts",), False), "tags": (("list of texts",), False),
                        "source_ids": (("list",), False), "quote_checks": (("list",), False),
                        "revision_numbers": (("object", "null"), False), "trashed": (("object", "null"), False)}
SOURCE_ID_FIELDS: Fields = {"source": (("text",), True), "external_id": (("text",), True),
                            "wordpress_post_id": (("whole number", "null"), False)}
QUOTE_CHECK_FIELDS: Fields = {"text": (("text",), True), "verdict": (("text",), True),
                              "person": (("text", "null"), False), "checked_by": (("text", "null"), False)}
REVISION_FIELDS: Fields = {"number": (("whole number",), True), "content": (("object",), True),
                           "derived": (("object", "null"), False), "origin": (("text", "null"), False),
                           "created_by": (("text", "null"), False)}
_KINDS = {
    "whole number": lambda value: isinstance(value, int) and not isinstance(value, bool),
    "number": lambda value: isinstance(value, (int, float)) and not isinstance(value, bool),
    "text": lambda value: isinstance(value, str), "null": lambda value: value is None,
    "true or false": lambda value: isinstance(value, bool), "list": lambda value: isinstance(value, list),
    "object": lambda value: isinstance(value, dict),
    "list of texts": lambda value: isinstance(value, list) and all(isinstance(item, str) for item in value),
}


def _check_fields(where: str, entry: dict, fields: Fields, problems: list[str]) -> bool:
    """Whether each field of `entry` is of its kind; a problem naming its JSON path for each that is not."""
    fine = True
    for name, (kinds, required) in fields.items():
        if name not in entry:
            if required:
                problems.append(f"{where}.{name}: is missing")
                fine = False
            continue
        if not any(_KINDS[kind](entry[name]) for kind in kinds):
            problems.append(f"{where}.{name}: must be {' or '.join(kinds)}, not {json.dumps(entry[name])[:60]}")
            fine = False
    return fine


def _check_entries(file: str, key: str, entries: list, fields: Fields, problems: list[str]) -> None:
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            problems.append(f"{file}: .{key}[{index}]: must be an object")
        else:
            _check_fields(f"{file}: .{key}[{index}]", entry, fields, problems)


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, its symlinks followed, is in the export: an export is read as it was
    written, so a link out of it (to another picture or a file on this machine) is refused."""
    return path.resolve().is_relative_to(root.resolve())


def _check_images(root: Path, images: list, problems: list[str]) -> set[int]:
    ids: set[int] = set()
    for index, image in enumerate(images):
        where = f"{layout.IMAGES}: .images[{index}]"
        if not isinstance(image, dict) or not isinstance(image.get("id"), int) or isinstance(image.get("id"), bool):
            problems.append(f"{where}: must be an object with a whole-number id")
            continue
        if image["id"] in ids:
            problems.append(f"{where}.id: {image['id']} appears twice")
        name = image.get("file")
        if not isinstance(name, str) or not name.startswith(layout.MEDIA + "/") or ".." in Path(name).parts:
            problems.append(f"{where}.file: {name!r} must be a path under {layout.MEDIA}/")
        elif not inside(root, root / name):
            problems.append(f"{where}.file: {name!r} is a link to a file outside the export; copy the picture into it")
        elif not (root / name).is_file():
            problems.append(f"{where}.file: {name!r}: no such file in the export")
        for text in ("alt", "credit"):
            if not isinstance(image.get(text), str) or not image[text].strip():
                problems.append(f"{where}.{text}: every image needs {'alt text' if text == 'alt' else 'a credit'}")
        parse_time(image.get("uploaded_at"), f"{where}.uploaded_at", problems)
        _check_fields(where, image, IMAGE_FIELDS, problems)
        ids.add(image["id"])
    return ids


def _redirect_problems(index: int, entry: Any) -> list[str]:
    """What is wrong with one entry of redirects.json: both ends must be addresses on this site."""
    where = f"{layout.REDIRECTS}: .redirects[{index}]"
    if not (isinstance(entry, dict) and isinstance(entry.get("path"), str) and isinstance(entry.get("location"), str)):
        return [f"{where}: must be {{\"path\": \"/old/\", \"location\": \"/new/\"}}"]
    return [f"{where}.{end}: must be an address on this site (a path after one /), not {entry[end][:80]!r}"
            for end in ("path", "location") if not _SITE_ADDRESS.match(entry[end])]


def _read_stories(root: Path, image_ids: set[int]) -> tuple[list[Story], list[str]]:
    folder = root / layout.STORIES
    problems: list[str] = []
    stories: dict[str, Story] = {}
    pending: dict[str, Path] = {}
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        source = f"{layout.STORIES}/{path.name}"
        if not inside(root, path):
            problems.append(f"{source}: a link to a file outside the export; copy the story into it")
            continue
        if path.name.endswith(layout.PENDING_SUFFIX):
            pending[path.name[: -len(layout.PENDING_SUFFIX)]] = path
            continue
        try:
            incoming, extra = read_story(path, source, image_ids)
        except IntakeError as error:
            problems.append(str(error))
            continue
        stories[path.name[:-3]] = Story(source, incoming, extra)
    for stem, path in pending.items():
        source = f"{layout.STORIES}/{path.name}"
        story = stories.get(stem)
        if story is None:
            problems.append(f"{source}: no {layout.STORIES}/{stem}.md beside it (a pending edit belongs to a story)")
            continue
        try:
            story.pending, story.pending_extra = read_story(path, source, image_ids, pending=True)
        except IntakeError as error:
            problems.append(str(error))
    revisions = root / layout.REVISIONS
    for stem, story in stories.items():
        path = revisions / f"{stem}.json"
        if path.is_file():
            data = _json(revisions, path.name, "revisions", problems)
            if data is not None:
                count = len(problems)
                _check_entries(f"{layout.REVISIONS}/{path.name}", "revisions", data["revisions"], REVISION_FIELDS, problems)
                story.revisions = data["revisions"] if len(problems) == count else None
    ordered = sorted(stories.values(), key=lambda story: story.id)
    seen: dict[int, str] = {}
    for story in ordered:
        if story.id in seen:
            problems.append(f"{story.source}: front matter.{layout.EXTRA_KEY}.id: {story.id} is also the id of "
                            f"{seen[story.id]}")
        seen.setdefault(story.id, story.source)
    return ordered, problems


def read_story(path: Path, source: str, image_ids: set[int], *, pending: bool = False
               ) -> tuple[Incoming, dict[str, Any]]:
    """A story file as the intake's Incoming and its `newsreel:` block; IntakeError naming file, line, field."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise IntakeError([FieldError("file", f"cannot read: {error}")], source=source) from None
    parsed = split_front_matter(text, source)
    meta = dict(parsed.meta)
    extra = meta.pop(layout.EXTRA_KEY, None)
    where = f"front matter.{layout.EXTRA_KEY}"
    block_line = parsed.field_lines.get(layout.EXTRA_KEY)
    lines = _block_lines(text, block_line)
    errors: list[FieldError] = []
    if not isinstance(extra, dict):
        raise IntakeError([FieldError(where, "is missing (every exported story has one)", block_line)], source=source)
    for name in sorted(set(meta) - FRONT_MATTER_FIELDS):
        errors.append(FieldError(f"front matter.{name}", "is not a known field", parsed.field_lines.get(name)))
    if "hero" in meta:
        errors.append(FieldError("front matter.hero", f"an exported story names its hero as {layout.EXTRA_KEY}.hero_image",
                                 parsed.field_lines.get("hero")))
    if not pending:
        if not isinstance(extra.get("id"), int) or isinstance(extra.get("id"), bool) or extra["id"] < 1:
            errors.append(FieldError(f"{where}.id", "must be the story's id, a whole number above 0", lines.get("id")))
        if not isinstance(extra.get("state"), str) or extra["state"] not in STATES:
            errors.append(FieldError(f"{where}.state", f"{extra.get('state')!r} is not one of: {', '.join(sorted(STATES))}",
                                     lines.get("state")))
        time_problems: list[str] = []
        for name in TIME_FIELDS:
            extra[name] = parse_time(extra.get(name), name, time_problems)
        errors += [FieldError(f"{where}.{problem.split(':', 1)[0]}", problem.split(": ", 1)[1],
                              lines.get(problem.split(':', 1)[0])) for problem in time_problems]
        for name in ("bylines", "tags"):
            if not isinstance(extra.get(name, []), list):
                errors.append(FieldError(f"{where}.{name}", "must be a list of slugs", lines.get(name)))
    errors += _extra_errors(extra, where, lines)
    hero = extra.get("hero_image")
    if hero is not None and hero not in image_ids:
        errors.append(FieldError(f"{where}.hero_image", f"image {hero!r} is not in {layout.IMAGES}", lines.get("hero_image")))
    if not isinstance(extra.get("link_overrides", {}), dict):
        errors.append(FieldError(f"{where}.link_overrides", "must be an object", lines.get("link_overrides")))
    try:
        incoming = incoming_from_meta(ParsedFile(meta, parsed.body, parsed.body_line, parsed.field_lines),
                                      base_dir=path.parent, source_name=source, errors=errors)
    except IntakeError as error:
        raise IntakeError(error.errors, source=source) from None
    draft = incoming.draft
    draft.hero_image = hero
    draft.link_overrides = extra.get("link_overrides") or {}
    draft.body = "\n" * int(extra.get("body_leading_newlines") or 0) + draft.body
    return incoming, extra


def _extra_errors(extra: dict[str, Any], where: str, lines: dict[str, int]) -> list[FieldError]:
    """The `newsreel:` block's other fields, each of its kind (`EXTRA_FIELDS`), as field errors."""
    problems: list[str] = []
    _check_fields(where, extra, EXTRA_FIELDS, problems)
    for name, fields in (("source_ids", SOURCE_ID_FIELDS), ("quote_checks", QUOTE_CHECK_FIELDS)):
        for index, entry in enumerate(extra.get(name) if isinstance(extra.get(name), list) else []):
            if isinstance(entry, dict):
                _check_fields(f"{where}.{name}[{index}]", entry, fields, problems)
            else:
                problems.append(f"{where}.{name}[{index}]: must be an object")
    errors = []
    for problem in problems:
        path, message = problem.split(": ", 1)
        name = re.split(r"[.\[]", path.removeprefix(f"{where}."), maxsplit=1)[0]
        errors.append(FieldError(path, message, lines.get(name)))
    return errors


def _block_lines(text: str, block_line: int | None) -> dict[str, int]:
    """The file's line of each field in the `newsreel:` block (indented under it), for messages."""
    if not block_line:
        return {}
    found: dict[str, int] = {}
    rows = text.replace("\r\n", "\n").split("\n")
    for number in range(block_line, len(rows)):  # rows[block_line] is the line after the block's own
        row = rows[number]
        if row.strip() == "---" or (row and not row[0].isspace()):
            break
        match = _NESTED_FIELD.match(row)
        if match:
            found.setdefault(match.group(1), number + 1)
    return found
