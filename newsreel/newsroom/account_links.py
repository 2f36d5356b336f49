"""The links the desk e-mails: an invitation (set your first password) and a password reset.

Both are Django's `PasswordResetTokenGenerator` tokens: signed with the secret key, dated,
and tied to the account's password hash and last sign-in, so a link stops working once it
has been used (the password it sets changes the hash). Invitations use their own salt, so a
reset link cannot stand in for an invitation or the other way round, and their own lifetime
(settings.INVITE_TIMEOUT; resets keep Django's PASSWORD_RESET_TIMEOUT).

`check` says why a link is refused (wrong, used, expired, account deactivated), so the page
can say it; Django's own check_token only answers yes or no.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator, default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes, force_str
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode

INVITATION = "invitation"
RESET = "reset"


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    key_salt = "newsreel.newsroom.account_links.InvitationTokenGenerator"


invitation_tokens = InvitationTokenGenerator()
GENERATORS: dict[str, PasswordResetTokenGenerator] = {INVITATION: invitation_tokens, RESET: default_token_generator}


def lifetime(kind: str) -> int:
    """Seconds a link of this kind stays valid."""
    return settings.INVITE_TIMEOUT if kind == INVITATION else settings.PASSWORD_RESET_TIMEOUT


def days(kind: str) -> str:
    count = max(1, round(lifetime(kind) / 86400))
    return f"{count} day{'s' if count != 1 else ''}"


class Refusal(enum.Enum):
    WRONG = "wrong"
    USED = "used"
    EXPIRED = "expired"
    DEACTIVATED = "deactivated"


REFUSALS = {
    (INVITATION, Refusal.WRONG): "This invitation link is not valid: it may be cut short or mistyped. "
                                 "Open the link from the e-mail again, or ask an administrator for a new invitation.",
    (INVITATION, Refusal.USED): "This invitation has been used already: the password is set. Log in, or ask an "
                                "administrator to send you a password reset link.",
    (INVITATION, Refusal.EXPIRED): "This invitation link has expired (invitations last {days}). Ask an "
                                   "administrator to send you a new one.",
    (INVITATION, Refusal.DEACTIVATED): "This account has been deactivated, so its invitation no longer works. "
                                       "Ask an administrator if this is a mistake.",
    (RESET, Refusal.WRONG): "This password reset link does not work: it has been used already, the password was "
                            "changed since it was sent, or the link is cut short. Ask for a new one with “Forgot "
                            "your password?” on the login page, or ask an administrator.",
    (RESET, Refusal.EXPIRED): "This password reset link has expired (reset links last {days}). Ask for a new one "
                              "with “Forgot your password?” on the login page, or ask an administrator.",
    (RESET, Refusal.DEACTIVATED): "This account has been deactivated, so its password cannot be reset. "
                                  "Ask an administrator if this is a mistake.",
}


@dataclass(frozen=True)
class Checked:
    user: object | None
    refusal: Refusal | None = None

    @property
    def ok(self) -> bool:
        return self.refusal is None

    def message(self, kind: str) -> str:
        return REFUSALS[(kind, self.refusal)].format(days=days(kind)) if self.refusal else ""


def uid_of(user) -> str:
    return urlsafe_base64_encode(force_bytes(user.pk))


def make(kind: str, user) -> tuple[str, str]:
    """(uidb64, token) for a link of this kind to this account."""
    return uid_of(user), GENERATORS[kind].make_token(user)


def _user(uidb64: str):
    model = get_user_model()
    try:
        pk = model._meta.pk.to_python(force_str(urlsafe_base64_decode(uidb64)))
        return model._default_manager.get(pk=pk)
    except (TypeError, ValueError, OverflowError, ValidationError, model.DoesNotExist):
        return None


def check(kind: str, uidb64: str, token: str) -> Checked:
    """Whether a link opens, and if not, why (the user is given when it names a real account)."""
    generator = GENERATORS[kind]
    user = _user(uidb64)
    if user is None:
        return Checked(None, Refusal.WRONG)
    try:
        stamp_b36, _ = token.split("-")
        stamp = base36_to_int(stamp_b36)
    except ValueError:
        return Checked(user, Refusal.WRONG)
    # The stamp is inside the signature: a matching token with a changed stamp cannot be made.
    secrets = [generator.secret, *generator.secret_fallbacks]
    if not any(constant_time_compare(generator._make_token_with_timestamp(user, stamp, secret), token)
               for secret in secrets):
        # The signature covers the password hash: an invitation whose account has a password
        # now has been used. (A used reset link cannot be told from a mistyped one.)
        used = kind == INVITATION and user.has_usable_password()
        return Checked(user, Refusal.USED if used else Refusal.WRONG)
    if not user.is_active:
        return Checked(user, Refusal.DEACTIVATED)
    if generator._num_seconds(generator._now()) - stamp > lifetime(kind):
        return Checked(user, Refusal.EXPIRED)
    return Checked(user)


SUBJECTS = {
    INVITATION: "You are invited to the {site} desk",
    RESET: "Reset your password for the {site} desk",
}


def send(kind: str, user, *, link: Callable[[str, str, str], str], sent_by=None) -> str:
    """E-mail the link to the account's address through Django's mail framework; returns the link.

    `link(kind, uidb64, token)` makes the absolute address (the desk knows its URLs; the
    newsroom does not)."""
    uidb64, token = make(kind, user)
    url = link(kind, uidb64, token)
    site = urlsplit(settings.SITE_URL).hostname or "Newsreel"
    context = {
        "user": user, "url": url, "days": days(kind), "site": site,
        "sent_by": (sent_by.get_full_name() or sent_by.get_username()) if sent_by is not None else "",
        "username": user.get_username(),
    }
    body = render_to_string(f"newsroom/email/{kind}.txt", context)
    send_mail(SUBJECTS[kind].format(site=site), body, None, [user.email], fail_silently=False)
    return url


def accounts_for_email(email: str) -> list:
    """The active accounts with a password that use this e-mail address (any case): those a
    "forgot password" request may mail. Django's PasswordResetForm.get_users, which leaves out
    accounts that never set a password (an invitation is their way in)."""
    from django.contrib.auth.forms import PasswordResetForm

    return list(PasswordResetForm().get_users(email))


def send_requested_resets(email: str) -> int:
    """Mail a reset link to each account that uses `email` (none: nothing is sent, and nobody
    is told). The links point at settings.SITE_URL, never at the host a request named, so a
    forged Host header cannot send someone a link to another site. Returns how many were sent."""
    from django.urls import reverse

    def link(kind: str, uidb64: str, token: str) -> str:
        return settings.SITE_URL + reverse("desk:password_reset", args=[uidb64, token])

    sent = 0
    for user in accounts_for_email(email):
        send(RESET, user, link=link)
        sent += 1
    return sent
