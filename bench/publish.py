#!/usr/bin/env python3
"""Publishing one article into a 10,000-article site, with everything it re-renders.

Builds a scratch newsroom from the anchors' corpus (`../shared/anchors/make_corpus.py`):
the first `--articles` records go through the JSON Lines importer (the one intake,
`save_and_publish`, one transaction per article). For setup speed the shared pages are
not rendered during the import; then every page a live site would hold is stored once
(articles, lists, films, people, feeds, sitemaps: the worst case for a publish). The
measured publishes render or drop every stored page they touch, as on a live site.

Then it times `--publishes` new articles (the corpus records after the imported ones)
and `--updates` edits of existing articles, each through `save_and_publish`, in three
passes, re-warming the site before each: NEWSREEL_PUBLISH_RENDERS=everything; the default
'front'; and 'front' again with every page a publish dropped requested before the next
publish (timed apart: readers pay for those renders later, the publish does not). Prints
p50/p95 with a breakdown: the text core, each receiver of `article_published` (the
public site's page refresh and the search index), inside the page refresh each page
family and each registered refresher, and the rest (validation and database writes).

    .venv/bin/python bench/publish.py [--articles 10000] [--publishes 30] [--updates 5]
        [--site DIR]  (keep the built site in DIR and reuse it on the next run)
        [--profile FILE.prof]  (cProfile of the measured publishes, for snakeviz/pstats)
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import weakref
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANCHORS = (ROOT.parent / "shared" / "anchors").resolve()
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--publishes", type=int, default=30)
    parser.add_argument("--updates", type=int, default=5)
    parser.add_argument("--site", type=Path, help="data folder to build once and reuse (default: a scratch folder)")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the measured publishes here")
    parser.add_argument("--renders", choices=["both", "front", "everything"], default="both",
                        help="NEWSREEL_PUBLISH_RENDERS to measure (default: both, one after the other)")
    args = parser.parse_args()

    site = args.site or Path(tempfile.mkdtemp(prefix="newsreel-bench-publish-"))
    site.mkdir(parents=True, exist_ok=True)
    os.environ["NEWSREEL_DATA_DIR"] = str(site)
    os.environ["NEWSREEL_DEBUG"] = "false"
    os.environ.setdefault("NEWSREEL_SITE_URL", "http://127.0.0.1:8000")
    os.environ.pop("DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsreel.settings"
    try:
        run(args, site)
    finally:
        if not args.site:
            shutil.rmtree(site, ignore_errors=True)


def run(args: argparse.Namespace, site: Path) -> None:
    import django

    django.setup()
    from newsreel.cli import ensure_migrated

    ensure_migrated()
    # Pages name hashed static files: collect them now, as `newsreel serve` does on start.
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)

    from newsreel.newsroom.models import Article

    records = corpus(site, args.articles + args.publishes)
    # A reused site: articles an earlier run published are removed, to be new again.
    setup_slugs = {json.loads(line)["slug"] for line in records[:args.articles]}
    forget_new(setup_slugs)
    have = Article.objects.count()
    if have < args.articles:
        build_site(site, records[have:args.articles])
    elif have > args.articles:
        raise SystemExit(f"{site} holds {have} articles, more than --articles {args.articles}; use another --site")

    from newsreel.importers.jsonl import parse_line
    from newsreel.newsroom.intake import ArticleDraft

    def draft(line: str, number: int) -> ArticleDraft:
        fields = parse_line(line, number, media_base="http://127.0.0.1:8000").fields
        fields.pop("body_origin_lines", None)
        return ArticleDraft(**fields)

    new = [draft(records[args.articles + i], args.articles + i + 1) for i in range(args.publishes)]
    updates = []
    for index in range(args.updates):
        line = records[args.articles - 1 - index * 97]
        edited = draft(line, args.articles - index * 97)
        edited.body += f"\n\nUpdate {time.time_ns()}: the studio confirmed the date.\n"
        updates.append(edited)

    from django.conf import settings

    timer = Breakdown()
    timer.install()
    profile = cProfile.Profile() if args.profile else None
    results = []
    for mode, refill in PASSES:
        if args.renders != "both" and mode != args.renders:
            continue
        settings.PUBLISH_RENDERS = mode
        forget_new(setup_slugs)
        warm_site(site)  # pages the previous pass dropped are stored again
        new_rows = measure(new, timer, profile, update=False, refill=refill)
        update_rows = measure(updates, timer, profile, update=True, refill=refill)
        label = f"NEWSREEL_PUBLISH_RENDERS={mode}" + (", every dropped page requested before the next publish"
                                                       if refill else "")
        results.append((label, new_rows, update_rows))
    if profile:
        profile.dump_stats(str(args.profile))
    print(f"\nSite: {Article.objects.count():,} articles; refreshers registered: {', '.join(timer.refresher_names) or 'none'}")
    for label, new_rows, update_rows in results:
        report(f"new article, {label}", new_rows)
        report(f"update, {label}", update_rows)


# (NEWSREEL_PUBLISH_RENDERS, request every dropped page between publishes): the default
# mode is measured twice, once as a site whose long tail is not read between two publishes
# and once as one where every page the publish dropped is read again before the next (the
# worst case: the next publish drops them again, and their refills fill the write-ahead log).
PASSES = (("everything", False), ("front", False), ("front", True))


def forget_deep_pages() -> None:
    """The export stores every page of every list; a server never stores those past STORED_PAGES."""
    import re

    from newsreel.public.listing_refresh import STORED_PAGES
    from newsreel.public.models import StoredPage

    page = re.compile(r"/page/([0-9]+)/$")
    deep = [path for path in StoredPage.objects.values_list("path", flat=True)
            if (found := page.search(path)) and int(found.group(1)) > STORED_PAGES]
    for start in range(0, len(deep), 500):
        StoredPage.objects.filter(path__in=deep[start:start + 500]).delete()


def forget_new(setup_slugs: set[str]) -> None:
    """Remove articles an earlier run (or mode) published, so they are new again."""
    from newsreel.newsroom.models import Article

    extra = [pk for pk, slug in Article.objects.values_list("pk", "slug") if slug not in setup_slugs]
    Article.objects.filter(pk__in=extra).delete()


def corpus(site: Path, count: int) -> list[str]:
    path = site / f"corpus-{count}" / "articles.jsonl"
    if not path.exists():
        subprocess.run([sys.executable, str(ANCHORS / "make_corpus.py"), "-n", str(count), "--out", str(path.parent),
                        "--formats", "jsonl"], check=True, stdout=subprocess.DEVNULL)
    return path.read_text(encoding="utf-8").splitlines()


def build_site(site: Path, lines: list[str]) -> None:
    """Import through the one intake, without rendering shared pages (setup speed only)."""
    from newsreel.importers.runner import Progress, import_items, jsonl_items
    from newsreel.public import refresh

    source = site / "setup.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.monotonic()
    real = refresh._refresh_affected
    refresh._refresh_affected = lambda affected: None
    try:
        report = import_items(jsonl_items(source, media_base="http://127.0.0.1:8000"), total=len(lines),
                              progress=Progress(len(lines), label="setup: imported"), render_at_end=True)
    finally:
        refresh._refresh_affected = real
    if report.failed:
        print("\n".join(report.failures[:20]), file=sys.stderr)
        raise SystemExit(f"setup: {report.failed} articles failed to import")
    print(f"setup: {len(lines)} articles in {time.monotonic() - started:.0f} s", file=sys.stderr)


def warm_site(site: Path) -> None:
    """Store every page a live site would hold (the worst case for a publish), once per site.

    A site that has been read for a while has every article, list, film, person, feed and
    sitemap page stored; a publish must re-render or drop each one it touches. The marker
    file records that this site was warmed (articles removed from an earlier run left
    pages behind that the next publishes overwrite).
    """
    from django.db import transaction

    from newsreel.public import refresh
    from newsreel.public.export import render_missing_pages

    marker = site / "warmed"
    started = time.monotonic()
    count = 0
    if not marker.exists():
        with transaction.atomic():
            count = refresh.refresh_everything()
    count += render_missing_pages(progress=lambda message: print(f"\rwarm: {message}", end="", file=sys.stderr))
    forget_deep_pages()
    marker.write_text(f"{count} pages\n", encoding="utf-8")
    print(f"\nwarm: {count} pages stored in {time.monotonic() - started:.0f} s", file=sys.stderr)


class Breakdown:
    """Wraps the publishing path's parts with timers (measurement only)."""

    def __init__(self) -> None:
        self.current: dict[str, float] = defaultdict(float)
        self.refresher_names: list[str] = []
        self.depth: dict[str, int] = {}

    def wrap(self, owner, name: str, label: str, depth: int):
        original = getattr(owner, name)
        wrapped = self.timed(original, label, depth)
        setattr(owner, name, wrapped)

    def timed(self, function, label: str, depth: int):
        self.depth[label] = depth
        current = self.current

        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                current[label] += time.perf_counter() - started
        wrapper.__wrapped__ = function
        return wrapper

    def install(self) -> None:
        from newsreel.newsroom import publishing
        from newsreel.newsroom.signals import article_published
        from newsreel.public import refresh

        self.wrap(publishing, "_process", "text core", 1)
        for name in ("refresh_article", "refresh_home", "refresh_section", "refresh_author", "refresh_film", "refresh_person"):
            self.wrap(refresh, name, f"page refresh: {name.removeprefix('refresh_')} pages", 2)
        refresh.EXTRA_REFRESHERS[:] = [
            self.timed(function, f"refresher: {function.__module__.removeprefix('newsreel.')}.{function.__name__}", 2)
            for function in refresh.EXTRA_REFRESHERS
        ]
        self.refresher_names = [f.__wrapped__.__module__ + "." + f.__wrapped__.__name__ for f in refresh.EXTRA_REFRESHERS]
        # Every receiver of article_published (the page refresh, the search index, ...).
        with article_published.lock:
            receivers = []
            for key, receiver, is_async in article_published.receivers:
                function = receiver() if isinstance(receiver, weakref.ReferenceType) else receiver
                if function is None:
                    continue
                label = f"receiver: {function.__module__.removeprefix('newsreel.')}.{function.__name__}"
                receivers.append((key, self.timed(function, label, 1), is_async))
            article_published.receivers[:] = receivers
            article_published.sender_receivers_cache.clear()

    def take(self) -> dict[str, float]:
        taken = dict(self.current)
        self.current.clear()
        return taken


def measure(drafts, timer: Breakdown, profile, *, update: bool, refill: bool) -> list[dict[str, float]]:
    """Time each publish; with `refill`, also the next request of every page it dropped."""
    from newsreel.newsroom.models import Article
    from newsreel.newsroom.publishing import save_and_publish
    from newsreel.public.models import StoredPage

    rows = []
    for draft in drafts:
        existing = Article.objects.get(slug=draft.slug) if update else None
        before = set(StoredPage.objects.values_list("path", flat=True)) if refill else set()
        timer.take()
        if profile:
            profile.enable()
        started = time.perf_counter()
        save_and_publish(draft, article=existing, origin="bench")
        total = time.perf_counter() - started
        if profile:
            profile.disable()
        parts = timer.take()
        outer = sum(value for label, value in parts.items() if timer.depth.get(label) == 1)
        row = {"total": total, **parts, "validation and database writes (the rest)": total - outer}
        if refill:
            row.update(refill_dropped(before))
        rows.append(row)
    return rows


REFILL = "after the publish: next request of each dropped page"


def refill_dropped(before: set[str]) -> dict[str, float]:
    """Request every page the publish dropped (not timed as part of it), as readers would."""
    from django.test import Client

    from newsreel.public.models import StoredPage

    dropped = sorted(before - set(StoredPage.objects.values_list("path", flat=True)))
    client = Client()
    started = time.perf_counter()
    for path in dropped:
        client.get(path)
    return {REFILL: time.perf_counter() - started, f"{REFILL} (pages)": len(dropped) / 1000}


def report(title: str, rows: list[dict[str, float]]) -> None:
    if not rows:
        return
    labels = ["total"] + sorted({label for row in rows for label in row} - {"total"}, key=_order)
    print(f"\n### publishing: {title} (n={len(rows)}, ms)\n")
    print("| part | p50 | p95 | mean |")
    print("|---|---|---|---|")
    for label in labels:
        values = sorted(row.get(label, 0.0) * 1000 for row in rows)
        p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
        name = label if label == "total" or not label.startswith(("page refresh", "refresher")) else "&nbsp;&nbsp;" + label
        if label.endswith("(pages)"):  # a count, not a time
            print(f"| {name} | {statistics.median(values):.0f} | {p95:.0f} | {statistics.fmean(values):.1f} |")
            continue
        print(f"| {name} | {statistics.median(values):.1f} | {p95:.1f} | {statistics.fmean(values):.1f} |")


def _order(label: str) -> tuple:
    return (label.startswith("after the publish"), "text core" not in label,
            "receiver" not in label and "refresh" not in label, label)


if __name__ == "__main__":
    main()
