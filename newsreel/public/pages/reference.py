"""Film and person pages: reference pages with credits, coverage and quotes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from html import escape

from django.utils.safestring import SafeString, mark_safe

from newsreel import links
from newsreel.films.models import Credit, Film, Person, Role
from newsreel.newsroom.models import Article, Quote
from newsreel.public.pages import structured_data
from newsreel.public.pages.common import absolute, film_status_line, image_info, json_ld, render_page
from newsreel.newsroom.film_reviews import REVIEW_SECTION
from newsreel.public.pages.queries import listed_articles, live_articles
from newsreel.public.pages.seo import social_tags
from newsreel.public.pages.shared import site_settings

_ROLE_HEADINGS = {
    Role.DIRECTOR: "Directed by", Role.WRITER: "Written by", Role.PRODUCER: "Produced by",
    Role.ACTOR: "Cast", Role.CREW: "Crew",
}


@dataclass(frozen=True)
class Headline:
    """One line of a coverage list: all it shows of a story (a popular film has hundreds)."""

    pk: int
    slug: str
    headline: str
    published_at: datetime

    def get_absolute_url(self) -> str:
        return links.path("article", slug=self.slug)




def coverage(**mention) -> list[Headline]:
    """Live stories naming the film or person outside spoiler blocks, newest first."""
    filters = {f"mentions__{name}": value for name, value in mention.items()}
    rows = (
        live_articles().filter(mentions__in_spoiler=False, **filters)
        .values_list("pk", "slug", "headline", "published_at").distinct()
    )
    return [Headline(*row) for row in rows]


def coverage_html(stories: list[Headline]) -> SafeString:
    """The coverage list's items, built directly: a template loop over hundreds of stories
    would be most of the time a publish spends re-rendering a popular film's page."""
    lines = []
    for story in stories:
        day = story.published_at
        lines.append(
            f'<li><time datetime="{day.isoformat()}">{day:%b} {day.day}, {day.year}</time> '
            f'<a href="{escape(story.get_absolute_url())}">{escape(story.headline)}</a></li>'
        )
    return mark_safe("\n".join(lines))


def spoiler_free_quotes(articles: list[Headline], **filters) -> list[Quote]:
    """Quotes outside spoiler blocks from these stories whose speaker the core is sure of,
    newest story first."""
    return distinct_quotes(
        Quote.objects.sure().filter(article__in=[a.pk for a in articles], in_spoiler=False, **filters)
        .select_related("person", "article")
        .order_by("-article__published_at", "-article_id", "position")
    )


def distinct_quotes(quotes) -> list[Quote]:
    """Each thing said once, from the newest story that printed it (quotes get reprinted)."""
    seen: set[tuple[int | None, str]] = set()
    kept = []
    for quote in quotes:
        key = (quote.person_id, " ".join(quote.text.lower().split()))
        if key not in seen:
            seen.add(key)
            kept.append(quote)
    return kept


def render_film(film: Film) -> bytes:
    """Details, release status, credits grouped by role, coverage and quotes."""
    site = site_settings()
    credits = list(Credit.objects.filter(film=film).select_related("person"))
    groups = []
    for role in Role:
        rows = [credit for credit in credits if credit.role == role]
        if rows:
            groups.append({"role": role, "heading": _ROLE_HEADINGS[role], "credits": rows})
    stories = coverage(film=film)
    credited = {credit.person_id for credit in credits}
    # The film's own people talking, from stories about it: the quotes a reader came for.
    quotes = [quote for quote in spoiler_free_quotes(stories) if quote.person_id in credited]
    url = absolute(film.get_absolute_url())
    poster = image_info(film.poster)
    description = film.synopsis[:200] if film.synopsis else f"{film}: credits and coverage on {site.name}"
    return render_page("public/film.html", {
        **_reference_head(site, str(film), description, url, kind="video.movie", image=poster),
        "film": film,
        "status": film_status_line(film),
        "poster": poster,
        "groups": groups,
        **_first_coverage_page(stories, film),
        "quotes": quotes,
        # The newsroom's own rating: its latest live review of the film.
        "review": listed_articles().filter(review_film=film, section__slug=REVIEW_SECTION)
        .order_by("-published_at", "-id").first(),
        "json_ld": json_ld(structured_data.movie(film, credits, poster)),
    })


def _reference_head(site: Any, name: str, description: str, url: str, *, kind: str, image: Any) -> dict[str, Any]:
    """What a film's and a person's page put in their head: title, description, canonical URL, social card."""
    return {
        "site": site,
        "title": f"{name} | {site.name}",
        "description": description,
        "canonical": url,
        "social_tags": social_tags(site_name=site.name, kind=kind, title=name, description=description, url=url,
                                   image=image),
    }


def render_person(person: Person) -> bytes:
    """Bio, credits by film, coverage, and what they said in our stories."""
    site = site_settings()
    films: dict[int, dict[str, Any]] = {}
    credits = Credit.objects.filter(person=person).select_related("film").order_by("film__title", "order", "id")
    for credit in credits:
        entry = films.setdefault(credit.film_id, {"film": credit.film, "roles": []})
        entry["roles"].append(_role_text(credit))
    filmography = sorted(films.values(), key=lambda e: (-(e["film"].year or 0), e["film"].title))
    stories = coverage(person=person)
    quotes = distinct_quotes(
        Quote.objects.sure().filter(person=person, in_spoiler=False, article__in=live_articles().values("pk"))
        .select_related("article")
        .order_by("-article__published_at", "-article_id", "position")
    )
    url = absolute(person.get_absolute_url())
    photo = image_info(person.photo)
    description = person.bio[:200] if person.bio else f"{person.name}: credits and coverage on {site.name}"
    return render_page("public/person.html", {
        **_reference_head(site, person.name, description, url, kind="profile", image=photo),
        "person": person,
        "photo": photo,
        "filmography": filmography,
        **_first_coverage_page(stories, person),
        "quotes": quotes,
        "json_ld": json_ld(structured_data.person(person, photo)),
    })


def _first_coverage_page(stories: list[Headline], entity: Film | Person) -> dict[str, Any]:
    """The newest page of coverage; the rest is at <entity URL>coverage/page/<n>/."""
    from newsreel.public.pages.coverage_pages import coverage_pager

    pager = coverage_pager(stories, 1, entity)
    return {"stories": pager.items, "coverage_html": coverage_html(list(pager.items)), "pager": pager}


def _role_text(credit: Credit) -> str:
    if credit.role == Role.ACTOR:
        return f"Cast as {credit.character}" if credit.character else "Cast"
    if credit.role == Role.CREW:
        return credit.job or "Crew"
    return credit.get_role_display()
