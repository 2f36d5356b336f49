"""newsreel migrate: Django's migrate, under a lock, so several machines may run it at once."""

from __future__ import annotations

from django.core.management.commands.migrate import Command as DjangoMigrateCommand
from django.db import DEFAULT_DB_ALIAS, connections

from newsreel.operations.schema import migration_lock


class Command(DjangoMigrateCommand):
    help = ("Bring the database schema up to date. Safe to run on several machines at once: one "
            "migrates, the others wait for it and then find nothing left to do. Run it before "
            "`newsreel serve` on every upgrade.")

    def execute(self, *args, **options):
        # The lock covers the system checks too: on SQLite they probe the database (JSON
        # support), and a probe that meets another process's migration reads "database is
        # locked" as "no JSON support" and fails every model with a JSONField.
        with migration_lock(connections[options.get("database") or DEFAULT_DB_ALIAS]):
            return super().execute(*args, **options)
