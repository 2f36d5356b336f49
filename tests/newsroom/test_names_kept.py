"""Inside `publishing.names_kept()` (an import's chunk) each tag and author is looked up once; one
made by a story rolled back in its savepoint is made again by the next story that names it."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Section, Tag
from newsreel.newsroom.publishing import names_kept, save_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def news(db):
    Section.objects.get_or_create(slug="news", defaults={"name": "News"})


class Refused(Exception):
    pass


def publish(slug: str, tags: list[str]) -> Article:
    return save_and_publish(ArticleDraft(headline=f"Story {slug}", slug=slug, body="The ferry left at six.\n",
                                         section="news", tags=tags, authors=["Nadia Ferro"]), origin="import")


def test_a_tag_or_author_found_or_made_earlier_in_the_block_is_not_asked_again():
    with transaction.atomic(), names_kept():
        publish("one", ["Harbour", "Festival"])
        with CaptureQueriesContext(connection) as queries:
            publish("two", ["Festival", "Harbour"])
    assert not [query for query in queries.captured_queries
                if 'WHERE "newsroom_tag"."slug"' in query["sql"] or 'WHERE "newsroom_author"."slug"' in query["sql"]]
    assert sorted(Article.objects.get(slug="two").tags.values_list("slug", flat=True)) == ["festival", "harbour"]


def test_a_tag_made_by_a_story_rolled_back_is_made_again_by_the_next():
    with transaction.atomic(), names_kept():
        try:
            with transaction.atomic():
                publish("lost", ["Lighthouse"])
                raise Refused
        except Refused:
            pass
        assert not Tag.objects.filter(slug="lighthouse").exists()
        publish("kept", ["Lighthouse"])
    assert list(Article.objects.get(slug="kept").tags.values_list("slug", flat=True)) == ["lighthouse"]
