"""A post kept without a title gets a headline from its own words (newsreel.importers.untitled)."""

from __future__ import annotations

import pytest

from newsreel.importers.untitled import HEADLINE_WORDS_MAX, headline_from_text


@pytest.mark.parametrize(("body", "slug", "headline"), [
    ("## Programme notes\n\nThree invented films.", "", "Programme notes"),
    ("The ferry left at dawn. Nobody slept.", "", "The ferry left at dawn"),
    ("Was it the *best* night of the festival? Maybe.", "", "Was it the best night of the festival?"),
    ("A note on [the pier](https://example.org/pier) at 6 p.m. on the dot", "", "A note on the pier at 6 p.m. on the dot"),
    (":::figure credit=\"Jo Ray\"\n![Fog](image:3)\n:::\n\n> “We shot it in nine days,” she said. Then more.", "",
     "“We shot it in nine days,” she said"),
    ("- first item of a list\n- second", "", "first item of a list"),
    ("", "blog-2024-harbour-aside", "Blog 2024 harbour aside"),
    ("", "", ""),
])
def test_the_headline_is_the_first_heading_else_the_first_sentence_else_the_slug(body, slug, headline):
    assert headline_from_text(body, slug) == headline


def test_a_long_first_sentence_is_cut_at_a_word_and_marked():
    body = ("The invented festival's longest night ran from the opening film through three premieres, "
            "a jury dinner and a ferry crossing to the island cinema, ending at dawn")
    headline = headline_from_text(body)
    assert headline.endswith("…") and len(headline) <= HEADLINE_WORDS_MAX + 1
    assert body.startswith(headline[:-1]) and body[len(headline) - 1] == " "


def test_a_spoiler_block_never_makes_the_headline():
    body = (":::spoiler fog-harbour\nThe keeper drowns in the last reel.\n:::\n\n"
            "```\ncode the writer pasted\n```\n\nOur review of the invented Fog Harbour.")
    assert headline_from_text(body) == "Our review of the invented Fog Harbour"


def test_a_template_tag_left_on_its_own_line_never_makes_the_headline():
    assert headline_from_text("{% include player.html %}\n\nSo the festival began.") == "So the festival began"


def test_hostile_bodies_make_a_headline_in_one_pass():
    """Long runs a backtracking pattern would take minutes over: a heading of spaces, a line of marks."""
    assert headline_from_text("# " + " " * 100_000 + "Pier") == "Pier"
    assert headline_from_text("*" * 100_000, "pier-note") == "Pier note"
    assert headline_from_text("## Programme ##") == "Programme"
