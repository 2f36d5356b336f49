"""The desk's own index of every story, drafts and trash included (never read by public/).

One `StoryEntry` per article holds what the story list filters and sorts by, taken from the
story's latest revision (what the writer last saved, which may be newer than what is live);
`StoryFacet` rows name its authors, films and people. The words themselves (headline, dek
and body of the latest revision) are in a full-text index beside it: an FTS5 table
`desk_story_fts` on SQLite, a GIN-indexed tsvector column `words` on PostgreSQL (see
migration 0001). `newsreel.desk.search` keeps all of it in step with the newsroom.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class StoryEntry(models.Model):
    article = models.OneToOneField("newsroom.Article", primary_key=True, on_delete=models.CASCADE, related_name="+")
    headline = models.CharField(max_length=300, help_text="The latest revision's")
    headline_key = models.CharField(max_length=300, help_text="The headline casefolded, for sorting")
    slug = models.CharField(max_length=200)
    state = models.CharField(max_length=20)
    has_changes = models.BooleanField(default=False, help_text="Live, with a newer revision not yet published")
    section = models.ForeignKey("newsroom.Section", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    updated_at = models.DateTimeField()
    published_at = models.DateTimeField(null=True, blank=True)
    revision_id = models.IntegerField(null=True, blank=True, help_text="The revision whose words are indexed")

    class Meta:
        indexes = [
            # One per way the list sorts, with and without the common filters in front. The
            # state at the end lets a page asked for by number alone be counted off the index
            # without reading a story (the list leaves out the trash: newsreel.desk.paging).
            models.Index(fields=["updated_at", "article", "state"], name="desk_story_updated_state"),
            models.Index(fields=["published_at", "article", "state"], name="desk_story_published_state"),
            models.Index(fields=["headline_key", "article", "state"], name="desk_story_headline_state"),
            models.Index(fields=["state", "updated_at", "article"], name="desk_story_state_updated"),
            models.Index(fields=["section", "updated_at", "article"], name="desk_story_section_updated"),
            models.Index(fields=["created_by", "updated_at", "article"], name="desk_story_owner_updated"),
            # "Unpublished changes" are a handful of stories among thousands: without their own
            # index the filter read every entry to find none.
            models.Index(fields=["updated_at", "article"], condition=models.Q(has_changes=True),
                         name="desk_story_changes_updated"),
        ]

    def __str__(self) -> str:
        return self.headline

    @property
    def state_label(self) -> str:
        from newsreel.newsroom.models import WorkflowState

        try:
            return WorkflowState(self.state).label
        except ValueError:  # a state this version does not know yet
            return self.state.replace("_", " ").capitalize()


class StoryFacet(models.Model):
    """An author, film or person a story names (films and people as the text core found them)."""

    AUTHOR = "author"
    FILM = "film"
    PERSON = "person"

    entry = models.ForeignKey(StoryEntry, on_delete=models.CASCADE, related_name="facets")
    kind = models.CharField(max_length=6, choices=[(AUTHOR, "author"), (FILM, "film"), (PERSON, "person")])
    key = models.CharField(max_length=120)
    label = models.CharField(max_length=300, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "key", "entry"], name="desk_story_facet_once")]

    def __str__(self) -> str:
        return f"{self.kind}:{self.key}"


class ResetRequest(models.Model):
    """One "Forgot your password?" request, kept while it counts against the throttle
    (`newsreel.desk.throttle`). Neither the address nor what was typed is stored as such: both
    are keyed hashes (HMAC with the secret key), enough to count them and nothing more."""

    made_at = models.DateTimeField()
    address = models.CharField(max_length=64, help_text="HMAC of the client's IP address")
    account = models.CharField(max_length=64, help_text="HMAC of the e-mail address typed, casefolded")

    class Meta:
        indexes = [
            models.Index(fields=["address", "made_at"], name="desk_reset_by_address"),
            models.Index(fields=["account", "made_at"], name="desk_reset_by_account"),
            models.Index(fields=["made_at"], name="desk_reset_made"),
        ]

    def __str__(self) -> str:
        return f"reset request at {self.made_at:%Y-%m-%d %H:%M}"
