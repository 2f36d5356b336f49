"""Pages that list stories: home (lead, latest, sections), section and author pages."""

from __future__ import annotations

from typing import Any

from newsreel.newsroom.models import Author, Section
from newsreel.public.models import SiteSettings
from newsreel.public.pages.common import absolute, image_info, json_ld, render_page
from newsreel.public.pages.queries import LIST_LIMIT, live_articles

LATEST_COUNT = 8
PER_SECTION = 4


def render_home() -> bytes:
    """One lead story, then the latest, then each section's newest not already shown."""
    site = SiteSettings.current()
    top = list(live_articles()[: LATEST_COUNT + 1])
    lead = top[0] if top else None
    shown = {article.pk for article in top}
    sections = []
    for section in Section.objects.all():
        stories = list(live_articles().filter(section=section).exclude(pk__in=shown)[:PER_SECTION])
        if stories:
            sections.append({"section": section, "stories": stories})
    context: dict[str, Any] = {
        "site": site,
        "title": f"{site.name}: {site.tagline}" if site.tagline else site.name,
        "description": site.description or site.tagline,
        "canonical": absolute("/"),
        "is_home": True,
        "lead": lead,
        "lead_hero": image_info(lead.hero_image) if lead else None,
        "latest": top[1:],
        "sections": sections,
        "json_ld": json_ld({
            "@context": "https://schema.org", "@type": "WebSite", "name": site.name, "url": absolute("/"),
            "description": site.description or site.tagline,
        }),
    }
    return render_page("public/home.html", context)


def render_section(section: Section) -> bytes:
    """A section's stories, newest first."""
    site = SiteSettings.current()
    stories = list(live_articles().filter(section=section)[:LIST_LIMIT])
    return render_page("public/listing.html", {
        "site": site,
        "title": f"{section.name} | {site.name}",
        "description": section.description or f"{section.name} from {site.name}",
        "canonical": absolute(section.get_absolute_url()),
        "heading": section.name,
        "intro": section.description,
        "stories": stories,
        "limit": LIST_LIMIT,
        "current_section": section.slug,
    })


def render_author(author: Author) -> bytes:
    """An author's bylined stories, newest first."""
    site = SiteSettings.current()
    stories = list(live_articles().filter(authors=author)[:LIST_LIMIT])
    url = absolute(author.get_absolute_url())
    return render_page("public/listing.html", {
        "site": site,
        "title": f"{author.name} | {site.name}",
        "description": f"Stories by {author.name} for {site.name}",
        "canonical": url,
        "heading": author.name,
        "kicker": "Author",
        "intro": author.bio,
        "stories": stories,
        "limit": LIST_LIMIT,
        "json_ld": json_ld({"@context": "https://schema.org", "@type": "Person", "name": author.name, "url": url}),
    })
