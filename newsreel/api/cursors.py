"""Opaque cursors for keyset pagination: the sort values of the last item, base64url JSON.

A page after a cursor is "everything strictly after these sort values", so a story
published while a client pages through never shifts or repeats an item (offsets would).
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from newsreel.newsroom.problems import FieldError

DEFAULT_LIMIT = 15
MAX_LIMIT = 100


class BadCursor(ValueError):
    """The cursor was not made by this API (or was cut); the field error says so."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.error = FieldError("cursor", message)


def encode(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode(cursor: str | None, shape: tuple[type, ...]) -> list[Any] | None:
    """The sort values in `cursor`, checked against `shape` (their types); None for no cursor."""
    if cursor is None or cursor == "":
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode())
    except (ValueError, UnicodeError, binascii.Error):
        raise BadCursor("is not a cursor this API gave out; pass next_cursor from the previous page as it was") from None
    if not isinstance(values, list) or len(values) != len(shape) or not all(
            isinstance(value, kind) and not isinstance(value, bool) for value, kind in zip(values, shape)):
        raise BadCursor("is not a cursor this API gave out; pass next_cursor from the previous page as it was")
    return values
