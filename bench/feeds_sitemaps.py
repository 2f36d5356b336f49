"""What feeds and sitemaps cost: rendering each, and what they add to one publish.

    NEWSREEL_DATA_DIR=/path/to/site .venv/bin/python bench/feeds_sitemaps.py [--runs 15]

Point NEWSREEL_DATA_DIR at a copy of an imported site (bench/export.py builds a
10,000-article one from the anchors' corpus); the script publishes into it. Prints the
median and p95 in milliseconds of:

- each feed format for the site (items built afresh each run) and for a section;
- the sitemap index, one full articles part, the news sitemap;
- the feeds' and the sitemaps' refreshers for one publish (they drop what the story
  touched, and re-render the news sitemap), with the site's, the story's section, tag and
  author feeds and its articles part stored (as after readers asked);
- save_and_publish of one story with all refreshers, and without the feeds' and
  sitemaps' (the difference is what they add to a publish).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreel.settings")


def timed(function: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """Median and p95 wall time and median CPU time of `function`, in milliseconds.

    CPU time is this process's own: on a busy machine it says what the work costs when
    wall time also counts waiting for a core.
    """
    walls, cpus = [], []
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    walls.sort()
    return statistics.median(walls), walls[min(len(walls) - 1, round(0.95 * (len(walls) - 1)))], statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    if not os.environ.get("NEWSREEL_DATA_DIR"):
        sys.exit("set NEWSREEL_DATA_DIR to a copy of an imported site (the bench publishes into it)")

    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # article pages name static files

    from newsreel.newsroom.intake import ArticleDraft
    from newsreel.newsroom.models import Article, Section
    from newsreel.newsroom.publishing import save_and_publish
    from newsreel.public import refresh
    from newsreel.public.feeds.formats import FORMATS, render_feed
    from newsreel.public.feeds.scopes import scope_for, site_scope
    from newsreel.public.feeds.stored import refresh_feeds_for, refresh_scope
    from newsreel.public.pages.queries import live_articles
    from newsreel.public.sitemaps import families, index, news
    from newsreel.public.sitemaps.families import FAMILIES, part_of
    from newsreel.public.sitemaps.stored import refresh_index, refresh_part, refresh_sitemaps_for

    live = live_articles().count()
    latest = live_articles().first()
    if latest is None:
        sys.exit("the site has no published story")
    section = latest.section or Section.objects.first()
    print(f"site: {live} live stories, {families.URLS_PER_FILE} URLs per sitemap part, {args.runs} runs each")
    rows: list[tuple[str, float, float, float]] = []

    for name, fmt in FORMATS.items():
        rows.append((f"site feed, {name}", *timed(lambda fmt=fmt: render_feed(site_scope(), fmt), args.runs)))
    rows.append(("site feeds, all three formats (refill)", *timed(lambda: refresh_scope(site_scope()), args.runs)))
    section_scope = scope_for("section", section.slug)
    rows.append(("section feed, all three formats", *timed(lambda: refresh_scope(section_scope), args.runs)))
    rows.append(("sitemap index", *timed(index.render_index, args.runs)))
    part = part_of(latest.pk)
    count = len(FAMILIES["articles"].entries(part))
    rows.append((f"articles part ({count} URLs)", *timed(lambda: FAMILIES["articles"].entries(part), max(3, args.runs // 3))))
    rows.append(("news sitemap", *timed(news.render_news, args.runs)))

    # Stored as after readers asked for them: the feeds the story touches, its sitemap part.
    affected = refresh.Affected(section_ids={section.pk}, tag_ids=set(latest.tags.values_list("pk", flat=True)),
                                author_ids=set(latest.authors.values_list("pk", flat=True)), changed_ids={latest.pk})
    for scope in [site_scope(), section_scope]:
        refresh_scope(scope)
    refresh_feeds_for(refresh.Affected(**{**affected.__dict__, "changed_ids": set()}))  # rebuild: tags, authors
    refresh_index()
    refresh_part(FAMILIES["articles"], part)
    rows.append(("feeds refresher, one publish", *timed(lambda: refresh_feeds_for(affected), args.runs)))
    rows.append(("sitemaps refresher, one publish", *timed(lambda: refresh_sitemaps_for(affected), args.runs)))

    counter = iter(range(10**6))

    def publish_one() -> Article:
        n = next(counter)
        return save_and_publish(ArticleDraft(
            headline=f"Bench story {n} about a festival line-up", slug=f"bench-feeds-{os.getpid()}-{n}",
            body="The festival announced its line-up today. " * 40, section=section.slug, tags=["Festivals"],
            authors=["Bench Writer"],
        ), origin="bench")

    rows.append(("save_and_publish, everything", *timed(publish_one, args.runs)))
    mine = [refresh_feeds_for, refresh_sitemaps_for]
    kept = [r for r in refresh.EXTRA_REFRESHERS if r not in mine]
    saved = list(refresh.EXTRA_REFRESHERS)
    refresh.EXTRA_REFRESHERS[:] = kept
    try:
        rows.append(("save_and_publish, without feeds and sitemaps", *timed(publish_one, args.runs)))
    finally:
        refresh.EXTRA_REFRESHERS[:] = saved

    width = max(len(row[0]) for row in rows)
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'':{width}}  {'p50 ms':>8}  {'p95 ms':>8}  {'CPU p50':>8}")
    for name, p50, p95, cpu in rows:
        print(f"{name:{width}}  {p50:8.1f}  {p95:8.1f}  {cpu:8.1f}")


if __name__ == "__main__":
    main()
