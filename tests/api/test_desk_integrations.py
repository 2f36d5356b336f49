"""The desk's Integrations pages: an administrator makes and revokes API keys and manages
webhook endpoints, their delivery log and redelivery; nobody else can, on the page or in the
service behind it, and a refused request changes nothing."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from newsreel.api.keys import create_key, revoke
from newsreel.api.models import ApiKey, DeliveryState, WebhookDelivery, WebhookEndpoint
from newsreel.api.webhooks.delivery import redeliver
from newsreel.api.webhooks.events import add_endpoint, emit, remove_endpoint
from newsreel.newsroom import permissions
from newsreel.newsroom.permissions import INTEGRATIONS_MANAGE, NotAllowed

from .conftest import make_user

pytestmark = pytest.mark.django_db

ROLES = ("contributor", "editor", "administrator", "signed out", "deactivated administrator")


def client_for(role: str) -> Client:
    client = Client()
    if role == "signed out":
        return client
    user = make_user(role.replace(" ", "-"), role.split()[-1])
    client.force_login(user)
    if role.startswith("deactivated"):
        User.objects.filter(pk=user.pk).update(is_active=False)
    return client


def fingerprint() -> tuple:
    return (list(ApiKey.objects.values_list("public_id", "revoked_at")),
            list(WebhookEndpoint.objects.values_list("pk", "enabled")),
            list(WebhookDelivery.objects.values_list("pk", "state", "attempts")))


@pytest.fixture
def failed_delivery() -> WebhookDelivery:
    endpoint = add_endpoint("https://hooks.example.org/newsreel")
    emit("story.published", {"id": 1})
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(state=DeliveryState.FAILED, attempts=8,
                                                           last_error="answered 500 Internal Server Error")
    return delivery


def requests_of(delivery: WebhookDelivery, key: ApiKey) -> list[tuple[str, str, dict]]:
    endpoint = delivery.endpoint_id
    return [
        ("GET", reverse("integrations:home"), {}),
        ("POST", reverse("integrations:key_create"), {"name": "Widget", "kind": "content"}),
        ("POST", reverse("integrations:key_revoke", args=[key.public_id]), {}),
        ("POST", reverse("integrations:webhook_add"), {"url": "https://other.example.org/hook"}),
        ("GET", reverse("integrations:webhook", args=[endpoint]), {}),
        ("POST", reverse("integrations:delivery_redeliver", args=[delivery.pk]), {}),
        ("POST", reverse("integrations:webhook_remove", args=[endpoint]), {}),
    ]


def test_every_integrations_address_is_in_this_spec():
    from newsreel.api import desk_urls

    named = {pattern.name for pattern in desk_urls.urlpatterns}
    assert named == {"home", "key_create", "key_revoke", "webhook_add", "webhook", "delivery_redeliver",
                     "webhook_remove"}


@pytest.mark.parametrize("role", ROLES)
def test_only_administrators_reach_the_integrations_pages_and_refusals_change_nothing(role, failed_delivery):
    key = create_key("Existing", "content").key
    client = client_for(role)
    for method, url, data in requests_of(failed_delivery, key):
        before = fingerprint()
        answer = client.get(url) if method == "GET" else client.post(url, data)
        if role == "administrator":
            assert answer.status_code in (200, 302), (method, url, answer.status_code)
            continue
        if role == "signed out":
            assert answer.status_code == 302 and "/desk/login/" in answer["Location"], url
        else:
            assert answer.status_code == 403, (role, url)
            if role == "contributor" or role == "editor":
                assert html.escape(permissions.rule(INTEGRATIONS_MANAGE).refusal) in answer.content.decode()
        assert fingerprint() == before, f"{method} {url} by {role} changed something"


@pytest.mark.parametrize("role", ["contributor", "editor", "signed out"])
def test_the_services_refuse_the_same_people(role, failed_delivery):
    from django.contrib.auth.models import AnonymousUser

    actor = AnonymousUser() if role == "signed out" else make_user(f"svc-{role}", role)
    key = create_key("Existing", "content").key
    before = fingerprint()
    for call in (lambda: create_key("New", "content", by=actor), lambda: revoke(key.public_id, by=actor),
                 lambda: add_endpoint("https://x.example.org/h", by=actor),
                 lambda: remove_endpoint(failed_delivery.endpoint_id, by=actor),
                 lambda: redeliver(failed_delivery.pk, by=actor)):
        with pytest.raises(NotAllowed):
            call()
    assert fingerprint() == before


@pytest.fixture
def admin_client() -> Client:
    return client_for("administrator")


def test_a_new_key_is_shown_once_and_works_until_it_is_revoked(admin_client):
    answer = admin_client.post(reverse("integrations:key_create"),
                               {"name": "Homepage widget", "kind": "content", "origins": "https://w.example"})
    assert answer.status_code == 200
    token = re.search(r'value="(nr_content_[^"]+)"', answer.content.decode()).group(1)
    key = ApiKey.objects.get(name="Homepage widget")
    assert key.origins == ["https://w.example"] and token.split("_")[2] == key.public_id
    assert Client().get("/api/content/stories", {"key": token}).status_code == 200
    listing = admin_client.get(reverse("integrations:home")).content.decode()
    assert "Homepage widget" in listing and token not in listing  # never shown again
    admin_client.post(reverse("integrations:key_revoke", args=[key.public_id]))
    assert Client().get("/api/content/stories", {"key": token}).status_code == 401


def test_an_admin_key_acts_as_the_chosen_person_with_the_ticked_scopes(admin_client):
    writer = make_user("wren", "contributor")
    answer = admin_client.post(reverse("integrations:key_create"), {
        "name": "Wire importer", "kind": "admin", "user": writer.pk, "scopes": ["stories:write"]})
    assert answer.status_code == 200
    key = ApiKey.objects.get(name="Wire importer")
    assert key.user == writer and key.scopes == ["stories:write"]


def test_an_admin_key_without_a_person_is_refused_with_the_reason(admin_client):
    answer = admin_client.post(reverse("integrations:key_create"), {"name": "Nobody's", "kind": "admin"})
    assert answer.status_code == 400
    assert "an admin key acts as a person" in answer.content.decode()
    assert not ApiKey.objects.exists()


def test_a_private_webhook_address_is_refused_at_its_field(admin_client):
    answer = admin_client.post(reverse("integrations:webhook_add"),
                               {"url": "http://169.254.169.254/latest/meta-data/"})
    page = answer.content.decode()
    assert answer.status_code == 400 and "is not a public address" in page and 'id="id_url_errors"' in page
    assert not WebhookEndpoint.objects.exists()


def test_an_endpoint_is_added_shows_its_secret_and_its_log_and_redelivers(admin_client, failed_delivery):
    answer = admin_client.post(reverse("integrations:webhook_add"), {
        "url": "https://search.example.org/reindex", "events": ["story.published", "story.updated"],
        "description": "Search team"})
    endpoint = WebhookEndpoint.objects.get(url="https://search.example.org/reindex")
    assert answer.status_code == 302 and endpoint.events == ["story.published", "story.updated"]
    page = admin_client.get(answer["Location"]).content.decode()
    assert endpoint.secret in page and "Search team" in page

    log = admin_client.get(reverse("integrations:webhook", args=[failed_delivery.endpoint_id])).content.decode()
    assert "answered 500 Internal Server Error" in log and failed_delivery.message_id in log
    admin_client.post(reverse("integrations:delivery_redeliver", args=[failed_delivery.pk]))
    failed_delivery.refresh_from_db()
    assert failed_delivery.state == DeliveryState.PENDING and failed_delivery.attempts == 0

    admin_client.post(reverse("integrations:webhook_remove", args=[endpoint.pk]))
    assert not WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()


def test_the_desk_menu_shows_integrations_to_administrators_only(admin_client):
    assert reverse("integrations:home") in admin_client.get(reverse("desk:articles")).content.decode()
    assert reverse("integrations:home") not in client_for("editor").get(reverse("desk:articles")).content.decode()
