"""newsreel migrate: Django's migrate, under a lock, so several machines may run it at once."""

from __future__ import annotations

from django.core.management.commands.migrate import Command as DjangoMigrateCommand
from django.db import connections

from newsreel.operations.schema import migration_lock


class Command(DjangoMigrateCommand):
    help = ("Bring the database schema up to date. Safe to run on several machines at once: one "
            "migrates, the others wait for it and then find nothing left to do. Run it before "
            "`newsreel serve` on every upgrade.")

    def handle(self, *args, **options):
        with migration_lock(connections[options["database"]]):
            return super().handle(*args, **options)
