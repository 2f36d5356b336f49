"""Reads the pages of one refresh share (`newsreel.public.pages.shared`): made once, never stale outside."""

from __future__ import annotations

from newsreel.public.pages import shared as shared_module
from newsreel.public.pages.shared import reads_shared, remember_rows, shared_rows


class Reader:
    """A stand-in for a query: answers the keys it holds and counts what it was asked."""

    def __init__(self, rows: dict[int, str]) -> None:
        self.rows, self.asked = rows, []

    def __call__(self, keys: list[int]) -> dict[int, str]:
        self.asked.append(list(keys))
        return {key: self.rows[key] for key in keys if key in self.rows}


def test_outside_a_refresh_every_call_reads_afresh():
    read = Reader({1: "one"})
    assert shared_rows("stories", [1], read) == {1: "one"}
    assert shared_rows("stories", [1], read) == {1: "one"}
    assert read.asked == [[1], [1]]


def test_inside_a_refresh_only_keys_not_read_yet_are_read_and_in_one_call():
    read = Reader({1: "one", 2: "two", 3: "three"})
    with reads_shared():
        assert shared_rows("stories", [1, 2], read) == {1: "one", 2: "two"}
        assert shared_rows("stories", [2, 3, 3], read) == {2: "two", 3: "three"}
    assert read.asked == [[1, 2], [3]]


def test_a_key_the_read_does_not_answer_is_remembered_as_absent():
    read = Reader({1: "one"})
    with reads_shared():
        assert shared_rows("stories", [1, 9], read) == {1: "one"}
        assert shared_rows("stories", [9], read) == {}
    assert read.asked == [[1, 9]]


def test_rows_read_by_the_caller_answer_later_reads():
    read = Reader({})
    with reads_shared():
        remember_rows("stories", {4: "four"})
        assert shared_rows("stories", [4], read) == {4: "four"}
    assert read.asked == []


def test_families_are_apart_and_nothing_outlives_the_refresh():
    read = Reader({1: "one"})
    with reads_shared():
        shared_rows("stories", [1], read)
        shared_rows("tags of", [1], read)
    with reads_shared():
        shared_rows("stories", [1], read)
    assert read.asked == [[1], [1], [1]]


def test_a_family_past_its_limit_starts_afresh(monkeypatch):
    monkeypatch.setattr(shared_module, "ROWS_KEPT", 3)
    read = Reader({key: str(key) for key in range(10)})
    with reads_shared():
        shared_rows("stories", [1, 2, 3], read)
        shared_rows("stories", [4, 5], read)  # 5 rows would be kept: the family starts afresh
        shared_rows("stories", [4], read)
        shared_rows("stories", [1], read)
    assert read.asked == [[1, 2, 3], [4, 5], [1]]
