"""The worker `newsreel serve` runs beside the web server, so the embedded default needs no
second command (NEWSREEL_EMBEDDED_WORKER turns it off, e.g. where a separate service runs
`newsreel worker`)."""

from __future__ import annotations

import os
import subprocess
import sys

from django.conf import settings


def start_embedded_worker() -> subprocess.Popen | None:
    """Start `newsreel worker` as a child process that stops when this process is gone
    (serve then becomes granian by exec, keeping its pid); None when the setting is off."""
    if not settings.EMBEDDED_WORKER:
        return None
    return subprocess.Popen(
        [sys.executable, "-m", "newsreel.cli", "worker", "--stop-with", str(os.getpid())],
        stdin=subprocess.DEVNULL,
    )
