"""Pages the server fills on request, rendered for an export only when they are not stored
(`render_missing_pages`): articles, lists, film and person pages.

Depends on: nothing in the package (the public site's renderers).
"""

from __future__ import annotations


from typing import Callable, Iterator
from django.db import transaction

from newsreel import links
from newsreel.public.batches import batches
from newsreel.public.models import StoredPage


def render_missing_pages(progress: Callable[[str], None] | None = None) -> int:
    """Render every page the server would fill on request but has not stored yet.

    The server fills some pages on their first request (film, person, section, author and
    tag pages, the archive, deeper pages of every list, a story whose page a publish
    dropped, feeds, sitemaps); the export needs them all. A stored page is current
    (publishing re-renders or drops what it touches), so only missing pages are rendered:
    right after an export, or after a run of publishes, this renders nothing or just what
    those publishes dropped. What should exist is read in a few grouped queries (keys and
    counts, no page bodies). robots.txt and the news sitemap are checked as their views
    check them on every request (they follow the site's URL and the clock, not publishing).
    Returns the number of pages rendered.
    """
    from newsreel.public.robots import refresh_robots
    from newsreel.public.sitemaps.stored import news_current

    with transaction.atomic():
        refresh_robots()  # the row is rewritten only if the bytes changed
        news_current()
    stored = set(StoredPage.objects.values_list("path", flat=True).iterator(chunk_size=5000))
    rendered = 0
    for batch in batches(_Families(stored).missing(), 100):
        with transaction.atomic():  # one commit per batch, not one per page
            for render in batch:
                rendered += _pages_in(render())
        if progress:
            progress(f"rendered {rendered} pages the server fills on request")
    return rendered


class _Families:
    """Every page of every lazily filled family, as a render for each one not stored."""

    def __init__(self, stored: set[str]) -> None:
        self.stored = stored

    def missing(self) -> Iterator[Callable[[], object]]:
        from newsreel.public import refresh
        from newsreel.public.feeds.stored import missing_feeds
        from newsreel.public.listing_refresh import refresh_archive_index
        from newsreel.public.pages.listings import archive_url
        from newsreel.public.sitemaps.stored import missing_sitemaps

        if "/" not in self.stored:
            yield refresh.refresh_home
        if archive_url() not in self.stored:
            yield refresh_archive_index
        yield from self._articles()
        yield from self._lists()
        yield from self._reference()
        yield from missing_feeds(self.stored)
        yield from missing_sitemaps(self.stored)

    def _articles(self) -> Iterator[Callable[[], object]]:
        """Live stories whose page a publish dropped (their related list changed)."""
        from newsreel.public.pages.queries import live_articles
        from newsreel.public.refresh import refresh_article

        slugs = live_articles().order_by().values_list("slug", flat=True)
        for slug in slugs.iterator(chunk_size=5000):
            if links.path("article", slug=slug) not in self.stored:
                yield lambda slug=slug: refresh_article(
                    live_articles().select_related("live_revision").get(slug=slug))

    def _lists(self) -> Iterator[Callable[[], object]]:
        """Every page of every section, author, tag and month list (counted in one query each)."""
        from django.db.models import Count

        from newsreel.newsroom.models import Author, Section, Tag
        from newsreel.public import listing_refresh as lists, refresh
        from newsreel.public.pages.listings import month_url
        from newsreel.public.pages.queries import live_articles, month_counts

        def counts(field: str) -> dict[int, int]:
            # One row per link, as the list's own count (`tag_articles(t).count()`) counts.
            rows = live_articles().order_by().values(field).annotate(n=Count("pk")).values_list(field, "n")
            return {key: n for key, n in rows if key is not None}

        per_section = counts("section")
        for section in Section.objects.order_by("pk"):
            yield from self._list(section.get_absolute_url(), per_section.get(section.pk, 0),
                                  lambda n, s=section: refresh.refresh_section(s) if n == 1 else lists.refresh_section_page(s, n))
        per_author = counts("authors")
        for author in Author.objects.order_by("pk"):
            yield from self._list(author.get_absolute_url(), per_author.get(author.pk, 0),
                                  lambda n, a=author: refresh.refresh_author(a) if n == 1 else lists.refresh_author_page(a, n))
        per_tag = counts("tags")
        for tag in Tag.objects.order_by("pk"):
            if tag.pk not in per_tag:  # an empty tag has no page (the server answers 404)
                continue
            yield from self._list(tag.get_absolute_url(), per_tag[tag.pk], lambda n, t=tag: lists.refresh_tag_page(t, n))
        for first_day, total in month_counts():
            year, month = first_day.year, first_day.month
            yield from self._list(month_url(year, month), total,
                                  lambda n, y=year, m=month: lists.refresh_month_page(y, m, n))

    def _reference(self) -> Iterator[Callable[[], object]]:
        """Every film's and person's page, and the further pages of their coverage."""
        from django.db.models import Count

        from newsreel.films.models import Film, Person
        from newsreel.public import listing_refresh as lists, refresh
        from newsreel.public.pages import pagination
        from newsreel.public.pages.queries import live_articles

        for model, field, related, render_first, render_more in (
            (Film, "film", "poster", refresh.refresh_film, lists.refresh_film_coverage),
            (Person, "person", "photo", refresh.refresh_person, lists.refresh_person_coverage),
        ):
            # Coverage beyond the entity's own page, counted as the list refresher counts it.
            coverage = {row[f"mentions__{field}"]: row["n"] for row in live_articles().order_by()
                        .filter(mentions__in_spoiler=False, **{f"mentions__{field}__isnull": False})
                        .values(f"mentions__{field}").annotate(n=Count("pk", distinct=True))
                        .filter(n__gt=pagination.PER_PAGE)}
            # Keys only: a knowledge graph may hold far more films than the site covers.
            for pk, key in model.objects.order_by("pk").values_list("pk", "key").iterator(chunk_size=5000):
                entity = model(pk=pk, key=key)
                if entity.get_absolute_url() not in self.stored:
                    yield lambda pk=pk, model=model, related=related, render=render_first: render(
                        model.objects.select_related(related).get(pk=pk))
                total = coverage.get(pk, 0)
                if total:
                    yield from self._list(lists.coverage_base(entity), total,
                                          lambda n, pk=pk, model=model, render=render_more: render(model.objects.get(pk=pk), n),
                                          start=2)

    def _list(self, base: str, total: int, render: Callable[[int], object], start: int = 1
              ) -> Iterator[Callable[[], object]]:
        from newsreel.public.pages.pagination import page_count, page_url

        for number in range(start, page_count(total) + 1):
            if page_url(base, number) not in self.stored:
                yield lambda n=number: render(n)


def _pages_in(stored: object) -> int:
    """Pages one render stored: a page, a list of them (a feed's formats), or None (nothing)."""
    if stored is None:
        return 0
    return len(stored) if isinstance(stored, list) else 1
