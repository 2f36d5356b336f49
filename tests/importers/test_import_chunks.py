"""A batched import commits its stories in chunks, and renders each page once per chunk.

Each story of a chunk is in its own savepoint (a bad one changes nothing, the others go
on); when the chunk commits, its stories' pages are right together, each rendered once,
and home, sections and the earlier stories whose neighbours changed are dropped
(rendered on their next request) until the import ends, when they are rendered once. A chunk the database refuses is imported again
one story per transaction, with the same report.
"""

from __future__ import annotations

from collections import Counter

import pytest
from django.db import OperationalError

from newsreel.importers import runner
from newsreel.importers.runner import import_items, markdown_items
from newsreel.newsroom.models import Article, Section
from newsreel.public import refresh
from newsreel.public.models import StoredPage

pytestmark = pytest.mark.django_db(transaction=True)


def write(folder, slug: str, title: str, hour: int, extra: str = "") -> None:
    (folder / f"{slug}.md").write_text(
        f"---\ntitle: {title}\nslug: {slug}\nsection: news\ndate: 2024-03-0{hour}T09:00:00Z\n{extra}---\n\n"
        f"Words about {title} at an invented festival.\n", encoding="utf-8")


def stored(path: str) -> str | None:
    body = StoredPage.objects.filter(path=path).values_list("body", flat=True).first()
    return None if body is None else bytes(body).decode()


@pytest.fixture
def folder(tmp_path):
    Section.objects.get_or_create(slug="news", defaults={"name": "News", "order": 1})
    for number, name in enumerate(["alpha", "beta", "gamma", "delta"], start=1):
        write(tmp_path, name, f"{name.title()} story", number)
    return tmp_path


def test_every_page_is_right_when_its_chunk_commits(folder, monkeypatch):
    monkeypatch.setattr(runner, "CHUNK_STORIES", 2)
    monkeypatch.setattr(runner, "CHUNK_SECONDS", 3600)  # chunks by count only, however busy the machine
    seen = []
    original = runner._import_chunk

    def observed(*args, **kwargs):
        taken = original(*args, **kwargs)  # committed
        seen.append(([item.source for item in taken], stored("/"), stored("/articles/alpha/"), stored("/articles/beta/"),
                     stored("/articles/gamma/"), stored("/sections/news/")))
        return taken
    monkeypatch.setattr(runner, "_import_chunk", observed)
    report = import_items(markdown_items(folder), total=4, render_at_end=True)
    assert report.created == 4 and report.failed == 0
    first, second = seen[0], seen[1]
    assert len(first[0]) == 2 and len(second[0]) == 2
    home, alpha, beta, gamma, section = first[1:]
    # Home and the section are dropped (rendered on their next request) until the import's end.
    assert home is None and section is None
    assert "/articles/beta/" in alpha and "/articles/alpha/" in beta  # each other's neighbours already
    assert gamma is None
    home, alpha, beta, gamma, section = second[1:]
    # Beta's next story came with the second chunk: its page is dropped until the end.
    assert home is None and beta is None and "/articles/beta/" in gamma
    assert "/articles/gamma/" in stored("/articles/beta/")  # rendered once, at the end
    assert "Delta story" in stored("/") and "Alpha story" in stored("/sections/news/")  # rendered once, at the end


def test_with_one_story_a_chunk_every_page_is_still_rendered_once(folder, monkeypatch):
    monkeypatch.setattr(runner, "CHUNK_STORIES", 1)  # as a busy machine's 2-second chunks can be
    monkeypatch.setattr(runner, "CHUNK_SECONDS", 3600)
    rendered = Counter()
    for name in ("refresh_home", "refresh_section", "refresh_article"):
        original = getattr(refresh, name)

        def counted(*args, name=name, original=original):
            rendered[name if name != "refresh_article" else args[0].slug] += 1
            return original(*args)
        monkeypatch.setattr(refresh, name, counted)
    report = import_items(markdown_items(folder), total=4, render_at_end=True)
    assert report.created == 4
    assert (rendered["refresh_home"], rendered["refresh_section"]) == (1, 1)
    # Each story's page in its own chunk, and once more at the end when a later story became its
    # neighbour (the files are read alpha, beta, delta, gamma; gamma is the newest).
    assert Counter({slug: n for slug, n in rendered.items() if not slug.startswith("refresh_")}) == Counter(
        alpha=2, beta=2, delta=2, gamma=1)
    assert "/articles/beta/" in stored("/articles/alpha/") and "/articles/gamma/" in stored("/articles/beta/")


def test_each_page_is_rendered_once_in_a_chunk(folder, monkeypatch):
    monkeypatch.setattr(runner, "CHUNK_SECONDS", 3600)
    rendered = Counter()
    original = refresh.refresh_article

    def counted(article):
        rendered[article.slug] += 1
        return original(article)
    monkeypatch.setattr(refresh, "refresh_article", counted)
    import_items(markdown_items(folder), total=4, render_at_end=True)
    assert rendered == Counter(alpha=1, beta=1, gamma=1, delta=1)


def test_a_bad_story_in_a_chunk_changes_nothing_and_the_others_import(folder):
    write(folder, "broken", "Broken story", 5, extra="section: [not, a, section]\n")
    report = import_items(markdown_items(folder), total=5, render_at_end=True)
    assert (report.created, report.failed) == (4, 1)
    assert any("broken.md" in failure for failure in report.failures)
    assert not Article.objects.filter(slug="broken").exists()
    assert "Delta story" in stored("/") and stored("/articles/broken/") is None


def test_a_chunk_the_database_refuses_is_imported_one_story_at_a_time(folder, monkeypatch):
    write(folder, "epsilon", "Epsilon story", 5, extra="toc: true\n")  # a warning, which must not be counted twice
    refused = []
    original = refresh._render_chunk

    def busy_once(chunk):
        if not refused:
            refused.append(True)
            raise OperationalError("database is locked")
        return original(chunk)
    monkeypatch.setattr(refresh, "_render_chunk", busy_once)
    report = import_items(markdown_items(folder), total=5, render_at_end=True)
    assert refused and (report.created, report.updated, report.failed) == (5, 0, 0)
    assert sum(1 for warning in report.warnings if "toc" in warning) == 1
    assert Article.objects.count() == 5
    for name in ("alpha", "beta", "gamma", "delta", "epsilon"):
        assert f"{name.title()} story" in stored(f"/articles/{name}/")
    assert "Epsilon story" in stored("/")


def test_stories_of_one_chunk_out_of_date_order_leave_every_page_as_a_fresh_render(folder, monkeypatch):
    """What each story touches is read when its chunk renders, for all its stories at once: the
    neighbours then are the ones every page must show, whatever order the stories came in."""
    from newsreel.public.pages import render_article

    monkeypatch.setattr(runner, "CHUNK_SECONDS", 3600)
    write(folder, "between", "Between story", 2, extra="")
    (folder / "between.md").rename(folder / "aa-between.md")  # read first, dated among the others
    for hour, name in ((9, "epsilon"), (5, "zeta")):
        write(folder, name, f"{name.title()} story", hour)
    report = import_items(markdown_items(folder), total=7, render_at_end=True)
    assert report.created == 7 and report.failed == 0
    for article in Article.objects.live():
        assert stored(article.get_absolute_url()) == render_article(article).decode(), article.slug
