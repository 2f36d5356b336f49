"""The console e-mail backend (the default when no SMTP server is set), through logging.

Django's own console backend writes each message to standard output, where `newsreel serve`
writes its access log: with NEWSREEL_LOG_FORMAT=json a review notification or a password
reset link would put forty lines of plain text between the JSON objects, and a log collector
would choke on them. So each message goes to the `newsreel.mail` logger instead, which
settings.LOGGING sends to standard error with every other log line: as text (the message as
the console backend shows it) or as one JSON object whose "message" holds the whole e-mail,
beside its "mail_to" and "mail_subject".
"""

from __future__ import annotations

import logging
from typing import Sequence

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger("newsreel.mail")
RULE = "-" * 79  # between messages in a text log, as Django's console backend draws it


class ConsoleEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        sent = 0
        for message in email_messages or ():
            if not message.recipients():
                continue
            text = message.message().as_bytes().decode(message.encoding or "utf-8", errors="replace")
            logger.info("%s\n%s", text.rstrip("\n"), RULE, extra={
                "mail_to": message.recipients(), "mail_subject": str(message.subject)})
            sent += 1
        return sent
