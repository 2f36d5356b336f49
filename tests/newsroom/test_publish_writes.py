"""Saving a revision and publishing it writes the article's row once for the publish.

The publish that follows a save in the same transaction writes the whole row; the save no
longer writes the row's latest revision on its own first. Whatever the path, the row ends
naming the new revision."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsreel.newsroom import clock
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import WorkflowState
from newsreel.newsroom.publishing import save_and_publish, save_draft

pytestmark = pytest.mark.django_db

BODY = "Ada Varga has finished *Harbor Lights*.\n\nThe film opens in October.\n"


def draft(**changes) -> ArticleDraft:
    return ArticleDraft(**{"headline": "Harbor Lights review", "body": BODY, "section": "news", **changes})


def article_updates(statements: CaptureQueriesContext) -> list[str]:
    return [query["sql"] for query in statements.captured_queries if query["sql"].startswith('UPDATE "newsroom_article"')]


def test_publishing_an_edit_writes_the_row_once_after_saving_it(small_graph):
    article = save_and_publish(draft(), origin="test")
    with CaptureQueriesContext(connection) as statements:
        save_and_publish(draft(body=BODY + "\nA second screening.\n"), article=article, origin="test")
    article.refresh_from_db()
    assert article.latest_revision.number == 2 and article.live_revision == article.latest_revision
    updates = article_updates(statements)
    assert len(updates) == 2  # the revision's save, then the publish (the latest revision alone no longer)
    assert not any(sql.startswith('UPDATE "newsroom_article" SET "updated_at" = ') for sql in updates)


def test_a_scheduled_publish_still_names_its_new_revision_as_the_latest(small_graph):
    at = clock.now() + dt.timedelta(days=3)
    article = save_and_publish(draft(publish_at=at), origin="test")
    article.refresh_from_db()
    assert article.state == WorkflowState.SCHEDULED
    assert article.latest_revision is not None and article.scheduled_revision == article.latest_revision


def test_a_draft_saved_alone_still_writes_its_latest_revision(small_graph):
    article = save_draft(draft(), origin="test")
    article.refresh_from_db()
    assert article.latest_revision is not None and article.latest_revision.number == 1
