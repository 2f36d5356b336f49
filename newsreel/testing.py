"""pytest plugin loaded before Django (see `addopts` in pyproject.toml): a test run never
touches the developer's ./var, because the data folder is chosen before settings load."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("NEWSREEL_DATA_DIR", tempfile.mkdtemp(prefix="newsreel-test-"))
