"""E-mail to the newsroom's own people, through Django's mail framework.

Where the mail goes is configuration (NEWSREEL_SMTP_URL and NEWSREEL_EMAIL_FROM, see
docs/configuration.md): with no SMTP host, the console backend writes each message to the
server's log on standard error (`newsreel.operations.mail`), so `make run` shows what would
have been sent.

A message is sent after the transaction that caused it commits (a refused or rolled-back
action mails nobody), and a mail server that is down never undoes the action: the failure is
logged, and `send` reports how many went out.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction

logger = logging.getLogger("newsreel.notifications")


@dataclass(frozen=True)
class Notice:
    """One message: who it is for, its subject and its plain-text body."""

    to: tuple[str, ...]
    subject: str
    body: str


def addresses(users: Iterable, *, leave_out=None) -> tuple[str, ...]:
    """The e-mail addresses of active people (each once, sorted), without `leave_out` (the person acting)."""
    found = {user.email.strip() for user in users
             if user is not None and user.is_active and (user.email or "").strip()
             and (leave_out is None or user.pk != leave_out.pk)}
    return tuple(sorted(found))


def send(notices: list[Notice]) -> int:
    """Send now; returns how many messages the backend took. Never raises for a mail failure."""
    messages = [EmailMessage(subject=notice.subject, body=notice.body, from_email=settings.DEFAULT_FROM_EMAIL,
                             to=[address]) for notice in notices for address in notice.to]
    if not messages:
        return 0
    try:
        return get_connection().send_messages(messages) or 0
    except Exception as error:  # noqa: BLE001  a mail server's failure must not undo the newsroom's work
        logger.error("could not send %d notification(s) (%s): %s", len(messages),
                     "; ".join(sorted({m.subject for m in messages})), error)
        return 0


def send_after_commit(notices: list[Notice]) -> None:
    """Send once the current transaction commits (at once outside one)."""
    if notices:
        transaction.on_commit(lambda: send(notices))
