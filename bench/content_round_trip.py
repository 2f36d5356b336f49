"""Benchmark: `newsreel export content` of the demo and `newsreel import content` into an empty site.

    .venv/bin/python bench/content_round_trip.py [--keep DIR]

Two scratch sites (SQLite data folders, or set DATABASE_URL_A and DATABASE_URL_B to two empty
PostgreSQL databases, with NEWSREEL_SECRET_KEY) in a temporary folder: loads the demo into A, exports it, imports the
export into B, and prints what was exported and, for each step, wall time and the CPU time of
the `newsreel` process (the machine may be shared: CPU is the steadier figure). Prints figures;
asserts nothing (tests/exporters/test_content_round_trip.py checks the pages are the same).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def run(env: dict, *args: str) -> tuple[float, float, str]:
    """Run `newsreel ARGS`; (wall seconds, CPU seconds of the process, its output)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "newsreel.cli", *args], env=env, cwd=HERE,
                            capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"newsreel {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout.strip()


def site(folder: Path, database_url: str | None) -> dict:
    env = {**os.environ, "NEWSREEL_DATA_DIR": str(folder), "PYTHONPATH": str(HERE), "NEWSREEL_DEBUG": "false"}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--keep", type=Path, default=None, help="work in this folder and keep it (default: a temporary one)")
    options = parser.parse_args()
    scratch = options.keep or Path(tempfile.mkdtemp(prefix="newsreel-bench-content-"))
    scratch.mkdir(parents=True, exist_ok=True)
    a = site(scratch / "a", os.environ.get("DATABASE_URL_A"))
    b = site(scratch / "b", os.environ.get("DATABASE_URL_B"))
    for env in (a, b):
        run(env, "migrate")
        run(env, "collectstatic", "--noinput")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    wall, cpu, _ = run(a, "demo")
    print(f"demo into site A:   {wall:6.1f} s wall {cpu:6.1f} s CPU")
    export = scratch / "content"
    wall, cpu, out = run(a, "export", "content", str(export))
    counts = json.loads((export / "manifest.json").read_text(encoding="utf-8"))["counts"]
    print(f"export content:     {wall:6.1f} s wall {cpu:6.1f} s CPU  ({counts['stories']} stories, {counts['images']} images, "
          f"{counts['films']} films, {counts['people']} people, {counts['credits']} credits)")
    wall, cpu, out = run(b, "import", "content", str(export))
    print(f"import content:     {wall:6.1f} s wall {cpu:6.1f} s CPU  ({out})")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    if options.keep is None:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
