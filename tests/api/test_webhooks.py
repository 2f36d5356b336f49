"""Webhooks: each event reaches a real HTTP server this spec starts, signed so that an
independent Standard Webhooks library accepts it; failures are retried with backoff by the
worker, logged, redelivered on request, and an endpoint that keeps failing is disabled."""

from __future__ import annotations

import dataclasses
import datetime as dt
import http.server
import json
import threading

import pytest
from django.conf import settings
from django.utils import timezone
from standardwebhooks.webhooks import Webhook

from newsreel.api.models import DeliveryState, WebhookDelivery
from newsreel.api.webhooks import delivery as delivery_module
from newsreel.api.webhooks.delivery import redeliver
from newsreel.api.webhooks.events import add_endpoint
from newsreel.films.models import Film
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish, save_draft, unpublish
from newsreel.newsroom.scheduling import schedule
from newsreel.newsroom.worker import Worker, WorkerOptions

from .conftest import BODY

# The worker commits and closes connections as it does in production: these specs commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


class Receiver:
    """A local HTTP server that records each request and answers with the next status given."""

    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.statuses: list[int] = []
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append({"headers": {k.lower(): v for k, v in self.headers.items()}, "body": body})
                status = receiver.statuses.pop(0) if receiver.statuses else 204
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def events(self) -> list[str]:
        return [json.loads(request["body"])["type"] for request in self.requests]


@pytest.fixture(autouse=True)
def loopback_allowed(monkeypatch):
    """The receivers here listen on 127.0.0.1, which webhooks refuse unless an operator allows it."""
    monkeypatch.setattr(settings, "CONFIG", dataclasses.replace(settings.CONFIG,
                                                                webhook_private_networks=("127.0.0.0/8",)))


@pytest.fixture
def receiver():
    started = Receiver()
    yield started
    started.server.shutdown()


@pytest.fixture
def quick_retries(monkeypatch):
    def configure(**values):
        monkeypatch.setattr(settings, "CONFIG", dataclasses.replace(settings.CONFIG, webhook_retry_seconds=0, **values))
    configure()
    return configure


def run_worker() -> None:
    """One pass of `newsreel worker`: a sweep, then every ready task (retries due now included)."""
    Worker(WorkerOptions(once=True), report=lambda line: None).run()


def test_story_events_arrive_signed_as_the_standard_says(receiver, graph, quick_retries):
    endpoint = add_endpoint(receiver.url)
    assert endpoint.secret.startswith("whsec_")
    article = save_and_publish(ArticleDraft(headline="Harbor Lights, explained", body=BODY), origin="test")
    save_and_publish(ArticleDraft(headline="Harbor Lights, explained", body=BODY + "\nOne more line.\n"),
                     article=article, origin="test")
    unpublish(article)
    later = save_draft(ArticleDraft(headline="Coming soon", body="Soon."), origin="test")
    schedule(later, at=timezone.now() + dt.timedelta(days=1))
    run_worker()
    assert receiver.events() == ["story.published", "story.updated", "story.unpublished", "story.scheduled"]
    verifier = Webhook(endpoint.secret)
    for request in receiver.requests:
        headers = request["headers"]
        assert headers["webhook-id"].startswith("msg_") and headers["webhook-signature"].startswith("v1,")
        verifier.verify(request["body"], headers)  # raises when the signature is wrong
    first = json.loads(receiver.requests[0]["body"])
    assert first["data"]["slug"] == "harbor-lights-explained"
    assert "walks into the sea" not in receiver.requests[0]["body"].decode()  # spoiler-safe words only
    assert WebhookDelivery.objects.filter(state=DeliveryState.DELIVERED).count() == 4


def test_a_tampered_body_fails_verification(receiver, graph, quick_retries):
    from standardwebhooks.webhooks import WebhookVerificationError

    endpoint = add_endpoint(receiver.url, events=["story.published"])
    save_and_publish(ArticleDraft(headline="Signed", body="Text."), origin="test")
    run_worker()
    request = receiver.requests[0]
    with pytest.raises(WebhookVerificationError):
        Webhook(endpoint.secret).verify(request["body"].replace(b"Signed", b"Forged"), request["headers"])


def test_film_and_person_changes_are_events(receiver, graph, quick_retries):
    add_endpoint(receiver.url, events=["film.changed", "person.changed"])
    film = Film.objects.get(key="harbor-lights-2025")
    film.distributor = "Lantern Pictures"
    film.save()
    from newsreel.films.knowledge import import_knowledge_graph
    from tests.graph import GRAPH

    changed = json.loads(json.dumps(GRAPH))
    changed["people"][0]["bio"] = "A new biography."
    import_knowledge_graph(changed)
    run_worker()
    assert "film.changed" in receiver.events() and "person.changed" in receiver.events()
    first = json.loads(receiver.requests[0]["body"])
    assert first["data"]["films"][0]["key"] == "harbor-lights-2025"


def test_a_failing_endpoint_is_retried_with_backoff_and_the_same_message_id(receiver, graph, quick_retries):
    add_endpoint(receiver.url)
    receiver.statuses = [500, 503]
    save_and_publish(ArticleDraft(headline="Retried", body="Text."), origin="test")
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == DeliveryState.DELIVERED and delivery.attempts == 3
    assert [entry["status"] for entry in delivery.log] == [500, 503, 204]
    assert len({request["headers"]["webhook-id"] for request in receiver.requests}) == 1


def test_backoff_doubles_from_the_configured_wait(quick_retries):
    quick_retries()
    settings.CONFIG = dataclasses.replace(settings.CONFIG, webhook_retry_seconds=30)
    assert [delivery_module.backoff(n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]


def test_an_endpoint_that_keeps_failing_is_disabled_and_redelivery_enables_it(receiver, graph, quick_retries):
    quick_retries(webhook_attempts=2, webhook_disable_after=2)
    endpoint = add_endpoint(receiver.url)
    receiver.statuses = [500] * 4
    save_and_publish(ArticleDraft(headline="One", body="Text."), origin="test")
    save_and_publish(ArticleDraft(headline="Two", body="Text."), origin="test")
    run_worker()
    endpoint.refresh_from_db()
    assert not endpoint.enabled and "2 messages in a row" in endpoint.disabled_reason
    assert WebhookDelivery.objects.filter(state=DeliveryState.FAILED).count() == 2
    save_and_publish(ArticleDraft(headline="Three", body="Text."), origin="test")
    assert WebhookDelivery.objects.count() == 2  # a disabled endpoint gets no new messages
    failed = WebhookDelivery.objects.filter(state=DeliveryState.FAILED).first()
    redeliver(failed.pk)
    run_worker()
    failed.refresh_from_db()
    endpoint.refresh_from_db()
    assert failed.state == DeliveryState.DELIVERED and endpoint.enabled


def test_an_unreachable_endpoint_is_logged_not_raised(graph, quick_retries):
    quick_retries(webhook_attempts=1)
    add_endpoint("http://127.0.0.1:9/nothing-listens-here")
    save_and_publish(ArticleDraft(headline="Nobody home", body="Text."), origin="test")
    run_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.state == DeliveryState.FAILED and "could not be reached" in delivery.last_error


def test_a_rolled_back_publish_sends_nothing(receiver, graph, quick_retries):
    from django.db import transaction

    add_endpoint(receiver.url)
    with pytest.raises(RuntimeError):
        with transaction.atomic():
            save_and_publish(ArticleDraft(headline="Rolled back", body="Text."), origin="test")
            raise RuntimeError("the publish failed later")
    assert not WebhookDelivery.objects.exists()


def test_bad_endpoints_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="http"):
        add_endpoint("ftp://example.org/hook")
    with pytest.raises(ValueError, match="unknown event"):
        add_endpoint("https://example.org/hook", events=["story.eaten"])
