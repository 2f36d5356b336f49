"""Keep stored pages true when what they show changes outside publishing.

A film's distributor, a person's name, an author's name, a section list or the site's
tagline appear on stored pages. When such a row changes, the pages showing it are
re-rendered (article pages, the home page) or dropped to be rendered on their next request
(film, person, section and author pages). The work runs once per transaction, after it
commits, so an import touching thousands of rows renders each affected page once.
"""

from __future__ import annotations

import threading
from typing import Any

from django.db import transaction
from django.db.models import Q

from newsreel import links
from newsreel.newsroom.models import Article
from newsreel.public.pages.queries import live_articles
from newsreel.public.models import StoredPage

_pending = threading.local()


def schedule(kind: str, key: Any) -> None:
    """Note a change; the affected pages are refreshed when the transaction commits."""
    items = getattr(_pending, "items", None)
    if items is None:
        items = _pending.items = set()
    items.add((kind, key))
    # One callback per change; the first to run takes every pending item, the rest find
    # none. Items left by a rolled-back transaction only cause an extra, harmless render.
    transaction.on_commit(flush)


def flush() -> None:
    """Refresh every page affected by the changes noted so far."""
    items = getattr(_pending, "items", None)
    if not items:
        return
    _pending.items = set()
    from newsreel.public import refresh

    if any(kind == "everything" for kind, _ in items):
        with transaction.atomic():
            refresh.refresh_everything()
        return
    articles = Q(pk__in=[])
    drop: set[str] = set()
    for kind, key in items:
        if kind == "film":
            drop.add(links.path("film", key=key))
            articles |= Q(mentions__film__key=key)
        elif kind == "person":
            drop.add(links.path("person", key=key))
            articles |= Q(mentions__person__key=key)
        elif kind == "film_page":
            drop.add(links.path("film", key=key))
        elif kind == "person_page":
            drop.add(links.path("person", key=key))
        elif kind == "author":
            drop.add(links.path("author", slug=key))
            articles |= Q(authors__slug=key)
        elif kind == "tag":
            articles |= Q(tags__pk=key)
        elif kind == "image":
            articles |= Q(hero_image_id=key)
            drop.update(_paths_showing_image(key))
    with transaction.atomic():
        StoredPage.objects.filter(path__in=drop).delete()
        for path in drop:  # a film's or person's coverage pages beyond the first
            StoredPage.objects.filter(path__startswith=path + "coverage/").delete()
        live = live_articles().filter(pk__in=Article.objects.filter(articles).values("pk"))
        rendered = 0
        for article in live.select_related("live_revision"):
            refresh.refresh_article(article)
            rendered += 1
        if rendered:
            refresh.refresh_home()
            # Listings show headlines, sections and dates only, but a hero credit or
            # an author's name may appear on them: drop them to be rendered afresh.
            # Feeds carry author and tag names and hero images; sitemaps image URLs.
            StoredPage.objects.filter(kind__in=["section", "author", "tag", "archive", "feed", "sitemap"]).delete()


def _paths_showing_image(image_id: int) -> set[str]:
    from newsreel.films.models import Film, Person

    paths = {links.path("film", key=key) for key in Film.objects.filter(poster_id=image_id).values_list("key", flat=True)}
    paths |= {links.path("person", key=key) for key in Person.objects.filter(photo_id=image_id).values_list("key", flat=True)}
    return paths


# Receivers for the models whose rows appear on stored pages.

def film_changed(sender, instance, created: bool = False, **kwargs) -> None:
    schedule("film", instance.key)


def person_changed(sender, instance, created: bool = False, **kwargs) -> None:
    schedule("person", instance.key)


def credit_changed(sender, instance, **kwargs) -> None:
    # Credits show on the film and person pages only, which refill on their next request.
    film_key = _key_or_none(instance, "film")
    person_key = _key_or_none(instance, "person")
    if film_key:
        schedule("film_page", film_key)
    if person_key:
        schedule("person_page", person_key)


def author_changed(sender, instance, created: bool = False, **kwargs) -> None:
    if not created:  # a new author has no bylines yet; publishing renders their pages
        schedule("author", instance.slug)


def tag_changed(sender, instance, created: bool = False, **kwargs) -> None:
    if not created:
        schedule("tag", instance.pk)


def image_changed(sender, instance, created: bool = False, **kwargs) -> None:
    if not created:
        schedule("image", instance.pk)


def section_changed(sender, instance, created: bool = False, **kwargs) -> None:
    schedule("everything", None)  # the section list is in every page's navigation


def site_settings_changed(sender, instance, created: bool = False, **kwargs) -> None:
    if not created:  # created with defaults during the very first render
        schedule("everything", None)


def _key_or_none(credit, relation: str) -> str | None:
    try:
        return getattr(credit, relation).key
    except Exception:  # the film or person is being deleted in the same cascade
        return None
