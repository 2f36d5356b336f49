"""Three-way merge and word-level comparison of long stories: how long an editor waits.

    .venv/bin/python bench/merge.py [--paragraphs 100 200 1000] [--runs 5]

Builds an invented Markdown story of N paragraphs (each ~60 words), then two edits of it:
"ours" changes every 10th paragraph, "theirs" every 10th paragraph offset by 5, both append a
paragraph at the end (the one conflict). Prints, per size, the median and worst time of
`merge3` (newsreel/text/merge.py) and of `word_diff` over the whole body (the revision
comparison), over --runs runs. Pure Python, no database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from newsreel.text.merge import merge3  # noqa: E402
from newsreel.text.worddiff import word_diff  # noqa: E402

WORDS = ("the keeper of the lighthouse waits out a long winter while the harbor freezes and the town "
         "argues about the new ferry schedule that nobody in the film ever manages to read aloud").split()


def paragraph(n: int) -> str:
    words = [WORDS[(n * 7 + i) % len(WORDS)] for i in range(60)]
    return f"Paragraph {n}: " + " ".join(words) + "."


def story(paragraphs: int) -> str:
    return "\n\n".join(paragraph(n) for n in range(paragraphs)) + "\n"


def edited(base: str, offset: int, tail: str) -> str:
    parts = base.rstrip("\n").split("\n\n")
    for index in range(offset, len(parts), 10):
        parts[index] = parts[index].replace("winter", "summer", 1) + " An added sentence."
    return "\n\n".join(parts) + "\n\n" + tail + "\n"


def timed(function, *args) -> float:
    start = time.perf_counter()
    function(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, nargs="+", default=[100, 200, 1000])
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    print(f"{'paragraphs':>10} {'characters':>11} {'conflicts':>9} {'merge3 median':>14} {'worst':>8} "
          f"{'word_diff median':>17} {'worst':>8}")
    for size in options.paragraphs:
        base = story(size)
        ours, theirs = edited(base, 0, "Our closing line."), edited(base, 5, "Their closing line.")
        conflicts = len(merge3(base, ours, theirs).conflicts)
        merges = [timed(merge3, base, ours, theirs) for _ in range(options.runs)]
        diffs = [timed(word_diff, base, ours) for _ in range(options.runs)]
        print(f"{size:>10} {len(base):>11,} {conflicts:>9} {statistics.median(merges) * 1000:>11.1f} ms "
              f"{max(merges) * 1000:>5.1f} ms {statistics.median(diffs) * 1000:>14.1f} ms {max(diffs) * 1000:>5.1f} ms")


if __name__ == "__main__":
    main()
