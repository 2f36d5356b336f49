"""schema.org JSON-LD for search engines: articles, reviews, breadcrumbs, films and people.

Spoiler safety: descriptions come from Article.meta_description (or a film's synopsis, a
person's bio); the films and people named come only from mentions outside spoiler blocks
(`Mention.in_spoiler=False`), because a name revealed in a spoiler block is itself a spoiler.

Which film a review reviews: the film its editor named (`Article.review_film`, required for
new reviews); for a review published before reviews named their film, among the films
mentioned outside spoiler blocks, the one mentioned most often; on a tie, the one whose title appears in the headline when exactly
one of the tied films does. Otherwise no single film is the subject, and the review is
published as a plain NewsArticle (naming the wrong film would be worse than naming none).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Count
from django.templatetags.static import static

from newsreel import links
from newsreel.films.models import Credit, Film, Person, Role
from newsreel.images.renditions import Picture, picture
from newsreel.newsroom.models import Article, Author, Mention, Tag
from newsreel.newsroom.film_reviews import scale_for
from newsreel.public.models import SiteSettings
from newsreel.public.pages.common import absolute

CONTEXT = "https://schema.org"
REVIEW_SECTION = "reviews"
# Our own mark (static/public/logo.png), used until the newsroom uploads a logo in settings.
DEFAULT_LOGO = ("public/logo.png", 512, 512)


def organization(site: SiteSettings) -> dict[str, Any]:
    """The publisher, with its logo as an ImageObject."""
    original = site.logo
    if original is not None and original.file:
        # The logo as uploaded: a crop could cut off part of a wordmark.
        image = {"@type": "ImageObject", "url": absolute(original.file.url)}
        if original.width and original.height:
            image.update(width=original.width, height=original.height)
    else:
        path, width, height = DEFAULT_LOGO
        image = {"@type": "ImageObject", "url": absolute(static(path)), "width": width, "height": height}
    return {"@type": "Organization", "name": site.name, "url": absolute(links.path("home")), "logo": image}


def main_film(article: Article, films: Sequence[Film]) -> Film | None:
    """The one film the article is about, by the rule in this module's docstring, or None.

    `films` are the films the article names outside spoiler blocks (already loaded for the page).
    """
    if not films:
        return None
    counts = dict(Mention.objects.filter(article=article, in_spoiler=False, film__isnull=False)
                  .values("film_id").annotate(n=Count("id")).values_list("film_id", "n"))
    top = max(counts.values(), default=0)
    leaders = [film for film in films if counts.get(film.pk) == top]
    if len(leaders) == 1:
        return leaders[0]
    headline = article.headline.casefold()
    in_headline = [film for film in leaders if film.title.casefold() in headline]
    return in_headline[0] if len(in_headline) == 1 else None


def news_article(
    article: Article,
    *,
    site: SiteSettings,
    canonical: str,
    hero: Picture | None,
    authors: Sequence[Author],
    films: Sequence[Film],
    people: Sequence[Person],
    modified: datetime,
    tags: Sequence[Tag] | None = None,
) -> dict[str, Any]:
    """NewsArticle, or ReviewNewsArticle (a schema.org Review) reviewing its film for a story in the
    reviews section, with its rating (Google's review snippet: itemReviewed, reviewRating, author)."""
    in_reviews = bool(article.section_id and article.section.slug == REVIEW_SECTION)
    subject = article.review_film if in_reviews and article.review_film_id else main_film(article, films)
    is_review = in_reviews and subject is not None
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "ReviewNewsArticle" if is_review else "NewsArticle",
        "headline": article.headline,
        "description": article.meta_description,
        "url": canonical,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "datePublished": article.published_at.isoformat(),
        "dateModified": modified.isoformat(),
        "author": [author_ref(author) for author in authors],
        "publisher": organization(site),
        "wordCount": article.word_count,
    }
    if hero is not None:
        data["image"] = hero.crop_urls
    if article.section_id:
        data["articleSection"] = article.section.name
    # The page has read its tags already (`tags`): asking again cost a query per rendered story.
    keywords = [tag.name for tag in (article.tags.all() if tags is None else tags)]
    if keywords:
        data["keywords"] = keywords
    about = [subject] if subject is not None else list(films)
    if about:
        data["about"] = [entity("Movie", film.title, film.get_absolute_url(), film.same_as) for film in about]
    others = [entity("Movie", f.title, f.get_absolute_url(), f.same_as) for f in films if f not in about]
    others += [entity("Person", p.name, p.get_absolute_url(), p.same_as) for p in people]
    if others:
        data["mentions"] = others
    if is_review:
        data["itemReviewed"] = movie_summary(subject)
        if article.rating is not None:
            data["reviewRating"] = review_rating(article)
        if not authors:  # a review snippet needs an author: the newsroom's own
            data["author"] = [organization(site)]
    return data


def review_rating(article: Article) -> dict[str, Any]:
    """The review's Rating, with the scale it was given on."""
    scale = scale_for(article.rating_best)
    return {"@type": "Rating", "ratingValue": _number(article.rating), "bestRating": scale.best,
            "worstRating": _number(scale.worst)}


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def breadcrumbs(trail: Iterable[tuple[str, str]]) -> dict[str, Any]:
    """BreadcrumbList from (name, path) pairs, outermost first (Home > Section > Article)."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": absolute(path)}
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }


def article_breadcrumbs(article: Article) -> dict[str, Any]:
    trail = [("Home", "/")]
    if article.section_id:
        trail.append((article.section.name, article.section.get_absolute_url()))
    trail.append((article.headline, article.get_absolute_url()))
    return breadcrumbs(trail)


def entity(kind: str, name: str, url: str, same_as: Sequence[str]) -> dict[str, Any]:
    """A Movie or Person reference: our page for it, and its ids elsewhere when known."""
    data: dict[str, Any] = {"@type": kind, "name": name, "url": absolute(url)}
    if same_as:
        data["sameAs"] = list(same_as)
    return data


def author_ref(author: Author) -> dict[str, Any]:
    """A bylined writer: their author page, their portrait and their addresses elsewhere."""
    data = entity("Person", author.name, author.get_absolute_url(), author.same_as)
    portrait = picture(author.photo) if author.photo_id else None
    if portrait is not None:
        data["image"] = portrait.absolute_url
    return data


def author(author: Author) -> dict[str, Any]:
    """Person for the author page: the reference above with the writer's bio."""
    data: dict[str, Any] = {"@context": CONTEXT, **author_ref(author)}
    if author.bio:
        data["description"] = author.bio
    return data


def person_ref(person: Person) -> dict[str, Any]:
    return entity("Person", person.name, person.get_absolute_url(), person.same_as)


def movie_summary(film: Film) -> dict[str, Any]:
    """The Movie a review reviews: enough for search engines to tell it from namesakes."""
    data = entity("Movie", film.title, film.get_absolute_url(), film.same_as)
    if film.year:
        data["dateCreated"] = str(film.year)
    directors = [credit.person for credit in Credit.objects.filter(film=film, role=Role.DIRECTOR).select_related("person")]
    if directors:
        data["director"] = [person_ref(person) for person in directors]
    poster = picture(film.poster)
    if poster is not None:
        data["image"] = poster.absolute_url
    return data


def movie(film: Film, credits: Sequence[Credit], poster: Picture | None) -> dict[str, Any]:
    """Movie for the film page: dates, director, cast, producers, poster and ids elsewhere."""
    data: dict[str, Any] = {"@context": CONTEXT, **entity("Movie", film.title, film.get_absolute_url(), [])}
    if film.synopsis:
        data["description"] = film.synopsis
    if first := film.first_release_date:  # the earliest release anywhere, festival premieres included
        data["datePublished"] = first.isoformat()
    if film.year:
        data["dateCreated"] = str(film.year)
    if poster is not None:
        data["image"] = poster.absolute_url
    for key, role in (("director", Role.DIRECTOR), ("actor", Role.ACTOR), ("producer", Role.PRODUCER)):
        people = [person_ref(credit.person) for credit in credits if credit.role == role]
        if people:
            data[key] = people
    if film.same_as:
        data["sameAs"] = list(film.same_as)
    return data


def person(person: Person, photo: Picture | None) -> dict[str, Any]:
    """Person for the person page: bio, photo and ids elsewhere."""
    data: dict[str, Any] = {"@context": CONTEXT, **person_ref(person)}
    if person.bio:
        data["description"] = person.bio
    if photo is not None:
        data["image"] = photo.absolute_url
    return data
