"""Opaque cursors for keyset pagination: the sort values of the last item, base64url JSON.

A page after a cursor is "everything strictly after these sort values", so a story
published while a client pages through never shifts or repeats an item (offsets would).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from typing import Any

from django.utils.dateparse import parse_datetime

from newsreel.newsroom.problems import FieldError
from newsreel.numbers import LARGEST_BIG_INTEGER
from newsreel.text.characters import character_problem

DEFAULT_LIMIT = 15
MAX_LIMIT = 100


class BadCursor(ValueError):
    """The cursor was not made by this API (or was cut); the field error says so."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.error = FieldError("cursor", message)


def encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


NOT_OURS = "is not a cursor this API gave out; pass next_cursor from the previous page as it was"


def _possible(value: Any) -> bool:
    """A sort value one of our cursors can hold: an id or page (a whole number a key column holds) or
    text a database can be asked about (no NUL, which PostgreSQL refuses, no lone surrogate, which no
    driver can send: each answered 500)."""
    if isinstance(value, int):
        return 0 <= value <= LARGEST_BIG_INTEGER
    return character_problem(value) is None


def decode(cursor: str | None, shape: tuple[type, ...]) -> list[Any] | None:
    """The sort values in `cursor`, checked against `shape` (their types); None for no cursor."""
    if cursor is None or cursor == "":
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode())
    except (ValueError, UnicodeError, binascii.Error):
        raise BadCursor(NOT_OURS) from None
    if not isinstance(values, list) or len(values) != len(shape) or not all(
            isinstance(value, kind) and not isinstance(value, bool) and _possible(value)
            for value, kind in zip(values, shape)):
        raise BadCursor(NOT_OURS)
    return values


def decode_moment(text: str) -> dt.datetime:
    """A cursor's publication time: an ISO datetime with its offset, as `encode` wrote it, or BadCursor
    (Django's parse_datetime raises ValueError for 2026-02-30 or an offset of 25 hours)."""
    try:
        moment = parse_datetime(text)
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        raise BadCursor(NOT_OURS)
    return moment
