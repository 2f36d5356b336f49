"""/search/: the one public page rendered on request (its URLs are endless), kept cheap.

Every parameter is read forgivingly: an unknown section, film or person, or a date that
is not YYYY-MM-DD, is set aside with a note on the page, never an error. The response
carries an ETag (a repeat request with If-None-Match gets 304) and a short Cache-Control,
so a CDN absorbs a burst of readers searching for the same thing.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, QueryDict
from django.utils import timezone

from newsreel import links
from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Section
from newsreel.public.pages.common import render_page
from newsreel.public.models import SiteSettings
from newsreel.public.search.backend import MAX_PAGE, SearchRequest, get_backend
from newsreel.public.search.query import parse_query
from newsreel.public.store import etag_for

# Search results change with every publish; a minute in browsers and shared caches keeps
# a burst cheap without showing a withdrawn story for long.
SEARCH_CACHE_CONTROL = "public, max-age=60, s-maxage=60, stale-while-revalidate=60"
_MAX_KEY = 120


def search(request: HttpRequest) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    try:
        body = render_search(request.GET)
    except DateOutOfRange as error:
        # The page still answers, without the date, so the reader sees what to change.
        params = request.GET.copy()
        params.pop(error.param)
        body = render_search(params, notes=[str(error)])
        response = HttpResponse(b"" if request.method == "HEAD" else body, content_type="text/html; charset=utf-8",
                                status=400)
        response.headers["Content-Length"] = str(len(body))
        return response
    etag = etag_for(body)
    if etag in {tag.strip().removeprefix("W/") for tag in request.META.get("HTTP_IF_NONE_MATCH", "").split(",")}:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(b"" if request.method == "HEAD" else body, content_type="text/html; charset=utf-8")
        response.headers["Content-Length"] = str(len(body))
    response.headers["ETag"] = etag
    response.headers["Cache-Control"] = SEARCH_CACHE_CONTROL
    return response


class DateOutOfRange(ValueError):
    """A From or To date the site cannot search by (a request for it answers 400)."""

    def __init__(self, param: str, label: str, day: dt.date) -> None:
        self.param = param
        super().__init__(f"The {label} date {day.isoformat()} is out of range (the last date is "
                         f"{LAST_DATE.isoformat()}), so it was left out.")


# The day after the To date must still be a date (9999-12-31 has none).
LAST_DATE = dt.date(9998, 12, 31)
_KEY = re.compile(r"[-a-zA-Z0-9_]+")


def render_search(params: QueryDict, *, notes: list[str] | None = None) -> bytes:
    """The search page for these query parameters, as bytes; DateOutOfRange for a date past LAST_DATE."""
    notes = list(notes or [])
    query = parse_query(params.get("q", ""))
    if query.truncated:
        notes.append("Your search was long, so only its beginning was used.")
    sections = list(Section.objects.all())
    section = _pick_section(params.get("section", ""), sections, notes)
    film = _pick(Film, params.get("film", ""), "film", notes)
    person = _pick(Person, params.get("person", ""), "person", notes)
    date_from = _date(params.get("from", ""), "From", notes)
    date_to = _date(params.get("to", ""), "To", notes)
    for param, label, day in (("from", "From", date_from), ("to", "To", date_to)):
        if day and day > LAST_DATE:
            raise DateOutOfRange(param, label, day)
    if date_from and date_to and date_from > date_to:
        notes.append("The From date was after the To date, so they were swapped.")
        date_from, date_to = date_to, date_from
    page_number = _page(params.get("page", ""))
    request = SearchRequest(
        query=query,
        section_id=section.pk if section else None,
        film_key=film.key if film else None,
        person_key=person.key if person else None,
        published_from=_start_of(date_from) if date_from else None,
        published_before=_start_of(date_to + dt.timedelta(days=1)) if date_to else None,
        page=page_number,
    )
    results = get_backend().search(request)
    section_names = {s.pk: s.name for s in sections}
    kept = {
        "q": query.text, "section": section.slug if section else "", "film": film.key if film else "",
        "person": person.key if person else "", "from": date_from.isoformat() if date_from else "",
        "to": date_to.isoformat() if date_to else "",
    }
    site = SiteSettings.current()
    searched = not query.is_empty or request.has_filters
    if query.text:
        title = f"Search: {query.text} | {site.name}"
    else:
        title = f"Search | {site.name}"
    removable = []
    for name, label in (("film", film.title if film else ""), ("person", person.name if person else "")):
        if label:
            removable.append({"label": label, "kind": name, "url": _url({**kept, name: ""})})
    return render_page("public/search.html", {
        "site": site,
        "title": title,
        "description": f"Search {site.name}",
        "noindex": True,
        "is_search": True,
        "query": query,
        "kept": kept,
        "sections": sections,
        "removable": removable,
        "results": results,
        "hits": [{"hit": hit, "section": section_names.get(hit.section_id, "")} for hit in results.hits],
        "searched": searched,
        "notes": notes,
        "first_number": (results.page - 1) * results.per_page + 1,
        "last_number": (results.page - 1) * results.per_page + len(results.hits),
        "previous_url": _url({**kept, "page": results.page - 1}) if results.has_previous else "",
        "next_url": _url({**kept, "page": results.page + 1}) if results.has_next else "",
    })


def _url(params: dict) -> str:
    kept = {name: value for name, value in params.items() if value not in ("", None, 1)}
    return links.path("search") + ("?" + urlencode(kept) if kept else "")


def _pick_section(slug: str, sections: list[Section], notes: list[str]) -> Section | None:
    slug = slug.strip()
    if not slug:
        return None
    for section in sections:
        if section.slug == slug:
            return section
    notes.append("There is no such section, so all sections were searched.")
    return None


def _pick(model, key: str, what: str, notes: list[str]):
    key = key.strip()
    if not key:
        return None
    if not _KEY.fullmatch(key[:_MAX_KEY]):  # no key has other characters (nor may a NUL reach the database)
        notes.append(f"There is no such {what}, so the search was not narrowed to one.")
        return None
    found = model.objects.filter(key=key[:_MAX_KEY]).only("key", "title" if model is Film else "name").first()
    if found is None:
        notes.append(f"There is no such {what}, so the search was not narrowed to one.")
    return found


def _date(text: str, label: str, notes: list[str]) -> dt.date | None:
    text = text.strip()
    if not text:
        return None
    try:
        if len(text) != 10:  # fromisoformat also takes 20260302 and week dates; the form sends YYYY-MM-DD
            raise ValueError(text)
        return dt.date.fromisoformat(text)
    except ValueError:
        notes.append(f"The {label} date was not a date like 2026-03-02, so it was left out.")
        return None


def _start_of(day: dt.date) -> dt.datetime:
    """Midnight at the start of `day` in the site's time zone."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min), timezone.get_default_timezone())


def _page(text: str) -> int:
    try:
        number = int(text.strip()[:6])
    except ValueError:
        return 1
    return max(1, min(number, MAX_PAGE))
