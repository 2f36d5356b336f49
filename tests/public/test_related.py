"""Related articles on every article page: live stories sharing films (3), people (2) and
tags (1), then the newest; four at most; never the story itself; spoiler-safe text only;
and kept true on stored pages when stories are published, changed or withdrawn."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from newsreel.newsroom.publishing import draft_for, save_and_publish, unpublish
from newsreel.public.models import StoredPage
from tests.public.stories import SPOILER, films, harbor_body, story  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def related_block(html: bytes | str) -> str:
    text = html.decode() if isinstance(html, (bytes, memoryview)) else html
    match = re.search(r'<section class="related".*?</section>', text, re.S)
    return match.group(0) if match else ""


def related_headlines(html) -> list[str]:
    return re.findall(r'<h3 class="story-title"><a href="[^"]+">([^<]+)</a>', related_block(html))


def stored_page(article) -> StoredPage:
    return StoredPage.objects.get(path=article.get_absolute_url())


def stored_related(article) -> list[str]:
    """The related list a reader gets now (a page the publish dropped is rendered on request)."""
    return related_headlines(Client().get(article.get_absolute_url()).content)


@pytest.fixture(autouse=True, params=["front", "everything"])
def renders(request, settings):
    """Every related-list rule holds whether a publish renders the ripple or drops it."""
    settings.PUBLISH_RENDERS = request.param
    return request.param


@pytest.fixture
def ranked(films):
    """A story about Harbor Lights and Tomas Ilic tagged Drama, and stories sharing less and less."""
    base = story("Base story", hours=10, tags=["Drama"],
                 body="*Harbor Lights* gives Tomas Ilic his biggest part yet.\n")
    story("Film and tag", hours=1, tags=["Drama"], body="A new trailer for the film *Harbor Lights* is out.\n")
    story("Film only", hours=2, body="Festival dates for *Harbor Lights* (2025) were announced.\n")
    story("Person only", hours=3, body="Tomas Ilic joins a new stage play.\n")
    story("Older tag only", hours=4, tags=["Drama"])
    story("Newer tag only", hours=5, tags=["Drama"])
    story("Nothing shared", hours=6, tags=["Comedy"])
    return base


def test_related_stories_rank_films_then_people_then_tags_then_the_newest(client, ranked):
    assert related_headlines(client.get(ranked.get_absolute_url()).content) == [
        "Film and tag", "Film only", "Person only", "Newer tag only",
    ]


def test_a_story_is_never_its_own_relation_and_stories_sharing_nothing_are_not_related(client, ranked):
    lonely = story("Lonely story", hours=30, tags=["Gardening"])
    assert "Base story" not in related_headlines(client.get(ranked.get_absolute_url()).content)
    assert related_block(client.get(lonely.get_absolute_url()).content) == ""


def test_a_film_named_only_inside_a_spoiler_block_does_not_relate_stories(client, films):
    hidden = story("Hidden cameo", hours=1, body=(
        "A quiet festival week.\n\n:::spoiler harbor-lights-2025\nThe final shot is a poster for *Salt Meridian* (2026).\n:::\n"))
    story("Salt Meridian news", hours=2, body="*Salt Meridian* (2026) starts shooting in May.\n")
    assert related_block(client.get(hidden.get_absolute_url()).content) == ""


def test_related_items_show_the_spoiler_safe_summary_and_never_spoiler_text(client, films):
    story("Spoiler story", hours=1, body=harbor_body("Ada Varga has finished *Harbor Lights*, her first film in years."))
    base = story("Base story", hours=2, body="Ada Varga talks about *Harbor Lights*.\n")
    block = related_block(client.get(base.get_absolute_url()).content)
    assert "Spoiler story" in block and 'class="related-summary"' in block
    assert SPOILER not in block


def fillers(start: int, count: int = 3) -> None:
    """Stories sharing nothing with the Harbor Lights stories, so those are not neighbours."""
    for n in range(count):
        story(f"Filler {n}", hours=start + n, tags=["Gardening"])


def test_publishing_a_related_story_updates_stored_pages_it_belongs_on(films):
    base = story("Base story", hours=1, body="Ada Varga talks about *Harbor Lights*.\n")
    fillers(2)
    assert stored_related(base) == []
    story("New Harbor story", hours=10, body="The drama *Harbor Lights* (2025) opens in Lisbon.\n")
    assert stored_related(base) == ["New Harbor story"]


def test_withdrawing_a_story_takes_it_off_the_related_lists_showing_it(films):
    base = story("Base story", hours=1, body="Ada Varga talks about *Harbor Lights*.\n")
    withdrawn = story("Withdrawn Harbor story", hours=2, body="The drama *Harbor Lights* (2025) opens in Lisbon.\n")
    fillers(3)
    assert stored_related(base) == ["Withdrawn Harbor story"]
    unpublish(withdrawn)
    assert stored_related(base) == []


def test_a_changed_headline_reaches_the_related_lists_showing_it(films):
    base = story("Base story", hours=1, body="Ada Varga talks about *Harbor Lights*.\n")
    changed = story("First headline", hours=2, body="The drama *Harbor Lights* (2025) opens in Lisbon.\n")
    fillers(3)
    draft = draft_for(changed)
    draft.headline = "Second headline"
    save_and_publish(draft, article=changed, origin="test")
    assert stored_related(base) == ["Second headline"]


def test_an_unrelated_story_leaves_related_pages_alone(films, renders):
    base = story("Base story", hours=1, body="Ada Varga talks about *Harbor Lights*.\n")
    story("Related story", hours=2, body="The drama *Harbor Lights* (2025) opens in Lisbon.\n")
    fillers(3)
    before = stored_page(base)
    story("Another filler", hours=20, tags=["Gardening"])
    after = stored_page(base)
    assert (after.etag, after.last_modified) == (before.etag, before.last_modified)
