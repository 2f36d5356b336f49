"""Pages that list stories: home (lead, latest, sections), and the paginated section,
tag, author and monthly archive pages, plus the archive's index of months."""

from __future__ import annotations

from typing import Any

from newsreel import links
from newsreel.newsroom.models import Author, Section, Tag
from newsreel.public.models import SiteSettings
from newsreel.newsroom.profiles import link_label
from newsreel.public.pages import structured_data
from newsreel.public.pages.common import absolute, image_info, json_ld, render_page
from newsreel.public.pages.pagination import Pager, paginate
from newsreel.public.pages.queries import (
    author_articles, listed_articles, month_articles, month_counts, month_start, section_articles, tag_articles,
)
from newsreel.public.pages.shared import nav_sections, site_settings

LATEST_COUNT = 8
PER_SECTION = 4


def render_home() -> bytes:
    """One lead story, then the latest, then each section's newest not already shown."""
    site = site_settings()
    top = list(listed_articles()[: LATEST_COUNT + 1])
    lead = top[0] if top else None
    shown = {article.pk for article in top}
    sections = []
    for section in nav_sections():
        stories = list(listed_articles().filter(section=section).exclude(pk__in=shown)[:PER_SECTION])
        if stories:
            sections.append({"section": section, "stories": stories})
    context: dict[str, Any] = {
        "site": site,
        "title": f"{site.name}: {site.tagline}" if site.tagline else site.name,
        "description": site.description or site.tagline,
        "canonical": absolute(links.path("home")),
        "is_home": True,
        "lead": lead,
        "lead_hero": image_info(lead.hero_image) if lead else None,
        "latest": top[1:],
        "sections": sections,
        "json_ld": json_ld({
            "@context": "https://schema.org", "@type": "WebSite", "name": site.name, "url": absolute(links.path("home")),
            "description": site.description or site.tagline,
        }),
    }
    return render_page("public/home.html", context)


def archive_url() -> str:
    return links.path("archive")


def month_url(year: int, month: int) -> str:
    return links.path("archive-month", year=f"{year:04d}", month=f"{month:02d}")


def render_section(section: Section, page: int = 1) -> bytes:
    """A section's stories, newest first, 20 a page."""
    site = site_settings()
    pager = paginate(section_articles(section), page, section.get_absolute_url())
    return _render_listing(pager, site, heading=section.name, intro=section.description if page == 1 else "",
                           description=section.description or f"{section.name} from {site.name}",
                           current_section=section.slug)


def render_tag(tag: Tag, page: int = 1) -> bytes:
    """Stories with a tag, newest first; a tag with no live stories has no page."""
    site = site_settings()
    pager = paginate(tag_articles(tag), page, tag.get_absolute_url(), allow_empty=False)
    return _render_listing(pager, site, heading=tag.name, kicker="Tag",
                           description=f"Stories tagged {tag.name} on {site.name}")


def render_author(author: Author, page: int = 1) -> bytes:
    """An author's bylined stories, newest first."""
    site = site_settings()
    pager = paginate(author_articles(author), page, author.get_absolute_url())
    first = page == 1
    return _render_listing(
        pager, site, heading=author.name, kicker="Author", intro=author.bio if first else "",
        description=author.bio[:200] if author.bio else f"Stories by {author.name} for {site.name}",
        json_ld=json_ld(structured_data.author(author)),
        # The profile shows on the first page; the later pages are the list alone.
        portrait=image_info(author.photo) if first and author.photo_id else None,
        elsewhere=[{"url": link, "label": link_label(link)} for link in author.same_as] if first else [],
    )


def render_month(year: int, month: int, page: int = 1) -> bytes:
    """A month's stories, newest first; a month with none has no page.

    Raises ValueError for a month that is not 1-12.
    """
    site = site_settings()
    name = f"{month_start(year, month):%B %Y}"
    pager = paginate(month_articles(year, month), page, month_url(year, month), allow_empty=False)
    return _render_listing(pager, site, heading=name, kicker="Archive",
                           description=f"Stories {site.name} published in {name}",
                           breadcrumb={"url": archive_url(), "name": "Archive"})


def render_archive_index() -> bytes:
    """Every month with stories, newest first, grouped by year, with counts."""
    site = site_settings()
    years: list[dict[str, Any]] = []
    for month, count in month_counts():
        if not years or years[-1]["year"] != month.year:
            years.append({"year": month.year, "months": []})
        years[-1]["months"].append({"date": month, "count": count, "url": month_url(month.year, month.month)})
    return render_page("public/archive.html", {
        "site": site,
        "title": f"Archive | {site.name}",
        "description": f"Every story {site.name} has published, month by month",
        "canonical": absolute(archive_url()),
        "years": years,
    })


def _render_listing(pager: Pager, site: SiteSettings, *, heading: str, description: str, kicker: str = "",
                    intro: str = "", **extra: Any) -> bytes:
    numbered = f" (page {pager.number} of {pager.count})" if pager.number > 1 else ""
    return render_page("public/listing.html", {
        "site": site,
        "title": f"{heading}{numbered} | {site.name}",
        "description": description,
        "canonical": absolute(pager.url),
        "heading": heading,
        "kicker": kicker,
        "intro": intro,
        "stories": pager.items,
        "pager": pager,
        **extra,
    })

