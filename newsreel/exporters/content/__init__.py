"""`newsreel export content DIR`: everything a newsroom wrote, in files it can read and import back.

Stories as Markdown with front matter (the fields `newsreel publish` reads, plus a `newsreel:`
block with what rebuilds the story exactly: its id, state, times, hero image, pinned links,
source ids, quote checks), images as their original files with a manifest, the knowledge
graph as `import-kb` JSON, redirects, site settings, sections, tags, authors and desk
accounts (never passwords). `newsreel import content DIR` (newsreel.importers.content) reads
it back into an empty site; the public pages come out byte for byte the same.
The layout is in `format.py`; docs/export.md describes it for people.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import yaml
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage

from newsreel.exporters.content import format as layout
from newsreel.films.models import Credit, Film, Person
from newsreel.images.models import Image
from newsreel.newsroom.models import Article, Author, Revision, Section, Tag, TrashedArticle, WorkflowState
from newsreel.newsroom.roles import role_of
from newsreel.public.models import SiteSettings, StoredPage

Say = Callable[[str], None]


class ContentExportError(Exception):
    """The export cannot be written (the folder is not empty, an image file is missing)."""


@dataclass
class ContentExportResult:
    stories: int = 0
    pending: int = 0
    revisions: int = 0
    images: int = 0
    films: int = 0
    people: int = 0
    credits: int = 0
    redirects: int = 0
    authors: int = 0
    users: int = 0
    by_state: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def summary(self) -> str:
        states = ", ".join(f"{count} {state}" for state, count in sorted(self.by_state.items()))
        return (f"{self.stories} stories ({states}), {self.pending} pending edits, {self.revisions} revisions, "
                f"{self.images} images, {self.films} films, {self.people} people, {self.credits} credits, "
                f"{self.redirects} redirects, {self.authors} authors, {self.users} desk accounts")


def when(value: dt.datetime | None) -> str | None:
    """A time as ISO 8601 in UTC with its microseconds: read back to the same instant."""
    return value.astimezone(dt.timezone.utc).isoformat() if value is not None else None


def export_content(target: Path | str, *, revisions: bool = False, trash: bool = False, say: Say | None = None
                   ) -> ContentExportResult:
    """Write the site's content into `target` (a new or empty folder)."""
    started = time.perf_counter()
    say = say or (lambda text: None)
    root = Path(target)
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise ContentExportError(f"{root} is not an empty folder; export into a new one")
    root.mkdir(parents=True, exist_ok=True)
    result = ContentExportResult()
    say("Writing images ...")
    _write_images(root, result)
    say(f"  {result.images} images")
    say("Writing the knowledge graph ...")
    _write_graph(root, result)
    say(f"  {result.films} films, {result.people} people, {result.credits} credits")
    _write_site(root, result)
    _write_redirects(root, result)
    say("Writing stories ...")
    _write_stories(root, result, revisions=revisions, trash=trash, say=say)
    result.seconds = time.perf_counter() - started
    _write_manifest(root, result, revisions=revisions, trash=trash)
    return result


def _dump_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n", encoding="utf-8")


def _media_name(image: Image) -> str:
    return f"{layout.MEDIA}/{image.file.name}"


def _write_images(root: Path, result: ContentExportResult) -> None:
    records = []
    images = Image.objects.order_by("id").prefetch_related("films", "people")
    for image in images:
        target = root / _media_name(image)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with default_storage.open(image.file.name, "rb") as source, target.open("wb") as out:
                shutil.copyfileobj(source, out)
        except OSError as error:
            raise ContentExportError(f"image {image.pk} ({image.file.name}): cannot read its file: {error}") from None
        records.append({
            "id": image.pk, "file": _media_name(image), "alt": image.alt, "credit": image.credit,
            "caption": image.caption, "focal_x": image.focal_x, "focal_y": image.focal_y,
            "width": image.width, "height": image.height, "uploaded_at": when(image.uploaded_at),
            "films": sorted(film.key for film in image.films.all()),
            "people": sorted(person.key for person in image.people.all()),
        })
    _dump_json(root / layout.IMAGES, {"images": records})
    result.images = len(records)


def _picture(image: Image | None) -> dict | None:
    if image is None:
        return None
    picture = {"image": _media_name(image), "alt": image.alt, "credit": image.credit}
    if image.caption:
        picture["caption"] = image.caption
    return picture


def _write_graph(root: Path, result: ContentExportResult) -> None:
    """import-kb JSON in id order (an empty site gives them ids in the same order) and their times."""
    films, people, extra = [], [], {"films": {}, "people": {}}
    for film in Film.objects.order_by("id").select_related("poster").prefetch_related("releases"):
        record: dict[str, Any] = {"key": film.key, "title": film.title}
        if film.year is not None:
            record["year"] = film.year
        record["aliases"] = list(film.aliases or [])
        for name in ("distributor", "synopsis", "status", "imdb_id", "tmdb_id", "wikidata_id"):
            if getattr(film, name):
                record[name] = getattr(film, name)
        if film.release_date:
            record["release_date"] = film.release_date.isoformat()
        releases = [{"country": r.country, "date": r.date.isoformat(), "kind": r.kind, "note": r.note}
                    for r in film.releases.all()]
        if releases:
            record["releases"] = releases
        if film.poster is not None:
            record["poster"] = _picture(film.poster)
        films.append(record)
        extra["films"][film.key] = {"id": film.pk, "updated_at": when(film.updated_at),
                                    "poster": film.poster_id}
    for person in Person.objects.order_by("id").select_related("photo"):
        record = {"key": person.key, "name": person.name, "aliases": list(person.aliases or [])}
        for name in ("bio", "imdb_id", "tmdb_id", "wikidata_id"):
            if getattr(person, name):
                record[name] = getattr(person, name)
        if person.photo is not None:
            record["photo"] = _picture(person.photo)
        people.append(record)
        extra["people"][person.key] = {"id": person.pk, "updated_at": when(person.updated_at),
                                       "photo": person.photo_id}
    credits = []
    for credit in Credit.objects.order_by("film_id", "order", "id").select_related("film", "person"):
        record = {"film": credit.film.key, "person": credit.person.key, "role": credit.role}
        if credit.job:
            record["job"] = credit.job
        if credit.character:
            record["character"] = credit.character
        credits.append(record)
    _dump_json(root / layout.GRAPH, {"films": films, "people": people, "credits": credits})
    _dump_json(root / layout.GRAPH_EXTRA, extra)
    result.films, result.people, result.credits = len(films), len(people), len(credits)


def _write_site(root: Path, result: ContentExportResult) -> None:
    site = SiteSettings.current()
    User = get_user_model()
    users = []
    for user in User.objects.order_by("id"):
        users.append({"username": user.get_username(), "email": user.email, "first_name": user.first_name,
                      "last_name": user.last_name, "role": role_of(user) or "", "is_superuser": user.is_superuser,
                      "is_staff": user.is_staff, "is_active": user.is_active, "date_joined": when(user.date_joined)})
    authors = [{"id": author.pk, "slug": author.slug, "name": author.name, "bio": author.bio,
                "photo": author.photo_id, "website": author.website, "social_links": author.social_links or [],
                "user": author.user.get_username() if author.user else None}
               for author in Author.objects.order_by("id").select_related("user")]
    _dump_json(root / layout.SITE, {
        "settings": {"name": site.name, "tagline": site.tagline, "description": site.description,
                     "social_links": site.social_links or [], "logo": site.logo_id, "updated_at": when(site.updated_at)},
        "sections": [{"id": s.pk, "slug": s.slug, "name": s.name, "description": s.description, "order": s.order}
                     for s in Section.objects.order_by("id")],
        "tags": [{"id": t.pk, "slug": t.slug, "name": t.name} for t in Tag.objects.order_by("id")],
        "authors": authors,
        "users": users,
    })
    result.authors, result.users = len(authors), len(users)


def _write_redirects(root: Path, result: ContentExportResult) -> None:
    redirects = [{"path": path, "location": location} for path, location in
                 StoredPage.objects.filter(status=301).exclude(location="").order_by("path")
                 .values_list("path", "location")]
    _dump_json(root / layout.REDIRECTS, {"redirects": redirects})
    result.redirects = len(redirects)


def _content(article: Article, revision: Revision | None) -> dict[str, Any]:
    """The story's editable fields as a revision keeps them (a story from before revisions: its fields)."""
    if revision is not None:
        return dict(revision.content)
    return {"headline": article.headline, "body": article.body, "slug": article.slug, "dek": article.dek,
            "summary": article.summary, "section": article.section.slug if article.section else "",
            "tags": list(article.tags.values_list("name", flat=True)),
            "authors": list(article.authors.order_by("byline__order").values_list("name", flat=True)),
            "hero_image": article.hero_image_id, "sources": article.sources, "publish_at": None,
            "link_overrides": article.link_overrides, "film": article.review_film.key if article.review_film else "",
            "rating": str(article.rating) if article.rating is not None else None, "verdict": article.verdict}


def _main_revision(article: Article, state: str) -> Revision | None:
    """The revision the story file carries: what is (or was, or will be) live, else the latest."""
    if state == WorkflowState.SCHEDULED:
        return article.scheduled_revision or article.latest_revision
    if state in (WorkflowState.PUBLISHED, WorkflowState.UNPUBLISHED):
        return article.live_revision or article.latest_revision
    return article.latest_revision


def story_text(content: dict[str, Any], extra: dict[str, Any]) -> str:
    """A story file: front matter `newsreel publish` reads, the `newsreel:` block, then the body."""
    meta: dict[str, Any] = {"headline": content.get("headline", ""), "slug": content.get("slug", "")}
    for name in ("dek", "summary", "section"):
        if content.get(name):
            meta[name] = content[name]
    for name in ("tags", "authors", "sources"):
        if content.get(name):
            meta[name] = list(content[name])
    if content.get("publish_at"):
        meta["published_at"] = content["publish_at"]
    if content.get("film"):
        meta["film"] = content["film"]
    if content.get("rating") not in (None, ""):
        meta["rating"] = str(content["rating"])
    if content.get("verdict"):
        meta["verdict"] = content["verdict"]
    body = content.get("body") or ""
    extra = dict(extra)
    if content.get("hero_image") is not None:
        extra["hero_image"] = content["hero_image"]
    if content.get("link_overrides"):
        extra["link_overrides"] = content["link_overrides"]
    leading = len(body) - len(body.lstrip("\n"))
    if leading:
        extra["body_leading_newlines"] = leading  # the front matter's reader strips them
    meta[layout.EXTRA_KEY] = extra
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100000)
    return f"---\n{front}---\n{body}"


def _extra(article: Article, state: str) -> dict[str, Any]:
    extra: dict[str, Any] = {
        "id": article.pk, "state": state,
        "published_at": when(article.published_at), "first_published_at": when(article.first_published_at),
        "went_live_at": when(article.went_live_at), "unpublish_at": when(article.unpublish_at),
        "created_at": when(article.created_at), "updated_at": when(article.updated_at),
        "created_by": article.created_by.get_username() if article.created_by else None,
        "bylines": list(Author.objects.filter(byline__article=article).order_by("byline__order", "byline__id")
                        .values_list("slug", flat=True)),
        "tags": list(article.tags.order_by("id").values_list("slug", flat=True)),
    }
    source_ids = [{"source": s.source, "external_id": s.external_id, "wordpress_post_id": s.wordpress_post_id}
                  for s in article.source_ids.order_by("id")]
    if source_ids:
        extra["source_ids"] = source_ids
    checks = [{"text": c.text, "verdict": c.verdict, "speaker_kind": c.speaker_kind,
               "person": c.person.key if c.person else None, "speaker_name": c.speaker_name,
               "checked_by": c.checked_by.get_username() if c.checked_by else None, "checked_at": when(c.checked_at)}
              for c in article.quote_checks.order_by("id").select_related("person", "checked_by")]
    if checks:
        extra["quote_checks"] = checks
    return extra


def _write_stories(root: Path, result: ContentExportResult, *, revisions: bool, trash: bool, say: Say) -> None:
    stories = root / layout.STORIES
    stories.mkdir()
    if revisions:
        (root / layout.REVISIONS).mkdir()
    trashed = {entry.article_id: entry for entry in TrashedArticle.objects.all()}
    articles = (Article.objects.order_by("id")
                .select_related("live_revision", "latest_revision", "scheduled_revision", "section", "review_film",
                                "created_by"))
    total = articles.count()
    for index, article in enumerate(articles.iterator(chunk_size=200), start=1):
        state = article.state
        if state == WorkflowState.DELETED:
            if not trash:
                continue
            entry = trashed.get(article.pk)
            state = entry.state_before if entry else WorkflowState.DRAFT
        revision = _main_revision(article, state)
        extra = _extra(article, state)
        # The page's "Updated" line compares the live revision's save with the first publication.
        extra["revision_created_at"] = when(revision.created_at) if revision is not None else None
        if article.state == WorkflowState.DELETED:
            entry = trashed.get(article.pk)
            extra["trashed"] = {"deleted_at": when(entry.deleted_at) if entry else None,
                                "deleted_by": entry.deleted_by.get_username() if entry and entry.deleted_by else None}
        if revisions:
            extra["revision_numbers"] = {
                name: getattr(article, f"{name}_revision").number if getattr(article, f"{name}_revision_id") else None
                for name in ("latest", "live", "scheduled")}
        (stories / f"{article.slug}.md").write_text(story_text(_content(article, revision), extra), encoding="utf-8")
        latest = article.latest_revision
        if (state in (WorkflowState.PUBLISHED, WorkflowState.UNPUBLISHED, WorkflowState.SCHEDULED)
                and latest is not None and revision is not None and latest.pk != revision.pk):
            pending = {"of": article.slug, "created_at": when(latest.created_at)}
            (stories / f"{article.slug}{layout.PENDING_SUFFIX}").write_text(
                story_text(dict(latest.content), pending), encoding="utf-8")
            result.pending += 1
        if revisions:
            rows = [{"number": r.number, "created_at": when(r.created_at), "origin": r.origin,
                     "created_by": r.created_by.get_username() if r.created_by else None,
                     "content": r.content, "derived": r.derived}
                    for r in article.revisions.order_by("number").select_related("created_by")]
            _dump_json(root / layout.REVISIONS / f"{article.slug}.json", {"slug": article.slug, "revisions": rows})
            result.revisions += len(rows)
        result.stories += 1
        result.by_state[article.state] = result.by_state.get(article.state, 0) + 1
        if index % 500 == 0 or index == total:
            say(f"  {index}/{total} stories")


README_TEXT = """# Newsreel content export

Written by `newsreel export content` (format {name}, version {version}) on {exported_at}.
Read it back into an empty site with `newsreel import content DIR`; see Newsreel's docs/export.md.

- `manifest.json`: the format, its version, what was exported and how many of each.
- `site.json`: site settings, sections, tags, authors (profiles) and desk accounts (no passwords).
- `images.json` and `media/`: every image's original file with its alt text, credit, caption,
  focal point and the films and people it shows.
- `graph.json`: films, people and credits as `newsreel import-kb` reads them (posters and
  photos point into `media/`); `graph-extra.json`: ids and last-change times import-kb has no field for.
- `redirects.json`: old addresses that answer 301, and where they lead.
- `stories/SLUG.md`: one story each, Markdown with front matter (`newsreel publish` reads the
  ordinary fields; the `newsreel:` block holds its id, state, times, hero image, pinned links,
  source ids and quote checks). `stories/SLUG.pending.md`: saved edits of a live story not yet published.
- `revisions/SLUG.json`: every revision of a story (only with `--revisions`).
"""


def _write_manifest(root: Path, result: ContentExportResult, *, revisions: bool, trash: bool) -> None:
    exported_at = when(dt.datetime.now(dt.timezone.utc))
    _dump_json(root / layout.MANIFEST, {
        "format": layout.FORMAT_NAME, "version": layout.FORMAT_VERSION, "exported_at": exported_at,
        "revisions": revisions, "trash": trash,
        "counts": {"stories": result.stories, "pending": result.pending, "revisions": result.revisions,
                   "images": result.images, "films": result.films, "people": result.people,
                   "credits": result.credits, "redirects": result.redirects, "authors": result.authors,
                   "users": result.users, "by_state": result.by_state},
    })
    (root / layout.README).write_text(README_TEXT.format(name=layout.FORMAT_NAME, version=layout.FORMAT_VERSION,
                                                         exported_at=exported_at), encoding="utf-8")
