"""Renderers: each returns a complete HTML page as bytes, ready to store and serve."""

from newsreel.public.pages.article import render_article
from newsreel.public.pages.errors import render_gone, render_not_found
from newsreel.public.pages.listings import render_author, render_home, render_section
from newsreel.public.pages.reference import render_film, render_person

__all__ = [
    "render_article", "render_author", "render_film", "render_gone", "render_home", "render_not_found",
    "render_person", "render_section",
]
