"""Figures: every published photo has alt text and a credit, and shows both."""

from __future__ import annotations

import pytest

from newsreel.text.document import Document, parse_document
from newsreel.text.figures import parse_figure_attributes
from newsreel.text.types import FilmRef, ImageRef, TextError

LIBRARY = {
    "hero": ImageRef(
        url="/media/hero.jpg", alt="A dancer under neon", credit="Photo: Newsreel Demo",
        width=1600, height=900, srcset="/media/hero-800.jpg 800w, /media/hero.jpg 1600w",
    ),
    "bare": ImageRef(url="/media/bare.jpg", alt="", credit=""),
    "no-size": ImageRef(url="/media/plain.jpg", alt="A plain still", credit="Courtesy Demo Films"),
}


def parse(source: str) -> Document:
    return parse_document(source, films=(FilmRef("anora-2024", "Anora", 2024),), images=LIBRARY.get)


def error_of(source: str) -> TextError:
    with pytest.raises(TextError) as caught:
        parse(source)
    return caught.value


def figure(first_line: str, attributes: str = "", caption: str = "") -> str:
    return f":::figure {attributes}\n{first_line}\n{caption}\n:::\n".replace(":::figure \n", ":::figure\n")


# Rendering


def test_figure_renders_image_caption_and_credit() -> None:
    html = parse(figure("![Ani at the club](hero)", 'credit="Photo: Jane Roe"', "Caption with *emphasis*.")).html()
    assert html.startswith('<figure class="figure"><img src="/media/hero.jpg" alt="Ani at the club"')
    assert 'width="1600" height="900"' in html
    assert 'loading="lazy"' in html and 'decoding="async"' in html
    assert 'srcset="/media/hero-800.jpg 800w, /media/hero.jpg 1600w"' in html and "sizes=" in html
    assert (
        '<figcaption><span class="caption">Caption with <em>emphasis</em>.</span> '
        '<span class="credit">Photo: Jane Roe</span></figcaption></figure>'
    ) in html


def test_figure_without_caption_still_shows_its_credit() -> None:
    html = parse(figure("![](hero)")).html()
    assert '<figcaption><span class="credit">Photo: Newsreel Demo</span></figcaption>' in html
    assert 'class="caption"' not in html


def test_image_without_size_or_srcset_omits_those_attributes() -> None:
    html = parse(figure("![](no-size)")).html()
    assert "width=" not in html and "srcset=" not in html and "sizes=" not in html


def test_markdown_alt_and_block_credit_override_the_library() -> None:
    document = parse(figure("![Ani at the club](hero)", 'credit="Photo: Jane Roe"'))
    assert document.figures[0].alt == "Ani at the club"
    assert document.figures[0].credit == "Photo: Jane Roe"


def test_library_alt_and_credit_fill_in_when_the_markdown_has_none() -> None:
    document = parse(figure("![](hero)"))
    assert document.figures[0].alt == "A dancer under neon"
    assert document.figures[0].credit == "Photo: Newsreel Demo"
    assert 'alt="A dancer under neon"' in document.html()


def test_credit_attribute_may_use_single_quotes() -> None:
    assert parse(figure("![](hero)", "credit='Photo: O\"Neil'")).figures[0].credit == 'Photo: O"Neil'


def test_credit_and_alt_are_escaped_in_html() -> None:
    html = parse(figure('![Tom & "Jerry"](hero)', 'credit="<b>Photo</b> & Co"')).html()
    assert 'alt="Tom &amp; &quot;Jerry&quot;"' in html
    assert "&lt;b&gt;Photo&lt;/b&gt; &amp; Co" in html


def test_caption_is_a_caption_paragraph_of_the_text() -> None:
    document = parse("Intro.\n\n" + figure("![](hero)", "", "The club at night."))
    assert [(paragraph.kind, paragraph.text) for paragraph in document.paragraphs] == [
        ("paragraph", "Intro."),
        ("caption", "The club at night."),
    ]


def test_standalone_image_paragraph_becomes_a_figure_with_its_library_credit() -> None:
    document = parse("Before.\n\n![Neon sign](hero)\n\nAfter.")
    html = document.html()
    assert '<figure class="figure"><img src="/media/hero.jpg" alt="Neon sign"' in html
    assert '<span class="credit">Photo: Newsreel Demo</span>' in html
    assert "<p><img" not in html
    assert document.text == "Before.\n\nAfter."


def test_document_lists_its_figures_in_order() -> None:
    document = parse(figure("![](hero)") + "\n![](no-size)\n")
    assert [image.reference for image in document.figures] == ["hero", "no-size"]


# Errors name their line


def test_figure_missing_alt_text_names_its_line() -> None:
    error = error_of("Intro.\n\n:::figure credit=\"Photo: Jo\"\n![](bare)\n:::")
    assert error.line == 4
    assert "alt text" in error.message and '"bare"' in error.message


def test_figure_missing_credit_names_its_line() -> None:
    error = error_of("Intro.\n\n:::figure\n![A described picture](bare)\n:::")
    assert error.line == 4
    assert "credit" in error.message


def test_figure_with_unknown_image_names_its_line() -> None:
    error = error_of("Intro.\n\n:::figure\n\n![Alt](missing-image)\n:::")
    assert error.line == 5
    assert '"missing-image"' in error.message


def test_figure_whose_first_line_is_not_an_image_names_that_line() -> None:
    error = error_of(":::figure\nA caption first.\n![Alt](hero)\n:::")
    assert error.line == 2
    assert "first line" in error.message


def test_empty_figure_names_its_opening_line() -> None:
    error = error_of("Intro.\n\n:::figure\n\n:::")
    assert error.line == 3
    assert "no image" in error.message


def test_figure_with_unreadable_attributes_names_its_line() -> None:
    error = error_of("\n:::figure credit=Photo\n![Alt](hero)\n:::")
    assert error.line == 2
    assert "credit=" in error.message


def test_figure_with_an_unknown_attribute_names_its_line() -> None:
    error = error_of(':::figure size="big"\n![Alt](hero)\n:::')
    assert error.line == 1
    assert "'size'" in error.message


def test_block_inside_a_figure_caption_is_refused() -> None:
    error = error_of(":::figure\n![Alt](hero)\n:::note\nNo.\n:::\n:::")
    assert error.line == 3


def test_second_image_inside_a_figure_is_refused_at_its_line() -> None:
    error = error_of(":::figure\n![Alt](hero)\nCaption.\n\n![Other](no-size)\n:::")
    assert error.line == 5
    assert "one image" in error.message


def test_standalone_image_without_credit_names_its_line() -> None:
    error = error_of("One.\n\nTwo.\n\n![A described picture](bare)\n")
    assert error.line == 5
    assert "credit" in error.message


def test_standalone_unknown_image_names_its_line() -> None:
    error = error_of("One.\n\n![Alt](https://elsewhere.example/photo.jpg)")
    assert error.line == 3
    assert "unknown image" in error.message


@pytest.mark.parametrize("caption", [
    "*The club at night, a week before it closed.*",
    "The club at night, a week before it closed.",
    "_The club at night,_\na week before it closed.",
])
def test_an_image_line_with_caption_lines_under_it_is_a_figure_with_that_caption(caption) -> None:
    # Markdown written for other sites (Hugo, Jekyll, exports) puts a picture's caption on the
    # lines right under it, often in italics: one paragraph to Markdown, a captioned figure to a reader.
    document = parse(f"Before.\n\n![Neon sign](hero)\n{caption}\n\nAfter.")
    html = document.html()
    assert '<figure class="figure"><img src="/media/hero.jpg" alt="Neon sign"' in html
    assert "a week before it closed." in html.split('<span class="caption">')[1].split("</span>")[0]
    assert '<span class="credit">Photo: Newsreel Demo</span>' in html and "<p><img" not in html
    assert [(paragraph.kind, " ".join(paragraph.text.split())) for paragraph in document.paragraphs] == [
        ("paragraph", "Before."), ("caption", "The club at night, a week before it closed."), ("paragraph", "After."),
    ]


def test_a_captioned_image_line_still_needs_its_credit_and_a_caption_holds_no_second_image() -> None:
    assert "no credit" in error_of("Intro.\n\n![A plain wall](bare)\nThe wall.").message
    error = error_of("Intro.\n\n![Neon sign](hero)\nThe club, and ![Alt](hero) again.")
    assert error.line == 4 and "own" in error.message


def test_image_inside_running_text_names_its_line_within_the_paragraph() -> None:
    error = error_of("Intro.\n\nA first line\nand a second with ![Alt](hero) inside.")
    assert error.line == 4
    assert "own" in error.message


def test_raw_img_html_is_refused_at_its_line() -> None:
    error = error_of("Intro.\n\n<img src=\"/media/hero.jpg\" alt=\"x\">\n")
    assert error.line == 3
    assert "![alt text]" in error.message


def test_parse_figure_attributes_reads_credit() -> None:
    assert parse_figure_attributes(' credit="Photo: A. Person" ', line=1) == {"credit": "Photo: A. Person"}
    assert parse_figure_attributes("", line=1) == {}
