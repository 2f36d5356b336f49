#!/usr/bin/env python3
"""The desk's story list at 100,000 stories: list, filter and search latency, p50 and p95.

Fills a scratch database in bulk: bare Article rows (drafts, published, unpublished and a
few in the trash, over five years), one Revision each holding the words (headline, dek and
a body of invented words mixed with everyday film-news words), authors, section, and the
films and people the text core would have found; then indexes them with the desk's own
indexing code (`newsreel.desk.story_index.index_articles`, in batches), exactly what a
save writes. It does not run the text core or publish (hours at this size, measured
elsewhere). Then it runs each request of a mix (the plain list, each sort, deep pages, each
filter, and searches for a common word, a rare one, a phrase and a word nobody wrote, some
with filters) `--rounds` times, shuffled, and prints p50/p95 in milliseconds, each request's
and each group's, with the machine's load average before and after:

    query     find_stories(...) paged: the count (up to 10,000) and the page's rows
    view      Django test client GET /desk/?... as a signed-in editor (middleware, form,
              queries, template): what the target (p95 under 100 ms) is about
    cpu       the CPU time the view cost: this process's, plus on PostgreSQL the server
              process's for this connection (from /proc, when the server runs on this
              machine). On a shared machine the wall clock adds the wait for a core; the CPU
              time is what the request costs whatever else runs

SQLite always (in a temporary data folder); PostgreSQL too when DATABASE_URL is set: the
script then creates its own database `<name>_deskbench` on that server (dropped first if
there) and never writes to the database DATABASE_URL names.

    .venv/bin/python bench/desk_list.py [--stories 100000] [--words 250] [--rounds 20]
                                        [--only sqlite|postgresql]
                                        [--data-dir DIR (keep and reuse the SQLite scratch data)]
                                        [--reuse-postgres (keep the PostgreSQL scratch database)]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PIECES = ["ka", "lo", "ri", "ven", "mar", "tel", "os", "an", "dru", "sel", "po", "quin", "ar", "ith", "mo",
          "ne", "sha", "tor", "ul", "bre", "ca", "dim", "fe", "gor", "hal", "jun", "lek", "nor", "pra", "sto"]
EVERYDAY = ("film festival director premiere cast trailer review interview season studio office sequel camera "
            "actor release theaters streaming screenplay award jury opening weekend drama comedy horror "
            "documentary animation score shoot production debut audience critics distributor").split()
SECTIONS = [("news", "News"), ("reviews", "Reviews"), ("features", "Features"), ("interviews", "Interviews")]
# The share of each state among the stories (a newsroom's archive is mostly published).
STATES = [("published", 0.70), ("draft", 0.20), ("unpublished", 0.07), ("deleted", 0.03)]


class Words:
    """Deterministic invented text: Zipf-distributed made-up words plus everyday film words."""

    def __init__(self, seed: int = 5, size: int = 30_000):
        self.rng = random.Random(seed)
        made_up: set[str] = set()
        while len(made_up) < size:
            made_up.add("".join(self.rng.choice(PIECES) for _ in range(self.rng.randint(2, 4))))
        self.words = EVERYDAY + sorted(made_up)
        total, self.cumulative = 0.0, []
        for rank in range(len(self.words)):
            total += 1.0 / (rank + 1) ** 1.05
            self.cumulative.append(total)
        pick = lambda n, start: [" ".join(w.capitalize() for w in self.rng.sample(self.words[start:], 2)) for _ in range(n)]  # noqa: E731
        self.films = [(f"film-{n}", name) for n, name in enumerate(pick(2000, 2000))]
        self.people = [(f"person-{n}", name) for n, name in enumerate(pick(4000, 3000))]
        self.authors = pick(60, 5000)

    def text(self, count: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.cumulative, k=count))


def fill(stories: int, words: int, corpus: Words) -> None:
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from newsreel.desk.story_index import index_articles
    from newsreel.films.models import Film, Person
    from newsreel.newsroom.models import Article, Author, Revision, Section, TrashedArticle

    rng = corpus.rng
    sections = [Section.objects.get_or_create(slug=slug, defaults={"name": name})[0] for slug, name in SECTIONS]
    Film.objects.bulk_create([Film(key=key, title=title) for key, title in corpus.films], ignore_conflicts=True)
    Person.objects.bulk_create([Person(key=key, name=name) for key, name in corpus.people], ignore_conflicts=True)
    Author.objects.bulk_create([Author(slug=slugify(name), name=name) for name in corpus.authors], ignore_conflicts=True)
    states, weights = zip(*STATES)
    now = timezone.now()
    # Each story's own last-update time (five years of them), written as given: the bench
    # writes rows in bulk, not through saves, so auto_now must not stamp them all "now".
    Article._meta.get_field("updated_at").auto_now = False
    next_id = (Article.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    batch = 2000
    started = time.perf_counter()
    for start in range(0, stories, batch):
        with transaction.atomic():
            articles, contents = [], []
            for n in range(start, min(start + batch, stories)):
                state = rng.choices(states, weights)[0]
                updated = now - dt.timedelta(minutes=rng.randint(0, 5 * 365 * 24 * 60))
                published = updated - dt.timedelta(minutes=rng.randint(0, 600)) if state != "draft" else None
                section = rng.choice(sections)
                films = rng.sample(corpus.films[:500] if rng.random() < 0.7 else corpus.films, rng.randint(0, 3))
                people = rng.sample(corpus.people[:800] if rng.random() < 0.7 else corpus.people, rng.randint(0, 3))
                content = {
                    "headline": corpus.text(8).capitalize(), "dek": corpus.text(14), "body": corpus.text(words),
                    "slug": f"desk-bench-{n}", "section": section.slug,
                    "authors": rng.sample(corpus.authors, rng.choice((1, 1, 1, 2))),
                }
                derived = {"mentions": [["film", key, 0, 1, title, False] for key, title in films]
                           + [["person", key, 0, 1, name, False] for key, name in people]}
                # Article n and its one revision share an id: each names the other as it is
                # written (the foreign keys are checked at commit on both databases).
                pk = next_id + n
                articles.append(Article(
                    pk=pk, headline=content["headline"], slug=content["slug"], body="", state=state, section=section,
                    published_at=published, first_published_at=published, updated_at=updated,
                    latest_revision_id=pk, live_revision_id=pk if published else None))
                contents.append(Revision(pk=pk, article_id=pk, number=1, origin="bench", content=content,
                                         derived=derived))
            Article.objects.bulk_create(articles)
            Revision.objects.bulk_create(contents)
            TrashedArticle.objects.bulk_create(
                TrashedArticle(article=article, deleted_at=article.updated_at, state_before="published")
                for article in articles if article.state == "deleted")
            index_articles(articles)
        done = min(start + batch, stories)
        if done % 20_000 == 0 or done == stories:
            print(f"  {done:>7} stories written and indexed ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO desk_story_fts(desk_story_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
        else:
            cursor.execute("VACUUM ANALYZE desk_storyentry")
            cursor.execute("VACUUM ANALYZE desk_storyfacet")


def request_mix(corpus: Words, stories: int) -> list[tuple[str, str, dict]]:
    """What editors ask the list for: (group, name, GET parameters), the same on every database.

    The groups are what the target names: the plain list, each sort, deep pages, each filter,
    and searches for a common word, a rare one, a phrase and a word no story holds."""
    from django.utils.text import slugify

    rng = random.Random(13)
    middling = corpus.words[len(EVERYDAY) + 200:len(EVERYDAY) + 2000]
    rare = corpus.words[len(EVERYDAY) + 12_000:]
    film_key, film_title = corpus.films[4]
    person_key, _ = corpus.people[7]
    pages = max(7, -(-int(stories * 0.97) // 25))  # the trash (3 %) is not listed
    return [
        ("list", "newest first", {}),
        ("list", "page 2", {"page": "2"}),
        ("sort", "publication date", {"sort": "published"}),
        ("sort", "headline", {"sort": "headline"}),
        ("deep", "page 40 by number", {"page": "40"}),
        ("deep", f"page {pages - 5:,} (near the end) by number", {"page": str(pages - 5)}),
        ("deep", f"page {pages - 5:,} from Next", _from_next("updated", pages - 5)),
        ("deep", f"page {pages - 5:,} from Previous", _from_previous("updated", pages - 5)),
        ("deep", f"page {pages - 5:,} by publication date from Next", _from_next("published", pages - 5)),
        ("deep", f"page {min(400, pages - 5):,} by headline from Next", _from_next("headline", min(400, pages - 5))),
        ("filter", "state: draft", {"state": "draft"}),
        ("filter", "state: published, by publication date", {"state": "published", "sort": "published"}),
        ("filter", "state: unpublished changes (none)", {"state": "changes"}),
        ("filter", "section", {"section": "reviews"}),
        ("filter", "author", {"author": slugify(corpus.authors[3])}),
        ("filter", "film by key", {"film": film_key}),
        ("filter", "film by title", {"film": film_title}),
        ("filter", "rare film, by headline", {"film": corpus.films[1500][0], "sort": "headline"}),
        ("filter", "person", {"person": person_key}),
        ("filter", "rare person, unpublished", {"person": corpus.people[3000][0], "state": "unpublished"}),
        ("filter", "updated in a quarter", {"since": "2025-01-01", "until": "2025-03-31"}),
        ("filter", "published in a month", {"dates": "published", "since": "2024-06-01", "until": "2024-06-30",
                                            "sort": "published"}),
        ("filter", "draft in a section", {"state": "draft", "section": "news"}),
        ("filter", "section, author, state", {"section": "features", "author": slugify(corpus.authors[10]),
                                              "state": "published"}),
        ("search", "common word", {"q": "film"}),
        ("search", "two common words", {"q": "festival premiere"}),
        ("search", "middling word", {"q": rng.choice(middling)}),
        ("search", "two middling words", {"q": f"{rng.choice(middling)} {rng.choice(middling)}"}),
        ("search", "rare word", {"q": rng.choice(rare)}),
        ("search", "prefix as typed", {"q": rng.choice(middling)[:4]}),
        ("search", "phrase", {"q": '"festival premiere"'}),
        ("search", "no match", {"q": "zzyzx"}),
        ("search", "common word, page 3 by publication date", {"q": "award", "sort": "published", "page": "3"}),
        ("search", "common word, by headline", {"q": "director", "sort": "headline"}),
        ("search", "common word, drafts", {"q": "review", "state": "draft"}),
        ("search", "common word, section", {"q": "trailer", "section": "news"}),
        ("search", "common word, a year", {"q": "cast", "since": "2025-01-01", "until": "2025-12-31"}),
        ("search", "middling word, film", {"q": rng.choice(middling), "film": film_key}),
        ("search", "punctuation only", {"q": "((( AND 🎬 NEAR"}),
    ]


def _from_next(sort: str, number: int, per_page: int = 25) -> dict:
    """The address the Next link of page `number - 1` gives (it names that page's last story)."""
    from newsreel.desk.search import StoryQuery, find_stories, position_of

    last = find_stories(StoryQuery(sort=sort))[(number - 1) * per_page - 1]
    return {"sort": sort, "page": str(number), "after": position_of(last, sort).token()}


def _from_previous(sort: str, number: int, per_page: int = 25) -> dict:
    """The address the Previous link of page `number + 1` gives (it names that page's first story)."""
    from newsreel.desk.search import StoryQuery, find_stories, position_of

    first = find_stories(StoryQuery(sort=sort))[number * per_page]
    return {"sort": sort, "page": str(number), "before": position_of(first, sort).token()}


def percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f}, {five:.2f}, {fifteen:.2f} on {os.cpu_count()} cores"


def measure(mix: list[tuple[str, str, dict]], rounds: int) -> dict[tuple[str, str, str], dict[str, list[float]]]:
    """Each request `rounds` times in a shuffled order: the query alone (the count and the
    page's rows) and the whole view (GET /desk/ through every middleware, as a signed-in
    editor); wall-clock and CPU milliseconds (this process's, plus the PostgreSQL server
    process's when it runs here)."""
    from django.contrib.auth.models import Group, User
    from django.test import Client

    from newsreel.desk.paging import page_number, story_page
    from newsreel.desk.search import counter, find_stories, parse_position, planned
    from newsreel.desk.views.listing import STORIES_PER_PAGE, StoryFilterForm

    editor, _ = User.objects.get_or_create(username="bench-editor")
    editor.groups.add(Group.objects.get(name="editor"))
    client = Client()
    client.force_login(editor)

    def query(params: dict) -> int:
        form = StoryFilterForm(params)
        if not form.is_valid():
            return 0
        query = form.story_query(None)
        entries = find_stories(query).select_related("section", "created_by")
        return len(story_page(entries, query.sort, page_number(params.get("page")), STORIES_PER_PAGE,
                              after=parse_position(params.get("after"), query.sort),
                              before=parse_position(params.get("before"), query.sort),
                              planned=lambda counted: planned(query, counted), count=counter(query)).object_list)

    server_cpu = _server_cpu_clock()
    for group, name, params in mix:  # warm the caches and the connection
        query(params)
        assert client.get("/desk/", params).status_code in (200, 400), params
    samples: dict[tuple[str, str, str], dict[str, list[float]]] = {}
    rng = random.Random(3)
    for _ in range(rounds):
        order = list(mix)
        rng.shuffle(order)
        for group, name, params in order:
            times = samples.setdefault((group, name, " ".join(f"{k}={v[:20]}" for k, v in params.items())),
                                       {"query": [], "view": [], "view cpu": []})
            started = time.perf_counter()
            query(params)
            times["query"].append((time.perf_counter() - started) * 1000)
            started, cpu, server = time.perf_counter(), time.process_time(), server_cpu()
            response = client.get("/desk/", params)
            times["view"].append((time.perf_counter() - started) * 1000)
            times["view cpu"].append((time.process_time() - cpu + server_cpu() - server) * 1000)
            assert response.status_code in (200, 400), (params, response.status_code)
    return samples


def _server_cpu_clock():
    """Seconds of CPU the database server's process for this connection has used, read from
    /proc when PostgreSQL runs on this machine (SQLite works inside this process: 0)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return lambda: 0.0
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        path = Path(f"/proc/{cursor.fetchone()[0]}/schedstat")
    try:
        path.read_text()
    except OSError:
        print("the PostgreSQL server's CPU time is not readable here: 'cpu' counts this process only",
              file=sys.stderr)
        return lambda: 0.0
    return lambda: int(path.read_text().split()[0]) / 1e9


def run(label: str, args: argparse.Namespace) -> None:
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    print(f"\n== {label}: {args.stories:,} stories, ~{args.words} words each", file=sys.stderr)
    call_command("migrate", interactive=False, verbosity=0)
    from newsreel.desk.models import StoryEntry

    corpus = Words()
    started = time.perf_counter()
    if StoryEntry.objects.count() != args.stories:
        fill(args.stories, args.words, corpus)
    build = time.perf_counter() - started
    call_command("collectstatic", interactive=False, verbosity=0)
    mix = request_mix(corpus, args.stories)
    before = load()
    samples = measure(mix, args.rounds)
    after = load()
    print(f"\ndesk story list on {connection.vendor}, {StoryEntry.objects.count():,} stories "
          f"(written and indexed in {build:.0f} s), {len(mix)} requests x {args.rounds} rounds")
    print(f"machine: {before} before, {after} after")
    print("milliseconds; query = count and page rows; view = GET /desk/ whole (wall clock, and CPU)")
    header = f"{'':<52} {'query p50':>9} {'p95':>7} {'view p50':>9} {'p95':>7} {'cpu p50':>8} {'p95':>7}"
    groups: dict[str, dict[str, list[float]]] = {}
    print(header)
    for (group, name, params), times in samples.items():
        for kind, values in times.items():
            groups.setdefault(group, {}).setdefault(kind, []).extend(values)
    for group in dict.fromkeys(g for g, _, _ in mix):
        print(_row(f"{group} (all)", groups[group]))
        for (g, name, params), times in samples.items():
            if g == group:
                print(_row(f"  {name}", times))
    over = [(g, n) for (g, n, _), t in samples.items() if percentile(t["view"], .95) >= 100]
    print(f"view p95 at or over 100 ms: {', '.join(f'{g}: {n}' for g, n in over) if over else 'none'}")


def _row(name: str, times: dict[str, list[float]]) -> str:
    q, v, c = times["query"], times["view"], times["view cpu"]
    return (f"{name[:52]:<52} {percentile(q, .5):>9.1f} {percentile(q, .95):>7.1f} {percentile(v, .5):>9.1f} "
            f"{percentile(v, .95):>7.1f} {percentile(c, .5):>8.1f} {percentile(c, .95):>7.1f}")


def scratch_postgres(url: str, reuse: bool = False) -> str:
    """Create `<name>_deskbench` afresh on the server DATABASE_URL names (or keep it, with
    `reuse`); return its URL."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = (parts.path.lstrip("/") or "newsreel") + "_deskbench"
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not (reuse and exists):
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path="/" + name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=250, help="words in each story's body")
    parser.add_argument("--rounds", type=int, default=20, help="times each request of the mix runs")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="run one database only")
    parser.add_argument("--data-dir", help="keep the SQLite scratch data here and reuse it on the next run")
    parser.add_argument("--reuse-postgres", action="store_true",
                        help="keep the PostgreSQL scratch database of an earlier run when it exists")
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "newsreel.settings"
    database_url = os.environ.pop("DATABASE_URL", "")
    targets = [t for t in ("sqlite", "postgresql") if args.only in (None, t)]
    if not database_url.startswith("postgres"):
        targets = [t for t in targets if t != "postgresql"]
    if len(targets) > 1:  # one process per database: Django reads its settings once
        import subprocess

        for target in targets:
            subprocess.run([sys.executable, __file__, *sys.argv[1:], "--only", target],
                           env=dict(os.environ, DATABASE_URL=database_url), check=True)
        return
    with tempfile.TemporaryDirectory(prefix="newsreel-deskbench-") as folder:
        os.environ["NEWSREEL_DATA_DIR"] = args.data_dir or folder
        if targets == ["postgresql"]:
            os.environ["DATABASE_URL"] = scratch_postgres(database_url, reuse=args.reuse_postgres)
            # One process signs sessions here; a scratch key is enough (never the server's own).
            os.environ.setdefault("NEWSREEL_SECRET_KEY", "desk-bench-scratch-" + "x" * 40)
            run("PostgreSQL", args)
        elif targets == ["sqlite"]:
            run("SQLite", args)
        else:
            raise SystemExit("nothing to run: --only postgresql needs DATABASE_URL=postgres://...")


if __name__ == "__main__":
    main()
