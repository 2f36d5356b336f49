"""The article page: every part of a film-news story as readers see it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from django.utils.safestring import mark_safe

from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article, Byline, Mention
from newsreel.public.models import SiteSettings
from newsreel.public.pages.common import absolute, film_status_line, image_info, json_ld, render_page, spoiler_note_html
from newsreel.public.pages.queries import neighbours
from newsreel.public.pages.related import related_articles

# An edit saved within this long of the first publish is part of publishing, not an update.
_UPDATE_GRACE = timedelta(minutes=1)


def render_article(article: Article) -> bytes:
    """The complete article page; excerpts come only from the spoiler-safe fields."""
    site = SiteSettings.current()
    url = article.get_absolute_url()
    canonical = absolute(url)
    hero = image_info(article.hero_image)
    authors = [byline.author for byline in Byline.objects.filter(article=article).select_related("author")]
    films, people = mentioned(article)
    previous, following = neighbours(article)
    modified = modified_at(article)
    spoiler_titles = dict(Film.objects.filter(key__in=article.spoiler_films).values_list("key", "title"))
    context: dict[str, Any] = {
        "site": site,
        "article": article,
        "canonical": canonical,
        "title": f"{article.headline} | {site.name}",
        "description": article.meta_description,
        "hero": hero,
        "authors": authors,
        "tags": list(article.tags.all()),
        "sources": [source for source in article.sources if isinstance(source, dict) and source.get("name")],
        "spoiler_note": spoiler_note_html(article.spoiler_note) if article.spoiler_note else "",
        "spoiler_titles_json": json.dumps(spoiler_titles, ensure_ascii=False, sort_keys=True),
        # Sanitized by the text core (nh3) before it was stored.
        "body_html": mark_safe(article.body_html),
        "films": [{"film": film, "status": film_status_line(film)} for film in films],
        "people": people,
        "previous": previous,
        "next": following,
        "related": related_articles(article),
        "published": article.published_at,
        "modified": modified,
        "updated": modified if modified > article.published_at else None,
        "json_ld": json_ld(news_article_ld(article, site, canonical, hero, authors, films, people, modified)),
    }
    return render_page("public/article.html", context)


def mentioned(article: Article) -> tuple[list[Film], list[Person]]:
    """Films and people the article names outside spoiler blocks, in order of first mention.

    A name that appears only inside a spoiler block (a surprise cameo, say) is itself a
    spoiler, so it is left out of every list a reader sees before revealing.
    """
    films: dict[int, Film] = {}
    people: dict[int, Person] = {}
    rows = Mention.objects.filter(article=article, in_spoiler=False).select_related("film", "person").order_by("start")
    for mention in rows:
        if mention.film is not None:
            films.setdefault(mention.film_id, mention.film)
        elif mention.person is not None:
            people.setdefault(mention.person_id, mention.person)
    return list(films.values()), list(people.values())


def modified_at(article: Article) -> datetime:
    """When readers last got a new version: the live revision's save, if after first publish."""
    published = article.published_at
    revision = article.live_revision
    first = article.first_published_at
    if revision is not None and first is not None and revision.created_at > first + _UPDATE_GRACE:
        return max(published, revision.created_at)
    return published


def news_article_ld(article, site, canonical, hero, authors, films, people, modified) -> dict[str, Any]:
    """schema.org NewsArticle; `description` is the spoiler-safe meta description."""
    publisher: dict[str, Any] = {"@type": "Organization", "name": site.name, "url": absolute("/")}
    logo = image_info(site.logo)
    if logo:
        publisher["logo"] = {"@type": "ImageObject", "url": logo["absolute_url"]}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.headline,
        "description": article.meta_description,
        "url": canonical,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "datePublished": article.published_at.isoformat(),
        "dateModified": modified.isoformat(),
        "author": [{"@type": "Person", "name": a.name, "url": absolute(a.get_absolute_url())} for a in authors],
        "publisher": publisher,
        "wordCount": article.word_count,
    }
    if hero:
        data["image"] = [hero["absolute_url"]]
    if article.section_id:
        data["articleSection"] = article.section.name
    if films:
        data["about"] = [_entity("Movie", film.title, film.get_absolute_url(), film.same_as) for film in films]
    if people:
        data["mentions"] = [_entity("Person", p.name, p.get_absolute_url(), p.same_as) for p in people]
    return data


def _entity(kind: str, name: str, url: str, same_as: list[str]) -> dict[str, Any]:
    entity: dict[str, Any] = {"@type": kind, "name": name, "url": absolute(url)}
    if same_as:
        entity["sameAs"] = same_as
    return entity
