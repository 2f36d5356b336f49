"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""

from __future__ import annotations

import json
from typing import Any

from newsreel.public.feeds.document import FeedDocument
from newsreel.public.feeds.items import FeedItem

VERSION = "https://jsonfeed.org/version/1.1"


def feed_object(document: FeedDocument) -> dict[str, Any]:
    """The feed as JSON-ready data."""
    data: dict[str, Any] = {
        "version": VERSION,
        "title": document.scope.title,
        "home_page_url": document.page_url,
        "feed_url": document.self_url,
        "description": document.scope.description,
        "language": document.language,
        "authors": [{"name": document.site_name, "url": document.home_url}],
    }
    if document.icon_url:
        data["icon"] = document.icon_url
    data["items"] = [_item(item) for item in document.items]
    return data


def _item(item: FeedItem) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": item.id,
        "url": item.url,
        "title": item.title,
        "content_html": item.content_html,
        "summary": item.summary,
        "date_published": item.published.isoformat(),
        "date_modified": item.updated.isoformat(),
        "authors": [{"name": author.name, "url": author.url} for author in item.authors],
        "tags": list(item.categories),
    }
    if item.image:
        entry["image"] = item.image.url
    return entry


def write(document: FeedDocument) -> bytes:
    return json.dumps(feed_object(document), ensure_ascii=False, indent=1).encode("utf-8")
