"""Old addresses of imported stories: each answers 301 with the story's new address."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from django.urls import Resolver404, resolve

from newsreel.importers.wordpress import old_path
from newsreel.public.models import StoredPage
from newsreel.public.store import store_redirect, store_redirects
from newsreel.transaction_marks import Mark, mark

PATH_MAX = StoredPage._meta.get_field("path").max_length


def keep_old_address(link: str, article) -> str | None:
    """Store a permanent redirect from `link`'s path to the article; a warning when it cannot be kept.

    Inside `kept_together()` it is stored with the block's others when the block ends."""
    path = old_path(link)
    new = article.get_absolute_url()
    if not path or path == new:
        return None
    if len(path) > PATH_MAX:
        return f"old address {path[:60]!r}... is longer than {PATH_MAX} characters; no redirect kept"
    try:
        resolve(path)
    except Resolver404:
        waiting = _waiting.get()
        made = mark() if waiting is not None else None
        if made is None:
            store_redirect(path, new)
        else:
            waiting.append((path, new, made))
        return None
    return f"old address {path!r} is one of Newsreel's own addresses; no redirect kept"


_waiting: ContextVar[list | None] = ContextVar("newsreel_redirects_waiting", default=None)


@contextmanager
def kept_together() -> Iterator[None]:
    """The redirects kept inside the block are stored at its end, together (an import's chunk, one transaction).

    A redirect kept by a story rolled back in its savepoint is not stored (`transaction_marks`);
    two kept for one path store the later, as storing each in turn would. It must end inside
    the transaction; an exception stores nothing. Nested blocks join the outermost one."""
    if _waiting.get() is not None:
        yield
        return
    waiting: list[tuple[str, str, Mark]] = []
    token = _waiting.set(waiting)
    try:
        yield
    finally:
        _waiting.reset(token)
    redirects: dict[str, str] = {}
    for path, location, made in waiting:
        if made.standing:
            redirects.pop(path, None)  # the later one, in its turn
            redirects[path] = location
    store_redirects(redirects)
