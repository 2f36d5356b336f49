"""Head metadata for social cards: Open Graph and Twitter card tags, built once per render.

A page passes what it is about; `templates/public/_seo_head.html` writes the tags. Every
description given here must come from a spoiler-safe field (Article.meta_description,
a film's synopsis, a person's bio, site settings), never from an article body.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from newsreel.images.renditions import Picture


@dataclass(frozen=True)
class MetaTag:
    """One <meta>: Open Graph uses `property=`, Twitter cards use `name=`."""

    attribute: str
    key: str
    content: str


def social_tags(
    *,
    site_name: str,
    kind: str,
    title: str,
    description: str,
    url: str,
    image: Picture | None = None,
    published: datetime | None = None,
    modified: datetime | None = None,
    section: str = "",
    tags: Iterable[str] = (),
) -> list[MetaTag]:
    """Open Graph (with article:* for articles) and a Twitter card with the image's crop for that card."""
    og = [("og:type", kind), ("og:site_name", site_name), ("og:title", title)]
    if description:
        og.append(("og:description", description))
    og.append(("og:url", url))
    # Stories always ask for the large card (it falls back to text when there is no picture).
    card = "summary_large_image" if kind == "article" else "summary"
    if image is not None:
        # Stories get the wide card with the 16:9 crop; film and person pages (posters and
        # portraits, rarely wide) the small square card with the 1:1 crop.
        social = image.social if card == "summary_large_image" else image.crops.get("1x1", image.social)
        og.append(("og:image", social.absolute_url))
        if social.width and social.height:
            og += [("og:image:width", str(social.width)), ("og:image:height", str(social.height))]
        og.append(("og:image:alt", image.alt))
    if kind == "article":
        if published:
            og.append(("article:published_time", published.isoformat()))
        if modified:
            og.append(("article:modified_time", modified.isoformat()))
        if section:
            og.append(("article:section", section))
        og += [("article:tag", tag) for tag in tags]
    twitter = [("twitter:card", card), ("twitter:title", title)]
    if description:
        twitter.append(("twitter:description", description))
    if image is not None:
        twitter += [("twitter:image", social.absolute_url), ("twitter:image:alt", image.alt)]
    return [MetaTag("property", key, value) for key, value in og] + [MetaTag("name", key, value) for key, value in twitter]
