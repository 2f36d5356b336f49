"""Feed scopes: which stories a feed carries, what it is called and where it lives.

    site     /feed.xml   /feed.atom   /feed.json
    section  /sections/<slug>/feed.xml|.atom|.json
    tag      /tags/<slug>/feed...
    author   /authors/<slug>/feed...
    film     /films/<key>/feed...      stories naming the film outside spoiler blocks
    person   /people/<key>/feed...     stories naming the person outside spoiler blocks

A film or person named only inside a spoiler block (a surprise cameo) is itself a
spoiler, so such a story is left out of that film's or person's feed, as it is left out
of their page's coverage list.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator

from django.db.models import QuerySet

from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article, Author, Section, Tag
from newsreel.public.models import SiteSettings
from newsreel.public.pages.queries import live_articles
from newsreel.public.pages.shared import site_settings

if TYPE_CHECKING:
    from newsreel.public.refresh import Affected

KINDS = ("site", "section", "tag", "author", "film", "person")


@dataclass(frozen=True)
class FeedScope:
    """One feed's subject, in every format."""

    kind: str
    key: str  # the slug or key in the URL; "" for the site
    title: str
    description: str
    page_url: str  # the HTML page the feed follows, root-relative
    prefix: str  # the feed's paths start here: "/" or "/sections/news/"
    stories: Callable[[], QuerySet[Article]]

    def path(self, filename: str) -> str:
        return self.prefix + filename

    def article_ids(self, limit: int) -> list[int]:
        """The newest `limit` live stories in this feed, newest first."""
        rows = self.stories().values_list("pk", "published_at").distinct()[:limit]
        return [pk for pk, _ in rows]


def site_scope(site: SiteSettings | None = None) -> FeedScope:
    site = site or site_settings()
    return FeedScope(
        kind="site", key="", title=site.name, description=site.description or site.tagline or site.name,
        page_url="/", prefix="/", stories=live_articles,
    )


def _section(section: Section, site: SiteSettings) -> FeedScope:
    return FeedScope(
        kind="section", key=section.slug, title=f"{section.name} | {site.name}",
        description=section.description or f"{section.name} from {site.name}",
        page_url=section.get_absolute_url(), prefix=section.get_absolute_url(),
        stories=lambda: live_articles().filter(section=section),
    )


def _tag(tag: Tag, site: SiteSettings) -> FeedScope:
    return FeedScope(
        kind="tag", key=tag.slug, title=f"{tag.name} | {site.name}", description=f"Stories tagged {tag.name} on {site.name}",
        page_url=tag.get_absolute_url(), prefix=tag.get_absolute_url(),
        stories=lambda: live_articles().filter(tags=tag),
    )


def _author(author: Author, site: SiteSettings) -> FeedScope:
    return FeedScope(
        kind="author", key=author.slug, title=f"{author.name} | {site.name}",
        description=f"Stories by {author.name} for {site.name}",
        page_url=author.get_absolute_url(), prefix=author.get_absolute_url(),
        stories=lambda: live_articles().filter(authors=author),
    )


def _film(film: Film, site: SiteSettings) -> FeedScope:
    return FeedScope(
        kind="film", key=film.key, title=f"{film} | {site.name}", description=f"Coverage of {film} on {site.name}",
        page_url=film.get_absolute_url(), prefix=film.get_absolute_url(),
        # Both conditions on the same mention: named outside a spoiler block.
        stories=lambda: live_articles().filter(mentions__film=film, mentions__in_spoiler=False),
    )


def _person(person: Person, site: SiteSettings) -> FeedScope:
    return FeedScope(
        kind="person", key=person.key, title=f"{person.name} | {site.name}",
        description=f"Coverage of {person.name} on {site.name}",
        page_url=person.get_absolute_url(), prefix=person.get_absolute_url(),
        stories=lambda: live_articles().filter(mentions__person=person, mentions__in_spoiler=False),
    )


_LOOKUPS: dict[str, tuple[Any, str, Callable[[Any, SiteSettings], FeedScope]]] = {
    "section": (Section, "slug", _section),
    "tag": (Tag, "slug", _tag),
    "author": (Author, "slug", _author),
    "film": (Film, "key", _film),
    "person": (Person, "key", _person),
}


def scope_for(kind: str, key: str = "") -> FeedScope | None:
    """The feed scope named in a URL, or None when there is no such section, tag, ..."""
    if kind == "site":
        return site_scope()
    if kind not in _LOOKUPS:
        raise ValueError(f"unknown feed kind {kind!r}; expected one of {', '.join(KINDS)}")
    model, field, build = _LOOKUPS[kind]
    found = model.objects.filter(**{field: key}).first()
    return build(found, site_settings()) if found is not None else None


def scopes_for_affected(affected: "Affected", *, with_stories_only: bool = False) -> Iterator[FeedScope]:
    """The site feed, then every feed one article change touches.

    `with_stories_only` leaves out sections, tags, authors, films and people with no live
    story (a rebuild over a large knowledge graph renders no empty film feeds).
    """
    site = site_settings()
    yield site_scope(site)
    live = live_articles().values("pk")
    sections = Section.objects.filter(pk__in=affected.section_ids)
    tags = Tag.objects.filter(pk__in=affected.tag_ids)
    authors = Author.objects.filter(pk__in=affected.author_ids)
    films = Film.objects.filter(key__in=affected.film_keys)
    people = Person.objects.filter(key__in=affected.person_keys)
    if with_stories_only:
        sections = sections.filter(articles__in=live).distinct()
        tags = tags.filter(articles__in=live).distinct()
        authors = authors.filter(articles__in=live).distinct()
        films = films.filter(mentions__article__in=live, mentions__in_spoiler=False).distinct()
        people = people.filter(mentions__article__in=live, mentions__in_spoiler=False).distinct()
    for section in sections:
        yield _section(section, site)
    for tag in tags:
        yield _tag(tag, site)
    for author in authors:
        yield _author(author, site)
    for film in films:
        yield _film(film, site)
    for person in people:
        yield _person(person, site)

