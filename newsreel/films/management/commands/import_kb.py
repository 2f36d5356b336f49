"""newsreel import-kb FILE.json | --source imdb|wikidata|tmdb PATH: load films, people and
credits, all or nothing (docs/importing.md#films-people-and-credits-import-kb)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsreel.films.knowledge import KnowledgeGraphError, import_knowledge_graph
from newsreel.films.sources import SOURCES, Selection, SourceError, read_source
from newsreel.json_input import JsonInputError, decode_document


def _words(value: str) -> tuple[str, ...]:
    return tuple(word for word in value.replace(",", " ").split() if word)


class Command(BaseCommand):
    help = "Load films, people and credits from a knowledge-graph JSON file (re-import updates by key)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="knowledge-graph JSON file, or the source's file or folder")
        parser.add_argument("--source", choices=("json", *SOURCES), default="json",
                            help="json: our knowledge-graph JSON (default); imdb: a folder of IMDb's dataset files; "
                                 "wikidata: a JSON dump; tmdb: movie records with credits")
        parser.add_argument("--types", type=_words, default=(),
                            help="film types to keep, comma-separated: IMDb titleType (default movie,tvMovie) or "
                                 "Wikidata classes (default Q11424,Q24869,Q202866,Q506240)")
        parser.add_argument("--min-year", type=int, help="keep films from this year on")
        parser.add_argument("--max-year", type=int, help="keep films up to this year")
        parser.add_argument("--min-votes", type=int,
                            help="keep films with at least this many votes (IMDb's title.ratings, TMDB's vote_count)")
        parser.add_argument("--max-cast", type=int, default=15, help="cast members kept per film, in billing order")
        parser.add_argument("--aka-regions", type=_words, default=("US", "GB"),
                            help="IMDb: regions whose titles become a film's aliases (default US,GB)")

    def handle(self, *args, file: Path, **options) -> None:
        if options["source"] != "json":
            return self._import_source(file, options)
        try:
            data = decode_document(file.read_bytes(), source=str(file), what="a knowledge graph", expect=dict)
        except OSError as error:
            raise CommandError(f"{file}: cannot read: {error.strerror}") from None
        except JsonInputError as error:
            raise CommandError(f"{error}\nNothing was imported.") from None
        try:
            result = import_knowledge_graph(data, base_dir=file.resolve().parent)
        except KnowledgeGraphError as error:
            raise CommandError(f"{file}: {error}\nNothing was imported.") from None
        self.stdout.write(f"Imported {file}: {result.describe()}")

    def _import_source(self, path: Path, options: dict) -> None:
        selection = Selection(types=options["types"], min_year=options["min_year"], max_year=options["max_year"],
                              min_votes=options["min_votes"], max_cast=max(0, options["max_cast"]),
                              aka_regions=options["aka_regions"])
        try:
            data = read_source(options["source"], path, selection)
        except SourceError as error:
            raise CommandError(f"{error}\nNothing was imported.") from None
        self.stdout.write(f"Read {path} ({options['source']}): {len(data['films'])} films, {len(data['people'])} people, "
                          f"{len(data['credits'])} credits selected")
        try:
            result = import_knowledge_graph(data)
        except KnowledgeGraphError as error:
            raise CommandError(f"{path}: {error}\nNothing was imported.") from None
        self.stdout.write(f"Imported {path}: {result.describe()}")
