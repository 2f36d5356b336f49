"""Whatever an item's build did not foresee fails that item alone, named; the others are imported."""

from __future__ import annotations

import pytest

from newsreel.importers.runner import Item, import_items
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article
from newsreel.newsroom.upsert import Incoming

pytestmark = pytest.mark.django_db(transaction=True)


def broken() -> Incoming:
    return {}["headline"]  # a converter's bug, as any importer (JSON Lines, content folders) may meet


def fine() -> Incoming:
    return Incoming(ArticleDraft(headline="A festival opens", body="Words about an invented festival.",
                                 slug="a-festival-opens"))


@pytest.mark.parametrize("render_at_end", [False, True])
def test_an_unforeseen_error_in_one_item_fails_it_alone_and_names_it(render_at_end):
    report = import_items([Item(source="posts.jsonl:3", build=broken), Item(source="posts.jsonl:4", build=fine)],
                          total=2, render_at_end=render_at_end)
    assert (report.created, report.failed) == (1, 1)
    assert report.failures == ["posts.jsonl:3: item: could not be read (KeyError: 'headline'); "
                               "not imported, the others are"]
    assert list(Article.objects.values_list("slug", flat=True)) == ["a-festival-opens"]
