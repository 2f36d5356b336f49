"""Pages for paths with nothing to show: not found (404) and withdrawn stories (410)."""

from __future__ import annotations

from newsreel.newsroom.models import Article
from newsreel.public.pages.common import absolute, render_page
from newsreel.public.pages.queries import listed_articles


def render_not_found() -> bytes:
    """The 404 page: a way back to the latest stories."""
    return render_page("public/not_found.html", {
        "title": "Page not found",
        "description": "",
        "noindex": True,
        "stories": list(listed_articles()[:5]),
    })


def render_gone(article: Article) -> bytes:
    """What a withdrawn story's URL answers (410 Gone): it names no part of the story."""
    return render_page("public/gone.html", {
        "title": "This story is no longer available",
        "description": "",
        "noindex": True,
        "canonical": absolute(article.get_absolute_url()),
        "stories": list(listed_articles()[:5]),
    })
