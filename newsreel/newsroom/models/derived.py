"""What the text core finds in a published article: mentions and quotes."""

from django.conf import settings
from django.db import models

from newsreel.newsroom.models.article import Article
from newsreel.text.quotes import SURE_CONFIDENCE


class Mention(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    film = models.ForeignKey("films.Film", null=True, blank=True, on_delete=models.CASCADE, related_name="mentions")
    person = models.ForeignKey("films.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="mentions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    surface = models.CharField(max_length=300)
    in_spoiler = models.BooleanField(default=False)

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(film__isnull=False, person__isnull=True)
                | models.Q(film__isnull=True, person__isnull=False),
                name="mention_film_xor_person",
            )
        ]


class QuoteQuerySet(models.QuerySet):
    def sure(self) -> "QuoteQuerySet":
        """Quotes a person's page may show: a graph speaker an editor confirmed, or one the
        text core is sure of (docs/text-core.md, "Confidence") unless the site asks for
        every quote to be confirmed (NEWSREEL_CONFIRM_EVERY_QUOTE). The rest appear only in
        their story."""
        vouched = models.Q(checked=True)
        if not settings.CONFIRM_EVERY_QUOTE:
            vouched |= models.Q(confidence__gte=SURE_CONFIDENCE)
        return self.filter(vouched, person__isnull=False)


class Quote(models.Model):
    objects = QuoteQuerySet.as_manager()

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    person = models.ForeignKey("films.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    speaker_name = models.CharField(max_length=200, blank=True, help_text="As written, when not in the graph")
    text = models.TextField()
    position = models.PositiveIntegerField(help_text="Offset of the quote in the article's text")
    in_spoiler = models.BooleanField(default=False)
    confidence = models.FloatField(
        default=0.0,
        help_text="How sure the text core is of the speaker, 0 to 1; person pages show a quote at "
        "or above newsreel.text.quotes.SURE_CONFIDENCE",
    )
    checked = models.BooleanField(
        default=False, help_text="An editor confirmed or set the speaker (a QuoteCheck of the story)")
    organisation = models.BooleanField(default=False, help_text="speaker_name is an organisation, not a person")

    class Meta:
        ordering = ["article", "position"]
