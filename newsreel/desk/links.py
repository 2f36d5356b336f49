"""Editors' decisions on mention links: keep or drop a link the text core made, add one it
missed. The decisions are stored in the draft's `link_overrides` and applied by the text
core at every render, so they survive every re-render and re-publish."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article


@dataclass(frozen=True)
class LinkRow:
    entity: str  # "film:anora-2024" or "person:sean-baker"
    name: str
    surface: str
    linked: bool
    added: bool  # an editor's addition rather than something the text core found


def _entity_names(entities: set[tuple[str, str]]) -> dict[str, str]:
    films = dict(Film.objects.filter(key__in={k for kind, k in entities if kind == "film"}).values_list("key", "title"))
    people = dict(Person.objects.filter(key__in={k for kind, k in entities if kind == "person"}).values_list("key", "name"))
    return {f"{kind}:{key}": (films if kind == "film" else people).get(key, key) for kind, key in entities}


def link_rows(article: Article | None, overrides: Mapping[str, Any]) -> list[LinkRow]:
    """Every entity the latest revision mentions, plus the editors' additions."""
    found: dict[tuple[str, str], str] = {}
    if article is not None and article.latest_revision is not None:
        for kind, key, _start, _end, surface, _in_spoiler in article.latest_revision.derived.get("mentions", []):
            found.setdefault((kind, key), surface)
    removed = set(overrides.get("remove") or [])
    added = {(item["kind"], item["key"]): item["surface"] for item in overrides.get("add") or []}
    names = _entity_names(set(found) | set(added))
    rows = [
        LinkRow(f"{kind}:{key}", names[f"{kind}:{key}"], surface,
                linked=key not in removed and f"{kind}:{key}" not in removed, added=False)
        for (kind, key), surface in found.items() if (kind, key) not in added
    ]
    rows += [LinkRow(f"{kind}:{key}", names[f"{kind}:{key}"], surface, linked=True, added=True)
             for (kind, key), surface in added.items()]
    return sorted(rows, key=lambda row: (row.entity.split(":")[0], row.name.casefold()))


def overrides_from_post(post, body: str) -> tuple[dict[str, list], list[str]]:
    """The link decisions in a submitted editor form, and problems with a new link."""
    shown = post.getlist("link_entity")
    kept = set(post.getlist("link_on"))
    surfaces = dict(zip(shown, post.getlist("link_surface")))
    added_before = set(post.getlist("link_added"))
    overrides: dict[str, list] = {"remove": [], "add": []}
    for entity in shown:
        kind, _, key = entity.partition(":")
        if entity in added_before:
            if entity in kept:
                overrides["add"].append({"kind": kind, "key": key, "surface": surfaces.get(entity, "")})
        elif entity not in kept:
            overrides["remove"].append(entity)
    problems: list[str] = []
    surface = " ".join(post.get("add_surface", "").split())
    entity = post.get("add_entity", "").strip()
    if surface or entity:
        kind, _, key = entity.partition(":")
        model = {"film": Film, "person": Person}.get(kind)
        if not surface:
            problems.append("To add a link, type the words to link as they appear in the text.")
        elif surface not in body:
            problems.append(f"“{surface}” does not appear in the body, so there is nothing to link.")
        if model is None or not key or not model.objects.filter(key=key).exists():
            problems.append(f"“{entity}” is not a film or person in the knowledge graph; choose one from the list.")
        if not problems:
            overrides["add"] = [item for item in overrides["add"] if (item["kind"], item["key"]) != (kind, key)]
            overrides["add"].append({"kind": kind, "key": key, "surface": surface})
            overrides["remove"] = [item for item in overrides["remove"] if item != entity]
    return {name: items for name, items in overrides.items() if items}, problems


def entity_choices() -> list[tuple[str, str]]:
    """(value, label) for the add-a-link list: every film and person, films first."""
    films = [(f"film:{key}", f"{title} ({year})" if year else title)
             for key, title, year in Film.objects.values_list("key", "title", "year")]
    people = [(f"person:{key}", name) for key, name in Person.objects.values_list("key", "name")]
    return films + people
