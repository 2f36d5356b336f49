"""Related articles as the article page shows them.

Which stories are related (and in what order) is the newsroom's `newsreel.newsroom.related`,
written in SQL over its tables; this module fetches and renders them.
"""

from __future__ import annotations

from django.template.loader import render_to_string

from newsreel.newsroom.models import Article
from newsreel.newsroom.related import RELATED_COUNT, Entities, closest_ids, entities_of
from newsreel.public.pages.queries import listed_by_id
from newsreel.public.pages.shared import shared

__all__ = ["RELATED_COUNT", "Entities", "closest_ids", "entities_of", "related_articles", "related_html"]


def related_articles(article: Article, limit: int = RELATED_COUNT, *, about: Entities | None = None) -> list[Article]:
    """Up to `limit` live stories sharing films, people or tags with `article`, best first.

    Never the story itself; a story that shares nothing is never "related", so a list may
    be shorter than `limit`, or empty. `about` is `entities_of(article)` when the caller
    has read it already.
    """
    def read() -> list[Article]:
        ids = closest_ids(about if about is not None else entities_of(article), exclude={article.pk}, limit=limit)
        found = listed_by_id(ids)
        return [found[pk] for pk in ids if pk in found]

    # A publish checks a story's list, then renders its page with the same list.
    return shared(("related", article.pk, limit), read)


def related_html(stories: list[Article]) -> str:
    """The related-stories block exactly as the article page shows it (empty when none)."""
    return render_to_string("public/_related.html", {"related": stories}).strip()
