"""/healthz and /readyz for load balancers and orchestrators.

- `/healthz`: the process is up and answers (no database work): restart it when this fails.
- `/readyz`: the database answers, every migration of this code is applied, and media storage
  takes a write: send it traffic only while this says 200. A JSON body names each check.

They answer before the rest of the middleware: a load balancer asks by the machine's address
over plain http, so neither ALLOWED_HOSTS nor the https redirect may turn it away.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import uuid
from typing import Callable

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, HttpResponse

from newsreel.operations.schema import schema_is_current

logger = logging.getLogger(__name__)
HEALTH_PATHS = ("/healthz", "/readyz")
PROBE_FOLDER = "readyz"


def _answer(request: HttpRequest, status: int, body: dict) -> HttpResponse:
    content = (json.dumps(body) + "\n").encode()
    response = HttpResponse(b"" if request.method == "HEAD" else content, status=status,
                            content_type="application/json")
    response.headers["Content-Length"] = str(len(content))
    response.headers["Cache-Control"] = "no-store"
    return response


def healthz(request: HttpRequest) -> HttpResponse:
    return _answer(request, 200, {"status": "ok"})


def readyz(request: HttpRequest) -> HttpResponse:
    checks = {"database": _check_database(), "migrations": "", "storage": _check_storage()}
    checks["migrations"] = _check_migrations() if checks["database"] == "ok" else "not checked: no database"
    ready = all(value == "ok" for value in checks.values())
    response = _answer(request, 200 if ready else 503, {"status": "ok" if ready else "not ready", **checks})
    # A balancer polls an unready server every few seconds: the failing check logs its own
    # warning above, so Django's "Service Unavailable" line for each poll is left out.
    response._has_been_logged = True
    return response


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any driver error means "not ready", never a 500
        connection.close()
        logger.warning("readyz: database unreachable: %s", error)
        return f"unreachable: {type(error).__name__}"
    return "ok"


def _check_migrations() -> str:
    try:
        return "ok" if schema_is_current(connection) else "pending: run `newsreel migrate`"
    except Exception as error:
        logger.warning("readyz: cannot read the migration table: %s", error)
        return f"unreadable: {type(error).__name__}"


def _check_storage() -> str:
    """Write and delete a small file where uploads go (a bucket, or the media folder)."""
    name = f"{PROBE_FOLDER}/{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}.txt"
    try:
        saved = default_storage.save(name, ContentFile(b"ok"))
        default_storage.delete(saved)
    except Exception as error:  # a bucket or disk that refuses writes: not ready
        logger.warning("readyz: media storage refused a write: %s", error)
        return f"not writable: {type(error).__name__}"
    return "ok"


class HealthCheckMiddleware:
    """Answer GET/HEAD /healthz and /readyz before any other middleware sees the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info.rstrip("/")
        if path in HEALTH_PATHS:
            if request.method not in ("GET", "HEAD"):
                response = HttpResponse(status=405)
                response.headers["Allow"] = "GET, HEAD"
                return response
            return healthz(request) if path == "/healthz" else readyz(request)
        return self.get_response(request)
