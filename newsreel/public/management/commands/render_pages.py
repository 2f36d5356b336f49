"""newsreel render_pages [--missing]: render the stored pages again (after a deploy changes
templates or CSS), or only the pages not stored yet (after an import)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from newsreel.public.refresh import refresh_everything


class Command(BaseCommand):
    help = ("Render the stored pages again from the database: every live article, the home page and "
            "410 pages; film, person, section and author pages are dropped and refill on their next request. "
            "With --missing, render only the pages not stored yet, in batches of their own transactions.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("--missing", action="store_true",
                            help="render only the pages the server would fill on their first request (after an "
                                 "import: its stories' pages), every list, film and person page included; nothing "
                                 "stored is rendered again")

    def handle(self, *args, missing: bool = False, verbosity: int = 1, **options) -> None:
        started = time.perf_counter()
        if missing:
            from newsreel.public.export import render_missing_pages

            say = (lambda line: self.stderr.write(line)) if verbosity > 0 else None
            count = render_missing_pages(say)
        else:
            with transaction.atomic():
                count = refresh_everything()
        self.stdout.write(f"Rendered {count} pages in {time.perf_counter() - started:.1f} s.")
