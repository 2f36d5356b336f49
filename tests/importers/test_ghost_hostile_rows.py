"""A Ghost export whose join rows name posts, tags and users by what is not an id (a list, an
object, nothing) or order them by what is not a number: those rows name nothing, and the
posts import; the reader never stops on a TypeError or KeyError."""

from __future__ import annotations

import json

from newsreel.importers.ghost import parse_ghost
from tests.importers.ghost_samples import export, post


def document(changes: dict | None = None) -> dict:
    posts = [post(1, "Harbour night", "harbour-night", html="<p>Text.</p>")]
    data = json.loads(export(posts, tags=[(posts[0]["id"], ["t-reviews", "t-festival"])],
                             authors=[(posts[0]["id"], ["u-1", "u-2"])]))
    rows = data["db"][0]["data"]
    for (table, index, field), value in (changes or {}).items():
        rows[table][index][field] = value
    return data


def test_ids_that_are_lists_objects_or_missing_name_nothing() -> None:
    hostile = document({("tags", 0, "id"): ["t-reviews"], ("users", 0, "id"): {"id": "u-1"},
                          ("posts_tags", 0, "post_id"): {"x": 1}, ("posts_authors", 1, "author_id"): None})
    found = parse_ghost(hostile).posts[0]
    assert found.tags == [("festival", "Festival")]  # the reviews row names its post and its tag by a list and an object
    assert found.authors == []  # one user's id is an object, the other row names no user


def test_a_post_whose_id_is_not_an_id_keeps_no_joined_rows_but_is_read() -> None:
    hostile = document({("posts", 0, "id"): [1, 2]})
    found = parse_ghost(hostile).posts[0]
    assert found.data["title"] == "Harbour night" and found.tags == [] and found.authors == []


def test_sort_orders_that_are_not_numbers_keep_the_file_order() -> None:
    hostile = document({("posts_tags", 0, "sort_order"): "first", ("posts_tags", 1, "sort_order"): None,
                          ("posts_authors", 0, "sort_order"): [3]})
    found = parse_ghost(hostile).posts[0]
    assert found.tags == [("reviews", "Reviews"), ("festival", "Festival")]
    assert found.authors == ["Nadia Ferro", "Tomas Okafor"]


def test_a_single_author_id_that_no_user_has_adds_no_byline() -> None:
    hostile = document({("users", 0, "id"): None})
    hostile["db"][0]["data"]["posts_authors"] = []
    found = parse_ghost(hostile).posts[0]
    assert found.authors == []
