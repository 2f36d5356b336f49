"""newsreel import-kb FILE.json: load films, people and credits, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsreel.films.knowledge import KnowledgeGraphError, import_knowledge_graph


class Command(BaseCommand):
    help = "Load films, people and credits from a knowledge-graph JSON file (re-import updates by key)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="knowledge-graph JSON file")

    def handle(self, *args, file: Path, **options) -> None:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"{file}: cannot read: {error.strerror}") from None
        except UnicodeDecodeError:
            raise CommandError(f"{file}: is not UTF-8 text") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise CommandError(f"{file}, line {error.lineno}, column {error.colno}: invalid JSON: {error.msg}") from None
        except RecursionError:
            raise CommandError(f"{file}: invalid JSON: nested too deep (a knowledge graph needs three levels)") from None
        except ValueError as error:  # e.g. an integer of more than 4,300 digits
            raise CommandError(f"{file}: invalid JSON: {error}") from None
        try:
            result = import_knowledge_graph(data, base_dir=file.resolve().parent)
        except KnowledgeGraphError as error:
            raise CommandError(f"{file}: {error}\nNothing was imported.") from None
        self.stdout.write(f"Imported {file}: {result.describe()}")
