"""Ids gathered while a block runs, to be handled once at its end (an import's chunk).

The desk's story index and the public search index both defer their per-story writes so;
this is the one way they collect. Depends on nothing in the project.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator


@contextmanager
def collecting(local: threading.local) -> Iterator[set[int] | None]:
    """The set `local.ids` gathers into while the block runs; None inside a block already
    collecting (nested blocks join the outermost, which handles the ids)."""
    if getattr(local, "ids", None) is not None:
        yield None
        return
    ids: set[int] = set()
    local.ids = ids
    try:
        yield ids
    finally:
        local.ids = None
