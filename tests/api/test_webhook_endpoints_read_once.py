"""An import's chunk reads the enabled webhook endpoints once (`events.endpoints_read_once`), not once per story."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsreel.api.models import WebhookDelivery, WebhookEndpoint
from newsreel.api.webhooks import signing
from newsreel.api.webhooks.events import emit, endpoints_read_once

pytestmark = pytest.mark.django_db


def endpoint_reads(queries: CaptureQueriesContext) -> int:
    return sum('FROM "api_webhookendpoint"' in query["sql"] for query in queries.captured_queries)


def test_inside_the_block_the_endpoints_are_read_once_and_each_still_gets_what_it_asked_for():
    everything = WebhookEndpoint.objects.create(url="https://a.example.org/hook", events=[], secret=signing.new_secret())
    takedowns = WebhookEndpoint.objects.create(url="https://b.example.org/hook", events=["story.unpublished"],
                                               secret=signing.new_secret())
    WebhookEndpoint.objects.create(url="https://c.example.org/hook", events=[], enabled=False, secret=signing.new_secret())
    with CaptureQueriesContext(connection) as queries, endpoints_read_once():
        assert emit("story.published", {"id": 1}) == 1
        assert emit("story.unpublished", {"id": 1}) == 2
        with endpoints_read_once():  # nested: the same reading
            assert emit("story.published", {"id": 2}) == 1
    assert endpoint_reads(queries) == 1
    assert sorted(WebhookDelivery.objects.values_list("endpoint_id", "event")) == sorted([
        (everything.pk, "story.published"), (everything.pk, "story.unpublished"), (takedowns.pk, "story.unpublished"),
        (everything.pk, "story.published")])
    with CaptureQueriesContext(connection) as queries:  # outside it, every event reads them
        emit("story.published", {"id": 3})
        emit("story.published", {"id": 4})
    assert endpoint_reads(queries) == 2
