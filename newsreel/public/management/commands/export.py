"""newsreel export static DIR: the public site as files for any static host (see newsreel.public.export)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from newsreel.public.export import ExportError, export_static


class Command(BaseCommand):
    help = ("Write the public site for a static host: newsreel export static DIR. Every page, feed and "
            "sitemap, media files and static files; a second run rewrites only what changed.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("format", choices=["static"], help="what to export (static: files for a static host)")
        parser.add_argument("directory", help="folder to write the site into (created if missing)")
        parser.add_argument("--no-render", action="store_true",
                            help="export only the pages already stored; render no missing film, person, "
                                 "section or author page first")

    def handle(self, *args, format: str, directory: str, no_render: bool, **options) -> None:
        started = time.perf_counter()
        try:
            result = export_static(directory, render=not no_render, progress_stream=self.stderr)
        except ExportError as error:
            raise CommandError(str(error)) from None
        for problem in result.skipped:
            self.stderr.write(f"skipped: {problem}")
        seconds = time.perf_counter() - started
        self.stdout.write(f"Exported to {directory}: {result.summary()} in {seconds:.1f} s.")
