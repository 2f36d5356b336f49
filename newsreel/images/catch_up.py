"""The worker's side of `renditions_later`: an import's pictures get their renditions, then their pages follow.

A picture waiting for its renditions is taken by one worker at a time: a conditional UPDATE
moves it from `waiting` to `making` (or takes one a killed worker left `making` for longer
than `STALE_AFTER`), so the task and the sweep, or two workers, never make the same one twice.
Its renditions are made outside any transaction (the costly part: the database's write
lock is not held while Pillow works); then, in one short write per batch, the pictures are
marked done and `signals.renditions_made` is sent. The public site's receiver has the live
stories showing one as a figure derived again (`newsroom.picture_refresh`) and, once the
write commits, drops their pages and those showing one as a hero, poster, photo or portrait
(`public.invalidation`), to be rendered on their next request.

A picture whose renditions cannot be made (its file gone, or unreadable) is marked `failed`
with the reason, and is not tried again by itself: `newsreel rebuild-renditions --missing`
tries again when someone has fixed it.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Iterable

from django.core.files.storage import default_storage
from django.db import DatabaseError
from django.db.models import Q
from django.utils import timezone

from newsreel.images.known_files import remembering_files
from newsreel.images.models import Image, RenditionsState
from newsreel.images.renditions import refresh_renditions, stored_names
from newsreel.images.renditions_later import BATCH
from newsreel.images.signals import renditions_made
from newsreel.write_retry import run_write

logger = logging.getLogger("newsreel.renditions")

# A picture a worker took this long ago and did not finish is taken over (a batch of camera
# photos takes seconds; this leaves room for a very slow machine).
STALE_AFTER = dt.timedelta(minutes=10)
# A picture waiting this long was queued in a task that is lost (or far behind): the sweep takes it.
LOST_AFTER = dt.timedelta(minutes=5)


@dataclass
class Outcome:
    """What one batch came to, by image id."""

    made: list[int] = field(default_factory=list)     # renditions made (or found current) and pages refreshed
    rebuilt: list[int] = field(default_factory=list)  # renditions made by this call (not found current)
    failed: dict[int, str] = field(default_factory=dict)
    skipped: list[int] = field(default_factory=list)  # deleted, done already, or held by another worker


def make(image_ids: Iterable[int], *, force: bool = False, any_state: bool = False) -> Outcome:
    """Make the renditions of these waiting pictures and refresh what shows them.

    Idempotent: a picture deleted, already done, or being made by another worker is
    skipped. `any_state` (the rebuild command) takes pictures in every state but one a
    worker is making now: failed ones, and ones nobody queued; `force` makes them again
    even when current."""
    outcome = Outcome()
    ids = list(dict.fromkeys(image_ids))
    # A picture that waited is shown by pages made without its renditions: they follow even
    # when its renditions were found made (by a publish in the desk, or a worker killed after).
    waited = set(Image.objects.filter(pk__in=ids).exclude(renditions_state=RenditionsState.NONE)
                 .values_list("pk", flat=True))
    claimed = _claim(ids, any_state=any_state)
    outcome.skipped = [pk for pk in ids if pk not in claimed]
    done: list[int] = []
    quiet: list[int] = []  # current already and never waited: nothing shows it differently
    # With an import's memory of encodings: the same bytes stored under two alt texts (a post's
    # featured image is most often its first figure too; their ids side by side) are encoded once.
    with remembering_files():
        _make_each(claimed, force=force, waited=waited, done=done, quiet=quiet, outcome=outcome)
    if done or quiet:
        outcome.made = run_write(lambda: _record(done, quiet))
    return outcome


def _make_each(claimed: set[int], *, force: bool, waited: set[int], done: list[int], quiet: list[int],
               outcome: Outcome) -> None:
    for image in Image.objects.filter(pk__in=claimed).order_by("pk"):
        try:
            made = refresh_renditions(image, force=force)
        except DatabaseError:
            raise  # the database, not the picture: left `making`, taken again after STALE_AFTER
        except Exception as error:  # noqa: BLE001  whatever stops one picture (Pillow's limits, a file gone) is that picture's
            reason = f"{type(error).__name__}: {error}"[:1000]
            logger.error("image %s (%s): renditions could not be made: %s", image.pk, image.file.name, reason)
            _fail(image.pk, reason)
            outcome.failed[image.pk] = reason
            continue
        if not Image.objects.filter(pk=image.pk).exists():  # deleted meanwhile: its copies too
            for name in stored_names(image.renditions):
                default_storage.delete(name)
            outcome.skipped.append(image.pk)
            continue
        if made:
            outcome.rebuilt.append(image.pk)
        (done if made or image.pk in waited else quiet).append(image.pk)


def _claim(ids: list[int], *, any_state: bool) -> set[int]:
    """The ids this worker took (each by a conditional UPDATE of its own row)."""
    now = timezone.now()
    takeable = Q(renditions_state=RenditionsState.WAITING) | Q(renditions_state=RenditionsState.MAKING,
                                                                  renditions_since__lt=now - STALE_AFTER)
    if any_state:
        takeable |= Q(renditions_state__in=[RenditionsState.NONE, RenditionsState.FAILED])
    claimed = set()
    for pk in ids:
        if Image.objects.filter(takeable, pk=pk).update(renditions_state=RenditionsState.MAKING, renditions_since=now,
                                                        renditions_error=""):
            claimed.add(pk)
    return claimed


def _fail(pk: int, reason: str) -> None:
    run_write(lambda: Image.objects.filter(pk=pk, renditions_state=RenditionsState.MAKING).update(
        renditions_state=RenditionsState.FAILED, renditions_since=timezone.now(), renditions_error=reason))


def _record(ids: list[int], quiet: list[int] = ()) -> list[int]:
    """Mark these pictures done and tell what shows them (not what shows the `quiet` ones), in one
    transaction; the ids of `ids` still held."""
    def release(pk: int) -> bool:
        return bool(Image.objects.filter(pk=pk, renditions_state=RenditionsState.MAKING).update(
            renditions_state=RenditionsState.NONE, renditions_since=None))
    for pk in quiet:
        release(pk)
    held = [pk for pk in ids if release(pk)]
    if held:
        renditions_made.send(sender=Image, image_ids=held)
    return held


def run_waiting(*, limit: int = BATCH) -> Outcome:
    """The worker's sweep: make a batch of the pictures whose task was lost (or whose worker was killed).

    At most `limit` per sweep, so a long backlog never keeps the sweep from its other work
    (scheduled stories); their own tasks are on their way, and the next sweep takes more."""
    now = timezone.now()
    lost = (Q(renditions_state=RenditionsState.WAITING, renditions_since__lt=now - LOST_AFTER)
            | Q(renditions_state=RenditionsState.MAKING, renditions_since__lt=now - STALE_AFTER))
    ids = list(Image.objects.filter(lost).order_by("pk").values_list("pk", flat=True)[:limit])
    return make(ids) if ids else Outcome()


def waiting_count() -> int:
    """How many pictures wait for the worker (or are being made)."""
    return Image.objects.filter(renditions_state__in=[RenditionsState.WAITING, RenditionsState.MAKING]).count()
