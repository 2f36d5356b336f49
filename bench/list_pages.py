#!/usr/bin/env python3
"""Rendering the reader's list pages and related-article lists on a built site.

Point it at a data folder with articles in it (for example the one `bench/publish.py
--site DIR` builds and keeps) and it prints, for the largest section, tag, author and
month: the page-1 render, the count and slice queries behind it, the archive index, and
`related_articles` for the newest stories. Median of `--repeat` runs, in milliseconds.

    .venv/bin/python bench/list_pages.py --site DIR [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(function, repeat: int) -> float:
    function()  # warm caches (templates, statements)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="a Newsreel data folder with published articles")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if not (args.site / "newsreel.sqlite3").exists() and not os.environ.get("DATABASE_URL"):
        sys.exit(f"--site {args.site}: no newsreel.sqlite3 there (build one with bench/publish.py --site {args.site})")
    os.environ["NEWSREEL_DATA_DIR"] = str(args.site)
    os.environ["NEWSREEL_DEBUG"] = "false"
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsreel.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db.models import Count

    call_command("collectstatic", interactive=False, verbosity=0)  # pages name hashed static files

    from newsreel.newsroom.models import Article, Author, Section, Tag, WorkflowState
    from newsreel.public.pages.listings import render_archive_index, render_author, render_month, render_section, render_tag
    from newsreel.public.pages.queries import live_articles, month_articles, month_of, tag_articles
    from newsreel.public.pages.related import related_articles

    live = Article.objects.filter(state=WorkflowState.PUBLISHED)
    print(f"Site: {live.count():,} live articles, {Tag.objects.count():,} tags ({args.site})\n")
    section = Section.objects.annotate(n=Count("articles")).order_by("-n").first()
    tag = Tag.objects.annotate(n=Count("articles")).order_by("-n").first()
    author = Author.objects.annotate(n=Count("articles")).order_by("-n").first()
    newest = live_articles().first()
    year, month = month_of(newest.published_at)
    rows = []
    if section is not None and section.n:
        rows.append((f"section page 1 ({section.n:,} stories)", lambda: render_section(section)))
    rows += [
        (f"tag page 1 ({tag.n:,} stories)", lambda: render_tag(tag)),
        ("  tag count query", lambda: tag_articles(tag).count()),
        ("  tag page slice query", lambda: list(tag_articles(tag)[:20])),
        (f"author page 1 ({author.n:,} stories)", lambda: render_author(author)),
        (f"month page 1 ({month_articles(year, month).count():,} stories)", lambda: render_month(year, month)),
        ("archive index", render_archive_index),
    ]
    for article in live_articles()[:3]:
        rows.append((f"related_articles (story {article.pk})", lambda a=article: related_articles(a)))
    print("| what | median ms |\n|---|---|")
    for name, function in rows:
        print(f"| {name} | {timed(function, args.repeat):.1f} |")


if __name__ == "__main__":
    main()
