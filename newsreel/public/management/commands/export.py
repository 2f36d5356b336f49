"""newsreel export static DIR: the public site as files for any static host (see newsreel.public.export).
newsreel export wordpress FILE.xml: every story as WXR 1.2 for WordPress's importer (see newsreel.exporters.wordpress).
newsreel export content DIR: everything the newsroom wrote, for `newsreel import content` (see newsreel.exporters.content)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandError

from newsreel.public.export import ExportError, export_static


class Command(BaseCommand):
    help = ("Write the public site for a static host: newsreel export static DIR. Every page, feed and "
            "sitemap, media files and static files; a second run rewrites only what changed. "
            "Or every story for WordPress's importer: newsreel export wordpress FILE.xml (WXR 1.2). "
            "Or all the content, to move to another Newsreel: newsreel export content DIR [--revisions] [--trash].")

    def add_arguments(self, parser) -> None:
        parser.add_argument("format", choices=["static", "wordpress", "content"],
                            help="what to export (static: files for a static host; wordpress: a WXR 1.2 file; "
                                 "content: stories, images, graph and settings for `newsreel import content`)")
        parser.add_argument("directory", help="static: folder to write the site into (created if missing); "
                                              "wordpress: the file to write; content: a new or empty folder")
        parser.add_argument("--no-render", action="store_true",
                            help="export only the pages already stored; render no missing film, person, "
                                 "section or author page first")
        parser.add_argument("--revisions", action="store_true",
                            help="content: every revision of every story too (revisions/SLUG.json)")
        parser.add_argument("--trash", action="store_true",
                            help="content: the stories in the trash too (imported back into the trash)")

    def handle(self, *args, format: str, directory: str, no_render: bool, **options) -> None:
        started = time.perf_counter()
        if format == "content":
            from newsreel.exporters.content import ContentExportError, export_content

            try:
                written = export_content(directory, revisions=options.get("revisions", False),
                                         trash=options.get("trash", False), say=self.stderr.write)
            except ContentExportError as error:
                raise CommandError(str(error)) from None
            self.stdout.write(f"Exported to {directory}: {written.summary()} in {time.perf_counter() - started:.1f} s.")
            return
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
