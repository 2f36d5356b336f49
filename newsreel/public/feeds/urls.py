"""Routes for every feed: three formats for the site and each section, tag, author, film and person."""

from django.urls import path

from newsreel.public.feeds.formats import FORMATS
from newsreel.public.feeds.views import feed

# URL prefix and converter per scope kind (the same prefixes as the HTML pages).
_PREFIXES = {
    "section": "sections/<slug:key>/",
    "tag": "tags/<slug:key>/",
    "author": "authors/<slug:key>/",
    "film": "films/<slug:key>/",
    "person": "people/<slug:key>/",
}

urlpatterns = [path(fmt.filename, feed, {"fmt": name}, name=f"feed-{name}") for name, fmt in FORMATS.items()]
urlpatterns += [
    path(prefix + fmt.filename, feed, {"fmt": name, "kind": kind}, name=f"{kind}-feed-{name}")
    for kind, prefix in _PREFIXES.items()
    for name, fmt in FORMATS.items()
]
