"""Shareable preview links are signed with a per-story secret (see newsreel.newsroom.preview_links)."""

from django.db import models

from newsreel.newsroom.models.article import Article


class PreviewSecret(models.Model):
    """The per-story secret that signs its shareable preview links; rotating it revokes them all."""

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="+")
    secret = models.CharField(max_length=64)
    rotated_at = models.DateTimeField()
