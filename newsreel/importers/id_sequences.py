"""Make the database hand out a chosen id next: a content import keeps every story's id.

Stories are created by the intake, which lets the database number them; setting the
table's counter just before each one gives it the id it had in the exported site (they
arrive in id order, so the counter only ever moves forward). Rows written with explicit
ids (images, tags, authors) need the counter moved past them afterwards (`catch_up`).
"""

from __future__ import annotations

from django.core.management.color import no_style
from django.db import connection, models


def next_id_will_be(model: type[models.Model], value: int) -> None:
    """The next row `model` inserts gets id `value` (which must be above every id it has)."""
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT setval(pg_get_serial_sequence(%s, %s), %s, false)",
                           [table, model._meta.pk.column, value])
        elif connection.vendor == "sqlite":
            # AUTOINCREMENT tables take max(counter, largest id) + 1.
            cursor.execute("UPDATE sqlite_sequence SET seq = %s WHERE name = %s", [value - 1, table])
            if cursor.rowcount == 0:
                cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, value - 1])


def catch_up(*model_list: type[models.Model]) -> None:
    """Move each model's id counter past the ids written explicitly."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(model_list))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
