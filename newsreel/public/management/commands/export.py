"""newsreel export static DIR: the public site as files for any static host (see newsreel.public.export).
newsreel export wordpress FILE.xml: every story as WXR 1.2 for WordPress's importer (see newsreel.exporters.wordpress)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from newsreel.public.export import ExportError, export_static


class Command(BaseCommand):
    help = ("Write the public site for a static host: newsreel export static DIR. Every page, feed and "
            "sitemap, media files and static files; a second run rewrites only what changed. "
            "Or every story for WordPress's importer: newsreel export wordpress FILE.xml (WXR 1.2).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("format", choices=["static", "wordpress"],
                            help="what to export (static: files for a static host; wordpress: a WXR 1.2 file)")
        parser.add_argument("directory", help="static: folder to write the site into (created if missing); "
                                              "wordpress: the file to write")
        parser.add_argument("--no-render", action="store_true",
                            help="export only the pages already stored; render no missing film, person, "
                                 "section or author page first")

    def handle(self, *args, format: str, directory: str, no_render: bool, **options) -> None:
        started = time.perf_counter()
        if format == "wordpress":
            from newsreel.exporters.wordpress import export_wordpress

            written = export_wordpress(directory)
            for problem in written.problems or []:
                self.stderr.write(f"warning: {problem}")
            self.stdout.write(f"Exported {written.stories} stories and {written.attachments} pictures to {directory} "
                              f"(WXR 1.2) in {time.perf_counter() - started:.1f} s.")
            return
        try:
            result = export_static(directory, render=not no_render, progress_stream=self.stderr)
        except ExportError as error:
            raise CommandError(str(error)) from None
        for problem in result.skipped:
            self.stderr.write(f"skipped: {problem}")
        seconds = time.perf_counter() - started
        self.stdout.write(f"Exported to {directory}: {result.summary()} in {seconds:.1f} s.")
