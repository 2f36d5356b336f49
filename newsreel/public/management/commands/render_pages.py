"""newsreel render_pages: render every stored page again (after a deploy changes templates or CSS)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from newsreel.public.refresh import refresh_everything


class Command(BaseCommand):
    help = ("Render the stored pages again from the database: every live article, the home page and "
            "410 pages; film, person, section and author pages are dropped and refill on their next request.")

    def handle(self, *args, **options) -> None:
        started = time.perf_counter()
        with transaction.atomic():
            count = refresh_everything()
        self.stdout.write(f"Rendered {count} pages in {time.perf_counter() - started:.1f} s.")
