#!/usr/bin/env python3
"""Time from a scheduled story's minute to live, with a real `newsreel worker` process.

Builds a scratch newsroom (SQLite in a temporary data folder, or the database named by
--database-url), publishes `--background` live stories so each publish has pages to
render, starts one `newsreel worker` (default polling: a 1 s task queue look, a sweep every
30 s), then schedules `--stories` stories, one every `--spacing` seconds starting
`--lead` seconds from now, each through the desk's scheduling service (which queues its
task). A poller in this process reads each story's state every 50 ms. For each story it
prints and summarises:

    claimed  when the worker claimed it (`went_live_at`) minus its minute
    live     when this process first saw it published (committed, on the site) minus its minute

Target (issue 8): p95 of `live` under 60 s, the median far lower.

    .venv/bin/python bench/scheduling.py [--stories 20] [--spacing 2] [--lead 8] [--background 30]
        [--database-url postgres://postgres@127.0.0.1:5432/newsreel_bench_sched]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--spacing", type=float, default=2.0, help="seconds between scheduled minutes")
    parser.add_argument("--lead", type=float, default=8.0, help="seconds from now to the first story's minute")
    parser.add_argument("--background", type=int, default=30, help="live stories published before the measure")
    parser.add_argument("--database-url", default="", help="PostgreSQL to use (default: SQLite in a scratch folder)")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="newsreel-bench-scheduling-"))
    os.environ.update(NEWSREEL_DATA_DIR=str(folder), NEWSREEL_DEBUG="false", NEWSREEL_EMBEDDED_WORKER="false",
                      DJANGO_SETTINGS_MODULE="newsreel.settings")
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    else:
        os.environ.pop("DATABASE_URL", None)

    import django

    django.setup()
    from django.core.management import call_command

    from newsreel.newsroom import clock, scheduling
    from newsreel.newsroom.intake import ArticleDraft
    from newsreel.newsroom.models import Article
    from newsreel.newsroom.publishing import save_and_publish, save_draft

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    Article.objects.all().delete()
    started = time.perf_counter()
    for n in range(args.background):
        save_and_publish(ArticleDraft(headline=f"Background story {n}", body=f"Festival report number {n}.\n",
                                      section="news", tags=["Festivals"]), origin="bench")
    print(f"{args.background} live stories published in {time.perf_counter() - started:.1f} s "
          f"({'PostgreSQL' if args.database_url else 'SQLite'}, data in {folder})")

    worker = subprocess.Popen([sys.executable, "-m", "newsreel.cli", "worker"], env=os.environ.copy(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        first = clock.now() + dt.timedelta(seconds=args.lead)
        minutes: dict[int, dt.datetime] = {}
        for n in range(args.stories):
            article = save_draft(ArticleDraft(headline=f"Embargoed story {n}", body=f"The embargo lifts, part {n}.\n",
                                              section="news", tags=["Festivals"]), origin="bench")
            at = first + dt.timedelta(seconds=n * args.spacing)
            scheduling.schedule(article, at=at)
            minutes[article.pk] = at
        print(f"{args.stories} stories scheduled, one every {args.spacing:g} s from {first:%H:%M:%S} UTC; worker pid {worker.pid}")

        seen: dict[int, dt.datetime] = {}
        deadline = time.monotonic() + args.lead + args.stories * args.spacing + 120
        while len(seen) < len(minutes) and time.monotonic() < deadline:
            now = clock.now()
            for pk in Article.objects.filter(pk__in=[pk for pk in minutes if pk not in seen], state="published") \
                    .values_list("pk", flat=True):
                seen[pk] = now
            time.sleep(0.05)
    finally:
        os.kill(worker.pid, signal.SIGTERM)
        worker.wait(timeout=60)

    claimed_at = dict(Article.objects.filter(pk__in=minutes).values_list("pk", "went_live_at"))
    claimed = [(claimed_at[pk] - at).total_seconds() for pk, at in minutes.items() if claimed_at.get(pk)]
    live = [(seen[pk] - at).total_seconds() for pk, at in minutes.items() if pk in seen]
    missing = len(minutes) - len(live)
    print(f"{'':8} {'p50':>8} {'p95':>8} {'max':>8}   (seconds after the story's minute, {len(live)} stories)")
    for name, values in (("claimed", claimed), ("live", live)):
        if values:
            print(f"{name:8} {statistics.median(values):8.2f} {percentile(values, 0.95):8.2f} {max(values):8.2f}")
    if missing:
        print(f"{missing} stories did not go live within the wait")
    verdict = "meets" if live and not missing and percentile(live, 0.95) < 60 else "MISSES"
    print(f"p95 live {percentile(live, 0.95) if live else float('nan'):.2f} s: {verdict} the target (< 60 s)")


if __name__ == "__main__":
    main()
