"""Writing a validated knowledge graph in bulk: a million names as surely as ten.

Films and people are matched by key a chunk at a time (CHUNK keys per query): new ones
are created with `bulk_create`, changed ones saved with `bulk_update`, unchanged ones left
alone (so a re-import of the same file changes nothing and refreshes no page). A film's
credits are replaced only when they differ from the file's. The films and people created or
renamed get their completion rows (`newsreel.films.name_starts`) in the same chunk.

Row-by-row saves would send a signal per row; instead the changes are announced once,
with `graph_changed` (newsreel.films.signals), which the public site turns into page and
search refreshes after the transaction commits.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterator

from django.db import connection
from django.utils import timezone

from newsreel.films import name_starts
from newsreel.films.models import Credit, Film, NameStart, Person, Release

# Keys or rows per query and per bulk statement: far below SQLite's limits on variables.
CHUNK = 500
# Chunks of credits between two ANALYZEs of the credit table on PostgreSQL (see _refresh_statistics).
ANALYZE_EVERY = 50
FILM_FIELDS = ("title", "year", "aliases", "distributor", "synopsis", "release_date", "status",
               "imdb_id", "tmdb_id", "wikidata_id")
PERSON_FIELDS = ("name", "aliases", "bio", "imdb_id", "tmdb_id", "wikidata_id")


@dataclass
class Changes:
    """What a bulk write changed, by key: announced once the writing is done."""

    films_created: int = 0
    films_updated: set[str] = field(default_factory=set)
    people_created: int = 0
    people_updated: set[str] = field(default_factory=set)
    film_ids_updated: set[int] = field(default_factory=set)
    person_ids_updated: set[int] = field(default_factory=set)
    credited_films: set[str] = field(default_factory=set)  # films whose credits changed
    credited_people: set[str] = field(default_factory=set)  # people whose credits changed
    credits: int = 0
    film_keys_created: set[str] = field(default_factory=set)  # a new film's releases are no update of it


def chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def write_entities(model: type[Film] | type[Person], records: list[dict], fields: tuple[str, ...],
                   changes: Changes) -> None:
    """Create or update films or people by key, a chunk at a time."""
    is_film = model is Film
    now = timezone.now()
    for chunk in chunks(records):
        existing = {row["key"]: row for row in model.objects.filter(key__in=[r["key"] for r in chunk])
                    .values("id", "key", *fields)}
        new, changed = [], []
        for record in chunk:
            values = {name: record.get(name, model._meta.get_field(name).get_default()) for name in fields}
            row = existing.get(record["key"])
            if row is None:
                new.append(model(key=record["key"], **values))
            elif any(row[name] != values[name] for name in fields):
                changed.append(model(id=row["id"], key=record["key"], updated_at=now, **values))
        model.objects.bulk_create(new, batch_size=CHUNK)
        # updated_at by hand: an UPDATE skips auto_now, and the graph's cache key reads it.
        _update_rows(model, [*fields, "updated_at"], changed)
        _write_name_starts(model, new, [item for item in changed if _renamed(item, existing[item.key])])
        if is_film:
            changes.films_created += len(new)
            changes.film_keys_created.update(item.key for item in new)
            changes.films_updated.update(item.key for item in changed)
            changes.film_ids_updated.update(item.id for item in changed)
        else:
            changes.people_created += len(new)
            changes.people_updated.update(item.key for item in changed)
            changes.person_ids_updated.update(item.id for item in changed)


def _renamed(item: Film | Person, row: dict) -> bool:
    if isinstance(item, Film):
        return item.title != row["title"] or item.year != row["year"]
    return item.name != row["name"]


def _write_name_starts(model: type[Film] | type[Person], new: list, renamed: list) -> None:
    """The completion rows (newsreel.films.name_starts) of the films or people just created or renamed."""
    if any(item.pk is None for item in new):  # a database that does not return new ids from a bulk insert
        ids = dict(model.objects.filter(key__in=[item.key for item in new]).values_list("key", "id"))
        for item in new:
            item.pk = ids[item.key]
    if model is Film:
        rows = name_starts.film_rows((item.pk, item.title, item.year) for item in new)
    else:
        rows = name_starts.person_rows((item.pk, item.name) for item in new)
    NameStart.objects.bulk_create(rows, batch_size=CHUNK)
    if renamed:
        name_starts.rewrite(model, [item.pk for item in renamed])


def write_credits(records: list[dict], changes: Changes) -> None:
    """Give every film named in `records` exactly the credits the file lists, in its order."""
    wanted: dict[str, list[tuple]] = defaultdict(list)
    seen = set()
    for record in records:
        identity = (record["film"], record["person"], record["role"], record["job"], record["character"])
        if identity in seen:
            continue
        seen.add(identity)
        wanted[record["film"]].append((record["person"], record["role"], record["job"], record["character"],
                                       len(wanted[record["film"]]) + 1))
    changes.credits = len(seen)
    person_keys = sorted({person for rows in wanted.values() for person, *_ in rows})
    person_ids: dict[str, int] = {}
    for chunk in chunks(person_keys):
        person_ids.update(Person.objects.filter(key__in=chunk).values_list("key", "id"))
    person_keys_by_id = {person_id: key for key, person_id in person_ids.items()}
    for number, chunk in enumerate(chunks(sorted(wanted))):
        if number % ANALYZE_EVERY == 0:
            _refresh_statistics(Credit)
        film_ids = dict(Film.objects.filter(key__in=chunk).values_list("key", "id"))
        film_keys_by_id = {film_id: key for key, film_id in film_ids.items()}
        have: dict[str, list[tuple]] = defaultdict(list)
        stale_ids: dict[str, list[int]] = defaultdict(list)
        # Ids only, keys from the maps above: joining the film and person tables here made
        # PostgreSQL scan the whole person table once per chunk (a million-name import spent
        # most of its time there, more with every chunk written).
        rows = list(Credit.objects.filter(film_id__in=film_ids.values()).order_by("film_id", "order", "id")
                    .values_list("id", "film_id", "person_id", "role", "job", "character", "order"))
        unknown = {person_id for _, _, person_id, *_ in rows if person_id not in person_keys_by_id}
        for ids in chunks(sorted(unknown)):  # people credited before and no longer in the file
            person_keys_by_id.update(Person.objects.filter(pk__in=ids).values_list("id", "key"))
        for credit_id, film_id, person_id, role, job, character, order in rows:
            film = film_keys_by_id[film_id]
            have[film].append((person_keys_by_id[person_id], role, job, character, order))
            stale_ids[film].append(credit_id)
        drop: list[int] = []
        new: list[Credit] = []
        for film in chunk:
            if have.get(film, []) == wanted[film]:
                continue
            changes.credited_films.add(film)
            changes.credited_people.update(person for person, *_ in have.get(film, []))
            changes.credited_people.update(person for person, *_ in wanted[film])
            drop += stale_ids.get(film, [])
            new += [Credit(film_id=film_ids[film], person_id=person_ids[person], role=role, job=job,
                           character=character, order=order)
                    for person, role, job, character, order in wanted[film]]
        for ids in chunks(drop):
            _delete_credits(ids)
        Credit.objects.bulk_create(new, batch_size=CHUNK)


def write_releases(records: list[dict], changes: Changes) -> None:
    """Give every film whose record has "releases" exactly those (a record without keeps its
    own); a film whose releases changed is announced as updated (its page shows them)."""
    wanted = {record["key"]: record["releases"] for record in records if "releases" in record}
    for chunk in chunks(sorted(wanted)):
        film_ids = dict(Film.objects.filter(key__in=chunk).values_list("key", "id"))
        have: dict[int, list[tuple]] = defaultdict(list)
        for film_id, country, kind, date, note in (Release.objects.filter(film_id__in=film_ids.values())
                                                   .order_by("film_id", "date", "country", "kind", "pk")
                                                   .values_list("film_id", "country", "kind", "date", "note")):
            have[film_id].append((country, kind, date, note))
        replaced, new = [], []
        for key in chunk:
            rows = sorted((r["country"], r["kind"], r["date"], r["note"]) for r in wanted[key])
            film_id = film_ids[key]
            if sorted(have.get(film_id, [])) == rows:
                continue
            replaced.append(film_id)
            new += [Release(film_id=film_id, country=country, kind=kind, date=date, note=note)
                    for country, kind, date, note in rows]
            if key not in changes.films_updated and key not in changes.film_keys_created:
                changes.films_updated.add(key)
                changes.film_ids_updated.add(film_id)
        Release.objects.filter(film_id__in=replaced).delete()
        Release.objects.bulk_create(new, batch_size=CHUNK)


def _refresh_statistics(model: type[Credit]) -> None:
    """ANALYZE the table on PostgreSQL, so each chunk's read of it uses the film_id index.

    An import writes its credits in one transaction: autovacuum never sees those rows (and
    may be off), so without this the planner, taking the growing table for an empty one,
    scanned all of it for every chunk (125 ms a chunk at 150,000 credits, rising; 1.4 ms with
    statistics). ANALYZE counts the rows this transaction wrote and samples at most 30,000.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _delete_credits(ids: list[int]) -> None:
    """Delete credits in one statement, without a signal per row (the pages they show are
    announced with the rest of the changes)."""
    table = connection.ops.quote_name(Credit._meta.db_table)
    column = connection.ops.quote_name(Credit._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({', '.join(['%s'] * len(ids))})", ids)


def _update_rows(model: type[Film] | type[Person], names: list[str], objects: list) -> None:
    """UPDATE each row by id with one prepared statement run for them all.

    (Django's bulk_update builds a CASE expression per field over the whole batch, which
    costs seconds of Python per thousand rows; executemany costs milliseconds.)
    """
    if not objects:
        return
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in names]
    assignments = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    sql = f"UPDATE {quote(model._meta.db_table)} SET {assignments} WHERE {quote(model._meta.pk.column)} = %s"
    rows = [[f.get_db_prep_save(getattr(item, f.attname), connection) for f in fields] + [item.pk]
            for item in objects]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
