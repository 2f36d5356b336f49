"""newsreel publish FILE.md: create or update the article by slug, publish it, print its URL."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsreel.newsroom.frontmatter import read_markdown
from newsreel.newsroom.intake import FieldError, IntakeError
from newsreel.newsroom.models import WorkflowState
from newsreel.newsroom.upsert import publish_incoming
from newsreel.write_retry import DatabaseBusy


class Command(BaseCommand):
    help = "Publish a Markdown file with optional YAML front matter; an existing slug is updated."

    def add_arguments(self, parser) -> None:
        parser.add_argument("files", nargs="+", type=Path, help="Markdown file(s)")
        parser.add_argument("--media-root", type=Path, default=None,
                            help="a folder images may also come from (by default only the file's own folder)")

    def handle(self, *args, files: list[Path], media_root: Path | None = None, **options) -> None:
        failures = 0
        for file in files:
            try:
                url = publish_file(file, media_root=media_root)
            except IntakeError as error:
                failures += 1
                self.stderr.write(str(error))
                continue
            except DatabaseBusy as error:  # other writers held the database too long: this file only
                failures += 1
                self.stderr.write(f"{file}: not published: {error}")
                continue
            self.stdout.write(url)
        if failures:
            raise CommandError(f"{failures} of {len(files)} file(s) not published; the site is unchanged for them.")


def publish_file(file: Path, *, media_root: Path | None = None) -> str:
    """Publish one file and return the article's absolute URL."""
    source = str(file)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise IntakeError([FieldError("file", "does not exist")], source=source) from None
    except (OSError, UnicodeDecodeError) as error:
        raise IntakeError([FieldError("file", f"cannot be read as UTF-8 text ({error})")], source=source) from None
    incoming = read_markdown(text, base_dir=file.resolve().parent, source_name=source, media_root=media_root)
    article, _created = publish_incoming(incoming, origin="cli", source=source)
    if article.state == WorkflowState.SCHEDULED:  # front matter published_at in the future
        return f"{settings.SITE_URL}{article.get_absolute_url()} (scheduled: goes live {article.published_at.isoformat()})"
    return settings.SITE_URL + article.get_absolute_url()
