"""Gutenberg's verse and preformatted blocks, and headings with an HTML anchor.

As the block editor saves them: a verse block is `<pre class="wp-block-verse">`, its lines
apart by newlines (or `<br>`, which the editor's rich text writes for Shift+Enter), with
emphasis and links inside; a preformatted block is `<pre class="wp-block-preformatted">`, the
same rich text in a fixed-width font; a heading given an "HTML anchor" in the block's Advanced
panel is `<h2 class="wp-block-heading" id="x">` with `{"anchor":"x"}` in its comment, which a
table of contents links to as `#x`. The poem and every name are invented.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from newsreel.importers.html_markdown import html_to_markdown
from newsreel.newsroom.models import Article
from tests.importers.wxr_samples import Post, wxr

VERSE = (
    '<!-- wp:verse -->\n<pre class="wp-block-verse">Haul away, the <em>tide</em> is turning,\n'
    "Haul away, the lamps are burning;<br>Down the quay the nets lie drying,\n"
    "    and the gulls above are crying.\n\nSecond verse, the boats come home.</pre>\n<!-- /wp:verse -->"
)
PREFORMATTED = (
    '<!-- wp:preformatted -->\n<pre class="wp-block-preformatted">RUNTIME   118 min<br>LANGUAGE  <strong>English</strong>\n\n'
    "RATING    12A</pre>\n<!-- /wp:preformatted -->"
)
HEADINGS = (
    '<!-- wp:paragraph -->\n<p>Jump to <a href="#the-song">the song</a> or <a href="https://example.org/#x">elsewhere</a>.</p>\n'
    "<!-- /wp:paragraph -->\n\n"
    '<!-- wp:heading {"anchor":"the-song"} -->\n<h2 class="wp-block-heading" id="the-song">The <em>song</em></h2>\n'
    "<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>It closes the film.</p>\n<!-- /wp:paragraph -->"
)


def convert(html: str) -> tuple[str, list[str]]:
    warnings: list[str] = []
    return html_to_markdown(html, images=lambda *_: None, warn=warnings.append), warnings


def test_a_verse_block_keeps_its_lines_its_indent_its_stanzas_and_its_emphasis():
    text, warnings = convert(VERSE)
    assert text == ("Haul away, the *tide* is turning,\\\nHaul away, the lamps are burning;\\\n"
                    "Down the quay the nets lie drying,\\\n\u00a0\u00a0\u00a0\u00a0and the gulls above are crying.\n\n"
                    "Second verse, the boats come home.\n")
    assert warnings == []


def test_a_preformatted_block_keeps_its_spacing_and_its_line_breaks_without_stray_backslashes():
    text, _ = convert(PREFORMATTED)
    assert text == "```\nRUNTIME   118 min\nLANGUAGE  English\n\nRATING    12A\n```\n"


def test_a_heading_keeps_its_text_and_links_to_its_anchor_keep_theirs():
    # Newsreel's headings have no anchors (the text core renders none, and the sanitizer keeps
    # ids only for footnotes): the anchor is dropped, and a link to it, which would lead nowhere,
    # keeps its words.
    text, warnings = convert(HEADINGS)
    assert text == ("Jump to the song or [elsewhere](https://example.org/#x).\n\n## The *song*\n\nIt closes the film.\n")
    assert warnings == ["a link to '#the-song' in the post is kept as its text: Newsreel's headings and paragraphs have no anchors"]


@pytest.mark.django_db
def test_the_imported_page_shows_the_poem_line_by_line(tmp_path):
    export = tmp_path / "verse.xml"
    export.write_text(wxr([Post(601, "The Shanty at the End", "shanty-at-the-end", HEADINGS + "\n\n" + VERSE + "\n\n" + PREFORMATTED)]),
                      encoding="utf-8")
    err = StringIO()
    call_command("import", "wordpress", str(export), stdout=StringIO(), stderr=err)
    html = Article.objects.get().body_html
    assert "Haul away, the <em>tide</em> is turning,<br" in html and "&nbsp;&nbsp;&nbsp;&nbsp;and the gulls" in html
    assert "<h2>The <em>song</em></h2>" in html and 'href="#the-song"' not in html
    assert "RUNTIME   118 min\nLANGUAGE  English" in html and "\\" not in html
