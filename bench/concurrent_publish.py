#!/usr/bin/env python3
"""Several `newsreel publish` processes at once, with readers on `newsreel serve`.

Sets up a scratch site (`newsreel demo`: its films, people and stories), starts
`newsreel serve` on a free port, then starts `--writers` publisher processes at the same
moment, each publishing `--files` Markdown stories of its own (one `newsreel publish`
process per writer, all its files in one run, as a newsroom's scripts would). Meanwhile
`--readers` threads read the home page, sections, tags, feeds, search and the stories
published so far. At the end every story's URL is read once more.

Prints, per writer, its exit status and what it wrote on stderr; then the publishes that
never happened (a story whose page does not answer 200 with its headline), the readers'
requests by status, server errors (5xx and dropped connections) and read latency.

    .venv/bin/python bench/concurrent_publish.py [--writers 4] [--files 15] [--readers 4]
        [--database-url postgres://postgres@127.0.0.1:5432/newsreel_bench_conc]  (default: SQLite)
        [--keep DIR]  (use DIR as the data folder and keep it)

With --database-url the database is emptied first (every table dropped): give it a
scratch database of its own.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSREEL = [sys.executable, "-m", "newsreel.cli"]

WORDS = ("harbour lantern winter reel projector usher matinee cutaway dolly premiere rushes "
         "storyboard gaffer foley montage marquee festival distributor ticket screening").split()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--files", type=int, default=15, help="stories each writer publishes")
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite in the data folder)")
    parser.add_argument("--keep", type=Path, help="data folder to use and keep (default: a scratch folder)")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="newsreel-bench-conc-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        result = run(folder, writers=args.writers, files=args.files, readers=args.readers,
                     database_url=args.database_url, out=sys.stdout)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    sys.exit(0 if result["lost"] == 0 and result["server_errors"] == 0 else 1)


def environment(folder: Path, database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(NEWSREEL_DATA_DIR=str(folder / "data"), NEWSREEL_DEBUG="false",
               NEWSREEL_SITE_URL="http://127.0.0.1:8000", PYTHONPATH=str(ROOT))
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def write_stories(folder: Path, writers: int, files: int) -> list[list[Path]]:
    """Each writer's Markdown stories (fictional, each with its own slug, section and tags)."""
    batches = []
    for writer in range(writers):
        batch = []
        for number in range(files):
            slug = f"writer-{writer}-story-{number}"
            words = " ".join(WORDS[(writer * 7 + number * 3 + i) % len(WORDS)] for i in range(60))
            text = (f"---\ntitle: Writer {writer} files story {number}\nslug: {slug}\nsection: news\n"
                    f"tags: [Festivals, Writer {writer}]\nauthors: [Desk Writer {writer}]\n---\n\n"
                    f"The Salt Orchard crew gathered for a {WORDS[number % len(WORDS)]} screening.\n\n"
                    f"{words.capitalize()}.\n\n{words.capitalize()}.\n")
            path = folder / "stories" / f"{slug}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            batch.append(path)
        batches.append(batch)
    return batches


def reset_postgres(env: dict[str, str]) -> None:
    code = ("import django; django.setup(); from django.db import connection\n"
            "with connection.cursor() as c: c.execute('DROP SCHEMA public CASCADE; CREATE SCHEMA public')")
    subprocess.run([sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "newsreel.settings"},
                   check=True, cwd=ROOT)


class Readers:
    """Threads reading the site until stopped; every answer is counted by status."""

    def __init__(self, base: str, count: int, slugs: list[str]) -> None:
        self.base, self.slugs, self.stop = base, slugs, threading.Event()
        self.statuses: Counter = Counter()
        self.failures: list[str] = []
        self.latencies: list[float] = []
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.loop, args=(n,), daemon=True) for n in range(count)]

    def paths(self, n: int):
        fixed = ["/", "/sections/news/", "/tags/festivals/", "/feed.xml", "/search/?q=screening",
                 "/archive/", "/sitemap.xml"]
        i = n
        while True:
            i += 1
            yield fixed[i % len(fixed)]
            yield f"/articles/{self.slugs[(i * 5 + n) % len(self.slugs)]}/"

    def loop(self, n: int) -> None:
        for path in self.paths(n):
            if self.stop.is_set():
                return
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(self.base + path, timeout=60) as response:
                    response.read()
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            except OSError as error:  # a dropped connection counts as a server error
                status = 599
                with self.lock:
                    self.failures.append(f"{path}: {error}")
            with self.lock:
                self.statuses[status] += 1
                self.latencies.append(time.perf_counter() - started)
                if status >= 500 and status != 599:
                    self.failures.append(f"{path}: HTTP {status}")

    def __enter__(self) -> "Readers":
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()


def wait_until_up(base: str, server: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"newsreel serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(base + "/", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("newsreel serve did not answer in time")


def run(folder: Path, *, writers: int, files: int, readers: int, database_url: str = "", out=sys.stdout) -> dict:
    env = environment(folder, database_url)
    if database_url:
        reset_postgres(env)
    say = lambda text: (out.write(text + "\n"), out.flush())  # noqa: E731
    say(f"database: {'PostgreSQL' if database_url else 'SQLite (embedded)'}; data folder {folder}")
    subprocess.run([*NEWSREEL, "demo", "--password", "bench-password-1"], env=env, cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    batches = write_stories(folder, writers, files)
    slugs = [path.stem for batch in batches for path in batch]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([*NEWSREEL, "serve", "--port", str(port), "--workers", "2"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_up(base, server)
        with Readers(base, readers, slugs) as reading:
            started = time.perf_counter()
            processes = [subprocess.Popen([*NEWSREEL, "publish", *map(str, batch)], env=env, cwd=ROOT,
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                         for batch in batches]
            outputs = [process.communicate() for process in processes]
            elapsed = time.perf_counter() - started
        for number, (process, (stdout, stderr)) in enumerate(zip(processes, outputs)):
            lines = [line for line in stderr.splitlines() if line.strip()]
            say(f"writer {number}: exit {process.returncode}, {len(stdout.split())} URL(s) printed"
                + "".join(f"\n    {line}" for line in lines[-6:]))
        lost = []
        for batch in batches:
            for path in batch:
                headline = path.read_text(encoding="utf-8").split("title: ", 1)[1].split("\n", 1)[0]
                try:
                    with urllib.request.urlopen(f"{base}/articles/{path.stem}/", timeout=60) as response:
                        body = response.read().decode()
                    if headline not in body:
                        lost.append(path.stem)
                except OSError:
                    lost.append(path.stem)
        server_errors = sum(count for status, count in reading.statuses.items() if status >= 500)
        latencies = sorted(reading.latencies) or [0.0]
        total = writers * files
        say(f"publishes: {total - len(lost)} of {total} live ({len(lost)} lost) in {elapsed:.1f} s "
            f"({total / elapsed:.1f}/s with {writers} writers)")
        say(f"reads: {len(reading.latencies)} requests by {readers} readers; by status: "
            + ", ".join(f"{status}: {count}" for status, count in sorted(reading.statuses.items())))
        say(f"server errors: {server_errors}" + "".join(f"\n    {line}" for line in reading.failures[:8]))
        say(f"read latency: p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {latencies[int(len(latencies) * 0.95) - 1] * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")
        return {"lost": len(lost), "server_errors": server_errors, "exits": [p.returncode for p in processes]}
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
