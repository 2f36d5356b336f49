"""Login throttling for the desk, with django-axes.

Failed log-ins are counted per account and per address, separately: five failures for one
account (from anywhere), or five from one address (for any accounts), lock further tries
out for 15 minutes (AXES_FAILURE_LIMIT and AXES_COOLOFF_TIME in settings.py). A success
resets the account's count.

Why django-axes and not Django's cache: the counts must hold across every app server and
every restart, and Newsreel's default cache is a per-process memory cache (an attacker
spreading tries over N processes would get N times the tries, and a restart would forget
them all). django-axes keeps them in the database every server already shares, and it is
maintained and made for exactly this. An administrator unlocks an account at once with
`newsreel axes_reset_username NAME` (or an address with `newsreel axes_reset_ip ADDRESS`).

The address is REMOTE_ADDR, never a header a client could set.

"Forgot your password?" is throttled the same way, with the same numbers: five requests for
one e-mail address (from anywhere) or five from one client address (for any e-mail) pause
further requests for 15 minutes. The requests are counted whether or not an account uses the
address typed, so the pause says nothing about who has an account. They are kept in the
database (`ResetRequest`, keyed hashes only) for the same reasons as the log-in counts.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.crypto import salted_hmac


def lockout_message() -> str:
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return (f"Too many failed log-ins for this account or from this address, so logging in is paused for "
            f"{minutes} minutes. Wait and try again with the right password, or ask an administrator to "
            "unlock the account.")


def locked_out(request: HttpRequest, original_response: HttpResponse | None = None,
               credentials: dict | None = None) -> HttpResponse:
    """The desk's login page, saying why logging in is paused (429 Too Many Requests)."""
    from newsreel.desk.forms import DeskAuthenticationForm

    username = (credentials or {}).get("username") or request.POST.get("username", "")
    form = DeskAuthenticationForm(request, initial={"username": username})
    return render(request, "desk/login.html", {"form": form, "locked_out": lockout_message(),
                                               "next": request.POST.get("next", "")}, status=429)


def _key(kind: str, value: str) -> str:
    return salted_hmac(f"newsreel.desk.throttle.{kind}", value, algorithm="sha256").hexdigest()


def reset_paused_message() -> str:
    minutes = round(settings.AXES_COOLOFF_TIME.total_seconds() / 60)
    return (f"Too many password reset requests for this e-mail address or from this address, so asking is "
            f"paused for {minutes} minutes. If a link was sent, it is in your mailbox (and in spam, perhaps); "
            "otherwise wait and ask again, or ask an administrator.")


def reset_request_allowed(request: HttpRequest, email: str) -> bool:
    """Count this "forgot password" request; False when its e-mail or its address already made
    AXES_FAILURE_LIMIT of them within AXES_COOLOFF_TIME (then it is not counted again)."""
    from newsreel.desk.models import ResetRequest  # this module is loaded by axes' settings, before the apps

    now = timezone.now()
    window = now - settings.AXES_COOLOFF_TIME
    ResetRequest.objects.filter(made_at__lt=window - dt.timedelta(minutes=1)).delete()  # past counting
    address = _key("address", request.META.get("REMOTE_ADDR") or "")
    account = _key("account", email.strip().casefold())
    recent = ResetRequest.objects.filter(made_at__gte=window)
    limit = settings.AXES_FAILURE_LIMIT
    if recent.filter(address=address).count() >= limit or recent.filter(account=account).count() >= limit:
        return False
    ResetRequest.objects.create(made_at=now, address=address, account=account)
    return True
