"""The worker loop behind `newsreel worker`: the task queue plus a sweep for due stories.

Tasks (newsreel.newsroom.tasks) are claimed and run by django-tasks-db's own worker: on
PostgreSQL it takes a task row with SELECT ... FOR UPDATE SKIP LOCKED, on SQLite inside
an EXCLUSIVE transaction, so two workers never run the same task row. A task row can still
be lost (a worker killed while running it leaves it marked running for ever), and a story
can come due while no worker runs at all; so the worker also sweeps, on start and every
`sweep_every` seconds, for scheduled stories whose minute has come (and live stories whose
unpublish time has), and publishes them; the sweep also purges stories that have been in
the trash longer than `trash.TRASH_DAYS`, and carries on relink jobs (graph_relinks) left
waiting or abandoned by a killed worker, and makes the renditions of pictures an import left
to the worker whose task was lost (`images.catch_up.run_waiting`, a batch per sweep). Both
paths end in `scheduling.publish_if_due`, which claims the story itself, so each story goes
live exactly once whichever path and whichever worker gets there first.
"""

from __future__ import annotations

import logging
import os
import signal
import time
from dataclasses import dataclass
from typing import Callable

from django.db import OperationalError, close_old_connections
from django.utils.crypto import get_random_string

from newsreel.images import catch_up
from newsreel.newsroom import graph_relinks, scheduling, trash

logger = logging.getLogger("newsreel.worker")


@dataclass
class WorkerOptions:
    interval: float = 1.0        # seconds between looks at the task queue when it is empty
    sweep_every: float = 30.0    # seconds between sweeps for due stories
    stop_with: int | None = None  # stop when this process (e.g. `newsreel serve`) is gone
    once: bool = False           # sweep and run ready tasks once, then return


class Worker:
    def __init__(self, options: WorkerOptions, report: Callable[[str], None] = logger.info) -> None:
        self.options = options
        self.report = report
        self.running = True
        self.worker_id = f"newsreel-{os.getpid()}-{get_random_string(8)}"
        self._parent_at_start = os.getppid()
        from django_tasks_db.management.commands.db_worker import Worker as TaskWorker

        # One pass over the ready tasks per call (batch mode returns when none is left).
        self.tasks = TaskWorker(queue_names=["*"], interval=0, batch=True, backend_name="default",
                                startup_delay=False, max_tasks=None, worker_id=self.worker_id,
                                excluded_queue_names=[])

    def stop(self, signum: int = 0, frame: object = None) -> None:
        """Finish the task or sweep in hand, then return (SIGTERM, SIGINT)."""
        self.running = False
        self.tasks.running = False

    def install_signals(self) -> None:
        for name in ("SIGTERM", "SIGINT", "SIGQUIT"):
            if hasattr(signal, name):
                signal.signal(getattr(signal, name), self.stop)

    def sweep(self) -> scheduling.Sweep:
        done = scheduling.run_due()
        for pk in done.published:
            self.report(f"story {pk} went live (sweep)")
        for pk in done.unpublished:
            self.report(f"story {pk} came down at its unpublish time (sweep)")
        purged = trash.purge_expired()  # stories in the trash longer than TRASH_DAYS
        if purged:
            self.report(f"purged {purged} stor{'y' if purged == 1 else 'ies'} deleted more than {trash.TRASH_DAYS} days ago")
        # Relink jobs whose task was lost or whose worker was killed: carried on from where they stopped.
        try:
            for job_id in graph_relinks.run_abandoned():
                self.report(f"relink job {job_id} finished (sweep)")
        except OperationalError as error:
            logger.warning("relink jobs: %s", error)
        # Pictures an import left to the worker whose task was lost: a batch per sweep.
        try:
            pictures = catch_up.run_waiting()
        except OperationalError as error:
            logger.warning("renditions: %s", error)
        else:
            if pictures.made or pictures.failed:
                self.report(f"renditions made for {len(pictures.made)} picture(s) whose task was lost"
                            + (f", {len(pictures.failed)} failed" if pictures.failed else "") + " (sweep)")
        return done

    def run_ready_tasks(self) -> None:
        self.tasks.running = self.running
        try:
            self.tasks.run()
        except OperationalError as error:  # e.g. SQLite busy past its timeout: try again next turn
            logger.warning("task queue: %s", error)

    def run(self) -> None:
        self.report(f"worker {self.worker_id} started")
        next_sweep = 0.0
        while self.running:
            close_old_connections()
            if time.monotonic() >= next_sweep:
                self.sweep()
                next_sweep = time.monotonic() + self.options.sweep_every
            self.run_ready_tasks()
            close_old_connections()
            if self.options.once or not self._parent_alive():
                break
            self._sleep(self.options.interval)
        self.report(f"worker {self.worker_id} stopped")

    def _parent_alive(self) -> bool:
        """False once the `stop_with` process is gone. When it is our parent (serve), its
        death shows as a new parent pid at once, even before anyone reaps it."""
        pid = self.options.stop_with
        if pid is None:
            return True
        gone = os.getppid() != pid if self._parent_at_start == pid else not _exists(pid)
        if gone:
            self.report(f"process {pid} is gone; stopping")
        return not gone

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while self.running and time.monotonic() < end:
            time.sleep(min(0.2, max(0.0, end - time.monotonic())))


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True
