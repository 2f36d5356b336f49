"""The article: what readers see once it is published.

The fields hold the live (published) version. Edits to a published article are kept as
revisions until they are published, so a neighbour's re-render never shows a draft.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from newsreel import links
from newsreel.newsroom import clock
from newsreel.newsroom.models.authors import Author
from newsreel.newsroom.models.liveness import ArticleQuerySet
from newsreel.newsroom.models.taxonomy import Section, Tag
from newsreel.newsroom.film_reviews import rating_label, rating_short, rating_stars

# Raw SQL that must not read article rows (only liveness and date by id) names this index.
LIVE_BY_ID_INDEX = "newsroom_article_live_by_id"


class WorkflowState(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"  # newsreel.newsroom.review: submitted, waiting for an editor
    CHANGES_REQUESTED = "changes_requested", "Changes requested"  # sent back to its writer with a note
    SCHEDULED = "scheduled", "Scheduled"  # newsreel.newsroom.scheduling: goes live at published_at
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished"
    DELETED = "deleted", "In the trash"  # newsreel.newsroom.trash: restorable for 30 days


class ChangesReview(models.TextChoices):
    """Where a live story's saved changes stand (newsreel.newsroom.live_changes): the story stays
    PUBLISHED and its live revision serves throughout; only the pending revision is reviewed."""

    NONE = "none", "No changes in review"
    IN_REVIEW = "in_review", "Changes in review"
    CHANGES_REQUESTED = "changes_requested", "Changes sent back"


class Article(models.Model):
    headline = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True)
    dek = models.CharField(max_length=500, blank=True, help_text="The line under the headline")
    summary = models.TextField(blank=True, help_text="Editor's summary; generated when empty")
    body = models.TextField(help_text="Newsreel Markdown")
    hero_image = models.ForeignKey("images.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    section = models.ForeignKey(Section, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles")
    authors = models.ManyToManyField(Author, through="Byline", blank=True, related_name="articles")
    sources = models.JSONField(default=list, blank=True, help_text='[{"name": ..., "url": ...}]')
    link_overrides = models.JSONField(
        default=dict, blank=True,
        help_text='Editor decisions on mention links: {"remove": ["film:key", ...], "add": [{"surface": ..., "key": ..., "kind": "film"}]}',
    )
    # Reviews (newsreel.newsroom.film_reviews): only a story in the reviews section has these.
    review_film = models.ForeignKey(
        "films.Film", null=True, blank=True, on_delete=models.SET_NULL, related_name="reviews",
        help_text="The film a review reviews",
    )
    rating = models.DecimalField(max_digits=3, decimal_places=1, null=True, blank=True,
                                 help_text="The review's rating, on the scale rating_best tops")
    rating_best = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The top of the scale the rating was given on: 5 (stars) or 10 (points)")
    verdict = models.CharField(max_length=200, blank=True, help_text="The review's one-line verdict")

    state = models.CharField(max_length=20, choices=WorkflowState.choices, default=WorkflowState.DRAFT)
    changes_review = models.CharField(
        max_length=20, choices=ChangesReview.choices, default=ChangesReview.NONE,
        help_text="Review of a live story's saved changes; never read by a public surface")
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    first_published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Scheduling (newsreel.newsroom.scheduling): which revision goes live at published_at,
    # when a live story comes down again, and when the worker really made it live.
    scheduled_revision = models.ForeignKey(
        "newsroom.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unpublish_at = models.DateTimeField(null=True, blank=True, db_index=True)
    went_live_at = models.DateTimeField(null=True, blank=True, editable=False)
    latest_revision = models.ForeignKey(
        "newsroom.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    live_revision = models.ForeignKey(
        "newsroom.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # Derived at save by the text core; every excerpt surface reads only the safe fields.
    body_html = models.TextField(blank=True, editable=False)
    feed_html = models.TextField(blank=True, editable=False, help_text="Body for feeds: spoiler blocks become notices")
    safe_text = models.TextField(blank=True, editable=False, help_text="Body with spoiler blocks removed")
    generated_summary = models.TextField(blank=True, editable=False)
    meta_description = models.CharField(max_length=200, blank=True, editable=False)
    spoiler_films = models.JSONField(default=list, blank=True, editable=False)
    spoiler_note = models.CharField(max_length=500, blank=True, editable=False)
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    word_count = models.PositiveIntegerField(default=0, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["state", "published_at"]),
            models.Index(fields=["section", "state", "published_at"]),
            # Whether a story is live and when it was published, looked up by id without
            # reading its long texts: related-story ranking checks thousands of ids at once.
            models.Index(fields=["id", "state", "published_at"], name=LIVE_BY_ID_INDEX),
            # The review queue finds the few live stories whose changes wait among all the live ones.
            models.Index(fields=["changes_review", "state"], name="newsroom_article_changes_idx"),
        ]
        permissions = [
            ("publish_article", "Can publish and unpublish articles"),
            ("edit_any_article", "Can edit articles written by others"),
        ]

    def __str__(self) -> str:
        return self.headline

    def get_absolute_url(self) -> str:
        return links.path("article", slug=self.slug)

    @property
    def is_live(self) -> bool:
        """`Article.objects.live()` for one story in hand."""
        return (self.state == WorkflowState.PUBLISHED and self.published_at is not None
                and self.published_at <= clock.now())

    @property
    def display_summary(self) -> str:
        """The summary box: the editor's words, else the spoiler-safe generated one."""
        return self.summary or self.generated_summary

    @property
    def rating_label(self) -> str:
        """"4.5 out of 5 stars"; empty without a rating."""
        return rating_label(self.rating, self.rating_best) if self.rating is not None else ""

    @property
    def rating_short(self) -> str:
        """"4.5/5"; empty without a rating."""
        return rating_short(self.rating, self.rating_best) if self.rating is not None else ""

    @property
    def rating_stars(self) -> str:
        """"★★★★½" on the five-star scale; empty otherwise."""
        return rating_stars(self.rating, self.rating_best) if self.rating is not None else ""

    @property
    def has_unpublished_changes(self) -> bool:
        return self.latest_revision_id is not None and self.latest_revision_id != self.live_revision_id


class Byline(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE)
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="byline_once_per_article")]
