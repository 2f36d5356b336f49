"""The newsroom's background tasks (django-tasks, database backend; run by `newsreel worker`).

Each task is idempotent: it re-checks the story in the database and does nothing when the
work is done or no longer wanted (published by another worker, rescheduled, unscheduled).
"""

from __future__ import annotations

from django_tasks import task

from newsreel.newsroom import scheduling


@task()
def go_live(article_id: int) -> bool:
    """Publish a scheduled story at its minute."""
    return scheduling.publish_if_due(article_id)


@task()
def come_down(article_id: int) -> bool:
    """Unpublish a story at its unpublish time."""
    return scheduling.unpublish_if_due(article_id)
