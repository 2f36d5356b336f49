"""Two app servers with the shared cache (NEWSREEL_CACHE_URL, Redis) see one set of desk sessions.

The cache holds the desk's sessions (Django's cached_db engine: read from the cache, written
through to the database). These specs start two `newsreel serve` processes against one
database and the Redis server at 127.0.0.1:6379 and show that a session one server writes is
read by the other from Redis, that a log-out on one ends it on both, and that a flushed cache
logs nobody out. Login throttling counts live in the database, so they too hold across servers.
"""

from __future__ import annotations

import secrets
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from tests.conftest import IN_CI

from .behind_proxy import SITE, Machine
from .processes import ON_POSTGRES, base_env, free_port, newsreel, scratch_postgres, serving_together

REDIS_URL = "redis://127.0.0.1:6379/0"
SESSION_PREFIX = ":1:django.contrib.sessions.cached_db"  # Django's cache key for a cached_db session
PASSWORD = "paper-orchard-" + secrets.token_hex(6)


@pytest.fixture
def redis_client():
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.ConnectionError as error:
        if IN_CI:
            pytest.fail(f"Redis is not reachable at {REDIS_URL} ({error}); CI runs it for the shared-cache specs")
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    yield client
    client.close()


@contextmanager
def one_database(tmp_path: Path) -> Iterator[tuple[dict[str, str], callable]]:
    """Settings every server shares, and a function that empties the sessions table directly."""
    shared = {"NEWSREEL_SECRET_KEY": secrets.token_urlsafe(50), "NEWSREEL_SITE_URL": f"https://{SITE}",
              "NEWSREEL_PROXY_SSL_HEADER": "X-Forwarded-Proto", "NEWSREEL_CACHE_URL": REDIS_URL}
    if ON_POSTGRES:
        import psycopg

        with scratch_postgres("cache") as database_url:
            def forget_sessions() -> None:
                with psycopg.connect(database_url, autocommit=True) as connection:
                    connection.execute("DELETE FROM django_session")
            yield {**shared, "DATABASE_URL": database_url}, forget_sessions
    else:  # the embedded default: both servers on one data folder's SQLite file
        data = tmp_path / "data"

        def forget_sessions() -> None:
            with sqlite3.connect(data / "newsreel.sqlite3") as connection:
                connection.execute("DELETE FROM django_session")
        yield {**shared, "NEWSREEL_DATA_DIR": str(data)}, forget_sessions


def test_two_servers_read_one_session_from_the_shared_cache_and_a_log_out_ends_it_on_both(tmp_path, redis_client):
    with one_database(tmp_path) as (shared, forget_sessions):
        env_a = base_env(tmp_path / "machine-a", **shared)
        env_b = base_env(tmp_path / "machine-b", **shared)
        for step in (("migrate",), ("createuser", "orchard-editor", "--role", "editor", "--password", PASSWORD)):
            done = newsreel(*step, env=env_a, timeout=600)  # a new database's migrations, on a shared machine
            assert done.returncode == 0, done.stderr
        port_a, port_b = free_port(), free_port()
        with serving_together((env_a, port_a), (env_b, port_b)):
            a, b = Machine(port_a), Machine(port_b)
            login = a.post_form("/desk/login/", {"username": "orchard-editor", "password": PASSWORD})
            assert login.status_code == 302, login.text[:500]
            session = a.cookies["sessionid"]
            assert redis_client.exists(SESSION_PREFIX + session), "A wrote no session into the shared cache"

            # With the database's copy gone, B still knows the editor: it read the session A put in Redis.
            forget_sessions()
            b.cookies.update(a.cookies)
            desk = b.get("/desk/")
            assert desk.status_code == 200 and "orchard-editor" in desk.text

            # A log-out on A ends the session on B at once (no server keeps a copy of its own).
            logged_out = a.post_form("/desk/logout/", {}, form_on="/desk/")
            assert logged_out.status_code == 302
            assert not redis_client.exists(SESSION_PREFIX + session)
            assert b.get("/desk/").status_code == 302

            # A flushed cache logs nobody out: the session was written through to the database.
            a.cookies.clear()
            again = a.post_form("/desk/login/", {"username": "orchard-editor", "password": PASSWORD})
            assert again.status_code == 302
            redis_client.delete(SESSION_PREFIX + a.cookies["sessionid"])
            b.cookies.update(a.cookies)
            assert b.get("/desk/").status_code == 200


def test_failed_log_ins_on_one_server_lock_the_account_on_the_other(tmp_path, redis_client):
    with one_database(tmp_path) as (shared, _forget_sessions):
        env_a = base_env(tmp_path / "machine-a", **shared)
        env_b = base_env(tmp_path / "machine-b", **shared)
        for step in (("migrate",), ("createuser", "orchard-editor", "--role", "editor", "--password", PASSWORD)):
            done = newsreel(*step, env=env_a, timeout=600)  # a new database's migrations, on a shared machine
            assert done.returncode == 0, done.stderr
        port_a, port_b = free_port(), free_port()
        with serving_together((env_a, port_a), (env_b, port_b)):
            a, b = Machine(port_a), Machine(port_b)
            for _ in range(5):
                a.cookies.clear()
                a.post_form("/desk/login/", {"username": "orchard-editor", "password": "not-the-password"})
            locked = b.post_form("/desk/login/", {"username": "orchard-editor", "password": PASSWORD})
            assert locked.status_code == 429 and "logging in is paused" in locked.text
