"""`newsreel serve` runs a worker beside the web server, and the worker stops with it."""

import os
import signal
import socket
import subprocess
import sys
import time

import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as handle:
            return [int(child) for child in handle.read().split()]
    except FileNotFoundError:
        return []


def _command_line(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            return handle.read().replace(b"\0", b" ").decode()
    except FileNotFoundError:
        return ""


@pytest.mark.skipif(not os.path.exists("/proc/self/task"), reason="reads the process tree from /proc (Linux)")
def test_serve_starts_a_worker_that_stops_when_the_server_does(tmp_path):
    port = _free_port()
    env = {**os.environ, "NEWSREEL_DATA_DIR": str(tmp_path), "DATABASE_URL": "",
           "NEWSREEL_SITE_URL": f"http://127.0.0.1:{port}"}
    server = subprocess.Popen(
        [sys.executable, "-m", "newsreel.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = None
    try:
        deadline = time.monotonic() + 90
        while worker is None and time.monotonic() < deadline:
            worker = next((pid for pid in _children(server.pid) if " worker --stop-with " in _command_line(pid)), None)
            time.sleep(0.2)
        assert worker is not None, "serve started no worker"
        # Stop a server that is serving, as an operator would: a SIGTERM that lands while
        # serve is still exec'ing granian tests granian's start-up, not the worker.
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.2)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
    deadline = time.monotonic() + 15
    while worker and os.path.exists(f"/proc/{worker}") and "worker" in _command_line(worker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not ("worker" in _command_line(worker)), "the worker outlived the server"
