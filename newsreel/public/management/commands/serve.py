"""newsreel serve: the production server (granian), with static files collected first.

Why granian: its HTTP stack is Rust, so the per-request cost outside our Python code is a
fraction of a pure-Python server's; serving stored bytes is then close to the framework's
floor. Workers are processes (WSGI, one thread each is enough for stored pages).
"""

from __future__ import annotations

import os
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.db.utils import OperationalError

from newsreel.newsroom.embedded_worker import start_embedded_worker
from newsreel.operations.schema import SchemaBehind, ensure_schema
from newsreel.operations.serving import PortTaken, ensure_port_free, granian_log_args
from newsreel.operations.static_files import collect_static_files


class Command(BaseCommand):
    help = "Serve the site with granian: newsreel serve [--host H] [--port P] [--workers N]"

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                            help="worker processes (default: one per core)")
        parser.add_argument("--threads", type=int, default=1, help="threads per worker")

    def handle(self, *args, host: str, port: int, workers: int, threads: int, **options) -> None:
        if not 0 < port < 65536:
            raise CommandError(f"--port {port} is not a TCP port")
        if workers < 1:
            raise CommandError("--workers must be at least 1")
        try:
            connection.ensure_connection()
        except OperationalError as error:
            raise CommandError(f"DATABASE_URL: cannot connect to the database: {error}".strip()) from None
        try:
            # The embedded SQLite default migrates here; a shared database must be migrated
            # first (`newsreel migrate`), and a taken port is refused (granian would share it).
            ensure_schema("serve")
            ensure_port_free(host, port)
        except (SchemaBehind, PortTaken) as error:
            raise CommandError(str(error)) from None
        collect_static_files()
        if start_embedded_worker() is not None:
            self.stdout.write("Started the worker (scheduled stories go live on their minute); NEWSREEL_EMBEDDED_WORKER=false turns it off.")
        self.stdout.write(f"Serving {settings.SITE_URL} on http://{host}:{port} with {workers} granian worker(s); Ctrl-C stops.")
        sys.stdout.flush()
        argv = [
            sys.executable, "-m", "granian", "--interface", "wsgi", "--host", host, "--port", str(port),
            "--workers", str(workers), "--blocking-threads", str(threads), "--no-ws",
            "--log-level", "warning", *granian_log_args(settings.CONFIG), "--respawn-failed-workers",
            "newsreel.wsgi:application",
        ]
        os.execvp(argv[0], argv)
