"""The Content API: what readers may see, as JSON, always spoiler-safe.

Every story comes through `Article.objects.live()` and every excerpt from the spoiler-safe
projection the feeds use (summary, meta description, feed HTML with spoiler blocks as
notices). A client that names films as seen (`seen=key,key`) gets the story's full HTML
once every film the story spoils is among them; a story that spoils a film not named stays
as the feeds show it (a partial reveal would leave footnotes and names from the hidden
blocks to sort out, and the safe answer is the whole notice version).

Lists page by keyset cursors (`cursors`): `next_cursor` is null on the last page.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from ninja import Path, Query, Router

from newsreel import links
from newsreel.api import cursors
from newsreel.api.errors import ApiError
from newsreel.api.schemas import (AuthorPage, Errors, FilmDetail, FilmPage, PersonDetail, PersonPage, QuotePage,
                                  SearchPageOut, SectionPage, Story, StoryPage, TagPage)
from newsreel.api.security import ContentKey
from newsreel.films.models import Credit, Film, Person
from newsreel.images.renditions import picture
from newsreel.newsroom.models import Article, Author, Byline, Mention, Quote, Section, Tag
from newsreel.newsroom.models.liveness import live_q
from newsreel.public.feeds.items import absolute_urls_in_html
from newsreel.public.pages.article import modified_at
from newsreel.public.pages.common import absolute

router = Router(auth=ContentKey(), tags=["Content API"])

SLUG = r"^[-a-zA-Z0-9_]{1,200}$"
CURSOR = r"^[-A-Za-z0-9_]{1,400}$"
ERRORS = {401: Errors, 404: Errors, 422: Errors, 429: Errors}


def _limit(value: int) -> int:
    return max(1, min(value, cursors.MAX_LIMIT))


def _seen(text: str) -> set[str]:
    return {part.strip() for part in (text or "").split(",") if part.strip()}


def _shown(article: Article, seen: set[str]) -> bool:
    return bool(article.spoiler_films) and set(article.spoiler_films) <= seen


def _film_ref(film: Film) -> dict[str, Any]:
    return {"key": film.key, "title": film.title, "year": film.year, "url": absolute(links.path("film", key=film.key))}


def _person_ref(person: Person) -> dict[str, Any]:
    return {"key": person.key, "name": person.name, "url": absolute(links.path("person", key=person.key))}


def _image(image) -> dict[str, Any] | None:
    shown = picture(image)
    if shown is None:
        return None
    return {"url": shown.absolute_url, "alt": shown.alt, "credit": shown.credit, "caption": shown.caption,
            "width": shown.width, "height": shown.height}


def _stories() -> QuerySet[Article]:
    return (Article.objects.live().select_related("section", "hero_image", "review_film", "live_revision")
            .prefetch_related("tags", Prefetch("byline_set", queryset=Byline.objects.select_related("author")),
                              Prefetch("mentions", queryset=Mention.objects.select_related("film", "person")
                                       .order_by("start")))
            .order_by("-published_at", "-id"))


def story_summary(article: Article, seen: set[str]) -> dict[str, Any]:
    shown = _shown(article, seen)
    films: dict[int, Film] = {}
    people: dict[int, Person] = {}
    for mention in article.mentions.all():
        if mention.in_spoiler and not shown:
            continue  # a name only inside a spoiler block is itself a spoiler
        if mention.film is not None:
            films.setdefault(mention.film_id, mention.film)
        elif mention.person is not None:
            people.setdefault(mention.person_id, mention.person)
    review = None
    if article.review_film_id or article.rating is not None or article.verdict:
        review = {"film": _film_ref(article.review_film) if article.review_film_id else None,
                  "rating": float(article.rating) if article.rating is not None else None,
                  "rating_best": article.rating_best, "verdict": article.verdict}
    return {
        "id": article.pk, "slug": article.slug, "url": absolute(article.get_absolute_url()),
        "headline": article.headline, "dek": article.dek, "summary": article.display_summary,
        "excerpt": article.meta_description, "published_at": article.published_at,
        "updated_at": modified_at(article),
        "section": {"slug": article.section.slug, "name": article.section.name} if article.section_id else None,
        "tags": [{"slug": tag.slug, "name": tag.name} for tag in article.tags.all()],
        "authors": [{"slug": byline.author.slug, "name": byline.author.name} for byline in article.byline_set.all()],
        "films": [_film_ref(film) for film in films.values()],
        "people": [_person_ref(person) for person in people.values()],
        "spoiler_films": list(article.spoiler_films), "spoilers_shown": shown,
        "reading_minutes": article.reading_minutes, "hero_image": _image(article.hero_image), "review": review,
    }


def story_detail(article: Article, seen: set[str]) -> dict[str, Any]:
    data = story_summary(article, seen)
    html = article.body_html if data["spoilers_shown"] else article.feed_html
    data.update(html=absolute_urls_in_html(html), spoiler_note="" if data["spoilers_shown"] else article.spoiler_note,
                sources=[{"name": str(source.get("name", "")), "url": str(source.get("url", "") or "")}
                         for source in article.sources if isinstance(source, dict) and source.get("name")])
    return data


def _about(film: str | None, person: str | None) -> Q:
    """Stories that name the film or person outside spoiler blocks (or review the film)."""
    condition = Q()
    if film:
        condition &= Q(pk__in=Mention.objects.filter(film__key=film, in_spoiler=False).values("article_id")) \
            | Q(review_film__key=film)
    if person:
        condition &= Q(pk__in=Mention.objects.filter(person__key=person, in_spoiler=False).values("article_id"))
    return condition


def _page(rows: list[Any], limit: int, key) -> tuple[list[Any], str | None]:
    """The first `limit` rows and the cursor after them (None when nothing follows)."""
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, cursors.encode(key(rows[-1]))


@router.get("/stories", response={200: StoryPage, **ERRORS}, summary="List live stories, newest first")
def list_stories(request,
                 cursor: str = Query(None, pattern=CURSOR, description="next_cursor of the previous page"),
                 limit: int = Query(cursors.DEFAULT_LIMIT, ge=1, le=cursors.MAX_LIMIT),
                 section: str = Query(None, pattern=SLUG), tag: str = Query(None, pattern=SLUG),
                 author: str = Query(None, pattern=SLUG),
                 film: str = Query(None, pattern=SLUG, description="Stories about this film (its key)"),
                 person: str = Query(None, pattern=SLUG, description="Stories naming this person (their key)"),
                 seen: str = Query("", max_length=2000, description="Film keys the reader has seen, comma-separated")):
    stories = _stories().filter(_about(film, person))
    if section:
        stories = stories.filter(section__slug=section)
    if tag:
        stories = stories.filter(tags__slug=tag)
    if author:
        stories = stories.filter(authors__slug=author)
    after = cursors.decode(cursor, (str, int))
    if after is not None:
        moment = cursors.decode_moment(after[0])
        stories = stories.filter(Q(published_at__lt=moment) | Q(published_at=moment, pk__lt=after[1]))
    rows, following = _page(list(stories[:_limit(limit) + 1]), _limit(limit),
                            lambda article: [article.published_at.isoformat(), article.pk])
    seen_keys = _seen(seen)
    return {"items": [story_summary(article, seen_keys) for article in rows], "next_cursor": following}


@router.get("/stories/{slug}", response={200: Story, **ERRORS}, summary="One live story, with its body")
def get_story(request, slug: str = Path(..., pattern=SLUG),
              seen: str = Query("", max_length=2000, description="Film keys the reader has seen, comma-separated")):
    article = _stories().filter(slug=slug).first()
    if article is None:
        raise ApiError(404, f"no live story has the slug {slug!r}")
    return story_detail(article, _seen(seen))


def _by_slug(queryset: QuerySet, cursor: str | None, limit: int, shape) -> dict[str, Any]:
    after = cursors.decode(cursor, (str,))
    if after is not None:
        queryset = queryset.filter(slug__gt=after[0])
    rows, following = _page(list(queryset.order_by("slug")[:_limit(limit) + 1]), _limit(limit),
                            lambda row: [row.slug])
    return {"items": [shape(row) for row in rows], "next_cursor": following}


@router.get("/sections", response={200: SectionPage, **ERRORS}, summary="List sections")
def list_sections(request, cursor: str = Query(None, pattern=CURSOR),
                  limit: int = Query(cursors.DEFAULT_LIMIT, ge=1, le=cursors.MAX_LIMIT)):
    return _by_slug(Section.objects.all(), cursor, limit, lambda section: {
        "slug": section.slug, "name": section.name, "description": section.description,
        "url": absolute(links.path("section", slug=section.slug))})


@router.get("/tags", response={200: TagPage, **ERRORS}, summary="List tags that have live stories")
def list_tags(request, cursor: str = Query(None, pattern=CURSOR),
              limit: int = Query(cursors.DEFAULT_LIMIT, ge=1, le=cursors.MAX_LIMIT)):
    live = Tag.objects.filter(pk__in=Article.tags.through.objects.filter(
        article__in=Article.objects.live()).values("tag_id"))
    return _by_slug(live, cursor, limit, lambda tag: {
        "slug": tag.slug, "name": tag.name, "url": absolute(links.path("tag", slug=tag.slug))})


@router.get("/authors", response={200: AuthorPage, **ERRORS}, summary="List authors of live stories")
def list_authors(request, cursor: str = Query(None, pattern=CURSOR),
                 limit: int = Query(cursors.DEFAULT_LIMIT, ge=1, le=cursors.MAX_LIMIT)):
    live = Author.objects.filter(pk__in=Byline.objects.filter(article__in=Article.objects.live()).values("author_id"))
    return _by_slug(live, cursor, limit, lambda author: {
        "slug": author.slug, "name": author.name, "bio": author.bio,
        "url": absolute(links.path("author", slug=author.slug))})


def _external(row) -> dict[str, str]:
    return {name: value for name, value in (("imdb", row.imdb_id), ("tmdb", row.tmdb_id),
                                             ("wikidata", row.wikidata_id)) if value}


def _film(film: Film) -> dict[str, Any]:
    return {**_film_ref(film), "aliases": list(film.aliases or []), "release_date": film.release_date,
            "releases": [{"country": release.country, "date": release.date, "kind": release.kind, "note": release.note}
                         for release in film.releases.all()],
            "status": film.status, "distributor": film.distributor, "synopsis": film.synopsis,
            "external_ids": _external(film), "updated_at": film.updated_at}


def _person(person: Person) -> dict[str, Any]:
    return {**_person_ref(person), "aliases": list(person.aliases or []), "bio": person.bio,
            "external_ids": _external(person), "updated_at": person.updated_at}


def _by_key(queryset: QuerySet, cursor: str | None, limit: int, shape) -> dict[str, Any]:
    after = cursors.decode(cursor, (str,))
    if after is not None:
        queryset = queryset.filter(key__gt=after[0])
    rows, following = _page(list(queryset.order_by("key")[:_limit(limit) + 1]), _limit(limit), lambda row: [row.key])
    return {"items": [shape(row) for row in rows], "next_cursor": following}


@router.get("/films", response={200: FilmPage, **ERRORS}, summary="List films in the knowledge graph")
def list_films(request, cursor: str = Query(None, pattern=CURSOR),
               limit: int = Query(cursors.DEFAULT_LIMIT, ge=1, le=cursors.MAX_LIMIT),
               year: int = Query(None, ge=1870, le=2200)):
    films = Film.objects.prefetch_related("releases")
    if year is not None:
        films = films.filter(year=year)
    return _by_key(films, cursor, limit, _film)


@router.get("/films/{key}", response={200: FilmDetail, **ERRORS}, summary="One film with its credits")
def get_film(request, key: str = Path(..., pattern=SLUG)):
    film = Film.objects.filter(key=key).first()
    if film is None:
        raise ApiError(404, f"no film has the key {key!r}")
    credits = Credit.objects.filter(film=film).select_related("person").order_by("role", "order", "id")
    return {**_film(film), "credits": [{"role": credit.role, "job": credit.job, "character": credit.character,
                                        "person": _person_ref(credit.person)} for credit in credits]}


@router.get("/people", response={200: PersonPage, **ERRORS}, summary="List people in the knowledge graph")
def list_people(request, cursor: str = Query(None, pattern=CURSOR),
                limit: int = Query(cursors.DEFAULT_LIMIT, ge=1, le=cursors.MAX_LIMIT)):
    return _by_key(Person.objects.all(), cursor, limit, _person)


@router.get("/people/{key}", response={200: PersonDetail, **ERRORS}, summary="One person with their credits")
def get_person(request, key: str = Path(..., pattern=SLUG)):
    person = Person.objects.filter(key=key).first()
    if person is None:
        raise ApiError(404, f"no person has the key {key!r}")
    credits = Credit.objects.filter(person=person).select_related("film").order_by("film__year", "film__key", "id")
    return {**_person(person), "credits": [{"role": credit.role, "job": credit.job, "character": credit.character,
                                            "film": _film_ref(credit.film)} for credit in credits]}


@router.get("/quotes", response={200: QuotePage, **ERRORS},
            summary="Quotes the text core is sure of, outside spoiler blocks, newest first")
def list_quotes(request, cursor: str = Query(None, pattern=CURSOR),
                limit: int = Query(cursors.DEFAULT_LIMIT, ge=1, le=cursors.MAX_LIMIT),
                person: str = Query(None, pattern=SLUG, description="Quotes by this person (their key)"),
                film: str = Query(None, pattern=SLUG, description="Quotes from stories about this film")):
    quotes = (Quote.objects.sure().filter(in_spoiler=False, article__in=Article.objects.live())
              .select_related("person", "article").order_by("-id"))
    if person:
        quotes = quotes.filter(person__key=person)
    if film:
        quotes = quotes.filter(article__in=Article.objects.filter(_about(film, None)))
    after = cursors.decode(cursor, (int,))
    if after is not None:
        quotes = quotes.filter(pk__lt=after[0])
    rows, following = _page(list(quotes[:_limit(limit) + 1]), _limit(limit), lambda quote: [quote.pk])
    return {"items": [{"id": quote.pk, "text": quote.text, "speaker": _person_ref(quote.person),
                       "story": quote.article.slug, "story_url": absolute(quote.article.get_absolute_url()),
                       "published_at": quote.article.published_at} for quote in rows],
            "next_cursor": following}


@router.get("/search", response={200: SearchPageOut, **ERRORS},
            summary="Search live stories (the site's search: relevance with a recency boost)")
def search_stories(request, q: str = Query(..., min_length=1, max_length=300, description="What to look for"),
                   cursor: str = Query(None, pattern=CURSOR),
                   limit: int = Query(cursors.DEFAULT_LIMIT, ge=1, le=cursors.MAX_LIMIT),
                   film: str = Query(None, pattern=SLUG), person: str = Query(None, pattern=SLUG)):
    from newsreel.public.search.backend import MAX_PAGE, search

    after = cursors.decode(cursor, (int,))
    page = after[0] if after is not None else 1
    if not 1 <= page <= MAX_PAGE:
        raise ApiError(422, [cursors.BadCursor("is past the last page search goes to").error])
    text = q.replace("\x00", " ")
    found = search(text, film_key=film, person_key=person, page=page, per_page=_limit(limit))
    if found.failed:
        raise ApiError(503, "search is unavailable right now; try again")
    return {"items": [{"id": hit.article_id, "slug": hit.slug, "url": absolute(hit.get_absolute_url()),
                       "headline": hit.headline, "dek": hit.dek, "published_at": hit.published_at,
                       "snippet": str(hit.snippet)} for hit in found.hits],
            "total": found.total, "more": found.more,
            "next_cursor": cursors.encode([page + 1]) if found.has_next else None}
