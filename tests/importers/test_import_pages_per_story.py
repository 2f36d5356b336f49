"""During an import, each story's pages are right as soon as its own transaction commits.

Imports render the pages stories share (home, sections, neighbours) once at the end, but
a reader must never see an old version of a story that is already imported, nor a home
page that lacks it, even when the import is killed before its end.
"""

from __future__ import annotations

import pytest

from newsreel.importers import runner
from newsreel.importers.runner import import_items, markdown_items
from newsreel.newsroom.models import Section
from newsreel.public import refresh
from newsreel.public.models import StoredPage

pytestmark = pytest.mark.django_db(transaction=True)


def write(folder, slug: str, title: str) -> None:
    (folder / f"{slug}.md").write_text(f"---\ntitle: {title}\nslug: {slug}\nsection: news\n---\n\n"
                                       f"Words about {title} at an invented festival.\n", encoding="utf-8")


def stored(path: str) -> str | None:
    body = StoredPage.objects.filter(path=path).values_list("body", flat=True).first()
    return None if body is None else bytes(body).decode()


@pytest.fixture
def site_with_alpha(tmp_path):
    # A transactional test empties the tables the migrations filled.
    Section.objects.get_or_create(slug="news", defaults={"name": "News", "order": 1})
    first = tmp_path / "first"
    first.mkdir()
    write(first, "alpha", "Alpha as first told")
    report = import_items(markdown_items(first), total=1)
    assert report.created == 1 and "Alpha as first told" in stored("/articles/alpha/")
    return tmp_path


def test_each_story_is_right_when_its_own_commit_lands(site_with_alpha, monkeypatch):
    folder = site_with_alpha / "second"
    folder.mkdir()
    write(folder, "alpha", "Alpha as corrected")
    write(folder, "beta", "Beta is new")
    seen = []
    original = runner.publish_incoming

    def observed(incoming, **kwargs):
        result = original(incoming, **kwargs)  # committed: its own transaction
        slug = incoming.draft.slug
        seen.append((slug, stored(f"/articles/{slug}/"), stored("/"), stored("/sections/news/")))
        return result
    monkeypatch.setattr(runner, "publish_incoming", observed)
    import_items(markdown_items(folder), total=2)
    titles = {"alpha": "Alpha as corrected", "beta": "Beta is new"}
    for slug, page, home, section in seen:
        assert titles[slug] in page
        for shared in (home, section):  # dropped (rendered on the next request) or already right
            assert shared is None or titles[slug] in shared
    assert "Beta is new" in stored("/") and "Alpha as corrected" in stored("/")


def test_an_import_killed_before_its_end_leaves_no_stale_page(site_with_alpha, monkeypatch, client):
    folder = site_with_alpha / "second"
    folder.mkdir()
    write(folder, "alpha", "Alpha as corrected")
    write(folder, "beta", "Beta is new")
    monkeypatch.setattr(refresh, "_render_batch", lambda affected: None)  # killed: the end never runs
    import_items(markdown_items(folder), total=2)
    for path in ("/", "/sections/news/", "/articles/alpha/", "/articles/beta/"):
        page = client.get(path).content.decode()
        assert "Alpha as first told" not in page, path
    assert "Beta is new" in client.get("/").content.decode()
    assert "Beta is new" in client.get("/articles/alpha/").content.decode()  # its next story
