"""Preview link tokens: signed, expiring, revocable per story."""

import datetime as dt

import pytest
from django.utils import timezone

from newsreel.newsroom import preview_links
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.preview_links import ExpiredPreviewLink, WrongPreviewLink
from newsreel.newsroom.publishing import save_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def story(small_graph):
    return save_draft(ArticleDraft(headline="Harbor Lights, first look", body="A draft.\n"))


def test_a_token_shows_its_story_until_it_expires(story):
    token, expires = preview_links.make_token(story, dt.timedelta(hours=1))
    assert preview_links.check(story.pk, token) == story
    assert expires.microsecond == 0
    with pytest.raises(ExpiredPreviewLink, match="expired on") as raised:
        preview_links.check(story.pk, token, now=expires)
    assert raised.value.status == 410 and raised.value.expired_at == expires


def test_a_changed_token_or_another_storys_number_is_wrong(story):
    other = save_draft(ArticleDraft(headline="Another story", body="Words.\n"))
    token, _ = preview_links.make_token(story, dt.timedelta(days=1))
    with pytest.raises(WrongPreviewLink, match="not valid") as raised:
        preview_links.check(story.pk, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    assert raised.value.status == 404
    with pytest.raises(WrongPreviewLink):
        preview_links.check(other.pk, token)
    with pytest.raises(WrongPreviewLink):
        preview_links.check(99999, token)


def test_revoking_stops_every_link_of_that_story_and_no_other(story):
    other = save_draft(ArticleDraft(headline="Another story", body="Words.\n"))
    first, _ = preview_links.make_token(story, dt.timedelta(days=1))
    second, _ = preview_links.make_token(story, dt.timedelta(days=7))
    others, _ = preview_links.make_token(other, dt.timedelta(days=1))
    preview_links.revoke_all(story)
    for token in (first, second):
        with pytest.raises(WrongPreviewLink):
            preview_links.check(story.pk, token)
    assert preview_links.check(other.pk, others) == other
    fresh, _ = preview_links.make_token(story, dt.timedelta(days=1))
    assert preview_links.check(story.pk, fresh) == story


@pytest.mark.parametrize("lifetime", [dt.timedelta(0), dt.timedelta(days=31)])
def test_a_link_lives_between_a_second_and_thirty_days(story, lifetime):
    with pytest.raises(ValueError, match="30 days"):
        preview_links.make_token(story, lifetime)


def test_the_expiry_is_counted_from_when_the_link_was_made(story):
    made = timezone.now() - dt.timedelta(hours=2)
    token, expires = preview_links.make_token(story, dt.timedelta(hours=1), now=made)
    with pytest.raises(ExpiredPreviewLink):
        preview_links.check(story.pk, token)
