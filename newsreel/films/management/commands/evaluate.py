"""newsreel evaluate DIR: measure mentions, quotes and spoiler safety on an evaluation set.

DIR holds kb.json (knowledge-graph JSON), articles/*.md (first line "# Headline") and
gold.json (issue 3). Prints one JSON object of metrics. Needs no database: the graph comes
from kb.json and everything else is the pure text core.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from newsreel import links
from newsreel.text.evaluation import (
    EvaluationError,
    any_picture,
    gold_from_json,
    graph_from_json,
    headline_paragraphs,
    plain_headline,
    predict,
    score,
    split_headline,
)
from newsreel.text.types import TextError


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"{path}: not found") from None
    except OSError as error:
        raise CommandError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path}: is not UTF-8 text") from None


def _json(path: Path) -> Any:
    try:
        return json.loads(_read(path))
    except json.JSONDecodeError as error:
        raise CommandError(f"{path}, line {error.lineno}, column {error.colno}: invalid JSON: {error.msg}") from None


class Command(BaseCommand):
    help = "Measure mentions, quotes and spoiler safety on an evaluation set; print one JSON object."
    requires_system_checks: list[str] = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("dir", type=Path, help="directory with kb.json, articles/*.md and gold.json")
        parser.add_argument("--details", action="store_true", help="also list each article's misses and errors")
        parser.add_argument(
            "--body-only", action="store_true", help="count mentions in the body only, not in the headline"
        )

    def handle(self, *args, dir: Path, details: bool, body_only: bool, **options) -> None:
        if not dir.is_dir():
            raise CommandError(f"{dir}: not a directory")
        articles_dir = dir / "articles"
        paths = sorted(articles_dir.glob("*.md")) if articles_dir.is_dir() else []
        if not paths:
            raise CommandError(f"{articles_dir}: no articles (*.md) found")
        try:
            graph = graph_from_json(_json(dir / "kb.json"), source=str(dir / "kb.json"))
            gold = gold_from_json(_json(dir / "gold.json"), [p.name for p in paths], graph, source=str(dir / "gold.json"))
        except EvaluationError as error:
            raise CommandError(str(error)) from None
        try:
            from newsreel.text.gazetteer import Gazetteer
            from newsreel.text.mentions import find_mentions
            from newsreel.text.pipeline import process_article
        except ImportError as error:
            raise CommandError(f"the text pipeline cannot be loaded: {error}") from None

        started = time.perf_counter()
        gazetteer = Gazetteer.build(graph)
        build_seconds = time.perf_counter() - started
        predictions = {}
        for path in paths:
            headline, body = split_headline(_read(path))
            headline = plain_headline(headline)
            started = time.perf_counter()
            try:
                processed = process_article(body, graph=gazetteer, images=any_picture, headline=headline,
                                            href=links.href_for)
            except TextError as error:
                line = f", line {error.line}" if error.line else ""
                raise CommandError(f"{path}{line}: {error.message}") from None
            seconds = time.perf_counter() - started
            extra = []
            if headline and not body_only:
                paragraphs = headline_paragraphs(headline, processed.paragraphs)
                extra = [m for m in find_mentions(paragraphs, gazetteer) if m.start < len(headline)]
            predictions[path.name] = predict(processed, seconds=seconds, extra_mentions=extra)
        result = score(gold, predictions, details=details)
        result["timing"]["gazetteer_build_seconds"] = round(build_seconds, 4)
        result["mentions_in_headline"] = not body_only
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
