"""Live stories showing a picture whose renditions were made after it was published, derived again.

An import leaves its pictures' renditions to the worker (`images.renditions_later`): its
stories are published with figures showing the originals (width and height, no srcset).
When the worker has made them, each live story whose live revision names one of them as a
figure (`image:ID`) has its HTML derived again from that revision. A story whose body or
feed HTML came out different stores the new HTML; nothing else of it changed (the same
revision, text and links), so it is not published again: no webhook, no new search entry,
and the caller (the public site's receiver of `images.signals.renditions_made`) drops its
stored pages, to be rendered on their next request. A story whose links or speakers came
out different too (the knowledge graph changed since it was published, and no relink has
reached it yet) is republished from its live revision, as a relink would do.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.db import transaction

from newsreel.newsroom.image_usage import live_figure_stories
from newsreel.newsroom.models import Article
from newsreel.text.types import ProcessedArticle

logger = logging.getLogger("newsreel.renditions")


@dataclass
class Rederived:
    """The live stories whose figures showed the pictures, by what became of them."""

    stored: list[int] = field(default_factory=list)       # new HTML stored: their pages are the caller's to drop
    republished: list[int] = field(default_factory=list)  # published again (their pages rendered by the publish)
    failed: list[int] = field(default_factory=list)       # kept what they were published with (logged)


def _html_changed(story: Article, processed: ProcessedArticle) -> bool:
    return processed.html != story.body_html or processed.feed_html != story.feed_html


def rederive_figures(image_ids: list[int]) -> Rederived:
    """Derive again the live stories showing these pictures as figures (see the module's doc).

    Each story in a savepoint of its own: one that fails (its text no longer publishes) is
    logged and keeps what it was published with; the others go on."""
    from newsreel.newsroom.intake import ArticleDraft
    from newsreel.newsroom.publishing import _process, links_changed, publish  # publishing imports the images app

    done = Rederived()
    for story in live_figure_stories(image_ids).values():
        try:
            with transaction.atomic():
                processed = _process(ArticleDraft.from_json(story.live_revision.content))
                if not _html_changed(story, processed):
                    continue
                if links_changed(story, processed):
                    publish(story, revision=story.live_revision, processed=processed)
                    done.republished.append(story.pk)
                    continue
                Article.objects.filter(pk=story.pk).update(body_html=processed.html, feed_html=processed.feed_html)
                done.stored.append(story.pk)
        except Exception as failure:  # noqa: BLE001  one story's failure must not stop the others
            logger.error("story %s showing image(s) %s was not derived again: %s", story.pk, image_ids, failure,
                         exc_info=True)
            done.failed.append(story.pk)
    return done
