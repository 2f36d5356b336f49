"""The writing editor's bundle (newsreel/desk/static/desk/editor.js) is committed, so `make run`
needs no Node. It must be exactly what its sources build: after changing
newsreel/desk/editor_src/ or package-lock.json, run `npm run build:editor` and commit both."""

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "newsreel" / "desk" / "static" / "desk" / "editor.js"


def test_the_committed_editor_bundle_is_what_its_sources_build(tmp_path):
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "esbuild").exists():
        message = "node and node_modules/esbuild are needed to rebuild the editor (npm ci)"
        if IN_CI:
            pytest.fail(message + "; CI=true: a missing build tool fails the run", pytrace=False)
        pytest.skip(message)
    built = tmp_path / "editor.js"
    subprocess.run([node, "tools/build_editor.mjs", "--outfile", str(built)], cwd=ROOT, check=True, timeout=120)
    assert built.read_bytes() == BUNDLE.read_bytes(), (
        "newsreel/desk/static/desk/editor.js is stale: run `npm run build:editor` and commit it")


def test_the_bundle_loads_nothing_from_another_host():
    text = BUNDLE.read_text(encoding="utf-8")
    assert "cdn." not in text and "unpkg" not in text and "jsdelivr" not in text
