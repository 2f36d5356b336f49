"""Gutenberg block comments a hand edit or a cut file broke (the red-team pass of 2026-12-07): a
delimiter that lost its `-->`, attributes whose JSON lost its `}`, a reusable block whose `ref` is
no number. The words around them are the writer's, and WordPress showed them: each was lost
without a word (the broken comment ran on to the next one's `-->`, or to the end of the post)."""

from __future__ import annotations

from tests.importers.test_html_markdown import convert


def test_a_closing_delimiter_without_its_end_loses_nothing_after_it():
    markdown, warnings = convert(
        "<!-- wp:paragraph -->\n<p>The tide came in.</p>\n<!-- /wp:paragraph\n\n"
        "<!-- wp:paragraph -->\n<p>The boats went out.</p>\n<!-- /wp:paragraph -->")
    assert markdown == "The tide came in.\n\nThe boats went out.\n"
    assert len(warnings) == 1 and "'<!-- /wp:paragraph' is never closed" in warnings[0]


def test_the_last_delimiter_without_its_end_loses_nothing_after_it():
    markdown, warnings = convert("<!-- wp:paragraph -->\n<p>The tide came in.</p>\n<!-- /wp:paragraph\n<p>Then the rain.</p>")
    assert markdown == "The tide came in.\n\nThen the rain.\n" and len(warnings) == 1


def test_attributes_that_lost_their_brace_do_not_swallow_the_blocks_after_them():
    markdown, warnings = convert(
        '<!-- wp:heading {"level":3 -->\n<h3>Day one</h3>\n<!-- /wp:heading -->\n'
        "<!-- wp:paragraph -->\n<p>Rain on the pier.</p>\n<!-- /wp:paragraph -->\n"
        '<!-- wp:embed {"url":"https://vimeo.com/700000001","type":"video"} -->\n'
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://vimeo.com/700000001\n</div></figure>\n'
        "<!-- /wp:embed -->")
    assert "### Day one" in markdown and "Rain on the pier." in markdown and "https://vimeo.com/700000001" in markdown
    assert len(warnings) == 1 and "'<!-- wp:heading {\"level\":3 -->' cannot be read" in warnings[0]


def test_a_reusable_block_whose_ref_is_no_number_is_reported():
    for attrs in ('{"ref":"harbour"}', '{"ref":55'):
        markdown, warnings = convert(f"<p>Before.</p>\n<!-- wp:block {attrs} /-->\n<p>After.</p>")
        assert markdown == "Before.\n\nAfter.\n"
        assert len(warnings) == 1 and "reusable block" in warnings[0] and "left out" in warnings[0], attrs
