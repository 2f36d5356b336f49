"""Live stories showing a picture whose renditions were made after it was published, derived again.

An import leaves its pictures' renditions to the worker (`images.renditions_later`): its
stories are published with figures showing the originals (width and height, no srcset).
When the worker has made them (`images.signals.renditions_made`), each live story whose
live revision names one of them as a figure (`image:ID`) has its HTML derived again from
that revision, and is republished from it only when the body or feed HTML came out
different, as the relink of a film's stories does (`publishing.republish_when`). Heroes,
posters, photos and portraits are shown by the page templates from the picture itself:
the public site refreshes those pages (`public.invalidation`, the same signal).
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction

from newsreel.newsroom.image_usage import live_figure_stories
from newsreel.newsroom.models import Article
from newsreel.text.types import ProcessedArticle

logger = logging.getLogger("newsreel.renditions")


def _figures_changed(story: Article, processed: ProcessedArticle) -> bool:
    return processed.html != story.body_html or processed.feed_html != story.feed_html


def republish_showing(image_ids: list[int]) -> list[int]:
    """Republish the live stories whose figures show these pictures and now come out different; their ids.

    Each story in a savepoint of its own: one that fails (its text no longer publishes)
    is logged and keeps what it was published with; the others go on."""
    from newsreel.newsroom.publishing import republish_when  # publishing imports the images app's modules

    republished = []
    for story in live_figure_stories(image_ids).values():
        try:
            with transaction.atomic():
                if republish_when(story, _figures_changed):
                    republished.append(story.pk)
        except Exception as failure:  # noqa: BLE001  one story's failure must not stop the others
            logger.error("story %s showing image(s) %s was not republished: %s", story.pk, image_ids, failure,
                         exc_info=True)
    return republished


def on_renditions_made(sender: Any, image_ids: list[int], **kwargs: Any) -> None:
    republish_showing(image_ids)
