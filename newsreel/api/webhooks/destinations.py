"""Where a webhook may be sent: public addresses only, checked twice.

A webhook URL is typed by a person and fetched by the server, so it could point the
server at itself (the database, Redis), a cloud metadata service (169.254.169.254) or
an intranet. The URL is checked when the endpoint is added (a literal address or a
local name is refused at once), and every connection is checked again against the
address the socket actually reached: a name that resolved to a public address when it
was added and to a private one later (DNS rebinding) is refused at that moment.
Redirects are not followed (a receiver could redirect anywhere), and no proxy from the
environment is used (the check would see the proxy's address instead of the receiver's).

Networks an operator trusts are allowed by NEWSREEL_WEBHOOK_PRIVATE_NETWORKS.

Depends on: settings.CONFIG only.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import urllib.request
from urllib.parse import urlsplit

from django.conf import settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
URL_LENGTH = 500  # WebhookEndpoint.url's column
# Control characters and spaces: http.client refuses them in a URL at every delivery (and NUL reached
# socket.inet_aton as a ValueError traceback), so they are refused when the endpoint is added.
_UNSENDABLE = re.compile(r"[\x00-\x20\x7f-\x9f]")


class RefusedDestination(ValueError):
    """The URL or the address it reached is not one webhooks may be sent to; says why."""


def _allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(network) for network in settings.CONFIG.webhook_private_networks]


def _plain(address: IPAddress) -> IPAddress:
    """An IPv4 address written as IPv6 (::ffff:10.0.0.1, 64:ff9b::…) is judged as the IPv4 one."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return address.ipv4_mapped
        if address in ipaddress.ip_network("64:ff9b::/96"):
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def check_address(address: str) -> None:
    """Raise RefusedDestination unless `address` is public or in an allowed network."""
    try:
        found = _plain(ipaddress.ip_address(address.split("%", 1)[0]))
    except ValueError:
        raise RefusedDestination(f"{address!r} is not an IP address") from None
    if found.is_global and not found.is_multicast:
        return
    if any(found in network for network in _allowed_networks() if network.version == found.version):
        return
    raise RefusedDestination(
        f"{found} is not a public address (loopback, private, link-local or reserved); webhooks are sent "
        "to public addresses only. To allow a receiver inside your own network, add its network to "
        "NEWSREEL_WEBHOOK_PRIVATE_NETWORKS")


def check_url(url: str) -> str:
    """The URL, tidied, if webhooks may be sent to it; RefusedDestination naming the problem.

    No name is looked up here (adding an endpoint must not wait on DNS); literal addresses and
    local names are judged now, every other name when it is connected to."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedDestination(f"url {url!r} must be an absolute http(s) URL, e.g. https://hooks.example.com/newsreel")
    _sendable(url)
    if parts.username or parts.password:
        raise RefusedDestination(f"url {url!r} carries a user name or password; webhooks are authenticated by "
                                 "their signature, so give the URL without credentials")
    try:
        if parts.port == 0:
            raise ValueError
    except ValueError:
        raise RefusedDestination(f"url {url!r} has a port that is not a number from 1 to 65535") from None
    host = _ascii_host(parts.hostname.rstrip(".").lower())
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        check_address("127.0.0.1")
        return url
    literal = _literal_address(host)
    if literal is not None:
        check_address(literal)
    return url  # a name is judged by the address it reaches, at each connection


def _sendable(url: str) -> None:
    """RefusedDestination when no delivery could use `url`: too long for its column, or holding a
    control character or a space."""
    if len(url) > URL_LENGTH:
        raise RefusedDestination(f"url is {len(url):,} characters; the limit is {URL_LENGTH}")
    found = _UNSENDABLE.search(url)
    if found is not None:
        raise RefusedDestination(f"url {url[:80]!r} has a control character or space (U+{ord(found.group()):04X}) at "
                                 f"character {found.start() + 1}; write a space as %20 and remove the others")


def _ascii_host(host: str) -> str:
    """The host as a resolver reads it: IDNA turns fullwidth ｌｏｃａｌｈｏｓｔ into localhost and
    １２７.０.０.１ into 127.0.0.1, which the checks below would otherwise not recognise."""
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:  # not a name IDNA can write (an empty or overlong label): no lookup will find it
        return host


def _literal_address(host: str) -> str | None:
    """The address a host written as an address stands for, in any spelling a resolver accepts
    (10.0.0.1, [fd00::1], and the legacy 2130706433, 0x7f.1 or 127.1); None for a name."""
    try:
        return str(ipaddress.ip_address(host.split("%", 1)[0]))
    except ValueError:
        pass
    try:
        return socket.inet_ntoa(socket.inet_aton(host))
    except OSError:
        return None


def _guarded_connection(address: tuple[str, int], timeout: float | object = socket._GLOBAL_DEFAULT_TIMEOUT,
                        source_address: tuple[str, int] | None = None, **kwargs) -> socket.socket:
    """socket.create_connection, then the peer's address checked before a byte is sent."""
    sock = socket.create_connection(address, timeout, source_address, **kwargs)
    try:
        check_address(sock.getpeername()[0])
    except RefusedDestination:
        sock.close()
        raise
    return sock


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_connection


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _guarded_connection


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, request):
        return self.do_open(_GuardedHTTPConnection, request)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, request):
        return self.do_open(_GuardedHTTPSConnection, request, context=self._context)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, request, fp, code, msg, headers, newurl):
        return None  # the 3xx answer is then an HTTPError: a failed attempt, logged with its status


def opener() -> urllib.request.OpenerDirector:
    """A urllib opener that connects only where check_address allows, follows no redirect and
    uses no proxy."""
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _GuardedHTTPHandler,
                                       _GuardedHTTPSHandler, _NoRedirects)
