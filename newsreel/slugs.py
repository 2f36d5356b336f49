"""The address part (slug) made from a name or a headline, in any script.

Django's `slugify` keeps ASCII letters and digits only, so a tag, byline or headline in
Chinese, Korean, Japanese, Cyrillic, Greek or Arabic made no slug at all and was refused
("not a usable name"). `slug_of` transliterates such text first (anyascii: every script to
ASCII, by table, no network); text `slugify` already makes a slug of keeps that slug, so
the tags, authors and stories already stored keep their addresses.
"""

from __future__ import annotations

from anyascii import anyascii
from django.utils.text import slugify


def slug_of(text: str) -> str:
    """`slugify(text)`, else `slugify` of its ASCII transliteration ('远征手记' -> 'yuanzhengshouji')."""
    return slugify(text) or slugify(anyascii(text))
