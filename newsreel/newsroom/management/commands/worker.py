"""newsreel worker: publish scheduled stories on their minute, take stories down at their
unpublish time, and link stories again after a film or person changed (see
newsreel.newsroom.worker)."""

from __future__ import annotations

import logging

from django.core.management.base import BaseCommand, CommandError

from newsreel.newsroom.worker import Worker, WorkerOptions


class Command(BaseCommand):
    help = ("Run the background worker: scheduled stories go live on their minute; unpublish times are kept; "
            "stories naming a film or person changed in the desk are linked again.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=1.0,
                            help="seconds between looks at the task queue when it is empty (default 1)")
        parser.add_argument("--sweep-every", type=float, default=30.0,
                            help="seconds between sweeps for due stories whose task was lost (default 30)")
        parser.add_argument("--stop-with", type=int, default=None, metavar="PID",
                            help="stop when the process PID is gone (newsreel serve passes its own)")
        parser.add_argument("--once", action="store_true",
                            help="sweep and run the tasks that are ready, then exit")

    def handle(self, *args, interval: float, sweep_every: float, stop_with: int | None, once: bool, **options) -> None:
        if not 0 < interval <= 60:
            raise CommandError(f"--interval {interval} must be above 0 and at most 60 seconds")
        if not 0 < sweep_every <= 3600:
            raise CommandError(f"--sweep-every {sweep_every} must be above 0 and at most 3600 seconds")

        def report(line: str) -> None:
            self.stdout.write(line)
            self.stdout.flush()

        logging.getLogger("newsreel.scheduling").setLevel(logging.INFO)  # "published X, N s after its minute"
        logging.getLogger("newsreel.relinks").setLevel(logging.INFO)  # "relink job N: story S checked (i of n)"
        worker = Worker(WorkerOptions(interval=interval, sweep_every=sweep_every, stop_with=stop_with, once=once),
                        report=report)
        worker.install_signals()
        worker.run()
