"""Knowledge-graph JSON import: validate the whole file, then write it all or nothing.

Format (see docs/importing.md, "Films, people and credits"):
    {"films": [{"key", "title", "year"?, "aliases"?, "distributor"?, "release_date"?, "status"?,
                "releases"?, "synopsis"?, "imdb_id"?, "tmdb_id"?, "wikidata_id"?, "poster"?}],
     "people": [{"key", "name", "aliases"?, "bio"?, "imdb_id"?, "tmdb_id"?, "wikidata_id"?, "photo"?}],
     "credits": [{"film", "person", "role", "job"?, "character"?}]}
A poster or photo is {"image": path relative to the JSON file, "alt", "credit", "caption"?}.
A release is {"date", "country"? (ISO 3166-1 alpha-2; none for worldwide), "kind"?
(theatrical by default), "note"?}; a film with "releases" has exactly those afterwards, one
without keeps the ones it has.
Any other key is an error naming its JSON path (a misspelt field is never silently dropped).
Re-importing updates films and people by key and replaces the credits of every film in the file;
a film or person without "poster"/"photo" keeps the picture it has (e.g. one set in the desk).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import transaction

from newsreel.films.countries import country_code, country_problem
from newsreel.films.graph_writes import (FILM_FIELDS, PERSON_FIELDS, Changes, write_credits, write_entities,
                                         write_releases)
from newsreel.films.models import Film, Person, ReleaseKind, ReleaseStatus, Role
from newsreel.films.signals import graph_changed
from newsreel.text.characters import character_problem

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EXTERNAL_ID_FIELDS = ("imdb_id", "tmdb_id", "wikidata_id")
FILM_KEYS = frozenset({"key", "title", "year", "aliases", "distributor", "synopsis", "release_date", "status",
                       "releases", "poster", *EXTERNAL_ID_FIELDS})
RELEASE_KEYS = frozenset({"date", "country", "kind", "note"})
PERSON_KEYS = frozenset({"key", "name", "aliases", "bio", "photo", *EXTERNAL_ID_FIELDS})
CREDIT_KEYS = frozenset({"film", "person", "role", "job", "character"})
PICTURE_KEYS = frozenset({"image", "alt", "credit", "caption"})


class KnowledgeGraphError(ValueError):
    """The file is not a valid knowledge graph; `problems` lists every "path: message"."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {problem}" for problem in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the knowledge graph:\n{shown}{more}")


@dataclass
class ImportResult:
    films_created: int = 0
    films_updated: int = 0
    films_unchanged: int = 0
    people_created: int = 0
    people_updated: int = 0
    people_unchanged: int = 0
    credits: int = 0
    warnings: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return (
            f"films: {self.films_created} new, {self.films_updated} updated, {self.films_unchanged} unchanged; "
            f"people: {self.people_created} new, {self.people_updated} updated, "
            f"{self.people_unchanged} unchanged; credits: {self.credits}"
        )


class _Checker:
    """Collects problems with their JSON paths instead of stopping at the first."""

    def __init__(self, base_dir: Path | None = None) -> None:
        self.problems: list[str] = []
        self.base_dir = base_dir  # the JSON file's folder: pictures are named relative to it

    def known_keys(self, item: dict, allowed: frozenset[str], path: str) -> None:
        for name in sorted(set(item) - allowed, key=str):
            self.fail(f"{path}.{name}", f"is not a known field (expected one of: {', '.join(sorted(allowed))})")

    def picture(self, item: dict, name: str, path: str) -> dict | None:
        """A poster or photo: {"image": relative path, "alt", "credit", "caption"?}, its file checked."""
        value = item.get(name)
        if value is None:
            return None
        where = f"{path}.{name}"
        if not isinstance(value, dict):
            self.fail(where, f'must be an object like {{"image": "posters/x.jpg", "alt": ..., "credit": ...}}, '
                             f"not {_type_name(value)}")
            return None
        self.known_keys(value, PICTURE_KEYS, where)
        relative = self.string(value, "image", where, required=True, max_length=1000)
        texts = {field: self.string(value, field, where, required=field != "caption", max_length=limit)
                 for field, limit in (("alt", 300), ("credit", 200), ("caption", 2000))}
        if not relative:
            return None
        if Path(relative).is_absolute():
            self.fail(f"{where}.image", f"{relative!r} must be a path relative to the JSON file, not an absolute one")
            return None
        if self.base_dir is None:
            self.fail(f"{where}.image", "pictures are read relative to the JSON file: import the file with "
                                        "`newsreel import-kb FILE`")
            return None
        file = self.base_dir / relative
        if not file.is_file():
            self.fail(f"{where}.image", f"{relative!r}: no such file next to the JSON file ({file})")
            return None
        from django.core.exceptions import ValidationError

        from newsreel.images.services import check_image

        try:
            check_image(file.read_bytes(), alt=texts["alt"] or "-", credit=texts["credit"] or "-",
                        caption=texts["caption"])
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                self.fail(f"{where}.{'image' if field_name == 'file' else field_name}", " ".join(messages))
            return None
        except OSError as error:
            self.fail(f"{where}.image", f"{relative!r}: cannot read: {error.strerror}")
            return None
        return {"path": file, **texts}

    def external_ids(self, item: dict, path: str) -> dict[str, str]:
        """A film's or person's IMDb, TMDB and Wikidata ids, as written (short strings)."""
        return {name: self.string(item, name, path, max_length=20) for name in EXTERNAL_ID_FIELDS}

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def string(self, item: dict, name: str, path: str, *, required: bool = False, max_length: int = 300) -> str:
        value = item.get(name)
        if value is not None and not isinstance(value, str):
            self.fail(f"{path}.{name}", f"must be a string, not {_type_name(value)}")
            return ""
        value = (value or "").strip()
        if not value:  # a title of spaces is no title
            if required:
                self.fail(f"{path}.{name}", "is required" if item.get(name) in (None, "") else "is only spaces")
            return ""
        if character_problem(value):
            self.fail(f"{path}.{name}", character_problem(value))
            return ""
        if len(value) > max_length:
            self.fail(f"{path}.{name}", f"is longer than {max_length} characters")
        return value

    def key(self, item: dict, name: str, path: str) -> str:
        value = self.string(item, name, path, required=True, max_length=120)
        if value and not KEY_PATTERN.match(value):
            self.fail(f"{path}.{name}", f"{value!r} must be lowercase letters, digits and single hyphens, e.g. anora-2024")
        return value

    def aliases(self, item: dict, path: str) -> list[str]:
        value = item.get("aliases", [])
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(f"{path}.aliases", f"must be a list of strings, not {_type_name(value)}")
            return []
        result = []
        for index, alias in enumerate(value):
            if not isinstance(alias, str) or not alias.strip():
                self.fail(f"{path}.aliases[{index}]", "must be a non-empty string")
            elif character_problem(alias) or len(alias) > 300:
                self.fail(f"{path}.aliases[{index}]", character_problem(alias) or "is longer than 300 characters")
            else:
                result.append(alias.strip())
        return result


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null",
            int: "a number", float: "a number"}.get(type(value), type(value).__name__)


def validate_knowledge_graph(data: Any, *, base_dir: Path | None = None) -> dict[str, list[dict]]:
    """Check the whole document; return normalized records or raise KnowledgeGraphError.
    `base_dir` is the JSON file's folder, where posters and photos are found."""
    check = _Checker(base_dir)
    if not isinstance(data, dict):
        raise KnowledgeGraphError([f"$: the file must hold a JSON object, not {_type_name(data)}"])
    unknown = set(data) - {"films", "people", "credits"}
    for name in sorted(unknown):
        check.fail(name, "is not a known section (expected films, people, credits)")
    sections: dict[str, list] = {}
    for name in ("films", "people", "credits"):
        value = data.get(name, [])
        if not isinstance(value, list):
            check.fail(name, f"must be a list, not {_type_name(value)}")
            value = []
        sections[name] = value

    films = [_film(check, item, f"films[{i}]") for i, item in enumerate(sections["films"])]
    people = [_person(check, item, f"people[{i}]") for i, item in enumerate(sections["people"])]
    _no_duplicate_keys(check, films, "films")
    _no_duplicate_keys(check, people, "people")
    film_keys = {film["key"] for film in films if film} | set()
    person_keys = {person["key"] for person in people if person}
    credits = [_credit(check, item, f"credits[{i}]") for i, item in enumerate(sections["credits"])]
    for index, credit in enumerate(credits):
        if credit and credit["film"] and credit["film"] not in film_keys and not Film.objects.filter(key=credit["film"]).exists():
            check.fail(f"credits[{index}].film", f"{credit['film']!r} is neither in films nor already in the database")
        if credit and credit["person"] and credit["person"] not in person_keys and not Person.objects.filter(key=credit["person"]).exists():
            check.fail(f"credits[{index}].person", f"{credit['person']!r} is neither in people nor already in the database")
    if check.problems:
        raise KnowledgeGraphError(check.problems)
    return {"films": films, "people": people, "credits": credits}


def _require_object(check: _Checker, item: Any, path: str) -> bool:
    if not isinstance(item, dict):
        check.fail(path, f"must be an object, not {_type_name(item)}")
        return False
    return True


def _film(check: _Checker, item: Any, path: str) -> dict:
    if not _require_object(check, item, path):
        return {}
    check.known_keys(item, FILM_KEYS, path)
    record: dict[str, Any] = {
        "key": check.key(item, "key", path),
        "title": check.string(item, "title", path, required=True),
        "picture": check.picture(item, "poster", path),
        "aliases": check.aliases(item, path),
        "distributor": check.string(item, "distributor", path, max_length=200),
        "synopsis": check.string(item, "synopsis", path, max_length=5000),
    }
    year = item.get("year")
    if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1870 <= year <= 2100):
        check.fail(f"{path}.year", f"must be a whole number between 1870 and 2100, not {year!r}")
        year = None
    record["year"] = year
    release = item.get("release_date")
    record["release_date"] = None
    if release not in (None, ""):
        try:
            record["release_date"] = dt.date.fromisoformat(release) if isinstance(release, str) else None
            if record["release_date"] is None:
                raise ValueError
        except ValueError:
            check.fail(f"{path}.release_date", f"must be a date like 2024-10-18, not {release!r}")
    status = item.get("status") or ""
    if status and status not in ReleaseStatus.values:
        check.fail(f"{path}.status", f"{status!r} is not one of: {', '.join(ReleaseStatus.values)}")
    record["status"] = status if status in ReleaseStatus.values else ""
    record.update(check.external_ids(item, path))
    if "releases" in item:
        record["releases"] = _releases(check, item["releases"], f"{path}.releases")
    return record


def _releases(check: _Checker, value: Any, path: str) -> list[dict]:
    """A film's releases: [{"date", "country"?, "kind"?, "note"?}], each problem named by its path."""
    if not isinstance(value, list):
        check.fail(path, f'must be a list like [{{"country": "US", "date": "2024-10-18", "kind": "theatrical"}}], '
                         f"not {_type_name(value)}")
        return []
    releases, seen = [], {}
    for index, item in enumerate(value):
        where = f"{path}[{index}]"
        if not _require_object(check, item, where):
            continue
        check.known_keys(item, RELEASE_KEYS, where)
        day = item.get("date")
        try:
            date = dt.date.fromisoformat(day) if isinstance(day, str) else None
        except ValueError:
            date = None
        if date is None:
            check.fail(f"{where}.date", f"must be a date like 2024-10-18, not {day!r}" if day is not None
                       else "is required (a date like 2024-10-18)")
        country = item.get("country") or ""
        if not isinstance(country, str):
            check.fail(f"{where}.country", f"must be a two-letter country code like US, not {_type_name(country)}")
            country = ""
        elif problem := country_problem(country):
            check.fail(f"{where}.country", problem)
        kind = item.get("kind") or ReleaseKind.THEATRICAL
        if kind not in ReleaseKind.values:
            check.fail(f"{where}.kind", f"{kind!r} is not one of: {', '.join(ReleaseKind.values)}")
        note = check.string(item, "note", where, max_length=200)
        release = {"date": date, "country": country_code(country) or "", "kind": kind, "note": note}
        identity = (release["country"], kind, date)
        if date is not None and identity in seen:
            check.fail(where, f"repeats {path}[{seen[identity]}] (same country, kind and date)")
        seen.setdefault(identity, index)
        releases.append(release)
    return releases


def _person(check: _Checker, item: Any, path: str) -> dict:
    if not _require_object(check, item, path):
        return {}
    check.known_keys(item, PERSON_KEYS, path)
    record = {
        "key": check.key(item, "key", path),
        "name": check.string(item, "name", path, required=True, max_length=200),
        "picture": check.picture(item, "photo", path),
        "aliases": check.aliases(item, path),
        "bio": check.string(item, "bio", path, max_length=5000),
    }
    record.update(check.external_ids(item, path))
    return record


def _credit(check: _Checker, item: Any, path: str) -> dict:
    if not _require_object(check, item, path):
        return {}
    check.known_keys(item, CREDIT_KEYS, path)
    record = {
        "film": check.key(item, "film", path),
        "person": check.key(item, "person", path),
        "role": check.string(item, "role", path, required=True, max_length=20),
        "job": check.string(item, "job", path, max_length=100),
        "character": check.string(item, "character", path, max_length=200),
    }
    if record["role"] and record["role"] not in Role.values:
        check.fail(f"{path}.role", f"{record['role']!r} is not one of: {', '.join(Role.values)}")
    if record["role"] == Role.CREW and not record["job"]:
        check.fail(f"{path}.job", "is required for a crew credit (e.g. Cinematographer)")
    return record


def _no_duplicate_keys(check: _Checker, records: list[dict], section: str) -> None:
    seen: dict[str, int] = {}
    for index, record in enumerate(records):
        key = record.get("key")
        if not key:
            continue
        if key in seen:
            check.fail(f"{section}[{index}].key", f"{key!r} repeats {section}[{seen[key]}].key")
        seen.setdefault(key, index)


@transaction.atomic
def import_knowledge_graph(data: Any, *, base_dir: Path | None = None) -> ImportResult:
    """Validate `data` and write it; on any problem nothing is written.

    Written in bulk, a chunk at a time (`newsreel.films.graph_writes`); the changes are
    announced once with `graph_changed`, inside this transaction. Posters and photos are
    read from `base_dir` (the JSON file's folder) into the image library, an identical
    earlier copy reused.
    """
    records = validate_knowledge_graph(data, base_dir=base_dir)
    changes = Changes()
    # Films and people with a picture that exist already: a new picture counts as an update of them.
    pictured_before = {
        model: set(model.objects.filter(key__in=[r["key"] for r in records[section] if r.get("picture")])
                   .values_list("key", flat=True))
        for model, section in ((Film, "films"), (Person, "people"))
    }
    write_entities(Film, records["films"], FILM_FIELDS, changes)
    write_entities(Person, records["people"], PERSON_FIELDS, changes)
    _write_pictures(Film, "poster", records["films"], pictured_before[Film], changes.films_updated,
                    changes.film_ids_updated)
    _write_pictures(Person, "photo", records["people"], pictured_before[Person], changes.people_updated,
                    changes.person_ids_updated)
    write_credits(records["credits"], changes)
    write_releases(records["films"], changes)
    graph_changed.send(sender=Film, films=changes.films_updated, people=changes.people_updated,
                       film_ids=changes.film_ids_updated, person_ids=changes.person_ids_updated,
                       credited_films=changes.credited_films, credited_people=changes.credited_people)
    from newsreel.films.graph import forget_graph

    transaction.on_commit(forget_graph)
    return ImportResult(
        films_created=changes.films_created,
        films_updated=len(changes.films_updated),
        films_unchanged=len(records["films"]) - changes.films_created - len(changes.films_updated),
        people_created=changes.people_created,
        people_updated=len(changes.people_updated),
        people_unchanged=len(records["people"]) - changes.people_created - len(changes.people_updated),
        credits=changes.credits,
    )


def _write_pictures(model: type[Film] | type[Person], field_name: str, records: list[dict], existing: set[str],
                    updated_keys: set[str], updated_ids: set[int]) -> None:
    """Give each film (person) the poster (photo) its record names; a changed one refreshes its pages."""
    from django.utils import timezone

    from newsreel.images.services import find_or_create_image_from_path

    for record in records:
        picture = record.get("picture")
        if not picture:
            continue
        image, _ = find_or_create_image_from_path(picture["path"], alt=picture["alt"], credit=picture["credit"],
                                                  caption=picture["caption"])
        row = model.objects.filter(key=record["key"]).values("id", f"{field_name}_id").first()
        if row[f"{field_name}_id"] != image.pk:
            model.objects.filter(pk=row["id"]).update(**{f"{field_name}_id": image.pk}, updated_at=timezone.now())
            if record["key"] in existing:  # a new one is announced as new already
                updated_keys.add(record["key"])
                updated_ids.add(row["id"])
