"""Sitemaps for search engines (sitemaps.org protocol, with Google's image and news extensions).

    /sitemap.xml                    the index: every part below that has entries
    /sitemaps/sections.xml          the home page and each section
    /sitemaps/news.xml              Google News: stories from the last two days (at most 1,000)
    /sitemaps/articles-<n>.xml      live stories, with lastmod and their images
    /sitemaps/films-<n>.xml         films with at least one live story naming them
    /sitemaps/people-<n>.xml        people with at least one live story naming them
    /sitemaps/tags-<n>.xml          tags on at least one live story
    /sitemaps/authors-<n>.xml       authors of at least one live story

Part <n> of a family holds the rows whose id falls in the n-th block of `URLS_PER_FILE`
ids, so a row never moves between files: publishing a story re-renders the one file that
holds it, never a cascade of files shifted by one.

All of them are stored pages, rendered on publish (or on first request) and served as bytes.
"""

from newsreel.public.sitemaps.families import FAMILIES, URLS_PER_FILE, Family, part_of
from newsreel.public.sitemaps.news import NEWS_MAX_AGE, NEWS_MAX_URLS

__all__ = ["FAMILIES", "NEWS_MAX_AGE", "NEWS_MAX_URLS", "URLS_PER_FILE", "Family", "part_of"]
