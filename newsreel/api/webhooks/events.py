"""What is sent: one message per event to every enabled endpoint that asked for it.

Listens to the newsroom (a story published, updated, unpublished, scheduled) and to the
film graph (films and people changed). Messages are written, and their delivery tasks
queued, inside the transaction that made the change: a rolled-back publish sends nothing,
and a committed one is delivered by the worker even if this process dies.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Iterable, Iterator

from django.db.models.signals import post_save
from django.utils import timezone

from newsreel import links
from newsreel.api.models import WebhookDelivery, WebhookEndpoint
from newsreel.api.webhooks import destinations, signing
from newsreel.api.webhooks.delivery import enqueue
from newsreel.films.models import Film, Person
from newsreel.films.signals import graph_changed
from newsreel.newsroom.permissions import INTEGRATIONS_MANAGE, require
from newsreel.newsroom.signals import article_published, article_scheduled, article_unpublished
from newsreel.public.pages.common import absolute

EVENTS = {
    "story.published": "a story went live for the first time (or again after being taken down)",
    "story.updated": "a live story's changes were published",
    "story.unpublished": "a live story was taken off the site",
    "story.scheduled": "a story was scheduled to go live later",
    "film.changed": "films in the knowledge graph were added or changed",
    "person.changed": "people in the knowledge graph were added or changed",
}


def emit(event: str, data: dict[str, Any]) -> int:
    """Queue the message for every endpoint that wants it; the number queued."""
    endpoints = [endpoint for endpoint in _enabled() if not endpoint.events or event in endpoint.events]
    if not endpoints:
        return 0
    payload = {"type": event, "timestamp": timezone.now().isoformat(), "data": data}
    for endpoint in endpoints:
        delivery = WebhookDelivery.objects.create(endpoint=endpoint, message_id=signing.new_message_id(),
                                                  event=event, payload=payload)
        enqueue(delivery)
    return len(endpoints)


_endpoints: ContextVar[list | None] = ContextVar("newsreel_webhook_endpoints", default=None)
_UNREAD: list = []


def _enabled() -> list:
    endpoints = _endpoints.get()
    if endpoints is None:
        return list(WebhookEndpoint.objects.filter(enabled=True))
    if endpoints is _UNREAD:
        endpoints = list(WebhookEndpoint.objects.filter(enabled=True))
        _endpoints.set(endpoints)
    return endpoints


@contextmanager
def endpoints_read_once() -> Iterator[None]:
    """Inside the block (an import's chunk, one transaction) the enabled endpoints are read once.

    Its stories become visible together when it commits; an endpoint added meanwhile hears
    of the next chunk's, as it would had it been added a moment after this one committed."""
    if _endpoints.get() is not None:
        yield
        return
    token = _endpoints.set(_UNREAD)
    try:
        yield
    finally:
        _endpoints.reset(token)


def story_data(article) -> dict[str, Any]:
    """What a message says about a story: its identity and spoiler-safe words only."""
    return {"id": article.pk, "slug": article.slug, "url": absolute(article.get_absolute_url()),
            "headline": article.headline, "state": article.state,
            "published_at": article.published_at.isoformat() if article.published_at else None,
            "summary": article.display_summary, "api_url": absolute(f"/api/content/stories/{article.slug}")}


def _published(sender: Any, article, previous=None, **kwargs: Any) -> None:
    emit("story.updated" if previous is not None else "story.published", story_data(article))


def _unpublished(sender: Any, article, previous=None, **kwargs: Any) -> None:
    emit("story.unpublished", story_data(article))


def _scheduled(sender: Any, article, **kwargs: Any) -> None:
    emit("story.scheduled", story_data(article))


def _films(keys: Iterable[str]) -> list[dict[str, Any]]:
    return [{"key": key, "url": absolute(links.path("film", key=key)),
             "api_url": absolute(f"/api/content/films/{key}")} for key in sorted(set(keys))]


def _people(keys: Iterable[str]) -> list[dict[str, Any]]:
    return [{"key": key, "url": absolute(links.path("person", key=key)),
             "api_url": absolute(f"/api/content/people/{key}")} for key in sorted(set(keys))]


def _graph_changed(sender: Any, films=(), people=(), credited_films=(), credited_people=(), **kwargs: Any) -> None:
    film_keys = set(films) | set(credited_films)
    person_keys = set(people) | set(credited_people)
    if film_keys:
        emit("film.changed", {"films": _films(film_keys)})
    if person_keys:
        emit("person.changed", {"people": _people(person_keys)})


def _film_saved(sender: Any, instance: Film, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        emit("film.changed", {"films": _films([instance.key])})


def _person_saved(sender: Any, instance: Person, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        emit("person.changed", {"people": _people([instance.key])})


def connect() -> None:
    article_published.connect(_published, dispatch_uid="api.webhooks.published")
    article_unpublished.connect(_unpublished, dispatch_uid="api.webhooks.unpublished")
    article_scheduled.connect(_scheduled, dispatch_uid="api.webhooks.scheduled")
    graph_changed.connect(_graph_changed, dispatch_uid="api.webhooks.graph_changed")
    post_save.connect(_film_saved, sender=Film, dispatch_uid="api.webhooks.film_saved")
    post_save.connect(_person_saved, sender=Person, dispatch_uid="api.webhooks.person_saved")


def add_endpoint(url: str, *, events: Iterable[str] = (), description: str = "", by=None) -> WebhookEndpoint:
    """A new endpoint with a fresh secret; ValueError naming the problem. `by` is the person
    asking (None: the command line), checked against the role table."""
    require(by, INTEGRATIONS_MANAGE)
    url = destinations.check_url(url)
    events = list(dict.fromkeys(events))
    unknown = [event for event in events if event not in EVENTS]
    if unknown:
        raise ValueError(f"unknown event {unknown[0]!r}; events are {', '.join(EVENTS)}")
    return WebhookEndpoint.objects.create(url=url, events=events, description=description[:200],
                                          secret=signing.new_secret())


def remove_endpoint(endpoint_id: int, *, by=None) -> bool:
    """Remove an endpoint and its delivery log; False when there is none."""
    require(by, INTEGRATIONS_MANAGE)
    deleted, _ = WebhookEndpoint.objects.filter(pk=endpoint_id).delete()
    return bool(deleted)
