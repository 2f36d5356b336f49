"""Benchmark: this checkout's text core against another's, side by side in one process.

    .venv/bin/python bench/text_core_versus.py /path/to/other/checkout [--names 1000000] [--runs 30]

On a machine shared with other work, two runs of bench/text_core.py minutes apart see
different loads; here both cores get the same synthetic graph and article (as in
bench/text_core.py) and their runs alternate, so both see the same load. The other checkout's
`newsreel/text` (pure Python, no Django) is copied to a temporary package so both can be
imported at once. Prints CPU milliseconds per article (median and best) for find_mentions and
the whole core, and how their outputs differ. Asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "bench"))

from text_core import _href, synthetic_article, synthetic_graph  # noqa: E402

from newsreel.text.gazetteer import Gazetteer  # noqa: E402
from newsreel.text.mentions import find_mentions  # noqa: E402
from newsreel.text.pipeline import process_article  # noqa: E402
from newsreel.text.types import Paragraph  # noqa: E402

_OTHER = "other_text_core"


def load_other(checkout: Path, into: Path):  # type: ignore[no-untyped-def]
    """The other checkout's text core as package `other_text_core` (its modules and types)."""
    source = checkout / "newsreel" / "text"
    if not (source / "pipeline.py").is_file():
        raise SystemExit(f"{checkout}: no newsreel/text/pipeline.py there")
    target = into / _OTHER
    shutil.copytree(source, target)
    for path in target.rglob("*.py"):
        path.write_text(re.sub(r"\bnewsreel\.text\b", _OTHER, path.read_text(encoding="utf-8")), encoding="utf-8")
    sys.path.insert(0, str(into))
    return (importlib.import_module(f"{_OTHER}.{name}") for name in ("gazetteer", "mentions", "pipeline", "types"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("other", type=Path, help="another checkout (e.g. a worktree of an older commit)")
    parser.add_argument("--names", type=int, default=1_000_000, help="films + people in the graph")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per core")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        gazetteer_o, mentions_o, pipeline_o, types_o = load_other(options.other.resolve(), Path(folder))
        graph = synthetic_graph(options.names)
        other_graph = types_o.KnowledgeGraph(
            films=tuple(types_o.FilmRef(f.key, f.title, f.year, f.aliases) for f in graph.films),
            people=tuple(types_o.PersonRef(p.key, p.name, p.aliases) for p in graph.people),
            credits=tuple(types_o.CreditRef(c.film, c.person, c.role, c.character) for c in graph.credits),
        )
        started = time.process_time()
        other = gazetteer_o.Gazetteer.build(other_graph)
        print(f"gazetteer build, other: {time.process_time() - started:.1f} s CPU")
        started = time.process_time()
        this = Gazetteer.build(graph)
        print(f"gazetteer build, this:  {time.process_time() - started:.1f} s CPU")
        texts = synthetic_article(graph)
        source = "\n\n".join(texts) + "\n"
        paragraphs, position = [], 0
        for text in texts:
            paragraphs.append(Paragraph(text, position))
            position += len(text) + 2
        other_paragraphs = [types_o.Paragraph(p.text, p.start) for p in paragraphs]
        headline = "A synthetic headline"
        jobs = {
            "find_mentions, other": lambda: mentions_o.find_mentions(other_paragraphs, other),
            "find_mentions, this": lambda: find_mentions(paragraphs, this),
            "whole core, other": lambda: pipeline_o.process_article(source, graph=other, headline=headline, href=_href),
            "whole core, this": lambda: process_article(source, graph=this, headline=headline, href=_href),
        }
        for job in jobs.values():
            job()  # warm caches
        gc.collect()
        cpu: dict[str, list[float]] = {name: [] for name in jobs}
        for _ in range(options.runs):
            for name, job in jobs.items():  # alternating, so both cores see the same load
                started = time.process_time()
                job()
                cpu[name].append((time.process_time() - started) * 1000)
        print(f"article: {sum(len(t.split()) for t in texts):,} words; CPU per article over {options.runs} runs:")
        for name, samples in cpu.items():
            print(f"  {name:<22} median {statistics.median(samples):6.2f} ms   best {min(samples):6.2f} ms")
        mine, theirs = jobs["whole core, this"](), jobs["whole core, other"]()
        unsure = getattr(mine, "unsure_mentions", [])
        print(f"mentions: other {len(theirs.mentions)}, this {len(mine.mentions)} (+{len(unsure)} held below the "
              f"link threshold); quotes: other {len(theirs.quotes)}, this {len(mine.quotes)}; "
              f"HTML identical: {mine.html == theirs.html}")


if __name__ == "__main__":
    main()
