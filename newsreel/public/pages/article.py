"""The article page: every part of a film-news story as readers see it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from django.utils.safestring import mark_safe

from newsreel.films.models import Film, Person
from newsreel.newsroom.models import Article, Author, Byline, Mention, Tag
from newsreel.public.pages import structured_data
from newsreel.public.pages.common import absolute, film_status_line, image_info, json_ld, render_page, spoiler_note_html
from newsreel.public.pages.queries import neighbours
from newsreel.public.pages.seo import social_tags
from newsreel.public.pages.related import Entities, related_articles
from newsreel.public.pages.shared import shared_rows, site_settings

# An edit saved within this long of the first publish is part of publishing, not an update.
_UPDATE_GRACE = timedelta(minutes=1)


def render_article(article: Article) -> bytes:
    """The complete article page; excerpts come only from the spoiler-safe fields."""
    site = site_settings()
    canonical = absolute(article.get_absolute_url())
    hero = image_info(article.hero_image)
    authors = shared_rows("authors of", [article.pk], authors_of).get(article.pk, [])
    films, people = mentioned(article)
    previous, following = neighbours(article)
    modified = modified_at(article)
    tags = shared_rows("tags of", [article.pk], tags_of).get(article.pk, [])
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
    return shared_rows("named in", [article.pk], named_in).get(article.pk, ([], []))


def read_for_pages(article_ids: list[int]) -> None:
    """Read what the pages of these stories list (bylines, tags, names) in three queries for all of
    them: inside `reads_shared()` their pages then read none of it (an import's chunk)."""
    shared_rows("authors of", article_ids, authors_of)
    shared_rows("tags of", article_ids, tags_of)
    shared_rows("named in", article_ids, named_in)


def authors_of(article_ids: list[int]) -> dict[int, list[Author]]:
    """Each story's authors in byline order."""
    found: dict[int, list[Author]] = {}
    for byline in Byline.objects.filter(article_id__in=article_ids).select_related("author__photo") \
            .order_by("article_id", "order", "id"):
        found.setdefault(byline.article_id, []).append(byline.author)
    return found


def tags_of(article_ids: list[int]) -> dict[int, list[Tag]]:
    """Each story's tags by name."""
    found: dict[int, list[Tag]] = {}
    links = Article.tags.through.objects.filter(article_id__in=article_ids).select_related("tag")
    for link in links.order_by("article_id", "tag__name", "tag_id"):
        found.setdefault(link.article_id, []).append(link.tag)
    return found


def named_in(article_ids: list[int]) -> dict[int, tuple[list[Film], list[Person]]]:
    """Each story's films and people named outside spoiler blocks (see `mentioned`)."""
    films: dict[int, dict[int, Film]] = {}
    people: dict[int, dict[int, Person]] = {}
    rows = Mention.objects.filter(article_id__in=article_ids, in_spoiler=False).select_related("film", "person")
    for mention in rows.order_by("article_id", "start", "id"):
        if mention.film is not None:
            films.setdefault(mention.article_id, {}).setdefault(mention.film_id, mention.film)
        elif mention.person is not None:
            people.setdefault(mention.article_id, {}).setdefault(mention.person_id, mention.person)
    return {pk: (list(films.get(pk, {}).values()), list(people.get(pk, {}).values())) for pk in films.keys() | people.keys()}


def modified_at(article: Article) -> datetime:
    """When readers last got a new version: the live revision's save, if after first publish."""
    published = article.published_at
    revision = article.live_revision
    first = article.first_published_at
    if revision is not None and first is not None and revision.created_at > first + _UPDATE_GRACE:
        return max(published, revision.created_at)
    return published
