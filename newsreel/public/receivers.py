"""Re-render stored pages when the newsroom publishes, updates or unpublishes, and when
the films, people, authors, sections, images or site settings they show change.

The publishing signals arrive inside the publishing transaction: if rendering fails, the
publish rolls back and readers go on seeing the previous version.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from newsreel.films.models import Credit, Film, Person
from newsreel.images.models import Image
from newsreel.newsroom.models import Author, Section, Tag
from newsreel.newsroom.signals import article_published, article_unpublished
from newsreel.public import invalidation
from newsreel.public.models import SiteSettings
from newsreel.public.refresh import refresh_for_publish, refresh_for_unpublish


@receiver(article_published, dispatch_uid="public.article_published")
def on_article_published(sender: Any, article, previous=None, neighbours_before=(), **kwargs: Any) -> None:
    refresh_for_publish(article, previous, neighbours_before or ())


@receiver(article_unpublished, dispatch_uid="public.article_unpublished")
def on_article_unpublished(sender: Any, article, previous=None, neighbours_before=(), **kwargs: Any) -> None:
    refresh_for_unpublish(article, previous, neighbours_before or ())


_MODEL_RECEIVERS = [
    (Film, invalidation.film_changed),
    (Person, invalidation.person_changed),
    (Credit, invalidation.credit_changed),
    (Author, invalidation.author_changed),
    (Tag, invalidation.tag_changed),
    (Image, invalidation.image_changed),
    (Section, invalidation.section_changed),
    (SiteSettings, invalidation.site_settings_changed),
]
for model, handler in _MODEL_RECEIVERS:
    for signal in (post_save, post_delete):
        signal.connect(handler, sender=model, dispatch_uid=f"public.{signal is post_save and 'save' or 'delete'}.{model.__name__}")
