"""Bylined writers; an author may or may not have a desk account.

The profile (bio, photo with its credit, links elsewhere) is what the public author page and
the stories' JSON-LD show of the writer; it is plain text and addresses, never Markdown, so it
cannot carry a spoiler block or markup.
"""

from django.conf import settings
from django.db import models

from newsreel import links


class Author(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    name = models.CharField(max_length=120)
    bio = models.TextField(blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="author"
    )
    photo = models.ForeignKey("images.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                              help_text="A portrait from the images library (its alt text and credit go with it).")
    website = models.URLField(max_length=500, blank=True, help_text="The writer's own site.")
    social_links = models.JSONField(default=list, blank=True,
                                    help_text="Profile addresses elsewhere (social networks), in order.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return links.path("author", slug=self.slug)

    @property
    def same_as(self) -> list[str]:
        """The writer's addresses elsewhere, for JSON-LD sameAs: website first, then social profiles."""
        urls = [self.website] if self.website else []
        urls += [url for url in self.social_links or [] if isinstance(url, str) and url and url not in urls]
        return urls
