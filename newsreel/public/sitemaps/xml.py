"""Writing sitemap XML: namespaces, W3C dates and the few elements the protocol has."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Iterable
from xml.sax.saxutils import escape

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
IMAGE_NS = "http://www.google.com/schemas/sitemap-image/1.1"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
CONTENT_TYPE = "application/xml; charset=utf-8"
_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True)
class UrlEntry:
    """One <url>: an absolute location, when it last changed, and the images it shows."""

    loc: str
    lastmod: datetime | None = None
    images: tuple[str, ...] = ()
    news: str = ""  # a ready <news:news> element (news sitemap only)


@dataclass(frozen=True)
class IndexEntry:
    loc: str
    lastmod: datetime | None = None


def w3c_datetime(moment: datetime) -> str:
    """W3C Datetime in UTC, to the second: 2026-03-02T09:00:00+00:00."""
    return moment.astimezone(timezone.utc).replace(microsecond=0).isoformat()


def urlset(entries: Iterable[UrlEntry], *, images: bool = False, news: bool = False) -> bytes:
    """A complete <urlset> document, declaring only the extensions it uses."""
    namespaces = f' xmlns="{SITEMAP_NS}"'
    if images:
        namespaces += f' xmlns:image="{IMAGE_NS}"'
    if news:
        namespaces += f' xmlns:news="{NEWS_NS}"'
    parts = [_DECLARATION, f"<urlset{namespaces}>\n"]
    for entry in entries:
        parts.append(f"<url><loc>{escape(entry.loc)}</loc>")
        if entry.lastmod is not None:
            parts.append(f"<lastmod>{w3c_datetime(entry.lastmod)}</lastmod>")
        for image in entry.images:
            parts.append(f"<image:image><image:loc>{escape(image)}</image:loc></image:image>")
        parts.append(entry.news)
        parts.append("</url>\n")
    parts.append("</urlset>\n")
    return "".join(parts).encode("utf-8")


def sitemapindex(entries: Iterable[IndexEntry]) -> bytes:
    parts = [_DECLARATION, f'<sitemapindex xmlns="{SITEMAP_NS}">\n']
    for entry in entries:
        parts.append(f"<sitemap><loc>{escape(entry.loc)}</loc>")
        if entry.lastmod is not None:
            parts.append(f"<lastmod>{w3c_datetime(entry.lastmod)}</lastmod>")
        parts.append("</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return "".join(parts).encode("utf-8")


def news_element(*, publication: str, language: str, published: datetime, title: str) -> str:
    return (
        f"<news:news><news:publication><news:name>{escape(publication)}</news:name>"
        f"<news:language>{escape(language)}</news:language></news:publication>"
        f"<news:publication_date>{w3c_datetime(published)}</news:publication_date>"
        f"<news:title>{escape(title)}</news:title></news:news>"
    )


def latest(*moments: datetime | None) -> datetime | None:
    """The latest of some dates, ignoring missing ones."""
    return max((moment for moment in moments if moment is not None), default=None)

