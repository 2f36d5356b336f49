"""Where an imported story came from: the source system's own id for it.

A re-import finds its stories by these ids, not by slug, so a post renamed at the source
updates its story (and its old address redirects) instead of arriving as a new one, and
two different posts that happen to share a slug are never merged.
"""

from __future__ import annotations

from django.db import models

from newsreel.newsroom.models.article import Article


class SourceId(models.Model):
    """One source's id of an article: ("wordpress", "example.com/blog#123"), ("ghost", "5f1a..."), ("markdown", "posts/a.md")."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="source_ids")
    source = models.CharField(max_length=20, help_text="the importer: wordpress, ghost, markdown")
    external_id = models.CharField(max_length=500, help_text="the source's id of the story (a post id with its site, a file path)")
    # WordPress's ?p=ID links are answered with a redirect to the story.
    wordpress_post_id = models.PositiveBigIntegerField(null=True, blank=True, db_index=True,
                                                      help_text="the WordPress post id, for /?p=ID links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["source", "external_id"], name="newsroom_source_id_unique")]

    def __str__(self) -> str:
        return f"{self.source}:{self.external_id}"
