"""Autosave slots (see models/autosave.py): keep, find, offer back and drop a writer's unsaved fields."""

from __future__ import annotations

import re
from typing import Any, Mapping

from django.db import IntegrityError, transaction
from django.utils import timezone

from newsreel.newsroom.models import Article, Autosave
from newsreel.newsroom.permissions import STORY_CREATE, STORY_EDIT, require

# The editor's fields a slot keeps, as the desk's form names them.
EDITOR_FIELDS = ("headline", "slug", "dek", "summary", "body", "section", "tags", "authors", "hero_image", "sources")
# Bigger than any story we know of (a long feature is ~60,000 characters); stops a runaway client.
MAX_FIELD_CHARS = 1_000_000


class AutosaveError(ValueError):
    """An autosave that cannot be kept; the message says which field and why."""


def clean_fields(values: Mapping[str, Any]) -> dict[str, str]:
    """The editor's fields from a submitted form, as strings; unknown names are ignored."""
    fields = {}
    for name in EDITOR_FIELDS:
        value = values.get(name, "")
        # Browsers send a textarea's line breaks as CRLF; revisions keep LF.
        value = "" if value is None else str(value).replace("\r\n", "\n")
        if len(value) > MAX_FIELD_CHARS:
            raise AutosaveError(f"{name} is {len(value):,} characters; an autosave keeps at most {MAX_FIELD_CHARS:,}")
        fields[name] = value
    return fields


def keep(user, article: Article | None, fields: Mapping[str, Any], *, base_revision: int = 0,
         draft: dict[str, Any] | None = None) -> Autosave:
    """Overwrite the slot of (user, article) with these fields (article None: their new story)."""
    require(user, STORY_EDIT if article is not None else STORY_CREATE, article)
    values = {"fields": clean_fields(fields), "draft": draft, "base_revision": max(0, int(base_revision or 0)),
              "saved_at": timezone.now()}
    # Two autosaves of one slot can race (two tabs); the unique constraints keep one row.
    for attempt in range(2):
        try:
            with transaction.atomic():
                slot, _ = Autosave.objects.update_or_create(user=user, article=article, defaults=values)
                return slot
        except IntegrityError:
            if attempt:
                raise
    raise AssertionError("unreachable")


def find(user, article: Article | None) -> Autosave | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return Autosave.objects.filter(user=user, article=article).first()


def discard(user, article: Article | None) -> None:
    if getattr(user, "is_authenticated", False):
        Autosave.objects.filter(user=user, article=article).delete()


def _comparable(name: str, value: Any) -> str:
    # Spacing is not a change worth offering back (the form normalises "a,b" to "a, b").
    return re.sub(r"\s+", "", str(value or ""))


def differs(fields: Mapping[str, Any], shown: Mapping[str, Any]) -> bool:
    """Whether a slot holds anything the editor does not already show.

    An empty slug in the slot is not a difference: saving fills it from the headline.
    """
    for name in EDITOR_FIELDS:
        if name == "slug" and not fields.get(name):
            continue
        if _comparable(name, fields.get(name)) != _comparable(name, shown.get(name)):
            return True
    return False


def offer(user, article: Article | None, shown: Mapping[str, Any]) -> Autosave | None:
    """The slot to offer back, if it holds text the editor does not show; a slot that
    holds nothing new is dropped."""
    slot = find(user, article)
    if slot is None:
        return None
    if differs(slot.fields, shown):
        return slot
    slot.delete()
    return None
