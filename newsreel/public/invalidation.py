"""Keep stored pages true when what they show changes outside publishing.

A film's distributor, a person's name, an author's name, a section list or the site's
tagline appear on stored pages. When such a row changes, the pages showing it are
re-rendered (article pages, the home page) or dropped to be rendered on their next request
(film, person, section and author pages).

The work is tied to the transaction that made the change (`after_commit`): it runs after
that transaction commits, never after a rollback. It works in bounded chunks (a query
names at most CHUNK keys; each transaction re-renders at most RENDER_CHUNK articles), so a
knowledge-graph import of a million names refreshes its pages as surely as one edit, and
each chunk is retried while other writers hold the database (`run_write`).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Iterable, Iterator

from django.db.models import Q

from newsreel import links
from newsreel.newsroom.models import Article, Mention
from newsreel.public.after_commit import after_commit
from newsreel.public.batches import batches
from newsreel.public.models import StoredPage
from newsreel.public.store import drop
from newsreel.public.pages.queries import live_articles
from newsreel.write_retry import run_write

# Keys named in one query: well under SQLite's limits on variables and expression depth.
CHUNK = 500
# Articles re-rendered in one write transaction (each holds the write lock for a moment only).
RENDER_CHUNK = 50
# Past this many film or person keys, their stored pages are found by reading the (few)
# stored pages of that kind instead of asking for every key.
FEW_KEYS = 200
KINDS = ("film", "person", "film_page", "person_page", "author", "tag", "image", "renditions", "article_page",
         "everything")


def schedule(kind: str, key: Any) -> None:
    """Note a change; the affected pages are refreshed when the transaction commits."""
    schedule_many(kind, [key])


def schedule_many(kind: str, keys: Iterable[Any]) -> None:
    """Note many changed rows of one kind at once (one refresh after the commit for all of them)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of change {kind!r}; expected one of {', '.join(KINDS)}")
    after_commit(flush, ((kind, key) for key in keys))


def flush(items: Iterable[tuple[str, Any]]) -> None:
    """Refresh every page affected by these committed changes."""
    keys: dict[str, set] = defaultdict(set)
    for kind, key in items:
        keys[kind].add(key)
    if keys.get("everything"):
        from newsreel.public import refresh

        run_write(refresh.refresh_everything)
        return
    film_keys = keys["film"] | keys["film_page"]
    person_keys = keys["person"] | keys["person_page"]
    article_ids: set[int] = set()
    article_ids |= _mentioning("film", keys["film"])
    article_ids |= _mentioning("person", keys["person"])
    for chunk in _chunks(keys["image"]):
        article_ids.update(Article.objects.filter(hero_image_id__in=chunk).values_list("pk", flat=True))
        more_films, more_people, more_authors = _showing_images(chunk)
        film_keys |= more_films
        person_keys |= more_people
        keys["author"] |= more_authors  # their page and their stories' JSON-LD show the portrait
    # Renditions made after an import (images.catch_up): the same pages, dropped rather than
    # rendered (thousands of an import's stories, most not asked for yet), with the stories
    # whose figures' HTML was derived again ("article_page").
    dropped_ids: set[int] = set(keys["article_page"])
    for chunk in _chunks(keys["renditions"]):
        dropped_ids.update(Article.objects.filter(hero_image_id__in=chunk).values_list("pk", flat=True))
        more_films, more_people, more_authors = _showing_images(chunk)
        film_keys |= more_films
        person_keys |= more_people
        keys["author"] |= more_authors
    for chunk in _chunks(keys["author"]):
        article_ids.update(Article.objects.filter(authors__slug__in=chunk).values_list("pk", flat=True))
    for chunk in _chunks(keys["tag"]):
        article_ids.update(Article.objects.filter(tags__pk__in=chunk).values_list("pk", flat=True))
    _drop_reference_pages("film", film_keys)
    _drop_reference_pages("person", person_keys)
    for chunk in _chunks(keys["author"]):
        paths = [links.path("author", slug=slug) for slug in chunk]
        run_write(lambda paths=paths: drop(StoredPage.objects.filter(path__in=paths)))
    _render_articles(article_ids)
    _drop_articles(dropped_ids - article_ids)


def _drop_articles(article_ids: set[int]) -> None:
    """Drop these articles' stored pages and the pages listing them, to be rendered on their next request."""
    if not article_ids:
        return
    for chunk in _chunks(article_ids):
        paths = [links.path("article", slug=slug)
                 for slug in Article.objects.filter(pk__in=chunk).values_list("slug", flat=True)]
        run_write(lambda paths=paths: drop(StoredPage.objects.filter(path__in=paths)))
    # Home and the lists show their heroes; feeds their body HTML; sitemaps their images' URLs.
    run_write(lambda: drop(StoredPage.objects.filter(kind__in=["home", "section", "author", "tag", "archive", "feed",
                                                                "sitemap"])))


def _chunks(values: Iterable[Any], size: int = CHUNK) -> Iterator[list]:
    return batches(sorted(values, key=str), size)


def _mentioning(kind: str, keys: set[str]) -> set[int]:
    """Ids of the articles that mention any of these films or people."""
    found: set[int] = set()
    for chunk in _chunks(keys):
        found.update(Mention.objects.filter(**{f"{kind}__key__in": chunk}).values_list("article_id", flat=True))
    return found


def _showing_images(image_ids: list[int]) -> tuple[set[str], set[str], set[str]]:
    """The films, people and authors (by key and slug) whose pages show these images."""
    from newsreel.films.models import Film, Person
    from newsreel.newsroom.models import Author

    return (set(Film.objects.filter(poster_id__in=image_ids).values_list("key", flat=True)),
            set(Person.objects.filter(photo_id__in=image_ids).values_list("key", flat=True)),
            set(Author.objects.filter(photo_id__in=image_ids).values_list("slug", flat=True)))


def _drop_reference_pages(kind: str, keys: set[str]) -> None:
    """Drop the stored pages of these films or people (their page and its coverage pages)."""
    if not keys:
        return
    page_of = {key: links.path(kind, key=key) for key in keys}
    if len(keys) > FEW_KEYS:
        # A large import: read the paths of the stored pages of this kind (readers asked for
        # some of them) rather than naming every key it changed.
        base = links.path(kind, key="-").rsplit("-/", 1)[0]
        wanted = set(page_of.values())
        stored = StoredPage.objects.filter(kind=kind, path__startswith=base).values_list("path", flat=True)
        paths = [path for path in stored.iterator(chunk_size=2000)
                 if path[:path.find("/", len(base)) + 1] in wanted]
    else:
        paths = list(page_of.values())
        coverage = StoredPage.objects.filter(kind=kind)
        for chunk in _chunks(keys, 50):
            under = Q()
            for key in chunk:
                under |= Q(path__startswith=page_of[key] + "coverage/")
            paths += coverage.filter(under).values_list("path", flat=True)
    for chunk in _chunks(paths):
        run_write(lambda chunk=chunk: drop(StoredPage.objects.filter(path__in=chunk)))


def _render_articles(article_ids: set[int]) -> None:
    """Render the live ones of these articles again, then the home page and the lists that show them."""
    if not article_ids:
        return
    from newsreel.public import refresh

    rendered = 0
    for chunk in _chunks(article_ids, RENDER_CHUNK):
        def render(chunk: list[int] = chunk) -> int:
            count = 0
            for article in live_articles().filter(pk__in=chunk).select_related("live_revision"):
                refresh.refresh_article(article)
                count += 1
            return count
        rendered += run_write(render)
    if rendered:
        def fronts() -> None:
            refresh.refresh_home()
            # Listings show headlines, sections and dates only, but a hero credit or
            # an author's name may appear on them: drop them to be rendered afresh.
            # Feeds carry author and tag names and hero images; sitemaps image URLs.
            drop(StoredPage.objects.filter(kind__in=["section", "author", "tag", "archive", "feed", "sitemap"]))
        run_write(fronts)


# Receivers for the models whose rows appear on stored pages.

def film_changed(sender, instance, created: bool = False, **kwargs) -> None:
    schedule("film", instance.key)


def person_changed(sender, instance, created: bool = False, **kwargs) -> None:
    schedule("person", instance.key)


def credit_changed(sender, instance, **kwargs) -> None:
    # Credits show on the film and person pages only, which refill on their next request.
    film_key = _key_or_none(instance, "film")
    person_key = _key_or_none(instance, "person")
    if film_key:
        schedule("film_page", film_key)
    if person_key:
        schedule("person_page", person_key)


def author_changed(sender, instance, created: bool = False, **kwargs) -> None:
    if not created:  # a new author has no bylines yet; publishing renders their pages
        schedule("author", instance.slug)


def tag_changed(sender, instance, created: bool = False, **kwargs) -> None:
    if not created:
        schedule("tag", instance.pk)


def image_changed(sender, instance, created: bool = False, **kwargs) -> None:
    if not created:
        schedule("image", instance.pk)


def section_changed(sender, instance, created: bool = False, **kwargs) -> None:
    schedule("everything", None)  # the section list is in every page's navigation


def site_settings_changed(sender, instance, created: bool = False, **kwargs) -> None:
    if not created:  # created with defaults during the very first render
        schedule("everything", None)


def _key_or_none(credit, relation: str) -> str | None:
    try:
        return getattr(credit, relation).key
    except Exception:  # the film or person is being deleted in the same cascade
        return None
