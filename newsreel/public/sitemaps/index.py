"""The sitemap index, and sections.xml (the home page and each section)."""

from __future__ import annotations

from django.db.models import Max

from newsreel import links
from newsreel.newsroom.models import Section
from newsreel.newsroom.models.liveness import live_q
from newsreel.public.pages.common import absolute
from newsreel.public.pages.queries import live_articles
from newsreel.public.sitemaps.families import FAMILIES
from newsreel.public.sitemaps.news import has_news, news_path
from newsreel.public.sitemaps.xml import IndexEntry, UrlEntry, latest, sitemapindex, urlset



def index_path() -> str:
    return links.path("sitemap-index")


def sections_path() -> str:
    return links.path("sitemap-sections")


def section_entries() -> list[UrlEntry]:
    """The home page, then every section (each is in the site's navigation, even when empty)."""
    newest = live_articles().order_by().aggregate(at=Max("published_at"))["at"]
    entries = [UrlEntry(absolute(links.path("home")), newest)]
    sections = Section.objects.annotate(
        lastmod=Max("articles__published_at", filter=live_q("articles__"))
    )
    entries += [UrlEntry(absolute(section.get_absolute_url()), section.lastmod) for section in sections]
    return entries


def render_sections() -> bytes:
    return urlset(section_entries())


def index_entries() -> list[IndexEntry]:
    """Every sitemap file with at least one URL in it."""
    sections = section_entries()
    entries = [IndexEntry(absolute(sections_path()), latest(*(entry.lastmod for entry in sections)))]
    if has_news():  # with nothing recent there is no news sitemap (an empty <urlset> is invalid)
        entries.append(IndexEntry(absolute(news_path())))
    for family in FAMILIES.values():
        entries += [IndexEntry(absolute(family.path(part)), lastmod) for part, lastmod in family.parts()]
    return entries


def render_index() -> bytes:
    return sitemapindex(index_entries())
