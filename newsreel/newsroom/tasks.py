"""The newsroom's background tasks (django-tasks, database backend; run by `newsreel worker`).

Each task is idempotent: it re-checks the story in the database and does nothing when the
work is done or no longer wanted (published by another worker, rescheduled, unscheduled).
"""

from __future__ import annotations

from django_tasks import task

from newsreel.newsroom import account_links, graph_relinks, scheduling


@task()
def go_live(article_id: int) -> bool:
    """Publish a scheduled story at its minute."""
    return scheduling.publish_if_due(article_id)


@task()
def come_down(article_id: int) -> bool:
    """Unpublish a story at its unpublish time."""
    return scheduling.unpublish_if_due(article_id)


@task()
def relink_stories(job_id: int) -> bool:
    """Link again the stories naming a film or person changed in the desk (one RelinkJob);
    False when another worker holds the job or it is done."""
    return graph_relinks.run(job_id) is not None


@task()
def send_reset_links(email: str) -> int:
    """Mail a password reset link to the accounts that use `email` ("Forgot your password?").

    Queued for every request, whether or not an account uses the address, so the desk's answer
    takes the same time either way (a mail server's delay would otherwise tell who has an
    account). The mail goes out on the worker's next turn, within a second or two."""
    try:
        return account_links.send_requested_resets(email)
    except Exception as error:  # noqa: BLE001  a mail server that is down: logged, not retried for ever
        import logging

        logging.getLogger("newsreel.notifications").error("could not send a password reset link: %s", error)
        return 0
