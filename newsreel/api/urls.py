"""The API's URL map: django-ninja's operations, then a JSON 404 for any other address under
/api/ (a client reading JSON should not be handed the reader's HTML error page)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path, re_path

from newsreel.api.errors import respond
from newsreel.api.service import api
from newsreel.newsroom.problems import FieldError


def no_such_operation(request: HttpRequest) -> HttpResponse:
    return respond(api, request, 404, [FieldError("", f"no API operation at {request.path!r}; "
                                                      "the operations are listed at /api/docs")])


# ninja's own root answers the reader's HTML 404 with DEBUG off; ours says where the docs are.
# The name stays: ninja reverses "api-root" to write the description's server address.
urlpatterns = [*(pattern for pattern in api.urls[0] if getattr(pattern, "name", "") != "api-root"),
               path("", no_such_operation, name="api-root"),
               re_path(r"", no_such_operation, name="no_such_operation")]
