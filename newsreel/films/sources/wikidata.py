"""Wikidata JSON dumps (https://www.wikidata.org/wiki/Wikidata:Database_download): film and
human items.

The dump is one JSON array with an entity on each line (`[`, then `{...},` lines, then `]`),
plain or compressed; a file of one entity a line without the array (JSON Lines, as a filtered
extract often is) reads too. Read twice: the films first (the items whose "instance of", P31,
is a film class), then the humans (Q5) those films credit, so memory holds only what is kept.
Labels and aliases are taken in English, else in the first language the item has.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

from newsreel.films.models import Film, Person
from newsreel.films.sources.common import (Keys, Selection, SourceError, aliases_of, clip, json_of, numbered_lines,
                                           real_day)

# film, feature film, animated film, television film
FILM_CLASSES = ("Q11424", "Q24869", "Q202866", "Q506240")
HUMAN = "Q5"
# Properties naming people on a film: (role, job) in our graph.
CREDIT_PROPERTIES = {
    "P57": ("director", ""), "P58": ("writer", ""), "P162": ("producer", ""), "P161": ("actor", ""),
    "P86": ("crew", "Composer"), "P344": ("crew", "Cinematographer"), "P1040": ("crew", "Editor"),
}
PUBLICATION_DATE, IMDB_ID, TMDB_MOVIE_ID, TMDB_PERSON_ID, INSTANCE_OF = "P577", "P345", "P4947", "P4985", "P31"
CHARACTER_NAME = "P4633"  # qualifier on a cast member: the name of the character
ITEM_ID = re.compile(r"Q[0-9]{1,18}")  # the graph keeps 20 characters of an id


def entities(path: Path) -> Iterator[tuple[int, dict]]:
    opened = closed = False
    number = 0
    for number, line in numbered_lines(path):
        line = line.strip().rstrip(",")
        opened, closed = opened or line == "[", closed or line == "]"
        if line in ("", "[", "]"):
            continue
        # Wikidata's own program writes the dump, and checking for a key written twice doubled
        # the reading of its hundred million entities.
        entity = json_of(line, path, "a Wikidata entity", line=number, repeated_keys_refused=False)
        if not isinstance(entity, dict) or not isinstance(entity.get("id"), str):
            raise SourceError(f"{path}, line {number}: expected an entity object with an \"id\"")
        yield number, entity
    if opened and not closed:  # a plain dump cut at a line's end reads as a whole one otherwise
        raise SourceError(f"{path}, line {number}: the dump ends without the ] that closes it; is the file cut short "
                          "(download it again)?")


def _item_id(entity: dict, path: Path, number: int) -> str:
    """The entity's id when it is an item's (Q and digits), else an error naming the line: a film or
    human without one could never be found again."""
    if not ITEM_ID.fullmatch(entity["id"]):
        raise SourceError(f"{path}, line {number}: \"id\" {entity['id'][:60]!r} is not a Wikidata item id (Q and digits)")
    return entity["id"]


def _object(value: Any) -> dict:
    """`value` when it is a JSON object, else an empty one: a dump's fields are read by their
    documented shape, and a field of another shape (a list where an object goes) is as if absent
    rather than an AttributeError that stopped the import with a traceback."""
    return value if isinstance(value, dict) else {}


def _array(value: Any) -> list:
    return value if isinstance(value, list) else []


def _label(entity: dict, field: str = "labels") -> str:
    values = _object(entity.get(field))
    chosen = _object(values.get("en") or values.get("mul") or next(iter(values.values()), None))
    return chosen["value"] if isinstance(chosen.get("value"), str) else ""


def _aliases(entity: dict) -> list[str]:
    aliases = _object(entity.get("aliases"))
    chosen = _array(aliases.get("en") or aliases.get("mul"))
    return [alias["value"] for alias in chosen if isinstance(alias, dict) and isinstance(alias.get("value"), str)]


def _statements(entity: dict, prop: str) -> list[dict]:
    """The property's statements, deprecated ones left out."""
    found = _array(_object(entity.get("claims")).get(prop))
    return [claim for claim in found if isinstance(claim, dict) and claim.get("rank") != "deprecated"]


def _value(statement: dict) -> Any:
    snak = _object(statement.get("mainsnak"))
    if snak.get("snaktype") != "value":
        return None
    return _object(snak.get("datavalue")).get("value")


def _item_ids(entity: dict, prop: str) -> list[str]:
    ids = []
    for statement in _statements(entity, prop):
        value = _value(statement)
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            ids.append(value["id"])
    return ids


def _string(entity: dict, prop: str) -> str:
    for statement in _statements(entity, prop):
        if isinstance(_value(statement), str):
            return _value(statement)
    return ""


def _date(entity: dict) -> tuple[int | None, str]:
    """The earliest publication date: (year, "YYYY-MM-DD" when known to the day, else "")."""
    best: tuple[int, str] | None = None
    for statement in _statements(entity, PUBLICATION_DATE):
        value = _value(statement)
        if not isinstance(value, dict) or not isinstance(value.get("time"), str):
            continue
        time, precision = value["time"], value.get("precision", 9)
        precision = precision if isinstance(precision, int) else 9
        try:
            year = int(time[:time.index("-", 1)])
        except ValueError:
            continue
        day = real_day(time[1:11]) if precision >= 11 and time.startswith("+") else ""  # not 2019-02-30
        if best is None or (year, day or "9") < (best[0], best[1] or "9"):
            best = (year, day)
    return best if best else (None, "")


def _character(statement: dict) -> str:
    for qualifier in _array(_object(statement.get("qualifiers")).get(CHARACTER_NAME)):
        value = _object(_object(qualifier).get("datavalue")).get("value")
        if isinstance(value, str):
            return clip(value, 200)
    return ""


def read_wikidata(path: Path, selection: Selection) -> dict:
    path = Path(path)
    if selection.min_votes is not None:
        raise SourceError("--min-votes: Wikidata has no votes; choose films by --types and years")
    classes = set(selection.types or FILM_CLASSES)
    films: dict[str, dict] = {}
    for number, entity in entities(path):
        if not classes.intersection(_item_ids(entity, INSTANCE_OF)):
            continue
        qid = _item_id(entity, path, number)
        title = clip(_label(entity), 300)
        year, day = _date(entity)
        if not title or not selection.year_ok(year):
            continue
        credits = []
        cast = 0
        for prop, (role, job) in CREDIT_PROPERTIES.items():
            for statement in _statements(entity, prop):
                value = _value(statement)
                if not (isinstance(value, dict) and isinstance(value.get("id"), str)):
                    continue
                if role == "actor":
                    cast += 1
                    if cast > selection.max_cast:
                        continue
                credits.append((value["id"], role, job, _character(statement) if role == "actor" else ""))
        films[qid] = {"title": title, "year": year, "day": day, "aliases": _aliases(entity),
                               "imdb_id": _string(entity, IMDB_ID), "tmdb_id": _string(entity, TMDB_MOVIE_ID),
                               "credits": credits}
    wanted = {person for film in films.values() for person, *_ in film["credits"]}
    people: dict[str, dict] = {}
    if wanted:
        for number, entity in entities(path):
            if entity["id"] in wanted and HUMAN in _item_ids(entity, INSTANCE_OF):
                _item_id(entity, path, number)
                name = clip(_label(entity), 200)
                if name:
                    people[entity["id"]] = {"name": name, "aliases": _aliases(entity),
                                            "imdb_id": _string(entity, IMDB_ID),
                                            "tmdb_id": _string(entity, TMDB_PERSON_ID)}
    return _records(films, people)


def _ids(record: dict, item: dict) -> dict:
    return {name: clip(item[name], 20) for name in ("imdb_id", "tmdb_id") if item.get(name)} | record


def _records(films: dict[str, dict], people: dict[str, dict]) -> dict:
    film_keys, person_keys = Keys(Film, "wikidata_id"), Keys(Person, "wikidata_id")
    film_records, credit_records = [], []
    for qid, film in films.items():
        record = {"key": film_keys.key_for(qid, film["title"], film["year"]), "title": film["title"],
                  "aliases": aliases_of(film["title"], film["aliases"]), "wikidata_id": qid}
        if film["year"] is not None and 1870 <= film["year"] <= 2100:
            record["year"] = film["year"]
        if film["day"]:
            record["release_date"] = film["day"]
        film_records.append(_ids(record, film))
        for person, role, job, character in film["credits"]:
            if person in people:
                credit_records.append({"film": record["key"], "person": person_keys.key_for(person, people[person]["name"]),
                                       "role": role, **({"job": job} if job else {}),
                                       **({"character": character} if character else {})})
    person_records = [_ids({"key": person_keys.key_for(qid, person["name"]), "name": person["name"],
                            "aliases": aliases_of(person["name"], person["aliases"]), "wikidata_id": qid}, person)
                      for qid, person in people.items()]
    return {"films": film_records, "people": person_records, "credits": _unique(credit_records)}


def _unique(credits: list[dict]) -> list[dict]:
    """One credit per film, person, role and job (a person listed twice as producer counts once)."""
    seen, kept = set(), []
    for credit in credits:
        identity = (credit["film"], credit["person"], credit["role"], credit.get("job", ""))
        if identity not in seen:
            seen.add(identity)
            kept.append(credit)
    return kept
