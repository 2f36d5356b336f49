"""newsreel import jsonl FILE.jsonl | newsreel import markdown DIR

Every article goes through the one intake and is published; an existing slug is updated.
Failures name the file (and line, for JSON Lines) and the field; the others still import,
and the exit status is 1 when any failed.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsreel.importers.runner import (
    ImportReport, Progress, count_jsonl, import_items, jsonl_items, markdown_files, markdown_items,
)

WARNINGS_SHOWN = 10


class Command(BaseCommand):
    help = "Import and publish articles: `import jsonl FILE.jsonl` or `import markdown DIR`."

    def add_arguments(self, parser) -> None:
        parser.add_argument("format", choices=["jsonl", "markdown"], help="jsonl: one JSON article per line; markdown: a folder of .md files")
        parser.add_argument("source", type=Path, help="the .jsonl file or the folder of Markdown files")
        parser.add_argument("--media-base", default="",
                            help="base URL for site-relative image paths in JSON Lines bodies (default: NEWSREEL_SITE_URL)")
        parser.add_argument("--media-root", type=Path, default=None,
                            help="markdown: a folder images may also come from (by default only each file's own folder)")
        parser.add_argument("--render-each", action="store_true",
                            help="re-render shared pages after every article instead of once at the end")

    def handle(self, *args, format: str, source: Path, media_base: str, render_each: bool, verbosity: int,
               media_root: Path | None = None, **options) -> None:
        if format == "jsonl":
            if not source.is_file():
                raise CommandError(f"{source}: no such file")
            total = count_jsonl(source)
            items = jsonl_items(source, media_base=media_base or settings.SITE_URL)
        else:
            if not source.is_dir():
                raise CommandError(f"{source}: no such folder")
            total = len(markdown_files(source))
            items = markdown_items(source, media_root=media_root)
        progress = Progress(total, self.stderr._out) if verbosity > 0 else None
        report = import_items(items, total=total, progress=progress, render_at_end=not render_each)
        self._print(report, verbosity)
        if report.failed:
            raise CommandError(f"{report.failed} of {report.total} article(s) not imported; see the errors above.")

    def _print(self, report: ImportReport, verbosity: int) -> None:
        for failure in report.failures:
            self.stderr.write(failure)
        if verbosity == 0:
            return
        shown = report.warnings if verbosity > 1 else report.warnings[:WARNINGS_SHOWN]
        for warning in shown:
            self.stderr.write(f"warning: {warning}")
        if len(shown) < len(report.warnings):
            counts = Counter(w.split(": ", 2)[1].split(",")[0] for w in report.warnings if w.count(": ") >= 2)
            by_field = ", ".join(f"{name}: {count}" for name, count in counts.most_common())
            self.stderr.write(f"warning: {len(report.warnings) - len(shown)} more; {len(report.warnings)} in all by field: {by_field}; -v 2 shows every one")
        self.stdout.write(f"imported {report.created + report.updated} article(s): {report.created} new, "
                          f"{report.updated} updated, {report.failed} failed")
