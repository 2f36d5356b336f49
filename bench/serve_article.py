#!/usr/bin/env python3
"""Article-page requests per second under load, served by `newsreel serve` (granian).

Sets up a scratch newsroom with the demo content in a temporary data folder, starts the
production server on 127.0.0.1, and drives it with wrk (2 threads, 32 connections, and
1 connection for latency), then prints the figures. Nothing outside loopback is touched.

    .venv/bin/python bench/serve_article.py [--duration 10s] [--workers 2] [--port 8123]

wrk comes from Debian (`apt-get install wrk`); without it this script says so and stops.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSREEL = [sys.executable, "-m", "newsreel.cli"]


def wait_for(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {url}")


def run_wrk(url: str, threads: int, connections: int, duration: str) -> dict:
    output = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}", "--latency", url],
        capture_output=True, text=True, check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"connections": connections, "requests_per_second": rps, "latency": latency,
            "non_2xx": int(errors.group(1)) if errors else 0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", default="10s")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument("--keep", action="store_true", help="keep the scratch data folder")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: apt-get install wrk")

    data_dir = Path(tempfile.mkdtemp(prefix="newsreel-bench-"))
    env = {**os.environ, "NEWSREEL_DATA_DIR": str(data_dir), "NEWSREEL_DEBUG": "false",
           "NEWSREEL_SITE_URL": f"http://127.0.0.1:{args.port}"}
    env.pop("DATABASE_URL", None)
    subprocess.run([*NEWSREEL, "demo"], env=env, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
    with sqlite3.connect(data_dir / "newsreel.sqlite3") as db:
        (path,) = db.execute("SELECT path FROM public_storedpage WHERE kind = 'article' ORDER BY path LIMIT 1").fetchone()
    server = subprocess.Popen(
        [*NEWSREEL, "serve", "--host", "127.0.0.1", "--port", str(args.port), "--workers", str(args.workers)],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )
    url = f"http://127.0.0.1:{args.port}{path}"
    try:
        wait_for(url, server)
        run_wrk(url, 2, 32, "2s")  # warm-up, not recorded
        results = {
            "url_path": path,
            "server": f"newsreel serve (granian, {args.workers} workers)",
            "python": sys.version.split()[0],
            "load": run_wrk(url, 2, 32, args.duration),
            "single": run_wrk(url, 1, 1, args.duration),
        }
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        if not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)
    print(json.dumps(results, indent=2))
    print(f"article page: {results['load']['requests_per_second']:.0f} req/s at 32 connections, "
          f"{results['single']['requests_per_second']:.0f} req/s at 1 connection "
          f"(p50 {results['single']['latency'].get('50')})")


if __name__ == "__main__":
    main()
