"""The one NinjaAPI: both routers, the error handlers, /api/openapi.json and /api/docs."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.parser import Parser

from newsreel.api import admin_endpoints, content
from newsreel.api.cursors import BadCursor
from newsreel.api.errors import ApiError, respond, validation_errors
from newsreel.json_input import JsonInputError, decode_document
from newsreel.newsroom.intake import IntakeError
from newsreel.newsroom.problems import FieldError
from newsreel.write_retry import DatabaseBusy

DESCRIPTION = """\
Newsreel's JSON API (docs/api.md).

**Content API** (`/api/content/`): what readers may see, always spoiler-safe. Pass a content
key as `?key=`. Lists page with `cursor` (the previous page's `next_cursor`) and `limit`.
Name films the reader has seen with `seen=key,key` to get a story's full HTML once every film
it spoils is among them.

**Admin API** (`/api/admin/`): drafts, images, scheduling and publishing, as the desk does
them, with `Authorization: Bearer <admin key>`. The key acts as its person and their role.

Every error is `{"errors": [{"field": "tags[0]", "message": "..."}]}`.
"""

class JsonBody(Parser):
    """Request bodies read by the reader every importer uses (newsreel.json_input): a fault is named by
    its line and column (deep nesting, a 5,000-digit number, bytes not UTF-8, NaN, a key written twice,
    which Python's reader kept the last of), where ninja's own said only "Cannot parse request body"."""

    def parse_body(self, request: HttpRequest):
        return decode_document(request.body, source="the request body", what="a request body")


api = NinjaAPI(title="Newsreel API", version="1", description=DESCRIPTION, urls_namespace="api",
               openapi_url="/openapi.json", docs_url="/docs", parser=JsonBody())
api.add_router("/content/", content.router)
api.add_router("/admin/", admin_endpoints.router)


@api.exception_handler(ApiError)
def _api_error(request: HttpRequest, error: ApiError) -> HttpResponse:
    return respond(api, request, error.status, error.errors, error.headers)


@api.exception_handler(IntakeError)
def _intake_error(request: HttpRequest, error: IntakeError) -> HttpResponse:
    return respond(api, request, 422, error.errors)


@api.exception_handler(BadCursor)
def _bad_cursor(request: HttpRequest, error: BadCursor) -> HttpResponse:
    return respond(api, request, 422, [error.error])


@api.exception_handler(ValidationError)
def _invalid(request: HttpRequest, error: ValidationError) -> HttpResponse:
    return respond(api, request, 422, validation_errors(error.errors))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, error: AuthenticationError) -> HttpResponse:
    where = "the `key` query parameter" if request.path_info.startswith("/api/content/") else \
        "an `Authorization: Bearer nr_admin_...` header"
    return respond(api, request, 401, [FieldError("", f"a valid, unrevoked API key is required in {where}")])


@api.exception_handler(PermissionDenied)
def _refused(request: HttpRequest, error: PermissionDenied) -> HttpResponse:
    return respond(api, request, 403, [FieldError("", str(error) or "not allowed")])


@api.exception_handler(DatabaseBusy)
def _busy(request: HttpRequest, error: DatabaseBusy) -> HttpResponse:
    return respond(api, request, 503, [FieldError("", "the database is busy with other writes; nothing was saved, "
                                                      "try again")], {"Retry-After": "5"})


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, error: HttpError) -> HttpResponse:
    # ninja wraps whatever the parser raised in "Cannot parse request body"; ours names the place
    cause = error.__cause__
    message = str(cause) if isinstance(cause, JsonInputError) else str(error)
    return respond(api, request, error.status_code, [FieldError("", message)])


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, error: RequestDataTooBig) -> HttpResponse:
    # Django's own answer was its HTML 400 page
    return respond(api, request, 413, [FieldError("", "the request body is larger than this server takes "
                                                      f"({settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} bytes); send less")])


@api.exception_handler(TooManyFieldsSent)
@api.exception_handler(TooManyFilesSent)
def _too_many(request: HttpRequest, error: Exception) -> HttpResponse:
    return respond(api, request, 400, [FieldError("", f"the request has too many fields or files: {error}")])
