"""CORS for the Content API: a browser on a content key's listed origin may read it.

Plain GETs with `?key=` need no preflight; a preflight (OPTIONS, e.g. for If-None-Match)
is answered here with the same decision, made from the key in its query string. The Admin
API never answers CORS: its keys act as a person and must not live in a browser.
"""

from __future__ import annotations

from typing import Callable

from django.http import HttpRequest, HttpResponse

from newsreel.api.keys import find_key
from newsreel.api.models import ApiKey, KeyKind
from newsreel.public import cache_tags

API_PREFIX, CONTENT_PREFIX, ADMIN_PREFIX = "/api/", "/api/content/", "/api/admin/"
EXPOSED = "ETag, Last-Modified, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After"
PREFLIGHT_MAX_AGE = "86400"


def origin_allowed(key: ApiKey | None, origin: str) -> bool:
    return key is not None and ("*" in key.origins or origin in key.origins)


class ContentCorsMiddleware:
    """CORS headers on the Content API; rate-limit headers on every API answer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        if not request.path_info.startswith(CONTENT_PREFIX):
            response = self.get_response(request)
            for name, value in getattr(request, "rate_limit_headers", {}).items():
                response[name] = value
            if request.path_info.startswith(ADMIN_PREFIX):
                response["Cache-Control"] = "private, no-store"  # one person's drafts
            return response
        origin = request.headers.get("Origin", "")
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            if origin and origin_allowed(find_key(request.GET.get("key", ""), KeyKind.CONTENT), origin):
                response["Access-Control-Allow-Origin"] = origin
                response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
                response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
                response["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
            response["Vary"] = "Origin"
            return response
        response = self.get_response(request)
        if origin and origin_allowed(getattr(request, "api_key", None), origin):
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Expose-Headers"] = EXPOSED
        response["Vary"] = ", ".join(filter(None, [response.get("Vary", ""), "Origin"]))
        if response.status_code == 200:  # what a CDN purge by tag clears (newsreel.public.cache_tags)
            for name, value in cache_tags.headers(request.path_info):
                response[name] = value
        for name, value in getattr(request, "rate_limit_headers", {}).items():
            response[name] = value
        return response
