"""Where an image of the library is used, and deleting one only when no live story needs it.

An image is used as a story's hero (Article.hero_image), inside a story's text as a figure
(`image:ID` in the body of a revision), as a film's poster, a person's photo, an author's
portrait and the site's logo. Deleting it is refused while a live story shows it (as hero
or figure of its live revision): the story would lose its picture without anyone deciding
so. Drafts, older revisions and reference pages do not hold it back; their picture is
simply gone, which the desk says before deleting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

from django.db.models import Q

from newsreel.films.models import Film, Person
from newsreel.images.models import Image
from newsreel.images.services import discard_image
from newsreel.newsroom.models import Article, Author, WorkflowState
from newsreel.newsroom.permissions import IMAGE_DELETE, require


class ImageInUse(ValueError):
    """A live story shows the image; the message names the stories."""


@dataclass
class Usage:
    heroes: list[Article] = field(default_factory=list)
    figures: list[Article] = field(default_factory=list)  # the latest or the live revision names it
    films: list[Film] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    authors: list[Author] = field(default_factory=list)

    @property
    def stories(self) -> list[Article]:
        seen: dict[int, Article] = {}
        for story in self.heroes + self.figures:
            seen.setdefault(story.pk, story)
        return list(seen.values())

    @property
    def live_stories(self) -> list[Article]:
        return [story for story in self.stories if story.is_live and self._live_uses(story)]

    def __bool__(self) -> bool:
        return bool(self.stories or self.films or self.people or self.authors)

    _live: dict[int, bool] = field(default_factory=dict)

    def _live_uses(self, story: Article) -> bool:
        return self._live.get(story.pk, False)


def _names(body: str, image: Image | int) -> bool:
    pk = image if isinstance(image, int) else image.pk
    return re.search(rf"\(\s*image:{pk}(?!\d)", body or "") is not None


def live_figure_stories(image_ids: Iterable[int]) -> dict[int, Article]:
    """The live stories whose live revision shows any of these images as a figure, by id.

    Only a live story keeps HTML derived from its figures (a draft's is made when it is
    published or previewed), so the live revision is the one that counts here."""
    ids = sorted(set(image_ids))
    found: dict[int, Article] = {}
    for start in range(0, len(ids), 50):  # one OR of LIKEs per query, well within SQLite's limits
        chunk = ids[start:start + 50]
        naming = Q()
        for pk in chunk:
            naming |= Q(live_revision__content__body__icontains=f"image:{pk}")
        for story in Article.objects.live().filter(naming).select_related("live_revision").order_by("pk"):
            body = (story.live_revision.content or {}).get("body", "")
            if any(_names(body, pk) for pk in chunk):
                found[story.pk] = story
    return found


def where_used(image: Image) -> Usage:
    usage = Usage()
    stories = Article.objects.exclude(state=WorkflowState.DELETED).select_related("latest_revision", "live_revision")
    usage.heroes = list(stories.filter(hero_image=image))
    reference = f"image:{image.pk}"
    candidates = stories.filter(Q(latest_revision__content__body__icontains=reference)
                                | Q(live_revision__content__body__icontains=reference))
    for story in candidates:
        bodies = [(revision.content or {}).get("body", "") for revision in (story.latest_revision, story.live_revision)
                  if revision is not None]
        if any(_names(body, image) for body in bodies):
            usage.figures.append(story)
    for story in usage.stories:
        live = story.live_revision
        in_live = live is not None and (_names((live.content or {}).get("body", ""), image)
                                        or (live.content or {}).get("hero_image") == image.pk)
        usage._live[story.pk] = in_live or (story.hero_image_id == image.pk)
    usage.films = list(Film.objects.filter(poster=image))
    usage.people = list(Person.objects.filter(photo=image))
    usage.authors = list(Author.objects.filter(photo=image))
    return usage


def delete_image(image: Image, *, user=None) -> None:
    """Delete an image and its files, unless a live story shows it."""
    require(user, IMAGE_DELETE)
    live = where_used(image).live_stories
    if live:
        names = ", ".join(f"“{story.headline}”" for story in live[:5]) + (" and others" if len(live) > 5 else "")
        raise ImageInUse(f"A live story uses this picture ({names}): take it out of the story, or unpublish the "
                         "story, before deleting it.")
    discard_image(image)
