"""Requests per minute per key (NEWSREEL_API_RATE_LIMIT), counted in Django's cache.

A fixed one-minute window per key: the first request of a minute adds the counter, the
others increment it. With the shared cache (NEWSREEL_CACHE_URL) every app server counts
together; with the per-process default each process counts on its own.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

WINDOW = 60


@dataclass(frozen=True)
class Allowance:
    allowed: bool
    limit: int
    remaining: int
    reset: int  # seconds until the window ends


def take(key_id: str, *, now: float | None = None) -> Allowance:
    """Count one request for this key; `allowed` is False once the minute's limit is used."""
    limit = settings.CONFIG.api_rate_limit
    now = time.time() if now is None else now
    window = int(now // WINDOW)
    name = f"newsreel:api-rate:{key_id}:{window}"
    if cache.add(name, 1, timeout=WINDOW + 5):
        used = 1
    else:
        try:
            used = cache.incr(name)
        except ValueError:  # expired between add and incr
            cache.add(name, 1, timeout=WINDOW + 5)
            used = 1
    reset = max(1, int((window + 1) * WINDOW - now))
    return Allowance(used <= limit, limit, max(0, limit - used), reset)


def headers(allowance: Allowance) -> dict[str, str]:
    # The IETF draft's RateLimit fields, which clients increasingly read, plus Retry-After on 429.
    return {"RateLimit-Limit": str(allowance.limit), "RateLimit-Remaining": str(allowance.remaining),
            "RateLimit-Reset": str(allowance.reset)}
