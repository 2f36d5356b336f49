"""Several writers at once: real `newsreel publish` processes and a real `newsreel serve`.

Each spec runs against a scratch site of its own: a data folder with its own SQLite file
when the suite runs on SQLite, a scratch PostgreSQL database beside the test database when
it runs on PostgreSQL. Counts are small; every process has a time limit.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 4
FILES = 2


@pytest.fixture
def scratch_site(tmp_path, django_db_blocker):
    """Environment for `newsreel` processes working on an empty, migrated site of their own."""
    env = {**os.environ, "NEWSREEL_DATA_DIR": str(tmp_path / "data"), "NEWSREEL_DEBUG": "false",
           "NEWSREEL_SITE_URL": "http://127.0.0.1:8000", "PYTHONPATH": str(ROOT)}
    env.pop("DATABASE_URL", None)
    name = None
    with django_db_blocker.unblock():
        vendor = connection.vendor
        if vendor == "postgresql":
            name = f"newsreel_scratch_{os.getpid()}"
            settings = connection.settings_dict
            with connection._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {name}")
                cursor.execute(f"CREATE DATABASE {name}")
            host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
            env["DATABASE_URL"] = f"postgres://{settings['USER'] or 'postgres'}@{host}:{port}/{name}"
    try:
        newsreel(env, "migrate", timeout=180)
        newsreel(env, "collectstatic", "--noinput", timeout=120)
        yield env
    finally:
        if name:
            with django_db_blocker.unblock(), connection._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def newsreel(env: dict, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "newsreel.cli", *args], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr[-2000:]
    return result


def story(folder: Path, slug: str, title: str) -> Path:
    path = folder / f"{slug}.md"
    path.write_text(f"---\ntitle: {title}\nslug: {slug}\nsection: news\ntags: [Festivals]\n"
                    f"authors: [Desk Writer]\n---\n\nA screening at the invented harbour cinema.\n", encoding="utf-8")
    return path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_loop(base: str, stop: threading.Event, statuses: Counter) -> None:
    paths = ["/", "/sections/news/", "/tags/festivals/", "/feed.xml", "/sitemap.xml", "/archive/",
             *(f"/articles/writer-{w}-story-{n}/" for w in range(WRITERS) for n in range(FILES))]
    while not stop.is_set():
        for path in paths:
            try:
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    response.read()
                    statuses[response.status] += 1
            except urllib.error.HTTPError as error:
                statuses[error.code] += 1
            except OSError:
                statuses["dropped"] += 1


def test_four_publish_processes_at_once_lose_nothing_and_readers_see_no_server_error(scratch_site, tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "newsreel.cli", "serve", "--port", str(port), "--workers", "1"],
                              env=scratch_site, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    statuses: Counter = Counter()
    stop = threading.Event()
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/", timeout=5).read()
                break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "newsreel serve did not start"
                time.sleep(0.3)
        readers = [threading.Thread(target=read_loop, args=(base, stop, statuses)) for _ in range(2)]
        for reader in readers:
            reader.start()
        batches = [[str(story(tmp_path, f"writer-{w}-story-{n}", f"Writer {w} story {n}")) for n in range(FILES)]
                   for w in range(WRITERS)]
        writers = [subprocess.Popen([sys.executable, "-m", "newsreel.cli", "publish", *batch], env=scratch_site,
                                    cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                   for batch in batches]
        results = [writer.communicate(timeout=240) for writer in writers]
        stop.set()
        for reader in readers:
            reader.join(timeout=60)
        for writer, (out, err) in zip(writers, results):
            assert writer.returncode == 0, err[-2000:]
            assert len(out.split()) == FILES
        for w in range(WRITERS):
            for n in range(FILES):
                with urllib.request.urlopen(f"{base}/articles/writer-{w}-story-{n}/", timeout=30) as response:
                    assert f"Writer {w} story {n}" in response.read().decode()
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
    assert sum(statuses.values()) > 0
    assert not [status for status in statuses if status == "dropped" or status >= 500], statuses


@pytest.mark.skipif(connection.vendor != "sqlite", reason="holds SQLite's one write lock from outside")
def test_a_publish_that_never_gets_the_write_lock_names_its_file_and_writes_nothing(scratch_site, tmp_path):
    first, second = story(tmp_path, "first-story", "First story"), story(tmp_path, "second-story", "Second story")
    holder = sqlite3.connect(Path(scratch_site["NEWSREEL_DATA_DIR"]) / "newsreel.sqlite3", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer that keeps the lock
    try:
        result = subprocess.run([sys.executable, "-m", "newsreel.cli", "publish", str(first), str(second)],
                                env={**scratch_site, "NEWSREEL_WRITE_WAIT": "1"}, cwd=ROOT,
                                capture_output=True, text=True, timeout=120)
    finally:
        holder.execute("ROLLBACK")
    assert result.returncode == 1
    assert f"{first}: not published: the database stayed busy with other writers" in result.stderr
    assert f"{second}: not published:" in result.stderr
    assert "NEWSREEL_WRITE_WAIT" in result.stderr
    assert "Traceback" not in result.stderr
    count = holder.execute("SELECT COUNT(*) FROM newsroom_article").fetchone()[0]
    holder.close()
    assert count == 0
