#!/usr/bin/env python3
"""Soak: readers on the article page and the home page for `--minutes`, with writers
publishing all along; reports every error and the server's memory over time.

Builds a scratch newsroom from the anchors' corpus as bench/serve_pages.py does (1,000
articles imported with `newsreel import jsonl`), serves it with `newsreel serve --workers 2`
on a free port of 127.0.0.1, and then, until the time is up:

- readers: wrk at 2 threads / 32 connections, in slices of `--slice` seconds, alternating
  between the corpus's article #500 (the page bench/serve_pages.py measures) and the home
  page; every non-2xx answer, socket error and timeout counts as an error;
- writers: `--writers` processes in turn running `newsreel publish` on Markdown files: one
  republishes article #500 itself (its page and the home page are re-rendered while read),
  the others publish new stories; a publish that exits non-zero counts as an error;
- memory: the resident memory (RSS) of every process of the server, summed, sampled after
  each slice.

Prints one line per slice, then a summary: requests, errors (the target is 0), publishes,
and memory at the start, the end and its growth per 10 minutes (flat is the target).

    .venv/bin/python bench/soak.py [--minutes 10] [--articles 1000] [--writers 2]
        [--site DIR (build once, reuse)] [--json results.jsonl]
        [--database-url postgres://postgres@127.0.0.1:5432/newsreel_soak]  (default: SQLite)

With --database-url the database is emptied first (every table dropped) unless --site names
a folder already built: give it a scratch database of its own.

Only 127.0.0.1 is used; the server is stopped by its process group, every loop is bounded.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from serve_pages import ANCHORS, NEWSREEL, ROOT, TARGET_ARTICLE_INDEX, fetch, parse_wrk, server  # noqa: E402


@dataclass
class Tally:
    requests: int = 0
    read_errors: int = 0
    publishes: int = 0
    publish_errors: int = 0
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long to soak (default 10)")
    parser.add_argument("--articles", type=int, default=1000, help="corpus size to import (default 1000)")
    parser.add_argument("--writers", type=int, default=2, help="publishing processes running in turn (default 2)")
    parser.add_argument("--pause", type=float, default=2.0, help="seconds each writer waits between publishes")
    parser.add_argument("--slice", type=int, default=30, help="seconds per wrk run between memory samples")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--site", type=Path, help="folder to build the site in once and reuse (default: scratch)")
    parser.add_argument("--json", type=Path, help="append the summary as one JSON line to this file")
    parser.add_argument("--database-url", default="", help="PostgreSQL URL (default: SQLite in the site folder)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")
    scratch = args.site or Path(tempfile.mkdtemp(prefix="newsreel-soak-"))
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        summary = soak(args, scratch)
    finally:
        if not args.site:
            shutil.rmtree(scratch, ignore_errors=True)
    if args.json:
        with args.json.open("a") as handle:
            handle.write(json.dumps({"bench": "soak", **summary}) + "\n")


def site_env(scratch: Path, database_url: str) -> dict:
    """The environment every command of the soak runs in: the scratch folder, and PostgreSQL if asked."""
    env = {**os.environ, "NEWSREEL_DATA_DIR": str(scratch / "data"), "NEWSREEL_DEBUG": "false"}
    env.pop("DATABASE_URL", None)
    if database_url:
        # PostgreSQL settings ask for a key every server shares; this scratch site makes one and keeps it.
        key_file = scratch / "secret-key"
        if not key_file.exists():
            key_file.write_text(secrets.token_urlsafe(50))
        env.update(DATABASE_URL=database_url, NEWSREEL_SECRET_KEY=key_file.read_text())
    return env


def soak(args: argparse.Namespace, scratch: Path) -> dict:
    records = build_site(args.articles, scratch, args.database_url)
    target = records[min(TARGET_ARTICLE_INDEX, len(records) - 1)]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**site_env(scratch, args.database_url), "NEWSREEL_SITE_URL": base}
    paths = {"article": f"/articles/{target['slug']}/", "home": "/"}
    tally = Tally()
    samples: list[tuple[float, int]] = []
    ends_at = time.monotonic() + args.minutes * 60
    with server([*NEWSREEL, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(args.workers)],
                env, f"{base}/") as running:
        log = []  # the server's stderr, drained so a full pipe never stalls it
        threading.Thread(target=lambda: log.extend(running.process.stderr), daemon=True).start()
        fetch(base + paths["article"])
        started = time.monotonic()
        samples.append((0.0, server_rss(running.process.pid)))
        writers = [threading.Thread(target=write, args=(number, args, scratch, env, target, tally, ends_at), daemon=True)
                   for number in range(args.writers)]
        for writer in writers:
            writer.start()
        number = 0
        while time.monotonic() < ends_at - 1:
            page = "article" if number % 2 == 0 else "home"
            seconds = max(1, min(args.slice, int(ends_at - time.monotonic())))
            result = read(base + paths[page], seconds)
            with tally.lock:
                tally.requests += result["requests"]
                tally.read_errors += result["non2xx"] + result["errors"]
            elapsed = time.monotonic() - started
            samples.append((elapsed, server_rss(running.process.pid)))
            print(f"{elapsed / 60:5.1f} min  {page:7}  {result['rps']:8,.0f} req/s  p99 {result['p99_ms']} ms  "
                  f"errors {result['non2xx'] + result['errors']}  publishes {tally.publishes} "
                  f"({tally.publish_errors} failed)  server RSS {samples[-1][1] / 2**20:,.1f} MiB", file=sys.stderr)
            number += 1
        for writer in writers:
            writer.join(timeout=120)
    tally.failures += [f"server: {line.decode(errors='replace').rstrip()}" for line in log
                       if b"Traceback" in line or b"ERROR" in line][:5]
    return report(args, tally, samples)


def build_site(articles: int, scratch: Path, database_url: str = "") -> list[dict]:
    corpus = scratch / f"corpus-{articles}"
    jsonl = corpus / "articles.jsonl"
    if not jsonl.exists():
        subprocess.run([sys.executable, str(ANCHORS / "make_corpus.py"), "-n", str(articles), "--out", str(corpus),
                        "--formats", "jsonl"], check=True, stdout=subprocess.DEVNULL)
    with jsonl.open() as handle:
        records = [json.loads(line) for line in handle]
    if not (scratch / "imported").exists():
        env = site_env(scratch, database_url)
        if database_url:  # an empty schema, then `newsreel migrate` (PostgreSQL sites migrate as a step of their own)
            code = ("import django; django.setup(); from django.db import connection\n"
                    "with connection.cursor() as c: c.execute('DROP SCHEMA public CASCADE; CREATE SCHEMA public')")
            subprocess.run([sys.executable, "-c", code], env={**env, "DJANGO_SETTINGS_MODULE": "newsreel.settings"},
                           cwd=ROOT, check=True)
            subprocess.run([*NEWSREEL, "migrate"], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        started = time.monotonic()
        subprocess.run([*NEWSREEL, "import", "jsonl", str(jsonl), "-v", "0"], env=env, cwd=ROOT, check=True)
        print(f"imported {len(records)} articles in {time.monotonic() - started:.1f} s", file=sys.stderr)
        (scratch / "imported").write_text(str(len(records)))
    return records


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def read(url: str, seconds: int) -> dict:
    output = subprocess.run(["wrk", "-t2", "-c32", f"-d{seconds}s", "--timeout", "10s", "--latency", url],
                            capture_output=True, text=True, check=True).stdout
    result = parse_wrk(output)
    done = [line for line in output.splitlines() if "requests in" in line]
    result["requests"] = int(done[0].split()[0]) if done else 0
    return result


def write(number: int, args: argparse.Namespace, scratch: Path, env: dict, target: dict, tally: Tally,
          ends_at: float) -> None:
    """Publish until the time is up: writer 0 republishes the read article, the others new stories."""
    folder = scratch / f"writer-{number}"
    folder.mkdir(exist_ok=True)
    count = 0
    while time.monotonic() < ends_at - 5:
        count += 1
        if number == 0:
            slug, headline = target["slug"], target["title"]
        else:
            slug, headline = f"soak-{number}-{count}", f"Soak story {number}-{count}"
        path = folder / f"{slug}.md"
        path.write_text(f"---\nheadline: {json.dumps(headline)}\nslug: {slug}\ntags: [Soak]\n---\n"
                        f"Revision {count} by writer {number}, published while readers read.\n\n"
                        f"{plain_body(target['body_markdown']) if number == 0 else 'A short soak story.'}\n")
        result = subprocess.run([*NEWSREEL, "publish", str(path)], env=env, cwd=ROOT, capture_output=True, text=True,
                                timeout=300)
        with tally.lock:
            tally.publishes += 1
            if result.returncode != 0:
                tally.publish_errors += 1
                tally.failures.append(result.stderr.strip()[-500:])
        time.sleep(args.pause)


def plain_body(markdown: str) -> str:
    """The record's first paragraphs without its pictures (they name files this folder lacks)."""
    paragraphs = [part for part in markdown.split("\n\n") if "![" not in part]
    return "\n\n".join(paragraphs[:6])


def server_rss(leader: int) -> int:
    """Resident bytes of every process in the server's process group (granian and its workers)."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != leader:
                continue
            status = (entry / "status").read_text()
        except (OSError, ProcessLookupError):
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
    return total


def report(args: argparse.Namespace, tally: Tally, samples: list[tuple[float, int]]) -> dict:
    minutes = samples[-1][0] / 60 if samples else 0
    # Growth from the first sample after warm-up (the second) to the last, per 10 minutes.
    start_at, start_rss = samples[1] if len(samples) > 2 else samples[0]
    end_at, end_rss = samples[-1]
    per_10 = (end_rss - start_rss) / max((end_at - start_at) / 600, 1e-9) if end_at > start_at else 0.0
    summary = {
        "database": "PostgreSQL" if args.database_url else "SQLite", "minutes": round(minutes, 2), "requests": tally.requests, "read_errors": tally.read_errors,
        "publishes": tally.publishes, "publish_errors": tally.publish_errors,
        "rss_start_mib": round(samples[0][1] / 2**20, 1), "rss_after_warmup_mib": round(start_rss / 2**20, 1),
        "rss_end_mib": round(end_rss / 2**20, 1), "rss_max_mib": round(max(rss for _, rss in samples) / 2**20, 1),
        "rss_growth_mib_per_10min": round(per_10 / 2**20, 1),
    }
    print(f"\nsoak ({summary['database']}): {minutes:.1f} min, {tally.requests:,} reads ({tally.read_errors} errors), "
          f"{tally.publishes} publishes by {args.writers} writers ({tally.publish_errors} failed)")
    print(f"server memory: {summary['rss_start_mib']} MiB at start, {summary['rss_after_warmup_mib']} MiB after the "
          f"first slice, {summary['rss_end_mib']} MiB at the end (max {summary['rss_max_mib']}); "
          f"growth {summary['rss_growth_mib_per_10min']} MiB per 10 minutes")
    for failure in tally.failures[:5]:
        print(f"publish failure: {failure}")
    return summary


if __name__ == "__main__":
    main()
