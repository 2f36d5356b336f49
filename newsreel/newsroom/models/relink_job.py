"""A relink job: the live stories naming a film or person linked again by the worker after a
desk change, with its progress (newsreel.newsroom.graph_relinks)."""

from django.conf import settings
from django.db import models


class RelinkState(models.TextChoices):
    QUEUED = "queued", "Waiting for the worker"
    RUNNING = "running", "Linking stories again"
    DONE = "done", "Done"


class RelinkJob(models.Model):
    """One change to the graph to carry into the stories: which film or person, which names to
    look for besides its own (the names it had before), and how far the worker has got.

    `story_ids` is the list of stories to check, fixed when the worker starts; `checked` is how
    many of them are done, in order, so a job taken over from a killed worker carries on from
    there. `claimed_by` and `heartbeat_at` say which worker holds it and since when it last
    moved."""

    kind = models.CharField(max_length=10, choices=[("film", "Film"), ("person", "Person")])
    entity_id = models.PositiveIntegerField(help_text="The film's or person's id (no key: it may be merged away)")
    label = models.CharField(max_length=400, help_text="The film or person as it was named when the job was queued")
    names = models.JSONField(default=list, blank=True, help_text="Names to look for besides its own (its old ones)")
    state = models.CharField(max_length=10, choices=RelinkState.choices, default=RelinkState.QUEUED, db_index=True)
    story_ids = models.JSONField(null=True, blank=True, help_text="The live stories to check, in order")
    total = models.PositiveIntegerField(default=0)
    checked = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True, help_text="[{story, error}] for stories that failed")
    claimed_by = models.CharField(max_length=200, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")

    class Meta:
        ordering = ["-pk"]
        indexes = [models.Index(fields=["kind", "entity_id", "state"], name="relink_entity_state")]

    def __str__(self) -> str:
        return f"relink {self.kind} {self.label} ({self.state})"

    @property
    def finished(self) -> bool:
        return self.state == RelinkState.DONE
