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
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


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
