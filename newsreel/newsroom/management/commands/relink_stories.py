"""newsreel relink-stories: derive every live story's mentions and quotes again with this
release's text core, after an upgrade whose core reads differently (new rules, a speaker held
for an editor that was shown before). A story whose links and speakers are unchanged is left
as it is; one that changed is republished from its live revision (`graph_edits.relink_story`),
each in its own transaction, so the desk and readers never wait for the whole run."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand

from newsreel.embeds.services import nothing_fetched
from newsreel.newsroom.graph_edits import relink_story
from newsreel.newsroom.intake import IntakeError
from newsreel.newsroom.models import Article
from newsreel.newsroom.models.liveness import live_q

# Seconds between progress lines on stderr.
PROGRESS_EVERY = 5.0


class Command(BaseCommand):
    help = ("Derive every live story's mentions and quotes again with this release's text core (after an "
            "upgrade); a story whose links or speakers changed is republished from its live revision.")

    def handle(self, *args, verbosity: int = 1, **options) -> None:
        with nothing_fetched():  # links and speakers, not posters: no story waits on YouTube
            self._relink_all(verbosity)

    def _relink_all(self, verbosity: int) -> None:
        ids = list(Article.objects.filter(live_q()).order_by("pk").values_list("pk", flat=True))
        changed, failed = 0, []
        started = shown = time.monotonic()
        for done, pk in enumerate(ids, start=1):
            story = Article.objects.filter(pk=pk).select_related("live_revision").first()
            if story is None:
                continue  # deleted while the run went on
            try:
                changed += relink_story(story)
            except IntakeError as error:  # its text no longer passes the core: it stays as published
                failed.append(f"{story.slug}: not linked again ({'; '.join(map(str, error.errors))}); still live as it was")
            if verbosity > 0 and time.monotonic() - shown >= PROGRESS_EVERY:
                shown = time.monotonic()
                self.stderr.write(f"checked {done}/{len(ids)} ({changed} linked again)")
        for line in failed:
            self.stderr.write(line)
        self.stdout.write(f"Checked {len(ids)} live stories in {time.monotonic() - started:.1f} s: {changed} linked again, "
                          f"{len(ids) - changed - len(failed)} unchanged, {len(failed)} failed.")
