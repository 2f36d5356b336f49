"""What counts as a change between two saved versions of an article."""

from __future__ import annotations

from typing import Any

# Where the body started in its source file says nothing about the article itself.
_NOT_CONTENT = frozenset({"body_line"})


def content_of(data: dict[str, Any]) -> dict[str, Any]:
    """A revision's content without bookkeeping fields."""
    return {key: value for key, value in data.items() if key not in _NOT_CONTENT}


def same_content(saved: dict[str, Any], new: dict[str, Any]) -> bool:
    """True when saving `new` over a revision holding `saved` would change nothing a reader or writer sees."""
    return content_of(saved) == content_of(new)
