"""Response headers for the desk's front door (coordinated with the CSP middleware: this one
adds no Content-Security-Policy).

- `Permissions-Policy` on every response (the stored-page fast path sends it too): no page of
  ours uses the camera, the microphone, geolocation, payment or USB, so none may.
- `Cache-Control: private, no-store` on the desk: its pages show drafts and account data, and
  must not stay in a shared cache, the browser's cache or its back/forward history.
"""

from __future__ import annotations

from typing import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from newsreel import links

DESK_CACHE_CONTROL = "private, no-store"


class PrivacyHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.permissions_policy = getattr(settings, "PERMISSIONS_POLICY", "")
        self.desk = links.desk_prefix()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        if request.path_info.startswith(self.desk):
            response.headers["Cache-Control"] = DESK_CACHE_CONTROL
            response.headers.pop("Expires", None)
        return response
