"""newsreel demo: migrate, load the demo newsroom into an empty database, print URL and login.

Safe to run again and again: a database that already has articles is left as it is, and
the editor's login (kept in the data folder) is printed each time.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from newsreel import links
from newsreel.operations.static_files import collect_static_files


class Command(BaseCommand):
    help = "Set up the database and load the demo newsroom (idempotent); prints the site URL and the editor's login."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--password",
            help="password for the 'editor' account (at least 8 characters); "
                 "default: generated on the first run, kept in the data folder and printed each run",
        )

    def handle(self, *args, password: str | None = None, **options) -> None:
        # The demo composes every app, so it lives in newsreel.demo, not in the newsroom app.
        from newsreel.demo import loader

        verbosity = options.get("verbosity", 1)
        say = self.stdout.write if verbosity > 0 else (lambda message: None)
        say("Migrating the database ...")
        call_command("migrate", interactive=False, verbosity=0)

        if loader.is_loaded():
            say(self.style.WARNING("The demo is already loaded (this database has articles); nothing was changed."))
        else:
            # Publishing renders pages once, with hashed static URLs: the manifest must exist first.
            say("Collecting static files ...")
            collect_static_files()
            result = loader.load_demo(report=say)
            say(self.style.SUCCESS(
                f"Loaded the demo: {result.films} films, {result.people} people, {result.credits} credits, "
                f"{result.images} illustrations, {result.articles} articles."
            ))

        try:
            login = loader.ensure_editor(password)
        except ValueError as error:
            raise CommandError(f"--password: {error}") from None

        site = settings.SITE_URL.rstrip("/")
        self.stdout.write("")
        self.stdout.write(f"Site:  {site}/")
        self.stdout.write(f"Desk:  {site}{links.path('desk:login')}")
        if login.password is None:
            self.stdout.write(f"Login: {login.username} (password not shown: it is no longer the one the demo set; "
                              "`newsreel demo --password NEW` sets a new one)")
        else:
            self.stdout.write(f"Login: {login.username} / {login.password}")
            if login.created:
                self.stdout.write(f"       (kept in {loader.password_file()} so later runs print the same)")
