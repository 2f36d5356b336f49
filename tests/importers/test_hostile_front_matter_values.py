"""Front matter values of another type than a static site's generator documents, met by the
red-team pass of 2026-12-07. `draft: "true"` (quoted: a string) was published, though Hugo reads
it as a draft; tags, categories and authors of a shape Newsreel could not read (a map, a number, a
list holding maps) were dropped without a word."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsreel.newsroom.models import Article, WorkflowState
from tests.importers.commands import markdown_post

pytestmark = pytest.mark.django_db


def import_one(tmp_path: Path, front_matter: str) -> tuple[Article, str]:
    return markdown_post(tmp_path, "date: 2024-03-01\n" + front_matter)


@pytest.mark.parametrize("front_matter, state", [
    ('draft: "true"\n', WorkflowState.DRAFT),
    ("draft: 'True'\n", WorkflowState.DRAFT),
    ('draft: "false"\n', WorkflowState.PUBLISHED),
    ('published: "false"\n', WorkflowState.DRAFT),
    ("draft: 1\n", WorkflowState.DRAFT),
])
def test_a_draft_flag_written_as_text_or_a_number_is_read_as_it_says(tmp_path, front_matter, state):
    article, err = import_one(tmp_path, front_matter)
    assert article.state == state, err


def test_a_draft_flag_that_says_neither_keeps_the_story_a_draft_and_says_so(tmp_path):
    article, err = import_one(tmp_path, "draft: maybe\n")
    assert article.state == WorkflowState.DRAFT
    assert "front matter draft, line 4: 'maybe' is neither true nor false; imported as a draft" in err


def test_terms_and_bylines_of_a_shape_newsreel_cannot_read_are_named_not_dropped(tmp_path):
    article, err = import_one(tmp_path, "tags: {mood: wet}\ncategories: [Festival, {name: x}]\nauthor: [Jo Okonkwo, 7, {x: y}]\n")
    assert list(article.tags.values_list("name", flat=True)) == ["Festival"]
    assert list(article.authors.values_list("name", flat=True)) == ["Jo Okonkwo"]
    assert "front matter tags, line 4: a map of fields is not a name or a list of names; left out" in err
    assert "front matter categories, line 5: a map of fields is not a name; left out" in err
    assert "front matter author, line 6: 7 (a number), a map of fields are not names; left out" in err


def test_a_number_alone_is_a_name(tmp_path):
    article, err = import_one(tmp_path, "tags: 1917\n")
    assert list(article.tags.values_list("name", flat=True)) == ["1917"] and "left out" not in err


def test_an_empty_draft_flag_is_no_draft(tmp_path):
    article, err = import_one(tmp_path, "draft:\npublished:\n")
    assert article.state == WorkflowState.PUBLISHED and "neither" not in err
