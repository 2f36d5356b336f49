"""A feed document: one scope's channel data and newest items, before any format writes it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings

from newsreel import links
from newsreel.public.feeds.items import FEED_LENGTH, FeedItem, ItemCache, items_for, latest_change
from newsreel.public.feeds.scopes import FeedScope
from newsreel.public.models import SiteSettings
from newsreel.public.pages.common import absolute, image_info
from newsreel.public.pages.shared import site_settings


@dataclass(frozen=True)
class FeedDocument:
    """Everything a format writes: the scope's channel data and its items."""

    scope: FeedScope
    items: list[FeedItem]
    self_url: str
    page_url: str
    home_url: str
    site_name: str
    language: str  # BCP 47, e.g. "en-US"
    updated: datetime  # the newest item's last change; for an empty feed, the site settings'
    icon_url: str | None


def language_tag() -> str:
    """settings.LANGUAGE_CODE ("en-us") as a BCP 47 tag ("en-US")."""
    language, _, region = settings.LANGUAGE_CODE.partition("-")
    return f"{language}-{region.upper()}" if region else language


def document_for(scope: FeedScope, self_path: str, *, cache: ItemCache | None = None,
                 article_ids: list[int] | None = None, site: SiteSettings | None = None) -> FeedDocument:
    """The scope's newest stories; `cache` and `article_ids` let several formats share the work."""
    site = site or site_settings()
    ids = scope.article_ids(FEED_LENGTH) if article_ids is None else article_ids
    items = items_for(ids, cache)
    logo = image_info(site.logo)
    return FeedDocument(
        scope=scope, items=items, self_url=absolute(self_path), page_url=absolute(scope.page_url),
        home_url=absolute(links.path("home")), site_name=site.name, language=language_tag(),
        # Never "now": the same data must give the same bytes (ETags, static export).
        updated=latest_change(items) or site.updated_at,
        icon_url=logo.absolute_url if logo else None,
    )
