"""`newsreel api-key` and `newsreel webhook`: keys printed once and usable, clear refusals."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from newsreel.api.models import ApiKey, WebhookEndpoint

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_api_key_create_prints_a_working_key_once(client, story):
    printed = run("api_key", "create", "Homepage widget", "--origin", "https://widget.example")
    token = printed.strip().splitlines()[-1]
    assert token.startswith("nr_content_")
    assert client.get("/api/content/stories", {"key": token}).status_code == 200
    listed = run("api_key", "list")
    assert "Homepage widget" in listed and token.split("_", 3)[3] not in listed


def test_an_admin_key_needs_a_desk_account(editor):
    with pytest.raises(CommandError, match="--user"):
        run("api_key", "create", "Tool", "--kind", "admin", "--user", "nobody-here")
    with pytest.raises(CommandError, match="acts as a person"):
        run("api_key", "create", "Tool", "--kind", "admin")
    printed = run("api_key", "create", "Tool", "--kind", "admin", "--user", editor.username, "--scope", "stories:write")
    assert printed.strip().splitlines()[-1].startswith("nr_admin_")
    assert ApiKey.objects.get(kind="admin").scopes == ["stories:write"]


def test_api_key_revoke(story):
    run("api_key", "create", "Short-lived")
    key = ApiKey.objects.get()
    assert "revoked" in run("api_key", "revoke", key.public_id)
    with pytest.raises(CommandError, match="no active key"):
        run("api_key", "revoke", key.public_id)


def test_webhook_add_list_and_deliveries(db):
    printed = run("webhook", "add", "https://hooks.example/newsreel", "--event", "story.published")
    assert "whsec_" in printed
    assert "story.published" in run("webhook", "list")
    with pytest.raises(CommandError, match="http"):
        run("webhook", "add", "not a url")
    with pytest.raises(CommandError, match="no delivery"):
        run("webhook", "redeliver", "999")
    endpoint = WebhookEndpoint.objects.get()
    assert "removed" in run("webhook", "remove", str(endpoint.pk))
