"""The images app's background tasks (django-tasks, database backend; run by `newsreel worker`).

Each task is idempotent: it re-checks each picture in the database and does nothing for one
deleted, done already, or being made by another worker.
"""

from __future__ import annotations

from django_tasks import task

from newsreel.images import catch_up


@task()
def make_renditions(image_ids: list[int]) -> list[int]:
    """Make the renditions an import left to the worker (`renditions_later`), then refresh
    the stories and pages showing those pictures; the ids it made."""
    return catch_up.make(image_ids).made
