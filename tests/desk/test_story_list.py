"""The desk's story list: words over drafts too (the latest revision's headline, dek and
body), filters by state, section, author, film, person and dates, three sorts, pages; the
trash stays out. Runs on SQLite (FTS5) and PostgreSQL (tsvector) alike."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone

from newsreel.desk.models import StoryEntry
from newsreel.desk.story_index import rebuild
from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Section
from newsreel.newsroom.publishing import save_and_publish, save_draft
from newsreel.newsroom.trash import trash
from tests.graph import GRAPH

from .conftest import BODY

pytestmark = pytest.mark.django_db

@pytest.fixture
def newsroom(db, editor):
    import_knowledge_graph(GRAPH)
    Section.objects.get_or_create(slug="reviews", defaults={"name": "Reviews", "order": 3})
    stories = {
        "harbor": save_and_publish(ArticleDraft(
            headline="Harbor Lights wraps", body="Ada Varga has finished *Harbor Lights*.\n", section="news",
            authors=["Nadia Ferro"]), user=editor),
        "orchard": save_draft(ArticleDraft(
            headline="An orchard of paper", dek="A quiet review", body="Tomas Ilic in *The Paper Orchard*, premiered in Lisbon.\n",
            section="reviews", authors=["Jon Bell"]), user=editor),
        "memo": save_draft(ArticleDraft(headline="Zebra crossing memo", body="Nothing about films here.\n"), user=editor),
    }
    return stories


def headlines(response) -> list[str]:
    assert response.status_code == 200, response.content.decode()[:2000]
    return [story.headline for story in response.context["page"]]


def test_words_find_drafts_by_their_body_and_dek(as_editor, newsroom):
    assert headlines(as_editor.get("/desk/?q=lisbon")) == ["An orchard of paper"]
    assert headlines(as_editor.get("/desk/?q=quiet+review")) == ["An orchard of paper"]
    assert headlines(as_editor.get("/desk/?q=premiere")) == ["An orchard of paper"]  # stems
    assert headlines(as_editor.get("/desk/?q=harb")) == ["Harbor Lights wraps"]  # the last word is a prefix
    assert headlines(as_editor.get("/desk/?q=orchard+harbor")) == []  # every word must be there



def test_the_last_word_finds_every_longer_word_whichever_way_it_is_read(as_editor, editor, newsroom):
    """The prefix is read as the index's terms when they are few (search.fts5_matches on SQLite):
    the stories found are those the prefix finds."""
    save_draft(ArticleDraft(headline="Filmmakers meet", body="A filmography and its premieres.\n"), user=editor)
    save_draft(ArticleDraft(headline="Film night", body="A film.\n"), user=editor)
    assert sorted(headlines(as_editor.get("/desk/?q=film"))) == ["Film night", "Filmmakers meet", "Zebra crossing memo"]
    assert headlines(as_editor.get("/desk/?q=filmmakers")) == ["Filmmakers meet"]
    assert sorted(headlines(as_editor.get("/desk/?q=premieres"))) == ["An orchard of paper", "Filmmakers meet"]
    assert headlines(as_editor.get("/desk/?q=night+fil")) == ["Film night"]
    assert headlines(as_editor.get("/desk/?q=zebra")) == ["Zebra crossing memo"]  # a word no longer word starts with
    assert headlines(as_editor.get("/desk/?q=under_score")) == []


@pytest.mark.parametrize("sort", ["updated", "published", "headline"])
def test_a_list_counted_past_its_cap_pages_the_same_stories(as_editor, editor, newsroom, monkeypatch, sort):
    """Past the count's cap SQLite asks the full-text index story by story (search._Fts5Matching)."""
    for n in range(4):
        save_draft(ArticleDraft(headline=f"Film diary {n}", body="A film shot at night.\n"), user=editor)
    address = f"/desk/?q=film+night&sort={sort}"
    whole = headlines(as_editor.get(address))
    assert len(whole) == 4
    monkeypatch.setattr("newsreel.desk.paging.COUNT_CAP", 2)
    capped = as_editor.get(address)
    assert headlines(capped) == whole and capped.context["page"].paginator.more

def test_words_are_those_of_the_latest_revision_not_of_the_live_version(as_editor, editor, newsroom):
    live = newsroom["harbor"]
    save_draft(ArticleDraft(headline="Harbor Lights wraps early", body="Now shooting in Reykjavik.\n",
                            slug=live.slug, section="news", authors=["Nadia Ferro"]), article=live, user=editor)
    assert headlines(as_editor.get("/desk/?q=reykjavik")) == ["Harbor Lights wraps early"]
    assert headlines(as_editor.get("/desk/?q=finished")) == []
    assert headlines(as_editor.get("/desk/?state=changes")) == ["Harbor Lights wraps early"]


def test_filters_by_state_section_author_film_and_person(as_editor, newsroom):
    assert headlines(as_editor.get("/desk/?state=published")) == ["Harbor Lights wraps"]
    assert set(headlines(as_editor.get("/desk/?state=draft"))) == {"An orchard of paper", "Zebra crossing memo"}
    assert headlines(as_editor.get("/desk/?section=reviews")) == ["An orchard of paper"]
    assert headlines(as_editor.get("/desk/?author=nadia-ferro")) == ["Harbor Lights wraps"]
    assert headlines(as_editor.get("/desk/?film=The+Paper+Orchard")) == ["An orchard of paper"]  # a draft's mentions
    assert headlines(as_editor.get("/desk/?person=ada-varga")) == ["Harbor Lights wraps"]  # by key
    assert headlines(as_editor.get("/desk/?person=tomas+ilic")) == ["An orchard of paper"]
    assert headlines(as_editor.get("/desk/?person=ada-varga&state=draft")) == []


def test_an_unknown_film_or_a_backwards_date_range_says_what_to_fix(as_editor, newsroom):
    response = as_editor.get("/desk/?film=Nowhere+Film")
    assert response.status_code == 400
    assert "No film is called “Nowhere Film” in the knowledge graph" in response.content.decode()
    response = as_editor.get("/desk/?since=2026-05-02&until=2026-05-01")
    assert response.status_code == 400 and "is before “From”" in response.content.decode()
    assert as_editor.get("/desk/?since=yesterday").status_code == 400


def test_date_ranges_apply_to_updated_or_published_dates(as_editor, newsroom):
    old = newsroom["memo"]
    Article.objects.filter(pk=old.pk).update(updated_at=dt.datetime(2026, 1, 15, 12, tzinfo=dt.timezone.utc))
    rebuild()
    assert headlines(as_editor.get("/desk/?since=2026-01-15&until=2026-01-15")) == ["Zebra crossing memo"]
    assert "Zebra crossing memo" not in headlines(as_editor.get(f"/desk/?since={timezone.localdate():%Y-%m-%d}"))
    today = timezone.localdate()
    assert headlines(as_editor.get(f"/desk/?dates=published&since={today:%Y-%m-%d}&until={today:%Y-%m-%d}")) == [
        "Harbor Lights wraps"]


def test_three_sorts(as_editor, editor, newsroom):
    assert headlines(as_editor.get("/desk/?sort=headline")) == [
        "An orchard of paper", "Harbor Lights wraps", "Zebra crossing memo"]
    assert headlines(as_editor.get("/desk/?sort=published"))[0] == "Harbor Lights wraps"  # never published: last
    save_draft(ArticleDraft(headline="Zebra crossing memo", body="Edited.\n", slug="zebra-crossing-memo"),
               article=newsroom["memo"], user=editor)
    assert headlines(as_editor.get("/desk/"))[0] == "Zebra crossing memo"  # last updated first


def test_pages_keep_the_filters(as_editor, editor, newsroom):
    for number in range(30):
        save_draft(ArticleDraft(headline=f"Festival note {number}", body="From the festival.\n"), user=editor)
    first = as_editor.get("/desk/?q=festival&sort=headline")
    assert first.context["page"].paginator.count == 30 and len(first.context["page"].object_list) == 25
    next_link = re.search(r'href="([^"]+)" rel="next"', first.content.decode())[1].replace("&amp;", "&")
    assert next_link.startswith("?q=festival&sort=headline&page=2&after=")
    second = as_editor.get("/desk/" + next_link)
    assert len(second.context["page"].object_list) == 5 and second.context["page"].number == 2
    assert 'href="?q=festival&amp;sort=headline&amp;page=1" rel="prev"' in second.content.decode()
    assert len(as_editor.get("/desk/?q=festival&sort=headline&page=2").context["page"].object_list) == 5


def test_stories_in_the_trash_are_not_listed_or_found(as_editor, newsroom):
    trash(newsroom["orchard"])
    assert "An orchard of paper" not in headlines(as_editor.get("/desk/"))
    assert headlines(as_editor.get("/desk/?q=lisbon")) == []
    assert as_editor.get("/desk/?state=deleted").status_code == 400  # the trash has its own page


def test_a_contributor_finds_only_their_own_stories(as_contributor, contributor, newsroom):
    save_draft(ArticleDraft(headline="Carla in Lisbon", body="Lisbon again.\n"), user=contributor)
    assert headlines(as_contributor.get("/desk/?q=lisbon")) == ["Carla in Lisbon"]


def test_every_story_has_one_entry_and_a_purge_removes_it(newsroom):
    assert StoryEntry.objects.count() == Article.objects.count() == 3
    article = newsroom["memo"]
    trash(article)
    Article.objects.get(pk=article.pk).delete()
    assert not StoryEntry.objects.filter(pk=article.pk).exists()
