"""Work a change asks of the stored pages belongs to the transaction that made the change.

These specs commit for real (transactional database): a change refreshes pages only once
its own transaction commits, and a rolled-back change leaves nothing behind to fire later.
"""

from __future__ import annotations

import pytest
from django.db import transaction

from newsreel.public import refresh
from newsreel.public.models import StoredPage

pytestmark = pytest.mark.django_db(transaction=True)

HARBOR_PAGE = "/films/harbor-lights-2025/"
ORCHARD_PAGE = "/films/paper-orchard-2023/"


@pytest.fixture
def rendered(monkeypatch):
    """The ids of the articles whose pages are rendered from now on."""
    seen: list[int] = []
    original = refresh.refresh_article

    def spy(article):
        seen.append(article.pk)
        return original(article)
    monkeypatch.setattr(refresh, "refresh_article", spy)
    return seen


@pytest.fixture
def stories(make_article, publish, site, client):
    """One story naming Harbor Lights, one naming no film; both film pages stored by a reader."""
    harbor = publish(make_article(slug="harbor-story"))
    plain = make_article(slug="plain-story", spoiler=False)
    plain.mentions.all().delete()
    publish(plain)
    for path in (HARBOR_PAGE, ORCHARD_PAGE):
        assert client.get(path).status_code == 200
    return harbor, plain


def etag(path: str) -> str | None:
    return StoredPage.objects.filter(path=path).values_list("etag", flat=True).first()


def test_a_rolled_back_change_leaves_no_work_for_the_next_commit(graph, stories, rendered):
    with pytest.raises(RuntimeError), transaction.atomic():
        graph.harbor.distributor = "Seaglass Releasing"
        graph.harbor.save()
        raise RuntimeError("the editor's form failed after the save")
    with transaction.atomic():  # an unrelated change commits later on the same connection
        graph.mira.bio = "Mira Sol shoots on invented film stock."
        graph.mira.save()
    assert rendered == []
    assert etag(HARBOR_PAGE) is not None
    assert "from Kestrel Films" in bytes(StoredPage.objects.get(path="/articles/harbor-story/").body).decode()


def test_a_change_rolled_back_to_its_savepoint_is_forgotten_while_the_rest_commits(graph, stories, rendered):
    with transaction.atomic():
        try:
            with transaction.atomic():
                graph.harbor.distributor = "Seaglass Releasing"
                graph.harbor.save()
                raise RuntimeError("undone")
        except RuntimeError:
            pass
        graph.orchard.distributor = "Lanternfish Two"
        graph.orchard.save()
    assert rendered == []  # no live story names The Paper Orchard
    assert etag(HARBOR_PAGE) is not None
    assert etag(ORCHARD_PAGE) is None


def test_a_committed_change_refreshes_exactly_the_pages_that_show_it(graph, stories, rendered):
    harbor, plain = stories
    plain_etag = etag("/articles/plain-story/")
    with transaction.atomic():
        graph.harbor.distributor = "Seaglass Releasing"
        graph.harbor.save()
        assert rendered == [] and etag(HARBOR_PAGE) is not None  # nothing before the commit
    assert rendered == [harbor.pk]
    assert "from Seaglass Releasing" in bytes(StoredPage.objects.get(path="/articles/harbor-story/").body).decode()
    assert etag(HARBOR_PAGE) is None  # rendered again on its next request
    assert etag(ORCHARD_PAGE) is not None
    assert etag("/articles/plain-story/") == plain_etag


def test_a_failure_after_the_commit_is_logged_and_does_not_undo_or_break_the_change(graph, stories, monkeypatch,
                                                                                    caplog):
    def broken(article):
        raise RuntimeError("renderer out of order")
    monkeypatch.setattr(refresh, "refresh_article", broken)
    with transaction.atomic():
        graph.harbor.distributor = "Seaglass Releasing"
        graph.harbor.save()
    graph.harbor.refresh_from_db()
    assert graph.harbor.distributor == "Seaglass Releasing"
    assert "renderer out of order" in caplog.text


def test_a_rolled_back_rename_leaves_the_search_index_alone_and_a_committed_one_reindexes(graph, stories,
                                                                                          monkeypatch):
    from newsreel.public.search import index

    reindexed: list[list[int]] = []
    original = index.reindex_articles
    monkeypatch.setattr(index, "reindex_articles", lambda ids: reindexed.append(sorted(ids)) or original(ids))
    harbor, _plain = stories
    with pytest.raises(RuntimeError), transaction.atomic():
        graph.harbor.aliases = ["Lights of the Harbor"]
        graph.harbor.save()
        raise RuntimeError("rolled back")
    with transaction.atomic():
        graph.mira.save()
    assert reindexed == []
    with transaction.atomic():
        graph.harbor.aliases = ["Lights of the Harbor"]
        graph.harbor.save()
    assert reindexed == [[harbor.pk]]


def test_a_rolled_back_settings_change_renders_nothing_on_a_later_commit_and_a_committed_one_renders_every_story(
        graph, stories, rendered):
    from newsreel.public.models import SiteSettings

    harbor, plain = stories
    with pytest.raises(RuntimeError), transaction.atomic():
        settings_row = SiteSettings.current()
        settings_row.tagline = "A tagline nobody kept"
        settings_row.save()
        raise RuntimeError("the settings form failed after the save")
    with transaction.atomic():  # an unrelated change commits later on the same connection
        graph.mira.bio = "Mira Sol shoots on invented film stock."
        graph.mira.save()
    assert rendered == []
    assert "A tagline nobody kept" not in bytes(StoredPage.objects.get(path="/").body).decode()
    with transaction.atomic():
        settings_row = SiteSettings.current()
        settings_row.tagline = "Films, seen closely"
        settings_row.save()
    assert sorted(rendered) == sorted([harbor.pk, plain.pk])
    assert "Films, seen closely" in bytes(StoredPage.objects.get(path="/").body).decode()


def test_a_rolled_back_publish_leaves_no_page_and_no_search_entry_for_a_later_commit(graph, stories, rendered):
    from newsreel.newsroom.intake import ArticleDraft
    from newsreel.newsroom.publishing import save_and_publish
    from newsreel.public.search.models import SearchDocument

    with pytest.raises(RuntimeError), transaction.atomic():
        save_and_publish(ArticleDraft(headline="A story that never ran", body="Harbor Lights returns.",
                                      section="news"), origin="test")
        raise RuntimeError("the desk's request failed after the publish")
    rendered.clear()  # the publish rendered its neighbours inside the transaction that rolled back
    with transaction.atomic():
        graph.mira.bio = "Mira Sol shoots on invented film stock."
        graph.mira.save()
    assert not StoredPage.objects.filter(path="/articles/a-story-that-never-ran/").exists()
    assert "A story that never ran" not in bytes(StoredPage.objects.get(path="/").body).decode()
    assert not SearchDocument.objects.filter(slug="a-story-that-never-ran").exists()
    assert rendered == []
