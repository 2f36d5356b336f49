"""Revisions: nothing new without a change, any two compared word by word, any one restored."""

import pytest

from newsreel.newsroom import revisions
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Revision
from newsreel.newsroom.publishing import publish, save_and_publish, save_draft

pytestmark = pytest.mark.django_db

BODY = "Ada Varga has finished *Harbor Lights*.\n\nIt opens in October.\n"


def test_saving_the_same_content_again_makes_no_new_revision(small_graph):
    article = save_draft(ArticleDraft(headline="Harbor Lights is done", body=BODY))
    again = save_draft(ArticleDraft(headline="Harbor Lights is done", body=BODY), article=article)
    assert again.revisions.count() == 1 and again.latest_revision.number == 1


def test_publishing_without_a_change_makes_no_new_revision(small_graph):
    article = save_and_publish(ArticleDraft(headline="Harbor Lights is done", body=BODY))
    article = save_and_publish(ArticleDraft(headline="Harbor Lights is done", body=BODY), article=article)
    assert article.revisions.count() == 1 and article.live_revision.number == 1 and article.is_live


def test_a_real_change_still_makes_a_revision(small_graph):
    article = save_draft(ArticleDraft(headline="Harbor Lights is done", body=BODY))
    article = save_draft(ArticleDraft(headline="Harbor Lights is done", body=BODY, tags=["Drama"]), article=article)
    assert article.revisions.count() == 2


def test_compare_shows_word_level_changes_per_field(small_graph):
    article = save_draft(ArticleDraft(headline="Harbor Lights is done", body=BODY))
    save_draft(ArticleDraft(headline="Harbor Lights is finished", slug=article.slug, body=BODY.replace("October", "November")),
               article=article)
    first, second = Revision.objects.filter(article=article).order_by("number")
    changes = {change.name: change for change in revisions.compare(first, second)}
    assert {name for name, change in changes.items() if change.changed} == {"headline", "body"}
    assert [(s.kind, s.text) for s in changes["headline"].segments if s.kind != "equal"] == [
        ("removed", "done"), ("added", "finished")]
    assert (changes["body"].removed_words, changes["body"].added_words) == (1, 1)


def test_revisions_of_two_articles_cannot_be_compared(small_graph):
    one = save_draft(ArticleDraft(headline="One story", body=BODY))
    two = save_draft(ArticleDraft(headline="Two story", body=BODY))
    with pytest.raises(ValueError, match="two different articles"):
        revisions.compare(one.latest_revision, two.latest_revision)


def test_restoring_an_old_revision_makes_a_new_draft_revision_and_leaves_the_live_one(small_graph):
    article = save_and_publish(ArticleDraft(headline="Harbor Lights is done", body=BODY))
    article = save_and_publish(ArticleDraft(headline="Harbor Lights is finished", body=BODY), article=article)
    restored = revisions.restore(article, 1)
    article.refresh_from_db()
    assert restored.number == 3 and restored.origin == "restore:1"
    assert restored.content["headline"] == "Harbor Lights is done"
    assert article.latest_revision == restored and article.live_revision.number == 2
    assert article.headline == "Harbor Lights is finished"  # readers see revision 2 until a publish
    publish(article)
    article.refresh_from_db()
    assert article.headline == "Harbor Lights is done"


def test_restoring_the_content_the_latest_already_has_saves_nothing(small_graph):
    article = save_draft(ArticleDraft(headline="Harbor Lights is done", body=BODY))
    assert revisions.restore(article, 1).number == 1 and article.revisions.count() == 1


def test_restoring_a_revision_the_article_does_not_have_says_so(small_graph):
    article = save_draft(ArticleDraft(headline="Harbor Lights is done", body=BODY))
    with pytest.raises(Revision.DoesNotExist):
        revisions.restore(article, 7)
