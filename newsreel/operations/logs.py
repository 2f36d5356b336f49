"""Logs as one JSON object per line (NEWSREEL_LOG_FORMAT=json), for a log collector."""

from __future__ import annotations

import datetime as dt
import json
import logging

# The fields granian's access logger passes as the record's arguments.
ACCESS_FIELDS = ("addr", "method", "path", "query_string", "protocol", "scheme", "status", "dt_ms")


class JsonFormatter(logging.Formatter):
    """time, level, logger and message; an access record's fields; an error's traceback."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict = {
            "time": dt.datetime.fromtimestamp(record.created, dt.timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
        }
        if record.name == "granian.access" and isinstance(record.args, dict):
            entry["message"] = "request"
            entry.update({name: record.args[name] for name in ACCESS_FIELDS if name in record.args})
            if "dt_ms" in entry:
                entry["dt_ms"] = round(entry["dt_ms"], 3)
        else:
            entry["message"] = record.getMessage()
        request = getattr(record, "request", None)  # Django's request loggers attach it
        if request is not None and hasattr(request, "path"):
            entry["method"], entry["path"] = request.method, request.path
        if getattr(record, "status_code", None):
            entry["status"] = record.status_code
        for name in ("mail_to", "mail_subject"):  # the console e-mail backend's (operations/mail.py)
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)
