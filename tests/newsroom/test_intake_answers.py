"""A draft validated again in the transaction that validated it asks the database only what changed.

An import validates each story's draft before storing its pictures, then saves it, which
validates it again; the slug, section and hero picture the first validation found good are
not asked about a second time, and anything else still is."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from newsreel.newsroom.intake import Answered, ArticleDraft, IntakeError, validate_draft
from newsreel.newsroom.models import Article, Section
from newsreel.newsroom.publishing import save_and_publish, save_draft

pytestmark = pytest.mark.django_db


def draft(**fields) -> ArticleDraft:
    return ArticleDraft(**{"headline": "A harbour story", "body": "The pier at dusk.", "section": "news", **fields})


def asked(statements: CaptureQueriesContext, table: str) -> int:
    return sum(f'FROM "{table}"' in query["sql"] for query in statements.captured_queries)


@pytest.fixture
def news(db):
    return Section.objects.get_or_create(slug="news", defaults={"name": "News"})[0]


def test_answered_slug_and_section_are_not_asked_again(news):
    first = validate_draft(draft())
    with CaptureQueriesContext(connection) as statements:
        again = validate_draft(first, answered=Answered.of(first, None))
    assert again == first
    assert asked(statements, "newsroom_article") == 0 and asked(statements, "newsroom_section") == 0


def test_a_slug_answered_for_another_article_is_asked_again(news):
    other = save_and_publish(draft(headline="Another story"))
    first = validate_draft(draft())
    with pytest.raises(IntakeError, match="already used by another article"):
        validate_draft(draft(slug=other.slug), article=None, answered=Answered.of(first, None))
    with CaptureQueriesContext(connection) as statements:
        validate_draft(first, article=other, answered=Answered.of(first, None))
    assert asked(statements, "newsroom_article") == 1  # answered for a new story, not for `other`


def test_a_hero_picture_changed_since_the_answer_is_still_checked(news):
    first = validate_draft(draft())
    with pytest.raises(IntakeError, match="image 424242 does not exist"):
        validate_draft(draft(hero_image=424242), answered=Answered.of(first, None))


@pytest.mark.django_db(transaction=True)
def test_answers_are_not_used_by_a_save_outside_the_transaction_that_got_them(news):
    first = validate_draft(draft())
    answered = Answered.of(first, None)
    Article.objects.create(headline="Taken meanwhile", slug=first.slug)
    # Outside any transaction the save may be retried after others wrote: it asks again.
    with pytest.raises(IntakeError, match="already used by another article"):
        save_draft(first, answered=answered)
    with pytest.raises(IntakeError, match="already used by another article"):
        save_and_publish(first, answered=answered)


def test_a_save_in_the_transaction_that_validated_asks_the_slug_once(news):
    with transaction.atomic():
        first = validate_draft(draft())
        with CaptureQueriesContext(connection) as statements:
            save_draft(first, answered=Answered.of(first, None))
    slug_checks = [query for query in statements.captured_queries
                   if 'AS "a" FROM "newsroom_article"' in query["sql"] and '"newsroom_article"."slug" =' in query["sql"]]
    assert slug_checks == []
    assert Article.objects.get().slug == first.slug
