"""Every public path, derived from the URL configuration (`newsreel.urls`), never spelled by hand.

`path(name, **values)` is `django.urls.reverse` with one difference: it asks `reverse` once
per URL name, with placeholder values, and keeps the answer as a template, so the
thousands of links a listing, feed, sitemap or export writes cost a string format each
instead of a resolver walk. The answer is a path within the site (no script prefix): what
PATH_INFO carries and what stored pages are keyed by. `href_for` is the link function
handed to the text core (which knows nothing of Django or of the URL scheme).

Changing a URL means changing `newsreel/public/urls.py` only.
"""

from __future__ import annotations

from functools import lru_cache

from django.core.exceptions import ImproperlyConfigured
from django.urls import get_script_prefix, reverse

# A value every converter of ours accepts and no path contains by itself.
_PLACEHOLDERS = {"slug": "slug0placeholder", "key": "key0placeholder", "year": "9753", "month": "11",
                 "number": "86420", "family": "familyplaceholder"}


@lru_cache(maxsize=None)
def _template(name: str, names: tuple[str, ...]) -> str:
    placeholders = {value: _PLACEHOLDERS[value] for value in names}
    reversed_path = reverse(name, kwargs=placeholders)
    prefix = get_script_prefix()
    template = "/" + reversed_path.removeprefix(prefix) if prefix != "/" else reversed_path
    template = template.replace("{", "{{").replace("}", "}}")
    for value, placeholder in placeholders.items():
        if template.count(placeholder) != 1:
            raise ImproperlyConfigured(f"URL {name!r}: cannot derive a template for {value!r} from {reversed_path!r}")
        template = template.replace(placeholder, "{" + value + "}")
    return template


def path(name: str, **values: object) -> str:
    """The site path of the URL named `name` in newsreel.urls, e.g. path("article", slug="x")."""
    return _template(name, tuple(values)).format_map(values)


def desk_prefix() -> str:
    """Where every desk path starts ("/desk/"): the desk's front page is its root."""
    return path("desk:articles")


def href_for(kind: str, key: str) -> str:
    """The text core's link function: the page of a film or a person."""
    return path("film" if kind == "film" else "person", key=key)


def clear_cache() -> None:
    """Forget the templates (after the URL configuration changed, as tests change it)."""
    _template.cache_clear()
