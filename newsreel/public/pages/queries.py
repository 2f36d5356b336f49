"""Read-only queries over the newsroom's live articles, for display.

Publication order is (published_at, id), the same order the newsroom uses for neighbours.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from newsreel.newsroom.models import Article, WorkflowState

# Lists that can grow show this many, newest first (pagination comes with the archive).
LIST_LIMIT = 60


def live_articles() -> QuerySet[Article]:
    """Published articles, newest first, with what a listing shows."""
    return (
        Article.objects.filter(state=WorkflowState.PUBLISHED, published_at__isnull=False)
        .select_related("section", "hero_image")
        .order_by("-published_at", "-id")
    )


def neighbours(article: Article) -> tuple[Article | None, Article | None]:
    """The previous (older) and next (newer) live articles in publication order."""
    if not article.published_at:
        return None, None
    live = live_articles().exclude(pk=article.pk)
    at = article.published_at
    older = live.filter(Q(published_at__lt=at) | Q(published_at=at, pk__lt=article.pk)).order_by("-published_at", "-id")
    newer = live.filter(Q(published_at__gt=at) | Q(published_at=at, pk__gt=article.pk)).order_by("published_at", "id")
    return older.first(), newer.first()
