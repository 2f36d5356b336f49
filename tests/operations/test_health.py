"""/healthz and /readyz: what a load balancer asks, answered before the host check and redirect."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import connection

from newsreel.operations import schema

pytestmark = pytest.mark.django_db


def test_healthz_answers_without_the_database(client):
    with mock.patch.object(connection, "cursor", side_effect=AssertionError("healthz touched the database")):
        response = client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert response.headers["Cache-Control"] == "no-store"


def test_readyz_reports_each_check(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok", "storage": "ok"}


def test_readyz_fails_while_a_migration_is_pending(client):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = 'newsroom' AND name = '0001_initial'")
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "pending: run `newsreel migrate`"


def test_readyz_fails_when_media_storage_refuses_writes(client):
    with mock.patch("newsreel.operations.health.default_storage.save", side_effect=PermissionError("read-only")):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["storage"] == "not writable: PermissionError" and response.json()["database"] == "ok"


def test_readyz_fails_without_a_database_and_never_answers_500(client):
    with mock.patch("newsreel.operations.health._check_database", return_value="unreachable: OperationalError"):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["migrations"] == "not checked: no database"


def test_health_checks_answer_any_host_and_plain_http_behind_an_https_site(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    for path in ("/healthz", "/readyz"):
        response = client.get(path, HTTP_HOST="10.0.0.11:8000")
        assert response.status_code == 200, path
    assert client.get("/", HTTP_HOST="10.0.0.11:8000").status_code == 400, "other paths keep the host check"


def test_health_checks_refuse_other_methods(client):
    response = client.post("/readyz")
    assert response.status_code == 405 and response.headers["Allow"] == "GET, HEAD"


def test_schema_is_current_compares_the_code_with_the_migration_table():
    assert schema.schema_is_current(connection)
    assert schema.pending_migrations(connection) == []
