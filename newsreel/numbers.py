"""Whole numbers read from text a person or another program wrote (addresses, form fields,
exporters' files).

`str.isdigit()` is not the test for this: it is true of "²" and "٣", which `int()` then refuses
or reads, and of a forty-digit string that no database column holds. Free of Django.
"""

from __future__ import annotations

import re

LARGEST_INTEGER = 2**31 - 1  # the largest value of PostgreSQL's integer (a revision number, a year)
LARGEST_BIG_INTEGER = 2**63 - 1  # the largest key SQLite and PostgreSQL's bigint hold

_ASCII_DIGITS = re.compile(r"[0-9]+")


def whole_number(text: str | None, *, largest: int = LARGEST_INTEGER) -> int | None:
    """The number `text` is when it is ASCII digits only and at most `largest`, else None."""
    if not text or len(text) > len(str(largest)) or not _ASCII_DIGITS.fullmatch(text):
        return None
    number = int(text)
    return number if number <= largest else None
