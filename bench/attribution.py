"""Benchmark: who said it. Quote recall and attribution on every evaluation set under tests/.

    .venv/bin/python bench/attribution.py [--sets tests/evalset tests/evalset2 tests/evalset3 tests/evalset4 tests/evalset5 tests/evalset6 tests/evalset7] [--core DIR] [--details]

For each evaluation directory (kb.json, articles/*.md, gold.json) found under the given
folders, prints one line of figures, the same as `newsreel evaluate` computes them:

- mentions P / R (films and people together);
- quote recall (an extracted quote begins at the gold quote or holds it at a fragment
  boundary), strict recall (begins at it), per kind (speech, qa);
- attribution accuracy (right speaker, graph key or none, among quotes found);
- person pages: precision and recall of the quotes a person's page shows without an editor
  (graph speaker at the core's sure confidence), quotes held for an editor, and quotes on the
  wrong real person's page per 100 shown;
- figures per format when the gold names the articles' formats.

`--core DIR` runs another checkout's text core (e.g. a worktree of an older commit) through
this checkout's scorer, to compare before and after; a core that gives no confidence is
taken as sure of every quote (it put every quote on a page). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]


def _load_scorer():
    """This checkout's scorer, whatever core `newsreel` resolves to."""
    spec = importlib.util.spec_from_file_location("_bench_scorer", HERE / "newsreel" / "text" / "evaluation.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules["_bench_scorer"] = module
    spec.loader.exec_module(module)
    return module


def _sets(roots: list[Path]) -> list[Path]:
    found = []
    for root in roots:
        for kb in sorted(root.rglob("kb.json")):
            if (kb.parent / "gold.json").is_file() and (kb.parent / "articles").is_dir():
                found.append(kb.parent)
    return found


def run_set(directory: Path, scorer, details: bool) -> dict:
    from newsreel.text.gazetteer import Gazetteer
    from newsreel.text.mentions import find_mentions
    from newsreel.text.pipeline import process_article

    paths = sorted((directory / "articles").glob("*.md"))
    graph = scorer.graph_from_json(json.loads((directory / "kb.json").read_text()), source=str(directory / "kb.json"))
    gold = scorer.gold_from_json(
        json.loads((directory / "gold.json").read_text()), [p.name for p in paths], graph, source=str(directory / "gold.json")
    )
    gazetteer = Gazetteer.build(graph)
    predictions = {}
    for path in paths:
        headline, body = scorer.split_headline(path.read_text(encoding="utf-8"))
        headline = scorer.plain_headline(headline)
        started = time.perf_counter()
        processed = process_article(body, graph=gazetteer, images=scorer.any_picture, headline=headline,
                                    href=lambda kind, key: f"/{kind}/{key}")
        seconds = time.perf_counter() - started
        extra = []
        if headline:
            paragraphs = scorer.headline_paragraphs(headline, processed.paragraphs)
            # A core with mention confidence indexes only its sure mentions; an older one, all.
            extra = [m for m in find_mentions(paragraphs, gazetteer)
                     if m.start < len(headline) and getattr(m, "confidence", 1.0) >= scorer.LINK_CONFIDENCE]
        mentions = list(processed.mentions) + extra
        predictions[path.name] = scorer.Prediction(
            films={m.key for m in mentions if m.kind == "film"},
            people={m.key for m in mentions if m.kind == "person"},
            quotes=[
                scorer.PredictedQuote(
                    q.text,
                    q.speaker_key,
                    getattr(q, "confidence", 1.0),
                    getattr(q, "fragment_starts", ()),
                    getattr(q, "kind", "speech"),
                )
                for q in processed.quotes
            ],
            spoiler_films=set(processed.spoiler_films),
            surfaces={"safe_text": processed.safe_text},
            seconds=seconds,
        )
    return scorer.score(gold, predictions, details=details)


def _line(name: str, result: dict) -> str:
    q, m = result["quotes"], result["mentions"]
    kinds = " ".join(f"{kind}:{v['recall']:.3f}/{v['gold']}" for kind, v in q["by_kind"].items())
    pages = q["person_pages"]
    return (
        f"{name:<28} mentions P {m['precision']:.3f} R {m['recall']:.3f} | quotes R {q['recall']:.3f} "
        f"(strict {q['recall_strict']:.3f}; {kinds}) attribution {q['attribution_accuracy']:.3f} | "
        f"pages P {pages['precision']:.3f} R {pages['recall']:.3f} shown {pages['shown']} held {pages['held_for_an_editor']} "
        f"wrong-page {q['on_wrong_page']} ({q['on_wrong_page_per_100']}/100) | wrong person any conf "
        f"{q['given_to_the_wrong_person_at_any_confidence']} | false quotes {q['false_quotes']}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", nargs="*", type=Path, default=[HERE / "tests"], help="folders to search for evaluation sets")
    parser.add_argument("--core", type=Path, help="run this checkout's text core instead (for before/after)")
    parser.add_argument("--details", action="store_true", help="print each tune set's errors as JSON (a held-out set's stay unread)")
    parser.add_argument(
        "--holdout-details", action="store_true",
        help="print a held-out set's errors too: whoever reads them may no longer call it unseen",
    )
    args = parser.parse_args()
    sys.path.insert(0, str((args.core or HERE).resolve()))
    scorer = _load_scorer()
    import newsreel

    print(f"core: {Path(newsreel.__file__).resolve().parent.parent}")
    for directory in _sets(args.sets):
        result = run_set(directory, scorer, args.details)
        print(_line(str(directory.relative_to(HERE) if directory.is_relative_to(HERE) else directory), result))
        for fmt, figures in result.get("by_format", {}).items():
            fq = figures["quotes"]
            print(
                f"    {fmt:<24} mentions P {figures['mentions']['precision']:.3f} R {figures['mentions']['recall']:.3f} | "
                f"quotes R {fq['recall']:.3f} (strict {fq['recall_strict']:.3f}) attribution {fq['attribution_accuracy']:.3f} "
                f"wrong-page {fq['on_wrong_page']} false {fq['false_quotes']}"
            )
        if args.details and (args.holdout_details or directory.name != "holdout"):
            print(json.dumps(result.get("details", {}), indent=1, ensure_ascii=False))
        elif args.details:
            print("    (held out: errors not printed; --holdout-details prints them)")


if __name__ == "__main__":
    main()
