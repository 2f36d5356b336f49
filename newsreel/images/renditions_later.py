"""Inside an import: pictures stored without renditions, left to the worker once committed.

A camera-sized photo's renditions cost about half a second of CPU (`renditions.encode_renditions`);
an archive with a photo per post spent most of its import making them. Inside
`renditions_later()` a new picture is checked and stored (file, size, row) with no
renditions (`picture()` shows the original, with its width and height) and marked
`waiting`; so is a picture stored before that lacks them and a story of the import shows
(`renditions.ensure_renditions`). Each one is handed to the worker's task
(`images.tasks.make_renditions`, in batches) only once the transaction that stored it
commits: a story rolled back, or a dry run, queues nothing. A picture whose task is lost
is found by the worker's sweep (`catch_up.run_waiting`), by its state.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import partial
from typing import Iterable, Iterator

from django.db import DatabaseError, connection
from django.utils import timezone

from newsreel.images.models import Image, RenditionsState
from newsreel.transaction_marks import Mark, mark, standing

logger = logging.getLogger("newsreel.renditions")

# Pictures named in one task: a batch takes the worker some seconds (half a second each for
# a camera's photo), and the pages showing them are refreshed once per batch.
BATCH = 20


@dataclass
class Later:
    """What one `renditions_later()` block left to the worker."""

    held: set[int] = field(default_factory=set)         # every picture marked waiting, committed or not
    committed: list[int] = field(default_factory=list)  # committed, not yet queued
    queued: set[int] = field(default_factory=set)
    closed: bool = False
    # Each picture's last hold in the open transaction (it stands until that part is rolled back).
    marks: dict[int, Mark | None] = field(default_factory=dict)

    def send(self) -> None:
        """Queue the committed pictures not yet queued, in batches of `BATCH`.

        A queue the database refuses (other writers holding it too long) loses no picture:
        each is marked waiting in its own row, where the worker's sweep finds it."""
        from newsreel.images.tasks import make_renditions

        fresh = [pk for pk in dict.fromkeys(self.committed) if pk not in self.queued]
        self.committed = []
        for start in range(0, len(fresh), BATCH):
            batch = fresh[start:start + BATCH]
            try:
                make_renditions.enqueue(batch)
            except DatabaseError as error:
                logger.warning("pictures %s not queued for their renditions (%s); the worker's sweep will find them",
                               batch, error)
        self.queued.update(fresh)

    def waiting(self) -> int:
        """How many of the pictures this block held are in the database, still without their renditions."""
        ids = sorted(set(self.held))
        return sum(Image.objects.filter(pk__in=ids[start:start + 500], renditions_state__in=WAITING_STATES).count()
                   for start in range(0, len(ids), 500))


WAITING_STATES = (RenditionsState.WAITING, RenditionsState.MAKING)

_later: ContextVar[Later | None] = ContextVar("newsreel_renditions_later", default=None)


@contextmanager
def renditions_later() -> Iterator[Later]:
    """Pictures stored in the block get their renditions from the worker, after their commit (nested: one block)."""
    outer = _later.get()
    if outer is not None:
        yield outer
        return
    later = Later()
    token = _later.set(later)
    try:
        yield later
    finally:
        _later.reset(token)
        later.closed = True
        later.send()


def deferring() -> bool:
    """Whether pictures stored now are left to the worker (inside `renditions_later()`)."""
    return _later.get() is not None


def hold(images: Iterable[Image]) -> None:
    """Mark these pictures as waiting for the worker, in the caller's transaction; queued once it commits.

    Call it inside `renditions_later()` only. A picture that failed before stays failed
    (the worker would fail again); one being made by a worker is left to it."""
    later = _later.get()
    if later is None:
        raise RuntimeError("hold() is for pictures stored inside renditions_later(); outside it, make the renditions")
    if not connection.in_atomic_block:
        # Only a story's own transaction says whether it is kept (a dry run's is rolled back);
        # checked outside it (a draft prepared before its transaction), a picture is held
        # when the story is written, or keeps the original until it is published again.
        return
    for image in images:
        if image.pk is None:
            raise ValueError(f"picture {image.file.name!r} is not stored yet: store it, then hold it")
        if image.renditions_state in (RenditionsState.FAILED, RenditionsState.MAKING):
            continue
        if image.pk in later.queued or image.pk in later.committed or standing(later.marks.get(image.pk)):
            # An archive's stories share their pictures. One an earlier chunk committed as waiting
            # is the worker's already (made, being made, or found by its sweep); one an earlier
            # story of this chunk held, in a savepoint not rolled back, is waiting in this transaction.
            continue
        # Written whatever this instance says: an import's remembered instance may have been
        # marked in a story that rolled back since.
        now = timezone.now()
        Image.objects.filter(pk=image.pk, renditions_state=RenditionsState.NONE).update(
            renditions_state=RenditionsState.WAITING, renditions_since=now)
        image.renditions_state, image.renditions_since = RenditionsState.WAITING, now
        later.held.add(image.pk)
        # Queued once the story's transaction commits; a rolled-back savepoint drops this too.
        # (A picture held twice is queued once: `send`.)
        later.marks[image.pk] = mark(partial(_committed, later, image.pk))


def _committed(later: Later, pk: int) -> None:
    if pk in later.queued or pk in later.committed:
        return  # held twice (a featured image is also checked when its story is published)
    later.committed.append(pk)
    if later.closed or len(later.committed) >= BATCH:
        later.send()


def send_committed() -> None:
    """Queue the pictures committed so far (an import calls it after each chunk commits)."""
    later = _later.get()
    if later is not None:
        later.send()
