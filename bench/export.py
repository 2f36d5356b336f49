"""Static export of a 10,000-article site: pages per second and peak memory.

    .venv/bin/python bench/export.py [-n 10000] [--work /tmp/newsreel-bench-export] [--runs 3] [--publishes 5] [--out DIR]

Builds the site once (the shared anchors' corpus, imported with `newsreel import jsonl`;
kept under --work for later runs), then times `newsreel export static DIR` as a separate
process, each run measured by the kernel (wait4: wall time, user and system CPU time,
peak RSS):

- first: the first export after the import, which also renders the pages the server fills
  lazily (film, person, section, author pages, ...);
- cold: an empty folder, every page already stored (what Hugo's cold build is compared to);
- unchanged: a second export into the same folder, nothing changed;
- one changed: one article's dek edited and published again, then exported;
- N publishes (--publishes, default 5): N articles edited and published again (with the
  server's default NEWSREEL_PUBLISH_RENDERS), then one export: it renders what those
  publishes dropped and rewrites the files whose bytes changed.

The result column is the export's own summary (pages, files written, unchanged, removed,
pages rendered first).

Pages per second counts the .html files in the export, as the anchors count Hugo's.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NEWSREEL = ROOT / ".venv" / "bin" / "newsreel"
PYTHON = ROOT / ".venv" / "bin" / "python"
MAKE_CORPUS = ROOT.parent / "shared" / "anchors" / "make_corpus.py"

# Edits the dek of N stories (the 100th newest on, one in every 37 so they sit in different
# lists) and publishes each again, as an editor would, one publish at a time.
EDIT = """
import re
import sys
import time
import django
django.setup()
from newsreel.newsroom.models import Article
from newsreel.newsroom.publishing import draft_for, save_and_publish
live = Article.objects.filter(state="published").order_by("-published_at", "-id")
for n in range(int(sys.argv[1])):
    article = live[100 + 37 * n]
    draft = draft_for(article)
    dek = re.sub(r" \\(updated [0-9]+\\)$", "", draft.dek)
    draft.dek = f"{dek[:130]} (updated {time.time_ns() % 10**9})"  # new bytes every run
    save_and_publish(draft, article=article, origin="bench")
    print(article.get_absolute_url())
"""


def run(argv: list[str], env: dict[str, str], quiet: bool = True) -> dict[str, float]:
    """Run a command; wall seconds, CPU seconds and peak RSS (MiB) of that process alone."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE if quiet else None,
                               stderr=subprocess.PIPE if quiet else None, text=True)
    # wait4 gives this child's own resource usage (RUSAGE_CHILDREN would add up all runs).
    output = process.stdout.read() if quiet else ""
    errors = process.stderr.read() if quiet else ""
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(argv)} failed ({process.returncode}):\n{output}\n{errors}")
    figures = {"wall": wall, "user": usage.ru_utime, "sys": usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
               "output": output.strip()}
    command = f"edit and publish {argv[3]}" if argv[1] == "-c" else f"{argv[1]} {argv[2]}"
    print(f"  {wall:7.2f} s wall, {figures['user']:6.2f} s user, {figures['sys']:6.2f} s sys,"
          f" {figures['rss_mb']:5.0f} MB peak: {command}"
          f" {figures['output'][-120:]}", flush=True)
    return figures


def html_files(folder: Path) -> int:
    return sum(1 for _, _, files in os.walk(folder) for name in files if name.endswith(".html"))


def build_site(n: int, work: Path, env: dict[str, str]) -> None:
    stamp = work / f"site-{n}.built"
    if stamp.exists():
        print(f"site: reusing the {n}-article site in {work / 'data'}")
        return
    shutil.rmtree(work / "data", ignore_errors=True)
    corpus = work / f"corpus-{n}"
    if not (corpus / "articles.jsonl").exists():
        if not MAKE_CORPUS.exists():
            sys.exit(f"the corpus generator is missing: {MAKE_CORPUS}")
        subprocess.run([sys.executable, str(MAKE_CORPUS), "-n", str(n), "--out", str(corpus), "--formats", "jsonl"],
                       check=True, stdout=subprocess.DEVNULL)
    print(f"site: importing {n} articles (once; kept in {work})...", flush=True)
    figures = run([str(NEWSREEL), "import", "jsonl", str(corpus / "articles.jsonl")], env)
    print(f"site: imported in {figures['wall']:.0f} s")
    stamp.write_text("")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=10_000, help="articles in the site (default 10000)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsreel-bench-export"),
                        help="scratch folder: data, corpus, exports")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each kind (median shown)")
    parser.add_argument("--publishes", type=int, default=5, help="stories published again before the last kind of run")
    parser.add_argument("--out", type=Path, default=None,
                        help="export folder (default: WORK/export); a tmpfs folder such as /dev/shm/x leaves the disk out")
    args = parser.parse_args()
    work = args.work.resolve()
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "NEWSREEL_DATA_DIR": str(work / "data")}
    env.pop("DATABASE_URL", None)  # the embedded default: SQLite
    build_site(args.n, work, env)
    out = (args.out or work / "export").resolve()
    export = [str(NEWSREEL), "export", "static", str(out)]

    results: list[tuple[str, list[dict[str, float]], int]] = []
    shutil.rmtree(out, ignore_errors=True)
    first = run(export, env)
    results.append(("first (renders lazy pages)", [first], html_files(out)))
    cold = []
    for _ in range(args.runs):
        shutil.rmtree(out)
        cold.append(run(export, env))
    results.append(("cold (empty folder)", cold, html_files(out)))
    unchanged = [run(export, env) for _ in range(args.runs)]
    results.append(("unchanged (nothing to do)", unchanged, html_files(out)))
    django_env = {**env, "DJANGO_SETTINGS_MODULE": "newsreel.settings"}
    for count, name in ((1, "one article changed"), (args.publishes, f"after {args.publishes} publishes")):
        changed = []
        for _ in range(args.runs):
            run([str(PYTHON), "-c", EDIT, str(count)], django_env)
            changed.append(run(export, env))
        results.append((name, changed, html_files(out)))

    print(f"\nnewsreel export static, {args.n} articles, SQLite, {os.cpu_count()} cores")
    # System time is the file system's work (creating folders and files): on a shared disk
    # it varies run to run far more than the export's own (user) time.
    print(f"| run | runs | wall s (median) | HTML pages | pages/s | user s | sys s | peak RSS MB | result |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, runs, pages in results:
        wall = statistics.median(r["wall"] for r in runs)
        user = statistics.median(r["user"] for r in runs)
        system = statistics.median(r["sys"] for r in runs)
        rss = max(r["rss_mb"] for r in runs)
        summary = runs[-1]["output"].removeprefix(f"Exported to {out}: ")
        print(f"| {name} | {len(runs)} | {wall:.2f} | {pages} | {pages / wall:,.0f} | {user:.2f} | {system:.2f} | {rss:.0f} | {summary} |")


if __name__ == "__main__":
    main()
