"""newsreel rebuild-renditions: make responsive copies and crops for images that lack them, and refresh what shows them."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from newsreel.images import catch_up
from newsreel.images.models import Image, RenditionsState
from newsreel.images.renditions import is_current
from newsreel.images.renditions_later import BATCH


class Command(BaseCommand):
    help = ("Make WebP and JPEG/PNG copies at 480, 960 and 1600 px and the 16:9, 4:3 and 1:1 crops for every "
            "image that lacks current ones (after an upgrade, or with --force after changing the sizes), then "
            "refresh what shows each one made: live stories showing it as a figure get their HTML derived again, and "
            "their pages and those showing it as a hero, poster, photo or portrait are dropped, to be rendered on "
            "their next request. --missing: only the images without "
            "current ones (an import's, waiting for the worker or failed there; or older than renditions).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("ids", nargs="*", type=int, help="only these image ids (default: every image)")
        parser.add_argument("--force", action="store_true", help="rebuild even images whose renditions are current")
        parser.add_argument("--missing", action="store_true",
                            help="only images without current renditions: what an import left to the worker "
                                 "(`newsreel import --renditions later`), failed ones included, made now")

    def handle(self, *args, ids: list[int], force: bool, missing: bool = False, **options) -> None:
        if force and missing:
            raise CommandError("--force rebuilds images that have current renditions, --missing only those that "
                               "do not: give one of them")
        images = Image.objects.order_by("pk")
        if ids:
            missing_ids = sorted(set(ids) - set(images.filter(pk__in=ids).values_list("pk", flat=True)))
            if missing_ids:
                raise CommandError(f"no image with id {', '.join(map(str, missing_ids))}")
            images = images.filter(pk__in=ids)
        wanted = list(images.values_list("pk", flat=True))
        if missing:
            wanted = _without_renditions(images)
        total = len(wanted)
        started = time.perf_counter()
        made = refreshed = failed = busy = checked = 0
        for start in range(0, total, BATCH):
            outcome = catch_up.make(wanted[start:start + BATCH], force=force, any_state=True)
            made += len(outcome.rebuilt)
            refreshed += len(outcome.made)
            busy += len(outcome.skipped)
            for pk, reason in outcome.failed.items():
                failed += 1
                self.stderr.write(f"image {pk}: {reason}")
            checked = min(start + BATCH, total)
            if checked % 50 < BATCH or checked == total:
                self.stdout.write(f"{checked}/{total} images checked, {made} rebuilt")
        self.stdout.write(f"Rebuilt renditions for {made} of {total} images in {time.perf_counter() - started:.1f} s"
                          + (f"; {failed} failed (see above)" if failed else "")
                          + (f"; {busy} left to the worker making them or gone" if busy else "")
                          + (f"; the stories and pages showing {refreshed} of them refreshed." if refreshed else "."))
        if failed:
            raise CommandError(f"{failed} image(s) could not be read")


def _without_renditions(images) -> list[int]:
    """The ids of these images whose renditions are not current (waiting, failed, or never made)."""
    waiting = set(images.exclude(renditions_state=RenditionsState.NONE).values_list("pk", flat=True))
    for pk, renditions, focal_x, focal_y in images.values_list("pk", "renditions", "focal_x", "focal_y").iterator():
        if not is_current(renditions) or renditions.get("focal") != [focal_x, focal_y]:
            waiting.add(pk)
    return sorted(waiting)
