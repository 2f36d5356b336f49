"""`newsreel import content DIR`: a content export (newsreel.exporters.content) back into an empty site.

In this order: every file is read and checked (`content_files`; a problem in a shared file
stops it before anything is written); then in one transaction the site settings, desk
accounts (with a random password nobody knows: each person sets one through "Forgot your
password?"), images (their
original files at their original names, ids kept, renditions made again), the knowledge
graph (through import-kb's writer), sections, tags and authors; then every story through
the one intake (`upsert.publish_incoming`), in id order and given its old id, each all or
nothing; then the times and ids the intake cannot know, redirects, and every page rendered
again. The public pages of the new site are then byte for byte those of the old one.
"""

from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, TextIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DatabaseError, transaction

from newsreel.films.knowledge import KnowledgeGraphError, import_knowledge_graph
from newsreel.films.models import Film, Person
from newsreel.images.models import Image
from newsreel.images.renditions import refresh_renditions, stored_names
from newsreel.images.services import check_image
from newsreel.embeds.services import nothing_fetched
from newsreel.importers.content_files import ContentFiles, ContentFilesError, Story, parse_time, read_content
from newsreel.importers.id_sequences import catch_up, next_id_will_be
from newsreel.importers.runner import Progress
from newsreel.newsroom import clock, publishing, scheduling, trash
from newsreel.newsroom.intake import IntakeError
from newsreel.newsroom.models import (
    Article, Author, Byline, Revision, Section, SourceId, Tag, TrashedArticle, WorkflowState,
)
from newsreel.newsroom.quote_checks import restore_checks
from newsreel.newsroom.upsert import publish_incoming
from newsreel.public.models import SiteSettings
from newsreel.public.refresh import batched, refresh_everything
from newsreel.public.store import store_redirect
from newsreel.write_retry import DatabaseBusy

ORIGIN = "import:content"
Say = Callable[[str], None]


class ContentImportError(Exception):
    """Nothing was imported; the message says why (a non-empty site, unreadable files)."""


@dataclass
class ContentImportResult:
    stories: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    images: int = 0
    films: int = 0
    people: int = 0
    redirects: int = 0
    pages: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"{self.stories} stories ({self.failed} failed), {self.images} images, {self.films} films, "
                f"{self.people} people, {self.redirects} redirects; {self.pages} pages rendered")


def site_is_empty() -> list[str]:
    """What the site already holds that an import would mix with (empty list: nothing)."""
    held = [(Article, "stories"), (Image, "images"), (Film, "films"), (Person, "people"), (Author, "authors"),
            (Tag, "tags")]
    return [f"{model.objects.count()} {name}" for model, name in held if model.objects.exists()]


def import_content(source: Path, *, say: Say | None = None, progress_stream: TextIO | None = None
                   ) -> ContentImportResult:
    """Import the export in `source` into this (empty) site; ContentImportError when nothing could be."""
    started = time.perf_counter()
    say = say or (lambda text: None)
    try:
        files = read_content(source)
    except ContentFilesError as error:
        raise ContentImportError(f"{source} cannot be imported:\n" + "\n".join(f"  {p}" for p in error.problems)) from None
    held = site_is_empty()
    if held:
        raise ContentImportError(f"this site is not empty ({', '.join(held)}); import content only into a new site "
                                 "(an empty database and media folder)")
    result = ContentImportResult(failures=list(files.problems), failed=len(files.problems))
    say("Importing site settings, accounts, images, the knowledge graph, sections, tags and authors ...")
    stored_files: list[str] = []
    try:
        with transaction.atomic():
            _shared(files, result, stored_files)
    except BaseException:
        for name in stored_files:  # the rows went with the transaction; their files go too
            default_storage.delete(name)
        raise
    say(f"  {result.images} images, {result.films} films, {result.people} people")
    progress = Progress(len(files.stories), progress_stream, label="imported") if progress_stream else None
    imported: list[tuple[Story, Article]] = []
    with batched(), nothing_fetched():
        for index, story in enumerate(files.stories, start=1):
            article = _story(story, result)
            if article is not None:
                imported.append((story, article))
            if progress:
                progress.update(index, result.failed)
    say("Putting back times, redirects, and rendering every page ...")
    with transaction.atomic():
        for story, article in imported:
            _times(story, article)
        for entry in files.redirects:
            store_redirect(entry["path"], entry["location"])
        result.redirects = len(files.redirects)
        _graph_times(files)
        Author.objects.filter(byline__isnull=True).exclude(slug__in=_author_slugs(files)).delete()
        catch_up(Article)
        result.pages = refresh_everything()
    result.seconds = time.perf_counter() - started
    return result


def _author_slugs(files: ContentFiles) -> list[str]:
    return [author["slug"] for author in files.site.get("authors") or [] if isinstance(author, dict)]


def _shared(files: ContentFiles, result: ContentImportResult, stored_files: list[str]) -> None:
    _users(files)
    _images(files, result, stored_files)
    _graph(files, result)
    _taxonomy(files)
    settings = files.site["settings"]
    site = SiteSettings.current()
    catch_up(Image, Section, Tag, Author)  # rows written with their ids: new ones are numbered after them
    for name in ("name", "tagline", "description", "social_links"):
        if name in settings:
            setattr(site, name, settings[name])
    site.logo_id = settings.get("logo")
    site.save()
    updated = parse_time(settings.get("updated_at"), "settings.updated_at", [])
    if updated:
        SiteSettings.objects.filter(pk=site.pk).update(updated_at=updated)


def _users(files: ContentFiles) -> None:
    User = get_user_model()
    for entry in files.site.get("users") or []:
        if not isinstance(entry, dict) or not entry.get("username"):
            continue
        if User.objects.filter(username=entry["username"]).exists():
            continue  # an account made before the import (the one running it) is kept as it is
        user = User(username=entry["username"], email=entry.get("email") or "",
                    first_name=entry.get("first_name") or "", last_name=entry.get("last_name") or "",
                    is_active=bool(entry.get("is_active", True)), is_staff=bool(entry.get("is_staff")),
                    is_superuser=bool(entry.get("is_superuser")))
        # Passwords never leave a site: a random one nobody knows, so "Forgot your password?"
        # (which ignores accounts without a usable password) lets each person set theirs.
        user.set_password(secrets.token_urlsafe(32))
        joined = parse_time(entry.get("date_joined"), "date_joined", [])
        if joined:
            user.date_joined = joined
        user.save()
        if entry.get("role"):
            group = Group.objects.filter(name=entry["role"]).first()
            if group is not None:
                user.groups.add(group)


def _images(files: ContentFiles, result: ContentImportResult, stored_files: list[str]) -> None:
    """Each image at its old id and its old name in the media folder, its renditions made again."""
    for entry in sorted(files.images, key=lambda item: item["id"]):
        where = f"images.json: image {entry['id']}"
        data = (files.root / entry["file"]).read_bytes()
        try:
            width, height = check_image(data, alt=entry["alt"], credit=entry["credit"], caption=entry.get("caption") or "")
        except ValidationError as error:
            raise ContentImportError(f"{where}: " + "; ".join(
                f"{name}: {' '.join(texts)}" for name, texts in error.message_dict.items())) from None
        name = entry["file"][len("media/"):]
        if default_storage.exists(name):
            raise ContentImportError(f"{where}: the media folder already holds {name}; import into an empty one")
        saved = default_storage.save(name, ContentFile(data))
        stored_files.append(saved)
        image = Image(pk=entry["id"], file=saved, width=width, height=height, alt=entry["alt"].strip(),
                      credit=entry["credit"].strip(), caption=(entry.get("caption") or "").strip(),
                      focal_x=float(entry.get("focal_x", 0.5)), focal_y=float(entry.get("focal_y", 0.5)))
        image.save(force_insert=True)
        refresh_renditions(image)
        stored_files += stored_names(image.renditions)
        uploaded = parse_time(entry.get("uploaded_at"), "uploaded_at", [])
        if uploaded:
            Image.objects.filter(pk=image.pk).update(uploaded_at=uploaded)
    result.images = len(files.images)


def _graph(files: ContentFiles, result: ContentImportResult) -> None:
    """Films, people and credits through import-kb's writer; posters and photos are the images already in."""
    data = {kind: [{k: v for k, v in record.items() if k not in ("poster", "photo")} for record in
                   files.graph.get(kind) or [] if isinstance(record, dict)]
            for kind in ("films", "people")}
    data["credits"] = files.graph.get("credits") or []
    try:
        imported = import_knowledge_graph(data)
    except KnowledgeGraphError as error:
        raise ContentImportError(f"graph.json: {error}") from None
    result.films, result.people = imported.films_created, imported.people_created
    for model, kind, picture in ((Film, "films", "poster"), (Person, "people", "photo")):
        for key, entry in (files.graph_extra.get(kind) or {}).items():
            if isinstance(entry, dict) and entry.get(picture) is not None:
                model.objects.filter(key=key).update(**{f"{picture}_id": entry[picture]})
    films = dict(Film.objects.values_list("key", "id"))
    people = dict(Person.objects.values_list("key", "id"))
    for entry in files.images:
        image = Image.objects.get(pk=entry["id"])
        image.films.set([films[key] for key in entry.get("films") or [] if key in films])
        image.people.set([people[key] for key in entry.get("people") or [] if key in people])


def _graph_times(files: ContentFiles) -> None:
    for model, kind in ((Film, "films"), (Person, "people")):
        for key, entry in (files.graph_extra.get(kind) or {}).items():
            updated = parse_time(entry.get("updated_at") if isinstance(entry, dict) else None, "updated_at", [])
            if updated:
                model.objects.filter(key=key).update(updated_at=updated)


def _taxonomy(files: ContentFiles) -> None:
    """Sections (the site's own defaults updated or removed to match), tags and authors, ids kept."""
    sections = [entry for entry in files.site.get("sections") or [] if isinstance(entry, dict)]
    Section.objects.exclude(slug__in=[entry["slug"] for entry in sections]).delete()
    for entry in sections:
        values = {"name": entry["name"], "description": entry.get("description") or "", "order": entry.get("order") or 0}
        existing = Section.objects.filter(slug=entry["slug"]).first()
        if existing is not None and existing.pk == entry["id"]:
            Section.objects.filter(pk=existing.pk).update(**values)
            continue
        if existing is not None:
            existing.delete()  # a default section under another id: made again with the exported one
        Section.objects.filter(pk=entry["id"]).delete()
        Section.objects.create(pk=entry["id"], slug=entry["slug"], **values)
    for entry in files.site.get("tags") or []:
        Tag.objects.create(pk=entry["id"], slug=entry["slug"], name=entry["name"])
    User = get_user_model()
    for entry in files.site.get("authors") or []:
        Author.objects.create(
            pk=entry["id"], slug=entry["slug"], name=entry["name"], bio=entry.get("bio") or "",
            photo_id=entry.get("photo"), website=entry.get("website") or "", social_links=entry.get("social_links") or [],
            user=User.objects.filter(username=entry["user"]).first() if entry.get("user") else None)


def _story(story: Story, result: ContentImportResult) -> Article | None:
    """One story through the intake, at its old id, in its old state; None (and a failure noted) when refused."""
    state = story.state
    incoming = story.incoming
    draft = incoming.draft
    if state in (WorkflowState.PUBLISHED, WorkflowState.UNPUBLISHED):
        draft.publish_at = story.extra.get("published_at") or draft.publish_at
    incoming.publish = state in (WorkflowState.PUBLISHED, WorkflowState.UNPUBLISHED, WorkflowState.SCHEDULED)
    if state == WorkflowState.SCHEDULED:
        draft.publish_at = story.extra.get("published_at") or draft.publish_at
    incoming.after = lambda article: _after(story, article)
    try:
        next_id_will_be(Article, story.id)
        article, _created = publish_incoming(incoming, origin=ORIGIN, source=story.source)
    except IntakeError as error:
        result.failed += 1
        result.failures.append(str(error))
        return None
    except DatabaseBusy as error:
        result.failed += 1
        result.failures.append(f"{story.source}: not imported: {error}")
        return None
    except DatabaseError:
        raise
    except Exception as error:  # noqa: BLE001 - what the checks did not foresee fails this story, not the import
        # The story's own transaction is rolled back; the stories and shared rows before it stay,
        # so stopping here with a traceback left a site half imported.
        result.failed += 1
        result.failures.append(f"{story.source}: not imported: could not be read ({type(error).__name__}: {error})")
        return None
    if article.pk != story.id:
        result.warnings.append(f"{story.source}: imported as story {article.pk}, not {story.id} "
                               "(the site was not empty, or another writer added a story meanwhile)")
    result.stories += 1
    return article


def _after(story: Story, article: Article) -> None:
    """Inside the story's transaction: what the intake does not set (state, bylines, ids, checks, trash)."""
    extra, state = story.extra, story.state
    if state == WorkflowState.UNPUBLISHED and article.is_live:
        publishing.unpublish(article)
    elif state in (WorkflowState.IN_REVIEW, WorkflowState.CHANGES_REQUESTED):
        Article.objects.filter(pk=article.pk).update(state=state)
        article.state = state
    story.revision_id = Article.objects.filter(pk=article.pk).values_list("latest_revision_id", flat=True).first()
    _bylines(article, extra)
    for entry in extra.get("source_ids") or []:
        SourceId.objects.create(article=article, source=entry["source"], external_id=entry["external_id"],
                                wordpress_post_id=entry.get("wordpress_post_id"))
    if story.pending is not None:
        publishing.save_draft(story.pending.draft, article=article, origin=ORIGIN)
    coming_down = extra.get("unpublish_at")
    if coming_down and coming_down > clock.now() and state in (WorkflowState.PUBLISHED, WorkflowState.SCHEDULED):
        article.refresh_from_db()
        scheduling.set_unpublish_time(article, coming_down)  # the worker's task to take it down, queued again
    checks = extra.get("quote_checks") or []
    if checks:
        User = get_user_model()
        restore_checks(article, [{**check, "checked_by": User.objects.filter(username=check["checked_by"]).first()
                                  if check.get("checked_by") else None,
                                  "checked_at": parse_time(check.get("checked_at"), "checked_at", [])}
                                 for check in checks])
    if story.revisions is not None:
        _revisions(story, article)
    trashed = extra.get("trashed")
    if isinstance(trashed, dict):
        article.refresh_from_db()
        trash.trash(article)
        deleted_at = parse_time(trashed.get("deleted_at"), "deleted_at", [])
        if deleted_at:
            TrashedArticle.objects.filter(article=article).update(deleted_at=deleted_at)


def _bylines(article: Article, extra: dict) -> None:
    """The intake finds authors by their names' slugs; a renamed author's story is given its author back."""
    wanted = [slug for slug in extra.get("bylines") or []]
    have = list(Author.objects.filter(byline__article=article).order_by("byline__order").values_list("slug", flat=True))
    if have == wanted:
        return
    authors = Author.objects.in_bulk(wanted, field_name="slug")
    Byline.objects.filter(article=article).delete()
    Byline.objects.bulk_create(Byline(article=article, author=authors[slug], order=order)
                               for order, slug in enumerate(wanted) if slug in authors)


def _revisions(story: Story, article: Article) -> None:
    """Every exported revision in place of the ones the intake made, the live and latest ones named again."""
    User = get_user_model()
    numbers = story.extra.get("revision_numbers") or {}
    article.revisions.all().delete()
    by_number = {}
    for entry in story.revisions or []:
        user = User.objects.filter(username=entry["created_by"]).first() if entry.get("created_by") else None
        revision = Revision.objects.create(article=article, number=entry["number"], content=entry["content"],
                                           derived=entry.get("derived") or {}, origin=entry.get("origin") or "",
                                           created_by=user)
        created = parse_time(entry.get("created_at"), "created_at", [])
        if created:
            Revision.objects.filter(pk=revision.pk).update(created_at=created)
        by_number[entry["number"]] = revision.pk
    Article.objects.filter(pk=article.pk).update(**{
        f"{name}_revision_id": by_number.get(numbers.get(name)) for name in ("latest", "live", "scheduled")})


def _times(story: Story, article: Article) -> None:
    """The story's own times (the intake stamps them "now"), and who created it."""
    extra = story.extra
    values = {name: extra.get(name) for name in ("created_at", "updated_at", "first_published_at", "went_live_at")
              if extra.get(name) is not None}
    values["published_at"] = extra.get("published_at")
    if extra.get("created_by"):
        values["created_by"] = get_user_model().objects.filter(username=extra["created_by"]).first()
    if values:
        Article.objects.filter(pk=article.pk).update(**values)
    if story.revisions is None and story.revision_id and extra.get("revision_created_at"):
        Revision.objects.filter(pk=story.revision_id).update(created_at=extra["revision_created_at"])
    if story.pending is not None and story.pending_extra.get("created_at"):
        latest = Article.objects.filter(pk=article.pk).values_list("latest_revision_id", flat=True).first()
        created = parse_time(story.pending_extra["created_at"], "created_at", [])
        if latest and created and story.revisions is None:
            Revision.objects.filter(pk=latest).update(created_at=created)
