"""What every rendered page shares: site chrome, absolute URLs, images, JSON-LD, dates."""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from newsreel.films.models import Film, ReleaseStatus
from newsreel.images.models import Image
from newsreel.newsroom.models import Section
from newsreel.public.models import SiteSettings


def absolute(url: str) -> str:
    """`url` as an absolute URL on the public site (canonical links, cards, JSON-LD)."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL + (url if url.startswith("/") else "/" + url)


def render_page(template: str, context: dict[str, Any]) -> bytes:
    """A complete HTML page as bytes, with the site's header and footer.

    No request is involved: the same bytes come out for the server, the store and a
    static export, whoever triggers the render.
    """
    site = context.get("site") or SiteSettings.current()
    chrome = {
        "site": site,
        "site_url": settings.SITE_URL,
        "social_links": [link for link in site.social_links if isinstance(link, dict) and link.get("url")],
        "nav_sections": list(Section.objects.all()),
    }
    return render_to_string(template, {**chrome, **context}).encode("utf-8")


def json_ld(data: dict[str, Any]) -> SafeString:
    """JSON for a <script type="application/ld+json">, safe against a closing </script>."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)


def image_info(image: Image | None) -> dict[str, Any] | None:
    """What a template needs to show an image without layout shift, or None."""
    if image is None or not image.file:
        return None
    url = image.file.url
    srcset = ""
    renditions = image.renditions or {}
    try:
        widths = sorted((int(width), rendition) for width, rendition in renditions.items())
    except (TypeError, ValueError):
        widths = []
    if widths:
        srcset = ", ".join(f"{rendition} {width}w" for width, rendition in widths if isinstance(rendition, str))
        if image.width and srcset:
            srcset += f", {url} {image.width}w"
    return {
        "url": url,
        "absolute_url": absolute(url),
        "srcset": srcset,
        "alt": image.alt,
        "credit": image.credit,
        "caption": image.caption,
        "width": image.width or None,
        "height": image.height or None,
        "focal": f"{image.focal_x * 100:.0f}% {image.focal_y * 100:.0f}%",
    }


def film_status_line(film: Film) -> str:
    """Where a reader can see the film, e.g. "Now playing in theaters from Neon"."""
    distributor = film.distributor.strip()
    status = film.status
    if status == ReleaseStatus.IN_THEATERS:
        return f"Now playing in theaters from {distributor}" if distributor else "Now playing in theaters"
    if status == ReleaseStatus.STREAMING:
        return f"Now streaming from {distributor}" if distributor else "Now streaming"
    if status == ReleaseStatus.RELEASED:
        return f"Released by {distributor}" if distributor else "Released"
    label = ReleaseStatus(status).label if status in ReleaseStatus.values else ""
    if label and distributor:
        return f"{label}; distributed by {distributor}"
    if distributor:
        return f"Distributed by {distributor}"
    return label


def spoiler_note_html(note: str) -> SafeString:
    """The generated spoiler note, with *Title* set in italics (the text core's markup)."""
    parts = escape(note).split("*")
    if len(parts) % 2 == 0:  # an unpaired asterisk: keep the text as written
        return escape(note)
    return mark_safe("".join(f"<em>{part}</em>" if index % 2 else part for index, part in enumerate(parts)))
