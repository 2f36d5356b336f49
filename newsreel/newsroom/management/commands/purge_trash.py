"""newsreel purge-trash: delete for good the stories deleted more than 30 days ago."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from newsreel.newsroom.trash import TRASH_DAYS, expired, purge_expired


class Command(BaseCommand):
    help = f"Purge the stories that have been in the trash for more than {TRASH_DAYS} days (run it daily, e.g. from cron)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list what would be purged, purge nothing")

    def handle(self, *args, dry_run: bool = False, **options) -> None:
        if dry_run:
            due = list(expired().values_list("pk", "headline"))
            for pk, headline in due:
                self.stdout.write(f"would purge {pk}: {headline}")
            self.stdout.write(f"{len(due)} stor{'y' if len(due) == 1 else 'ies'} in the trash for more than {TRASH_DAYS} days.")
            return
        count = purge_expired()
        self.stdout.write(f"Purged {count} stor{'y' if count == 1 else 'ies'} deleted more than {TRASH_DAYS} days ago.")
