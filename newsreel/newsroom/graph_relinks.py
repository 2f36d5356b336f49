"""Stories linked again by the worker after a film or person changed in the desk.

The desk's save queues one `RelinkJob` (and one task) and returns at once; the worker lists
the live stories that mention the film or person or whose text contains one of its names,
old or new (`graph_edits.stories_naming`), then takes them one by one: the text core derives
each one's mentions and quotes again from its live revision, and a story whose links or
speakers came out different is republished from that revision, as a publish does (its page,
the lists and feeds that show it). The desk shows the job's progress (`progress`).

Safe with any number of workers: a worker claims the job with a conditional UPDATE (queued,
or running but abandoned) and records each story's step with another one that names it as
the holder and the count it expects, in the same transaction as that story's republish; a
worker that lost the job (taken over as abandoned) rolls back its step and stops. A job is
abandoned when its holder's process is gone (same machine) or it has not moved for
`STALE_AFTER`; the worker's sweep takes such jobs over and carries on from the first story
not yet done. Checking a story again is harmless: it is republished only when its links
differ from what it was published with.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
from typing import Iterable

from django.db import transaction
from django.db.models import Q

from newsreel.films.models import Film, Person
from newsreel.newsroom import clock
from newsreel.newsroom.models import Article, RelinkJob, RelinkState

logger = logging.getLogger("newsreel.relinks")

# A running job whose worker has not recorded a story for this long is taken over (a story
# takes about what a publish takes; this leaves room for a slow one on a busy machine).
STALE_AFTER = dt.timedelta(minutes=2)
# Finished jobs are kept this long for the desk's notice, then deleted by the sweep.
KEEP_FINISHED = dt.timedelta(days=7)


class LostJob(Exception):
    """Another worker took the job over (this one was thought gone)."""


def this_worker() -> str:
    """Who holds a job: the machine and process, so a worker on the same machine can tell
    at once that the holder was killed."""
    return f"{socket.gethostname()}:{os.getpid()}"


def queue(entity: Film | Person, names: Iterable[str] = (), *, user=None) -> RelinkJob:
    """Ask the worker to link again the stories naming `entity` (or `names`, its old ones).

    A job for the same film or person still waiting for the worker takes the names in
    instead of a second job; otherwise a new job is saved and its task queued, both in the
    caller's transaction (the task queue is a table of the same database)."""
    from newsreel.newsroom import tasks

    kind = "film" if isinstance(entity, Film) else "person"
    wanted = sorted(set(names))
    with transaction.atomic():
        waiting = (RelinkJob.objects.select_for_update().filter(kind=kind, entity_id=entity.pk,
                                                                 state=RelinkState.QUEUED).order_by("pk").first())
        if waiting is not None:
            waiting.names = sorted(set(waiting.names) | set(wanted))
            waiting.label = str(entity)
            waiting.save(update_fields=["names", "label"])
            return waiting
        job = RelinkJob.objects.create(kind=kind, entity_id=entity.pk, label=str(entity), names=wanted,
                                       requested_by=user if getattr(user, "pk", None) else None)
        tasks.relink_stories.enqueue(job.pk)
    return job


def _entity(job: RelinkJob) -> Film | Person | None:
    model = Film if job.kind == "film" else Person
    return model.objects.filter(pk=job.entity_id).first()


def claim(job_id: int, worker: str, *, now: dt.datetime | None = None) -> bool:
    """Take the job when it waits, or when its holder is gone (or is this worker); False when
    another worker holds it or it is done."""
    now = now or clock.now()
    fresh = RelinkJob.objects.filter(pk=job_id)
    # Its own job back: the worker's earlier run of it stopped on an error (the database away).
    waiting = (Q(state=RelinkState.QUEUED) | Q(state=RelinkState.RUNNING, heartbeat_at__lt=now - STALE_AFTER)
               | Q(state=RelinkState.RUNNING, claimed_by=worker))
    if fresh.filter(waiting).update(state=RelinkState.RUNNING, claimed_by=worker, heartbeat_at=now):
        RelinkJob.objects.filter(pk=job_id, started_at__isnull=True).update(started_at=now)
        return True
    holder = fresh.filter(state=RelinkState.RUNNING).values_list("claimed_by", flat=True).first()
    if holder and holder != worker and _gone(holder):
        # Only if it is still the same holder: two workers seeing it gone take it once.
        if fresh.filter(state=RelinkState.RUNNING, claimed_by=holder).update(claimed_by=worker, heartbeat_at=now):
            logger.info("relink job %s taken over from %s (its process is gone)", job_id, holder)
            return True
    return False


def _gone(holder: str) -> bool:
    """True when `holder` ran on this machine and its process no longer exists."""
    host, _, pid = holder.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False  # another machine's worker: only STALE_AFTER tells
    try:
        os.kill(int(pid), 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def run(job_id: int, *, worker: str | None = None) -> RelinkJob | None:
    """Claim the job and check its stories, from the first not yet done; the finished job,
    or None when there was nothing to do (another worker holds it, or it is done)."""
    worker = worker or this_worker()
    if not claim(job_id, worker):
        return None
    job = RelinkJob.objects.get(pk=job_id)
    logger.info("relink job %s (%s %s) started by %s at story %s", job.pk, job.kind, job.label, worker, job.checked)
    try:
        if job.story_ids is None:
            _list_stories(job, worker)
        for index in range(job.checked, len(job.story_ids)):
            changed = step(job, index, worker)
            logger.info("relink job %s: story %s checked (%s of %s)%s", job.pk, job.story_ids[index], index + 1,
                        job.total, ", republished" if changed else "")
        _hold(job, worker).update(state=RelinkState.DONE, finished_at=clock.now(), heartbeat_at=clock.now())
    except LostJob:
        logger.warning("relink job %s was taken over by another worker; %s stops", job.pk, worker)
        return None
    job.refresh_from_db()
    logger.info("relink job %s finished: %s stor%s checked, %s republished, %s error(s)", job.pk, job.checked,
                "y" if job.checked == 1 else "ies", job.changed, len(job.errors))
    return job


def _hold(job: RelinkJob, worker: str):
    return RelinkJob.objects.filter(pk=job.pk, state=RelinkState.RUNNING, claimed_by=worker)


def _list_stories(job: RelinkJob, worker: str) -> None:
    from newsreel.newsroom.graph_edits import stories_naming

    entity = _entity(job)
    ids = [story.pk for story in stories_naming(entity, job.names)] if entity is not None else []
    if not _hold(job, worker).filter(story_ids__isnull=True).update(story_ids=ids, total=len(ids),
                                                                   heartbeat_at=clock.now()):
        raise LostJob
    job.story_ids, job.total = ids, len(ids)


def step(job: RelinkJob, index: int, worker: str) -> bool:
    """Check the job's `index`-th story and record it, in one transaction; whether it was
    republished. A story that fails is recorded with its error and the job goes on."""
    from newsreel.newsroom.graph_edits import relink_story

    story_id = job.story_ids[index]
    error = ""
    try:
        with transaction.atomic():
            story = Article.objects.filter(pk=story_id).select_related("live_revision").first()
            changed = bool(story is not None and relink_story(story))
            _record(job, index, worker, changed=changed)
        return changed
    except LostJob:
        raise
    except Exception as failure:  # noqa: BLE001  one story's failure must not stop the others
        logger.error("relink job %s: story %s failed: %s", job.pk, story_id, failure, exc_info=True)
        error = str(failure) or type(failure).__name__
    with transaction.atomic():
        held = _hold(job, worker).select_for_update().filter(checked=index).first()
        if held is None:
            raise LostJob
        held.errors = [*held.errors, {"story": story_id, "error": error[:500]}]
        held.checked, held.heartbeat_at = index + 1, clock.now()
        held.save(update_fields=["errors", "checked", "heartbeat_at"])
    return False


def _record(job: RelinkJob, index: int, worker: str, *, changed: bool) -> None:
    from django.db.models import F

    done = _hold(job, worker).filter(checked=index).update(
        checked=index + 1, changed=F("changed") + int(changed), heartbeat_at=clock.now())
    if not done:
        raise LostJob  # rolls the story's republish back with the step


def run_abandoned(*, worker: str | None = None) -> list[int]:
    """Run every job left waiting (its task lost) or abandoned by a killed worker: what the
    worker's sweep does; the ids of the jobs it finished. Also forgets old finished jobs."""
    worker = worker or this_worker()
    now = clock.now()
    RelinkJob.objects.filter(state=RelinkState.DONE, finished_at__lt=now - KEEP_FINISHED).delete()
    finished = []
    # A queued job younger than a few seconds is its own task's: left to it.
    for job_id in RelinkJob.objects.filter(
            Q(state=RelinkState.QUEUED, created_at__lt=now - dt.timedelta(seconds=10))
            | Q(state=RelinkState.RUNNING)).order_by("pk").values_list("pk", flat=True):
        if run(job_id, worker=worker) is not None:
            finished.append(job_id)
    return finished


def progress(job: RelinkJob) -> dict:
    """The job as the desk shows it (and its JSON endpoint answers)."""
    return {
        "id": job.pk, "state": job.state, "state_label": job.get_state_display(), "kind": job.kind,
        "label": job.label, "total": job.total, "checked": job.checked, "changed": job.changed,
        "errors": job.errors, "finished": job.finished,
        "listed": job.story_ids is not None,
        "created_at": job.created_at.isoformat() if job.created_at else None,
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }


def latest_for(entity: Film | Person) -> RelinkJob | None:
    """The film's or person's newest job, for the notice on its desk page."""
    kind = "film" if isinstance(entity, Film) else "person"
    return RelinkJob.objects.filter(kind=kind, entity_id=entity.pk).order_by("-pk").first()
