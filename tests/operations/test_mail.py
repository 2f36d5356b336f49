"""With no SMTP server set, the desk's e-mails are written to the log (standard error), never
to standard output between the access log's lines; with NEWSREEL_LOG_FORMAT=json each one is a
single JSON object a log collector can read."""

from __future__ import annotations

import json

import pytest

from .processes import ON_POSTGRES, base_env, newsreel

SEND = ("from django.core.mail import send_mail; "
        "send_mail('Approved: Harbor Lights wraps', 'It is live now.\\nSecond line of the body.', "
        "'desk@newsroom.example', ['carla@newsroom.example'])")

pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="a process on the embedded default; nothing database-specific")


def test_with_json_logs_an_email_is_one_json_line_on_standard_error_and_standard_output_stays_empty(tmp_path):
    result = newsreel("shell", "--no-imports", "-c", SEND, env=base_env(tmp_path / "site", NEWSREEL_LOG_FORMAT="json"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    entries = [json.loads(line) for line in result.stderr.splitlines() if line.strip()]  # every line parses
    mails = [entry for entry in entries if entry["logger"] == "newsreel.mail"]
    assert len(mails) == 1
    assert mails[0]["mail_to"] == ["carla@newsroom.example"]
    assert mails[0]["mail_subject"] == "Approved: Harbor Lights wraps"
    assert "Subject: Approved: Harbor Lights wraps" in mails[0]["message"]
    assert "It is live now.\nSecond line of the body." in mails[0]["message"]


def test_with_text_logs_an_email_is_printed_whole_on_standard_error(tmp_path):
    result = newsreel("shell", "--no-imports", "-c", SEND, env=base_env(tmp_path / "site"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "Subject: Approved: Harbor Lights wraps" in result.stderr
    assert "To: carla@newsroom.example" in result.stderr
    assert "It is live now.\nSecond line of the body." in result.stderr
