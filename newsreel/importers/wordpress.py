"""A WordPress or Squarespace export (WXR) -> import items for the one intake.

What each part of a post becomes:

    title, post_name            headline, slug (Squarespace's "blog/2024/3/15/x" -> "x")
    content:encoded             body: HTML -> Newsreel Markdown (`html_markdown`)
    excerpt:encoded             the editor's summary
    dc:creator                  byline: the author's display name from <wp:author>
    Co-Authors Plus authors     bylines in their order (display names from guest-author items or
                                <wp:author>), instead of dc:creator
    categories                  a section when one has that slug (or the user's mapping says so),
                                else tags; "Uncategorized" is left out
    tags                        tags
    _thumbnail_id               hero image: the attachment's file in --media, with its alt text,
                                caption and credit
    status                      publish -> published; future -> scheduled at its date;
                                draft, pending, private -> drafts; with a password -> draft, warned
    link                        the old address answers 301 to the new one (published stories)
    is_sticky                   reported: Newsreel has no pinned stories

An export split in several files (`wxr_parts`) is planned part by part, each at its own lines,
with pictures, bylines and blocks looked up across all of them.

Attachments and guest authors are not stories: they give posts their pictures and bylines. Pages are skipped unless
`pages="articles"`. Everything else (menus, blocks, templates, custom types) is skipped and
counted in the report.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Callable
from urllib.parse import unquote, urlsplit, urlunsplit

from newsreel.importers.dates import date_to_keep, unlikely
from newsreel.importers.html_markdown import ImageFound, html_to_markdown, html_to_text, split_credit
from newsreel.importers.runner import Item, SkipItem, in_two_steps
from newsreel.importers.wxr import WxrExport, WxrItem, WxrTerm, problems_of
from newsreel.importers.wxr_parts import WxrPart, one_site
from newsreel.newsroom import clock
from newsreel.newsroom.frontmatter import LocalImage, LocalImages, visit_figures
from newsreel.newsroom.intake import ArticleDraft, FieldError, IntakeError
from newsreel.newsroom.limits import NAME_LIMITS
from newsreel.newsroom.local_images import LocalImageError, local_image_path
from newsreel.newsroom.upsert import Incoming, SourceKey
from newsreel.numbers import LARGEST_BIG_INTEGER, whole_number
from newsreel.slugs import slug_of

STORY_STATUSES = {"publish": "published", "future": "scheduled", "draft": "draft", "pending": "draft",
                  "private": "draft"}
DROPPED_CATEGORIES = {"uncategorized"}
_SIZED = re.compile(r"-\d{2,5}x\d{2,5}(?=\.[A-Za-z0-9]+$)|-scaled(?=\.[A-Za-z0-9]+$)")
_GHOST_SIZE = re.compile(r"^size/w\d+(?:h\d+)?/(?:format/\w+/)?")
# A post type's name as WordPress makes it (sanitize_key: lower-case letters, digits, `-` and `_`).
_POST_TYPE = re.compile(r"^[a-z0-9_-]{1,40}$")
_PHP_CREDIT = re.compile(r's:6:"credit";s:(?P<length>\d{1,6}):"')


@dataclass(frozen=True)
class CategoryRule:
    """What one category becomes: ("section", slug), ("tag", name) or ("drop", "")."""

    kind: str
    value: str = ""


def parse_category_rule(text: str) -> tuple[str, CategoryRule]:
    """'Film Reviews=section:reviews' -> ('film reviews', rule); raises ValueError with what is wrong."""
    name, sep, target = text.partition("=")
    kind, _, value = target.strip().partition(":")
    kind = kind.strip().lower()
    if not sep or not name.strip() or kind not in {"section", "tag", "drop"} or (kind != "drop" and not value.strip()):
        raise ValueError(f"{text!r}: write CATEGORY=section:SLUG, CATEGORY=tag:NAME or CATEGORY=drop")
    return name.strip().lower(), CategoryRule(kind, value.strip())


@dataclass
class WordPressOptions:
    media: Path | None = None
    pages: str = "skip"  # or "articles"
    as_drafts: bool = False
    default_credit: str = ""
    categories: dict[str, CategoryRule] = field(default_factory=dict)  # by slug or lower-cased name
    sections: frozenset[str] = frozenset()  # the sections Newsreel has
    # (old permalink, article) -> a warning or None; called inside the publish's transaction.
    redirects: Callable[[str, object], str | None] | None = None


@dataclass
class Plan:
    items: list[Item]
    skipped: list[str]
    problems: list[str]  # the file's repairs and parser complaints outside any story


def plan_import(parts: list[WxrPart], options: WordPressOptions) -> Plan:
    """Which items of an export's parts (one file's, or each file of a split export) become stories
    (each an import Item) and which are skipped, with why. Each part's items are read at its own
    lines; pictures, bylines and blocks are looked up across all parts, as one site."""
    site = one_site(parts)
    attachments = site.attachments
    children: dict[int, list[str]] = {}
    for attachment in attachments.values():
        if attachment.post_parent:
            children.setdefault(attachment.post_parent, []).append(str(attachment.post_id))
    media = MediaFolder(options.media, attachments, site.site_url)
    plan = Plan([], [], [])
    seen_slugs: dict[str, int | None] = {}
    seen_ids: dict[int, tuple[str, int, int]] = {}  # post id -> its first item's part, line as read, file's line
    for part in parts:
        _plan_part(part, site, options, media, children, seen_slugs, seen_ids, plan)
    return plan


def _plan_part(part: WxrPart, site: WxrExport, options: WordPressOptions, media: "MediaFolder",
               children: dict[int, list[str]], seen_slugs: dict[str, int | None],
               seen_ids: dict[int, tuple[str, int, int]], plan: Plan) -> None:
    """One part's items into `plan`; slugs and ids seen in earlier parts count as this part's own."""
    export, source = part.export, part.name
    items, skipped = plan.items, plan.skipped
    stories: list[WxrItem] = []  # the items that became stories: their problems are their warnings
    on_line: dict[int, int] = {}
    for entry in export.items:
        on_line[export.file_line(entry.line)] = on_line.get(export.file_line(entry.line), 0) + 1
    for number, entry in enumerate(export.items, 1):
        # A file written on one line (Squarespace's can be) has all its items on it: their number tells them apart.
        line = export.file_line(entry.line)
        where = f"{source}:{line}" + (f" (item {number})" if on_line[line] > 1 else "")
        # A post type that is no type's name (`post]]>` and the lines after it: its end tag lost) in an
        # item the parser had to guess at is refused as broken, not skipped as "not a post" unsaid.
        mangled = not _POST_TYPE.match(entry.post_type) and entry.status not in ("trash", "auto-draft", "inherit")
        if entry.post_type in ("attachment", "guest-author"):  # pictures and bylines of the posts, not stories
            continue
        if not mangled and entry.post_type == "page" and options.pages == "skip":
            skipped.append(f"{where}: page {entry.label!r} skipped (--pages articles imports pages as stories)")
            continue
        if not mangled and entry.post_type not in ("post", "page"):
            skipped.append(f"{where}: {entry.post_type} {entry.label!r} is not a post or a page; skipped")
            continue
        empty = _empty_draft(entry)
        if empty:
            skipped.append(f"{where}: {entry.label!r} {empty}; skipped")
            continue
        if entry.status not in STORY_STATUSES and not _broken_story(export, entry):
            skipped.append(f"{where}: {entry.label!r} has status {entry.status!r} (not a story); skipped")
            continue
        slug = _slug(entry)
        if slug and slug in seen_slugs and seen_slugs[slug] != entry.post_id:
            old = slug
            slug = f"{slug}-{entry.post_id}" if entry.post_id is not None else f"{slug}-{entry.line}"
            warn_slug = f"slug {old!r} is already taken by an earlier item of this export; imported as {slug!r}"
        else:
            warn_slug = ""
        if slug:
            seen_slugs[slug] = entry.post_id
        # Its build reads files, never the database: built one post early (see runner._built_ahead).
        item = Item(source=where, build=lambda: None, kind=_kind(entry, options), build_early=True)
        if warn_slug:
            item.warnings.append(warn_slug)
        problems = problems_of(export, entry)
        item.warnings += [f"the file, {export.shown(problem)}" for problem in problems if not problem.fatal]
        gallery = children.get(entry.post_id or -1, [])
        first = seen_ids.setdefault(entry.post_id, (source, entry.line, line)) if entry.post_id is not None else None
        if first is not None and first[:2] != (source, entry.line):
            # A hand-edited or merged export: two posts under one id would be one story.
            at = f"line {first[2]}" if first[0] == source else f"{first[0]}:{first[2]}"
            item.warnings.append(f"post id {entry.post_id} is also the id of the item at {at}; "
                                 f"imported as a story of its own, known by its slug {slug!r}, not by that id")
            entry = replace(entry, post_id=None)
        broken = [FieldError("xml", f"{problem.message} (what was read of this item may be cut short; fix the file "
                                    "and import again)", export.file_line(problem.line)) for problem in problems if problem.fatal]
        if mangled and not broken:  # its end tag lost where the parser did not complain (the file's last item)
            broken = [FieldError("xml", f"<wp:post_type> {entry.post_type.split()[0][:40]!r}… is no post type's name: "
                                        "its end tag may be lost (fix the file and import again)", line)]
        item.build = _refuse(broken) if broken else _builder(site, entry, slug, item, options, media, gallery)
        items.append(item)
        stories.append(entry)
    # A problem in an item that is no story (an attachment, a guest author, a skipped page) is the
    # file's: it was dropped unsaid, though it may have cost a post its picture or byline.
    inside = {problem for entry in stories for problem in problems_of(export, entry)}
    plan.problems += [f"{source}: {export.shown(problem)}" for problem in export.problems if problem not in inside]


_UNPUBLISHED = {"draft": "draft", "pending": "pending post", "private": "private post", "future": "scheduled post"}
# What a post with no words may still hold: a picture, a player, a block drawn from elsewhere (a
# reusable block, an embed, a gallery); the blocks that only hold text do not count.
_NOT_ONLY_TEXT = re.compile(r"<(?:img|iframe|video|audio|object|embed)\b|<!--\s+wp:(?!(?:paragraph|heading|list|list-item|"
                            r"group|columns?|spacer|separator|more)\b)", re.IGNORECASE)


def _empty_draft(entry: WxrItem) -> str:
    """Why the item is a draft nobody wrote in ('' when it is not one): an auto-draft (WordPress
    makes one when "Add New" is opened) or an unpublished post with no title, no text and nothing else."""
    if entry.status == "auto-draft" and _holds_nothing(entry.content):
        return "is an auto-draft WordPress made and nobody wrote in"
    if entry.status in _UNPUBLISHED and not entry.title.strip() and _holds_nothing(entry.content) \
            and not html_to_text(entry.excerpt):
        return f"is an empty {_UNPUBLISHED[entry.status]} (no title, no text)"
    return ""


def _holds_nothing(content: str) -> bool:
    """No words, no picture, no player, no block drawn from elsewhere."""
    return not content.strip() or (not _NOT_ONLY_TEXT.search(content) and not html_to_text(content))


def _refuse(errors: list[FieldError]) -> Callable[[], Incoming]:
    def build() -> Incoming:
        raise IntakeError(errors)
    return build


def _broken_story(export: WxrExport, entry: WxrItem) -> bool:
    """Whether a post whose status is not a story's may be one cut short (`<wp:status><![CDATA[publ`):
    it is then refused with what broke it, not skipped for its status."""
    return entry.status not in ("trash", "auto-draft", "inherit") and any(
        problem.fatal for problem in problems_of(export, entry))


def _kind(entry: WxrItem, options: WordPressOptions) -> str:
    if options.as_drafts or entry.password or entry.status not in STORY_STATUSES:
        return "draft"
    kind = STORY_STATUSES[entry.status]
    if kind != "draft" and unlikely(entry.date):
        return "draft"  # a date no editor chose: `_builder` says which
    if kind == "scheduled" and (entry.date is None or entry.date <= clock.now()):
        return "published"
    if kind == "published" and entry.date is not None and entry.date > clock.now():
        return "scheduled"
    return kind


_PAGE_SUFFIX = re.compile(r"\.(?:html?|php|aspx?)$", re.IGNORECASE)


def _slug(entry: WxrItem) -> str:
    name = unquote(entry.post_name or "").strip("/")
    name = name.rsplit("/", 1)[-1]  # Squarespace writes the whole path
    name = _PAGE_SUFFIX.sub("", name)  # and older Squarespace sites' addresses end in .html
    return slug_of(name)[:200].strip("-") or slug_of(entry.title)[:200].strip("-")


def _builder(export: WxrExport, entry: WxrItem, slug: str, item: Item, options: WordPressOptions,
             media: "MediaFolder", children: list[str]) -> Callable[[], Incoming]:
    """The item's build: its post read (the HTML to Markdown, no database: `Item.read`), then made an Incoming."""
    def read() -> tuple[ArticleDraft, LocalImage | None, list[FieldError]]:
        warn = item.warnings.append
        errors: list[FieldError] = []
        resolver = media.resolver(warn, options.default_credit)
        body = html_to_markdown(entry.content, images=resolver, warn=warn, gallery_ids=lambda: children,
                                reusable=export.reusable_blocks.get, footnotes=_footnotes(entry))
        if entry.password:
            warn("is password-protected in WordPress; imported as a draft (nothing protected is published)")
        if entry.sticky:
            warn("is sticky in WordPress; Newsreel has no pinned stories, so it is an ordinary story")
        if entry.status == "future" and item.kind == "published" and not options.as_drafts:
            warn(f"was scheduled for {entry.date:%Y-%m-%d %H:%M} UTC, which has passed; published with that date"
                 if entry.date else "was scheduled without a date; published now")
        date = entry.date
        if STORY_STATUSES.get(entry.status, "draft") != "draft" and not options.as_drafts and not entry.password:
            date = date_to_keep(date, warn)
        section, tags = _taxonomy(entry, options, warn)
        draft = ArticleDraft(
            headline=entry.title, body=body, slug=slug, summary=html_to_text(entry.excerpt), section=section,
            tags=tags, authors=bylines(export, entry, warn), publish_at=date,
        )
        if not body.strip():  # said here with why: the intake could only say "body: is empty"
            errors.append(FieldError("body", "is empty in the export" if not entry.content.strip() else
                                     "is empty once what Newsreel cannot show is left out (the warnings say what: "
                                     "a picture not in --media, a player for a file)"))
        return draft, media.hero(entry, warn, options.default_credit), errors

    def finish(read: tuple[ArticleDraft, LocalImage | None, list[FieldError]]) -> Incoming:
        draft, hero, errors = read
        return incoming_story(draft, hero, errors, item, options, item.warnings.append,
                              old_address=entry.link, key=source_key(export, entry),
                              also=_renamed_addresses(entry))
    item.read, item.finish = read, finish
    return in_two_steps(item)


def bylines(export: WxrExport, entry: WxrItem, warn: Callable[[str], None]) -> list[str]:
    """The post's bylines: its Co-Authors Plus co-authors in order, else its `dc:creator`."""
    if not entry.coauthors:
        return [name for name in [_author_name(export, entry.creator)] if name]
    names: list[str] = []
    for term in entry.coauthors:
        name = _coauthor_name(export, term)
        if not name:
            name = term.name
            warn(f"co-author {term.name!r} is neither an author nor a guest author in the export; its login is the byline")
        if name and name not in names:
            names.append(name)
    return names


def _author_name(export: WxrExport, login: str) -> str:
    """A WordPress user's display name, by login (the login itself when the export has no `<wp:author>` for it)."""
    login = login.strip()
    return export.authors[login].display_name if login in export.authors else login


def _coauthor_name(export: WxrExport, term: WxrTerm) -> str:
    """A co-author term's display name: its guest author's, else its user's; '' when neither is in the export.
    The term's name is the login; its slug is `cap-` and the nicename (the nicename alone before CAP 3.1)."""
    guests = export.guest_authors
    for key in (term.name, term.slug, f"cap-{term.name}"):
        if key.lower() in guests:
            return guests[key.lower()]
    for login in (term.name, term.slug.removeprefix("cap-")):
        if login in export.authors:
            return export.authors[login].display_name
    return ""


def _footnotes(entry: WxrItem) -> dict[str, str]:
    """WordPress 6.3+ footnotes, kept as JSON in the post's `footnotes` meta: their text by id."""
    try:
        notes = json.loads(entry.meta.get("footnotes") or "[]")
    except (ValueError, RecursionError):
        return {}
    return {str(note["id"]): str(note.get("content") or "") for note in notes if isinstance(notes, list)
            and isinstance(note, dict) and note.get("id")} if isinstance(notes, list) else {}


def _renamed_addresses(entry: WxrItem) -> list[str]:
    """The addresses a renamed post had (its permalink with each `_wp_old_slug` for its slug), which
    WordPress kept answering; none when its permalink does not end with its slug (`/?p=12`)."""
    parts = urlsplit(entry.link)
    path = parts.path.rstrip("/")
    name = (entry.post_name or "").strip("/")
    if not name or not path.endswith("/" + name):
        return []
    trailing = "/" if parts.path.endswith("/") else ""
    return [urlunsplit(parts._replace(path=path[: -len(name)] + old + trailing)) for old in entry.old_slugs if old != name]


def incoming_story(draft: ArticleDraft, hero: LocalImage | None, errors: list[FieldError], item: Item,
                   options: WordPressOptions, warn: Callable[[str], None], *, old_address: str,
                   key: SourceKey | None, also: list[str] = ()) -> Incoming:
    """A post read from an export, for the intake: its pictures checked (every problem raised
    with the post's other errors), and its old address kept as a redirect once it is live."""
    images = LocalImages(options.media or Path("."), None)
    if hero is not None:
        images.check(hero, errors)
    visit_figures(draft.body, draft.file_line, lambda image: images.check(image, errors))
    if errors:
        raise IntakeError(errors)
    after = None
    addresses = [address for address in (old_address, *also) if address]
    if options.redirects is not None and item.kind == "published" and addresses:
        def after(article) -> None:
            for address in addresses:
                problem = options.redirects(address, article)
                if problem:
                    warn(problem)
    return Incoming(draft, attach=lambda valid: images.attach(valid, hero), discard=images.discard,
                    publish=item.kind != "draft", after=after, key=key)


def source_key(export: WxrExport, entry: WxrItem) -> SourceKey | None:
    """The post's id with its site's address (two sites' post 12 are two stories); None without an id."""
    if entry.post_id is None:
        return None
    site = re.sub(r"^[a-z]+://", "", export.site_url or export.base_blog_url or "").rstrip("/")
    return SourceKey("wordpress", f"{site}#{entry.post_id}", entry.post_id)


def _taxonomy(entry: WxrItem, options: WordPressOptions, warn: Callable[[str], None]) -> tuple[str, list[str]]:
    return section_and_tags([(term.slug, term.name) for term in entry.categories],
                            [term.name for term in entry.tags], options.categories, options.sections, warn, "category")


def section_and_tags(terms: list[tuple[str, str]], plain_tags: list[str], rules: dict[str, CategoryRule],
                     sections: frozenset[str], warn: Callable[[str], None], word: str) -> tuple[str, list[str]]:
    """(section, tags) for a story's terms ((slug, name) pairs, in order) by the user's rules, else by
    name: a term whose slug is a section's is that section (the first one; later ones are tags)."""
    section = ""
    tags: list[str] = []
    for slug, name in terms:
        rule = rules.get(slug.lower()) or rules.get(name.lower())
        if rule is None:
            if slug.lower() in DROPPED_CATEGORIES:
                continue
            rule = CategoryRule("section", slug) if slug in sections else CategoryRule("tag", name)
        if rule.kind == "section":
            if not section:
                section = rule.value
                continue
            if rule.value != section:
                warn(f"{word} {name!r} is also a section; a story has one section ({section!r}), so it is a tag")
            rule = CategoryRule("tag", name)
        if rule.kind == "tag" and rule.value and rule.value not in tags:
            tags.append(rule.value)
    for name in plain_tags:
        if name and name not in tags:
            tags.append(name)
    return section, fitting_tags(tags, warn)


def fitting_tags(tags: list[str], warn: Callable[[str], None]) -> list[str]:
    """The tags whose name and address fit the intake's limits; each other one is left out with a
    warning naming it whole (one such tag refused its whole story)."""
    name_limit, slug_limit = NAME_LIMITS["tags"]
    kept = []
    for tag in tags:
        name = " ".join(str(tag).split())
        if len(name) > name_limit:
            warn(f"tag {name!r} is longer than {name_limit} characters ({len(name)}); left out: give the story a "
                 "shorter tag in the desk")
        elif len(slug_of(name)) > slug_limit:
            warn(f"tag {name!r} makes an address longer than {slug_limit} characters; left out: give the story a "
                 "shorter tag in the desk")
        else:
            kept.append(tag)
    return kept


class MediaFolder:
    """Finds the files of a site's pictures in --media, a copy of its uploads folder."""

    def __init__(self, root: Path | None, attachments: dict[int, WxrItem], site_url: str) -> None:
        self.root, self.attachments, self.site_url = root, attachments, site_url
        self.by_file: dict[str, WxrItem] = {}
        for attachment in attachments.values():
            relative = self._relative(attachment)
            if relative:
                self.by_file[relative] = attachment
        self._by_name: dict[str, str] | None = None

    @staticmethod
    def _relative(attachment: WxrItem) -> str:
        return attachment.meta.get("_wp_attached_file", "").strip().lstrip("/") or _uploads_path(attachment.attachment_url)

    def by_name(self) -> dict[str, str]:
        """Every file under the folder by its name (Squarespace's pictures live on a CDN path)."""
        if self._by_name is None:
            self._by_name = {}
            if self.root is not None and self.root.is_dir():
                for folder, _dirs, files in os.walk(self.root):
                    for name in files:
                        relative = Path(folder, name).relative_to(self.root).as_posix()
                        self._by_name.setdefault(name.lower(), relative)
        return self._by_name

    def find(self, src: str, attachment_id: str) -> tuple[str, WxrItem | None]:
        """(path relative to the folder, the attachment it is) for a picture; path '' when not found."""
        attachment = self.attachments.get(whole_number(attachment_id, largest=LARGEST_BIG_INTEGER))
        candidates: list[str] = []
        if attachment is not None:
            candidates.append(self._relative(attachment))
        path = _uploads_path(src)
        if path:
            original = _SIZED.sub("", path)
            if attachment is None:
                attachment = self.by_file.get(original) or self.by_file.get(path)
                if attachment is not None:
                    candidates.append(self._relative(attachment))
            candidates += [original, path]
        name = unquote(PurePosixPath(urlsplit(src).path).name).lower() if src else ""
        if self.root is None:
            return "", attachment
        for candidate in candidates:
            if candidate and self._usable(candidate):
                return candidate, attachment
        for candidate in (name, _SIZED.sub("", name)):
            found = self.by_name().get(candidate) if candidate else None
            if found and self._usable(found):
                return found, attachment
        return "", attachment

    def _usable(self, relative: str) -> bool:
        try:
            local_image_path(relative, self.root)
        except LocalImageError:
            return False
        return True

    def resolver(self, warn: Callable[[str], None], default_credit: str):
        def resolve(src: str, attachment_id: str, alt: str) -> ImageFound | None:
            path, attachment = self.find(src, attachment_id)
            shown = src or f"attachment {attachment_id}"
            if not path:
                warn(f"image {shown!r} is not in the media folder" + ("" if self.root else " (no --media given)") + "; left out")
                return None
            return ImageFound(ref=path, alt=_alt_of(attachment), credit=_credit_of(attachment) or default_credit,
                              caption=attachment.excerpt.strip() if attachment else "")
        return resolve

    def hero(self, entry: WxrItem, warn: Callable[[str], None], default_credit: str) -> LocalImage | None:
        thumbnail = entry.meta.get("_thumbnail_id", "").strip()
        if not thumbnail:
            return None
        path, attachment = self.find("", thumbnail)
        if attachment is None:
            warn(f"featured image (attachment {thumbnail}) is not in the export; imported without a hero image")
            return None
        if not path:
            warn(f"featured image {self._relative(attachment) or attachment.attachment_url!r} is not in the media folder"
                 + ("" if self.root else " (no --media given)") + "; imported without a hero image")
            return None
        caption, credit = split_credit(html_to_text(attachment.excerpt))
        credit = credit or _credit_of(attachment) or default_credit
        alt = _alt_of(attachment)
        if not credit:
            warn(f"featured image {path!r} has no credit (--default-credit gives one); imported without a hero image")
            return None
        if not alt:
            alt = caption or attachment.title
            warn(f"featured image {path!r} has no alt text; " + ("its caption" if caption else "its title") + " is used")
        return LocalImage(path, alt=alt, credit=credit, caption=caption, where="featured image", line=None)


def _alt_of(attachment: WxrItem | None) -> str:
    return " ".join(attachment.meta.get("_wp_attachment_image_alt", "").split()) if attachment else ""


def _credit_of(attachment: WxrItem | None) -> str:
    """The credit WordPress read from the picture's IPTC data (in its serialized metadata)."""
    if attachment is None:
        return ""
    serialized = attachment.meta.get("_wp_attachment_metadata", "")
    match = _PHP_CREDIT.search(serialized)
    if not match:
        return ""
    # PHP counts the string in bytes, and it may hold a quote (`Jo "JR" Ray`): read it by its length.
    data = serialized[match.end():].encode("utf-8")
    length = int(match.group("length"))
    if data[length:length + 2] != b'";':
        return ""  # not what its length says (a hand-edited or re-encoded export): no credit rather than a wrong one
    return " ".join(data[:length].decode("utf-8", errors="replace").split())


def _uploads_path(url: str) -> str:
    """'https://site/wp-content/uploads/2024/03/a.jpg' -> '2024/03/a.jpg' ('' when not an uploads URL).

    Ghost's '__GHOST_URL__/content/images/size/w600/2024/03/a.jpg' -> '2024/03/a.jpg' too."""
    path = unquote(urlsplit(url).path) if url else ""
    if "/content/images/" in path:
        return _GHOST_SIZE.sub("", path.split("/content/images/", 1)[1].lstrip("/"))
    marker = "/uploads/"
    if marker in path:
        return path.split(marker, 1)[1].lstrip("/")
    return ""


def old_path(link: str) -> str:
    """The path of a post's old permalink ('' when it is only a query, like '/?p=12')."""
    parts = urlsplit(link)
    path = unquote(parts.path or "")
    if not path or path == "/":
        return ""
    return path

