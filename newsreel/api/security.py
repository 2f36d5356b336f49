"""Who is asking: a content key in the `key` query parameter, an admin key as a Bearer token.

A found key is counted against its rate limit before the operation runs; a key over its
limit answers 429 with Retry-After. The key is kept on the request (`request.api_key`)
for CORS and for the admin operations' role checks.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import APIKeyQuery, HttpBearer

from newsreel.api import rate_limits
from newsreel.api.errors import ApiError
from newsreel.api.keys import find_key
from newsreel.api.models import ApiKey, KeyKind


def _admit(request: HttpRequest, key: ApiKey | None) -> ApiKey | None:
    if key is None:
        return None
    allowance = rate_limits.take(key.public_id)
    request.rate_limit_headers = rate_limits.headers(allowance)
    if not allowance.allowed:
        raise ApiError(429, f"this key made more than {allowance.limit} requests this minute; "
                            f"try again in {allowance.reset} s",
                       headers={**request.rate_limit_headers, "Retry-After": str(allowance.reset)})
    request.api_key = key
    return key


class ContentKey(APIKeyQuery):
    """A Content API key, in the query so a browser's plain GET needs no preflight (as Ghost does)."""

    param_name = "key"

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return _admit(request, find_key(key or "", KeyKind.CONTENT))


class AdminKey(HttpBearer):
    """An Admin API key: `Authorization: Bearer nr_admin_...`; never in a URL, never from a browser."""

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        key = _admit(request, find_key(token, KeyKind.ADMIN))
        if key is not None and (key.user is None or not key.user.is_active):
            raise ApiError(403, "the person this key acts as has been deactivated; the key no longer works")
        return key
