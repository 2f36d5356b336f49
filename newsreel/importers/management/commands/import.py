"""newsreel import jsonl FILE.jsonl | markdown DIR | wordpress FILE.xml|DIR|FILE.zip | ghost FILE.json | content DIR

Every article goes through the one intake; an existing slug is updated. Failures name the
file (and line) and the field; the others still import, and the exit status is 1 when any
failed. `--dry-run` does everything and keeps nothing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsreel.importers.runner import RENDITIONS, ImportReport, Progress, count_jsonl, import_items, jsonl_items

WARNINGS_SHOWN = 10
FORMATS = ["jsonl", "markdown", "wordpress", "ghost", "content"]


class Command(BaseCommand):
    help = ("Import articles: `import jsonl FILE.jsonl`, `import markdown DIR`, "
            "`import wordpress FILE.xml|FOLDER|FILE.zip [--media DIR]` (WordPress or Squarespace WXR, in one file or "
            "split in parts: a folder or a .zip of the .xml files), "
            "`import ghost FILE.json [--media DIR]` (a Ghost 4-6 export), "
            "`import content DIR` (a `newsreel export content` folder, into an empty site).")

    def add_arguments(self, parser) -> None:
        parser.add_argument("format", choices=FORMATS,
                            help="jsonl: one JSON article per line; markdown: a folder of .md files; "
                                 "wordpress: a WordPress or Squarespace export (WXR); ghost: a Ghost export (JSON); "
                                 "content: a folder written by `newsreel export content`, into an empty site")
        parser.add_argument("source", type=Path,
                            help="the file or folder to import; wordpress: one .xml file, a folder of an export's "
                                 ".xml parts, or a .zip of them (WP-CLI's and WordPress.com's split exports)")
        parser.add_argument("--dry-run", action="store_true",
                            help="import everything in transactions that are rolled back: the report, nothing kept")
        parser.add_argument("--as-drafts", action="store_true",
                            help="wordpress, ghost, markdown: keep every story as a draft, whatever its status")
        parser.add_argument("--media", type=Path, default=None,
                            help="wordpress, ghost: a copy of the site's pictures (wp-content/uploads, Ghost's content/images)")
        parser.add_argument("--pages", choices=["skip", "articles"], default="skip",
                            help="wordpress, ghost, markdown: what pages become (default: skipped)")
        parser.add_argument("--category", action="append", default=[], metavar="NAME=section:SLUG|tag:NAME|drop",
                            help="wordpress, ghost, markdown: what a category (Ghost: a tag) becomes, by its name or slug; repeat for each. "
                                 "By default one whose slug is a section's is that section, others are tags")
        parser.add_argument("--default-credit", default="",
                            help="wordpress, ghost, markdown: the credit for pictures that have none (else they are left out)")
        parser.add_argument("--media-base", default="",
                            help="base URL for site-relative image paths in JSON Lines bodies (default: NEWSREEL_SITE_URL)")
        parser.add_argument("--media-root", type=Path, default=None,
                            help="markdown: a folder images may also come from, besides each file's own (default: the site's static/ folder, else DIR)")
        parser.add_argument("--render-each", action="store_true",
                            help="re-render shared pages after every article instead of once at the end")
        parser.add_argument("--renditions", choices=RENDITIONS, default="later",
                            help="jsonl, markdown, wordpress, ghost: when new pictures get their responsive copies "
                                 "and crops; later (default): the worker makes them after the import (`newsreel "
                                 "worker`, or `newsreel serve`, which runs it), and until then pages show the "
                                 "original picture; now: during the import, which then waits for them (about half "
                                 "a second of CPU per camera photo). content makes them as it imports, always")
        parser.add_argument("--render-pages", action="store_true",
                            help="render each imported story's page during the import (default: a story's page is "
                                 "rendered on its first request, or all at once by `newsreel render_pages`)")

    def handle(self, *args, format: str, source: Path, media_base: str, render_each: bool, verbosity: int,
               media_root: Path | None = None, dry_run: bool = False, render_pages: bool = False,
               renditions: str = "later", **options) -> None:
        if format == "content":
            return self._content(source, verbosity, dry_run)
        skipped: list[str] = []
        notes: list[str] = []
        if format == "jsonl":
            if not source.is_file():
                raise CommandError(f"{source}: no such file")
            total = count_jsonl(source)
            items = jsonl_items(source, media_base=media_base or settings.SITE_URL)
        elif format == "markdown":
            items, skipped, total = self._folder(source, media_root, options)
        else:
            items, skipped, notes = self._site_export(format, source, options)
            total = len(items)
        for note in notes:
            self.stderr.write(f"warning: {note}")
        progress = Progress(total, self.stderr._out, label="checked" if dry_run else "imported") if verbosity > 0 else None
        report = import_items(items, total=total, progress=progress, render_at_end=not render_each,
                              render_stories=render_pages, dry_run=dry_run, renditions=renditions)
        report.skipped += skipped
        self._print(report, verbosity)
        if report.failed:
            raise CommandError(f"{report.failed} of {report.total} article(s) not imported; see the errors above.")

    def _content(self, source: Path, verbosity: int, dry_run: bool) -> None:
        """A content export into this empty site (newsreel.importers.content); all of it, no dry run."""
        from newsreel.importers.content import ContentImportError, import_content

        if dry_run:
            raise CommandError("import content has no --dry-run: import into a scratch site (NEWSREEL_DATA_DIR) first")
        say = self.stderr.write if verbosity > 0 else None
        try:
            result = import_content(source, say=say, progress_stream=self.stderr._out if verbosity > 0 else None)
        except ContentImportError as error:
            raise CommandError(str(error)) from None
        for failure in result.failures:
            self.stderr.write(failure)
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")
        self.stdout.write(f"imported {result.summary()} in {result.seconds:.1f} s")
        if result.failed:
            raise CommandError(f"{result.failed} story file(s) not imported; see the errors above.")

    def _folder(self, source: Path, media_root: Path | None, options: dict):
        """A folder of Markdown (Newsreel's, Hugo's, Jekyll's or Eleventy's) as import items."""
        from newsreel.importers.redirects import keep_old_address
        from newsreel.importers.static_site import SiteOptions, site_files, site_items

        if not source.is_dir():
            raise CommandError(f"{source}: no such folder")
        if media_root is None:  # Hugo's static/ (inside the site or beside content/), else the folder itself
            media_root = next((folder for folder in (source / "static", source.parent / "static") if folder.is_dir()), source)
        files, skipped = site_files(source)
        categories, sections = self._categories(options)
        site = SiteOptions(root=source, media_root=media_root, default_credit=(options.get("default_credit") or "").strip(),
                           as_drafts=bool(options.get("as_drafts")), pages=options.get("pages") or "skip",
                           categories=categories, sections=sections, redirects=keep_old_address)
        return site_items(files, site), skipped, len(files)

    def _categories(self, options: dict):
        """The --category rules, checked against the sections that exist, and those sections."""
        from newsreel.importers.wordpress import parse_category_rule
        from newsreel.newsroom.models import Section

        categories = {}
        for text in options.get("category") or []:
            try:
                name, rule = parse_category_rule(text)
            except ValueError as error:
                raise CommandError(f"--category {error}") from None
            categories[name] = rule
        sections = frozenset(Section.objects.values_list("slug", flat=True))
        unknown = sorted(rule.value for rule in categories.values() if rule.kind == "section" and rule.value not in sections)
        if unknown:
            raise CommandError(f"--category names no section {', '.join(map(repr, unknown))} "
                               f"(sections: {', '.join(sorted(sections)) or 'none yet'})")
        return categories, sections

    def _site_export(self, format: str, source: Path, options: dict):
        """The items of a WordPress, Squarespace or Ghost export; options checked before anything is read."""
        from newsreel.importers.ghost import GhostError, plan_ghost, read_ghost
        from newsreel.importers.redirects import keep_old_address
        from newsreel.importers.wordpress import WordPressOptions, plan_import
        from newsreel.importers.wxr import WxrError
        from newsreel.importers.wxr_parts import read_parts
        from newsreel.json_input import JsonInputError

        if format == "wordpress" and not source.exists():
            raise CommandError(f"{source}: no such file or folder")
        if format != "wordpress" and not source.is_file():
            raise CommandError(f"{source}: no such file")
        media = options.get("media")
        if media is not None and not media.is_dir():
            raise CommandError(f"--media {media}: no such folder")
        categories, sections = self._categories(options)
        settings_ = WordPressOptions(
            media=media, pages=options.get("pages") or "skip", as_drafts=bool(options.get("as_drafts")),
            default_credit=(options.get("default_credit") or "").strip(), categories=categories, sections=sections,
            redirects=keep_old_address)
        try:
            if format == "ghost":
                plan = plan_ghost(read_ghost(source), settings_, str(source))
            else:
                # Every part is read before any is planned: an unreadable part stops the import unwritten.
                plan = plan_import(read_parts(source), settings_)
        except WxrError as error:  # it names the file, or the part of a zip or folder, itself
            raise CommandError(str(error)) from None
        except GhostError as error:
            raise CommandError(f"{source}: {error}") from None
        except JsonInputError as error:  # it names the file itself, with the line and column
            raise CommandError(str(error)) from None
        return plan.items, plan.skipped, plan.problems

    def _print(self, report: ImportReport, verbosity: int) -> None:
        for failure in report.failures:
            self.stderr.write(failure)
        if verbosity == 0:
            return
        for shown_list, label in ((report.warnings, "warning"), (report.skipped, "skipped")):
            shown = shown_list if verbosity > 1 else shown_list[:WARNINGS_SHOWN]
            for line in shown:
                self.stderr.write(f"{label}: {line}")
            if len(shown) < len(shown_list):
                counts = Counter(w.split(": ", 2)[1].split(",")[0] for w in shown_list if w.count(": ") >= 2)
                by_field = ", ".join(f"{name}: {count}" for name, count in counts.most_common(8))
                self.stderr.write(f"{label}: {len(shown_list) - len(shown)} more; {len(shown_list)} in all "
                                  f"({by_field}); -v 2 shows every one")
        kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(report.kinds.items()))
        verb = "would import" if report.dry_run else "imported"
        self.stdout.write(f"{verb} {report.created + report.updated} article(s): {report.created} new, "
                          f"{report.updated} updated, {report.failed} failed"
                          + (f" ({kinds})" if kinds and set(report.kinds) != {"published"} else "")
                          + (f"; {len(report.skipped)} skipped" if report.skipped else "")
                          + ("; dry run, nothing was kept" if report.dry_run else ""))
        if report.pictures_waiting:
            count = report.pictures_waiting
            self.stdout.write(f"{count} picture{'s wait' if count != 1 else ' waits'} for {'their' if count != 1 else 'its'} "
                              "renditions (pages show the original until then): the worker makes them "
                              "(`newsreel worker`, or `newsreel serve`, which runs it); or now: "
                              "`newsreel rebuild-renditions --missing`")
