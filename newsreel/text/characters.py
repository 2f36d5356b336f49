"""Characters no stored text may hold, whichever database keeps it.

PostgreSQL refuses NUL (U+0000) in text and JSON, and neither database can store a lone
UTF-16 surrogate (U+D800..U+DFFF, which JSON's "\\ud800" escapes can produce): they are
refused at the intake with the field's name instead of failing in the database.
"""

from __future__ import annotations

import re

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def character_problem(value: str) -> str | None:
    """Why `value` cannot be stored, naming the first bad character's position; None if it can."""
    found = _UNSTORABLE.search(value)
    if found is None:
        return None
    character = found.group()
    what = "a NUL character (U+0000)" if character == "\x00" else f"a lone surrogate (U+{ord(character):04X}), not valid Unicode"
    return f"contains {what} at character {found.start() + 1}; remove it"


def length_problem(value: str, limit: int) -> str | None:
    """The database's length limit for a field, in characters, as a message; None if it fits."""
    if len(value) > limit:
        return f"is {len(value):,} characters; the limit is {limit:,}"
    return None
