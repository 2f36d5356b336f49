"""The pages readers meet most are valid HTML, as the Nu HTML Checker (the W3C's validator,
vnu.jar from the npm package `vnu-jar`, run with Java) judges them: home, an article with a
hero photo, a figure and a spoiler block, a film page and search results."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import IN_CI
from tests.public.quality_site import PAGE_NAMES, publish_quality_site

pytestmark = pytest.mark.django_db

VNU = Path(__file__).resolve().parents[2] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def validator() -> list[str]:
    java = shutil.which("java")
    missing = [] if java else ["java (apt-get install default-jre-headless)"]
    if not VNU.exists():
        missing.append(f"the Nu HTML Checker at {VNU} (run `make test` or `npm ci`)")
    if missing:
        message = "cannot validate HTML: missing " + " and ".join(missing)
        if IN_CI:
            pytest.fail(message + "; CI=true: a missing validator fails the run", pytrace=False)
        pytest.skip(message)
    return [java, "-Xss8m", "-jar", str(VNU), "--format", "json", "--stdout", "-"]


def validation_errors(validator: list[str], html: bytes) -> list[str]:
    """Every error the checker reports, as "line N: message (extract)"."""
    checked = subprocess.run(validator, input=html, capture_output=True, timeout=120)
    report = json.loads(checked.stdout or b"{}")
    if "messages" not in report:
        raise AssertionError(f"the validator did not run: {checked.stderr.decode(errors='replace')[:500]}")
    return [f"line {message.get('lastLine', '?')}: {message['message']} ({message.get('extract', '').strip()})"
            for message in report["messages"] if message.get("type") in {"error", "non-document-error"}
            or message.get("subType") == "fatal"]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_the_page_has_no_html_error(client, validator, name):
    path = getattr(publish_quality_site(), name)
    response = client.get(path)
    assert response.status_code == 200
    assert validation_errors(validator, response.content) == []


def test_the_checker_really_reports_errors(validator):
    """The spec above could not pass by accident: a broken page is caught."""
    broken = b"<!doctype html><html lang=en><title>x</title><p><div>open</p></span>"
    assert validation_errors(validator, broken)
