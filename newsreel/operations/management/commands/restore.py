"""newsreel restore FILE: put a `newsreel backup` archive back into the embedded data folder."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from newsreel.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = "Put a backup archive back: newsreel restore FILE [--force] (stop the servers first)"

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="an archive written by `newsreel backup`")
        parser.add_argument("--force", action="store_true",
                            help="replace the database and media the data folder holds now")

    def handle(self, *args, file: str, force: bool, **options) -> None:
        if connection.vendor != "sqlite" or settings.CONFIG.s3_bucket:
            raise CommandError("newsreel restore covers the embedded SQLite default and its media folder; "
                               "restore PostgreSQL with pg_restore and the bucket with its own tools (docs/deploy.md).")
        config = settings.CONFIG
        try:
            manifest = restore(Path(file), Path(connection.settings_dict["NAME"]), config.media_dir,
                               config.data_dir / "secret_key", force=force)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Restored the database and {manifest['media_files']} media file(s) from {file} "
                          f"(made {manifest['created']}). The next command brings its schema up to date.")
