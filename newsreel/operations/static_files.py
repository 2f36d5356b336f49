"""Collecting static files safely when several processes share one data folder.

Two `newsreel serve` processes on one machine (or a serve and a publish) start at once on the
same STATIC_ROOT; collectstatic deletes and rewrites hashed files as it goes, so two at once
fail with "No such file or directory" on each other's half-written files. One lock file beside
the static folder makes them take turns.
"""

from __future__ import annotations

import fcntl
from pathlib import Path

from django.conf import settings
from django.core.management import call_command


def collect_static_files(*, only_if_missing: bool = False) -> None:
    """Run collectstatic under the data folder's lock; with `only_if_missing`, only when no
    manifest exists yet (checked again once the lock is held)."""
    static_root = Path(settings.STATIC_ROOT)
    manifest = static_root / "staticfiles.json"
    if only_if_missing and manifest.exists():
        return
    static_root.parent.mkdir(parents=True, exist_ok=True)
    with open(static_root.parent / "static.collect-lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            if only_if_missing and manifest.exists():  # another process collected while we waited
                return
            call_command("collectstatic", interactive=False, verbosity=0)
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
