"""A Ghost 4-6 export (Settings -> Labs -> Export content) -> import items for the one intake.

The file is JSON: `{"db": [{"meta": {...}, "data": {"posts": [...], "tags": [...],
"posts_tags": [...], "users": [...], "posts_authors": [...], "posts_meta": [...]}}]}` (very
old exports put `meta` and `data` at the top). What each part of a post becomes:

    title, slug                 headline, slug (kept)
    html                        body: HTML -> Newsreel Markdown; without html, the Lexical
                                (Ghost 5-6) or Mobiledoc (Ghost 4) document is rendered first
    custom_excerpt              the editor's summary
    posts_authors -> users      bylines, in Ghost's order
    posts_tags -> tags          a section when one has the tag's slug (or the user's mapping says
                                so), else tags; internal tags (#name) are left out
    feature_image               hero image from --media (a copy of content/images), with
                                feature_image_alt and feature_image_caption (posts_meta in Ghost 5)
    status                      published; scheduled (at published_at); draft; sent (email only) -> draft
    visibility                  members-only and paid posts -> drafts, with a warning
    /{slug}/                    Ghost's default address answers 301 with the new one

Errors and warnings name the JSON path of the post: `db[0].data.posts[12]`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from bs4 import BeautifulSoup, Tag

from newsreel.importers.character_references import without_lone_surrogates
from newsreel.importers.dates import date_to_keep, unlikely
from newsreel.importers.ghost_documents import MobiledocVersionError, lexical_to_html, mobiledoc_to_html
from newsreel.importers.html_markdown import html_to_markdown, html_to_text, split_credit
from newsreel.importers.runner import Item
from newsreel.importers.wordpress import MediaFolder, Plan, WordPressOptions, incoming_story, section_and_tags
from newsreel.json_input import JsonInputError, decode_document
from newsreel.newsroom import clock
from newsreel.newsroom.frontmatter import LocalImage
from newsreel.newsroom.intake import ArticleDraft, FieldError
from newsreel.newsroom.upsert import Incoming, SourceKey
from newsreel.slugs import slug_of

GHOST_STATUSES = {"published": "published", "scheduled": "scheduled", "draft": "draft", "sent": "draft"}


class GhostError(ValueError):
    """The file cannot be read as a Ghost export; the message says why and where."""


@dataclass
class GhostPost:
    path: str  # its JSON path
    data: dict[str, Any]
    tags: list[tuple[str, str]] = field(default_factory=list)  # (slug, name), in Ghost's order
    authors: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # its posts_meta row (Ghost 5)
    problems: list[str] = field(default_factory=list)  # rows of the export that name it and what it does not hold

    def text(self, name: str) -> str:
        value = self.data.get(name)
        if value is None:
            value = self.meta.get(name)
        return value.strip() if isinstance(value, str) else ""

    @property
    def label(self) -> str:
        return self.text("title") or self.text("slug") or self.path


@dataclass
class GhostExport:
    version: str
    posts: list[GhostPost]
    problems: list[str] = field(default_factory=list)  # the file's repairs, outside any one post's


def read_ghost(path: Path) -> GhostExport:
    """The export in `path`: GhostError when it is not one, JsonInputError (naming the file, line
    and column) when it is not JSON Newsreel reads."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise GhostError(f"cannot be read ({error.strerror or error})") from None
    document = decode_document(raw, source=str(path), what="a Ghost export")
    document, halves = without_lone_surrogates(document)
    export = parse_ghost(document)
    export.problems += [f"{where}: a lone UTF-16 half (a \\ud800-\\udfff escape with no partner) names no "
                        "character; read as U+FFFD" for where in halves]
    return export


def parse_ghost(document: Any) -> GhostExport:
    if isinstance(document, dict) and isinstance(document.get("db"), list) and document["db"]:
        base, root = "db[0]", document["db"][0]
    elif isinstance(document, dict) and "data" in document:
        base, root = "", document
    else:
        raise GhostError('is not a Ghost export: expected {"db": [{"meta": ..., "data": ...}]}')
    if not isinstance(root, dict) or not isinstance(root.get("data"), dict):
        raise GhostError(f"{base + '.' if base else ''}data: missing, or not an object")
    data = root["data"]
    prefix = f"{base}.data" if base else "data"
    posts = data.get("posts")
    if not isinstance(posts, list):
        raise GhostError(f"{prefix}.posts: missing, or not a list")
    tags = _by(_rows(data, "tags"), "id")
    users = _by(_rows(data, "users"), "id")
    metas = _by(_rows(data, "posts_meta"), "post_id")
    post_tags: dict[Any, list[dict]] = {}
    for row in _rows(data, "posts_tags"):
        post_tags.setdefault(_key(row.get("post_id")), []).append(row)
    post_authors: dict[Any, list[dict]] = {}
    for row in _rows(data, "posts_authors"):
        post_authors.setdefault(_key(row.get("post_id")), []).append(row)
    result = []
    for index, post in enumerate(posts):
        path = f"{prefix}.posts[{index}]"
        if not isinstance(post, dict):
            result.append(GhostPost(path, {}))
            continue
        post_id = _key(post.get("id"))
        found = GhostPost(path, post, meta=metas.get(post_id) or {})
        for row in sorted(post_tags.get(post_id, []) if post_id is not None else [], key=_sort_order):
            tag = tags.get(_key(row.get("tag_id")))
            if tag is None:
                found.problems.append(_dangling(row, "posts_tags", "tag", "tag_id"))
            if tag and isinstance(tag.get("name"), str) and tag.get("visibility") != "internal" and not tag["name"].startswith("#"):
                found.tags.append((str(tag.get("slug") or slug_of(tag["name"])), tag["name"].strip()))
        for row in sorted(post_authors.get(post_id, []) if post_id is not None else [], key=_sort_order):
            user = users.get(_key(row.get("author_id")))
            if user is None:
                found.problems.append(_dangling(row, "posts_authors", "user", "author_id"))
            if user and isinstance(user.get("name"), str) and user["name"].strip():
                found.authors.append(user["name"].strip())
        single = users.get(_key(post.get("author_id")))
        if not post_authors.get(post_id) and single is not None:  # Ghost 0.x/1.x: one author
            found.authors.append(str(single.get("name") or "").strip())
        result.append(found)
    meta = root.get("meta") if isinstance(root.get("meta"), dict) else {}
    return GhostExport(str(meta.get("version") or "unknown"), result)


def _dangling(row: dict, table: str, what: str, field_name: str) -> str:
    """What a post's row naming a tag or a user the export does not have says (it was passed over silently)."""
    named = row.get(field_name)
    return (f"{table} row {row.get('id')!r} names {what} {named!r}, which the export does not have; left out"
            if named is not None else f"{table} row {row.get('id')!r} names no {what} ({field_name} is missing); left out")


def _key(value: Any) -> str | int | None:
    """An id one row may name another by: a string or a whole number; anything else names nothing."""
    return value if isinstance(value, (str, int)) and not isinstance(value, bool) else None


def _by(rows: list[dict], field_name: str) -> dict[str | int, dict]:
    """Rows by their `field_name`; a row whose id is missing or not an id is left out."""
    return {key: row for row in rows if (key := _key(row.get(field_name))) is not None}


def _sort_order(row: dict) -> int:
    order = row.get("sort_order")
    return order if isinstance(order, int) and not isinstance(order, bool) else 0


def _rows(data: dict, name: str) -> list[dict]:
    rows = data.get(name)
    return [row for row in rows if isinstance(row, dict)] if isinstance(rows, list) else []


def plan_ghost(export: GhostExport, options: WordPressOptions, source: str) -> Plan:
    media = MediaFolder(options.media, {}, "")
    items: list[Item] = []
    skipped: list[str] = []
    for post in export.posts:
        where = f"{source}: {post.path}"
        if not post.data:
            skipped.append(f"{where}: is not an object; skipped")
            continue
        kind = post.text("type") or "post"
        if kind == "page" and options.pages == "skip":
            skipped.append(f"{where}: page {post.label!r} skipped (--pages articles imports pages as stories)")
            continue
        if kind not in ("post", "page"):
            skipped.append(f"{where}: {kind} {post.label!r} is not a post or a page; skipped")
            continue
        status = post.text("status") or "draft"
        if status not in GHOST_STATUSES:
            skipped.append(f"{where}: {post.label!r} has status {status!r}; skipped")
            continue
        date = _date(post.data.get("published_at"))
        item = Item(source=where, build=lambda: None, kind=_kind(post, status, date, options))
        item.build = _builder(post, item, date, options, media)
        items.append(item)
    return Plan(items, skipped, list(export.problems))


def _kind(post: GhostPost, status: str, date: dt.datetime | None, options: WordPressOptions) -> str:
    if options.as_drafts or post.text("visibility") not in ("", "public"):
        return "draft"
    kind = GHOST_STATUSES[status]
    if kind != "draft" and (post.data.get("published_at") in (None, "") or unlikely(date)):
        return "draft"  # live in Ghost with no date, or one no editor chose: an editor dates it (`_builder` says so)
    if kind != "draft" and date is not None and date > clock.now():
        return "scheduled"
    if kind == "scheduled":
        return "published"  # its time has passed
    return kind


def _date(value: Any) -> dt.datetime | None:
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _builder(post: GhostPost, item: Item, date: dt.datetime | None, options: WordPressOptions,
             media: MediaFolder) -> Callable[[], Incoming]:
    def build() -> Incoming:
        warn = item.warnings.append
        for problem in post.problems:
            warn(problem)
        errors: list[FieldError] = []
        html = ghost_cards(_html(post, warn, errors), warn)
        body = html_to_markdown(html, images=media.resolver(warn, options.default_credit), warn=warn) if html else ""
        status = post.text("status")
        if status == "sent":
            warn("was sent by email only; imported as a draft")
        if post.text("visibility") not in ("", "public"):
            warn(f"is for {post.text('visibility')} readers in Ghost; imported as a draft (nothing members-only is published)")
        if post.data.get("featured") is True:
            warn("is featured in Ghost; Newsreel has no pinned stories, so it is an ordinary story")
        if GHOST_STATUSES.get(status) != "draft" and post.data.get("published_at") in (None, "") and not options.as_drafts:
            warn(f"is {status} in Ghost but has no published_at; imported as a draft without a date: give it one in "
                 "the desk and publish it")
        if post.data.get("published_at") and date is None:
            errors.append(FieldError("published_at", f"{post.data.get('published_at')!r} is not an ISO 8601 date-time"))
        moment = date
        if GHOST_STATUSES.get(status) != "draft" and not options.as_drafts and post.text("visibility") in ("", "public"):
            moment = date_to_keep(date, warn)
        section, tags = section_and_tags(post.tags, [], options.categories, options.sections, warn, "tag")
        draft = ArticleDraft(headline=post.text("title"), body=body, slug=post.text("slug"),
                             summary=html_to_text(post.text("custom_excerpt")), section=section, tags=tags,
                             authors=post.authors, publish_at=moment)
        ghost_id = str(post.data.get("id") or "").strip()
        return incoming_story(draft, _hero(post, media, warn, options.default_credit), errors, item, options, warn,
                              old_address=f"/{post.text('slug')}/" if post.text("slug") else "",
                              key=SourceKey("ghost", ghost_id[:500]) if ghost_id else None)
    return build


def _html(post: GhostPost, warn: Callable[[str], None], errors: list[FieldError]) -> str:
    """The post's HTML as Ghost rendered it, else rendered here from its Lexical or Mobiledoc document."""
    if post.text("html"):
        return post.text("html")
    for name, render in (("lexical", lexical_to_html), ("mobiledoc", mobiledoc_to_html)):
        if post.text(name):
            try:
                return render(post.text(name), warn)
            except JsonInputError as error:  # the place is inside the field's own text
                errors.append(FieldError(name, f"is not a {name.title()} document Newsreel can read: {error}"))
                return ""
            except MobiledocVersionError as error:  # it was read as 0.3, found empty: "body: is empty"
                errors.append(FieldError(name, f"is Mobiledoc version {error.version!r}, which Newsreel does not read "
                                               "(it reads 0.2 and 0.3); export the post from a newer Ghost, or copy its text"))
                return ""
            except (ValueError, TypeError) as error:
                errors.append(FieldError(name, f"is not a {name.title()} document Newsreel can read ({error})"))
                return ""
    return ""


def ghost_cards(html: str, warn: Callable[[str], None]) -> str:
    """Ghost's rendered HTML made plain where its cards carry a player's or a form's workings.

    Internal links and files are written `__GHOST_URL__/…` in an export: they become the site's
    own paths (`/other-post/`, which the import answers with a 301 to the story's new address).
    A signup card (a members form) and a file card (a download from Ghost's content/files) are
    left out, with a warning, as in Lexical; an audio or video card is its player only (left out
    with a warning by the conversion: its time, speed and play buttons are not text); a bookmark
    card is its link, titled, with its caption; a callout a quote, without its emoji. What Ghost
    shows only to members (a gated block) is left out."""
    html = html.replace("__GHOST_URL__", "")
    if "kg-" not in html:
        return html
    html = _public_part(html, warn)
    soup = BeautifulSoup(html, "html.parser")

    def cards(name: str) -> list[Tag]:
        return [tag for tag in soup.find_all(class_=name) if isinstance(tag, Tag)]
    for card in cards("kg-signup-card"):
        warn("Ghost signup card (a form to become a member) has no Newsreel equivalent; left out")
        card.decompose()
    for card in cards("kg-file-card"):
        title = card.find(class_="kg-file-card-title")
        warn(f"Ghost file card {title.get_text(' ', strip=True) if title else ''!r} (a download from Ghost's "
             "content/files) has no Newsreel equivalent; left out")
        card.decompose()
    for kind in ("audio", "video"):
        for card in cards(f"kg-{kind}-card"):
            player = card.find(kind)
            card.replace_with(player.extract() if player is not None else "")
    for card in cards("kg-bookmark-card"):
        link = card.find("a", href=True)
        title = card.find(class_="kg-bookmark-title")
        caption = card.find("figcaption")
        if link is None:
            card.decompose()
            continue
        paragraph = soup.new_tag("p")
        anchor = soup.new_tag("a", href=link["href"])
        anchor.string = title.get_text(" ", strip=True) if title and title.get_text(strip=True) else link["href"]
        paragraph.append(anchor)
        replacement = [paragraph]
        if caption is not None and caption.get_text(strip=True):
            replacement.append(soup.new_tag("p"))
            replacement[-1].string = caption.get_text(" ", strip=True)
        card.replace_with(*replacement)
    for card in cards("kg-cta-card"):  # Ghost 6's call-to-action: as in Lexical, its label in italics, no picture
        for label in card.find_all(class_="kg-cta-sponsor-label"):
            paragraph, emphasis = soup.new_tag("p"), soup.new_tag("em")
            emphasis.string = label.get_text(" ", strip=True)
            paragraph.append(emphasis)
            label.replace_with(paragraph if emphasis.string else "")
        for picture in card.find_all(class_="kg-cta-image-container"):
            image = picture.find("img")
            warn(f"Ghost call-to-action card's picture {image.get('src', '') if image else ''!r} is left out "
                 "(a card's picture has no alt text or credit); its text is kept")
            picture.decompose()
    for card in cards("kg-callout-card"):
        text = card.find(class_="kg-callout-text")
        quote = soup.new_tag("blockquote")
        if text is not None:
            quote.extend(list(text.contents))
        card.replace_with(quote)
    return str(soup)


# A card Ghost shows to some readers only, as its rendered HTML marks it (Ghost's own content gating
# reads the same comments when it serves the page).
_GATED_BLOCK = re.compile(r"<!--\s*kg-gated-block:begin\s+(?P<params>[^\n]*?)\s*-->(?P<inner>.*?)<!--\s*kg-gated-block:end\s*-->",
                          re.DOTALL)
_SHOWN_TO_VISITORS = re.compile(r"\bnonMember:[\"']?true\b")


def _public_part(html: str, warn: Callable[[str], None]) -> str:
    """The post as a visitor saw it: each gated block kept only when Ghost showed it to non-members."""
    if "kg-gated-block" not in html:
        return html

    def gate(match: re.Match) -> str:
        if _SHOWN_TO_VISITORS.search(match.group("params")):
            return match.group("inner")
        warn("a part of the post shown only to members in Ghost (a gated block) is left out "
             "(nothing members-only is published)")
        return ""
    return _GATED_BLOCK.sub(gate, html)


def _hero(post: GhostPost, media: MediaFolder, warn: Callable[[str], None], default_credit: str) -> LocalImage | None:
    src = post.text("feature_image")
    if not src:
        return None
    path, _attachment = media.find(src, "")
    if not path:
        warn(f"feature image {src!r} is not in the media folder" + ("" if media.root else " (no --media given)")
             + "; imported without a hero image")
        return None
    caption, credit = split_credit(html_to_text(post.text("feature_image_caption")))
    credit = credit or default_credit
    alt = " ".join(post.text("feature_image_alt").split()) or caption
    if not credit:
        warn(f"feature image {path!r} has no credit in its caption (--default-credit gives one); imported without a hero image")
        return None
    if not alt:
        warn(f"feature image {path!r} has no alt text and no caption; imported without a hero image")
        return None
    return LocalImage(path, alt=alt, credit=credit, caption=caption, where="feature_image", line=None)
