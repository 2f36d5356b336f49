#!/usr/bin/env python3
"""The writing editor's completions on a large knowledge graph: GET /desk/knowledge/complete/
as a writer types names, per request.

Builds a scratch site with an invented graph of `--names` films and people (a quarter films,
titles of one to four invented words, years 1920-2026, some titles shared; people with a first
name and one or two surnames), imported with `import_knowledge_graph` (the import's own
writer, which also writes the completion index). Then a signed-in editor types `--names-typed`
names from the graph a character at a time from the second one on, as the editor asks after
each key ("Yesterday Ha", "Yesterday Har", ...), and every answer is timed (Django's test
client, in process: the view, its queries and the JSON). Prints p50/p95/max per request, the
plan each database uses, and with --compare the same prefixes read the way completions did
before the index (istartswith, and a person's later words with icontains).

    .venv/bin/python bench/editor_completions.py [--names 1000000] [--names-typed 40] [--compare]
        [--database-url postgres://postgres@127.0.0.1:5432/newsreel_bench_complete]  (default: SQLite)

With --direct the graph is written straight into the tables (one INSERT statement run for all
rows, the completion rows made by the writers' own `name_starts.film_rows`/`person_rows`)
instead of through the import, which takes most of an hour for a million names on a busy
2-core machine; the completions read the same rows either way.

With --database-url the database is emptied first (every table dropped): give it a scratch
database of its own. Prints the machine's load average (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SYLLABLES = ("ka ra lo mi ve sa to ne da ri mo lu fe an or el is ur ta ko li ma be se go ha ni po vi ze "
             "bra tre lin dor mar sel van kor tis hal").split()
WORDS = ("salt harbor glass night ferry orchard paper winter lantern river keeper island light road summer "
         "silent red last long house garden north city iron blue").split()


def invented_word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def invented_graph(names: int, seed: int = 14) -> dict:
    """`names` films and people, invented, with a key each; no credits (completions read names)."""
    rng = random.Random(seed)
    films, people = [], []
    film_count = max(1, names // 4)
    for n in range(film_count):
        words = [rng.choice(WORDS).capitalize() if rng.random() < .5 else invented_word(rng, rng.randint(2, 3))
                 for _ in range(rng.randint(1, 4))]
        title = ("The " if rng.random() < .2 else "") + " ".join(words)
        films.append({"key": f"film-{n}", "title": title, "year": rng.randint(1920, 2026)})
    for n in range(names - film_count):
        parts = [invented_word(rng, rng.randint(1, 3)) for _ in range(2 if rng.random() < .8 else 3)]
        people.append({"key": f"person-{n}", "name": " ".join(parts)})
    return {"films": films, "people": people, "credits": []}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def line(name: str, values: list[float]) -> str:
    return (f"  {name:<10} p50 {statistics.median(values):8.1f} ms   p95 {percentile(values, .95):8.1f} ms"
            f"   max {max(values):8.1f} ms   (n={len(values)})")


def setup(folder: Path, database_url: str) -> None:
    os.environ.update(NEWSREEL_DATA_DIR=str(folder), NEWSREEL_DEBUG="false", DJANGO_SETTINGS_MODULE="newsreel.settings")
    os.environ.pop("DATABASE_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
        os.environ.setdefault("NEWSREEL_SECRET_KEY", "complete-bench-scratch-" + secrets.token_urlsafe(32))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if database_url:
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", verbosity=0)


def typed_prefixes(graph: dict, count: int, seed: int = 15) -> list[str]:
    """What the editor asks as `count` names (half films, half people; a person by the full name or
    the surname) are typed after "Yesterday ": each prefix from two characters on."""
    rng = random.Random(seed)
    asked = []
    for n in range(count):
        if n % 2:
            name = rng.choice(graph["films"])["title"]
        else:
            name = rng.choice(graph["people"])["name"]
            if n % 4 == 2:
                name = name.split(" ")[-1]
        for end in range(2, len(name) + 1):
            asked.append("Yesterday " + name[:end])
    return asked


def old_way(typed: str) -> None:
    """The queries completions ran before the index (kept here only to compare)."""
    from django.db.models import Q

    from newsreel.films.models import Film, Person

    list(Film.objects.filter(title__istartswith=typed).order_by("title", "-year")[:8])
    list(Person.objects.filter(Q(name__istartswith=typed) | Q(name__icontains=" " + typed)).order_by("name")[:8])


def write_directly(graph: dict) -> None:
    """The graph's films, people and completion rows, each table filled by one executemany."""
    from django.db import connection, transaction
    from django.utils import timezone

    from newsreel.films import name_starts
    from newsreel.films.models import Film, NameStart, Person

    now = timezone.now()
    quote = connection.ops.quote_name

    def insert(model, columns: list[str], rows) -> None:
        sql = (f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
               f"VALUES ({', '.join(['%s'] * len(columns))})")
        with connection.cursor() as cursor:
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) == 10_000:
                    cursor.executemany(sql, batch)
                    batch = []
            cursor.executemany(sql, batch)

    blank = ["imdb_id", "tmdb_id", "wikidata_id"]
    with transaction.atomic():
        insert(Film, ["id", "key", "title", "year", "aliases", "distributor", "synopsis", "status", *blank, "updated_at"],
               ((n + 1, f["key"], f["title"], f["year"], "[]", "", "", "", "", "", "", now)
                for n, f in enumerate(graph["films"])))
        insert(Person, ["id", "key", "name", "aliases", "bio", *blank, "updated_at"],
               ((n + 1, p["key"], p["name"], "[]", "", "", "", "", now) for n, p in enumerate(graph["people"])))
        columns = ["kind", "text", "year", "film_id", "person_id"]
        insert(NameStart, columns, ((r.kind, r.text, r.year, r.film_id, r.person_id) for r in name_starts.film_rows(
            (n + 1, f["title"], f["year"]) for n, f in enumerate(graph["films"]))))
        insert(NameStart, columns, ((r.kind, r.text, r.year, r.film_id, r.person_id) for r in name_starts.person_rows(
            (n + 1, p["name"]) for n, p in enumerate(graph["people"]))))
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for model in (Film, Person):
                    table = model._meta.db_table
                    cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=1_000_000, help="films plus people in the graph")
    parser.add_argument("--names-typed", type=int, default=40, help="names typed, a request per character")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite in a scratch folder)")
    parser.add_argument("--compare", action="store_true", help="also time the queries used before the index")
    parser.add_argument("--direct", action="store_true", help="write the rows directly, not through the import")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="newsreel-bench-complete-"))
    try:
        run(folder, args)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run(folder: Path, args: argparse.Namespace) -> None:
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
    setup(folder, args.database_url)
    from django.contrib.auth.models import Group, User
    from django.db import connection
    from django.test import Client

    from newsreel.films.knowledge import import_knowledge_graph
    from newsreel.films.models import NameStart

    graph = invented_graph(args.names)
    started = time.perf_counter()
    if args.direct:
        write_directly(graph)
    else:
        import_knowledge_graph(graph)
    print(f"database: {connection.vendor}; graph: {len(graph['films']):,} films, {len(graph['people']):,} people, "
          f"{NameStart.objects.count():,} completion rows; {'written' if args.direct else 'imported'} in "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    user = User.objects.create_user("bencher", "bencher@newsroom.example", "bench-complete-password")
    user.groups.add(Group.objects.get(name="editor"))
    client = Client()
    client.force_login(user)
    asked = typed_prefixes(graph, args.names_typed)
    for typed in asked[:5]:  # warm the connection and the caches, as the editor's first keys do
        client.get("/desk/knowledge/complete/", {"q": typed})
    timings, cpu, found = [], [], 0
    for typed in asked:
        start, start_cpu = time.perf_counter(), time.process_time()
        answer = client.get("/desk/knowledge/complete/", {"q": typed})
        timings.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert answer.status_code == 200, answer.status_code
        found += bool(answer.json()["options"])
    print(f"Completions, {len(asked)} requests ({args.names_typed} names typed a character at a time; "
          f"{found} answered with options):")
    print(line("request", timings))
    short = [t for typed, t in zip(asked, timings) if len(typed) <= len("Yesterday ") + 3]
    print(line("2-3 chars", short))
    print("The same, CPU time of this process (what a request costs here, whatever else runs; on PostgreSQL")
    print("the server's own work is not in it):")
    print(line("request", cpu))
    sample = NameStart.objects.filter(kind="person", text__gte="ha", text__lt="hb").order_by("text", "-year")
    print("plan (person, 'ha'):", " | ".join(sample.values_list("person_id", flat=True)[:16].explain().splitlines()))
    if args.compare:
        before, now = [], []
        from newsreel.films import name_starts

        for typed in asked[::max(1, len(asked) // 40)]:  # about forty of the same prefixes
            start = time.perf_counter()
            old_way(typed.removeprefix("Yesterday "))
            before.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            name_starts.find("film", typed.removeprefix("Yesterday "), 8)
            name_starts.find("person", typed.removeprefix("Yesterday "), 8)
            now.append((time.perf_counter() - start) * 1000)
        print("The two look-ups alone on the same prefixes, before the index (istartswith / icontains) and now:")
        print(line("before", before))
        print(line("now", now))
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
