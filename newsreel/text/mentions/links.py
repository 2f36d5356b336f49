"""Which mentions become links: one per entity, and the editors' word over the finder's."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from newsreel.text.gazetteer import Gazetteer
from newsreel.text.types import Href, LinkTarget, Mention, TextError


def link_targets(
    mentions: Sequence[Mention], gazetteer: Gazetteer, overrides: Mapping[str, Any] | None = None, *, href: Href
) -> list[LinkTarget]:
    """One link per entity, at its first mention outside spoiler blocks (else its first).

    `href(kind, key)` makes each link's URL: the site hands it in (the core knows no URLs).

    `overrides` is the editors' word: {"remove": [keys], "add": [{"surface", "key", "kind"}]}.
    A removed key is never linked; an added link replaces the found one for that entity.
    An added entity no longer in the graph is skipped, so an old choice never breaks a save.
    """
    overrides = overrides or {}
    removed, added = _check_overrides(overrides)
    first: dict[tuple[str, str], Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        if not mention.link:
            continue  # "the Safdie brothers" (several people), "Carver's 1982 original" (no name)
        entity = (mention.kind, mention.key)
        current = first.get(entity)
        if current is None or (current.in_spoiler and not mention.in_spoiler):
            first[entity] = mention
    chosen: dict[tuple[str, str], tuple[str, int | None]] = {
        entity: (mention.surface, mention.start) for entity, mention in first.items()
    }
    order = sorted(chosen, key=lambda entity: first[entity].start)
    for kind, key, surface in added:
        if (kind, key) not in chosen:
            order.append((kind, key))
        chosen[(kind, key)] = (surface, None)  # an editor's link goes at the first occurrence
    targets = []
    for kind, key in order:
        if key in removed or f"{kind}:{key}" in removed:
            continue
        if kind == "film":
            film = gazetteer.films_by_key.get(key)
            if film is None:
                continue
            surface, start = chosen[(kind, key)]
            targets.append(LinkTarget(surface=surface, href=href("film", key), title=film.display, start=start))
        else:
            person = gazetteer.people_by_key.get(key)
            if person is None:
                continue
            surface, start = chosen[(kind, key)]
            targets.append(LinkTarget(surface=surface, href=href("person", key), title=person.name, start=start))
    return targets


def _check_overrides(overrides: Mapping[str, Any]) -> tuple[set[str], list[tuple[str, str, str]]]:
    if not isinstance(overrides, Mapping):
        raise TextError(f"link_overrides must be an object, not {type(overrides).__name__}")
    unknown = set(overrides) - {"remove", "add"}
    if unknown:
        raise TextError(f"link_overrides: unknown field(s) {', '.join(sorted(unknown))} (expected remove, add)")
    remove = overrides.get("remove") or []
    if not isinstance(remove, (list, tuple)) or not all(isinstance(key, str) for key in remove):
        raise TextError("link_overrides.remove must be a list of keys")
    added = []
    for index, item in enumerate(overrides.get("add") or []):
        path = f"link_overrides.add[{index}]"
        if not isinstance(item, Mapping):
            raise TextError(f"{path} must be an object with surface, key and kind")
        for name in ("surface", "key", "kind"):
            if not isinstance(item.get(name), str) or not item[name].strip():
                raise TextError(f"{path}.{name} is required and must be a string")
        if item["kind"] not in ("film", "person"):
            raise TextError(f"{path}.kind must be \"film\" or \"person\", not {item['kind']!r}")
        added.append((item["kind"], item["key"], item["surface"]))
    return set(remove), added

