"""What the text core finds in a published article: mentions and quotes."""

from django.db import models

from newsreel.newsroom.models.article import Article


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


class Quote(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="quotes")
    person = models.ForeignKey("films.Person", null=True, blank=True, on_delete=models.SET_NULL, related_name="quotes")
    speaker_name = models.CharField(max_length=200, blank=True, help_text="As written, when not in the graph")
    text = models.TextField()
    position = models.PositiveIntegerField(help_text="Offset of the quote in the article's text")
    in_spoiler = models.BooleanField(default=False)

    class Meta:
        ordering = ["article", "position"]
