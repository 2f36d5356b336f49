"""Every setting Newsreel reads from the environment, declared once.

Each `Setting` has its default and help text; `load_config()` parses them all and stops
with a `ConfigError` that names the variable when one is bad. The table in
`docs/configuration.md` is checked against this list by the test suite.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping
from urllib.parse import urlsplit


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


PUBLISH_RENDERS_CHOICES = ("front", "everything")


def _parse_publish_renders(value: str) -> str:
    value = value.strip().lower()
    if value not in PUBLISH_RENDERS_CHOICES:
        raise ValueError(f"expected one of {', '.join(PUBLISH_RENDERS_CHOICES)}")
    return value


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


def _parse_cache_url(value: str) -> str:
    value = value.strip()
    if value and urlsplit(value).scheme not in {"redis", "rediss"}:
        raise ValueError("expected redis://host:port/db")
    return value


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
        "Optional shared cache, e.g. redis://127.0.0.1:6379/0. Empty means a per-process "
        "memory cache.",
        _parse_cache_url,
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
    return Config(
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
    )


def ensure_data_dir(config: Config) -> None:
    """Create the data folder and its media folder, or say which setting points somewhere unusable."""
    try:
        config.media_dir.mkdir(parents=True, exist_ok=True)
        (config.data_dir / "static").mkdir(exist_ok=True)
    except OSError as error:
        raise ConfigError(
            f"NEWSREEL_DATA_DIR={str(config.data_dir)!r} cannot be created: {error.strerror}"
        ) from None
    if not os.access(config.data_dir, os.W_OK):
        raise ConfigError(f"NEWSREEL_DATA_DIR={str(config.data_dir)!r} is not writable")


def secret_key(config: Config) -> str:
    """The site's secret key, generated once and kept in the data folder (never in the repo)."""
    import secrets

    path = config.data_dir / "secret_key"
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        key = secrets.token_urlsafe(50)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first
            return path.read_text().strip()
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
        return key
