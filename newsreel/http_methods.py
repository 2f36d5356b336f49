"""Which HTTP methods Newsreel answers, checked before anything else reads the request.

The reader's site only reads (GET, HEAD); the desk also takes form posts (POST). Any other
method, a made-up one included, answers 405 with an Allow header. Without this, an unknown
method on a stored page reached CsrfViewMiddleware first (it treats every method it does
not know as unsafe) and answered 403, and the desk's login form took a PUT as a POST.
Under /api/ the 405 is JSON in the API's error shape (newsreel.api.errors), as every other
API answer is.
"""

from __future__ import annotations

from typing import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed

from newsreel import links

PUBLIC_METHODS = ("GET", "HEAD")
DESK_METHODS = ("GET", "HEAD", "POST")
# The Content API also answers CORS preflights; the Admin API takes JSON writes (newsreel.api).
API_PREFIX = "/api/"
CONTENT_API_PREFIX, CONTENT_API_METHODS = "/api/content/", ("GET", "HEAD", "OPTIONS")
ADMIN_API_PREFIX, ADMIN_API_METHODS = "/api/admin/", ("GET", "HEAD", "POST", "PATCH")


def allowed_methods(path: str) -> tuple[str, ...]:
    if path.startswith(links.desk_prefix()):
        return DESK_METHODS
    if path.startswith(CONTENT_API_PREFIX):
        return CONTENT_API_METHODS
    if path.startswith(ADMIN_API_PREFIX):
        return ADMIN_API_METHODS
    return PUBLIC_METHODS


class AllowedMethodsMiddleware:
    """Answer 405 to any method the path's part of the site does not take."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        allowed = allowed_methods(request.path_info)
        if request.method not in allowed:
            if request.path_info.startswith(API_PREFIX):
                from newsreel.api.errors import method_not_allowed  # the API's renderer, loaded on need

                return method_not_allowed(request, allowed)
            return HttpResponseNotAllowed(allowed)
        return self.get_response(request)
