"""Schemathesis drives every operation of /api/openapi.json, with valid and invalid input,
through the WSGI application in this process: no answer is a server error, and every
answer matches its documented status, media type and schema.

The keys are real (a content key, and an admin key acting as an editor), so the fuzzing
reaches past authentication into the intake, the publishing services and the queries.
"""

from __future__ import annotations

import dataclasses

import pytest
import schemathesis
from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings

from newsreel.api.keys import create_key
from newsreel.wsgi import application

KEYS: dict[str, str] = {}
# Input the schema allows can still be refused with 422 for what only the server knows (a
# section that does not exist, a cursor this API never gave out, a slug another story has):
# that is an answer the operations document, not a failure. Every other check runs as shipped.
CONFIG = schemathesis.config.SchemathesisConfig.from_dict({
    "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", "3xx", 401, 403, 404, 409, 422, 429]}},
})
# Examples per operation (valid and invalid input): enough to reach every validation branch.
EXAMPLES = 40


@pytest.fixture
def api_schema(graph, editor, story, monkeypatch):
    # Hypothesis makes hundreds of requests a minute with one key; the limit has its own spec.
    monkeypatch.setattr(settings, "CONFIG", dataclasses.replace(settings.CONFIG, api_rate_limit=10**9))
    KEYS["content"] = create_key("Fuzz", "content", origins=["*"]).token
    KEYS["admin"] = create_key("Fuzz", "admin", user=editor).token
    # As Django's test client does: the WSGI handler closes the connection after each request,
    # which would end the test's transaction (and lose the keys) on PostgreSQL.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/openapi.json", application, config=CONFIG)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _with_keys(case) -> None:
    """Both keys on every request: the Content API reads `key`, the Admin API the header."""
    case.query = {**(case.query or {}), "key": KEYS["content"]}
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {KEYS['admin']}"}


def test_every_operation_answers_as_documented_and_never_with_a_server_error(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 15, [operation.label for operation in operations]
    failures: list[str] = []
    for operation in operations:
        @given(case=operation.as_strategy())
        @hypothesis_settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                             suppress_health_check=list(HealthCheck))
        def check(case) -> None:
            _with_keys(case)
            response = case.call()
            assert response.status_code < 500, f"{response.status_code} {response.text[:300]}"
            case.validate_response(response)
        try:
            check()
        except Exception as failure:  # every operation is tried; all failures are reported together
            failures.append(f"{operation.label}: {str(failure)[:1500]}")
    assert not failures, "\n\n".join(failures)
