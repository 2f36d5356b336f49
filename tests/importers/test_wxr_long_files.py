"""An export longer than 65,535 lines is read as it is, each item once, at its own line.

libxml2 keeps an element's line number in 16 bits: past line 65,535 lxml tells the line of the
element's first text instead, a line or more into the item. A real site's export passes that
line after a thousand posts or so; each item there was taken for one the reader had lost, read
a second time on its own, imported twice and reported at the wrong line. Every post here is invented.
"""

from __future__ import annotations

from newsreel.importers.wxr import parse_wxr
from tests.importers.wxr_samples import Post, wxr

# Whitespace between a channel's elements is nothing to XML: it only pushes the items down the file.
PADDING = "\n" * 70_000


def long_export(posts: list[Post]) -> str:
    text = wxr(posts)
    first = text.index("\t<item>")
    return text[:first] + PADDING + text[first:]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


POSTS = [Post(801, "Night ferry", "night-ferry", "<p>One.</p>"),
         Post(802, "Salt and signal", "salt-and-signal", "<p>Two.</p>"),
         Post(803, "The long take", "the-long-take", "<p>Three.</p>")]


def test_items_past_line_65535_are_each_read_once_at_the_line_they_begin_on():
    text = long_export(POSTS)
    export = parse_wxr(text.encode("utf-8"))
    assert [(item.post_id, item.title) for item in export.items] == [
        (801, "Night ferry"), (802, "Salt and signal"), (803, "The long take")]
    starts = [line_of(text, f"<title><![CDATA[{post.title}]]>") - 1 for post in POSTS]
    assert [item.line for item in export.items] == starts
    assert starts[0] > 65_535
    assert export.problems == []


def test_a_problem_past_line_65535_names_its_item_and_its_line():
    text = long_export(POSTS).replace("<title><![CDATA[Salt and signal]]></title>",
                                      "<title><![CDATA[Salt and signal]]></titel>")
    export = parse_wxr(text.encode("utf-8"))
    assert [item.title for item in export.items] == ["Night ferry", "Salt and signal", "The long take"]
    assert {problem.item for problem in export.problems} == {"Salt and signal"}
    assert all(problem.line == line_of(text, "</titel>") for problem in export.problems)


def test_an_item_read_inside_another_past_line_65535_is_reported_at_both_items_lines():
    text = long_export(POSTS).replace("\t</item>\n\t<item>\n\t\t<title><![CDATA[The long take]]>",
                                      "\t<item>\n\t\t<title><![CDATA[The long take]]>")
    export = parse_wxr(text.encode("utf-8"))
    assert [item.title for item in export.items] == ["Night ferry", "Salt and signal", "The long take"]
    third = line_of(text, "<title><![CDATA[The long take]]>") - 1
    assert [item.line for item in export.items][-1] == third
    assert all(problem.line >= 65_535 for problem in export.problems)
