"""Who else has an article open in the editor: a heartbeat every HEARTBEAT_SECONDS, and
anyone heard from within PRESENT_FOR counts as present."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from newsreel.newsroom.models import Article, EditingPresence

HEARTBEAT_SECONDS = 20
# Three missed heartbeats: a closed tab drops out within a minute.
PRESENT_FOR = timedelta(seconds=3 * HEARTBEAT_SECONDS)


@dataclass(frozen=True)
class Editor:
    name: str
    seen_at: datetime


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def beat(article: Article, user) -> None:
    """Record that `user` has `article` open now."""
    now = timezone.now()
    try:
        with transaction.atomic():
            EditingPresence.objects.update_or_create(article=article, user=user, defaults={"seen_at": now})
    except IntegrityError:  # a second tab's heartbeat created the row first
        EditingPresence.objects.filter(article=article, user=user).update(seen_at=now)


def others(article: Article, user) -> list[Editor]:
    """Everyone but `user` who has had the article open within PRESENT_FOR, most recent first."""
    since = timezone.now() - PRESENT_FOR
    rows = (EditingPresence.objects.filter(article=article, seen_at__gte=since).exclude(user=user)
            .select_related("user").order_by("-seen_at"))
    return [Editor(display_name(row.user), row.seen_at) for row in rows]


def leave(article: Article, user) -> None:
    EditingPresence.objects.filter(article=article, user=user).delete()


def describe(editors: list[Editor]) -> str:
    """"carla is also editing this story." for the desk, or "" when nobody else is."""
    if not editors:
        return ""
    names = [editor.name for editor in editors]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    verb = "is" if len(names) == 1 else "are"
    return f"{listed} {verb} also editing this story. Saves never overwrite each other: a save made over a newer revision is merged."
