"""Stored pages (rendered once at publish, served as bytes) and the site's own settings."""

from __future__ import annotations

from django.db import models


class StoredPage(models.Model):
    """One public URL's response body, rendered ahead of any request."""

    path = models.CharField(max_length=500, unique=True)
    body = models.BinaryField()
    content_type = models.CharField(max_length=100, default="text/html; charset=utf-8")
    etag = models.CharField(max_length=80)
    last_modified = models.DateTimeField()
    status = models.PositiveSmallIntegerField(default=200)
    kind = models.CharField(max_length=20, db_index=True, help_text="article, home, film, person, ...")
    location = models.CharField(max_length=500, blank=True, help_text="Target of a redirect (status 301)")

    def __str__(self) -> str:
        return self.path


class SiteSettings(models.Model):
    """The publisher's name, tagline and social links (one row)."""

    name = models.CharField(max_length=100, default="Newsreel")
    tagline = models.CharField(max_length=200, default="Film news, interviews, reviews and features")
    description = models.TextField(blank=True)
    social_links = models.JSONField(default=list, blank=True, help_text='[{"name": "Mastodon", "url": "https://..."}]')
    logo = models.ForeignKey("images.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "site settings"

    def __str__(self) -> str:
        return self.name

    @classmethod
    def current(cls) -> "SiteSettings":
        settings, _ = cls.objects.get_or_create(pk=1)
        return settings


# The search index's tables live with the search package (newsreel/public/search/).
from newsreel.public.search.models import SearchDocument, SearchFacet  # noqa: E402,F401
