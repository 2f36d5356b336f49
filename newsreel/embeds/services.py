"""The embed lookup the text core is given: what we stored for an embed, fetching it first when
the site fetches posters (`NEWSREEL_EMBED_POSTERS`) and nothing is stored yet."""

from __future__ import annotations

import datetime as dt
import io
import logging
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from newsreel.embeds import fetcher
from newsreel.embeds.models import EmbedPoster
from newsreel.images.services import create_image, image_ref
from newsreel.text.embeds import EmbedMedia, EmbedRef

log = logging.getLogger(__name__)
RETRY_AFTER = dt.timedelta(days=1)
_fetching: ContextVar[bool] = ContextVar("newsreel_embed_fetching", default=True)
_stored_links: ContextVar["_StoredLinks | None"] = ContextVar("newsreel_embed_stored_links", default=None)


class _StoredLinks:
    """The links that have something stored, read on the first lookup of a `nothing_fetched` block.

    Nothing in the block stores a poster, so a link outside the set has none: an archive's
    embeds, most of them never fetched, are answered without a query each. (A poster the desk
    stores meanwhile shows from the story's next save, as a fetched one would.)"""

    def __init__(self) -> None:
        self._links: frozenset[str] | None = None

    def __contains__(self, link: str) -> bool:
        if self._links is None:
            self._links = frozenset(EmbedPoster.objects.values_list("link", flat=True))
        return link in self._links


@contextmanager
def nothing_fetched() -> Iterator[None]:
    """Inside the block no poster is fetched, whatever NEWSREEL_EMBED_POSTERS says: an import reads
    only what it is given. (Its stories are prepared outside their transactions, in a dry run or
    one story per transaction, where the fetcher would otherwise ask YouTube or Vimeo for every
    link of the archive.) Posters come when a story is next saved in the desk."""
    token, links = _fetching.set(False), _stored_links.set(_StoredLinks())
    try:
        yield
    finally:
        _stored_links.reset(links)
        _fetching.reset(token)


def embed_media(embed: EmbedRef) -> EmbedMedia | None:
    """The title and poster for `embed`, as the text core's `embeds` lookup."""
    stored_links = _stored_links.get()
    if stored_links is not None and embed.link not in stored_links:
        return None
    stored = EmbedPoster.objects.select_related("image").filter(link=embed.link).first()
    if _should_fetch(stored):
        stored = refresh(embed, stored)
    if stored is None:
        return None
    return EmbedMedia(title=stored.title, poster=image_ref(stored.image) if stored.image else None)


def _should_fetch(stored: EmbedPoster | None) -> bool:
    if not settings.EMBED_POSTERS or not _fetching.get() or connection.in_atomic_block:
        return False  # never a network call while a write transaction holds the database
    return stored is None or (stored.image_id is None and stored.fetched_at < timezone.now() - RETRY_AFTER)


def refresh(embed: EmbedRef, stored: EmbedPoster | None = None) -> EmbedPoster:
    """Ask the provider again and keep what it gives (a poster the image library refuses is dropped)."""
    fetched = fetcher.fetch(embed)
    image = None
    if fetched.image:
        name = fetched.title or f"{embed.provider_name} {'video' if embed.kind == 'video' else 'post'}"
        try:
            image = create_image(io.BytesIO(fetched.image), alt=f"Poster frame of {name}"[:300],
                                 credit=f"Poster frame: {embed.provider_name}", name=fetched.image_name)
        except ValidationError as error:
            log.warning("embed poster for %s refused by the image library: %s", embed.link, error)
    stored, _ = EmbedPoster.objects.update_or_create(
        link=embed.link,
        defaults={"provider": embed.provider, "title": fetched.title or (stored.title if stored else ""),
                  "image": image or (stored.image if stored else None), "fetched_at": timezone.now()},
    )
    return stored
