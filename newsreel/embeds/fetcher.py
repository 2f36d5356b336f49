"""Asking a provider for an embed's title and poster frame (oEmbed and thumbnail addresses from
`newsreel.text.embeds.PROVIDERS`).

Runs when a story is saved, previewed or published, never when a reader reads it. Tests never
reach the network: `NEWSREEL_EMBED_POSTERS` is off under pytest, and the tests that exercise
fetching replace `fetch` with their own function.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from dataclasses import dataclass
from urllib.error import URLError
from urllib.parse import quote

from newsreel.images.checks import max_bytes
from newsreel.text.embeds import PROVIDERS_BY_KEY, EmbedRef

log = logging.getLogger(__name__)
TIMEOUT_SECONDS = 5
_JSON_LIMIT = 200_000
_USER_AGENT = "Newsreel poster fetcher"


@dataclass(frozen=True)
class Fetched:
    title: str = ""
    image: bytes | None = None  # the poster frame's file, still to be checked by the image library
    image_name: str = "poster.jpg"


def fetch(embed: EmbedRef) -> Fetched:
    """The title and poster frame the provider gives for `embed`; what it cannot give stays empty."""
    provider = PROVIDERS_BY_KEY[embed.provider]
    values = {**dict(embed.params), "link": quote(embed.link, safe="")}
    title, thumbnail = "", ""
    if provider.oembed:
        data = _json(provider.oembed.format(**values))
        title = str(data.get("title") or "").strip()
        if not title and data.get("author_name"):
            title = f"Post by {str(data['author_name']).strip()}"
        thumbnail = str(data.get("thumbnail_url") or "")
    if provider.thumbnail:
        thumbnail = thumbnail or provider.thumbnail.format(**values)
    image = _get(thumbnail, max_bytes()) if thumbnail.startswith("https://") else None
    return Fetched(title=title[:300], image=image, image_name=f"{embed.provider}-poster.jpg")


def _get(url: str, limit: int) -> bytes | None:
    request = urllib.request.Request(url, headers={"User-Agent": _USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (https only)
            if not response.geturl().startswith("https://"):
                return None
            data = response.read(limit + 1)
    except (URLError, OSError, ValueError) as error:
        log.warning("embed poster fetcher: %s did not answer (%s)", url, error)
        return None
    if len(data) > limit:
        log.warning("embed poster fetcher: %s sent more than %s bytes; ignored", url, limit)
        return None
    return data


def _json(url: str) -> dict:
    data = _get(url, _JSON_LIMIT)
    try:
        parsed = json.loads(data) if data else {}
    except ValueError:
        log.warning("embed poster fetcher: %s did not send JSON", url)
        return {}
    return parsed if isinstance(parsed, dict) else {}


