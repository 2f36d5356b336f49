"""Newsreel Markdown: CommonMark plus tables, footnotes and ::: blocks, as plain text and HTML."""

from __future__ import annotations

import pytest

from newsreel.text.document import Document, parse_document
from newsreel.text.types import FilmRef, ImageRef, TextError

FILMS = (FilmRef("anora-2024", "Anora", 2024),)


def no_images(reference: str) -> ImageRef | None:
    return None


def parse(source: str) -> Document:
    return parse_document(source, films=FILMS, images=no_images)


def error_of(source: str) -> TextError:
    with pytest.raises(TextError) as caught:
        parse(source)
    return caught.value


def texts(document: Document) -> list[tuple[str, str]]:
    return [(paragraph.kind, paragraph.text) for paragraph in document.paragraphs]


# Plain text


def test_every_paragraph_start_indexes_its_text_in_document_text() -> None:
    document = parse(
        "# Opening night\n\nThe *first* paragraph.\n\n- one item\n- two items\n\n"
        "> A quoted line\n\n:::note\nA note.\n:::\n\n| Film | Year |\n|---|---|\n| Anora | 2024 |\n"
    )
    assert len(document.paragraphs) == 8
    for paragraph in document.paragraphs:
        assert document.text[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text


def test_text_joins_paragraphs_with_a_blank_line() -> None:
    document = parse("First.\n\nSecond.")
    assert document.text == "First.\n\nSecond."
    assert [paragraph.start for paragraph in document.paragraphs] == [0, 8]


def test_plain_text_drops_inline_markup_and_decodes_entities() -> None:
    document = parse("A **bold** and _quiet_ [link](https://example.org) to `code` &amp; caf&eacute; ~~old~~")
    assert document.text == "A bold and quiet link to code & café old"


def test_soft_line_breaks_become_spaces() -> None:
    assert parse("one\ntwo\nthree").text == "one two three"


def test_each_block_has_a_kind_in_reading_order() -> None:
    document = parse(
        "# Heading\n\nBody text.\n\n- A list item\n\n> Quoted words\n\n"
        ":::note\nNote text.\n:::\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\nSee this.[^n]\n\n[^n]: Footnote text.\n"
    )
    assert texts(document) == [
        ("heading", "Heading"),
        ("paragraph", "Body text."),
        ("list", "A list item"),
        ("quote", "Quoted words"),
        ("note", "Note text."),
        ("table", "A | B"),
        ("table", "1 | 2"),
        ("paragraph", "See this."),
        ("footnote", "Footnote text."),
    ]


def test_code_is_not_prose_and_stays_out_of_the_text() -> None:
    document = parse("Before.\n\n```python\nprint('hidden')\n```\n\n    indented code\n\nAfter.")
    assert document.text == "Before.\n\nAfter."


def test_raw_html_block_counts_by_its_text() -> None:
    document = parse("<div>Raw <b>words</b></div>\n\nNext.")
    assert texts(document) == [("paragraph", "Raw words"), ("paragraph", "Next.")]


def test_word_count_and_reading_time_at_about_230_words_a_minute() -> None:
    document = parse(" ".join(["word"] * 690))
    assert document.word_count == 690
    assert document.reading_minutes == 3


def test_a_short_article_reads_in_at_least_one_minute() -> None:
    document = parse("Short.")
    assert document.word_count == 1
    assert document.reading_minutes == 1


def test_empty_source_is_an_empty_document() -> None:
    document = parse("")
    assert document.paragraphs == [] and document.text == "" and document.html() == ""


# HTML


def test_body_h1_moves_down_to_h2_and_keeps_the_hierarchy() -> None:
    html = parse("# Top\n\n## Middle\n\n### Low\n\n#### Lower").html()
    assert "<h2>Top</h2>" in html
    assert "<h3>Middle</h3>" in html
    assert "<h4>Low</h4>" in html
    assert "<h4>Lower</h4>" in html
    assert "<h1" not in html


def test_body_without_h1_keeps_its_levels() -> None:
    html = parse("## Section\n\n### Part\n\n###### Tiny").html()
    assert "<h2>Section</h2>" in html and "<h3>Part</h3>" in html and "<h4>Tiny</h4>" in html


def test_tables_render_with_alignment() -> None:
    html = parse("| Film | Year |\n|:---|---:|\n| Anora | 2024 |").html()
    assert "<table>" in html
    assert '<th style="text-align:left">Film</th>' in html
    assert '<td style="text-align:right">2024</td>' in html


def test_footnotes_render_as_a_numbered_list_at_the_end() -> None:
    html = parse("A claim.[^src]\n\n[^src]: The source.").html()
    assert '<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup>' in html
    assert '<li id="fn1" class="footnote-item"><p>The source.' in html
    assert html.rstrip().endswith("</section>")


def test_strikethrough_renders() -> None:
    assert "<s>gone</s>" in parse("~~gone~~").html()


def test_editors_note_renders_as_an_aside_with_its_label() -> None:
    html = parse(":::note\nThis story was updated.\n:::").html()
    assert '<aside class="editors-note">' in html
    assert '<p class="editors-note-label">Editor\'s note</p>' in html
    assert "<p>This story was updated.</p>" in html


def test_block_marker_ends_the_paragraph_above_it() -> None:
    document = parse("Intro line\n:::note\nNote.\n:::\nOutro line")
    assert texts(document) == [("paragraph", "Intro line"), ("note", "Note."), ("paragraph", "Outro line")]


def test_code_fence_with_colons_inside_is_code_not_a_block() -> None:
    document = parse("```\n:::spoiler not-a-film\n:::\n```")
    assert document.spoiler_films == []
    assert ":::spoiler not-a-film" in document.html()


def test_code_fence_inside_a_block_may_hold_a_closing_marker() -> None:
    document = parse(":::note\n~~~\n:::\n~~~\nStill the note.\n:::\n\nAfter.")
    assert texts(document) == [("note", "Still the note."), ("paragraph", "After.")]


def test_html_does_not_change_the_document() -> None:
    document = parse("Hello world.")
    first = document.html()
    document.html(spoiler_mode="notice")
    assert document.html() == first


# Errors name their line


def test_unclosed_block_names_the_line_where_it_opened() -> None:
    error = error_of("Intro.\n\n:::note\nNever closed.\n\nMore text.")
    assert error.line == 3
    assert "never closed" in error.message


def test_one_closing_marker_for_two_blocks_names_the_outer_opening_line() -> None:
    error = error_of("Intro.\n\n:::spoiler anora-2024\nText.\n:::note\nInner.\n:::\n")
    assert error.line == 3
    assert ":::spoiler" in error.message


def test_unknown_block_type_names_its_line() -> None:
    error = error_of("Intro.\n\n:::warning\nCareful.\n:::")
    assert error.line == 3
    assert ":::warning" in error.message
    assert ":::spoiler" in error.message


def test_stray_closing_marker_names_its_line() -> None:
    error = error_of("One.\n\nTwo.\n\n:::")
    assert error.line == 5
    assert "no block is open" in error.message


def test_note_takes_no_arguments() -> None:
    error = error_of("\n:::note anora-2024\nText.\n:::")
    assert error.line == 2


def test_line_numbers_are_counted_in_the_source_with_windows_line_endings() -> None:
    error = error_of("One.\r\n\r\n:::mystery\r\nText.\r\n:::\r\n")
    assert error.line == 3


def test_text_error_message_starts_with_the_line() -> None:
    assert str(error_of("\n\n:::bogus\n:::")).startswith("line 3: ")
