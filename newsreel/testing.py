"""pytest plugin loaded before Django (see `addopts` in pyproject.toml): a test run never
touches the developer's ./var, because the data folder is chosen before settings load, and
a PostgreSQL run (DATABASE_URL set, which requires a shared secret key) has a key of its own."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("NEWSREEL_DATA_DIR", tempfile.mkdtemp(prefix="newsreel-test-"))
os.environ.setdefault("NEWSREEL_SECRET_KEY", "test-only-" + "k3y-" * 12 + "not-for-any-real-site")
