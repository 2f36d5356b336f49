"""The Admin API: drafts, images, scheduling and publishing, as the desk does them.

Each operation goes through the same services as the desk (the one intake, `save_draft`,
`publish`, `scheduling`, `create_image`), acting as the key's person: the permission table
(newsroom.permissions) decides what that person's role may do, and the key's scopes can
only narrow it. Errors are JSON with the field path, the intake's own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional, Union

from django.core.exceptions import ValidationError
from ninja import File, Form, Path, Router, Schema
from ninja.files import UploadedFile
from ninja.responses import Status
from pydantic import ConfigDict, Field

from newsreel.api.errors import ApiError
from newsreel.api.schemas import Errors, ImageOut
from newsreel.api.security import AdminKey
from newsreel.images.services import create_image
from newsreel.newsroom import publishing, scheduling
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, WorkflowState
from newsreel.newsroom.permissions import STORY_UNPUBLISH, STORY_VIEW, require
from newsreel.newsroom.problems import FieldError
from newsreel.public.pages.common import absolute

router = Router(auth=AdminKey(), tags=["Admin API"])
ERRORS = {401: Errors, 403: Errors, 404: Errors, 422: Errors, 429: Errors, 503: Errors}
TEXT = 1_000_000  # the intake's own limits apply after this; this only bounds the request


class Source(Schema):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(..., max_length=500)
    url: str = Field("", max_length=2000)


class DraftFields(Schema):
    """Every field of a story as the intake takes it; on an update, only the fields sent change."""

    model_config = ConfigDict(extra="forbid")
    headline: str = Field(None, max_length=TEXT)
    body: str = Field(None, max_length=TEXT * 10, description="Newsreel Markdown")
    slug: str = Field(None, max_length=TEXT)
    dek: str = Field(None, max_length=TEXT)
    summary: str = Field(None, max_length=TEXT, description="Editor's summary; a spoiler-safe one is generated when empty")
    section: str = Field(None, max_length=TEXT, description="A section's slug")
    tags: list[str] = Field(None, max_length=200)
    authors: list[str] = Field(None, max_length=50)
    hero_image: Optional[int] = Field(None, description="An image id from POST /admin/images")
    sources: list[Source] = Field(None, max_length=100)
    film: str = Field(None, max_length=TEXT, description="A review's film (its key or title)")
    rating: Optional[Union[float, str]] = None
    verdict: str = Field(None, max_length=TEXT)


class NewDraft(DraftFields):
    headline: str = Field(..., max_length=TEXT)
    body: str = Field(..., max_length=TEXT * 10, description="Newsreel Markdown")


class When(Schema):
    model_config = ConfigDict(extra="forbid")
    publish_at: dt.datetime
    unpublish_at: Optional[dt.datetime] = None


class StoryState(Schema):
    id: int
    slug: str
    state: str
    live: bool
    url: str
    revision: Optional[int] = None
    problems: list[str] = Field(description="Text problems of the latest revision; they stop a publish")
    published_at: Optional[dt.datetime] = None
    unpublish_at: Optional[dt.datetime] = None
    draft: dict[str, Any] = Field(description="The latest saved content, as the intake keeps it")


class ImageCreated(ImageOut):
    id: int


def _scope(request, scope: str) -> None:
    if scope not in request.auth.scopes:
        raise ApiError(403, f"this key lacks the {scope} scope; make a key with it (newsreel api-key --scope {scope})")


def _user(request):
    return request.auth.user


def _article(pk: int) -> Article:
    article = Article.objects.select_related("latest_revision").filter(pk=pk).first()
    if article is None:
        raise ApiError(404, f"no story has the id {pk}")
    return article


def _state(article: Article) -> dict[str, Any]:
    article.refresh_from_db()
    revision = article.latest_revision
    draft = publishing.draft_for(article)
    return {"id": article.pk, "slug": article.slug, "state": article.state, "live": article.is_live,
            "url": absolute(article.get_absolute_url()), "revision": revision.number if revision else None,
            "problems": list((revision.derived or {}).get("errors", [])) if revision else [],
            "published_at": article.published_at if article.state != "draft" else None,
            "unpublish_at": article.unpublish_at, "draft": draft.to_json()}


def _draft(fields: DraftFields, base: ArticleDraft | None) -> ArticleDraft:
    given = fields.model_dump(exclude_unset=True)
    data = base.to_json() if base is not None else {}
    if "sources" in given:
        given["sources"] = [dict(source) for source in given["sources"] or []]
    for name, value in given.items():
        data[name] = value if value is not None or name in ("hero_image", "rating") else ""
    for name in ("tags", "authors", "sources"):
        if data.get(name) == "":
            data[name] = []
    return ArticleDraft.from_json(data)


@router.post("/stories", response={201: StoryState, **ERRORS}, summary="Create a draft")
def create_story(request, draft: NewDraft):
    _scope(request, "stories:write")
    article = publishing.save_draft(_draft(draft, None), user=_user(request), origin="api")
    return Status(201, _state(article))


@router.get("/stories/{story_id}", response={200: StoryState, **ERRORS}, summary="A story's state and latest draft")
def get_story(request, story_id: int = Path(..., ge=1, le=2**31 - 1)):
    _scope(request, "stories:read")
    article = _article(story_id)
    require(_user(request), STORY_VIEW, article)
    return _state(article)


@router.patch("/stories/{story_id}", response={200: StoryState, **ERRORS},
              summary="Update a story's draft (a live story stays as it is until published)")
def update_story(request, changes: DraftFields, story_id: int = Path(..., ge=1, le=2**31 - 1)):
    _scope(request, "stories:write")
    article = _article(story_id)
    require(_user(request), STORY_VIEW, article)
    saved = publishing.save_draft(_draft(changes, publishing.draft_for(article)), article=article,
                                  user=_user(request), origin="api")
    return _state(saved)


@router.post("/stories/{story_id}/publish", response={200: StoryState, **ERRORS},
             summary="Publish the latest draft (a future publish_at schedules it)")
def publish_story(request, story_id: int = Path(..., ge=1, le=2**31 - 1)):
    _scope(request, "stories:publish")
    return _state(publishing.publish(_article(story_id), user=_user(request)))


def _in_utc(moment: dt.datetime, field: str) -> dt.datetime:
    """`moment` in UTC (UTC when it names no offset), or a 422 naming the field: 9999-12-31T23:59:59-14:00
    is past what a date holds in UTC, and converting it was an OverflowError that answered 500."""
    try:
        return moment.astimezone(dt.timezone.utc) if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    except OverflowError:
        raise ApiError(422, [FieldError(field, f"{moment.isoformat()} is outside the times a date holds in UTC "
                                               "(years 1 to 9999); choose a time in the coming years")]) from None


@router.post("/stories/{story_id}/schedule", response={200: StoryState, **ERRORS},
             summary="Schedule the latest draft to go live at publish_at")
def schedule_story(request, when: When, story_id: int = Path(..., ge=1, le=2**31 - 1)):
    _scope(request, "stories:publish")
    at = _in_utc(when.publish_at, "publish_at")
    until = _in_utc(when.unpublish_at, "unpublish_at") if when.unpublish_at is not None else None
    return _state(scheduling.schedule(_article(story_id), at=at, unpublish_at=until, user=_user(request)))


@router.post("/stories/{story_id}/unschedule", response={200: StoryState, **ERRORS},
             summary="Take a scheduled story out of the queue")
def unschedule_story(request, story_id: int = Path(..., ge=1, le=2**31 - 1)):
    _scope(request, "stories:publish")
    return _state(scheduling.unschedule(_article(story_id), user=_user(request)))


@router.post("/stories/{story_id}/unpublish", response={200: StoryState, **ERRORS},
             summary="Take a live story off the site (its address answers 410); a story not live is a 422")
def unpublish_story(request, story_id: int = Path(..., ge=1, le=2**31 - 1)):
    _scope(request, "stories:publish")
    article = _article(story_id)
    require(_user(request), STORY_UNPUBLISH, article)
    if not article.is_live:
        # The desk offers Unpublish only on a live story; a 200 that changed nothing let a client believe
        # it had stopped a scheduled story, which then went live at its minute.
        raise ApiError(422, [FieldError("state", _not_live(article))])
    return _state(publishing.unpublish(article, user=_user(request)))


def _not_live(article: Article) -> str:
    """Why a story that is not live cannot be unpublished, and what to do instead."""
    if article.state == WorkflowState.SCHEDULED:
        return (f"the story is scheduled, not live: to keep it from going live, unschedule it "
                f"(POST /api/admin/stories/{article.pk}/unschedule)")
    if article.state == WorkflowState.UNPUBLISHED:
        return "the story is unpublished, not live: it is off the site already"
    if article.state == WorkflowState.DELETED:
        return "the story is in the trash, not live: it is off the site already"
    if article.state == WorkflowState.PUBLISHED:
        return "the story is published with a time still to come, not live: there is nothing to take off the site yet"
    where = {WorkflowState.DRAFT: "a draft", WorkflowState.CHANGES_REQUESTED: "back with its writer (changes requested)"}
    return (f"the story is {where.get(article.state, article.get_state_display().lower())}, not live: "
            "there is nothing to take off the site")


def _each_part_once(request, *names: str) -> None:
    """A multipart part sent twice is refused naming it: django-ninja kept the last without a word."""
    problems = []
    for name in names:
        count = len(request.FILES.getlist(name)) + len(request.POST.getlist(name))
        if count > 1:
            problems.append(FieldError(name, f"was sent {count} times; an upload takes one {name} "
                                             "(send each image in a request of its own)"))
    if problems:
        raise ApiError(422, problems)


@router.post("/images", response={201: ImageCreated, **ERRORS}, summary="Upload an image (alt text and credit required)")
def upload_image(request, file: File[UploadedFile], alt: Form[str], credit: Form[str], caption: Form[str] = ""):
    from newsreel.images.renditions import picture
    from newsreel.newsroom.permissions import IMAGE_UPLOAD

    _scope(request, "images:write")
    require(_user(request), IMAGE_UPLOAD)
    _each_part_once(request, "file", "alt", "credit", "caption")
    try:
        image = create_image(file, alt=alt, credit=credit, caption=caption)
    except ValidationError as error:
        problems = ([FieldError(name, message) for name, messages in error.message_dict.items() for message in messages]
                    if hasattr(error, "error_dict") else [FieldError("file", message) for message in error.messages])
        raise ApiError(422, problems) from None
    shown = picture(image)
    return Status(201, {"id": image.pk, "url": shown.absolute_url if shown else absolute(image.file.url), "alt": image.alt,
                 "credit": image.credit, "caption": image.caption, "width": image.width, "height": image.height})
