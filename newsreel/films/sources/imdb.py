"""The IMDb non-commercial datasets (https://developer.imdb.com/non-commercial-datasets/).

A folder with the files as IMDb publishes them, gzipped or not: title.basics (required),
title.ratings (for --min-votes), title.akas (aliases), title.crew and title.principals
(credits) and name.basics (the people credited). Each is tab-separated with a header line,
`\\N` for an empty value and no quoting (a title may hold a quotation mark).

Read in an order that keeps memory to the films kept: the titles first (type, year, votes),
then their other titles and credits, then only the people those credits name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from newsreel.films.models import Film, Person
from newsreel.films.sources.common import Keys, Selection, SourceError, aliases_of, clip, numbered_lines
from newsreel.json_input import JsonInputError, decode_document
from newsreel.numbers import whole_number

FILM_TYPES = ("movie", "tvMovie")
FILES = ("title.basics", "title.ratings", "title.akas", "title.crew", "title.principals", "name.basics")
COLUMNS = {
    "title.basics": ("tconst", "titleType", "primaryTitle", "originalTitle", "isAdult", "startYear", "endYear",
                     "runtimeMinutes", "genres"),
    "title.ratings": ("tconst", "averageRating", "numVotes"),
    "title.akas": ("titleId", "ordering", "title", "region", "language", "types", "attributes", "isOriginalTitle"),
    "title.crew": ("tconst", "directors", "writers"),
    "title.principals": ("tconst", "ordering", "nconst", "category", "job", "characters"),
    "name.basics": ("nconst", "primaryName", "birthYear", "deathYear", "primaryProfession", "knownForTitles"),
}
# title.principals' categories: (role, job) in our graph; the rest (self, archive footage...) are left out.
CATEGORIES = {
    "actor": ("actor", ""), "actress": ("actor", ""), "director": ("director", ""), "writer": ("writer", ""),
    "producer": ("producer", ""), "composer": ("crew", "Composer"), "cinematographer": ("crew", "Cinematographer"),
    "editor": ("crew", "Editor"), "production_designer": ("crew", "Production designer"),
    "casting_director": ("crew", "Casting director"),
}
EMPTY = "\\N"
# IMDb's ids: tt or nm and seven or more digits; the graph keeps 20 characters of an id.
TITLE_ID, NAME_ID = re.compile(r"tt[0-9]{1,18}"), re.compile(r"nm[0-9]{1,18}")


def _find(folder: Path, name: str, required: bool) -> Path | None:
    for suffix in (".tsv.gz", ".tsv"):
        if (folder / f"{name}{suffix}").is_file():
            return folder / f"{name}{suffix}"
    if required:
        raise SourceError(f"{folder}: no {name}.tsv.gz or {name}.tsv (the IMDb dataset's file of that name)")
    return None


def rows(path: Path, name: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, columns) of each data line, the header checked against IMDb's."""
    expected = COLUMNS[name]
    lines = numbered_lines(path)
    width = len(expected)
    for number, line in lines:
        header = line.lstrip("\ufeff").split("\t")
        width = max(width, len(header))  # columns IMDb may add after its own are read past
        if tuple(header[:len(expected)]) != expected:
            raise SourceError(f"{path}, line {number}: the header is not {name}'s "
                              f"(expected {' '.join(expected)}, found {' '.join(header)[:200]})")
        break
    else:
        raise SourceError(f"{path}: is empty; expected IMDb's {name} with its header line ({' '.join(expected)}): "
                          "was the download cut short?")
    for number, line in lines:
        if not line:
            continue
        columns = line.split("\t")
        if len(columns) < len(expected):
            raise SourceError(f"{path}, line {number}: expected {len(expected)} tab-separated columns "
                              f"({', '.join(expected)}), found {len(columns)}")
        if len(columns) > width:  # IMDb quotes nothing, so a tab inside a value shifts the rest
            raise SourceError(f"{path}, line {number}: expected {width} tab-separated columns "
                              f"({', '.join(expected)}), found {len(columns)}: is there a tab inside a value?")
        yield number, [("" if value == EMPTY else value) for value in columns[:len(expected)]]


def _id(value: str, pattern: re.Pattern, path: Path, number: int, column: str) -> str:
    """An IMDb id as the dataset writes them, or an error naming the line (a film or person
    without one could never be found again, and no other id is IMDb's)."""
    if not pattern.fullmatch(value):
        what = "title id (tt and digits)" if pattern is TITLE_ID else "name id (nm and digits)"
        raise SourceError(f"{path}, line {number}: {column} {value[:60]!r} is not an IMDb {what}")
    return value


def _year(value: str, path: Path, number: int) -> int | None:
    if not value:
        return None
    year = whole_number(value, largest=9999)
    if year is None:
        raise SourceError(f"{path}, line {number}: startYear {value!r} is not a year")
    return year


def read_imdb(folder: Path, selection: Selection) -> dict:
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError(f"{folder}: expected the folder holding IMDb's dataset files (title.basics.tsv.gz, ...)")
    types = set(selection.types or FILM_TYPES)
    films: dict[str, dict] = {}
    basics = _find(folder, "title.basics", True)
    for number, (tconst, kind, title, original, adult, start, *_rest) in rows(basics, "title.basics"):
        if kind not in types or adult == "1":
            continue
        _id(tconst, TITLE_ID, basics, number, "tconst")
        year = _year(start, basics, number)
        title = clip(title, 300)
        if selection.year_ok(year) and title:  # a title of spaces or control characters is none
            films[tconst] = {"title": title, "year": year, "original": original, "akas": []}
    if selection.min_votes is not None:
        ratings = _find(folder, "title.ratings", False)
        if ratings is None:
            raise SourceError(f"{folder}: --min-votes needs title.ratings.tsv.gz beside title.basics")
        votes = {tconst: whole_number(count) or 0 for _, (tconst, _average, count) in rows(ratings, "title.ratings")
                 if tconst in films}
        films = {tconst: film for tconst, film in films.items() if votes.get(tconst, 0) >= selection.min_votes}
    akas = _find(folder, "title.akas", False)
    if akas is not None:
        regions = set(selection.aka_regions)
        for _, (tconst, _order, title, region, *_rest) in rows(akas, "title.akas"):
            if tconst in films and region in regions:
                films[tconst]["akas"].append(title)
    credits = _credits(folder, films, selection)
    people = _people(folder, {nconst for _, nconst, _, _, _ in credits})
    return _records(films, people, credits)


def _credits(folder: Path, films: dict[str, dict], selection: Selection) -> list[tuple[str, str, str, str, str]]:
    """(tconst, nconst, role, job, character), each once, cast in billing order up to max_cast."""
    found: dict[tuple[str, str, str, str], str] = {}
    cast_count: dict[str, int] = {}
    principals = _find(folder, "title.principals", False)
    if principals is not None:
        for number, (tconst, _order, nconst, category, job, characters) in rows(principals, "title.principals"):
            if tconst not in films or category not in CATEGORIES:
                continue
            _id(nconst, NAME_ID, principals, number, "nconst")
            role, our_job = CATEGORIES[category]
            if role == "actor":
                cast_count[tconst] = cast_count.get(tconst, 0) + 1
                if cast_count[tconst] > selection.max_cast:
                    continue
            found.setdefault((tconst, nconst, role, our_job), _characters(characters, principals, number))
    crew = _find(folder, "title.crew", False)
    if crew is not None:
        for number, (tconst, directors, writers) in rows(crew, "title.crew"):
            if tconst in films:
                for role, names in (("director", directors), ("writer", writers)):
                    ids = names.split(",") if names else []
                    if not all(NAME_ID.fullmatch(nconst) for nconst in ids):
                        raise SourceError(f"{crew}, line {number}: {role}s {names[:80]!r} is not a list of IMDb name "
                                          "ids (nm and digits, separated by commas)")
                    for nconst in ids:
                        found.setdefault((tconst, nconst, role, ""), "")
    return [(tconst, nconst, role, job, character) for (tconst, nconst, role, job), character in found.items()]


def _characters(value: str, path: Path, number: int) -> str:
    """title.principals' characters: a JSON list of names, e.g. ["Paul Atreides"]."""
    if not value:
        return ""
    try:
        names = decode_document(value, what="a list of character names")
    except JsonInputError as error:  # its place is in the field, not in the line of the file
        raise SourceError(f"{path}, line {number}: characters {value[:80]!r} is not a JSON list of names: at "
                          f"character {error.column} of the field, {error.problem}") from None
    if not isinstance(names, list):
        names = [names]
    return clip(" / ".join(name for name in names if isinstance(name, str)), 200)


def _people(folder: Path, wanted: set[str]) -> dict[str, str]:
    """nconst -> name, for the people credited on the films kept."""
    if not wanted:
        return {}
    names = _find(folder, "name.basics", True)
    # a name of spaces or control characters is none (the ids wanted were checked where they were read)
    return {nconst: clipped for _, (nconst, name, *_rest) in rows(names, "name.basics")
            if nconst in wanted and (clipped := clip(name, 200))}


def _records(films: dict[str, dict], people: dict[str, str], credits) -> dict:
    film_keys, person_keys = Keys(Film, "imdb_id"), Keys(Person, "imdb_id")
    film_records = [{
        "key": film_keys.key_for(tconst, film["title"], film["year"]), "title": film["title"], "year": film["year"],
        "aliases": aliases_of(film["title"], [film["original"], *film["akas"]]), "imdb_id": tconst,
    } for tconst, film in films.items()]
    for record in film_records:
        if record["year"] is None or not 1870 <= record["year"] <= 2100:
            del record["year"]
    person_records = [{"key": person_keys.key_for(nconst, name), "name": name, "imdb_id": nconst}
                      for nconst, name in people.items()]
    credit_records = [{"film": film_keys.key_for(tconst), "person": person_keys.key_for(nconst), "role": role,
                       **({"job": job} if job else {}), **({"character": character} if character else {})}
                      for tconst, nconst, role, job, character in credits if nconst in people]
    return {"films": film_records, "people": person_records, "credits": credit_records}
