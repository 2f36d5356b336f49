"""The search index's own tables, owned by the public site (never columns on Article).

One `SearchDocument` row per live article holds exactly what search may read: the
headline, dek, summary, spoiler-safe text and the names of the films and people the
article mentions outside spoiler blocks. The full-text index proper lives beside it and
is kept in step by the database itself: an FTS5 table fed by triggers on SQLite, a
generated, GIN-indexed tsvector column on PostgreSQL (see migration 0003).
"""

from __future__ import annotations

import hashlib

from django.db import models


class SearchDocument(models.Model):
    """What one live article contributes to search; the row exists only while it is live."""

    article = models.OneToOneField(
        "newsroom.Article", primary_key=True, on_delete=models.CASCADE, related_name="+",
    )
    slug = models.CharField(max_length=200)
    headline = models.CharField(max_length=300)
    dek = models.TextField(blank=True)
    summary = models.TextField(blank=True, help_text="Article.display_summary")
    safe_text = models.TextField(blank=True, help_text="Article.safe_text: spoiler blocks removed")
    names = models.TextField(blank=True, help_text="Films and people mentioned outside spoiler blocks, one a line")
    section = models.ForeignKey(
        "newsroom.Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    published_at = models.DateTimeField(db_index=True)
    # Publication order as one integer (see `search_key_for`): the full-text index's row
    # key, so the index can hand over the newest matches first without sorting them.
    search_key = models.BigIntegerField(unique=True)
    # The section and facets as tokens (see `filter_token`), for the SQLite FTS index: a
    # filter becomes one more term in the match, which FTS5 intersects in its own index.
    filter_terms = models.TextField(blank=True)

    class Meta:
        app_label = "public"
        indexes = [models.Index(fields=["section", "published_at"], name="public_search_section_date")]

    def __str__(self) -> str:
        return self.headline


def search_key_for(published_at, article_id: int) -> int:
    """Seconds since 1970 in the high bits, the article id's low 24 bits below: ordering by
    key is ordering by publication time (ties by id), and the key is never shared in practice."""
    return (max(0, int(published_at.timestamp())) << 24) | (article_id & 0xFFFFFF)


def published_seconds(search_key: int) -> int:
    return search_key >> 24


def filter_token(kind: str, value: object) -> str:
    """A word no text contains, standing for one section ("s"), film ("f") or person ("p")."""
    return "zz" + kind + hashlib.sha1(str(value).encode()).hexdigest()[:16]


class SearchFacet(models.Model):
    """A film or person an indexed article mentions outside spoiler blocks (search filters)."""

    FILM = "film"
    PERSON = "person"

    document = models.ForeignKey(SearchDocument, on_delete=models.CASCADE, related_name="facets")
    kind = models.CharField(max_length=6, choices=[(FILM, "film"), (PERSON, "person")])
    key = models.CharField(max_length=120)

    class Meta:
        app_label = "public"
        constraints = [models.UniqueConstraint(fields=["kind", "key", "document"], name="public_search_facet_once")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"
