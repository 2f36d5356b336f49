"""Benchmark: the text core with a 1,000,000-name knowledge graph loaded.

    .venv/bin/python bench/text_core.py [--names 1000000] [--runs 50]

Builds a deterministic synthetic graph (40% films, 60% people, three credits per film,
one alias in ten), then prints: gazetteer build time, memory (resident-set growth for the
graph and for the gazetteer), and the time for a 1,000-word article through find_mentions
and, when the pipeline is importable, through the whole core (process_article).
Target: under 20 ms per article for the whole core. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsreel.text.gazetteer import Gazetteer  # noqa: E402
from newsreel.text.mentions import find_mentions  # noqa: E402
from newsreel.text.types import CreditRef, FilmRef, KnowledgeGraph, Paragraph, PersonRef  # noqa: E402

_ONSETS = "b c d f g h j k l m n p r s t v w z br ch dr fl gr kl pr sh st tr th".split()
_VOWELS = "a e i o u ai ea io ou y".split()
_CODAS = ["", "", "n", "r", "s", "l", "th", "nd", "rk", "x"]
_TITLE_WORDS = (
    "the of a night day last house river city blue red black dark light long road home war love "
    "summer winter girl boy man woman little great lost secret story last first world heart fire "
    "glass stone water sky moon sun star dream island garden king queen ghost shadow silver gold"
).split()
_FILLER = (
    "the a an of to in and that it was for on are as with his they at be this from have or by "
    "one had not but what all were when we there can an your which their said if do will each "
    "about how up out them then she many some so these would other into has more her two like "
    "him see time could no make than first been its who now people my made over did down only "
    "way find use may water long little very after words called just where most know get through "
    "back much before go good new write our used me man too any day same right look think also "
    "around another came come work three word must because does part even place well such here "
    "take why things help put years different away again off went old number great tell men say "
    "small every found still between name should home big give air line set own under read last "
    "never us left end along while might next sound below saw something thought both few those "
    "always looked show large often together asked house world going want school important until"
).split()


def _word(rng: random.Random) -> str:
    syllables = rng.choice((2, 2, 3))
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)) + rng.choice(_CODAS)
    return word.capitalize()


def synthetic_graph(names: int, seed: int = 1) -> KnowledgeGraph:
    rng = random.Random(seed)
    n_films = names * 2 // 5
    n_people = names - n_films
    first_names = [_word(rng) for _ in range(3000)]
    surnames = [_word(rng) for _ in range(60000)]
    people = []
    for index in range(n_people):
        name = f"{rng.choice(first_names)} {rng.choice(surnames)}"
        aliases = (f"{name[0]}. {name.split()[1]}",) if index % 10 == 0 else ()
        people.append(PersonRef(key=f"person-{index}", name=name, aliases=aliases))
    films, credits = [], []
    for index in range(n_films):
        shape = rng.random()
        if shape < 0.15:
            title = rng.choice(_TITLE_WORDS).capitalize()  # ordinary-word titles, many shared
        elif shape < 0.55:
            title = f"The {_word(rng)}"
        elif shape < 0.8:
            title = f"{rng.choice(_TITLE_WORDS).capitalize()} of {_word(rng)}"
        else:
            title = " ".join(_word(rng) for _ in range(rng.choice((1, 2, 3))))
        aliases = (f"{title} {rng.randint(2, 4)}",) if index % 10 == 0 else ()
        films.append(FilmRef(key=f"film-{index}", title=title, year=rng.randint(1920, 2025), aliases=aliases))
        for role in ("director", "actor", "actor"):
            credits.append(CreditRef(film=f"film-{index}", person=f"person-{rng.randrange(n_people)}", role=role))
    return KnowledgeGraph(films=tuple(films), people=tuple(people), credits=tuple(credits))


def synthetic_article(graph: KnowledgeGraph, words: int = 1000, seed: int = 2) -> list[str]:
    """Paragraphs of about `words` words: filler prose with film titles, names and quotations."""
    rng = random.Random(seed)
    films = [graph.films[rng.randrange(len(graph.films))] for _ in range(8)]
    people = [graph.people[rng.randrange(len(graph.people))] for _ in range(10)]
    paragraphs, count = [], 0
    while count < words:
        sentences = []
        for _ in range(rng.randint(3, 5)):
            body = [rng.choice(_FILLER) for _ in range(rng.randint(8, 18))]
            if rng.random() < 0.5:
                body.insert(rng.randrange(len(body)), rng.choice(people).name)
            if rng.random() < 0.4:
                film = rng.choice(films)
                body.insert(rng.randrange(len(body)), f'"{film.title}" ({film.year})')
            if rng.random() < 0.3:
                body.insert(rng.randrange(len(body)), rng.choice(people).name.split()[-1] + "'s")
            sentence = " ".join(body)
            if rng.random() < 0.25:  # a quotation with its attribution
                speaker = rng.choice(people).name
                sentences.append(f"\u201c{sentence[0].upper() + sentence[1:]},\u201d {speaker} said.")
                count += 2
            else:
                sentences.append(sentence[0].upper() + sentence[1:] + ".")
            count += len(" ".join(body).split())
        paragraphs.append(" ".join(sentences))
    return paragraphs


def rss_bytes() -> int:
    """Resident set size of this process (Linux /proc; falls back to peak RSS elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def timed(function, runs: int) -> tuple[float, float, float]:
    """Median and worst wall-clock ms, and median CPU ms (less disturbed by a busy machine)."""
    function()  # warm caches
    samples, cpu = [], []
    for _ in range(runs):
        started, cpu_started = time.perf_counter(), time.process_time()
        function()
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    return statistics.median(samples), max(samples), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=1_000_000, help="films + people in the graph")
    parser.add_argument("--runs", type=int, default=50, help="timed runs per article")
    options = parser.parse_args()

    gc.collect()
    before = rss_bytes()
    started = time.perf_counter()
    graph = synthetic_graph(options.names)
    graph_seconds = time.perf_counter() - started
    gc.collect()
    after_graph = rss_bytes()
    aliases = sum(len(f.aliases) for f in graph.films) + sum(len(p.aliases) for p in graph.people)
    print(f"graph: {len(graph.films):,} films + {len(graph.people):,} people = {options.names:,} names "
          f"(+{aliases:,} aliases), {len(graph.credits):,} credits; generated in {graph_seconds:.1f} s")
    print(f"  memory for the graph itself (plain dataclasses): {(after_graph - before) / 2**20:,.0f} MiB")

    started, cpu_started = time.perf_counter(), time.process_time()
    gazetteer = Gazetteer.build(graph)
    build_seconds, build_cpu = time.perf_counter() - started, time.process_time() - cpu_started
    gc.collect()
    after_gazetteer = rss_bytes()
    print(f"gazetteer build: {build_seconds:.1f} s wall, {build_cpu:.1f} s CPU, {len(gazetteer):,} name forms")
    print(f"  memory for the gazetteer: {(after_gazetteer - after_graph) / 2**20:,.0f} MiB "
          f"(graph + gazetteer: {(after_gazetteer - before) / 2**20:,.0f} MiB)")

    texts = synthetic_article(graph)
    words = sum(len(text.split()) for text in texts)
    paragraphs, position = [], 0
    for text in texts:
        paragraphs.append(Paragraph(text, position))
        position += len(text) + 2
    mentions = find_mentions(paragraphs, gazetteer)
    median, worst, cpu = timed(lambda: find_mentions(paragraphs, gazetteer), options.runs)
    print(f"article: {words:,} words, {len(paragraphs)} paragraphs, {len(mentions)} mentions found")
    print(f"  find_mentions: median {median:.2f} ms (CPU {cpu:.2f} ms), max {worst:.2f} ms over {options.runs} runs")

    try:
        from newsreel.text.pipeline import process_article
    except ImportError as error:
        print(f"  whole core: not measured, the pipeline cannot be imported yet ({error})")
        return
    source = "\n\n".join(texts) + "\n"
    try:
        processed = process_article(source, graph=gazetteer, headline="A synthetic headline", href=_href)
    except Exception as error:  # the pipeline is another module; report, do not hide the mentions figures
        print(f"  whole core: not measured, process_article failed: {type(error).__name__}: {error}")
        return
    median, worst, cpu = timed(lambda: process_article(source, graph=gazetteer, headline="A synthetic headline", href=_href),
                                options.runs)
    verdict = "within" if median < 20 else "OVER"
    print(f"  whole core (process_article): median {median:.2f} ms (CPU {cpu:.2f} ms), max {worst:.2f} ms "
          f"({verdict} the 20 ms target; {len(processed.mentions)} mentions, {len(processed.quotes)} quotes)")


def _href(kind: str, key: str) -> str:
    """Any link function will do for timing; this one spells the site's scheme."""
    return f"/{'films' if kind == 'film' else 'people'}/{key}/"


if __name__ == "__main__":
    main()
