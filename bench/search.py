#!/usr/bin/env python3
"""Search latency over 100,000 articles: the backend call and the whole /search/ view.

Fills a scratch database with synthetic articles' *index rows* directly: bare Article
rows (the index's foreign key needs them) and their SearchDocument and SearchFacet rows,
written in bulk, the FTS5 table filled by its triggers (SQLite) or the match and vector
tables by theirs (PostgreSQL). It does not publish through the newsroom (the text core and page
rendering would take hours at this size and are measured elsewhere); what search reads is
exactly what publishing writes. Then it runs a mix of queries (common and rare words,
phrases, film and person names, prefixes, OR, exclusions, filters, later pages, junk) and
prints p50/p95/p99 in milliseconds for:

    backend   get_backend().search(SearchRequest(...))      the two SQL statements
    view      Django test client GET /search/?q=...         parsing, queries, template, ETag

SQLite always (in a temporary data folder); PostgreSQL too when DATABASE_URL is set: the
script then creates its own database `<name>_searchbench` on that server (dropped first
if there) and never writes to the database DATABASE_URL names.

    .venv/bin/python bench/search.py [--articles 100000] [--words 250] [--rounds 20] [--per-query]
                                     [--data-dir DIR (keep and reuse the SQLite scratch data)]
                                     [--reuse-postgres (keep the PostgreSQL scratch database)]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SYLLABLES = ["ka", "lo", "ri", "ven", "mar", "tel", "os", "an", "dru", "sel", "po", "quin", "ar", "ith", "mo",
             "ne", "sha", "tor", "ul", "bre", "ca", "dim", "fe", "gor", "hal", "jun", "lek", "nor", "pra", "sto"]
# Everyday film-news words, used often (they make the large result sets a real query hits).
COMMON = ("film festival director premiere cast trailer review interview season studio box office sequel "
          "camera actor actress release theaters streaming screenplay award jury opening weekend drama comedy "
          "horror documentary animation score edit shoot production debut audience critics distributor").split()
SECTIONS = [("news", "News"), ("reviews", "Reviews"), ("features", "Features"), ("interviews", "Interviews")]


def vocabulary(rng: random.Random, size: int) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class Corpus:
    """Deterministic synthetic text: Zipf-distributed invented words plus common film words."""

    def __init__(self, seed: int = 7, vocab: int = 30_000):
        self.rng = random.Random(seed)
        self.words = COMMON + vocabulary(self.rng, vocab)
        weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        self.cum = []
        total = 0.0
        for weight in weights:
            total += weight
            self.cum.append(total)
        self.films = [(f"film-{n}", " ".join(w.capitalize() for w in self.rng.sample(self.words[2000:], 2)))
                      for n in range(2000)]
        self.people = [(f"person-{n}", " ".join(w.capitalize() for w in self.rng.sample(self.words[3000:], 2)))
                       for n in range(4000)]

    def text(self, count: int) -> str:
        return " ".join(self.rng.choices(self.words, cum_weights=self.cum, k=count))


def fill(articles: int, words: int, corpus: Corpus) -> None:
    from django.db import connection, transaction
    from django.utils import timezone

    from newsreel.films.models import Film, Person
    from newsreel.newsroom.models import Article, Section, WorkflowState
    from newsreel.public.search.models import SearchDocument, SearchFacet, filter_token, search_key_for

    rng = corpus.rng
    sections = [Section.objects.get_or_create(slug=slug, defaults={"name": name})[0] for slug, name in SECTIONS]
    Film.objects.bulk_create([Film(key=key, title=title) for key, title in corpus.films], ignore_conflicts=True)
    Person.objects.bulk_create([Person(key=key, name=name) for key, name in corpus.people], ignore_conflicts=True)
    now = timezone.now()
    batch = 2000
    started = time.perf_counter()
    for start in range(0, articles, batch):
        with transaction.atomic():
            rows = []
            for n in range(start, min(start + batch, articles)):
                headline = corpus.text(8).capitalize()
                published = now - dt.timedelta(minutes=rng.randint(0, 5 * 365 * 24 * 60))
                rows.append(Article(headline=headline, slug=f"bench-{n}", body="", state=WorkflowState.PUBLISHED,
                                    published_at=published, section=rng.choice(sections)))
            Article.objects.bulk_create(rows)
            documents, facets = [], []
            for article in rows:
                films = rng.sample(corpus.films[:600] if rng.random() < 0.7 else corpus.films, rng.randint(1, 3))
                people = rng.sample(corpus.people[:800] if rng.random() < 0.7 else corpus.people, rng.randint(1, 3))
                documents.append(SearchDocument(
                    article_id=article.pk, slug=article.slug, headline=article.headline, dek=corpus.text(15),
                    summary=corpus.text(40), safe_text=corpus.text(words),
                    names="\n".join(title for _, title in films + people), section_id=article.section_id,
                    published_at=article.published_at, search_key=search_key_for(article.published_at, article.pk),
                    filter_terms=" ".join([filter_token("s", article.section_id)]
                                          + [filter_token("f", key) for key, _ in films]
                                          + [filter_token("p", key) for key, _ in people]),
                ))
                facets += [SearchFacet(document_id=article.pk, kind="film", key=key) for key, _ in films]
                facets += [SearchFacet(document_id=article.pk, kind="person", key=key) for key, _ in people]
            SearchDocument.objects.bulk_create(documents)
            SearchFacet.objects.bulk_create(facets)
        done = min(start + batch, articles)
        if done % 20_000 == 0 or done == articles:
            print(f"  {done:>7} articles indexed ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO public_search_fts(public_search_fts) VALUES ('optimize')")
            cursor.execute("ANALYZE")
        else:
            cursor.execute("VACUUM ANALYZE public_searchdocument")
            # The tables search reads (migration 0004).
            cursor.execute("VACUUM ANALYZE public_search_match")
            cursor.execute("VACUUM ANALYZE public_search_vectors")
            cursor.execute("ANALYZE public_searchfacet")


def query_mix(corpus: Corpus) -> list[dict]:
    """What readers type, with the filters they use; the same mix on every database."""
    rng = random.Random(11)
    mid = corpus.words[len(COMMON) + 200:len(COMMON) + 2000]
    rare = corpus.words[len(COMMON) + 10_000:]
    film_key, film_title = corpus.films[5]
    person_key, person_name = corpus.people[9]
    mix = [
        {"q": "film"}, {"q": "festival premiere"}, {"q": "director interview"}, {"q": '"box office"'},
        {"q": rng.choice(mid)}, {"q": rng.choice(mid)}, {"q": f"{rng.choice(mid)} {rng.choice(mid)}"},
        {"q": rng.choice(rare)}, {"q": rng.choice(rare)}, {"q": f'"{film_title}"'}, {"q": person_name},
        {"q": corpus.films[300][1]}, {"q": rng.choice(mid)[:4] + "*"}, {"q": f"{rng.choice(mid)} OR {rng.choice(mid)}"},
        {"q": "festival -horror"}, {"q": "film", "section": "reviews"}, {"q": "trailer", "film": film_key},
        {"q": "cast", "person": person_key}, {"q": "award", "from": "2025-01-01", "to": "2025-06-30"},
        {"q": "film", "page": "3"}, {"q": rng.choice(mid), "page": "2"}, {"film": film_key},
        {"q": 'NEAR( "((( AND 🎬'}, {"q": "x" * 10_000}, {"q": ""},
    ]
    return mix


def request_for(params: dict):
    from newsreel.films.models import Film, Person
    from newsreel.newsroom.models import Section
    from newsreel.public.search.backend import SearchRequest
    from newsreel.public.search.query import parse_query
    from newsreel.public.search.views import _start_of

    section = Section.objects.filter(slug=params.get("section", "")).first()
    return SearchRequest(
        query=parse_query(params.get("q", "")),
        section_id=section.pk if section else None,
        film_key=params.get("film") if Film.objects.filter(key=params.get("film", "")).exists() else None,
        person_key=params.get("person") if Person.objects.filter(key=params.get("person", "")).exists() else None,
        published_from=_start_of(dt.date.fromisoformat(params["from"])) if "from" in params else None,
        published_before=_start_of(dt.date.fromisoformat(params["to"]) + dt.timedelta(days=1)) if "to" in params else None,
        page=int(params.get("page", "1")),
    )


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    pick = lambda p: ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]  # noqa: E731
    return pick(50), pick(95), pick(99)


def measure(mix: list[dict], rounds: int) -> dict[str, list[float]]:
    from django.test import Client

    from newsreel.public.search.backend import get_backend

    backend = get_backend()
    client = Client()
    requests = [(params, request_for(params)) for params in mix]
    for params, request in requests:  # warm caches and the connection
        backend.search(request)
        client.get("/search/", params)
    times: dict[str, list[float]] = {"backend": [], "view": []}
    per_query: dict[str, list[float]] = {}
    rng = random.Random(3)
    for _ in range(rounds):
        order = list(requests)
        rng.shuffle(order)
        for params, request in order:
            started = time.perf_counter()
            page = backend.search(request)
            elapsed = (time.perf_counter() - started) * 1000
            times["backend"].append(elapsed)
            per_query.setdefault(_label(params), []).append(elapsed)
            assert not page.failed, params
            started = time.perf_counter()
            response = client.get("/search/", params)
            times["view"].append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (params, response.status_code)
    times["per_query"] = per_query  # type: ignore[assignment]
    return times


def _label(params: dict) -> str:
    text = " ".join(f"{k}={v}" for k, v in params.items())
    return text if len(text) <= 48 else text[:45] + "..."


def run(vendor_label: str, args: argparse.Namespace) -> None:
    import django
    from django.core.management import call_command
    from django.db import connection

    django.setup()
    print(f"\n== {vendor_label}: {args.articles:,} articles, ~{args.words} words of safe text each", file=sys.stderr)
    call_command("migrate", interactive=False, verbosity=0)
    corpus = Corpus()
    from newsreel.public.search.models import SearchDocument

    started = time.perf_counter()
    if SearchDocument.objects.count() != args.articles:  # a kept --data-dir is reused as it is
        fill(args.articles, args.words, corpus)
    build = time.perf_counter() - started
    call_command("collectstatic", interactive=False, verbosity=0)  # pages name hashed static files
    mix = query_mix(corpus)
    times = measure(mix, args.rounds)
    from newsreel.public.search.models import SearchDocument

    print(f"\nsearch on {connection.vendor} ({connection.Database.__name__}), {SearchDocument.objects.count():,} "
          f"indexed articles, index built in {build:.0f} s, {len(mix)} queries x {args.rounds} rounds")
    print(f"{'measure':<10} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'mean ms':>8}")
    for name in ("backend", "view"):
        p50, p95, p99 = percentiles(times[name])
        print(f"{name:<10} {p50:>8.2f} {p95:>8.2f} {p99:>8.2f} {statistics.fmean(times[name]):>8.2f}")
    if args.per_query:
        print("\nbackend p50 / max per query (ms):")
        for label, samples in sorted(times["per_query"].items(), key=lambda item: -statistics.median(item[1])):
            print(f"  {statistics.median(samples):7.2f} {max(samples):7.2f}  {label}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=250, help="words of spoiler-safe text per article")
    parser.add_argument("--rounds", type=int, default=20, help="times each query of the mix runs")
    parser.add_argument("--per-query", action="store_true", help="also print each query's median")
    parser.add_argument("--only", choices=["sqlite", "postgresql"], help="run one database only")
    parser.add_argument("--data-dir", help="keep the SQLite scratch data here and reuse it on the next run")
    parser.add_argument("--reuse-postgres", action="store_true",
                        help="keep the PostgreSQL scratch database of an earlier run when it exists")
    args = parser.parse_args()

    os.environ["DJANGO_SETTINGS_MODULE"] = "newsreel.settings"
    database_url = os.environ.pop("DATABASE_URL", "")
    targets = []
    if args.only in (None, "sqlite"):
        targets.append("sqlite")
    if database_url.startswith("postgres") and args.only in (None, "postgresql"):
        targets.append("postgresql")
    # Each database runs in its own process: Django's settings are read once per process.
    if len(targets) > 1:
        import subprocess

        for target in targets:
            env = dict(os.environ, DATABASE_URL=database_url)
            subprocess.run([sys.executable, __file__, *sys.argv[1:], "--only", target], env=env, check=True)
        return
    with tempfile.TemporaryDirectory(prefix="newsreel-searchbench-") as folder:
        os.environ["NEWSREEL_DATA_DIR"] = args.data_dir or folder
        if targets == ["postgresql"]:
            os.environ["DATABASE_URL"] = scratch_postgres(database_url, reuse=args.reuse_postgres)
            # A shared database needs a shared key; this scratch one is the bench's alone.
            os.environ.setdefault("NEWSREEL_SECRET_KEY", "bench-only-" + secrets_token())
            run("PostgreSQL", args)
        elif targets == ["sqlite"]:
            run("SQLite", args)
        else:
            raise SystemExit("nothing to run: --only postgresql needs DATABASE_URL=postgres://...")


def secrets_token() -> str:
    import secrets

    return secrets.token_urlsafe(50)


def scratch_postgres(url: str, reuse: bool = False) -> str:
    """Create `<name>_searchbench` on the server DATABASE_URL names (or keep it, with
    `reuse`); return its URL."""
    from urllib.parse import urlsplit, urlunsplit

    import psycopg

    parts = urlsplit(url)
    name = (parts.path.lstrip("/") or "newsreel") + "_searchbench"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not (reuse and exists):
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    return urlunsplit(parts._replace(path="/" + name))


if __name__ == "__main__":
    main()
