"""The reader's site: stored pages served as bytes, filled lazily where that is allowed.

Articles are only ever served from the store (they are rendered at publish). Home,
section, author, film and person pages are rendered on their first request when not
stored yet, then served from the store like everything else.
"""

from __future__ import annotations

from typing import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.views.static import serve as serve_file

from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Author, Section
from newsreel.public import refresh
from newsreel.public.pages import render_not_found
from newsreel.public.store import serve_stored, stored_response

# Uploaded files keep their names for life (a new upload gets a new name), so browsers and
# CDNs may keep them a year.
MEDIA_CACHE_CONTROL = "public, max-age=31536000"


def article(request: HttpRequest, slug: str) -> HttpResponse:
    """A published article's stored page (or its 410 / 301); never rendered on a request."""
    response = serve_stored(request)
    if response is None:
        raise Http404("no stored page")
    return response


def _serve_or_fill(request: HttpRequest, fill: Callable[[], object]) -> HttpResponse:
    response = serve_stored(request)
    if response is not None:
        return response
    fill()
    response = stored_response(request)
    if response is None:  # the page's own URL differs from the request's (should not happen)
        raise Http404("page not stored")
    return response


def home(request: HttpRequest) -> HttpResponse:
    return _serve_or_fill(request, refresh.refresh_home)


def section(request: HttpRequest, slug: str) -> HttpResponse:
    return _serve_or_fill(request, lambda: refresh.refresh_section(_get(Section.objects, slug=slug)))


def author(request: HttpRequest, slug: str) -> HttpResponse:
    return _serve_or_fill(request, lambda: refresh.refresh_author(_get(Author.objects, slug=slug)))


def film(request: HttpRequest, key: str) -> HttpResponse:
    return _serve_or_fill(request, lambda: refresh.refresh_film(_get(Film.objects.select_related("poster"), key=key)))


def person(request: HttpRequest, key: str) -> HttpResponse:
    return _serve_or_fill(request, lambda: refresh.refresh_person(_get(Person.objects.select_related("photo"), key=key)))


def _get(queryset, **lookup):
    found = queryset.filter(**lookup).first()
    if found is None:
        raise Http404("no such page")
    return found


def media(request: HttpRequest, path: str) -> HttpResponse:
    """Uploaded images, served by Django itself (Newsreel needs no separate web server)."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    response = serve_file(request, path, document_root=settings.MEDIA_ROOT)
    response.headers["Cache-Control"] = MEDIA_CACHE_CONTROL
    return response


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The site's 404 page (Django's handler404)."""
    body = render_not_found()
    response = HttpResponse(b"" if request.method == "HEAD" else body, status=404)
    response.headers["Cache-Control"] = "public, max-age=60"
    return response
