"""Who has an article open in the desk's editor (see newsreel.newsroom.presence)."""

from django.conf import settings
from django.db import models

from newsreel.newsroom.models.article import Article


class EditingPresence(models.Model):
    """Who has an article open in the desk's editor, refreshed by a heartbeat."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "user"], name="presence_once_per_article")]
        indexes = [models.Index(fields=["article", "seen_at"])]
