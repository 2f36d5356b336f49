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
from newsreel.images.renditions import Picture, picture
from newsreel.public.pages.seo import social_tags
from newsreel.public.pages.shared import nav_sections, site_settings


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
    site = context.get("site") or site_settings()
    if "social_tags" not in context and context.get("canonical"):
        # A page that says nothing of its card still gets a plain one from its title.
        context = {**context, "social_tags": social_tags(
            site_name=site.name, kind="website", title=context.get("title") or site.name,
            description=context.get("description") or "", url=context["canonical"])}
    chrome = {
        "site": site,
        "site_url": settings.SITE_URL,
        "social_links": [link for link in site.social_links if isinstance(link, dict) and link.get("url")],
        "nav_sections": nav_sections(),
    }
    return render_to_string(template, {**chrome, **context}).encode("utf-8")


def json_ld(data: dict[str, Any]) -> SafeString:
    """JSON for a <script type="application/ld+json">, safe inside the script element.

    `<`, `>` and `&` become JSON escapes, so no value can close the element (`</script>`),
    open a comment (`<!--`) or start an entity; U+2028/U+2029 are escaped for old parsers.
    JSON parsers read the escapes back as the same characters.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escaped in _SCRIPT_SAFE.items():
        text = text.replace(character, escaped)
    return mark_safe(text)


_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def image_info(image: Image | None) -> Picture | None:
    """What a template needs to show an image responsively without layout shift, or None.

    Reads the renditions made at upload; never makes any (this runs while rendering pages).
    """
    return picture(image)


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
