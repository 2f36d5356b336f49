"""A film's or person's coverage beyond its first page.

Page 1 of the coverage is on the film or person page itself; the rest is at
/films/<key>/coverage/page/<n>/ and /people/<key>/coverage/page/<n>/.
"""

from __future__ import annotations

from typing import Sequence

from django.utils.html import format_html

from newsreel.films.models import Film, Person
from newsreel.public.pages.common import absolute, render_page
from newsreel.public.pages.pagination import PageOutOfRange, Pager, paginate
from newsreel.public.pages.reference import Headline, coverage, coverage_html
from newsreel.public.pages.shared import site_settings


def coverage_base(entity: Film | Person) -> str:
    """Where pages 2 and on of the entity's coverage live."""
    return entity.get_absolute_url() + "coverage/"


def coverage_pager(stories: Sequence[Headline], number: int, entity: Film | Person) -> Pager:
    """Page `number` of an entity's coverage (page 1 belongs to the entity's own page)."""
    return paginate(stories, number, coverage_base(entity), first=entity.get_absolute_url())


def render_film_coverage(film: Film, page: int) -> bytes:
    return _render(film, coverage(film=film), page, format_html("<cite>{}</cite>", film.title), str(film))


def render_person_coverage(person: Person, page: int) -> bytes:
    return _render(person, coverage(person=person), page, person.name, person.name)


def _render(entity: Film | Person, stories: list[Headline], page: int, heading, plain: str) -> bytes:
    if page < 2:
        raise PageOutOfRange(f"coverage page {page} of {entity.get_absolute_url()}: page 1 is the page itself")
    pager = coverage_pager(stories, page, entity)
    site = site_settings()
    return render_page("public/coverage_page.html", {
        "site": site,
        "title": f"Coverage of {plain} (page {pager.number} of {pager.count}) | {site.name}",
        "description": f"Stories about {plain} on {site.name}",
        "canonical": absolute(pager.url),
        "entity_url": entity.get_absolute_url(),
        "heading": heading,
        "kicker": "Film" if isinstance(entity, Film) else "Person",
        "pager": pager,
        "stories": pager.items,
        "coverage_html": coverage_html(list(pager.items)),
    })
