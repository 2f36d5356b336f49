"""Webhooks go to public addresses only: a URL that points the server at itself, a private
network or a cloud metadata service is refused when it is added, and a name that resolves
there later is refused at the connection, with the reason in the delivery log."""

from __future__ import annotations

import dataclasses
import http.server
import socket
import threading

import pytest
from django.conf import settings

from newsreel.api.models import DeliveryState, WebhookDelivery
from newsreel.api.webhooks import destinations
from newsreel.api.webhooks.delivery import attempt
from newsreel.api.webhooks.destinations import RefusedDestination, check_address, check_url
from newsreel.api.webhooks.events import add_endpoint, emit


def allow(monkeypatch, *networks: str) -> None:
    monkeypatch.setattr(settings, "CONFIG", dataclasses.replace(settings.CONFIG, webhook_private_networks=networks))


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:6379/", "http://localhost/hook", "http://api.localhost/hook", "http://[::1]/hook",
    "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/hook", "http://192.168.0.10/hook",
    "http://172.16.5.5/hook", "http://100.64.0.1/hook", "http://0.0.0.0/hook", "http://[::ffff:10.0.0.1]/hook",
    "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://224.0.0.1/hook", "http://2130706433/hook",
    "http://0x7f.1/hook", "http://127.1/hook",
])
def test_addresses_inside_machines_and_private_networks_are_refused(url):
    with pytest.raises(RefusedDestination, match="public address|not an absolute|NEWSREEL_WEBHOOK_PRIVATE_NETWORKS"):
        check_url(url)


@pytest.mark.parametrize("url, problem", [
    ("ftp://example.org/hook", "http"),
    ("https://user:secret@example.org/hook", "user name or password"),
    ("https://example.org:99999/hook", "port"),
    ("hooks.example.org", "absolute"),
])
def test_malformed_urls_say_what_is_wrong(url, problem):
    with pytest.raises(RefusedDestination, match=problem):
        check_url(url)


@pytest.mark.parametrize("url, problem", [
    # red-team pass of 2026-12-07: NUL was a ValueError traceback ("embedded null character"); the others
    # were kept and failed every delivery ("URL can't contain control characters", port 0) until the
    # endpoint was disabled, and a URL past the column's 500 characters is refused by PostgreSQL
    ("https://\x00example.org/hook", r"a control character or space \(U\+0000\) at character 9"),
    ("https://example.org/hook\x00", r"\(U\+0000\) at character 25"),
    ("https://example.org/hook\r\nX-Injected: 1", r"\(U\+000D\) at character 25"),
    ("https://example.org/a hook", r"\(U\+0020\) at character 22; write a space as %20"),
    ("https://example.org:0/hook", "port that is not a number from 1 to 65535"),
    ("https://example.org/" + "a" * 500, "is 520 characters; the limit is 500"),
])
def test_a_url_no_delivery_could_use_is_refused_when_it_is_added(url, problem):
    with pytest.raises(RefusedDestination, match=problem):
        check_url(url)


@pytest.mark.parametrize("url", ["https://\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54/hook",  # fullwidth
                                 "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/hook"])
def test_a_local_name_or_address_in_another_spelling_of_its_characters_is_refused(url):
    """IDNA reads fullwidth letters and digits as ASCII: these reach localhost and 127.0.0.1."""
    with pytest.raises(RefusedDestination, match="public address"):
        check_url(url)


def test_public_addresses_and_names_pass_without_a_lookup():
    assert check_url(" https://hooks.example.org/newsreel ") == "https://hooks.example.org/newsreel"
    assert check_url("https://93.184.215.14/hook") == "https://93.184.215.14/hook"


def test_an_operator_can_allow_an_internal_network(monkeypatch):
    allow(monkeypatch, "10.20.0.0/16")
    assert check_url("http://10.20.3.4/hook")
    with pytest.raises(RefusedDestination):
        check_url("http://10.21.3.4/hook")


@pytest.mark.django_db
def test_adding_an_endpoint_refuses_a_private_address():
    with pytest.raises(ValueError, match="public address"):
        add_endpoint("http://169.254.169.254/latest/meta-data/iam/")


class _Server:
    def __init__(self, status: int = 204, location: str = "") -> None:
        self.hits = 0
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                server.hits += 1
                self.rfile.read(int(self.headers["Content-Length"]))
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def server():
    started = _Server()
    yield started
    started.httpd.shutdown()


@pytest.mark.django_db
def test_a_name_that_resolves_to_a_private_address_is_refused_at_the_connection(server, monkeypatch):
    # The endpoint's name passed when it was added; it now resolves to this machine (DNS rebinding).
    endpoint = add_endpoint(f"http://hooks.example.org:{server.port}/hook")
    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *rest, **kw: real_getaddrinfo(
        "127.0.0.1" if host == "hooks.example.org" else host, *rest, **kw))
    emit("story.published", {"id": 1})
    delivery = WebhookDelivery.objects.get(endpoint=endpoint)
    attempt(delivery.pk)
    delivery.refresh_from_db()
    assert server.hits == 0
    assert delivery.last_error.startswith("not sent: 127.0.0.1 is not a public address")
    allow(monkeypatch, "127.0.0.0/8")
    delivery.state = DeliveryState.PENDING
    delivery.save()
    attempt(delivery.pk)
    delivery.refresh_from_db()
    assert server.hits == 1 and delivery.state == DeliveryState.DELIVERED


@pytest.mark.django_db
def test_redirects_are_not_followed(monkeypatch):
    allow(monkeypatch, "127.0.0.0/8")
    target = _Server()
    redirecting = _Server(status=307, location=f"http://127.0.0.1:{target.port}/inside")
    try:
        endpoint = add_endpoint(f"http://127.0.0.1:{redirecting.port}/hook")
        emit("story.published", {"id": 1})
        delivery = WebhookDelivery.objects.get(endpoint=endpoint)
        attempt(delivery.pk)
        delivery.refresh_from_db()
        assert redirecting.hits == 1 and target.hits == 0
        assert delivery.last_status == 307 and delivery.state == DeliveryState.PENDING  # a failed attempt, retried
    finally:
        target.httpd.shutdown()
        redirecting.httpd.shutdown()


def test_no_proxy_from_the_environment_is_used(monkeypatch):
    monkeypatch.setenv("http_proxy", "http://10.0.0.1:3128")
    handlers = destinations.opener().handlers
    assert not any(getattr(handler, "proxies", None) for handler in handlers)
