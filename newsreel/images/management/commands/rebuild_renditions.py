"""newsreel rebuild-renditions: make responsive copies and crops for images that lack them."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from newsreel.images.models import Image
from newsreel.images.renditions import refresh_renditions


class Command(BaseCommand):
    help = ("Make WebP and JPEG/PNG copies at 480, 960 and 1600 px and the 16:9, 4:3 and 1:1 crops for every "
            "image that lacks current ones (after an upgrade, or with --force after changing the sizes). "
            "Then run `newsreel render-pages` so stored pages use them.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("ids", nargs="*", type=int, help="only these image ids (default: every image)")
        parser.add_argument("--force", action="store_true", help="rebuild even images whose renditions are current")

    def handle(self, *args, ids: list[int], force: bool, **options) -> None:
        images = Image.objects.order_by("pk")
        if ids:
            missing = sorted(set(ids) - set(images.filter(pk__in=ids).values_list("pk", flat=True)))
            if missing:
                raise CommandError(f"no image with id {', '.join(map(str, missing))}")
            images = images.filter(pk__in=ids)
        total = images.count()
        started = time.perf_counter()
        made = failed = 0
        for number, image in enumerate(images.iterator(), start=1):
            try:
                made += refresh_renditions(image, force=force)
            except (OSError, ValueError) as error:
                failed += 1
                self.stderr.write(f"image {image.pk} ({image.file.name}): {error}")
            if number % 50 == 0 or number == total:
                self.stdout.write(f"{number}/{total} images checked, {made} rebuilt")
        self.stdout.write(f"Rebuilt renditions for {made} of {total} images in {time.perf_counter() - started:.1f} s"
                          + (f"; {failed} failed (see above)." if failed else "."))
        if failed:
            raise CommandError(f"{failed} image(s) could not be read")
