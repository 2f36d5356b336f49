"""Sitemaps as stored pages: what a publish refreshes, and filling a missing one on request.

On a publish or unpublish the news sitemap is re-rendered; the index, sections.xml and
the parts that list what the change touched (the story's articles part, its films',
people's, tags' and authors' parts) are dropped and rendered again on their next request.
The static export renders the ones not stored (`missing_sitemaps`) and brings the news
sitemap up to date as its view does (`news_current`).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Callable, Iterator

from django.db.models import Max, Min
from django.urls import Resolver404, resolve

from newsreel.films.models import Film, Person
from newsreel.public.models import StoredPage
from newsreel.public.pages.queries import live_articles
from newsreel.public.refresh import Affected
from newsreel.public.sitemaps import index, news
from newsreel.public.sitemaps.families import FAMILIES, Family, part_of
from newsreel.public.sitemaps.xml import CONTENT_TYPE, urlset
from newsreel.public.store import delete_page, drop, store_page

KIND = "sitemap"


def refresh_index() -> StoredPage:
    return store_page(index.index_path(), index.render_index(), KIND, content_type=CONTENT_TYPE)


def refresh_sections() -> StoredPage:
    return store_page(index.sections_path(), index.render_sections(), KIND, content_type=CONTENT_TYPE)


def refresh_news() -> StoredPage | None:
    """Store the news sitemap; with no story from the last two days there is none (404):
    an empty <urlset> is not valid against the protocol's schema."""
    entries = news.news_entries()
    if not entries:
        delete_page(news.news_path())
        return None
    return store_page(news.news_path(), urlset(entries, news=True), KIND, content_type=CONTENT_TYPE)


def news_current() -> StoredPage | None:
    """The stored news sitemap, rendered again when missing or when a story in it has aged out.

    Its contents change with the clock, not only with publishing (a story leaves it two
    days after publication), so the view checks it on every request and so does the export.
    """
    page = StoredPage.objects.filter(path=news.news_path()).only("path", "last_modified").first()
    if page is None or news.has_expired_entries(page.last_modified):
        page = refresh_news()
    if page is None:
        _drop_index_naming_news()
    return page


def _drop_index_naming_news() -> None:
    """Drop a stored index that still lists the news sitemap after its last story aged out.

    The index names the news sitemap while it has stories; with none left that entry
    would send crawlers (and a static copy's readers) to a 404. Dropped, it is rendered
    again without the entry on its next request or export.
    """
    stored = StoredPage.objects.filter(path=index.index_path()).values_list("body", flat=True).first()
    if stored is not None and f"{news.news_path()}</loc>".encode() in bytes(stored):
        delete_page(index.index_path())


def refresh_part(family: Family, part: int) -> StoredPage | None:
    """Store one part; a part with no entries left is deleted (and answers 404)."""
    entries = family.entries(part)
    if not entries:
        delete_page(family.path(part))
        return None
    return store_page(family.path(part), urlset(entries, images=family.images), KIND, content_type=CONTENT_TYPE)


def refresh_path(path: str) -> StoredPage | None:
    """Render and store the sitemap at `path`; None when there is none (unknown or empty)."""
    if path == index.index_path():
        return refresh_index()
    if path == index.sections_path():
        return refresh_sections()
    if path == news.news_path():
        return refresh_news()
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != "sitemap-part" or match.kwargs["family"] not in FAMILIES:
        return None
    return refresh_part(FAMILIES[match.kwargs["family"]], int(match.kwargs["number"]))


def missing_sitemaps(stored: set[str]) -> Iterator[Callable[[], object]]:
    """A render for the index, sections.xml and every part with entries, when not in `stored`.

    A stored sitemap is current (a publish drops every one it touches); the parts are
    those the index lists (`Family.parts`, one grouped query per family).
    """
    if index.index_path() not in stored:
        yield refresh_index
    if index.sections_path() not in stored:
        yield refresh_sections
    for family in FAMILIES.values():
        for part, _ in family.parts():
            if family.path(part) not in stored:
                yield lambda family=family, part=part: refresh_part(family, part)


def touched_parts(affected: Affected, rebuild: bool) -> dict[str, set[int]]:
    """The parts of each family that list something this change touched."""
    article_parts = {part_of(pk) for pk in getattr(affected, "changed_ids", ()) or ()}
    if rebuild and affected.dates:
        # A rebuild names publication days, not stories: the parts holding those days' stories.
        span = sorted(affected.dates)
        ids = live_articles().order_by().filter(
            published_at__gte=span[0], published_at__lt=span[-1] + timedelta(days=1)
        ).aggregate(low=Min("pk"), high=Max("pk"))
        if ids["low"] is not None:
            article_parts.update(range(part_of(ids["low"]), part_of(ids["high"]) + 1))
    return {
        "articles": article_parts,
        "films": {part_of(pk) for pk in Film.objects.filter(key__in=affected.film_keys).values_list("pk", flat=True)},
        "people": {part_of(pk) for pk in Person.objects.filter(key__in=affected.person_keys).values_list("pk", flat=True)},
        "tags": {part_of(pk) for pk in affected.tag_ids},
        "authors": {part_of(pk) for pk in affected.author_ids},
    }


def refresh_sitemaps_for(affected: Affected) -> int:
    """Bring the sitemaps an article change touches up to date; returns files rendered.

    A publish re-renders the news sitemap (small, and the one crawlers want fresh) and
    drops the stored index, sections.xml and the parts listing what the change touched:
    they are rendered on their next request. An articles part lists up to 5,000 stories
    with their images, and crawlers fetch it far less often than newsrooms publish, so
    rendering it inside every publish would cost each publish more than everything else.

    An Affected set naming no changed article is a rebuild: then the index, sections.xml
    and every touched part are rendered at once, stored or not (the static export renders
    only what is missing: `missing_sitemaps`).
    """
    rebuild = not getattr(affected, "changed_ids", None)
    parts = touched_parts(affected, rebuild)
    paths = [FAMILIES[name].path(part) for name, numbers in parts.items() for part in sorted(numbers)]
    refresh_news()
    if not rebuild:
        drop(StoredPage.objects.filter(path__in=[index.index_path(), index.sections_path(), *paths], kind=KIND))
        return 1
    refresh_index()
    refresh_sections()
    for name, numbers in parts.items():
        for part in sorted(numbers):
            refresh_part(FAMILIES[name], part)
    return 3 + len(paths)
