"""Re-render stored pages when the newsroom publishes, updates or unpublishes.

The signals arrive inside the publishing transaction: if rendering fails, the publish
rolls back and readers go on seeing the previous version.
"""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from newsreel.newsroom.signals import article_published, article_unpublished
from newsreel.public.refresh import refresh_for_publish, refresh_for_unpublish


@receiver(article_published, dispatch_uid="public.article_published")
def on_article_published(sender: Any, article, previous=None, neighbours_before=(), **kwargs: Any) -> None:
    refresh_for_publish(article, previous, neighbours_before or ())


@receiver(article_unpublished, dispatch_uid="public.article_unpublished")
def on_article_unpublished(sender: Any, article, previous=None, neighbours_before=(), **kwargs: Any) -> None:
    refresh_for_unpublish(article, previous, neighbours_before or ())
