"""Stored list pages beyond the built-in ones: tag pages, the monthly archive and its
index, the deeper pages of every paginated list, and related-article lists on articles.

What a publish re-renders, and why (`refresh_lists`, registered by `receivers.connect`):

- A story entering or leaving a list shifts every page of it. Of its section's list, the
  stored pages are rendered again up to EAGER_PAGES and dropped beyond it, to be rendered
  on their next request (the first page is a built-in family of `refresh`). Author, tag,
  month and film or person coverage lists, and the archive index (months with counts),
  are dropped whole by default; with NEWSREEL_PUBLISH_RENDERS=everything their stored
  pages are treated like the section's, and the archive index is rendered again. A list
  that lost a page loses its stored last page (it answers 404 from then on); a tag or
  month with no stories left loses its pages. Pages nobody has asked for stay
  unrendered: a tag page read once a year costs nothing at publish time.
- Related lists: a story's related list shows the live stories sharing the most films,
  people and tags with it. When a story is published, changed or withdrawn, the related
  lists of the RELATED_RIPPLE live stories closest to it (by the same weighted overlap,
  over what it is about before and after the change) are brought up to date: by
  default their pages are dropped and rendered on their next request; with
  NEWSREEL_PUBLISH_RENDERS=everything the lists are worked out again and the stories
  whose list changed are rendered again. Those are the lists it most likely enters or
  leaves. The bound is deliberate; a story that shares only a popular
  tag with thousands of others would otherwise check thousands of lists. A list
  outside the ripple catches up the next time its own page is rendered (any publish
  touching it, or `refresh_everything`); a withdrawn story's link meanwhile answers 410.
"""

from __future__ import annotations

from typing import Callable

from newsreel import links
from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article, Author, Section, Tag
from newsreel.public import pages
from newsreel.public.models import StoredPage
from newsreel.public.pages.coverage_pages import coverage_base, render_film_coverage, render_person_coverage
from newsreel.public.pages.listings import archive_url, month_url, render_archive_index, render_month, render_tag
from newsreel.public.pages.pagination import PageOutOfRange, page_count, page_url
from newsreel.public.pages.queries import (
    author_articles, live_articles, month_articles, month_of, section_articles, tag_articles,
)
from newsreel.public.pages.shared import list_length
from newsreel.public.pages.related import Entities, closest_ids, related_articles, related_html
from newsreel.public.refresh import Affected, refresh_article, renders_everything
from newsreel.public.store import delete_pages, store_page
from newsreel.public.store import drop as drop_pages

# Pages of a list re-rendered at publish when stored; stored pages past this are dropped
# (every list page costs a full page render, and pages past the first are read rarely).
EAGER_PAGES = 1
# Pages of a list past this are rendered on each request and never stored (views): every
# publish into the list would otherwise drop them all.
STORED_PAGES = 3
# Stories closest to a changed one whose related lists are checked (and re-rendered when
# they changed).
RELATED_RIPPLE = 3


# Rendering one page of a list, for lazy fills (views) and for publishing.

def refresh_section_page(section: Section, number: int) -> StoredPage:
    return store_page(page_url(section.get_absolute_url(), number), pages.render_section(section, number), "section")


def refresh_author_page(author: Author, number: int) -> StoredPage:
    return store_page(page_url(author.get_absolute_url(), number), pages.render_author(author, number), "author")


def refresh_tag_page(tag: Tag, number: int = 1) -> StoredPage:
    return store_page(page_url(tag.get_absolute_url(), number), render_tag(tag, number), "tag")


def refresh_month_page(year: int, month: int, number: int = 1) -> StoredPage:
    return store_page(page_url(month_url(year, month), number), render_month(year, month, number), "archive")


def refresh_archive_index() -> StoredPage:
    return store_page(archive_url(), render_archive_index(), "archive")


def refresh_film_coverage(film: Film, number: int) -> StoredPage:
    return store_page(page_url(coverage_base(film), number), render_film_coverage(film, number), "film")


def refresh_person_coverage(person: Person, number: int) -> StoredPage:
    return store_page(page_url(coverage_base(person), number), render_person_coverage(person, number), "person")


# What publishing calls.

def refresh_lists(affected: Affected) -> None:
    """Bring the list pages and related lists one article change touches up to date."""
    for section in Section.objects.filter(pk__in=affected.section_ids):
        _stored_pages(section.get_absolute_url(), section_articles(section).count,
                      lambda n, s=section: refresh_section_page(s, n))
    months = {month_of(moment) for moment in affected.dates if moment}
    if renders_everything():
        _render_lists(affected, months)
    else:
        _drop_lists(affected, months)
    _refresh_related(affected)


def _drop_lists(affected: Affected, months: set[tuple[int, int]]) -> None:
    """Drop every stored page of the author, tag, month, film and person lists touched, and
    the archive index when a date is involved, in one statement (NEWSREEL_PUBLISH_RENDERS=front)."""
    firsts: list[str] = []  # each list's first page
    bases: list[str] = []  # where its pages 2, 3, ... live (under base + "page/")
    for owner in [*Author.objects.filter(pk__in=affected.author_ids).only("slug"),
                  *Tag.objects.filter(pk__in=affected.tag_ids).only("slug")]:
        firsts.append(owner.get_absolute_url())
        bases.append(owner.get_absolute_url())
    for year, month in months:
        firsts.append(month_url(year, month))
        bases.append(month_url(year, month))
    for entity in [*Film.objects.filter(key__in=affected.film_keys).only("key"),
                   *Person.objects.filter(key__in=affected.person_keys).only("key")]:
        firsts.append(entity.get_absolute_url())
        bases.append(coverage_base(entity))
    if months:
        firsts.append(archive_url())
    if firsts:
        delete_pages(paths=firsts, prefixes=[base + "page/" for base in bases])


def _render_lists(affected: Affected, months: set[tuple[int, int]]) -> None:
    """Re-render the stored pages of the author, tag, month, film and person lists touched
    (NEWSREEL_PUBLISH_RENDERS=everything); the first page of each is rendered, deeper ones dropped."""
    for author in Author.objects.filter(pk__in=affected.author_ids):
        _stored_pages(author.get_absolute_url(), author_articles(author).count,
                      lambda n, a=author: refresh_author_page(a, n))
    for tag in Tag.objects.filter(pk__in=affected.tag_ids):
        _stored_pages(tag.get_absolute_url(), tag_articles(tag).count, lambda n, t=tag: refresh_tag_page(t, n),
                      start=1)
    for year, month in sorted(months):
        _stored_pages(month_url(year, month), month_articles(year, month).count,
                      lambda n, y=year, m=month: refresh_month_page(y, m, n), start=1)
    if months and StoredPage.objects.filter(path=archive_url()).exists():
        refresh_archive_index()
    for film in Film.objects.filter(key__in=affected.film_keys):
        _stored_pages(coverage_base(film), lambda f=film: _coverage_count(film=f),
                      lambda n, f=film: refresh_film_coverage(f, n), first=film.get_absolute_url())
    for person in Person.objects.filter(key__in=affected.person_keys):
        _stored_pages(coverage_base(person), lambda p=person: _coverage_count(person=p),
                      lambda n, p=person: refresh_person_coverage(p, n), first=person.get_absolute_url())


def _coverage_count(**mention) -> int:
    filters = {f"mentions__{name}": value for name, value in mention.items()}
    return live_articles().filter(mentions__in_spoiler=False, **filters).values("pk").distinct().count()


def _stored_pages(base: str, count: Callable[[], int], render: Callable[[int], object], *, start: int = 2,
                  first: str = "") -> None:
    """The list's stored pages from page `start` on: re-render the first few, drop the rest.

    One story more or less moves every page by one item, and can add or remove the last
    page; looking one page past the end finds a page that has just gone. A list that may
    not be empty (tags, months) loses every page when it is.
    """
    total = list_length(base, count)  # the page's own render reads it again
    pages = page_count(total) if total else 0
    paths = {page_url(base, n, first): n for n in range(start, pages + 2)}
    stored = StoredPage.objects.filter(path__in=list(paths)).values_list("path", flat=True)
    drop = []
    for path in stored:
        number = paths[path]
        if number <= min(EAGER_PAGES, pages):
            try:
                render(number)
            except PageOutOfRange:
                drop.append(path)
        else:
            drop.append(path)
    if drop:
        drop_pages(StoredPage.objects.filter(path__in=drop))


def _ripple(affected: Affected, done: set[int]) -> list[int]:
    """The stories whose related lists the change most likely enters or leaves."""
    if len(affected.changed_ids) == 1 and affected.new_ids == affected.changed_ids:
        # A first publish was about nothing before: the stories closest to it are its own
        # related list (by the same overlap), worked out when its page was rendered.
        story = Article.objects.filter(pk__in=affected.new_ids).only("pk").first()
        if story is None:
            return []
        return [item.pk for item in related_articles(story) if item.pk not in done][:RELATED_RIPPLE]
    entities = Entities(
        film_ids=set(Film.objects.filter(key__in=affected.film_keys).values_list("id", flat=True)),
        person_ids=set(Person.objects.filter(key__in=affected.person_keys).values_list("id", flat=True)),
        tag_ids=set(affected.tag_ids),
    )
    return closest_ids(entities, exclude=done, limit=RELATED_RIPPLE)


def _refresh_related(affected: Affected) -> None:
    """Bring the related lists of the stories closest to the change up to date.

    With NEWSREEL_PUBLISH_RENDERS=everything each one's list is worked out again (one
    ranking query and a small template) and the stories whose list really changed (the
    changed story entered or left it, or its headline, summary or date moved) are
    rendered again. By default their pages are dropped without the check, to be rendered
    on their next request: the check alone costs more than the publish's other work.
    """
    # Pages already rendered by this change (neighbours, the article itself) need no second pass.
    done = set(affected.article_ids) | set(affected.changed_ids)
    ids = _ripple(affected, done)
    if not ids:
        return
    if not renders_everything():
        delete_pages(paths=[links.path("article", slug=slug) for slug in
                            live_articles().filter(pk__in=ids).values_list("slug", flat=True)])
        return
    articles = list(live_articles().filter(pk__in=ids).select_related("live_revision"))
    stored = dict(StoredPage.objects.filter(path__in=[a.get_absolute_url() for a in articles])
                  .values_list("path", "body"))
    for article in articles:
        body = bytes(stored.get(article.get_absolute_url()) or b"")
        block = related_html(related_articles(article)).encode()
        shows_same = block in body if block else b'class="related"' not in body
        if not body or not shows_same:
            refresh_article(article)
