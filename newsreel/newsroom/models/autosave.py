"""Autosave slots: the editor's unsaved fields, kept every few seconds while someone types.

A slot is not a revision: it belongs to one person and one article (or to their new,
never-saved story), is overwritten by each autosave, and is dropped when they save a
revision or discard it. It is what a closed tab, a crash or a lost network leaves behind.
"""

from django.conf import settings
from django.db import models

from newsreel.newsroom.models.article import Article


class Autosave(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        help_text="Empty for a new story that has never been saved",
    )
    fields = models.JSONField(help_text="The editor's fields exactly as typed: {headline, body, tags, ...}")
    draft = models.JSONField(
        null=True, blank=True, help_text="The same as an ArticleDraft when the fields made one (for preview)",
    )
    base_revision = models.PositiveIntegerField(default=0, help_text="The revision number the writer started from")
    saved_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], condition=models.Q(article__isnull=False),
                                    name="autosave_one_slot_per_article"),
            models.UniqueConstraint(fields=["user"], condition=models.Q(article__isnull=True),
                                    name="autosave_one_new_story_slot"),
        ]

    def __str__(self) -> str:
        return f"autosave of {self.article_id or 'a new story'} by {self.user_id}"
