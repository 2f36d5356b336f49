"""Films and people changed from the desk: saved, merged, and the stories that name them
linked again without a full rebuild.

A change to a film's title or aliases (a person's name or aliases) can make the text core
find it where it found nothing before, or stop finding it. The save queues a relink job
(newsreel.newsroom.graph_relinks) and returns; the worker then runs `relink_story` on each
live story that mentioned the film or person, or whose text contains one of its names (old
or new): mentions and quotes are derived again and a story whose links changed is
republished from its live revision, as a publish does. Nothing else is rebuilt.

`merge` folds a duplicate into the film or person that stays: its credits, mentions,
quotes, quote checks and reviews move over; its title (name), aliases and key become
aliases of the one that stays (so a spoiler block or a link naming the old key still
resolves); drafts and pending revisions that pinned its key are rewritten to the surviving
one (newsreel.newsroom.merged_keys); it is deleted, and its old address answers 301 with the new one
(`entity_merged`, which the public site turns into a stored redirect).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from newsreel.films.models import Credit, Film, Person
from newsreel.newsroom.models import Article, Mention, Quote, QuoteCheck, RelinkJob, WorkflowState
from newsreel.newsroom.permissions import GRAPH_EDIT, require
from newsreel.newsroom.signals import entity_merged
from newsreel.slugs import slug_of

# Names shorter than this are not searched for in story text (too many stories contain "It").
SHORTEST_NAME = 3


def names_of(entity: Film | Person) -> set[str]:
    main = entity.title if isinstance(entity, Film) else entity.name
    return {name for name in (main, *(entity.aliases or [])) if name and len(name) >= SHORTEST_NAME}


def stories_naming(entity: Film | Person, names: Iterable[str] = ()) -> list[Article]:
    """Live stories that mention `entity`, or whose text contains one of `names` or its own."""
    field = "film" if isinstance(entity, Film) else "person"
    found = Q(**{f"mentions__{field}": entity})
    for name in set(names) | names_of(entity):
        found |= Q(safe_text__icontains=name) | Q(body_html__icontains=name)
    return list(Article.objects.filter(found, state=WorkflowState.PUBLISHED, live_revision__isnull=False)
                .select_related("live_revision").distinct().order_by("pk"))


def relink_story(story: Article) -> bool:
    """Derive a live story's mentions and quotes again from its live revision and republish
    it when they differ from what it was published with; whether it was republished.

    The text core is cheap; only a story whose links or speakers changed pays for a publish
    (its page, the lists and feeds that show it)."""
    from newsreel.newsroom.publishing import links_changed, republish_when  # publishing builds on the graph

    return republish_when(story, links_changed)


def save_entity(entity: Film | Person, *, user=None, old_names: Iterable[str] = ()) -> RelinkJob | None:
    """Save a film or person edited in the desk and, when its names changed, queue the job
    that links again the stories naming it (before or now; newsreel.newsroom.graph_relinks);
    the pages showing it refresh on the save itself (newsreel.public.invalidation). The job,
    or None when no name changed."""
    from newsreel.newsroom import graph_relinks

    require(user, GRAPH_EDIT)
    new = entity.pk is None
    with transaction.atomic():
        entity.full_clean()
        entity.save()
        if not new and names_of(entity) == set(old_names):
            return None  # nothing the text core reads changed: no story links differently
        return graph_relinks.queue(entity, set(old_names) - names_of(entity), user=user)


def free_key(model: type[Film] | type[Person], name: str, year: int | None = None) -> str:
    """A key for a new film or person made from its name (and year): "salt-road-2026", then
    "salt-road-2026-2" when that one is taken."""
    base = slug_of(name)[:100].strip("-") or ("film" if model is Film else "person")
    if year:
        base = f"{base}-{year}"
    key, number = base, 1
    while model.objects.filter(key=key).exists():
        number += 1
        key = f"{base}-{number}"
    return key


def add_named(kind: str, name: str, *, year: int | None = None, user=None) -> Film | Person:
    """A film (title and year) or a person (name) added from the writing editor's panel, with
    a key made from its name; the stories naming it are linked again (`save_entity`). Raises
    ValidationError saying which field is wrong, and adds nothing."""
    require(user, GRAPH_EDIT)
    name = " ".join((name or "").split())
    field = "title" if kind == "film" else "name"
    if kind not in ("film", "person"):
        raise ValidationError({"kind": f"“{kind}” is neither a film nor a person."})
    if not name:
        raise ValidationError({field: f"Type the {'film' if kind == 'film' else 'person'}'s {field}."})
    if kind == "film":
        entity: Film | Person = Film(title=name, year=year, key=free_key(Film, name, year))
    else:
        entity = Person(name=name, key=free_key(Person, name))
    save_entity(entity, user=user)
    return entity


@dataclass(frozen=True)
class Merged:
    kept: Film | Person
    old_key: str
    credits: int
    mentions: int
    quotes: int
    job: RelinkJob
    drafts: list[int]  # the stories whose draft or pending revision was rewritten to the surviving key


def merge(keep: Film | Person, drop: Film | Person, *, user=None) -> Merged:
    """Fold `drop` into `keep` (both films or both people); everything naming `drop` follows."""
    from newsreel.newsroom import graph_relinks, merged_keys

    require(user, GRAPH_EDIT)
    if type(keep) is not type(drop):
        raise ValueError("Only two films or two people can be merged.")
    if keep.pk == drop.pk:
        raise ValueError("Choose another film or person to merge: it cannot be merged into itself.")
    is_film = isinstance(keep, Film)
    field = "film" if is_film else "person"
    old_key, old_url = drop.key, drop.get_absolute_url()
    with transaction.atomic():
        credits = _move_credits(keep, drop, field)
        mentions = Mention.objects.filter(**{field: drop}).update(**{field: keep})
        quotes = 0
        if not is_film:
            quotes = Quote.objects.filter(person=drop).update(person=keep)
            QuoteCheck.objects.filter(person=drop).update(person=keep)
        else:
            Article.objects.filter(review_film=drop).update(review_film=keep)
        main = drop.title if is_film else drop.name
        aliases = list(keep.aliases or [])
        own = keep.title if is_film else keep.name
        for name in (main, *(drop.aliases or []), drop.key):
            if name and name != own and name not in aliases:
                aliases.append(name)
        for id_field in ("imdb_id", "tmdb_id", "wikidata_id"):
            if not getattr(keep, id_field) and getattr(drop, id_field):
                setattr(keep, id_field, getattr(drop, id_field))
        if is_film and keep.poster_id is None:
            keep.poster_id = drop.poster_id
        if not is_film and keep.photo_id is None:
            keep.photo_id = drop.photo_id
        drop.delete()
        keep.aliases = aliases
        keep.save()
        # Drafts and pending revisions that pinned the old key name the one that stays.
        repinned = merged_keys.repin_drafts(field, old_key, keep.key)
        # The moved mentions, and the old names now aliases: linked again by the worker.
        job = graph_relinks.queue(keep, user=user)
        entity_merged.send(sender=type(keep), old_url=old_url, new_url=keep.get_absolute_url(), kind=field,
                           old_key=old_key, new_key=keep.key)
    return Merged(kept=keep, old_key=old_key, credits=credits, mentions=mentions, quotes=quotes, job=job,
                  drafts=repinned)


def _move_credits(keep: Film | Person, drop: Film | Person, field: str) -> int:
    """Give `drop`'s credits to `keep`, leaving out the ones `keep` already has."""
    other = "person" if field == "film" else "film"
    have = set(Credit.objects.filter(**{field: keep}).values_list(f"{other}_id", "role", "job", "character"))
    moved = 0
    for credit in Credit.objects.filter(**{field: drop}):
        identity = (getattr(credit, f"{other}_id"), credit.role, credit.job, credit.character)
        if identity in have:
            credit.delete()
            continue
        setattr(credit, field, keep)
        credit.save()
        have.add(identity)
        moved += 1
    return moved
