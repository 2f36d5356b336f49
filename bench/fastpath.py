#!/usr/bin/env python3
"""CPU time of one stored-page answer through the WSGI fast path, and through Django.

No server and no network: the WSGI applications are called in this process, so the figure
is the per-request work of Newsreel's Python code (one indexed query included), measured
as process CPU time, which a busy machine disturbs far less than wall-clock time. Builds a
scratch SQLite data folder with one 60 kB stored article page and times, for each of
`--rounds` rounds of `--requests` calls, a plain GET (200), a revalidation with
If-None-Match (304) and a HEAD; prints the median microseconds per request.

    .venv/bin/python bench/fastpath.py [--requests 5000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATH = "/articles/a-stored-story/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsreel-bench-fastpath-") as scratch:
        os.environ.update(NEWSREEL_DATA_DIR=scratch, NEWSREEL_DEBUG="false", NEWSREEL_SITE_URL="http://127.0.0.1:8000")
        os.environ.pop("DATABASE_URL", None)
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreel.settings")
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
        from django.core.wsgi import get_wsgi_application

        from newsreel.public.fastpath import StoredPageFastPath
        from newsreel.public.store import store_page

        page = store_page(PATH, b"<!doctype html><title>A stored story</title>" + b"<p>Words.</p>" * 4600, "article")
        django_app = get_wsgi_application()
        fast = StoredPageFastPath(django_app)
        cases = {"GET 200": {}, "If-None-Match 304": {"HTTP_IF_NONE_MATCH": page.etag}, "HEAD 200": {"method": "HEAD"}}
        print(f"{'case':<20} {'fast path µs':>13} {'Django µs':>10}")
        for name, case in cases.items():
            figures = [median_us(app, case, args) for app in (fast, django_app)]
            print(f"{name:<20} {figures[0]:>13.1f} {figures[1]:>10.1f}")


def median_us(app, case: dict, args: argparse.Namespace) -> float:
    method = case.get("method", "GET")
    headers = {key: value for key, value in case.items() if key != "method"}
    rounds = []
    for _ in range(args.rounds):
        started = time.process_time()
        for _ in range(args.requests):
            call(app, method, headers)
        rounds.append((time.process_time() - started) / args.requests * 1e6)
    return statistics.median(rounds)


def call(app, method: str, headers: dict) -> None:
    environ = {
        "REQUEST_METHOD": method, "PATH_INFO": PATH, "QUERY_STRING": "", "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""), "wsgi.errors": sys.stderr, "HTTP_HOST": "127.0.0.1:8000", **headers,
    }
    status = []
    chunks = app(environ, lambda line, response_headers, exc_info=None: status.append(line))
    b"".join(chunks)
    if hasattr(chunks, "close"):
        chunks.close()
    assert status[0][:3] in ("200", "304"), status


if __name__ == "__main__":
    main()
