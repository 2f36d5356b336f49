"""What Newsreel keeps of an embedded video or post: its title and our own copy of its poster frame."""

from __future__ import annotations

from django.db import models


class EmbedPoster(models.Model):
    link = models.URLField(max_length=500, unique=True,
                           help_text="The video's or post's own address (newsreel.text.embeds.EmbedRef.link)")
    provider = models.CharField(max_length=32)
    title = models.CharField(max_length=300, blank=True)
    image = models.ForeignKey("images.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              help_text="The poster frame, stored in the image library; empty when the provider had none")
    fetched_at = models.DateTimeField(help_text="When the provider was last asked (a failed fetch is retried a day later)")

    def __str__(self) -> str:
        return self.title or self.link
