"""One definition of live: published, and its publication time has come."""

import datetime as dt

import pytest

from newsreel.newsroom import clock
from newsreel.newsroom.live_sql import LinkedStories
from newsreel.newsroom.models import Article, Tag
from newsreel.newsroom.publishing import neighbour_ids, save_and_publish
from newsreel.newsroom.related import Entities, closest_ids
from newsreel.newsroom.intake import ArticleDraft

pytestmark = pytest.mark.django_db


def story(headline: str, **changes) -> Article:
    return save_and_publish(ArticleDraft(headline=headline, body=f"{headline}.\n", tags=["Festivals"], **changes),
                            origin="test")


@pytest.fixture
def three_stories():
    """Three stories published an hour apart; the clock stands between the second and third."""
    start = clock.now() - dt.timedelta(hours=2)
    stories = [story(f"Story {n}", publish_at=start + dt.timedelta(hours=n)) for n in range(3)]
    return stories


def test_live_means_published_and_its_time_has_come(three_stories, monkeypatch):
    first, second, third = three_stories
    assert set(Article.objects.live()) == {first, second, third}
    monkeypatch.setattr(clock, "now", lambda: third.published_at - dt.timedelta(minutes=1))
    assert set(Article.objects.live()) == {first, second}
    assert [a.is_live for a in Article.objects.order_by("published_at")] == [True, True, False]


def test_an_unpublished_or_draft_story_is_never_live(three_stories):
    first = three_stories[0]
    Article.objects.filter(pk=first.pk).update(state="unpublished")
    assert first.pk not in Article.objects.live().values_list("pk", flat=True)


def test_raw_sql_readers_use_the_same_condition(three_stories, monkeypatch):
    first, second, third = three_stories
    tag = Tag.objects.get(name="Festivals")
    tagged = lambda: LinkedStories.of_tag(tag.pk)  # noqa: E731
    assert tagged().count() == 3 and neighbour_ids(second) == (first.pk, third.pk)
    assert set(closest_ids(Entities(tag_ids={tag.pk}), exclude={first.pk})) == {second.pk, third.pk}

    monkeypatch.setattr(clock, "now", lambda: third.published_at - dt.timedelta(seconds=1))
    assert tagged().count() == 2 and tagged().ids(0, 10) == [second.pk, first.pk]
    assert neighbour_ids(second) == (first.pk, None)
    assert closest_ids(Entities(tag_ids={tag.pk}), exclude={first.pk}) == [second.pk]
