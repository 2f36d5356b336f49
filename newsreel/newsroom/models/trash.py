"""The trash: a deleted story's row waits here for 30 days, restorable, before it is purged."""

from django.conf import settings
from django.db import models

from newsreel.newsroom.models.article import Article


class TrashedArticle(models.Model):
    """One deleted story: when, by whom, and the state to put back on "restore as it was".

    The article keeps every field and revision while it is here (its state says DELETED, so
    no surface that reads live stories shows it); purging deletes the article itself.
    """

    article = models.OneToOneField(Article, primary_key=True, on_delete=models.CASCADE, related_name="trashed")
    deleted_at = models.DateTimeField(db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state_before = models.CharField(max_length=20, help_text="The article's workflow state when it was deleted")

    class Meta:
        ordering = ["-deleted_at"]

    def __str__(self) -> str:
        return f"{self.article_id} (deleted {self.deleted_at:%Y-%m-%d})"
