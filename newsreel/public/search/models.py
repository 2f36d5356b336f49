"""The search index's own tables, owned by the public site (never columns on Article).

One `SearchDocument` row per live article holds exactly what search may read: the
headline, dek, summary, spoiler-safe text and the names of the films and people the
article mentions outside spoiler blocks. The full-text index proper lives beside it and
is kept in step by the database itself: an FTS5 table fed by triggers on SQLite, a
generated, GIN-indexed tsvector column on PostgreSQL (see migration 0003).
"""

from __future__ import annotations

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

    class Meta:
        app_label = "public"
        indexes = [models.Index(fields=["section", "published_at"], name="public_search_section_date")]

    def __str__(self) -> str:
        return self.headline


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
