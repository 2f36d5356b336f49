#!/usr/bin/env python3
"""A knowledge-graph import at scale: `newsreel import-kb` with `--names` films and people.

Generates an invented graph (a quarter of the names are films, the rest people; three
credits per film), then times three runs of `newsreel import-kb` on a scratch site, each
a process of its own: the first import (everything new), the same file again (nothing
changes, nothing is refreshed), and the file with every film's distributor changed (every
film updated; the pages showing them refreshed after the commit). Before the last run a
story naming one film is published and the film's page stored, so the refresh has pages to
do. Prints each run's wall time and the process's peak memory (max RSS).

    .venv/bin/python bench/import_kb_scale.py [--names 1000000]
        [--database-url postgres://postgres@127.0.0.1:5432/newsreel_bench_kb]  (default: SQLite)
        [--keep DIR] [--source imdb]

With --source imdb the same graph is written as IMDb's datasets (title.basics,
title.ratings, title.principals, name.basics) and read with `import-kb --source imdb`; the
third run then changes every film's title instead of its distributor.

With --database-url the database is emptied first (every table dropped): give it a
scratch database of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSREEL = [sys.executable, "-m", "newsreel.cli"]
ROLES = ("director", "writer", "actor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=1_000_000, help="films plus people in the graph")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite in the data folder)")
    parser.add_argument("--keep", type=Path, help="data folder to use and keep (default: a scratch folder)")
    parser.add_argument("--source", choices=("json", "imdb"), default="json", help="the format the graph is read from")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsreel-bench-kb-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        run(folder, args.names, args.database_url, args.source)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def write_graph(path: Path, names: int, distributor: str) -> tuple[int, int, int]:
    """Write an invented graph of `names` films and people; returns (films, people, credits)."""
    films = max(1, names // 4)
    people = max(1, names - films)
    credits = 0
    with path.open("w", encoding="utf-8") as out:
        out.write('{"films": [\n')
        for n in range(films):
            out.write(("," if n else "") + json.dumps(
                {"key": f"bench-film-{n}", "title": f"Bench Film {n}", "year": 1950 + n % 75,
                 "distributor": distributor, "aliases": [f"BF {n}"]}) + "\n")
        out.write('], "people": [\n')
        for n in range(people):
            out.write(("," if n else "") + json.dumps({"key": f"bench-person-{n}", "name": f"Bench Person {n}"}) + "\n")
        out.write('], "credits": [\n')
        for n in range(films):
            for k, role in enumerate(ROLES):
                credit = {"film": f"bench-film-{n}", "person": f"bench-person-{(n * 3 + k) % people}", "role": role}
                out.write(("," if credits else "") + json.dumps(credit) + "\n")
                credits += 1
        out.write("]}\n")
    return films, people, credits


def write_imdb(folder: Path, names: int, distributor: str) -> tuple[int, int, int]:
    """The same invented graph as IMDb's dataset files; a changed `distributor` changes every title."""
    folder.mkdir(parents=True, exist_ok=True)
    films = max(1, names // 4)
    people = max(1, names - films)
    suffix = "" if distributor == "Bench Pictures" else " (restored)"
    with (folder / "title.basics.tsv").open("w", encoding="utf-8") as out:
        out.write("tconst\ttitleType\tprimaryTitle\toriginalTitle\tisAdult\tstartYear\tendYear\truntimeMinutes\tgenres\n")
        for n in range(films):
            title = f"Bench Film {n}{suffix}"
            out.write(f"tt{n:08d}\tmovie\t{title}\t{title}\t0\t{1950 + n % 75}\t\\N\t90\tDrama\n")
    with (folder / "title.ratings.tsv").open("w", encoding="utf-8") as out:
        out.write("tconst\taverageRating\tnumVotes\n")
        for n in range(films):
            out.write(f"tt{n:08d}\t7.0\t{100 + n % 5000}\n")
    with (folder / "title.principals.tsv").open("w", encoding="utf-8") as out:
        out.write("tconst\tordering\tnconst\tcategory\tjob\tcharacters\n")
        for n in range(films):
            for k, role in enumerate(ROLES):
                out.write(f"tt{n:08d}\t{k + 1}\tnm{(n * 3 + k) % people:08d}\t{role}\t\\N\t\\N\n")
    with (folder / "name.basics.tsv").open("w", encoding="utf-8") as out:
        out.write("nconst\tprimaryName\tbirthYear\tdeathYear\tprimaryProfession\tknownForTitles\n")
        for n in range(people):
            out.write(f"nm{n:08d}\tBench Person {n}\t1970\t\\N\tactor\t\\N\n")
    return films, people, films * len(ROLES)


# The command in a process that reports its own peak memory (max RSS) as it exits.
MEASURED = ("import resource, sys\nfrom newsreel.cli import main\ntry:\n    main(['newsreel', *sys.argv[1:]])\n"
            "finally:\n    sys.stderr.write(f'peak-rss-kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n')\n")


def timed(env: dict, label: str, *args: str) -> None:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", MEASURED, *args], env=env, cwd=ROOT, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    lines = (result.stdout + result.stderr).strip().splitlines()
    peak = next((int(line.split()[1]) for line in lines if line.startswith("peak-rss-kb ")), 0)
    status = "ok" if result.returncode == 0 else f"FAILED (exit {result.returncode})"
    print(f"{label}: {elapsed:.1f} s, peak memory {peak / 1024:.0f} MB, {status}", flush=True)
    for line in [line for line in lines if not line.startswith("peak-rss-kb ")][-3:]:
        print(f"    {line}")
    if result.returncode:
        raise SystemExit(1)


def run(folder: Path, names: int, database_url: str, source: str = "json") -> None:
    env = dict(os.environ)
    env.update(NEWSREEL_DATA_DIR=str(folder / "data"), NEWSREEL_DEBUG="false", PYTHONPATH=str(ROOT))
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
        # PostgreSQL settings ask for a key shared by every server; this scratch site has one process at a time.
        env.setdefault("NEWSREEL_SECRET_KEY", "import-kb-bench-scratch-" + secrets.token_urlsafe(32))
        code = ("import django; django.setup(); from django.db import connection\n"
                "with connection.cursor() as c: c.execute('DROP SCHEMA public CASCADE; CREATE SCHEMA public')")
        subprocess.run([sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "newsreel.settings"},
                       check=True, cwd=ROOT)
    subprocess.run([*NEWSREEL, "migrate"], env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run([*NEWSREEL, "collectstatic", "--noinput"], env=env, cwd=ROOT, check=True, capture_output=True)
    started = time.perf_counter()
    if source == "imdb":
        first, changed = folder / "imdb", folder / "imdb-changed"
        films, people, credits = write_imdb(first, names, "Bench Pictures")
        write_imdb(changed, names, "Other Bench Pictures")
        size = sum(file.stat().st_size for file in first.iterdir())
        options = ["--source", "imdb", "--max-cast", "3"]
    else:
        first, changed = folder / "graph.json", folder / "graph-changed.json"
        films, people, credits = write_graph(first, names, "Bench Pictures")
        write_graph(changed, names, "Other Bench Pictures")
        size = first.stat().st_size
        options = []
    print(f"database: {'PostgreSQL' if database_url else 'SQLite (embedded)'}; graph: {films:,} films, "
          f"{people:,} people, {credits:,} credits ({size / 1e6:.0f} MB of {source}, "
          f"written in {time.perf_counter() - started:.0f} s)", flush=True)
    timed(env, "first import (all new)", "import-kb", str(first), *options)
    timed(env, "same file again (nothing changes)", "import-kb", str(first), *options)
    story = folder / "story.md"
    story.write_text("---\ntitle: Bench Film 7 returns\nslug: bench-film-seven\n---\n\n"
                     "Bench Film 7 returns to an invented cinema.\n", encoding="utf-8")
    subprocess.run([*NEWSREEL, "publish", str(story)], env=env, cwd=ROOT, check=True, capture_output=True)
    timed(env, "every film changed (pages refreshed after commit)", "import-kb", str(changed), *options)
    if source == "imdb":
        return
    check = ("import django; django.setup()\n"
             "from newsreel.public.models import StoredPage\n"
             "page = bytes(StoredPage.objects.get(path='/articles/bench-film-seven/').body).decode()\n"
             "print('story page shows the new distributor:', 'Other Bench Pictures' in page)")
    result = subprocess.run([sys.executable, "-c", check], env={**env, "DJANGO_SETTINGS_MODULE": "newsreel.settings"},
                            cwd=ROOT, capture_output=True, text=True)
    print(result.stdout.strip() or result.stderr.strip()[-500:])


if __name__ == "__main__":
    main()
