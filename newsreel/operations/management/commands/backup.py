"""newsreel backup FILE: the embedded database and media folder in one archive."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from newsreel.operations.backup import BackupError, backup

POSTGRES_ADVICE = ("newsreel backup covers the embedded SQLite default. With PostgreSQL, back up the "
                   "database with pg_dump and the media with the bucket's own tools (docs/deploy.md).")


class Command(BaseCommand):
    help = "Write the embedded SQLite database and the media folder into one archive: newsreel backup FILE"

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the archive to write (a .tar.gz)")
        parser.add_argument("--force", action="store_true", help="replace FILE if it exists")

    def handle(self, *args, file: str, force: bool, **options) -> None:
        if connection.vendor != "sqlite" or settings.CONFIG.s3_bucket:
            raise CommandError(POSTGRES_ADVICE if connection.vendor != "sqlite" else
                               "newsreel backup covers media in NEWSREEL_DATA_DIR; media in a bucket are "
                               "backed up with the bucket's own tools (docs/deploy.md).")
        config = settings.CONFIG
        try:
            manifest = backup(Path(connection.settings_dict["NAME"]), config.media_dir,
                              config.data_dir / "secret_key", Path(file), force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Backed up the database and {manifest['media_files']} media file(s) to {file}.")
