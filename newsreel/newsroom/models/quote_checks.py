"""An editor's word on one quote of a story: who said it, or that it is not a quote.

The text core finds quotes again at every save; a check is kept apart from them, with the
story, and found again by the quote's words (`key`: the text, case and spacing folded), so
it survives a republish and every edit that leaves those words alone.
"""

from django.conf import settings
from django.db import models

from newsreel.newsroom.models.article import Article


class QuoteVerdict(models.TextChoices):
    CONFIRMED = "confirmed", "Speaker confirmed"
    SPEAKER = "speaker", "Speaker changed"
    NOT_A_QUOTE = "not_a_quote", "Not a quote"


class SpeakerKind(models.TextChoices):
    PERSON = "person", "A person in the knowledge graph"
    NAME = "name", "A person not in the knowledge graph"
    ORGANISATION = "organisation", "An organisation"


class QuoteCheck(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quote_checks")
    key = models.CharField(max_length=64, help_text="SHA-256 of the quote's words, case and spacing folded")
    text = models.TextField(help_text="The quote as it read when it was checked")
    verdict = models.CharField(max_length=12, choices=QuoteVerdict.choices)
    speaker_kind = models.CharField(max_length=12, choices=SpeakerKind.choices, blank=True,
                                    help_text="For a changed speaker: who they are")
    person = models.ForeignKey("films.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
                               help_text="A changed speaker in the knowledge graph")
    speaker_name = models.CharField(max_length=200, blank=True,
                                    help_text="A changed speaker not in the graph: a name or an organisation")
    checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["article", "checked_at"]
        constraints = [models.UniqueConstraint(fields=["article", "key"], name="quote_check_once_per_quote")]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()}: {self.text[:60]}"
