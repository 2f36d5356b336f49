"""newsreel reindex_search: rebuild the search index from the live articles."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from newsreel.public.search.index import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index from scratch from every live article (publishing keeps it current)."

    def handle(self, *args, **options) -> None:
        def progress(done: int, total: int) -> None:
            self.stderr.write(f"\rindexed {done}/{total}", ending="")

        count = rebuild_index(progress=progress if options["verbosity"] >= 1 else None)
        if count and options["verbosity"] >= 1:
            self.stderr.write("")
        self.stdout.write(f"Search index rebuilt: {count} live article{'s' if count != 1 else ''}.")
