"""An importer whose builds read no database builds each story one story early (`runner._built_ahead`).

So the next story's pictures are checked, and their renditions made on the other core,
while the story before it is written; what the import reports is the same.
"""

from __future__ import annotations

import pytest

from newsreel.importers.runner import Item, SkipItem, _built_ahead
from newsreel.newsroom.intake import ArticleDraft, FieldError, IntakeError
from newsreel.newsroom.upsert import Incoming


def recording(events: list[str], name: str, outcome=None) -> Item:
    def build() -> Incoming:
        events.append(f"build {name}")
        if isinstance(outcome, Exception):
            raise outcome
        return Incoming(ArticleDraft(headline=name, body="Words."))
    return Item(source=name, build=build, build_early=True)


def test_each_early_item_is_built_before_the_item_ahead_of_it_is_imported():
    events: list[str] = []
    for item in _built_ahead([recording(events, "one"), recording(events, "two"), recording(events, "three")]):
        events.append(f"import {item.source}")
        assert item.build().draft.headline == item.source
    assert events == ["build one", "build two", "import one", "build three", "import two", "import three"]


def test_an_item_that_reads_the_database_is_built_when_it_is_imported():
    events: list[str] = []
    late = Item(source="late", build=lambda: events.append("build late") or Incoming(ArticleDraft(headline="late", body="Words.")))
    for item in _built_ahead([late, recording(events, "early")]):
        events.append(f"import {item.source}")
        item.build()
    assert events == ["build early", "import late", "build late", "import early"]


@pytest.mark.parametrize("failure", [IntakeError([FieldError("body", "is empty")]), SkipItem("a page"), KeyError("bug")])
def test_a_build_s_exception_is_raised_where_its_item_is_imported_as_often_as_asked(failure):
    events: list[str] = []
    items = list(_built_ahead([recording(events, "bad", failure), recording(events, "good")]))
    assert events == ["build bad", "build good"]
    for _ in range(2):  # a refused chunk imports its items again
        with pytest.raises(type(failure)):
            items[0].build()
    assert items[1].build() is items[1].build()
    assert events == ["build bad", "build good"]
