"""`newsreel migrate` is one step that several machines may run at once; `serve` starts only on
a current schema and a free port."""

from __future__ import annotations

import fcntl
import json
import sqlite3
import subprocess
import time
import urllib.request

import psycopg
import pytest

from newsreel.operations.schema import ADVISORY_LOCK_KEY

from .processes import NEWSREEL, ON_POSTGRES, base_env, free_port, newsreel, scratch_postgres, serving

KEY = "spec-" + "migrate-lock-" * 5


def start_migrate(env: dict) -> subprocess.Popen:
    return subprocess.Popen([*NEWSREEL, "migrate"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_line(stream, text: str, seconds: float = 180) -> str:
    deadline = time.monotonic() + seconds
    seen = ""
    while time.monotonic() < deadline:
        line = stream.readline()
        seen += line
        if text in line:
            return seen
        if not line:
            time.sleep(0.1)
    raise AssertionError(f"{text!r} never came; saw {seen!r}")


def tables(env: dict) -> set[str]:
    with sqlite3.connect(f"{env['NEWSREEL_DATA_DIR']}/newsreel.sqlite3") as connection:
        return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


@pytest.mark.skipif(ON_POSTGRES, reason="the embedded SQLite default (the PostgreSQL pass has its own spec)")
class TestOnSQLite:
    def test_two_migrations_at_once_on_a_new_data_folder_both_succeed(self, tmp_path):
        env = base_env(tmp_path / "site")
        runs = [start_migrate(env) for _ in range(2)]
        for run in runs:
            _out, err = run.communicate(timeout=300)
            assert run.returncode == 0, err
        assert {"newsroom_article", "public_storedpage", "django_session"} <= tables(env)

    def test_migrate_waits_for_the_lock_another_process_holds(self, tmp_path):
        env = base_env(tmp_path / "site")
        assert newsreel("check", env=env).returncode == 0  # makes the data folder
        with open(tmp_path / "site" / "newsreel.sqlite3.migrate-lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            run = start_migrate(env)
            wait_for_line(run.stderr, "another process is migrating this database")
            assert run.poll() is None, "migrate went on while another held the lock"
            fcntl.flock(lock, fcntl.LOCK_UN)
        _out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        assert "newsroom_article" in tables(env)

    def test_serve_refuses_a_port_another_server_holds_and_logs_requests_as_json(self, tmp_path):
        env = base_env(tmp_path / "site", NEWSREEL_ACCESS_LOG="true", NEWSREEL_LOG_FORMAT="json")
        port = free_port()
        log = tmp_path / "serve.log"
        with serving(env, port, log=log):
            urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz?probe=1", timeout=10).close()
            second = newsreel("serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1", env=env)
        assert second.returncode != 0
        assert f"port {port} on 127.0.0.1 is already in use" in second.stderr and "--port" in second.stderr
        assert "Traceback" not in second.stderr
        entries = [json.loads(line) for line in log.read_text().splitlines() if line.startswith("{")]
        requests = [entry for entry in entries if entry.get("logger") == "granian.access"]
        assert {"method": "GET", "path": "/readyz", "query_string": "probe=1", "status": 200}.items() <= next(
            entry for entry in requests if entry["path"] == "/readyz").items()


@pytest.mark.skipif(not ON_POSTGRES, reason="a shared PostgreSQL database: runs in the PostgreSQL pass")
class TestOnPostgreSQL:
    def test_migrate_holds_the_advisory_lock_and_two_at_once_both_succeed(self, tmp_path):
        with scratch_postgres("migrate") as database_url:
            env = base_env(tmp_path / "site", DATABASE_URL=database_url, NEWSREEL_SECRET_KEY=KEY)
            with psycopg.connect(database_url, autocommit=True) as holder:
                holder.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
                runs = [start_migrate(env) for _ in range(2)]
                for run in runs:
                    wait_for_line(run.stderr, "another process is migrating this database")
                assert all(run.poll() is None for run in runs), "migrate went on while another held the lock"
                holder.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
            for run in runs:
                _out, err = run.communicate(timeout=300)
                assert run.returncode == 0, err
            assert newsreel("migrate", "--check", env=env).returncode == 0, "nothing is left to apply"

    def test_serve_and_other_commands_refuse_a_database_with_pending_migrations(self, tmp_path):
        with scratch_postgres("pending") as database_url:
            env = base_env(tmp_path / "site", DATABASE_URL=database_url, NEWSREEL_SECRET_KEY=KEY)
            for command in (["serve", "--port", str(free_port())], ["render-pages"]):
                result = newsreel(*command, env=env)
                assert result.returncode == 2, result.stderr
                assert "the database schema is behind this version of Newsreel" in result.stderr
                assert "Run `newsreel migrate`" in result.stderr and "Traceback" not in result.stderr
            with psycopg.connect(database_url) as connection:
                assert connection.execute("SELECT to_regclass('newsroom_article')").fetchone()[0] is None
