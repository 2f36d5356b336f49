"""The article page: every part of a film-news story as readers see it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from django.utils.safestring import mark_safe

from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article, Byline, Mention
from newsreel.public.pages import structured_data
from newsreel.public.pages.common import absolute, film_status_line, image_info, json_ld, render_page, spoiler_note_html
from newsreel.public.pages.queries import neighbours
from newsreel.public.pages.seo import social_tags
from newsreel.public.pages.related import Entities, related_articles
from newsreel.public.pages.shared import site_settings

# An edit saved within this long of the first publish is part of publishing, not an update.
_UPDATE_GRACE = timedelta(minutes=1)


def render_article(article: Article) -> bytes:
    """The complete article page; excerpts come only from the spoiler-safe fields."""
    site = site_settings()
    canonical = absolute(article.get_absolute_url())
    hero = image_info(article.hero_image)
    authors = [byline.author for byline in Byline.objects.filter(article=article).select_related("author__photo")]
    films, people = mentioned(article)
    previous, following = neighbours(article)
    modified = modified_at(article)
    tags = list(article.tags.all())
    context = page_context(article, title=f"{article.headline} | {site.name}", hero=hero, authors=authors, tags=tags,
                           films=films, people=people, published=article.published_at, modified=modified)
    context.update({
        "canonical": canonical,
        "previous": previous,
        "next": following,
        # What the page lists is what related stories are ranked by: no second read of it.
        "related": related_articles(article, about=Entities(
            film_ids={film.pk for film in films}, person_ids={person.pk for person in people},
            tag_ids={tag.pk for tag in tags})),
        "social_tags": social_tags(
            site_name=site.name, kind="article", title=article.headline, description=article.meta_description,
            url=canonical, image=hero, published=article.published_at, modified=modified,
            section=article.section.name if article.section_id else "", tags=[tag.name for tag in tags]),
        "json_ld": json_ld(structured_data.news_article(
            article, site=site, canonical=canonical, hero=hero, authors=authors, films=films, people=people,
            modified=modified, tags=tags)),
        "more_json_ld": [json_ld(structured_data.article_breadcrumbs(article))],
    })
    return render_page("public/article.html", context)


def page_context(article: Article, *, title: str, hero: dict | None, authors: list, tags: list, films: list[Film],
                 people: list[Person], published: datetime, modified: datetime) -> dict[str, Any]:
    """What the article template shows of a story, live or previewed (public/preview.py renders an
    unsaved Article through this too): one place, so a preview cannot drift from the real page.
    Neighbours, related stories and search-engine data are the live page's alone."""
    spoiler_titles = (dict(Film.objects.filter(key__in=article.spoiler_films).values_list("key", "title"))
                      if article.spoiler_films else {})
    return {
        "site": site_settings(),
        "article": article,
        "title": title,
        "description": article.meta_description,
        "hero": hero,
        "authors": authors,
        "tags": tags,
        "sources": [source for source in article.sources if isinstance(source, dict) and source.get("name")],
        "spoiler_note": spoiler_note_html(article.spoiler_note) if article.spoiler_note else "",
        "spoiler_titles_json": json.dumps(spoiler_titles, ensure_ascii=False, sort_keys=True),
        # Sanitized by the text core (nh3) before it was stored (or, in a preview, as at publish).
        "body_html": mark_safe(article.body_html),
        # A review's film, rating and verdict (only stories in the reviews section have them).
        "review_film": article.review_film if article.review_film_id else None,
        # The click-to-load script only where there is an embed to load (a facade's player link).
        "has_embeds": 'data-embed-src="' in article.body_html,
        "films": [{"film": film, "status": film_status_line(film)} for film in films],
        "people": people,
        "previous": None, "next": None, "related": [], "social_tags": [],
        "published": published,
        "modified": modified,
        "updated": modified if modified > published else None,
    }


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
