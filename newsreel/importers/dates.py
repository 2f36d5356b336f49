"""Publication dates no editor chose, which every importer reads the same way.

A date more than YEARS_AHEAD years ahead (`9999-12-31`, a typo or another system's "never")
would schedule the story for a day it never reaches; one before EARLIEST (`0001-01-01`,
`1970-01-01`: the zero dates other systems write) is, in a web archive, a placeholder more
often than a date. An editor migrating an archive wants neither published as it stands, nor
either story lost: the first becomes a draft without a date, the second a draft keeping its date
(a print back issue's own date is then one click from live). Both with a warning that says so.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from newsreel.newsroom import clock

YEARS_AHEAD = 10
EARLIEST = dt.datetime(1990, 1, 1, tzinfo=dt.timezone.utc)

FAR_AHEAD = "far ahead"
BEFORE_THE_WEB = "before the web"


def unlikely(moment: dt.datetime | None) -> str:
    """FAR_AHEAD, BEFORE_THE_WEB, or '' for a date an editor may have chosen (or none)."""
    if moment is None:
        return ""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)
    if moment < EARLIEST:
        return BEFORE_THE_WEB
    if moment > clock.now() + dt.timedelta(days=round(365.25 * YEARS_AHEAD)):
        return FAR_AHEAD
    return ""


def unlikely_warning(moment: dt.datetime, kind: str) -> str:
    """What the import says of such a date and what it did."""
    day = moment.date().isoformat()
    if kind == FAR_AHEAD:
        return (f"is dated {day}, more than {YEARS_AHEAD} years ahead: scheduled for then, it would never go live; "
                "imported as a draft without a date: give it its date in the desk and publish it")
    return (f"is dated {day}, before {EARLIEST.year}, when no newsroom published on the web: a placeholder another "
            "system wrote (0001-01-01, 1970-01-01) or a print story's own date; imported as a draft keeping that date: "
            "publish it in the desk if it is the story's own, else give it its date")


def date_to_keep(moment: dt.datetime | None, warn: Callable[[str], None]) -> dt.datetime | None:
    """The date a story the source has live keeps: `moment`, or None when it is far ahead; a date
    no editor chose is said with `warn` (the importer has already made the story a draft)."""
    kind = unlikely(moment)
    if not kind:
        return moment
    warn(unlikely_warning(moment, kind))
    return None if kind == FAR_AHEAD else moment
