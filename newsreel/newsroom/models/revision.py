"""Every save of an article, whole: nothing a writer typed is ever lost."""

from django.conf import settings
from django.db import models

from newsreel.newsroom.models.article import Article


class Revision(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    origin = models.CharField(max_length=40, blank=True, help_text="desk, cli, api, import:wordpress, ...")
    content = models.JSONField(help_text="The article's editable fields as the writer saved them")
    derived = models.JSONField(default=dict, blank=True, help_text="What the text core derived from them")

    class Meta:
        ordering = ["article", "-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="revision_number_unique")]

    def __str__(self) -> str:
        return f"{self.article_id} r{self.number}"
