"""Shareable preview links: signed, expiring, revocable.

A link names one story and when it expires, signed (django.core.signing, HMAC with the
site's SECRET_KEY) with a salt that includes the story's own preview secret. Rotating that
secret revokes every link made for the story at once, and no other story's links.

The newsroom makes and checks the tokens; the public site serves the page
(newsreel.public.preview) and the desk hands out the links.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta, timezone as dt_timezone

from django.core import signing
from django.utils import timezone

from newsreel.newsroom.models import Article, PreviewSecret
from newsreel.newsroom.permissions import STORY_SHARE_PREVIEW, require

_SALT = "newsreel.preview-link"
# What the desk offers; a link lives at most MAX_LIFETIME.
LIFETIMES: tuple[tuple[str, timedelta], ...] = (
    ("1 hour", timedelta(hours=1)), ("1 day", timedelta(days=1)), ("7 days", timedelta(days=7)),
    ("30 days", timedelta(days=30)),
)
MAX_LIFETIME = timedelta(days=30)


class PreviewLinkError(Exception):
    """A link that shows nothing; `status` is the HTTP answer, the message says why to a reader."""

    status = 404


class WrongPreviewLink(PreviewLinkError):
    status = 404


class ExpiredPreviewLink(PreviewLinkError):
    status = 410

    def __init__(self, message: str, expired_at: datetime) -> None:
        super().__init__(message)
        self.expired_at = expired_at


WRONG = ("This preview link is not valid. It may have been copied incompletely, or the newsroom "
         "revoked it. Ask whoever sent it for a new one.")


def _secret(article: Article, *, create: bool) -> str | None:
    if create:
        row, _ = PreviewSecret.objects.get_or_create(
            article=article, defaults={"secret": secrets.token_urlsafe(32), "rotated_at": timezone.now()})
        return row.secret
    return PreviewSecret.objects.filter(article=article).values_list("secret", flat=True).first()


def make_token(article: Article, lifetime: timedelta, *, now: datetime | None = None, user=None
               ) -> tuple[str, datetime]:
    """A token for `article` valid for `lifetime` (at most MAX_LIFETIME), and when it expires
    (`user` None: the system; a person must be allowed to share the story's preview)."""
    require(user, STORY_SHARE_PREVIEW, article)
    if lifetime <= timedelta(0) or lifetime > MAX_LIFETIME:
        raise ValueError(f"a preview link lives between a second and {MAX_LIFETIME.days} days, not {lifetime}")
    expires = (now or timezone.now()) + lifetime
    expires = expires.replace(microsecond=0)
    payload = {"a": article.pk, "x": int(expires.timestamp())}
    token = signing.dumps(payload, salt=f"{_SALT}:{_secret(article, create=True)}")
    return token, expires


def check(pk: int, token: str, *, now: datetime | None = None) -> Article:
    """The story a link shows; WrongPreviewLink (mistyped, revoked, no such story) or
    ExpiredPreviewLink otherwise."""
    article = Article.objects.filter(pk=pk).first()
    secret = _secret(article, create=False) if article is not None else None
    if secret is None:
        raise WrongPreviewLink(WRONG)
    try:
        payload = signing.loads(token, salt=f"{_SALT}:{secret}")
    except signing.BadSignature:
        raise WrongPreviewLink(WRONG) from None
    if not isinstance(payload, dict) or payload.get("a") != article.pk or not isinstance(payload.get("x"), int):
        raise WrongPreviewLink(WRONG)
    expired_at = datetime.fromtimestamp(payload["x"], tz=dt_timezone.utc)
    if expired_at <= (now or timezone.now()):
        raise ExpiredPreviewLink(
            f"This preview link expired on {expired_at.day} {expired_at:%B %Y at %H:%M} UTC. "
            "Ask whoever sent it for a new one.",
            expired_at)
    return article


def revoke_all(article: Article, *, user=None) -> None:
    """Rotate the story's preview secret: every link made so far stops working."""
    require(user, STORY_SHARE_PREVIEW, article)
    PreviewSecret.objects.update_or_create(
        article=article, defaults={"secret": secrets.token_urlsafe(32), "rotated_at": timezone.now()})


def may_preview(user, article: Article | None) -> bool:
    """Who may see a story's unpublished versions without a link: editors, and the
    contributor who wrote it (the desk's own rule for editing)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.has_perm("newsroom.edit_any_article"):
        return True
    if article is None:
        return user.has_perm("newsroom.add_article")
    return user.has_perm("newsroom.change_article") and article.created_by_id == user.pk
