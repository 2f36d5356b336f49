"""Everything the public site listens to, connected in one place: `connect()`, called once
from `PublicConfig.ready()`. No module of the public site connects or registers itself on
import.

- The newsroom's `article_published` / `article_unpublished`: stored pages are rendered
  again (`refresh`), then the search index follows (`search.index`).
- Saves and deletes of the films, people, authors, sections, tags, images and site
  settings the pages show: `invalidation` drops or re-renders what showed them; so do an
  import's pictures once the worker has made their renditions (`renditions_made`).
- Page families beyond the built-in ones (list pages, robots.txt, feeds, sitemaps) are
  registered with `refresh.register_refresher`, in the order a publish runs them.

The publishing signals arrive inside the publishing transaction: if rendering fails, the
publish rolls back and readers go on seeing the previous version.

Depends on: newsroom.signals and the models it listens to; newsroom.picture_refresh; refresh, invalidation,
search.index, listing_refresh, robots, feeds.stored, sitemaps.stored (never the reverse).
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save

from newsreel.films.models import Credit, Film, Person
from newsreel.films.signals import graph_changed
from newsreel.images.models import Image
from newsreel.images.signals import renditions_made
from newsreel.newsroom.models import Author, Section, Tag
from newsreel.newsroom.picture_refresh import rederive_figures
from newsreel.newsroom.signals import article_published, article_unpublished, entity_merged, quotes_checked
from newsreel.public import invalidation, listing_refresh, robots
from newsreel.public.feeds import stored as feeds
from newsreel.public.models import SiteSettings
from newsreel.public.refresh import refresh_for_publish, refresh_for_unpublish, register_refresher
from newsreel.public.search import index as search_index
from newsreel.public.sitemaps import stored as sitemaps


def on_article_published(sender: Any, article, previous=None, **kwargs: Any) -> None:
    refresh_for_publish(article, previous)


def on_article_unpublished(sender: Any, article, previous=None, **kwargs: Any) -> None:
    refresh_for_unpublish(article, previous)


def on_graph_changed(sender: Any, films=(), people=(), film_ids=(), person_ids=(), credited_films=(),
                     credited_people=(), **kwargs: Any) -> None:
    """A knowledge-graph import: its pages and search entries are refreshed once it commits."""
    invalidation.schedule_many("film", films)
    invalidation.schedule_many("person", people)
    invalidation.schedule_many("film_page", set(credited_films) - set(films))
    invalidation.schedule_many("person_page", set(credited_people) - set(people))
    search_index.note_renamed(films=film_ids, people=person_ids)


def on_renditions_made(sender: Any, image_ids=(), **kwargs: Any) -> None:
    """The worker made the renditions an import left to it. The live stories showing those
    pictures as figures get their HTML derived again (`newsroom.picture_refresh`); once it
    commits, their stored pages and those showing the pictures as a hero, poster, photo or
    portrait are dropped, to be rendered on their next request (`invalidation`, "renditions")."""
    rederived = rederive_figures(list(image_ids))
    invalidation.schedule_many("article_page", rederived.stored)
    invalidation.schedule_many("renditions", image_ids)


def on_quotes_checked(sender: Any, article, people=(), **kwargs: Any) -> None:
    """An editor checked a quote of a live story: the pages of the people it was or is now
    given to, and of the films it is about (they show their people's quotes), are refreshed."""
    invalidation.schedule_many("person_page", people)
    invalidation.schedule_many("film_page", set(article.mentions.filter(film__isnull=False)
                                                .values_list("film__key", flat=True)))


def on_entity_merged(sender: Any, old_url: str, new_url: str, **kwargs: Any) -> None:
    """A merged duplicate's address answers 301 with the one that stayed, stored after the
    commit, once the dropped pages of the old one are gone."""
    from newsreel.public.after_commit import after_commit
    from newsreel.public.store import store_redirect

    def store(pairs: frozenset) -> None:
        for old, new in pairs:
            store_redirect(old, new)

    after_commit(store, {(old_url, new_url)})


MODEL_RECEIVERS = [
    (Film, invalidation.film_changed),
    (Person, invalidation.person_changed),
    (Credit, invalidation.credit_changed),
    (Author, invalidation.author_changed),
    (Tag, invalidation.tag_changed),
    (Image, invalidation.image_changed),
    (Section, invalidation.section_changed),
    (SiteSettings, invalidation.site_settings_changed),
]

# Run after the built-in page families on every publish, unpublish and rebuild, in this order.
REFRESHERS = [listing_refresh.refresh_lists, robots.refresh_robots_for_rebuild, feeds.refresh_feeds_for,
              sitemaps.refresh_sitemaps_for]


def connect() -> None:
    """Connect every receiver and register every refresher (idempotent: each has a dispatch_uid)."""
    article_published.connect(on_article_published, dispatch_uid="public.article_published")
    article_unpublished.connect(on_article_unpublished, dispatch_uid="public.article_unpublished")
    article_published.connect(search_index.on_article_published, dispatch_uid="public.search.article_published")
    article_unpublished.connect(search_index.on_article_unpublished, dispatch_uid="public.search.article_unpublished")
    post_save.connect(search_index.on_film_saved, sender=Film, dispatch_uid="public.search.film_saved")
    post_save.connect(search_index.on_person_saved, sender=Person, dispatch_uid="public.search.person_saved")
    graph_changed.connect(on_graph_changed, dispatch_uid="public.graph_changed")
    quotes_checked.connect(on_quotes_checked, dispatch_uid="public.quotes_checked")
    renditions_made.connect(on_renditions_made, dispatch_uid="public.renditions_made")
    entity_merged.connect(on_entity_merged, dispatch_uid="public.entity_merged")
    for model, handler in MODEL_RECEIVERS:
        post_save.connect(handler, sender=model, dispatch_uid=f"public.save.{model.__name__}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"public.delete.{model.__name__}")
    for refresher in REFRESHERS:
        register_refresher(refresher)
