"""API keys: made once, shown once, kept hashed.

A key reads `nr_<kind>_<public id>_<secret>`. The server keeps the public id (to find the
row) and the SHA-256 of the secret: a key is 32 random bytes, so a plain SHA-256 is enough
(a slow password hash protects guessable secrets; nobody guesses 256 random bits) and it
keeps every request's check cheap. Comparison is constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.utils import timezone

from newsreel.api.models import ApiKey, KeyKind
from newsreel.newsroom.permissions import INTEGRATIONS_MANAGE, require
from newsreel.newsroom.roles import role_of

# What an admin key may be allowed to do, beside what its person's role allows.
SCOPES = {
    "stories:read": "read drafts and their state",
    "stories:write": "create and update drafts",
    "stories:publish": "publish, schedule, unschedule and unpublish",
    "images:write": "upload images",
}
ALL_SCOPES = tuple(SCOPES)
PREFIX = "nr"


class KeyProblem(ValueError):
    """A key cannot be made as asked; the message says why."""


@dataclass(frozen=True)
class NewKey:
    key: ApiKey
    token: str  # the only time the whole key exists outside the caller's hands


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_key(name: str, kind: str, *, user=None, scopes: list[str] | tuple[str, ...] = (),
               origins: list[str] | tuple[str, ...] = (), by=None) -> NewKey:
    """Make a key; raise KeyProblem naming the problem (an admin key needs a person with a role).
    `by` is the person asking (None: the command line), checked against the role table."""
    require(by, INTEGRATIONS_MANAGE)
    name = " ".join((name or "").split())
    if not name:
        raise KeyProblem("a key needs a name, e.g. 'Homepage widget'")
    if kind not in KeyKind.values:
        raise KeyProblem(f"kind {kind!r} is not one of {', '.join(KeyKind.values)}")
    unknown = [scope for scope in scopes if scope not in SCOPES]
    if unknown:
        raise KeyProblem(f"unknown scope {unknown[0]!r}; scopes are {', '.join(SCOPES)}")
    if kind == KeyKind.ADMIN:
        if user is None or not user.is_active or role_of(user) is None:
            raise KeyProblem("an admin key acts as a person: name an active desk account with a role")
        scopes = list(scopes) or list(ALL_SCOPES)
    else:
        scopes = []
        for origin in origins:
            if origin != "*" and not (origin.startswith(("http://", "https://")) and origin.count("/") == 2):
                raise KeyProblem(f"origin {origin!r} must be '*' or like https://example.com (no path)")
    public_id = secrets.token_hex(8)
    secret = secrets.token_urlsafe(32)
    key = ApiKey.objects.create(name=name[:120], kind=kind, public_id=public_id, secret_hash=_hash(secret),
                                user=user if kind == KeyKind.ADMIN else None, scopes=list(scopes),
                                origins=list(origins) if kind == KeyKind.CONTENT else [])
    return NewKey(key, f"{PREFIX}_{kind}_{public_id}_{secret}")


def find_key(token: str, kind: str) -> ApiKey | None:
    """The live key of `kind` this token is, or None (unknown, revoked, wrong kind, malformed)."""
    parts = (token or "").strip().split("_", 3)
    if len(parts) != 4 or parts[0] != PREFIX or parts[1] != kind:
        return None
    _, _, public_id, secret = parts
    if len(public_id) != 16 or not public_id.isalnum():
        return None
    key = ApiKey.objects.filter(public_id=public_id, kind=kind, revoked_at__isnull=True).select_related("user").first()
    if key is None or not hmac.compare_digest(key.secret_hash, _hash(secret)):
        return None
    now = timezone.now()
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() > 60:
        # At most one write a minute per key: reads must not become writes.
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key


def revoke(public_id: str, *, by=None) -> bool:
    """Revoke the active key with this id; False when there is none. `by` as for create_key."""
    require(by, INTEGRATIONS_MANAGE)
    return bool(ApiKey.objects.filter(public_id=public_id, revoked_at__isnull=True).update(revoked_at=timezone.now()))
