"""A workflow step on one story (review, trash) works on its row locked until commit, then
gives the caller's instance the new state: two people acting at once see each other's step,
and the caller's object never goes stale."""

from __future__ import annotations

from newsreel.newsroom.models import Article


def locked(article: Article) -> Article:
    """The story's row as it is now, locked until commit."""
    # No join in a locking read: PostgreSQL cannot lock the nullable side of one.
    return Article.objects.select_for_update().get(pk=article.pk)


def tell(caller: Article, article: Article) -> Article:
    """Give the caller's instance the new state too (the publishing services read it)."""
    caller.state, caller.changes_review, caller.updated_at = article.state, article.changes_review, article.updated_at
    return article
