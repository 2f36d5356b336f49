"""The database schema against this version's migrations, and the lock that lets one machine
at a time apply them.

Several app servers may run `newsreel migrate` at once during a deploy (each machine's
start script, say). Django's migrate reads the plan, then applies it: two of them would
both try to create the same table. The lock is taken before the plan is read, so the second
finds nothing left to do.
"""

from __future__ import annotations

import fcntl
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper

# pg_advisory_lock's key: any bigint that no other code in the same database uses ("newsreel").
ADVISORY_LOCK_KEY = 0x6E657773_7265656C
_graph_nodes: set[tuple[str, str]] | None = None


def pending_migrations(connection: BaseDatabaseWrapper) -> list[tuple[str, str]]:
    """The (app, name) of every migration this code has that the database has not applied, in order."""
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [(migration.app_label, migration.name) for migration, backwards in plan if not backwards]


def schema_is_current(connection: BaseDatabaseWrapper) -> bool:
    """One query: every migration in this code is recorded as applied (for /readyz, on every poll)."""
    from django.db.migrations.loader import MigrationLoader
    from django.db.migrations.recorder import MigrationRecorder

    global _graph_nodes
    if _graph_nodes is None:  # the code's migrations do not change while the process runs
        loader = MigrationLoader(None, ignore_no_migrations=True)
        _graph_nodes = set(loader.graph.nodes)
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return False
    return _graph_nodes <= set(recorder.applied_migrations())


class SchemaBehind(Exception):
    """The shared database needs `newsreel migrate` before this command can run."""


def ensure_schema(command: str = "serve") -> None:
    """Bring the schema up to date where that is safe, or raise SchemaBehind saying what to run.

    The embedded SQLite default migrates by itself (and so does `demo`, which sets a database
    up). On a shared database the upgrade is its own step, `newsreel migrate`, so machines
    never race to apply it and a server never runs on a schema it does not know.
    """
    from django.core.management import call_command
    from django.db import connection

    pending = pending_migrations(connection)
    if not pending:
        return
    if connection.vendor != "sqlite" and command != "demo":
        raise SchemaBehind(
            f"the database schema is behind this version of Newsreel: {describe_pending(pending)}. "
            f"Run `newsreel migrate` (once, from one machine), then "
            + (f"`newsreel {command}` again." if command else "run this again.")
        )
    sys.stderr.write("newsreel: setting up the database (applying migrations)...\n")
    call_command("migrate", interactive=False, verbosity=0)


def describe_pending(pending: list[tuple[str, str]]) -> str:
    shown = ", ".join(f"{app}.{name}" for app, name in pending[:3])
    more = f" and {len(pending) - 3} more" if len(pending) > 3 else ""
    return f"{len(pending)} migration(s) not applied ({shown}{more})"


@contextmanager
def migration_lock(connection: BaseDatabaseWrapper, lock_dir: Path | None = None) -> Iterator[None]:
    """Hold the database's migration lock while the block runs; say so when another holds it.

    PostgreSQL: a session-level advisory lock on this connection (released with the session
    if the process dies). SQLite: an exclusive lock on a file beside the database.
    """
    if connection.vendor == "postgresql":
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
            if not cursor.fetchone()[0]:
                _say_waiting()
                cursor.execute("SELECT pg_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
        try:
            yield
        finally:
            if connection.connection is not None:  # a lost connection released it already
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
        return
    if connection.vendor == "sqlite":
        database = Path(str(connection.settings_dict["NAME"]))
        folder = lock_dir or database.parent
        if str(database) != ":memory:" and not str(database).startswith("file:") and folder.is_dir():
            with open(folder / (database.name + ".migrate-lock"), "a") as handle:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    _say_waiting()
                    fcntl.flock(handle, fcntl.LOCK_EX)
                try:
                    yield
                finally:
                    fcntl.flock(handle, fcntl.LOCK_UN)
            return
    yield  # an in-memory test database: one process only


def _say_waiting() -> None:
    sys.stderr.write("newsreel: another process is migrating this database; waiting for it to finish...\n")
    sys.stderr.flush()
