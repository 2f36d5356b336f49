"""Servers the operations specs start: each on a free port of 127.0.0.1, stopped by its pid."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

NEWSREEL = [sys.executable, "-m", "newsreel.cli"]
POSTGRES_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = POSTGRES_URL.startswith("postgres")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def newsreel(*args: str, env: dict[str, str], timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([*NEWSREEL, *args], env=env, capture_output=True, text=True, timeout=timeout)


def wait_for(url: str, process: subprocess.Popen, seconds: float = 60, headers: dict | None = None) -> None:
    """Until `url` answers 200; fail with the server's output if it exits first."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stdout.read() if process.stdout else "(see its log file)"
            raise AssertionError(f"server exited with {process.returncode} before {url} answered:\n{output}")
        try:
            with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5) as answer:
                if answer.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the pid (granian stops its workers), SIGKILL to the group if it lingers."""
    if process.poll() is None:
        os.kill(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
    if process.stdout:
        process.stdout.close()


@contextmanager
def serving(env: dict[str, str], port: int, *extra: str, log: Path | None = None) -> Iterator[subprocess.Popen]:
    """`newsreel serve` with one worker on 127.0.0.1:port, up once /healthz answers.

    Its output goes to `log` when given (read it after the block), else to a pipe."""
    output = open(log, "w") if log else subprocess.PIPE
    process = subprocess.Popen([*NEWSREEL, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
                                *extra], env=env, stdout=output, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    if log:
        output.close()
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz", process)
        yield process
    finally:
        stop(process)


@contextmanager
def serving_together(*machines: tuple[dict[str, str], int]) -> Iterator[list[subprocess.Popen]]:
    """Several `newsreel serve` (env, port) started at once, each up once its /healthz answers."""
    processes = [subprocess.Popen([*NEWSREEL, "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  start_new_session=True) for env, port in machines]
    try:
        for process, (_env, port) in zip(processes, machines):
            wait_for(f"http://127.0.0.1:{port}/healthz", process)
        yield processes
    finally:
        for process in processes:
            stop(process)


@contextmanager
def s3_server() -> Iterator[str]:
    """moto in server mode on a free port: an S3-compatible endpoint URL for the test's own buckets."""
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    endpoint = f"http://127.0.0.1:{port}"
    try:
        wait_for(endpoint + "/moto-api/", process)
        yield endpoint
    finally:
        stop(process)


@contextmanager
def scratch_postgres(name: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server of DATABASE_URL; dropped afterwards."""
    import psycopg
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(POSTGRES_URL)
    admin = urlunsplit(parts._replace(path="/postgres"))
    database = f"{parts.path.lstrip('/') or 'newsreel'}_{name}_{os.getpid()}"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
        connection.execute(f'CREATE DATABASE "{database}"')
    try:
        yield urlunsplit(parts._replace(path="/" + database))
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def base_env(data_dir: Path, **settings: str) -> dict[str, str]:
    # The browser fixture sets DJANGO_ALLOW_ASYNC_UNSAFE in this process; a server of ours never has it.
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("NEWSREEL_", "DATABASE_URL")) and key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update({"NEWSREEL_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "newsreel.settings"}, **settings)
    return env
