#!/usr/bin/env python3
"""What a film changed in the desk costs: the desk's save, and the worker's relink job.

Builds a scratch site with `--stories` live stories (invented text), of which `--naming`
use a phrase that is not yet an alias of any film. Then it times, each `--runs` times:

- adding that phrase as an alias of a film (`graph_edits.save_entity`, what the desk request
  does: the save and one relink job queued), then the worker's run of that job
  (`graph_relinks.run`): the stories using it are republished from their live revision and
  gain the mention; the others are untouched (no full rebuild);
- saving the film again with no name changed (no job: its pages refresh on the save itself);
- merging a duplicate person credited and mentioned in `--naming` stories (the request),
  then its relink job.

    .venv/bin/python bench/graph_edits.py [--stories 1000] [--naming 20] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--naming", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    os.environ["NEWSREEL_DATA_DIR"] = tempfile.mkdtemp(prefix="newsreel-bench-graph-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreel.settings")
    os.environ["NEWSREEL_DEBUG"] = "false"
    import django

    django.setup()
    from newsreel.cli import ensure_migrated

    ensure_migrated()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)  # pages name hashed static files
    from newsreel.films.knowledge import import_knowledge_graph
    from newsreel.films.models import Credit, Film, Person
    from newsreel.newsroom import graph_edits, graph_relinks
    from newsreel.newsroom.intake import ArticleDraft
    from newsreel.newsroom.models import Mention
    from newsreel.newsroom.publishing import save_and_publish
    from tests.graph import GRAPH

    import_knowledge_graph(GRAPH)
    started = time.perf_counter()
    for number in range(args.stories):
        naming = number < args.naming
        body = (f"Story {number} about the festival programme and the harbour towns that host it.\n\n"
                + ("The crew of *Ferry of Salt* sailed on through the winter.\n" if naming else
                   "Nothing here names the ferry film; it is about ticket prices.\n"))
        save_and_publish(ArticleDraft(headline=f"Festival story {number}", body=body), origin="bench")
    print(f"site: {args.stories} live stories, {args.naming} naming the new alias "
          f"(built in {time.perf_counter() - started:.0f} s)")

    film = Film.objects.get(key="salt-meridian-2026")
    alias_times, alias_jobs, plain_times, merge_times, merge_jobs, relinked, merged_counts = [], [], [], [], [], [], []
    duplicates = ["Adele Varga", "Ida Varga", "Eda Varga", "Oda Varga", "Uda Varga"]
    for run in range(args.runs):
        film.aliases = ["Ferry of Salt", f"Salt run {run}"]
        started = time.perf_counter()
        job = graph_edits.save_entity(film, old_names=graph_edits.names_of(Film.objects.get(pk=film.pk)))
        alias_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        relinked.append(graph_relinks.run(job.pk).changed)
        alias_jobs.append(time.perf_counter() - started)
        assert Mention.objects.filter(film=film).values("article").distinct().count() >= args.naming
        started = time.perf_counter()
        film.distributor = f"Distributor {run}"
        graph_edits.save_entity(film, old_names=graph_edits.names_of(film))
        plain_times.append(time.perf_counter() - started)

        name = duplicates[run % len(duplicates)]
        duplicate = Person.objects.create(key=f"a-varga-{run}", name=name)
        Credit.objects.create(film=film, person=duplicate, role="writer")
        for number in range(args.naming):
            save_and_publish(ArticleDraft(headline=f"Varga {run}-{number}", body=f"{name} spoke at the festival.\n"),
                             origin="bench")
        started = time.perf_counter()
        merged = graph_edits.merge(Person.objects.get(key="ada-varga"), duplicate)
        merge_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        merged_counts.append(graph_relinks.run(merged.job.pk).changed)
        merge_jobs.append(time.perf_counter() - started)

    def runs(times: list[float], counts: list[int] | None = None) -> str:
        shown = [f"{t * 1000:.0f} ms" + (f" ({c} republished)" if counts else "")
                 for t, c in zip(times, counts or times)]
        return f"median {statistics.median(times) * 1000:.0f} ms; runs: {', '.join(shown)}"

    print(f"new alias, desk request (save + job queued): {runs(alias_times)}")
    print(f"new alias, worker's job (run 1: the {args.naming} stories using it; later runs: an alias no story uses): "
          f"{runs(alias_jobs, relinked)}")
    print(f"save with no name changed (a new distributor): {runs(plain_times)}")
    print(f"merge of a duplicate named in {args.naming} stories, desk request: {runs(merge_times)}")
    print(f"merge, worker's job: {runs(merge_jobs, merged_counts)}")


if __name__ == "__main__":
    main()
