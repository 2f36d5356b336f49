"""Reading stored pages for an export: every row's path and ETag at once, bodies in a stream,
only for the pages that changed.

Depends on: nothing in the package (the public site's StoredPage table).
"""

from __future__ import annotations

from typing import Iterator
from django.db import connection

from newsreel.public.models import StoredPage


# Bodies are fetched this many rows at a time: enough to keep the database busy, few
# enough that a batch of large pages stays a few megabytes.
BODY_BATCH = 200


# Below this share of changed pages, bodies are fetched by path; above it, one pass over
# the whole table is cheaper than many IN (...) queries.
BY_PATH_SHARE = 0.2


class _PageIndex(list):
    """(path, etag, status, location) of every stored page, without bodies."""

    etags: dict[str, str]


def _page_rows() -> _PageIndex:
    table, columns = _table_and_columns("path", "etag", "status", "location")
    rows = _PageIndex()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table}")
        while batch := cursor.fetchmany(5000):
            rows.extend(batch)
    rows.etags = {path: etag for path, etag, _, _ in rows}
    return rows


def _page_bodies(paths: set[str], total: int) -> Iterator[tuple[str, bytes]]:
    """Stream (path, body) for `paths`: by path when few changed, in one pass when many did."""
    if not paths:
        return
    table, columns = _table_and_columns("path", "body")
    path_column = connection.ops.quote_name(StoredPage._meta.get_field("path").column)
    if len(paths) < total * BY_PATH_SHARE:
        ordered = sorted(paths)
        for start in range(0, len(ordered), BODY_BATCH):
            chunk = ordered[start:start + BODY_BATCH]
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT {columns} FROM {table} WHERE {path_column} IN ({', '.join(['%s'] * len(chunk))})",
                               chunk)
                yield from cursor.fetchall()
        return
    # A server-side cursor on PostgreSQL (held across autocommit), so the bodies never sit
    # in memory all at once; SQLite's cursor steps through the table as it is read.
    with connection.chunked_cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table}")
        while batch := cursor.fetchmany(BODY_BATCH):
            for path, body in batch:
                if path in paths:
                    yield path, body


def _table_and_columns(*names: str) -> tuple[str, str]:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(StoredPage._meta.get_field(name).column) for name in names)
    return quote(StoredPage._meta.db_table), columns
