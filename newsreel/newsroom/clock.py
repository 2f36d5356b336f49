"""The newsroom's clock: the one `now()` that decides what is live and what is due.

Everything that asks "has this story's minute come?" calls `now()` here rather than
`timezone.now()`, so a test can move time (monkeypatch `newsreel.newsroom.clock.now`)
instead of sleeping until a schedule comes due.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def now() -> dt.datetime:
    """The current time, aware, in UTC."""
    return timezone.now()
