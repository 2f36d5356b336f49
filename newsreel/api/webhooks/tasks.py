"""The worker's webhook task (django-tasks, run by `newsreel worker` like the newsroom's)."""

from __future__ import annotations

from django_tasks import task


@task()
def deliver_webhook(delivery_id: int) -> str:
    """Try to deliver one message once; on failure the delivery queues its own retry."""
    from newsreel.api.webhooks.delivery import attempt

    return attempt(delivery_id)
