"""Sending one message: an attempt, its log line, and what follows (retry, give up, disable).

Each attempt POSTs the stored payload with fresh Standard Webhooks headers (the message id
stays the same on every retry, so receivers can drop duplicates). A 2xx answer delivers
it. Anything else (another status, a timeout, a refused connection) is logged on the
delivery and retried after NEWSREEL_WEBHOOK_RETRY_SECONDS, doubling each time, until
NEWSREEL_WEBHOOK_ATTEMPTS attempts were made; then the message has failed, and an endpoint
whose last NEWSREEL_WEBHOOK_DISABLE_AFTER messages all failed is disabled.

Depends on: the api models, signing, destinations (where a message may go); django-tasks for
the retries.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
import urllib.error
import urllib.request

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from newsreel.api.models import DeliveryState, WebhookDelivery, WebhookEndpoint
from newsreel.api.webhooks import destinations, signing
from newsreel.newsroom.permissions import INTEGRATIONS_MANAGE, require

logger = logging.getLogger("newsreel.webhooks")

TIMEOUT = 10.0  # seconds one attempt may take (Standard Webhooks suggests receivers answer fast)
LOG_KEEP = 20  # attempts kept in a delivery's log
USER_AGENT = "Newsreel-Webhooks/1"


def body_of(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, cls=DjangoJSONEncoder, separators=(",", ":"), ensure_ascii=False).encode()


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the `attempts`-th failed attempt: the base, doubling each time."""
    return dt.timedelta(seconds=settings.CONFIG.webhook_retry_seconds * 2 ** max(0, attempts - 1))


def enqueue(delivery: WebhookDelivery, at: dt.datetime | None = None) -> None:
    from newsreel.api.webhooks.tasks import deliver_webhook

    task = deliver_webhook.using(run_after=at) if at is not None else deliver_webhook
    task.enqueue(delivery.pk)


def _post(endpoint: WebhookEndpoint, delivery: WebhookDelivery) -> tuple[int | None, str]:
    body = body_of(delivery)
    request = urllib.request.Request(endpoint.url, data=body, method="POST")
    for name, value in signing.headers(endpoint.secret, delivery.message_id, int(time.time()), body).items():
        request.add_header(name, value)
    request.add_header("User-Agent", USER_AGENT)
    try:
        with destinations.opener().open(request, timeout=TIMEOUT) as answer:
            return answer.status, ""
    except destinations.RefusedDestination as refused:
        return None, f"not sent: {refused}"[:500]
    except urllib.error.HTTPError as error:
        return error.code, f"answered {error.code} {error.reason}"
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return None, f"could not be reached: {reason}"[:500]


def attempt(delivery_id: int) -> str:
    """One attempt at one delivery (the task's body); says what happened."""
    delivery = WebhookDelivery.objects.select_related("endpoint").filter(pk=delivery_id).first()
    if delivery is None or delivery.state != DeliveryState.PENDING:
        return "nothing to do"
    endpoint = delivery.endpoint
    if not endpoint.enabled:
        return "endpoint disabled"
    started = time.monotonic()
    status, error = _post(endpoint, delivery)
    ok = status is not None and 200 <= status < 300
    now = timezone.now()
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().get(pk=delivery.pk)
        endpoint = WebhookEndpoint.objects.select_for_update().get(pk=endpoint.pk)
        if delivery.state != DeliveryState.PENDING:
            return "nothing to do"  # another worker finished it meanwhile
        delivery.attempts += 1
        delivery.last_status = status
        delivery.last_error = "" if ok else error or f"answered {status}"
        delivery.log = (delivery.log + [{"at": now.isoformat(), "status": status, "error": delivery.last_error,
                                         "seconds": round(time.monotonic() - started, 3)}])[-LOG_KEEP:]
        if ok:
            delivery.state, delivery.delivered_at, delivery.next_attempt_at = DeliveryState.DELIVERED, now, None
            endpoint.failed_in_a_row = 0
            outcome = "delivered"
        elif delivery.attempts < settings.CONFIG.webhook_attempts:
            delivery.next_attempt_at = now + backoff(delivery.attempts)
            enqueue(delivery, delivery.next_attempt_at)
            outcome = f"failed ({delivery.last_error}); retry at {delivery.next_attempt_at.isoformat()}"
        else:
            delivery.state, delivery.next_attempt_at = DeliveryState.FAILED, None
            endpoint.failed_in_a_row += 1
            outcome = f"failed {delivery.attempts} times; given up"
            if endpoint.failed_in_a_row >= settings.CONFIG.webhook_disable_after and endpoint.enabled:
                endpoint.enabled = False
                endpoint.disabled_reason = (f"disabled on {now:%Y-%m-%d %H:%M} UTC: {endpoint.failed_in_a_row} messages "
                                            f"in a row failed every attempt (last: {delivery.last_error})")[:300]
                logger.warning("webhook endpoint %s %s", endpoint.url, endpoint.disabled_reason)
        delivery.save()
        endpoint.save(update_fields=["failed_in_a_row", "enabled", "disabled_reason"])
    logger.info("webhook %s %s to %s: %s", delivery.event, delivery.message_id, endpoint.url, outcome)
    return outcome


def redeliver(delivery_id: int, *, by=None) -> WebhookDelivery:
    """Send a message again (from the desk): a fresh round of attempts, the same message id.
    Redelivering to a disabled endpoint enables it again (someone fixed it). `by` is the person
    asking (None: the command line)."""
    require(by, INTEGRATIONS_MANAGE)
    with transaction.atomic():
        delivery = WebhookDelivery.objects.select_for_update().select_related("endpoint").get(pk=delivery_id)
        delivery.state, delivery.attempts, delivery.next_attempt_at = DeliveryState.PENDING, 0, None
        delivery.save(update_fields=["state", "attempts", "next_attempt_at"])
        endpoint = delivery.endpoint
        if not endpoint.enabled:
            endpoint.enabled, endpoint.disabled_reason, endpoint.failed_in_a_row = True, "", 0
            endpoint.save(update_fields=["enabled", "disabled_reason", "failed_in_a_row"])
        enqueue(delivery)
    return delivery
