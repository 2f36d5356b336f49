"""Notes on a story for the newsroom only: the review conversation and editors' internal notes.

Notes live in their own table and nothing the public site, the feeds, the search index, the
static export or a preview link reads ever joins it: a note can never be public. They are
not part of a revision either (a revision is what readers may one day see).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from newsreel.newsroom.models.article import Article
from newsreel.newsroom.models.revision import Revision

# The longest note the desk keeps; more is refused with a message, never cut.
NOTE_MAX_CHARS = 5000


class StoryNote(models.Model):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", "Submitted for review"
        WITHDRAWN = "withdrawn", "Withdrawn from review"  # by the writer, before an editor acted
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        APPROVED = "approved", "Approved"
        INTERNAL = "internal", "Editors' note"  # editors and administrators only, never the writer

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notes")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    revision = models.ForeignKey(Revision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                                 help_text="The revision the note is about (the one submitted, or approved)")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["article", "kind", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.article_id}"

    @property
    def internal(self) -> bool:
        return self.kind == self.Kind.INTERNAL
