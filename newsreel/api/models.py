"""API keys and webhook endpoints with their delivery log."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class KeyKind(models.TextChoices):
    CONTENT = "content", "Content (read-only, public)"
    ADMIN = "admin", "Admin (acts as its person)"


class ApiKey(models.Model):
    """A key as the server keeps it: its public id and a SHA-256 of its secret, never the secret.

    A content key reads the Content API and may be used from the listed browser origins (CORS);
    an admin key acts as its person, with that person's role, within its scopes.
    """

    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=10, choices=KeyKind.choices)
    public_id = models.CharField(max_length=24, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE,
                             related_name="api_keys", help_text="The person an admin key acts as")
    scopes = models.JSONField(default=list, blank=True)
    origins = models.JSONField(default=list, blank=True,
                               help_text="Browser origins a content key may be used from (CORS); '*' for any")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.kind}, {self.public_id})"


class WebhookEndpoint(models.Model):
    url = models.URLField(max_length=500)
    description = models.CharField(max_length=200, blank=True)
    # "whsec_" + base64 of 24 random bytes, as the Standard Webhooks specification writes secrets.
    secret = models.CharField(max_length=100, editable=False)
    events = models.JSONField(default=list, help_text="Event types sent to this endpoint; empty means all")
    enabled = models.BooleanField(default=True)
    disabled_reason = models.CharField(max_length=300, blank=True)
    failed_in_a_row = models.PositiveIntegerField(default=0, help_text="Messages in a row that failed every attempt")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.url


class DeliveryState(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    DELIVERED = "delivered", "Delivered"
    FAILED = "failed", "Failed every attempt"


class WebhookDelivery(models.Model):
    """One message to one endpoint, and what each attempt got back (the delivery log)."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries")
    message_id = models.CharField(max_length=40, db_index=True, help_text="webhook-id: the same on every retry")
    event = models.CharField(max_length=40)
    payload = models.JSONField()
    state = models.CharField(max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_status = models.PositiveIntegerField(null=True, blank=True, help_text="HTTP status of the last attempt")
    last_error = models.CharField(max_length=500, blank=True)
    log = models.JSONField(default=list, blank=True, help_text="[{at, status, error, seconds}] per attempt")
    created_at = models.DateTimeField(auto_now_add=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
