"""Every API error is JSON with the field path, as the CLI and the intake name fields.

    {"errors": [{"field": "tags[0]", "message": "'' is not a usable name"}]}

`field` is null for errors about the request as a whole (authentication, permission, a
missing story). Validation by the schema (a wrong type, a missing field) reports the same
paths as the intake: dotted names and [index] for list items.
"""

from __future__ import annotations

from typing import Any, Iterable

from django.http import HttpRequest, HttpResponse

from newsreel.newsroom.problems import FieldError


class ApiError(Exception):
    """An answer other than success: its status, its errors and extra headers."""

    def __init__(self, status: int, errors: Iterable[FieldError] | str, headers: dict[str, str] | None = None) -> None:
        self.status = status
        self.errors = [FieldError("", errors)] if isinstance(errors, str) else list(errors)
        self.headers = headers or {}
        super().__init__("; ".join(str(error) for error in self.errors))


def error_body(errors: Iterable[FieldError]) -> dict[str, Any]:
    return {"errors": [{"field": error.field or None, "message": error.message,
                        **({"line": error.line} if error.line else {})} for error in errors]}


def field_path(location: Iterable[Any]) -> str:
    """("body", "draft", "sources", 0, "url") -> "sources[0].url"; ("query", "limit") -> "limit"."""
    parts = list(location)
    if parts and parts[0] in ("body", "query", "path", "form", "file", "header", "cookie"):
        parts = parts[1:]
        # the operation's parameter name, which the client never writes
        if parts and parts[0] in ("draft", "payload", "body", "data", "changes", "when", "filters"):
            parts = parts[1:]
    path = ""
    for part in parts:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += ("." if path else "") + str(part)
    return path


def validation_errors(errors: list[dict[str, Any]]) -> list[FieldError]:
    found = []
    for error in errors:
        message = str(error.get("msg", "is not valid"))
        message = message[0].lower() + message[1:] if message else message
        location = tuple(error.get("loc", ()))
        if location[:1] == ("path",):
            # /people/{key} and the content key (?key=) share a name; say which one is wrong
            message = f"in the address: {message}"
        found.append(FieldError(field_path(location), message))
    return found


def respond(api, request: HttpRequest, status: int, errors: Iterable[FieldError], headers: dict[str, str] | None = None
            ) -> HttpResponse:
    response = api.create_response(request, error_body(errors), status=status)
    for name, value in (headers or {}).items():
        response[name] = value
    return response


# The order an Allow header lists methods in, whoever decided them.
METHOD_ORDER = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT")


def allow_header(methods: Iterable[str]) -> str:
    found = set(methods)
    return ", ".join([method for method in METHOD_ORDER if method in found]
                     + sorted(found.difference(METHOD_ORDER)))


def method_not_allowed(request: HttpRequest, allowed: Iterable[str]) -> HttpResponse:
    """The 405 for a method `request.path` does not take: JSON in the API's shape, with Allow."""
    from newsreel.api.service import api  # the service imports this module

    allow = allow_header(allowed)
    return respond(api, request, 405, [FieldError("", f"{request.method[:20]} is not a method {request.path} takes; "
                                                      f"it takes {allow}")], {"Allow": allow})
