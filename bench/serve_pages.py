#!/usr/bin/env python3
"""Article and home page requests per second: Newsreel beside a bare Django view, same server.

Builds a scratch newsroom from the anchors' corpus (`../shared/anchors/make_corpus.py`,
imported with `newsreel import jsonl`), serves it with `newsreel serve --workers 2`
(granian), and drives the corpus's article #500 and the home page with wrk for
`--duration` at 2 threads / 32 connections and 1 thread / 1 connection. Then it serves
`../shared/anchors/bare/bare_app.py` (a Django view returning bytes, no middleware, no
database) under granian with the same flags, its body set to Newsreel's own article
bytes, and drives it the same way. Prints a table; with `--anchors` (the anchors'
`serve.jsonl`) also the ratios to Wagtail and to the anchors' bare view.

    .venv/bin/python bench/serve_pages.py [--articles 1000] [--duration 10s]
        [--anchors /tmp/bench/results/serve.jsonl] [--json results.jsonl] [--site DIR (build once, reuse)]

Only 127.0.0.1 is used; every server started here is stopped by its process group.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANCHORS = (ROOT.parent / "shared" / "anchors").resolve()
NEWSREEL = [sys.executable, "-m", "newsreel.cli"]
GRANIAN_FLAGS = ["--interface", "wsgi", "--blocking-threads", "1", "--no-ws", "--log-level", "warning"]
TARGET_ARTICLE_INDEX = 499  # the anchors measure the corpus's article #500 too


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="corpus size to import (default 1000)")
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8124)
    parser.add_argument("--bare-port", type=int, default=8125)
    parser.add_argument("--anchors", type=Path, help="the anchors' serve.jsonl, for ratios to Wagtail and the bare view")
    parser.add_argument("--json", type=Path, help="append one JSON line per run to this file")
    parser.add_argument("--site", type=Path, help="folder to build the site in once and reuse (default: scratch)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    scratch = args.site or Path(tempfile.mkdtemp(prefix="newsreel-serve-pages-"))
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        rows = run(args, scratch)
    finally:
        if not args.site:
            shutil.rmtree(scratch, ignore_errors=True)
    print_table(rows)
    if args.anchors:
        print_ratios(rows, load_anchors(args.anchors))
    if args.json:
        with args.json.open("a") as handle:
            for row in rows:
                handle.write(json.dumps({"bench": "serve", **row}) + "\n")


def run(args: argparse.Namespace, scratch: Path) -> list[dict]:
    corpus = scratch / f"corpus-{args.articles}"
    jsonl = corpus / "articles.jsonl"
    if not jsonl.exists():
        subprocess.run([sys.executable, str(ANCHORS / "make_corpus.py"), "-n", str(args.articles), "--out", str(corpus),
                        "--formats", "jsonl"], check=True, stdout=subprocess.DEVNULL)
    with jsonl.open() as handle:
        records = [json.loads(line) for line in handle]
    slug = records[min(TARGET_ARTICLE_INDEX, len(records) - 1)]["slug"]

    base = f"http://127.0.0.1:{args.port}"
    env = {**os.environ, "NEWSREEL_DATA_DIR": str(scratch / "data"), "NEWSREEL_DEBUG": "false", "NEWSREEL_SITE_URL": base}
    env.pop("DATABASE_URL", None)
    if not (scratch / "imported").exists():
        started = time.monotonic()
        subprocess.run([*NEWSREEL, "import", "jsonl", str(jsonl), "-v", "0"], env=env, cwd=ROOT, check=True)
        print(f"imported {len(records)} articles in {time.monotonic() - started:.1f} s", file=sys.stderr)
        (scratch / "imported").write_text(str(len(records)))

    rows: list[dict] = []
    article_file = scratch / "article.html"
    targets = {"article": f"/articles/{slug}/", "home": "/"}
    with server([*NEWSREEL, "serve", "--host", "127.0.0.1", "--port", str(args.port), "--workers", str(args.workers)],
                env, f"{base}/"):
        article_file.write_bytes(fetch(base + targets["article"]))
        for target, path in targets.items():
            rows += drive("newsreel", target, base + path, args.duration)

    bare_base = f"http://127.0.0.1:{args.bare_port}"
    bare_env = {**os.environ, "BARE_BODY_FILE": str(article_file)}
    with server([sys.executable, "-m", "granian", *GRANIAN_FLAGS, "--workers", str(args.workers), "--host", "127.0.0.1",
                 "--port", str(args.bare_port), "--working-dir", str(ANCHORS / "bare"), "bare_app:application"],
                bare_env, f"{bare_base}/"):
        rows += drive("bare-django", "article", f"{bare_base}/{slug}/", args.duration)
    return rows


class server:
    """Start a server in its own process group; stop that group on exit."""

    def __init__(self, argv: list[str], env: dict, ready_url: str) -> None:
        self.argv, self.env, self.ready_url = argv, env, ready_url

    def __enter__(self) -> "server":
        self.process = subprocess.Popen(self.argv, env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"server exited with {self.process.returncode}: {self.process.stderr.read().decode()[-2000:]}")
            try:
                fetch(self.ready_url)
                return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit(f"timed out waiting for {self.ready_url}")

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=15)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read()


def drive(server_name: str, target: str, url: str, duration: str) -> list[dict]:
    rows = []
    for threads, connections in ((2, 32), (1, 1)):
        subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", "-d2s", url], capture_output=True)  # warm-up
        output = subprocess.run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}", "--timeout", "10s",
                                 "--latency", url], capture_output=True, text=True, check=True).stdout
        row = {"server": server_name, "target": target, "conns": connections, **parse_wrk(output)}
        print(f"  {server_name:12} {target:8} c={connections:<3} {row['rps']:>10,.0f} req/s  p50 {row['p50_ms']} ms",
              file=sys.stderr)
        rows.append(row)
    return rows


def parse_wrk(output: str) -> dict:
    def ms(value: str) -> float:
        number, unit = re.match(r"([\d.]+)(us|ms|s|m)", value).groups()
        return round(float(number) * {"us": 1e-3, "ms": 1, "s": 1e3, "m": 6e4}[unit], 3)

    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.MULTILINE))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": ms(latency["50"]) if "50" in latency else None,
        "p99_ms": ms(latency["99"]) if "99" in latency else None,
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "errors": sum(map(int, errors.groups())) if errors else 0,
    }


def print_table(rows: list[dict]) -> None:
    bare = {row["conns"]: row["rps"] for row in rows if row["server"] == "bare-django"}
    print("\n| server | page | conns | req/s | p50 ms | p99 ms | non-2xx | vs bare Django view |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        ratio = f"{row['rps'] / bare[row['conns']]:.0%}" if row["conns"] in bare and row["target"] == "article" else ""
        print(f"| {row['server']} | {row['target']} | {row['conns']} | {row['rps']:,.0f} | {row['p50_ms']} | "
              f"{row['p99_ms']} | {row['non2xx']} | {ratio} |")


def load_anchors(path: Path) -> dict[tuple[str, str, int], float]:
    """Median req/s per (server, target, conns) from the anchors' serve.jsonl (see summarize.py)."""
    runs: dict[tuple[str, str, int], list[float]] = {}
    with path.open() as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                if record.get("bench") == "serve" and record.get("rps"):
                    runs.setdefault((record["server"], record["target"], int(record["conns"])), []).append(record["rps"])
    return {key: statistics.median(values) for key, values in runs.items()}


def print_ratios(rows: list[dict], anchors: dict[tuple[str, str, int], float]) -> None:
    goals = {("wagtail-gunicorn", "article"): 30, ("wagtail-gunicorn", "home"): 50}
    print("\n| Newsreel page | conns | Newsreel req/s | anchor | anchor req/s | ratio | goal |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        if row["server"] != "newsreel":
            continue
        for anchor in ("wagtail-gunicorn", "wagtail-granian", "django-granian", "django-gunicorn", "nginx-static"):
            value = anchors.get((anchor, row["target"], row["conns"]))
            if not value:
                continue
            goal = goals.get((anchor, row["target"]))
            goal_text = f">= {goal}x" if goal and row["conns"] == 32 else (">= 0.7x" if anchor == "django-granian" and row["conns"] == 32 else "")
            print(f"| {row['target']} | {row['conns']} | {row['rps']:,.0f} | {anchor} | {value:,.0f} | "
                  f"{row['rps'] / value:.2f}x | {goal_text} |")


if __name__ == "__main__":
    main()
