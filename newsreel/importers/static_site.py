"""Folders of Markdown as Hugo, Jekyll and Eleventy keep them -> import items for the one intake.

`newsreel import markdown DIR` reads a site's content folder as it is: YAML (`---`) or TOML
(`+++`) front matter, in Newsreel's own field names or in the static generators':

    title                       headline
    slug; else the file name    slug (Jekyll's 2024-03-15-name.md -> name; a Hugo bundle's
                                index.md -> its folder's name)
    date, publishDate           publication time (Jekyll: else the date in the file name)
    draft: true, published: false, a file in _drafts/   a draft
    categories, category        a section when one has that slug (or --category says so), else tags
    tags                        tags (Eleventy's collection tags "post" and "posts" are left out)
    description, summary, excerpt      the editor's summary
    subtitle                    the dek
    author, authors             bylines (a name, a list, or {name: ...})
    aliases, redirect_from, permalink, url      old addresses, kept as 301 redirects
    images, image, cover        the hero image (the first one), from the file's folder or the
                                site's static folder; its credit from image_credit/credit or
                                --default-credit, its alt from image_alt/alt or the headline

Any other key is reported (one warning per file naming them), never fatal. In the body, Hugo
shortcodes (youtube, vimeo, tweet, instagram, figure, ref) and Liquid tags (highlight, raw,
post_url, include of a player, Eleventy's image) become Newsreel Markdown; other shortcodes
and tags are reported and removed. A picture alone on its line becomes a figure when a credit
is known (a credit its title ends with, `"Caption. Photo: Name"`, else the title's last
parentheses, `"Caption (Credit)"`, or --default-credit), and is
left out with a warning otherwise.
"""

from __future__ import annotations

import codecs
import datetime as dt
import html
import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Callable
from urllib.parse import urlsplit

from django.conf import settings

from newsreel import links
from newsreel.importers.dates import FAR_AHEAD, unlikely, unlikely_warning
from newsreel.importers.encodings import utf8_or_cp1252_lines
from newsreel.importers.html_markdown import split_credit
from newsreel.importers.jsonl import split_title
from newsreel.json_input import JsonInputError, decode_leading, decode_line
from newsreel.importers.runner import Item, SkipItem
from newsreel.importers.wordpress import CategoryRule, fitting_tags, section_and_tags
from newsreel.newsroom import clock
from newsreel.newsroom.figure_paths import DESTINATION, destination, local_path, markdown_destination
from newsreel.newsroom.frontmatter import (ParsedFile, as_moment, front_matter_block, impossible_date, incoming_from_meta,
                                           split_front_matter)
from newsreel.newsroom.intake import FieldError, IntakeError
from newsreel.newsroom.upsert import Incoming, SourceKey
from newsreel.slugs import slug_of

MARKDOWN_SUFFIXES = (".md", ".markdown")
# A file past this is not read (a story's body is refused past NEWSREEL_BODY_MAX_BYTES, 1 MB unless
# raised): a multi-gigabyte file named .md was read whole, and took the memory there was.
MAX_FILE_BYTES = 64 * 1024 * 1024
NEWSREEL_KEYS = {"headline", "slug", "dek", "summary", "section", "tags", "authors", "author", "hero", "sources",
                 "published_at", "publish_at"}
STATIC_KEYS = {"title", "date", "publishdate", "draft", "published", "categories", "category", "description",
               "excerpt", "subtitle", "aliases", "redirect_from", "permalink", "url", "images", "image", "cover",
               "image_alt", "image_credit", "alt", "credit", "build", "_build",
               # read to tell a story from a page of the site (`_translate`), and nothing of them is lost
               # with the story (eleventyNavigation is still reported: the site's menu entry is)
               "headless", "layout", "type", "eleventyexcludefromcollections"}
# A review's own fields: Newsreel has them, but a theme's `rating:` is no review's, and a film is
# one of the graph's; an editor gives them in the desk (a review without its film stays a draft).
REVIEW_KEYS = {"film", "rating", "verdict"}
SKIPPED_FOLDERS = {"node_modules", "public", "resources", "themes", "layouts", "archetypes", "static", "assets",
                   "vendor", "_site", "_layouts", "_includes", "_data", "_sass", "_plugins", "data", "i18n"}
SKIPPED_FILES = {"readme", "license", "licence", "changelog", "contributing", "code_of_conduct", "security", "404"}
NOT_STORIES = {"home", "page", "archive", "archives", "category", "tag", "tags", "categories", "search", "404",
               "section", "list", "taxonomy", "term"}
# A Hugo site: its configuration at the top, or a list page (a name only Hugo gives meaning).
HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml")
COLLECTION_TAGS = {"post", "posts"}
# Eleventy's `date:` values that stand for the file's own dates, which Eleventy reads from the file
# system or git when it builds (a copied folder keeps neither).
ELEVENTY_FILE_DATES = {"last modified": "last change on disk", "created": "creation on disk",
                       "git last modified": "last commit in git", "git created": "first commit in git"}
_JEKYLL_NAME = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})-(?P<slug>.+)$")
_TOML_LINE = re.compile(r"at line (\d+)")
_STANDALONE_IMAGE = re.compile(r'^\s*!\[(?P<alt>[^\]]*)\]\(' + DESTINATION.format(name="url") + r'(?:\s+"(?P<title>[^"]*)")?\)\s*$')
_HUGO = re.compile(r"\{\{[<%]\s*(?P<close>/)?\s*(?P<name>[\w.-]+)(?P<args>.*?)\s*[>%]\}\}")
# A tag may span lines, as Liquid allows; Hugo's `{{% name %}}` shortcodes are not Liquid tags.
_LIQUID = re.compile(r"(?<!\{)\{%-?\s*(?P<name>\w+)(?P<args>.*?)-?%\}(?!\})", re.DOTALL)
_LIQUID_RAW = re.compile(r"\{%-?\s*raw\s*-?%\}(?P<text>.*?)\{%-?\s*endraw\s*-?%\}", re.DOTALL)
_LIQUID_HIDDEN = re.compile(r"\{%-?\s*(?P<tag>comment|capture)\b[^%]*?-?%\}.*?\{%-?\s*end(?P=tag)\s*-?%\}", re.DOTALL)
# The summary divider Hugo and Jekyll read (`<!--more-->`), which readers never see.
_MORE = re.compile(r"^[ \t]*<!--\s*more\s*-->[ \t]*$", re.MULTILINE | re.IGNORECASE)
_LIQUID_OUTPUT = re.compile(r"\{\{-?\s*(?P<expr>.*?)\s*-?\}\}")
_ARGS = re.compile(r"""(?:(?P<key>[\w-]+)\s*=\s*)?(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"',]+))""")


@dataclass
class SiteOptions:
    root: Path
    media_root: Path | None
    default_credit: str = ""
    as_drafts: bool = False
    pages: str = "skip"
    categories: dict[str, CategoryRule] | None = None
    sections: frozenset[str] = frozenset()
    redirects: Callable[[str, object], str | None] | None = None


def site_files(folder: Path) -> tuple[list[Path], list[str]]:
    """The Markdown files that may be stories (sorted), and the ones left out with why."""
    found, skipped = [], []
    hugo = False
    inside = folder.resolve()
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in MARKDOWN_SUFFIXES:
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(inside):
            skipped.append(f"{path}: a link to a file outside the folder ({path.resolve()}); skipped")
            continue
        parts = path.relative_to(folder).parts[:-1]
        if any(part.startswith(".") or (part.startswith("_") and part not in ("_posts", "_drafts")) or part in SKIPPED_FOLDERS
               for part in parts):
            continue
        if path.stem.lower() in SKIPPED_FILES:
            skipped.append(f"{path}: not a story (a {path.stem} file); skipped")
        elif path.name == "_index.md":
            skipped.append(f"{path}: a Hugo list page (_index.md), not a story; skipped")
            hugo = True
        else:
            found.append(path)
    if hugo or any((folder / name).is_file() for name in HUGO_CONFIGS):
        found, resources = _hugo_bundle_resources(found)
        skipped += resources
    return found, skipped


def _hugo_bundle_resources(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """In a Hugo site a folder with an index.md is one page (a leaf bundle): the other Markdown
    files under it are that page's resources, never pages of their own."""
    bundles = {path.parent for path in paths if path.name == "index.md"}
    pages, skipped = [], []
    for path in paths:
        bundle = next((parent for parent in path.parents if parent in bundles), None) if path.name != "index.md" else None
        if bundle is None:
            pages.append(path)
        else:
            skipped.append(f"{path}: a resource of the Hugo page bundle {bundle / 'index.md'}, not a page of its own; skipped")
    return pages, skipped


def _relative(path: Path, root: Path | None) -> str:
    try:
        return path.relative_to(root).as_posix() if root else path.name
    except ValueError:
        return path.as_posix()


def site_items(files: list[Path], options: SiteOptions) -> Iterator[Item]:
    """One item per file. Two files whose names make one slug (a Jekyll post in two category
    folders, `about.md` beside `team/about.md`) are two stories: the later one's slug gets its
    date or its folder's name, with a warning (its front matter's own `slug:` still wins)."""
    taken: dict[str, Path] = {}
    for path in files:
        slug = file_slug(path)
        first = taken.get(slug)
        if first is not None:
            slug = _another_slug(slug, path, taken)
        taken.setdefault(slug, path)
        item = Item(source=str(path), build=lambda: None)
        item.build = _builder(path, item, options, (slug, first) if first is not None else None)
        yield item


def file_slug(path: Path) -> str:
    """The slug a file's name gives (Jekyll's 2024-03-15-name.md -> name; a bundle's index.md -> its folder)."""
    jekyll = _JEKYLL_NAME.match(path.stem)
    stem = path.parent.name if path.stem == "index" else (jekyll.group("slug") if jekyll else path.stem)
    return slug_of(stem)[:200].strip("-")


def _another_slug(slug: str, path: Path, taken: dict[str, Path]) -> str:
    jekyll = _JEKYLL_NAME.match(path.stem)
    folder = path.parent.parent if path.stem == "index" else path.parent
    folder = folder.parent if folder.name in ("_posts", "_drafts") else folder
    for suffix in (jekyll.group("date") if jekyll else "", slug_of(folder.name)):
        if suffix and f"{slug[:180]}-{suffix}" not in taken:
            return f"{slug[:180]}-{suffix}"
    number = 2
    while f"{slug[:180]}-{number}" in taken:
        number += 1
    return f"{slug[:180]}-{number}"


def split_any_front_matter(text: str, source: str) -> ParsedFile:
    """YAML between --- lines (Jekyll, Eleventy, Hugo), TOML between +++ lines (Hugo), or
    Eleventy's `---json` and `---js` blocks."""
    # Line ends as CommonMark reads them: CRLF, and a lone CR (classic Mac OS), whose front matter
    # was not seen at all and arrived as the story's first paragraph.
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    language = re.match(r"---(json|js|javascript)[ \t]*\n", text)
    if language:
        return _eleventy_front_matter(text, language, source)
    if text.startswith("{") and re.match(r"\{\s*\"", text):
        return _json_front_matter(text, source)
    if not text.startswith("+++\n"):
        return split_front_matter(text, source)
    raw, body, body_line = _block(text, 4, "+++", "+++", source)
    raw = _quote_impossible_dates(raw)
    try:
        meta = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        found = _TOML_LINE.search(str(error))
        line = int(found.group(1)) + 1 if found else 2
        raise IntakeError([FieldError("front matter", f"is not valid TOML: {str(error).split(' (at')[0]}", line)],
                          source=source) from None
    except RecursionError:
        raise IntakeError([FieldError("front matter", "is nested too deep", 2)], source=source) from None
    lines = {match.group("name"): number for number, line in enumerate(raw.split("\n"), start=2)
             if (match := _TOML_KEY.match(line))}
    return ParsedFile(meta, body, body_line, lines)


_TOML_KEY = re.compile(r"^\s*(?P<name>[A-Za-z_][\w-]*)\s*=")
# A TOML date or date-time written bare (`date = 2023-04-31T20:00:00Z`): TOML refuses the whole
# front matter when it names no real day.
_TOML_DATE = re.compile(r"^(?P<key>\s*[A-Za-z_][\w-]*\s*=\s*)(?P<date>\d{4}-\d{2}-\d{2}(?:[Tt ][0-9:.]+(?:[Zz]|[+-]\d{2}:\d{2})?)?)"
                        r"(?P<rest>\s*(?:#.*)?)$", re.MULTILINE)


def _quote_impossible_dates(raw: str) -> str:
    """Each bare TOML date that names no real day written as a string, so that the file is read
    and the field reported (`_publication_date`)."""
    if "-" not in raw:
        return raw
    return _TOML_DATE.sub(lambda match: match.group(0) if not impossible_date(match.group("date")) else
                          f'{match.group("key")}"{match.group("date")}"{match.group("rest")}', raw)


def _json_front_matter(text: str, source: str) -> ParsedFile:
    """Hugo's JSON front matter: an object at the top of the file, `{` to its `}`, the body after it."""
    try:
        meta, end = decode_leading(text, what="a page's front matter", expect=dict)
    except JsonInputError as error:
        raise _front_matter_error(error, source) from None
    rest = text[end:]
    body = rest.lstrip(" \t\n")  # the blank line Hugo's files put after the object
    skipped = rest[: len(rest) - len(body)]
    body = body if body.strip() else ""
    return ParsedFile(meta, body, text[:end].count("\n") + 1 + skipped.count("\n"))


def _block(text: str, start: int, opened: str, closing: str, source: str) -> tuple[str, str, int]:
    """Front matter opened by `opened` on line 1 and closed by a `closing` line (see `front_matter_block`)."""
    return front_matter_block(text, start, re.compile(rf"^{re.escape(closing)}\s*$", re.MULTILINE),
                              f"opens with {opened} on line 1 but is never closed by a {closing} line", source)


# `const title = "…";` in Eleventy's JavaScript front matter: a name and a plain value.
_JS_DECLARATION = re.compile(r"^[ \t]*(?:const|let|var)[ \t]+(?P<name>[A-Za-z_$][\w$]*)[ \t]*=[ \t]*", re.MULTILINE)
_JS_SCALAR = re.compile(r"-?\d+(?:\.\d+)?|true|false|null")
_JS_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'""")
_JS_END = re.compile(r"[ \t]*;?[ \t]*(?:\n|$)")
_JS_SPACES = re.compile(r"[ \t]*")


def _eleventy_front_matter(text: str, opening: re.Match, source: str) -> ParsedFile:
    """`---json` is read as JSON. `---js` is JavaScript, never run: only declarations of plain values
    (strings, numbers, true/false, lists of strings) are read; any other is kept by name with no
    value, so the import reports it as not imported."""
    raw, body, body_line = _block(text, opening.end(), f"---{opening.group(1)}", "---", source)
    if opening.group(1) == "json":
        try:
            meta = decode_line(raw or "{}", 2, what="a page's front matter", expect=dict)  # the block starts on line 2
        except JsonInputError as error:
            raise _front_matter_error(error, source) from None
        return ParsedFile(meta, body, body_line)
    meta: dict[str, Any] = {}
    for declaration in _JS_DECLARATION.finditer(raw):
        meta[declaration.group("name")] = _js_value(raw, declaration.end())
    return ParsedFile(meta, body, body_line)


def _front_matter_error(error: JsonInputError, source: str) -> IntakeError:
    """The shared JSON reader's fault as the intake reports a file's: its line, and the column in the message."""
    return IntakeError([FieldError("front matter", f"column {error.column}: {error.problem}", error.line)], source=source)


def _js_value(raw: str, at: int) -> Any:
    """The plain value written at `at` and ending its line (None for anything else): read token
    by token, in one pass, so no file can make it backtrack."""
    scalar = _JS_SCALAR.match(raw, at)
    if scalar and _JS_END.match(raw, scalar.end()):
        try:
            return json.loads(scalar.group())
        except ValueError:  # an integer longer than Python reads from text
            return None
    text = _JS_STRING.match(raw, at)
    if text and _JS_END.match(raw, text.end()):
        return _js_string(text.group())
    if not raw.startswith("[", at):
        return None
    items: list[str] = []
    position = at + 1
    while True:
        position = _JS_SPACES.match(raw, position).end()
        if raw.startswith("]", position):
            return items if _JS_END.match(raw, position + 1) else None
        text = _JS_STRING.match(raw, position)
        if text is None:
            return None
        items.append(_js_string(text.group()))
        position = _JS_SPACES.match(raw, text.end()).end()
        if raw.startswith(",", position):
            position += 1


_JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_JS_ESCAPE = re.compile(r"\\(?:u(?P<u>[0-9a-fA-F]{4})|x(?P<x>[0-9a-fA-F]{2})|(?P<c>.))", re.DOTALL)


def _js_string(literal: str) -> str:
    """A JavaScript string literal's text (quotes off, escapes read)."""
    def escape(match: re.Match) -> str:
        code = match.group("u") or match.group("x")
        return chr(int(code, 16)) if code else _JS_ESCAPES.get(match.group("c"), match.group("c"))
    return _JS_ESCAPE.sub(escape, literal[1:-1])


# A file an editor saved as UTF-16 or UTF-32 (Windows' Notepad's "Unicode") begins with its byte-order
# mark; its NUL bytes made it "not text" and it was refused. UTF-32's marks first: they begin as UTF-16's.
_UNICODE_MARKS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                  (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


def _text_of(raw: bytes, warn: Callable[[str], None]) -> str:
    """A file's text: UTF-8; else, when it is text at all (an editor saved it as Windows-1252, as
    WXR exports are repaired), Windows-1252, each line so read reported; a binary file is refused."""
    for mark, encoding in _UNICODE_MARKS:
        if raw.startswith(mark):
            try:
                return raw[len(mark):].decode(encoding)
            except UnicodeDecodeError as error:
                raise IntakeError([FieldError("file", f"begins with a {encoding.upper()} byte-order mark but is not "
                                              f"{encoding.upper()} text ({error}); save it as UTF-8")]) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        failure = error
    if b"\x00" in raw or sum(byte < 32 and byte not in b"\t\n\r\x0c" for byte in raw) > len(raw) // 100:
        raise IntakeError([FieldError("file", f"cannot be read as UTF-8 text ({failure}); it is not text")])
    text, guessed = utf8_or_cp1252_lines(raw)
    for number in guessed:
        warn(f"line {number}: is not UTF-8; read as Windows-1252 (check its accented letters)")
    return text


def _builder(path: Path, item: Item, options: SiteOptions,
             renamed: tuple[str, Path] | None = None) -> Callable[[], Incoming]:
    def build() -> Incoming:
        warn = item.warnings.append
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:  # not read: a story's body is refused past 1 MB (NEWSREEL_BODY_MAX_BYTES)
                raise IntakeError([FieldError("file", f"is {size:,} bytes, more than any story holds (the limit is "
                                                      f"{MAX_FILE_BYTES:,}); is it a story?")])
            raw = path.read_bytes()
        except OSError as error:
            raise IntakeError([FieldError("file", f"cannot be read ({error.strerror or error})")]) from None
        text = _text_of(raw, warn)
        parsed = split_any_front_matter(text, str(path))
        meta = {str(key): value for key, value in parsed.meta.items()}
        errors: list[FieldError] = []
        translated, draft, old_addresses = _translate(meta, path, options, warn, errors, parsed.field_lines)
        if renamed is not None and not any(str(key).lower() == "slug" for key in meta):
            translated["slug"] = renamed[0]
            warn(f"its name makes the slug {file_slug(path)!r}, as {renamed[1]} does; imported as {renamed[0]!r}")
        body, body_lines = convert_body(parsed.body, warn, default_credit=options.default_credit,
                                        first_line=parsed.body_line)
        incoming = incoming_from_meta(ParsedFile(translated, body, parsed.body_line, body_lines=body_lines),
                                      base_dir=path.parent,
                                      source_name=str(path), media_root=options.media_root, errors=errors)
        incoming.publish = not draft
        item.kind = "draft" if draft else ("scheduled" if incoming.draft.publish_at and incoming.draft.publish_at > clock.now()
                                           else "published")
        if options.redirects is not None and old_addresses and item.kind == "published":
            def after(article) -> None:
                for address in old_addresses:
                    problem = options.redirects(address, article)
                    if problem:
                        warn(problem)
            incoming.after = after
        # The file's path in its site: moving the site's folder keeps the stories' identity.
        incoming.key = SourceKey("markdown", _relative(path, options.root)[:500])
        return incoming
    return build


def _eleventy_page(lower: dict[str, Any], path: Path) -> bool:
    """Eleventy: kept out of every collection, or in the site's menu while not a post (no `posts`
    tag, not in a posts or blog folder; the base blog's About page)."""
    if lower.get("eleventyexcludefromcollections") is True:
        return True
    if "eleventynavigation" not in lower:
        return False
    tags = {str(tag).lower() for tag in _list(lower.get("tags"))}
    folders = {part.lower() for part in path.parts[:-1]}
    return not (tags & COLLECTION_TAGS or folders & {"posts", "post", "blog", "_posts"})


def _translate(meta: dict[str, Any], path: Path, options: SiteOptions, warn: Callable[[str], None],
               errors: list[FieldError], lines: dict[str, int] | None = None) -> tuple[dict[str, Any], bool, list[str]]:
    """Newsreel's front matter for a static generator's, whether it is a draft, and its old addresses."""
    lower = {key.lower(): value for key, value in meta.items()}
    out: dict[str, Any] = {key: meta[key] for key in meta if key in NEWSREEL_KEYS}
    unknown = sorted(key for key in meta if key not in NEWSREEL_KEYS and key.lower() not in STATIC_KEYS | REVIEW_KEYS)
    if unknown:
        warn(f"front matter {', '.join(unknown)}: not imported (Newsreel has no such field)")
    review = sorted(key for key in meta if key.lower() in REVIEW_KEYS)
    if review:
        warn(f"front matter {', '.join(review)}: not imported (a review's film, rating and verdict are given "
             "in the desk, where the film is checked against the knowledge graph)")
    if "headline" not in out and lower.get("title") not in (None, ""):
        out["headline"] = lower["title"]
    jekyll = _JEKYLL_NAME.match(path.stem)
    if "slug" not in out:
        out["slug"] = file_slug(path)
    undated = unlikely_date = no_date = False
    if not any(key in out for key in ("published_at", "publish_at")):
        date, undated, unlikely_date = _publication_date(meta, jekyll, lines or {}, warn)
        if date not in (None, ""):
            out["published_at"] = date
        no_date = date in (None, "") and not undated
    for key in ("description", "summary", "excerpt"):
        if "summary" not in out and isinstance(lower.get(key), str) and lower[key].strip():
            out["summary"] = " ".join(lower[key].split())
    if "dek" not in out and isinstance(lower.get("subtitle"), str):
        out["dek"] = lower["subtitle"]
    keys = {key.lower(): key for key in meta}

    def unread(key: str, value: Any, names: bool = False) -> None:
        _report_unread(value, _place(keys[key], lines), warn, names)
    authors = out.pop("author", None) if "authors" not in out else None
    if authors is not None:
        out["authors"] = authors
    if "authors" in out:
        unread("authors" if "authors" in keys else "author", out["authors"], names=True)
        out["authors"] = _names(out["authors"])
    in_jekyll = bool(jekyll) or "_posts" in path.parts
    for key in ("categories", "category", "tags"):
        if key in keys:
            unread(key, lower[key])
    categories = _terms(lower["categories"], in_jekyll) if "categories" in lower else _list(lower.get("category"))
    tags = [tag for tag in _terms(out.get("tags"), in_jekyll) if tag.lower() not in COLLECTION_TAGS]
    if categories and "section" not in out:
        section, tags = section_and_tags([(slug_of(name), name) for name in categories], tags, options.categories or {},
                                         options.sections, warn, "category")
        if section:
            out["section"] = section
    out["tags"] = fitting_tags(tags, warn)
    if "hero" not in out:
        hero = _hero(lower, out.get("headline", ""), options, warn)
        if hero:
            out["hero"] = hero
    said = {key: _flag(lower.get(key), default, _place(keys[key], lines), warn)
            for key, default in (("draft", False), ("published", True)) if key in keys}
    unsure = None in said.values()  # a flag that says neither true nor false: kept a draft
    draft = (undated or unlikely_date or options.as_drafts or unsure or said.get("draft") is True
             or said.get("published") is False or "_drafts" in path.parts)
    if no_date and not draft:
        warn("has no date (no date or publishDate in its front matter, no YYYY-MM-DD- before its name); published "
             "dated the moment of the import, so it sits at the top of the home page: give it its date in the desk")
    if lower.get("headless") is True:
        raise SkipItem("a headless bundle (headless: true): Hugo publishes no page for it; skipped")
    build = lower.get("build") if isinstance(lower.get("build"), dict) else lower.get("_build")
    render = {str(key).lower(): value for key, value in build.items()}.get("render") if isinstance(build, dict) else None
    if render is False or str(render).lower() in ("never", "false", "link"):
        raise SkipItem(f"build render {render!r}: Hugo publishes no page for it; skipped")
    if lower.get("permalink") is False:
        raise SkipItem("permalink: false: Eleventy writes no page for it; skipped")
    layout = str(lower.get("layout") or lower.get("type") or "").lower()
    why = f"layout {layout!r}"
    if layout not in NOT_STORIES and _eleventy_page(lower, path):
        layout, why = "page", "eleventyNavigation" if "eleventynavigation" in lower else "eleventyExcludeFromCollections"
    if layout in NOT_STORIES and not (layout == "page" and options.pages == "articles"):
        raise SkipItem(f"{why} makes it a page of the site, not a story; skipped"
                       + (" (--pages articles imports pages)" if layout == "page" else ""))
    old = [(str(address), key) for key in ("aliases", "redirect_from") for address in _list(lower.get(key))]
    for key in ("permalink", "url"):
        if isinstance(lower.get(key), str) and lower[key].startswith("/") and "{" not in lower[key]:
            old.append((lower[key], key))
    addresses = [_old_path(address, _place(keys[key], lines), warn) for address, key in old]
    return out, draft, [address for address in addresses if address]


def _place(key: str, lines: dict[str, int] | None) -> str:
    """Where a front matter field is, for a warning: its name, and its line when the file's parser gave it."""
    line = (lines or {}).get(key)
    return f"front matter {key}" + (f", line {line}" if line is not None else "")


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _old_path(address: str, where: str, warn: Callable[[str], None]) -> str:
    """The path on this site an old address names ('' with a warning when it names none): an
    address on the site's own host (SITE_URL's) is its path; one on another host, or of another
    kind (`javascript:`), is no page of this site; `.` and `..` segments are read as a browser
    reads them, and one that climbs above the root is refused. A value was made a path by putting
    a `/` before it: `https://elsewhere.example/x` kept a redirect from `/https://elsewhere.example/x`."""
    text = address.strip()
    if _SCHEME.match(text) or text.startswith("//"):
        parts = urlsplit(text)
        if parts.scheme.lower() not in ("", "http", "https") or not parts.netloc:
            warn(f"{where}: {address!r} is not an address of a page; no redirect kept")
            return ""
        if parts.netloc.lower() != urlsplit(settings.SITE_URL).netloc.lower():
            warn(f"{where}: {address!r} is an address on another site ({parts.netloc}); no redirect kept")
            return ""
        text = parts.path or "/"
    path = text if text.startswith("/") else "/" + text
    segments = path.split("/")
    if not {".", ".."} & set(segments):
        return path
    kept: list[str] = []
    for segment in segments[1:]:
        if segment == "..":
            if not kept:
                warn(f"{where}: {address!r} climbs above the site's root (..); no redirect kept")
                return ""
            kept.pop()
        elif segment != ".":
            kept.append(segment)
    normal = "/" + "/".join(kept) + ("/" if segments[-1] in (".", "..") and kept else "")
    warn(f"{where}: {address!r} is read as {normal!r}, as a browser asks for it")
    return normal


def _publication_date(meta: dict[str, Any], jekyll: re.Match | None, lines: dict[str, int],
                      warn: Callable[[str], None]) -> tuple[Any, bool, bool]:
    """(the publication date: `publishDate`, else `date`, else a Jekyll file name's; whether the
    story is to be an undated draft; whether a draft keeping its date). A date that names no real
    day (`2023-02-30`) is left out, with a warning naming the file's field: the story arrives as a
    draft for an editor to date (Jekyll stops its whole build on one; publishing it now would give
    it a date nobody chose). So is one more than ten years ahead, and one before 1990 is kept on a
    draft (`newsreel.importers.dates`)."""
    date, undated = _written_date(meta, jekyll, lines, warn)
    moment = as_moment(date) if not undated and date not in (None, "") else None
    odd = unlikely(moment)
    if not odd:
        return date, undated, False
    key = next((name for name in meta if meta[name] is date), "")
    where = _place(key, lines) if key else "file name"
    warn(f"{where}: {unlikely_warning(moment, odd)}")
    return (None, True, False) if odd == FAR_AHEAD else (date, False, True)


def _written_date(meta: dict[str, Any], jekyll: re.Match | None, lines: dict[str, int],
                  warn: Callable[[str], None]) -> tuple[Any, bool]:
    """(the date the file gives, whether the story is to be an undated draft): see `_publication_date`."""
    key = next((name for name in meta if name.lower() == "publishdate" and meta[name] not in (None, "")),
               next((name for name in meta if name.lower() == "date"), ""))
    date = meta.get(key) if key else None
    where = _place(key, lines)
    if date in (None, "") and jekyll:
        date, where = jekyll.group("date"), "file name"
    if isinstance(date, str) and date.strip().lower() in ELEVENTY_FILE_DATES:
        warn(f"{where}: {date.strip()!r} is Eleventy's date of the file itself (its {ELEVENTY_FILE_DATES[date.strip().lower()]}), "
             "which the import cannot know; imported as a draft without a date: give it one in the desk and publish it")
        return None, True
    if date not in (None, "") and not isinstance(date, (str, dt.date)):
        # A list, a map, a time of day (TOML's `07:32:00`) or a number (`1710000000`, seconds
        # since 1970?): the intake named it `published_at` in Python's notation, with no line.
        warn(f"{where}: {_kind_of(date)} is not a date like 2024-03-15 or 2024-03-15T09:00:00Z; imported as a draft "
             "without a date: give it one in the desk and publish it")
        return None, True
    why = impossible_date(str(date)) if date not in (None, "") and not isinstance(date, dt.date) else ""
    if not why and isinstance(date, str) and date.strip() and where != "file name" and not _date_time(date):
        why = "not a date or date-time Newsreel reads, like 2024-03-15 or 2024-03-15T09:00:00Z"
    if why:
        warn(f"{where}: {date} is not a date ({why}); imported as a draft without a date: give it one in the desk "
             "and publish it")
        return None, True
    if where == "file name":
        return (dt.date.fromisoformat(date) if _valid_date(date) else None), False
    return date, False


def _date_time(text: str) -> bool:
    """Whether the intake reads `text` as a publication time (`frontmatter._datetime`); a text it
    cannot read failed the story naming `published_at`, a field the file does not have, and no line."""
    try:
        dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _kind_of(value: Any) -> str:
    """What a front matter value is, in the writer's words."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (true or false)"
    if isinstance(value, (int, float)):
        return f"{value} (a number)"
    if isinstance(value, dt.time):
        return f"{value.isoformat()} (a time of day)"
    return {list: "a list", dict: "a map of fields", bytes: "binary data"}.get(type(value), type(value).__name__)


def _valid_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


_TRUE = {"true", "yes", "on", "1", "t"}
_FALSE = {"false", "no", "off", "0", "f", ""}


def _flag(value: Any, default: bool, where: str, warn: Callable[[str], None]) -> bool | None:
    """`draft:` or `published:` as its generator reads it: quoted (`draft: "true"`) or a number too, as
    Hugo does; None, with a warning, for a value that says neither (the story is then kept a draft)."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower() if isinstance(value, (str, int, float)) else "?"
    if text in _TRUE or text in _FALSE:
        return text in _TRUE
    warn(f"{where}: {value!r} is neither true nor false; imported as a draft" if isinstance(value, str) else
         f"{where}: {_kind_of(value)} is neither true nor false; imported as a draft")
    return None


def _report_unread(value: Any, where: str, warn: Callable[[str], None], names: bool) -> None:
    """Say which of a field's names cannot be read (a map, a number for a byline), which were dropped silently."""
    if value in (None, "") or isinstance(value, str) or (not names and _a_number(value)):
        return
    if not isinstance(value, list):
        if not (names and isinstance(value, dict) and _byline(value)):
            warn(f"{where}: {_kind_of(value)} is not a name or a list of names; left out")
        return
    unread = [entry for entry in value if not (isinstance(entry, str) or (not names and _a_number(entry))
                                                or (names and isinstance(entry, dict) and _byline(entry)))]
    if unread:
        warn(f"{where}: {', '.join(_kind_of(entry) for entry in unread)} "
             + ("is not a name" if len(unread) == 1 else "are not names") + "; left out")


def _a_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _byline(entry: dict) -> bool:
    return isinstance(entry.get("name") or entry.get("display_name"), str)


def _terms(value: Any, in_jekyll: bool) -> list[str]:
    """Categories or tags: Jekyll reads a string of them as words apart (`categories: film
    festivals` is two; `category:` is one), where Hugo and Eleventy take a string as one."""
    if in_jekyll and isinstance(value, str) and "," not in value:
        return value.split()
    return _list(value)


def _list(value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()] if "," in value else [value.strip()]
    if _a_number(value):  # a film's year or title (`tags: 1917`)
        return [str(value)]
    if isinstance(value, list):
        return [str(item).strip() for item in value if isinstance(item, (str, int)) and str(item).strip()]
    return []


def _names(value: Any) -> list[str]:
    """Bylines written as a name, a list of names, or Jekyll's {name: ...} objects."""
    items = value if isinstance(value, list) else [value]
    names = []
    for entry in items:
        if isinstance(entry, dict):
            entry = entry.get("name") or entry.get("display_name") or ""
        if isinstance(entry, str) and entry.strip():
            names.append(entry.strip())
    return names


def _hero(lower: dict[str, Any], headline: Any, options: SiteOptions, warn: Callable[[str], None]) -> dict | None:
    image = lower.get("images") if lower.get("images") not in (None, "", []) else lower.get("image") or lower.get("cover")
    if isinstance(image, list):
        image = image[0] if image else None
    alt = lower.get("image_alt") or lower.get("alt") or ""
    credit = lower.get("image_credit") or lower.get("credit") or ""
    if isinstance(image, dict):  # jekyll-seo-tag {path, alt}; Hugo PaperMod cover {image, alt, caption}
        alt = image.get("alt") or alt
        credit = image.get("credit") or credit
        image = image.get("path") or image.get("image") or image.get("src")
    if not isinstance(image, str) or not image.strip():
        return None
    if image.startswith(("http://", "https://")):
        warn(f"hero image {image!r} is on another site; Newsreel fetches nothing, so it is imported without one")
        return None
    credit = str(credit or options.default_credit).strip()
    if not credit:
        warn(f"hero image {image!r} has no credit (image_credit, or --default-credit); imported without a hero image")
        return None
    alt = str(alt or headline or "").strip()
    return {"image": local_path(image).lstrip("/"), "alt": alt, "credit": credit}


def convert_body(body: str, warn: Callable[[str], None], *, default_credit: str = "",
                 first_line: int = 1) -> tuple[str, tuple[int, ...]]:
    """Shortcodes and Liquid tags to Newsreel Markdown; standalone pictures to credited figures.
    With the body, the line of the file each of its lines was written on (the body starting on
    `first_line`): a picture that became a `:::figure` block is still reported on its own line."""
    lines = list(range(first_line, first_line + body.count("\n") + 1))
    if "<!--" in body:
        body, lines = _sub_lines(_MORE, lambda match: "", body, lines)
    literal: list[str] = []
    if "{%" in body:
        # What `raw` holds is shown as written (template code quoted in a post); what `comment` and
        # `capture` hold is never shown where it is written.
        def keep(match: re.Match) -> str:
            literal.append(match.group("text"))
            return f"\x00{len(literal) - 1}\x00"
        body, lines = _sub_lines(_LIQUID_RAW, keep, body.replace("\x00", ""), lines)
        body, lines = _sub_lines(_LIQUID_HIDDEN, lambda match: "", body, lines)
        body, lines = _sub_lines(_LIQUID, lambda match: _liquid_tag(match, warn), body, lines)
    if "{{" in body:
        body, lines = _sub_lines(_HUGO, lambda match: _hugo_shortcode(match, warn, default_credit), body, lines)
    if "{{" in body:
        body, lines = _sub_lines(_LIQUID_OUTPUT, lambda match: _liquid_output(match, warn), body, lines)
    if literal:
        body, lines = _sub_lines(re.compile(r"\x00(\d+)\x00"), lambda match: literal[int(match.group(1))], body, lines)
    if "<img" in body.lower():
        body, lines = _sub_lines(_HTML_IMAGE, _markdown_image, body, lines)
    return _figures(body, lines, warn, default_credit)


def _sub_lines(pattern: re.Pattern[str], replace: Callable[[re.Match], str], text: str,
               lines: list[int]) -> tuple[str, list[int]]:
    """`pattern.sub(replace, text)`, and the file's line of each line of the result (`lines`: of
    each line of `text`). A replacement's lines are given the lines of what it replaced, in turn;
    the ones past its end (a shortcode that became a figure block), its last line."""
    out: list[str] = []
    result = [lines[0]]
    position = line = 0
    for match in pattern.finditer(text):
        kept = text[position:match.start()]
        for _ in range(kept.count("\n")):
            line += 1
            result.append(lines[line])
        replacement = replace(match)
        last = line + match.group(0).count("\n")
        result += [lines[min(line + number, last)] for number in range(1, replacement.count("\n") + 1)]
        out += [kept, replacement]
        line, position = last, match.end()
    rest = text[position:]
    for _ in range(rest.count("\n")):
        line += 1
        result.append(lines[line])
    out.append(rest)
    return "".join(out), result


# A picture written as HTML in a Markdown file (`<img src="./possum.png" alt="…">`), which
# Newsreel Markdown refuses: the same picture in Markdown, its title kept for the credit.
_HTML_IMAGE = re.compile(r"<img\b(?P<attrs>[^<>]*)/?>", re.IGNORECASE)
_HTML_ATTR = re.compile(r"""(?P<name>[\w:-]+)\s*=\s*(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"'>]+))""")


def _markdown_image(match: re.Match) -> str:
    attrs = {found.group("name").lower(): html.unescape(next(v for v in found.group("dq", "sq", "bare") if v is not None))
             for found in _HTML_ATTR.finditer(match.group("attrs"))}
    src = attrs.get("src", "").strip()
    if not src or any(c in src for c in "<>\n"):
        return match.group(0)  # nothing Markdown can name: left for the intake to report
    alt = " ".join(attrs.get("alt", "").split()).replace("[", "(").replace("]", ")")
    title = " ".join(attrs.get("title", "").split()).replace('"', "”")
    src = markdown_destination(src)  # a name with a space: `<images/my photo.jpg>`
    return f'![{alt}]({src} "{title}")' if title else f"![{alt}]({src})"


def _args(text: str) -> tuple[list[str], dict[str, str]]:
    positional, named = [], {}
    for match in _ARGS.finditer(text or ""):
        value = next((v for v in (match.group("dq"), match.group("sq"), match.group("bare")) if v is not None), "")
        if match.group("key"):
            named[match.group("key").lower()] = value
        else:
            positional.append(value)
    return positional, named


def _embed(url: str) -> str:
    return url  # the shortcode stands alone on its line: so does the URL, which Newsreel shows as an embed


def _hugo_shortcode(match: re.Match, warn: Callable[[str], None], default_credit: str = "") -> str:
    name = match.group("name").lower()
    if name == "highlight":  # {{< highlight go >}} … {{< /highlight >}}: a code fence, as Liquid's highlight
        return "```" if match.group("close") else "```" + (_args(match.group("args"))[0] or [""])[0]
    if match.group("close"):
        return ""
    positional, named = _args(match.group("args"))
    first = named.get("id") or (positional[0] if positional else "")
    # Hugo's built-in players, and their no-JavaScript "_simple" twins (Hugo 0.55 on).
    if name == "youtube" and first:
        return _embed(f"https://www.youtube.com/watch?v={first}")
    if name in ("vimeo", "vimeo_simple") and first:
        return _embed(f"https://vimeo.com/{first}")
    if name in ("instagram", "instagram_simple") and first:
        return _embed(f"https://www.instagram.com/p/{first}/")
    if name in ("tweet", "twitter", "twitter_simple", "x", "x_simple") and first:
        user = named.get("user", "i")
        return _embed(f"https://twitter.com/{user}/status/{first}")
    if name == "figure" and named.get("src"):
        # Its credit is `attr` (else --default-credit): its `title` is a heading over the caption, not a credit.
        title, caption = named.get("title") or "", named.get("caption") or ""
        text = " ".join(part.strip() for part in (title, caption) if part.strip())
        credit = named.get("attr") or default_credit
        alt = (named.get("alt") or text).replace("[", "(").replace("]", ")")
        src = named["src"]
        if not credit:
            warn(f"Hugo figure {src!r} has no credit (attr=, or --default-credit); left out" + (", its caption kept" if text else ""))
            return text
        ref = src if src.startswith(("http://", "https://")) else src.lstrip("/")
        return "\n".join([f':::figure credit="{credit.replace(chr(34), chr(8221))}"', f"![{alt}]({markdown_destination(ref)})",
                          *([text] if text else []), ":::"])
    if name in ("ref", "relref") and first:
        target = PurePosixPath(first.split("#")[0])
        slug = target.parent.name if target.stem in ("index", "_index") else target.stem
        jekyll = _JEKYLL_NAME.match(slug)
        return links.path("article", slug=slug_of(jekyll.group('slug') if jekyll else slug))
    opening = "{{%" if match.group(0).startswith("{{%") else "{{<"
    closing = "%}}" if opening == "{{%" else ">}}"
    warn(f"Hugo shortcode {opening} {name} {closing} has no Newsreel equivalent; removed (its inner text kept)")
    return ""


def _liquid_tag(match: re.Match, warn: Callable[[str], None]) -> str:
    name = match.group("name").lower()
    args = match.group("args").strip()
    positional, named = _args(args)
    if name in ("raw", "endraw", "comment", "endcomment"):
        return ""
    if name == "highlight":
        return "```" + (positional[0] if positional else "")
    if name == "endhighlight":
        return "```"
    if name == "post_url" and positional:
        jekyll = _JEKYLL_NAME.match(PurePosixPath(positional[0]).name)
        return links.path("article", slug=slug_of(jekyll.group('slug') if jekyll else positional[0]))
    if name == "link" and positional and "_posts/" in positional[0]:  # Jekyll's link to a post's file
        stem = PurePosixPath(positional[0]).stem
        jekyll = _JEKYLL_NAME.match(stem)
        return links.path("article", slug=slug_of(jekyll.group('slug') if jekyll else stem))
    if name == "include" and positional:
        include = positional[0].lower()
        video = named.get("id") or named.get("video_id") or ""
        if "youtube" in include and video:
            return _embed(f"https://www.youtube.com/watch?v={video}")
        if "vimeo" in include and video:
            return _embed(f"https://vimeo.com/{video}")
    if name in ("youtube", "vimeo") and positional:
        return _embed(f"https://www.youtube.com/watch?v={positional[0]}" if name == "youtube" else f"https://vimeo.com/{positional[0]}")
    if name == "image" and positional:  # Eleventy Image: {% image "src", "alt" %}
        alt = positional[1] if len(positional) > 1 else ""
        return f"![{alt}]({markdown_destination(positional[0])})"
    warn(f"template tag {{% {name} %}} has no Newsreel equivalent; removed")
    return ""


def _liquid_output(match: re.Match, warn: Callable[[str], None]) -> str:
    expr = match.group("expr")
    quoted = re.match(r"""^["']([^"']*)["']\s*\|\s*(?:relative_url|absolute_url|url)\s*$""", expr)
    if quoted:
        return quoted.group(1)
    if expr.replace(" ", "") in ("site.baseurl", "site.url", "site.url|append:site.baseurl"):
        return ""
    warn(f"template expression {{{{ {expr} }}}} cannot be evaluated outside its site; removed")
    return ""


def _figures(body: str, lines: list[int], warn: Callable[[str], None], default_credit: str) -> tuple[str, tuple[int, ...]]:
    out: list[str] = []
    written: list[int] = []  # the file's line of each line of `out`
    depth = 0
    fence = ""
    for number, line in zip(lines, body.split("\n")):
        stripped = line.strip()
        if fence:
            fence = "" if stripped.startswith(fence) else fence
            out.append(line)
            written.append(number)
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            out.append(line)
            written.append(number)
            continue
        if not stripped and out and not out[-1].strip():
            continue  # blank lines left where shortcodes, tags and dividers were taken out: one is enough
        if stripped.startswith(":::"):
            depth = depth + 1 if stripped != ":::" else max(0, depth - 1)
            out.append(line)
            written.append(number)
            continue
        match = None if depth else _STANDALONE_IMAGE.match(line)
        if match is None:
            out.append(line)
            written.append(number)
            continue
        # A credit the title marks ("… Photo: Jo Ray") first; else its last parentheses, or the whole title.
        caption, credit = split_credit(match.group("title") or "")
        if not credit:
            caption, credit = split_title(match.group("title") or "")
        credit = credit or default_credit
        url = destination(match, "url")
        ref = markdown_destination(url if url.startswith(("http://", "https://")) else url.lstrip("/"))
        if not credit:
            warn(f"body, line {number}: image {url!r} has no credit (a title like \"Caption (Credit)\", or --default-credit); "
                 "left out")
            continue
        figure = [f':::figure credit="{credit.replace(chr(34), chr(8221))}"', f"![{match.group('alt')}]({ref})",
                  *([caption] if caption else []), ":::"]
        out += figure
        written += [number] * len(figure)  # the block's every line is the picture's line
    return "\n".join(out), tuple(written)
