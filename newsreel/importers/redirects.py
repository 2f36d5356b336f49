"""Old addresses of imported stories: each answers 301 with the story's new address."""

from __future__ import annotations

from django.urls import Resolver404, resolve

from newsreel.importers.wordpress import old_path
from newsreel.public.models import StoredPage
from newsreel.public.store import store_redirect

PATH_MAX = StoredPage._meta.get_field("path").max_length


def keep_old_address(link: str, article) -> str | None:
    """Store a permanent redirect from `link`'s path to the article; a warning when it cannot be kept."""
    path = old_path(link)
    new = article.get_absolute_url()
    if not path or path == new:
        return None
    if len(path) > PATH_MAX:
        return f"old address {path[:60]!r}... is longer than {PATH_MAX} characters; no redirect kept"
    try:
        resolve(path)
    except Resolver404:
        store_redirect(path, new)
        return None
    return f"old address {path!r} is one of Newsreel's own addresses; no redirect kept"
