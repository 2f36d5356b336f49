"""The API's URL map: django-ninja's operations, then a JSON 404 for any other address under
/api/ (a client reading JSON should not be handed the reader's HTML error page).

Each operation's view answers HEAD as its GET (RFC 9110 9.3.2: the same headers, ETag and
caching included; the outermost middleware drops the body), and a method the address does not
take with the API's JSON 405, where django-ninja answered both with an HTML "Method not allowed".
"""

from functools import wraps
from typing import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, path, re_path

from newsreel.api.errors import method_not_allowed, respond
from newsreel.api.service import api
from newsreel.newsroom.problems import FieldError


def no_such_operation(request: HttpRequest) -> HttpResponse:
    return respond(api, request, 404, [FieldError("", f"no API operation at {request.path!r}; "
                                                      "the operations are listed at /api/docs")])


def _methods_as_http_says(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def answer(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        head = request.method == "HEAD"
        if head:
            request.method = "GET"  # only for the operation's choice; the middleware sees HEAD again
        try:
            response = view(request, *args, **kwargs)
        finally:
            if head:
                request.method = "HEAD"
        if response.status_code == 405 and not response["Content-Type"].startswith("application/json"):
            allowed = [method.strip() for method in response.get("Allow", "").split(",") if method.strip()]
            return method_not_allowed(request, allowed + (["HEAD"] if "GET" in allowed else []))
        return response
    return answer


def _operation(pattern):
    if isinstance(pattern, URLPattern):
        pattern.callback = _methods_as_http_says(pattern.callback)
    return pattern


# ninja's own root answers the reader's HTML 404 with DEBUG off; ours says where the docs are.
# The name stays: ninja reverses "api-root" to write the description's server address.
urlpatterns = [*(_operation(pattern) for pattern in api.urls[0] if getattr(pattern, "name", "") != "api-root"),
               path("", no_such_operation, name="api-root"),
               re_path(r"", no_such_operation, name="no_such_operation")]
