"""The reader's site: stored pages served as bytes, filled lazily where that is allowed.

Publishing renders and stores the story's page, its neighbours, the home page and its
section's first page. Any other page (tag, author, archive, film and person pages, the
deeper pages of every paginated list, a story whose related list a publish changed) is
rendered on its first request when not stored, then served from the store like
everything else. A page past the end of its list is a 404.
"""

from __future__ import annotations

from typing import Any, Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.views.static import serve as serve_file

from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Author, Section, Tag
from newsreel.public import listing_refresh, refresh
from newsreel.public import pages
from newsreel.public.old_links import wordpress_redirect
from newsreel.public.pages import render_not_found
from newsreel.public.pages.coverage_pages import render_film_coverage, render_person_coverage
from newsreel.public.pages.listings import render_month, render_tag
from newsreel.public.pages.pagination import PageOutOfRange
from newsreel.public.pages.queries import live_articles
from newsreel.public.store import respond_unstored, serve_stored, stored_response

# Uploaded files keep their names for life (a new upload gets a new name), so browsers and
# CDNs may keep them a year.
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"


def article(request: HttpRequest, slug: str) -> HttpResponse:
    """A published article's stored page (or its 410 / 301).

    Publishing stores it; a live story whose page a later publish dropped (its related
    list changed) is rendered on this request and stored again.
    """
    return _serve_or_fill(request, lambda: refresh.refresh_article(_get(
        live_articles().select_related("live_revision"), slug=slug)))


def _serve_or_fill(request: HttpRequest, fill: Callable[[], object]) -> HttpResponse:
    response = serve_stored(request)
    if response is not None:
        return response
    try:
        fill()
    except PageOutOfRange as error:  # a page past the end of its list
        raise Http404(str(error)) from error
    response = stored_response(request)
    if response is None:  # the page's own URL differs from the request's (should not happen)
        raise Http404("page not stored")
    return response


def home(request: HttpRequest) -> HttpResponse:
    moved = wordpress_redirect(request.META.get("QUERY_STRING", ""))
    if moved is not None:
        return moved
    return _serve_or_fill(request, refresh.refresh_home)


def section(request: HttpRequest, slug: str) -> HttpResponse:
    return _serve_or_fill(request, lambda: refresh.refresh_section(_get(Section.objects, slug=slug)))


def author(request: HttpRequest, slug: str) -> HttpResponse:
    return _serve_or_fill(request, lambda: refresh.refresh_author(_get(Author.objects, slug=slug)))


def film(request: HttpRequest, key: str) -> HttpResponse:
    return _serve_or_fill(request, lambda: refresh.refresh_film(_get(Film.objects.select_related("poster"), key=key)))


def person(request: HttpRequest, key: str) -> HttpResponse:
    return _serve_or_fill(request, lambda: refresh.refresh_person(_get(Person.objects.select_related("photo"), key=key)))


def section_page(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    return _list_page(request, _page(number), lambda: _get(Section.objects, slug=slug),
                      listing_refresh.refresh_section_page, pages.render_section)


def author_page(request: HttpRequest, slug: str, number: str) -> HttpResponse:
    return _list_page(request, _page(number), lambda: _get(Author.objects, slug=slug),
                      listing_refresh.refresh_author_page, pages.render_author)


def tag(request: HttpRequest, slug: str, number: str | None = None) -> HttpResponse:
    return _list_page(request, _page(number), lambda: _get(Tag.objects, slug=slug),
                      listing_refresh.refresh_tag_page, render_tag)


def archive(request: HttpRequest) -> HttpResponse:
    return _serve_or_fill(request, listing_refresh.refresh_archive_index)


def archive_month(request: HttpRequest, year: str, month: str, number: str | None = None) -> HttpResponse:
    if not 1 <= int(year) <= 9998:  # a calendar the database and Python can both hold
        raise Http404("no such year")
    return _list_page(request, _page(number), lambda: (int(year), int(month)),
                      lambda when, n: listing_refresh.refresh_month_page(*when, n),
                      lambda when, n: render_month(*when, n))


def film_coverage(request: HttpRequest, key: str, number: str) -> HttpResponse:
    return _list_page(request, _page(number), lambda: _get(Film.objects, key=key),
                      listing_refresh.refresh_film_coverage, render_film_coverage)


def person_coverage(request: HttpRequest, key: str, number: str) -> HttpResponse:
    return _list_page(request, _page(number), lambda: _get(Person.objects, key=key),
                      listing_refresh.refresh_person_coverage, render_person_coverage)


def _list_page(request: HttpRequest, number: int, owner: Callable[[], Any], fill: Callable[[Any, int], object],
               render: Callable[[Any, int], bytes]) -> HttpResponse:
    """Page `number` of the list of `owner()`: stored up to STORED_PAGES, rendered per request past it.

    Every story entering or leaving a list shifts all its pages, so a publish would have
    to drop every stored page of a long list; the deep ones are read rarely (and a CDN
    keeps them for its s-maxage), so they are not stored. A deep page an export stored
    is served until the next publish into its list drops it.
    """
    if number <= listing_refresh.STORED_PAGES:
        return _serve_or_fill(request, lambda: fill(owner(), number))
    response = serve_stored(request)
    if response is not None:
        return response
    try:
        body = render(owner(), number)
    except PageOutOfRange as error:
        raise Http404(str(error)) from error
    return respond_unstored(request, body)


def _page(number: str | None) -> int:
    """The page number in a .../page/<n>/ path (None for the list's own URL, page 1).

    Page 1 lives only at the list's own URL, so /page/1/ is not a page.
    """
    if number is None:
        return 1
    value = int(number)
    if value < 2:
        raise Http404("page 1 is the list's own URL")
    return value


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
    """The site's 404 page (Django's handler404).

    An address no URL pattern knows may be an imported site's old permalink, stored as a
    301 (`newsreel import wordpress`): the fast path answers it, and so does this."""
    if request.method in ("GET", "HEAD"):
        stored = stored_response(request)
        if stored is not None and stored.status_code == 301:
            return stored
    body = render_not_found()
    response = HttpResponse(b"" if request.method == "HEAD" else body, status=404)
    response.headers["Cache-Control"] = "public, max-age=60"
    return response
