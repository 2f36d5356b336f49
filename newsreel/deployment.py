"""Django settings for running on several machines, derived from `newsreel.config.Config`.

Kept apart from `newsreel/settings.py` so each rule has a name, a docstring and a test:
which origins may post to the desk, where media live, how logs look.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from newsreel.config import Config

# Features no page of ours uses, refused for every frame (a script injected into a page, or
# a page that frames ours, cannot turn them on). Only names every current browser knows: an
# unknown one is logged as a console error on every page.
PERMISSIONS_POLICY_HEADER = ", ".join(
    f"{feature}=()" for feature in (
        "accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb",
    )
)


def trusted_origins(config: Config) -> list[str]:
    """Origins whose POSTs the desk accepts: the site URL's, and each extra host's on its scheme.

    Behind a TLS proxy Django sees http while the browser's Origin says https; naming the
    https origin here keeps the desk login working even before the proxy header is set.
    """
    scheme = urlsplit(config.site_url).scheme
    origins = [config.site_url]
    for host in config.allowed_hosts:
        if host.startswith("."):  # a subdomain wildcard: Django's origin patterns spell it *.
            origins.append(f"{scheme}://*{host}")
        elif host != "*":
            origins.append(f"{scheme}://{host}")
    return list(dict.fromkeys(origins))


def media_storage(config: Config) -> dict[str, Any]:
    """The STORAGES["default"] entry: the data folder, or an S3-compatible bucket."""
    if not config.s3_bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options: dict[str, Any] = {
        "bucket_name": config.s3_bucket,
        # Readers fetch images straight from the bucket (or the CDN in front of it): plain
        # URLs, no signatures that expire inside a cached page.
        "querystring_auth": False,
        # An upload never replaces another (names are made unique), so pages and CDNs may
        # keep a media URL for good.
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
    if config.s3_endpoint_url:
        options["endpoint_url"] = config.s3_endpoint_url
    if config.s3_region:
        options["region_name"] = config.s3_region
    if config.s3_access_key_id:
        options["access_key"] = config.s3_access_key_id
        options["secret_key"] = config.s3_secret_access_key
    if config.media_url:
        parts = urlsplit(config.media_url)
        options["custom_domain"] = parts.netloc + parts.path
        options["url_protocol"] = parts.scheme + ":"
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_url(config: Config) -> str:
    """MEDIA_URL for media in a bucket: absolute, so no local /media/ route is added."""
    if config.media_url:
        return config.media_url + "/"
    if config.s3_endpoint_url:  # path-style, as S3-compatible servers answer
        return f"{config.s3_endpoint_url}/{config.s3_bucket}/"
    region = f".{config.s3_region}" if config.s3_region else ""
    return f"https://{config.s3_bucket}.s3{region}.amazonaws.com/"


def logging_config(config: Config) -> dict[str, Any]:
    """Django's LOGGING: warnings and errors (and console e-mail) on standard error, as text or one JSON
    object a line."""
    handler: dict[str, Any] = {"class": "logging.StreamHandler"}
    formatters = {}
    if config.log_format == "json":
        formatters["json"] = {"()": "newsreel.operations.logs.JsonFormatter"}
        handler["formatter"] = "json"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": formatters,
        "handlers": {"console": handler},
        "root": {"handlers": ["console"], "level": "WARNING"},
        # The console e-mail backend's messages (newsreel.operations.mail): on the same stream
        # as every other log line, never on standard output between the access log's lines.
        "loggers": {"newsreel.mail": {"handlers": ["console"], "level": "INFO", "propagate": False}},
    }
