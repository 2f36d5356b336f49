"""An embargo holds on every public surface: a scheduled story is nowhere until its minute,
then everywhere, through the real publishing path and the worker's sweep."""

import datetime as dt
from pathlib import Path

import pytest

from newsreel.newsroom import clock, scheduling
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, WorkflowState
from newsreel.newsroom.publishing import save_and_publish
from newsreel.public.export import export_static
from newsreel.public.models import StoredPage
from newsreel.public.sitemaps.families import part_of

pytestmark = pytest.mark.django_db

SLUG = "embargoed-saltmarsh-verdict"
SURFACES = [
    "/", "/sections/news/", "/tags/festivals/", "/authors/nadia-ferro/", "/archive/{month}/",
    "/feed.xml", "/feed.atom", "/feed.json", "/sections/news/feed.xml", "/tags/festivals/feed.atom",
    "/sitemaps/articles-{part}.xml", "/sitemaps/news.xml", "/search/?q=saltmarsh",
]


def story(headline: str, **changes) -> ArticleDraft:
    return ArticleDraft(headline=headline, body=f"{headline}: the saltmarsh festival verdict is in.\n",
                        section="news", tags=["Festivals"], authors=["Nadia Ferro"], **changes)


def shows_the_story(client, url: str) -> bool:
    # Sitemap parts go by id, and ids keep climbing across tests on PostgreSQL.
    story_id = Article.objects.get(slug=SLUG).pk
    response = client.get(url.format(month=clock.now().strftime("%Y/%m"), part=part_of(story_id)))
    assert response.status_code in (200, 404), (url, response.status_code)
    return SLUG.encode() in response.content


def exported_mentions(folder: Path) -> list[str]:
    export_static(folder)
    return [str(path.relative_to(folder)) for path in folder.rglob("*")
            if path.is_file() and path.suffix in {".html", ".xml", ".json", ".atom", ""} and SLUG.encode() in path.read_bytes()]


def test_a_scheduled_story_is_on_no_surface_until_its_minute_then_on_all(client, tmp_path, monkeypatch):
    save_and_publish(story("Festival line-up announced"), origin="test")
    at = clock.now() + dt.timedelta(hours=1)
    secret = save_and_publish(story("Embargoed Saltmarsh verdict", publish_at=at), origin="test")
    assert secret.state == WorkflowState.SCHEDULED and secret.slug == SLUG

    assert client.get(f"/articles/{SLUG}/").status_code == 404
    assert not StoredPage.objects.filter(path=f"/articles/{SLUG}/").exists()  # nothing for the fast path
    assert [url for url in SURFACES if shows_the_story(client, url)] == []
    assert exported_mentions(tmp_path / "before") == []

    monkeypatch.setattr(clock, "now", lambda: at + dt.timedelta(seconds=2))
    assert scheduling.run_due().published == [secret.pk]

    assert client.get(f"/articles/{SLUG}/").status_code == 200
    assert StoredPage.objects.filter(path=f"/articles/{SLUG}/", status=200).exists()
    assert [url for url in SURFACES if not shows_the_story(client, url)] == []
    assert f"articles/{SLUG}/index.html" in exported_mentions(tmp_path / "after")
