"""Images with the alt text and credit every published photo needs."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("This field cannot be blank.")


class RenditionsState(models.TextChoices):
    """Where a picture stored by an import stands with the renditions the worker makes for it."""

    NONE = "", "nothing waiting"  # made at upload, or not asked of the worker
    WAITING = "waiting", "waiting for the worker"
    MAKING = "making", "being made by a worker"
    FAILED = "failed", "could not be made"


class Image(models.Model):
    file = models.ImageField(upload_to="images/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    alt = models.CharField("alt text", max_length=300, validators=[_not_blank],
                           help_text="What the picture shows, for readers who cannot see it")
    credit = models.CharField(max_length=200, validators=[_not_blank],
                              help_text="Who made or supplied it, e.g. Courtesy Everett Collection")
    caption = models.TextField(blank=True)
    focal_x = models.FloatField(default=0.5, help_text="Horizontal focal point, 0 (left) to 1 (right)")
    focal_y = models.FloatField(default=0.5, help_text="Vertical focal point, 0 (top) to 1 (bottom)")
    renditions = models.JSONField(default=dict, blank=True, editable=False,
                                  help_text="Resized copies and crops, made at upload or, for an import's pictures, by the worker "
                                            "(see newsreel.images.renditions)")
    # An import stores its pictures without renditions and leaves them to the worker
    # (newsreel.images.renditions_later): where that stands, since when, and why it failed.
    renditions_state = models.CharField(max_length=10, choices=RenditionsState.choices, default=RenditionsState.NONE,
                                        blank=True, editable=False, db_index=True)
    renditions_since = models.DateTimeField(null=True, blank=True, editable=False,
                                            help_text="When the picture began waiting for its renditions, or a worker took it")
    renditions_error = models.TextField(blank=True, editable=False,
                                        help_text="Why the worker could not make the renditions (not tried again by itself)")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    films = models.ManyToManyField("films.Film", blank=True, related_name="tagged_images",
                                   help_text="Films the picture shows (tags, for finding it in the library)")
    people = models.ManyToManyField("films.Person", blank=True, related_name="tagged_images",
                                    help_text="People the picture shows (tags, for finding it in the library)")

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.alt

    def clean(self) -> None:
        for field in ("alt", "credit"):
            if not getattr(self, field, "").strip():
                raise ValidationError({field: "Every image needs %s." % ("alt text" if field == "alt" else "a credit")})
