"""TMDB movie records (https://developer.themoviedb.org/reference/movie-details) fetched with
`append_to_response=credits`.

Accepted as JSON Lines (one record a line, plain or compressed), one JSON array of records,
or a folder of .json files of one record each. Cast members come in billing order
(`order`), up to --max-cast; from the crew, the directors, writers, producers, composers,
cinematographers and editors. The overview is not taken: a film's synopsis on our pages is
the newsroom's own, written spoiler-free.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from newsreel.films.models import Film, Person
from newsreel.films.sources.common import (Keys, Selection, SourceError, aliases_of, clip, json_of, numbered_lines,
                                           real_day)
from newsreel.numbers import LARGEST_BIG_INTEGER

STATUSES = {"Released": "released", "Post Production": "post-production", "In Production": "in production",
            "Planned": "announced", "Rumored": "announced"}
CREW_JOBS = {
    "Director": ("director", ""), "Screenplay": ("writer", ""), "Writer": ("writer", ""), "Story": ("writer", ""),
    "Producer": ("producer", ""), "Original Music Composer": ("crew", "Composer"),
    "Director of Photography": ("crew", "Cinematographer"), "Editor": ("crew", "Editor"),
}


def records(path: Path) -> Iterator[tuple[str, Any]]:
    """(where, record) for each movie record: "file, line N" or "file" or "file, [N]"."""
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise SourceError(f"{path}: no .json files (one TMDB movie record each)")
        for file in files:
            try:
                raw = file.read_bytes()
            except OSError as error:
                raise SourceError(f"{file}: cannot read: {error.strerror or error}") from None
            yield str(file), json_of(raw, file, "a TMDB movie record")
        return
    lines = numbered_lines(path)
    for number, line in lines:
        if not line.strip():
            continue
        if line.lstrip().startswith("["):  # one JSON array: read whole (a file of records, not a dump)
            text = "\n".join([line] + [rest for _, rest in lines])
            items = json_of(text, path, "a file of TMDB movie records", line=number)
            if not isinstance(items, list):
                raise SourceError(f"{path}: not a JSON array of records: it opens with [ but is not one array")
            for index, item in enumerate(items):
                yield f"{path}, [{index}]", item
            return
        if line.strip() == "{":  # one record written over many lines (`curl ... | jq .`); no JSON Line is "{"
            text = "\n".join([line] + [rest for _, rest in lines])
            yield str(path), json_of(text, path, "a TMDB movie record", line=number)
            return
        yield f"{path}, line {number}", json_of(line, path, "a TMDB movie record", line=number)


def _whole(value: Any) -> bool:
    """A JSON whole number (true and false are not ids, though Python counts them as ints)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _tmdb_id(value: Any) -> bool:
    """An id TMDB gives: a whole number from 1, and one a database's key holds (the graph keeps 20 characters)."""
    return _whole(value) and 1 <= value <= LARGEST_BIG_INTEGER


def _year_and_day(value: Any) -> tuple[int | None, str]:
    """The year and, when it is a day of the calendar, the day of a release_date ("" for none, as TMDB gives it)."""
    if isinstance(value, str) and len(value) == 10 and value[:4].isascii() and value[:4].isdigit() and value[4] == "-":
        return int(value[:4]), real_day(value)
    return None, ""


def read_tmdb(path: Path, selection: Selection) -> dict:
    path = Path(path)
    film_keys, person_keys = Keys(Film, "tmdb_id"), Keys(Person, "tmdb_id")
    films: dict[str, dict] = {}  # tmdb id -> the film; the same movie again (paged fetches repeat one): the later stands
    people: dict[str, dict] = {}
    credits: dict[str, list[dict]] = {}  # tmdb id -> the film's credits
    for where, record in records(path):
        if not isinstance(record, dict) or not _tmdb_id(record.get("id")) or not isinstance(record.get("title"), str) \
                or not clip(record["title"], 300):
            raise SourceError(f"{where}: expected a TMDB movie record with a numeric \"id\" and a \"title\" text")
        if record.get("adult") is True:  # as IMDb's adult titles, never kept
            continue
        votes = record.get("vote_count") or 0
        if not isinstance(votes, (int, float)) or isinstance(votes, bool):
            raise SourceError(f"{where}: \"vote_count\" must be a number, not {votes!r:.60}")
        year, day = _year_and_day(record.get("release_date"))
        if not selection.year_ok(year) or (selection.min_votes is not None and votes < selection.min_votes):
            continue
        tmdb_id = str(record["id"])
        title = clip(str(record["title"]), 300)
        film = {"key": film_keys.key_for(tmdb_id, title, year), "title": title, "tmdb_id": tmdb_id,
                "aliases": aliases_of(title, [original] if isinstance(original := record.get("original_title"), str) else [])}
        if year is not None and 1870 <= year <= 2100:
            film["year"] = year
        if day:
            film["release_date"] = day
        if isinstance(record.get("status"), str) and STATUSES.get(record["status"]):
            film["status"] = STATUSES[record["status"]]
        if isinstance(record.get("imdb_id"), str) and clip(record["imdb_id"], 20):
            film["imdb_id"] = clip(record["imdb_id"], 20)
        films[tmdb_id] = film
        credits[tmdb_id], seen = [], set()
        for person, role, job, character in _credits(record, where, selection):
            person_id = str(person["id"])
            if person_id not in people:
                name = clip(person["name"], 200) if isinstance(person.get("name"), str) else ""
                if not name:
                    continue
                people[person_id] = {"key": person_keys.key_for(person_id, name), "name": name, "tmdb_id": person_id}
            identity = (film["key"], person_id, role, job)
            if identity not in seen:
                seen.add(identity)
                credits[tmdb_id].append({"film": film["key"], "person": people[person_id]["key"], "role": role,
                                         **({"job": job} if job else {}),
                                         **({"character": character} if character else {})})
    return {"films": list(films.values()), "people": list(people.values()),
            "credits": [credit for film_credits in credits.values() for credit in film_credits]}


def _credits(record: dict, where: str, selection: Selection):
    block = record.get("credits")
    if block is None:
        return
    if not isinstance(block, dict):
        raise SourceError(f"{where}: \"credits\" must be an object with \"cast\" and \"crew\" "
                          "(fetch the record with append_to_response=credits)")
    for name in ("cast", "crew"):
        if not isinstance(block.get(name) or [], list):
            raise SourceError(f"{where}: \"credits\".\"{name}\" must be a list of people, not {block[name]!r:.60}")
    cast = [member for member in block.get("cast") or [] if isinstance(member, dict) and _tmdb_id(member.get("id"))]
    cast.sort(key=lambda member: member.get("order") if _whole(member.get("order")) else 10**6)
    for member in cast[:selection.max_cast]:
        character = member.get("character")
        yield member, "actor", "", clip(character if isinstance(character, str) else "", 200)
    for member in block.get("crew") or []:
        if isinstance(member, dict) and _tmdb_id(member.get("id")) and isinstance(member.get("job"), str) \
                and member["job"] in CREW_JOBS:
            role, job = CREW_JOBS[member["job"]]
            yield member, role, job, ""
