"""`newsreel serve` starts a server that answers readers, and stops when told."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, deadline: float):
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.headers, response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_serve_answers_on_its_port_and_stops_by_its_pid(tmp_path):
    port = _free_port()
    # Its own SQLite data folder: the server must never touch the test database.
    env = {**os.environ, "NEWSREEL_DATA_DIR": str(tmp_path), "DATABASE_URL": "", "NEWSREEL_SITE_URL": f"http://127.0.0.1:{port}"}
    server = subprocess.Popen(
        [sys.executable, "-m", "newsreel.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        status, headers, body = _get(f"http://127.0.0.1:{port}/robots.txt", time.monotonic() + 90)
        assert status == 200 and headers["Content-Type"].startswith("text/plain")
        assert b"Sitemap: http://127.0.0.1:" in body
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            output = server.communicate(timeout=30)[0].decode()
        except subprocess.TimeoutExpired:
            server.kill()
            output = server.communicate()[0].decode()
    assert f"on http://127.0.0.1:{port} with 1 granian worker(s)" in output
    assert server.returncode is not None


@pytest.mark.parametrize(("args", "message"), [(["--port", "70000"], "not a TCP port"), (["--workers", "0"], "at least 1")])
def test_serve_refuses_a_bad_port_or_worker_count(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("serve", *args)
