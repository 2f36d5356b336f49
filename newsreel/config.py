"""Every setting Newsreel reads from the environment, declared once.

Each `Setting` has its default and help text; `load_config()` parses them all and stops
with a `ConfigError` that names the variable when one is bad. The table in
`docs/configuration.md` is checked against this list by the test suite.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit

from newsreel.numbers import LARGEST_BIG_INTEGER, whole_number


class ConfigError(Exception):
    """A setting is missing or malformed; the message names it and says how to fix it."""


def _parse_bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError("expected one of 1/0, true/false, yes/no, on/off")


def _parse_url(value: str) -> str:
    parts = urlsplit(value.strip())
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError("expected an absolute http:// or https:// URL, e.g. https://news.example.com")
    if parts.path not in {"", "/"} or parts.query or parts.fragment:
        raise ValueError("expected the site's root URL with no path, query or fragment")
    return f"{parts.scheme}://{parts.netloc}"


def _parse_database_url(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    scheme = urlsplit(value).scheme
    if scheme not in {"postgres", "postgresql", "sqlite"}:
        raise ValueError("expected postgres://user@host:port/dbname or sqlite:///path/to/file.db")
    return value


def _parse_path(value: str) -> Path:
    if not value.strip():
        raise ValueError("expected a folder path")
    return Path(value).expanduser().resolve()


def _parse_hosts(value: str) -> list[str]:
    return [host.strip() for host in value.split(",") if host.strip()]


def _parse_secret_key(value: str) -> str:
    value = value.strip()
    if value and (len(value) < 50 or len(set(value)) < 5):
        raise ValueError("expected at least 50 random characters; make one with "
                         "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'")
    return value


def _parse_secret_key_fallbacks(value: str) -> list[str]:
    keys = [key.strip() for key in value.split(",") if key.strip()]
    for number, key in enumerate(keys, 1):
        if len(key) < 50:
            raise ValueError(f"key {number} is shorter than 50 characters (keys are separated by commas)")
    return keys


def _parse_header_name(value: str) -> str:
    value = value.strip()
    if value and not all(part.isalnum() for part in value.split("-")):
        raise ValueError("expected an HTTP header name such as X-Forwarded-Proto")
    return value


def _parse_auto_bool(value: str) -> bool | None:
    """'auto' (None: decided from the site URL) or a boolean."""
    if value.strip().lower() == "auto":
        return None
    try:
        return _parse_bool(value)
    except ValueError:
        raise ValueError("expected auto, or one of 1/0, true/false, yes/no, on/off") from None


def _parse_seconds(value: str) -> int:
    seconds = whole_number(value.strip(), largest=LARGEST_BIG_INTEGER)
    if seconds is None:
        raise ValueError("expected a whole number of seconds, e.g. 31536000 for a year")
    return seconds


def _parse_optional_url(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc or parts.query or parts.fragment:
        raise ValueError("expected an absolute http:// or https:// URL, e.g. https://media.example.com")
    return value.rstrip("/")


def _parse_word(value: str) -> str:
    return value.strip()


def _one_of(choices: tuple[str, ...], expected: str = "") -> Callable[[str], str]:
    """A parser for a word from `choices`, in any case; `expected` is the error's own wording."""

    def parse(value: str) -> str:
        value = value.strip().lower()
        if value not in choices:
            raise ValueError(expected or f"expected one of {', '.join(choices)}")
        return value

    return parse


LOG_FORMATS = ("text", "json")
_parse_log_format = _one_of(LOG_FORMATS)


def _parse_wait_seconds(value: str) -> float:
    try:
        seconds = float(value.strip())
    except ValueError:
        raise ValueError("expected a number of seconds, e.g. 60") from None
    if not 0 <= seconds <= 3600:
        raise ValueError("expected a number of seconds from 0 to 3600")
    return seconds


PUBLISH_RENDERS_CHOICES = ("front", "everything")
_parse_publish_renders = _one_of(PUBLISH_RENDERS_CHOICES)


def _parse_positive_int(value: str) -> int:
    try:
        number = int(value.strip().replace("_", ""))
    except ValueError:
        raise ValueError("expected a whole number, e.g. 40000000") from None
    if number <= 0:
        raise ValueError("expected a number above 0")
    return number


def _parse_time_zone(value: str) -> str:
    import zoneinfo

    value = value.strip()
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError("expected an IANA time zone name, e.g. Europe/London or America/New_York") from None
    return value


SMTP_SCHEMES = {"smtp": "none", "smtp+tls": "starttls", "smtps": "ssl"}


def _parse_smtp_url(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in SMTP_SCHEMES or not parts.hostname:
        raise ValueError("expected smtp://host:25, smtp+tls://user:password@host:587 (STARTTLS) or "
                         "smtps://user:password@host:465 (TLS from the start)")
    try:
        parts.port
    except ValueError:
        raise ValueError("the port after the host must be a number, e.g. smtp+tls://host:587") from None
    return value


def _parse_email_address(value: str) -> str:
    from email.utils import parseaddr

    value = value.strip()
    _name, address = parseaddr(value)
    if "@" not in address or " " in address:
        raise ValueError("expected an e-mail address, e.g. desk@news.example.com or Newsreel <desk@news.example.com>")
    return value


def _parse_cache_url(value: str) -> str:
    value = value.strip()
    if value and urlsplit(value).scheme not in {"redis", "rediss"}:
        raise ValueError("expected redis://host:port/db")
    return value


def _parse_purge_url(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        raise ValueError("expected an absolute http:// or https:// URL, e.g. https://cdn.example.net/purge?url={quoted_url}")
    unknown = set(re.findall(r"\{[^{}]*\}", value)) - {"{url}", "{quoted_url}", "{path}"}
    if unknown:
        raise ValueError(f"unknown placeholder {sorted(unknown)[0]}; the URL may hold {{url}}, {{quoted_url}} or {{path}}")
    return value


def _parse_http_method(value: str) -> str:
    value = value.strip().upper()
    if not value.isalpha():
        raise ValueError("expected an HTTP method such as POST or PURGE")
    return value


def _parse_header_line(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    name, colon, header_value = value.partition(":")
    if not colon or not name.strip() or not all(part.isalnum() for part in name.strip().split("-")) \
            or not header_value.strip():
        raise ValueError("expected one header as Name: value, e.g. Authorization: Bearer TOKEN")
    return value


def _parse_text(value: str) -> str:
    return value


RATING_SCALES = ("stars-5", "points-10")


def _parse_networks(value: str) -> tuple[str, ...]:
    """Comma-separated IP networks in CIDR form, e.g. 10.0.0.0/8, fd00::/8."""
    import ipaddress

    networks = []
    for part in (piece.strip() for piece in value.split(",")):
        if not part:
            continue
        try:
            networks.append(str(ipaddress.ip_network(part, strict=False)))
        except ValueError:
            raise ValueError(f"{part!r} is not an IP network; write e.g. 10.0.0.0/8 or 192.168.1.20/32") from None
    return tuple(networks)


_parse_rating_scale = _one_of(
    RATING_SCALES, "expected stars-5 (five stars, in halves) or points-10 (whole points out of ten)")


@dataclass(frozen=True)
class Setting:
    name: str
    default: str
    help: str
    parse: Callable[[str], Any]


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "NEWSREEL_DATA_DIR",
        "./var",
        "Folder for the embedded SQLite database (WAL mode), uploaded media and the "
        "generated secret key. Created on first run.",
        _parse_path,
    ),
    Setting(
        "DATABASE_URL",
        "",
        "PostgreSQL for production, e.g. postgres://newsreel@127.0.0.1:5432/newsreel "
        "(psycopg 3). Empty means SQLite in NEWSREEL_DATA_DIR.",
        _parse_database_url,
    ),
    Setting(
        "NEWSREEL_SITE_URL",
        "http://127.0.0.1:8000",
        "The public root URL, used in feeds, sitemaps, canonical links and social cards.",
        _parse_url,
    ),
    Setting(
        "NEWSREEL_DEBUG",
        "false",
        "Django debug mode. Never on in production: it shows tracebacks to readers.",
        _parse_bool,
    ),
    Setting(
        "NEWSREEL_ALLOWED_HOSTS",
        "",
        "Extra host names the server answers to, comma-separated. The host of "
        "NEWSREEL_SITE_URL, localhost and 127.0.0.1 are always allowed.",
        _parse_hosts,
    ),
    Setting(
        "NEWSREEL_CACHE_URL",
        "",
        "Optional shared cache, e.g. redis://127.0.0.1:6379/0: desk sessions are then read "
        "from it (and written through to the database, so a flushed cache logs nobody out), "
        "saving a database read on most desk requests. Empty means a per-process memory cache.",
        _parse_cache_url,
    ),
    Setting(
        "NEWSREEL_SECRET_KEY",
        "",
        "The key that signs sessions and CSRF tokens: at least 50 random characters, the same "
        "on every app server. Required when DATABASE_URL is set; empty with the embedded "
        "default means one is made once and kept in NEWSREEL_DATA_DIR/secret_key (mode 0600).",
        _parse_secret_key,
    ),
    Setting(
        "NEWSREEL_SECRET_KEY_FALLBACKS",
        "",
        "Former secret keys, comma-separated, still accepted for existing sessions while a new "
        "NEWSREEL_SECRET_KEY takes over; drop them once the sessions have expired (two weeks).",
        _parse_secret_key_fallbacks,
    ),
    Setting(
        "NEWSREEL_PROXY_SSL_HEADER",
        "",
        "Behind a TLS-terminating proxy: the header the proxy sets to 'https' on secure requests, "
        "e.g. X-Forwarded-Proto. Set it only when the proxy always sets or replaces that header; "
        "then an https NEWSREEL_SITE_URL also redirects plain http requests to https.",
        _parse_header_name,
    ),
    Setting(
        "NEWSREEL_SECURE_COOKIES",
        "auto",
        "Send the session and CSRF cookies over https only. 'auto': on when NEWSREEL_SITE_URL "
        "is https.",
        _parse_auto_bool,
    ),
    Setting(
        "NEWSREEL_HSTS_SECONDS",
        "0",
        "Strict-Transport-Security max-age on https responses, e.g. 31536000 (a year) once the "
        "site is served over https for good; 0 sends no header.",
        _parse_seconds,
    ),
    Setting(
        "NEWSREEL_S3_BUCKET",
        "",
        "Keep uploaded media in this S3-compatible bucket (django-storages) instead of "
        "NEWSREEL_DATA_DIR/media, so every app server sees every upload. Readers fetch the "
        "files from the bucket's URL (or NEWSREEL_MEDIA_URL), so the bucket must allow public reads.",
        _parse_word,
    ),
    Setting(
        "NEWSREEL_S3_ENDPOINT_URL",
        "",
        "The S3 API endpoint for a bucket outside AWS, e.g. https://s3.eu-central-003.example.com "
        "(MinIO, Ceph, R2, ...). Empty means AWS S3.",
        _parse_optional_url,
    ),
    Setting(
        "NEWSREEL_S3_REGION",
        "",
        "The bucket's region, e.g. eu-central-1, when the provider needs one.",
        _parse_word,
    ),
    Setting(
        "NEWSREEL_S3_ACCESS_KEY_ID",
        "",
        "Access key for the bucket. Empty means boto3's usual sources (AWS_ACCESS_KEY_ID, "
        "~/.aws, an instance role).",
        _parse_word,
    ),
    Setting(
        "NEWSREEL_S3_SECRET_ACCESS_KEY",
        "",
        "Secret for NEWSREEL_S3_ACCESS_KEY_ID.",
        _parse_word,
    ),
    Setting(
        "NEWSREEL_MEDIA_URL",
        "",
        "Where readers fetch media when they live in a bucket: a CDN in front of it, e.g. "
        "https://media.example.com. Empty means the bucket's own URL.",
        _parse_optional_url,
    ),
    Setting(
        "NEWSREEL_CDN_PURGE_URL",
        "",
        "Where to ask the CDN to forget changed pages, after each commit that changes stored "
        "pages (a publish, an import, a graph or settings change). With {url}, {quoted_url} or "
        "{path} in it: one request per page, e.g. http://varnish.internal{path} with the PURGE "
        "method; without: one request per 30 pages carrying NEWSREEL_CDN_PURGE_BODY. Empty "
        "means no purge (the CDN refetches a page within five minutes).",
        _parse_purge_url,
    ),
    Setting(
        "NEWSREEL_CDN_PURGE_METHOD",
        "POST",
        "The HTTP method of purge requests, e.g. PURGE for Varnish or Fastly.",
        _parse_http_method,
    ),
    Setting(
        "NEWSREEL_CDN_PURGE_HEADER",
        "",
        "One header sent with every purge request, as Name: value, e.g. Authorization: Bearer TOKEN.",
        _parse_header_line,
    ),
    Setting(
        "NEWSREEL_CDN_PURGE_BODY",
        '{"urls": {urls}}',
        "The JSON body of a purge request when NEWSREEL_CDN_PURGE_URL has no placeholder; {urls} "
        "becomes a JSON array of the pages' absolute URLs, e.g. {\"files\": {urls}}; or {tags}, a JSON "
        "array of the cache tags to purge, e.g. {\"tags\": {tags}} (Cloudflare) or "
        "{\"surrogate_keys\": {tags}} (Fastly).",
        _parse_text,
    ),
    Setting(
        "NEWSREEL_ACCESS_LOG",
        "false",
        "Log one line per request (granian's access log: time, address, method, path, status, "
        "milliseconds) on standard output.",
        _parse_bool,
    ),
    Setting(
        "NEWSREEL_LOG_FORMAT",
        "text",
        "'text' for people, 'json' for one JSON object per line (access log, warnings and errors "
        "alike), for a log collector.",
        _parse_log_format,
    ),
    Setting(
        "NEWSREEL_PUBLISH_RENDERS",
        "front",
        "Which stored pages a publish renders before it returns. 'front': the story, its "
        "neighbours, the home page and its section's first page; every other page it touches "
        "(tag, author, film, person and archive pages, the pages of the stories whose related "
        "lists it most likely enters, feeds, sitemap parts) is dropped in the same transaction "
        "and rendered on its next request. 'everything': those pages are rendered in the "
        "publish too, except feeds and sitemap parts (slower publishes).",
        _parse_publish_renders,
    ),
    Setting(
        "NEWSREEL_IMAGE_MAX_PIXELS",
        "40000000",
        "The most pixels (width × height) an uploaded or imported image may have; larger "
        "ones, decompression bombs among them, are refused before they are decoded.",
        _parse_positive_int,
    ),
    Setting(
        "NEWSREEL_IMAGE_MAX_BYTES",
        "20000000",
        "The largest image file, in bytes, Newsreel accepts from the desk or an import; a "
        "larger file is refused before it is read.",
        _parse_positive_int,
    ),
    Setting(
        "NEWSREEL_BODY_MAX_BYTES",
        "1000000",
        "The largest article body, in bytes of UTF-8 Markdown, the intake accepts (about "
        "150,000 words at the default).",
        _parse_positive_int,
    ),
    Setting(
        "NEWSREEL_TIME_ZONE",
        "UTC",
        "The newsroom's time zone (an IANA name such as Europe/London): the desk shows and "
        "takes publication times in it, and archive months and dates on the site follow it.",
        _parse_time_zone,
    ),
    Setting(
        "NEWSREEL_EMBEDDED_WORKER",
        "true",
        "Whether `newsreel serve` also runs `newsreel worker` (scheduled stories going live, "
        "unpublish times) as a child process. Turn it off where the worker runs as its own "
        "service, e.g. on all but one machine (several workers are safe, just not needed).",
        _parse_bool,
    ),
    Setting(
        "NEWSREEL_WRITE_WAIT",
        "60",
        "Seconds a write (a publish, an imported story, a knowledge-graph import) keeps "
        "trying while other writers hold the database, retrying with backoff, before it "
        "gives up with a message naming what was not written. See docs/concurrency.md.",
        _parse_wait_seconds,
    ),
    Setting(
        "NEWSREEL_SMTP_URL",
        "",
        "The mail server for the desk's e-mails (invitations, password resets), e.g. "
        "smtp+tls://user:password@mail.example.com:587 (STARTTLS), smtps://...:465 (TLS from the "
        "start) or smtp://host:25 (plain). Empty means mails are written to the log on standard error "
        "(one JSON line each with NEWSREEL_LOG_FORMAT=json), for trying Newsreel out.",
        _parse_smtp_url,
    ),
    Setting(
        "NEWSREEL_EMAIL_FROM",
        "Newsreel <newsreel@localhost>",
        "The sender of the desk's e-mails, e.g. Newsroom desk <desk@news.example.com>.",
        _parse_email_address,
    ),
    Setting(
        "NEWSREEL_INVITE_DAYS",
        "7",
        "How many days an invitation link stays valid; an administrator can send a new one. "
        "Password reset links last three days (Django's PASSWORD_RESET_TIMEOUT).",
        _parse_positive_int,
    ),
    Setting(
        "NEWSREEL_EMBED_POSTERS",
        "true",
        "Fetch each embedded video's or post's title and poster frame from its provider (oEmbed) "
        "when a story is saved, previewed or published, and keep a copy in the image library, so "
        "a reader's page asks the provider for nothing until the reader loads the player. Off: "
        "embeds show their provider's name and a styled facade without a poster.",
        _parse_bool,
    ),
    Setting(
        "NEWSREEL_RATING_SCALE",
        "stars-5",
        "How reviews rate films: 'stars-5' (0.5 to 5 stars, in halves) or 'points-10' (1 to 10 "
        "points, whole). Shown on reviews and cards and given to search engines as the review's "
        "rating scale.",
        _parse_rating_scale,
    ),
    Setting(
        "NEWSREEL_API_RATE_LIMIT",
        "600",
        "Requests per minute each API key may make (Content and Admin API alike); one more answers "
        "429 with Retry-After. Counted in NEWSREEL_CACHE_URL's cache, so several app servers share "
        "the count only when that is a shared cache.",
        _parse_positive_int,
    ),
    Setting(
        "NEWSREEL_WEBHOOK_ATTEMPTS",
        "8",
        "How many times the worker tries to deliver one webhook message before giving up on it; "
        "attempts are spaced by NEWSREEL_WEBHOOK_RETRY_SECONDS, doubling each time.",
        _parse_positive_int,
    ),
    Setting(
        "NEWSREEL_WEBHOOK_RETRY_SECONDS",
        "30",
        "The wait before a failed webhook delivery's first retry; each later retry waits twice "
        "as long as the one before (30: 30 s, 1 min, 2 min, ... about an hour in all for 8 attempts).",
        _parse_seconds,
    ),
    Setting(
        "NEWSREEL_WEBHOOK_DISABLE_AFTER",
        "5",
        "A webhook endpoint is disabled after this many messages in a row failed every attempt; "
        "`newsreel webhook list` shows why, and redelivering one of its messages enables it again.",
        _parse_positive_int,
    ),
    Setting(
        "NEWSREEL_WEBHOOK_PRIVATE_NETWORKS",
        "",
        "Webhooks are refused for addresses on this machine or on private, link-local and other "
        "non-public networks (a webhook URL must not reach the database, a cloud metadata service "
        "or an intranet). List networks here to allow them anyway, comma-separated in CIDR form, "
        "e.g. 10.20.0.0/16 for a receiver inside your own network. Checked when an endpoint is "
        "added and again on every connection, against the address actually connected to.",
        _parse_networks,
    ),
    Setting(
        "NEWSREEL_CONFIRM_EVERY_QUOTE",
        "false",
        "Whether every quote waits for an editor to confirm its speaker before it appears on "
        "a person's or a film's page. Off: only quotes the text core is not sure of (confidence "
        "below 0.8) wait; the desk's quote panel shows each quote's confidence.",
        _parse_bool,
    ),
)


@dataclass(frozen=True)
class Config:
    data_dir: Path
    database_url: str
    site_url: str
    debug: bool
    allowed_hosts: list[str]
    cache_url: str
    publish_renders: str
    image_max_pixels: int = 40_000_000
    image_max_bytes: int = 20_000_000
    body_max_bytes: int = 1_000_000
    time_zone: str = "UTC"
    embedded_worker: bool = True
    secret_key: str = ""
    secret_key_fallbacks: tuple[str, ...] = ()
    proxy_ssl_header: str = ""
    secure_cookies: bool | None = None
    hsts_seconds: int = 0
    s3_bucket: str = ""
    s3_endpoint_url: str = ""
    s3_region: str = ""
    s3_access_key_id: str = ""
    s3_secret_access_key: str = ""
    media_url: str = ""
    access_log: bool = False
    log_format: str = "text"
    cdn_purge_url: str = ""
    cdn_purge_method: str = "POST"
    cdn_purge_header: str = ""
    cdn_purge_body: str = '{"urls": {urls}}'
    smtp_url: str = ""
    email_from: str = "Newsreel <newsreel@localhost>"
    invite_days: int = 7
    embed_posters: bool = True
    rating_scale: str = "stars-5"
    api_rate_limit: int = 600
    webhook_attempts: int = 8
    webhook_retry_seconds: int = 30
    webhook_disable_after: int = 5
    webhook_private_networks: tuple[str, ...] = ()
    confirm_every_quote: bool = False

    @property
    def https(self) -> bool:
        return self.site_url.startswith("https://")
    write_wait: float = 60.0

    @property
    def media_dir(self) -> Path:
        return self.data_dir / "media"

    @property
    def sqlite_path(self) -> Path:
        return self.data_dir / "newsreel.sqlite3"


def load_config(environ: Mapping[str, str] | None = None) -> Config:
    """Parse every declared setting; raise ConfigError naming the first bad one."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for setting in SETTINGS:
        raw = environ.get(setting.name, setting.default)
        try:
            values[setting.name] = setting.parse(raw)
        except ValueError as error:
            raise ConfigError(f"{setting.name}={raw!r} is not valid: {error}") from None
    config = Config(
        data_dir=values["NEWSREEL_DATA_DIR"],
        database_url=values["DATABASE_URL"],
        site_url=values["NEWSREEL_SITE_URL"],
        debug=values["NEWSREEL_DEBUG"],
        allowed_hosts=values["NEWSREEL_ALLOWED_HOSTS"],
        cache_url=values["NEWSREEL_CACHE_URL"],
        publish_renders=values["NEWSREEL_PUBLISH_RENDERS"],
        image_max_pixels=values["NEWSREEL_IMAGE_MAX_PIXELS"],
        image_max_bytes=values["NEWSREEL_IMAGE_MAX_BYTES"],
        body_max_bytes=values["NEWSREEL_BODY_MAX_BYTES"],
        time_zone=values["NEWSREEL_TIME_ZONE"],
        embedded_worker=values["NEWSREEL_EMBEDDED_WORKER"],
        secret_key=values["NEWSREEL_SECRET_KEY"],
        secret_key_fallbacks=tuple(values["NEWSREEL_SECRET_KEY_FALLBACKS"]),
        proxy_ssl_header=values["NEWSREEL_PROXY_SSL_HEADER"],
        secure_cookies=values["NEWSREEL_SECURE_COOKIES"],
        hsts_seconds=values["NEWSREEL_HSTS_SECONDS"],
        s3_bucket=values["NEWSREEL_S3_BUCKET"],
        s3_endpoint_url=values["NEWSREEL_S3_ENDPOINT_URL"],
        s3_region=values["NEWSREEL_S3_REGION"],
        s3_access_key_id=values["NEWSREEL_S3_ACCESS_KEY_ID"],
        s3_secret_access_key=values["NEWSREEL_S3_SECRET_ACCESS_KEY"],
        media_url=values["NEWSREEL_MEDIA_URL"],
        access_log=values["NEWSREEL_ACCESS_LOG"],
        log_format=values["NEWSREEL_LOG_FORMAT"],
        cdn_purge_url=values["NEWSREEL_CDN_PURGE_URL"],
        cdn_purge_method=values["NEWSREEL_CDN_PURGE_METHOD"],
        cdn_purge_header=values["NEWSREEL_CDN_PURGE_HEADER"],
        cdn_purge_body=values["NEWSREEL_CDN_PURGE_BODY"],
        write_wait=values["NEWSREEL_WRITE_WAIT"],
        smtp_url=values["NEWSREEL_SMTP_URL"],
        email_from=values["NEWSREEL_EMAIL_FROM"],
        invite_days=values["NEWSREEL_INVITE_DAYS"],
        embed_posters=values["NEWSREEL_EMBED_POSTERS"],
        rating_scale=values["NEWSREEL_RATING_SCALE"],
        api_rate_limit=values["NEWSREEL_API_RATE_LIMIT"],
        webhook_attempts=values["NEWSREEL_WEBHOOK_ATTEMPTS"],
        webhook_retry_seconds=values["NEWSREEL_WEBHOOK_RETRY_SECONDS"],
        webhook_disable_after=values["NEWSREEL_WEBHOOK_DISABLE_AFTER"],
        webhook_private_networks=values["NEWSREEL_WEBHOOK_PRIVATE_NETWORKS"],
        confirm_every_quote=values["NEWSREEL_CONFIRM_EVERY_QUOTE"],
    )
    check_config(config)
    return config


def check_config(config: Config) -> None:
    """Rules that tie several settings together; raise ConfigError naming the one to set."""
    if config.database_url and not config.secret_key:
        raise ConfigError(
            "NEWSREEL_SECRET_KEY is required when DATABASE_URL is set: every app server must sign "
            "sessions with the same key. Make one with "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    if config.secret_key and config.secret_key in config.secret_key_fallbacks:
        raise ConfigError("NEWSREEL_SECRET_KEY_FALLBACKS must not repeat NEWSREEL_SECRET_KEY (list only former keys)")
    s3_only = [name for name, value in (("NEWSREEL_S3_ENDPOINT_URL", config.s3_endpoint_url),
                                        ("NEWSREEL_S3_ACCESS_KEY_ID", config.s3_access_key_id),
                                        ("NEWSREEL_MEDIA_URL", config.media_url)) if value]
    if s3_only and not config.s3_bucket:
        raise ConfigError(f"{s3_only[0]} is set but NEWSREEL_S3_BUCKET is empty: name the bucket that holds the media")
    if bool(config.s3_access_key_id) != bool(config.s3_secret_access_key):
        raise ConfigError("NEWSREEL_S3_ACCESS_KEY_ID and NEWSREEL_S3_SECRET_ACCESS_KEY go together: set both or neither")
    if config.cdn_purge_url and not re.search(r"\{(url|quoted_url|path)\}", config.cdn_purge_url) \
            and "{urls}" not in config.cdn_purge_body and "{tags}" not in config.cdn_purge_body:
        raise ConfigError("NEWSREEL_CDN_PURGE_BODY must hold {urls} (the pages' URLs as a JSON array) or {tags} "
                          "(their cache tags) when NEWSREEL_CDN_PURGE_URL has no {url}, {quoted_url} or {path}")


def ensure_data_dir(config: Config) -> None:
    """Create the data folder and its media folder, or say which setting points somewhere unusable.

    A new data folder is readable by its owner alone (mode 0700): it holds the database and
    the secret key.
    """
    try:
        # exist_ok: two processes starting on a new folder at once (two `migrate`s) both succeed.
        config.data_dir.mkdir(parents=True, mode=0o700, exist_ok=True)
        config.media_dir.mkdir(exist_ok=True)
        (config.data_dir / "static").mkdir(exist_ok=True)
        if not config.database_url:
            _create_private_file(config.sqlite_path)
    except OSError as error:
        raise ConfigError(
            f"NEWSREEL_DATA_DIR={str(config.data_dir)!r} cannot be created: {error.strerror}"
        ) from None
    if not os.access(config.data_dir, os.W_OK):
        raise ConfigError(f"NEWSREEL_DATA_DIR={str(config.data_dir)!r} is not writable")


def _create_private_file(path: Path) -> None:
    """Make `path` (empty) readable by its owner alone; an existing one loses group and other access.

    An empty file is a valid empty SQLite database; SQLite gives its -wal and -shm files the
    database file's mode, so they stay private too.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        if path.stat().st_mode & 0o077:  # made by an older Newsreel with the umask's mode
            for each in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                if each.exists():
                    each.chmod(0o600)


def secret_key(config: Config) -> str:
    """The site's secret key: NEWSREEL_SECRET_KEY, or for the embedded default one generated
    once and kept in the data folder (mode 0600, never in the repo)."""
    import secrets

    if config.secret_key:
        return config.secret_key

    path = config.data_dir / "secret_key"
    try:
        return _read_secret_key(path)
    except FileNotFoundError:
        pass
    # Written whole to a private file of this process's own, then linked into place: another
    # process starting at the same moment either finds no key or the complete one, never a
    # half-written file, and the first link wins.
    key = secrets.token_urlsafe(50)
    draft = path.with_name(f".secret_key.{os.getpid()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    try:
        os.link(draft, path)
    except FileExistsError:  # another process made it first
        key = _read_secret_key(path)
    finally:
        draft.unlink()
    return key


def _read_secret_key(path: Path) -> str:
    key = path.read_text().strip()
    if not key:
        raise ConfigError(f"{path} is empty: delete it (a new key is made) or put the site's secret key in it")
    return key
