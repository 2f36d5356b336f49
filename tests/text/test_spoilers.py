"""Spoiler blocks: tied to a film, kept out of every excerpt, announced to readers."""

from __future__ import annotations

import pytest

from newsreel.text.document import Document, parse_document, spoiler_note
from newsreel.text.spoilers import normalize_title, resolve_film
from newsreel.text.types import FilmRef, ImageRef, TextError

ANORA = FilmRef("anora-2024", "Anora", 2024)
DUNE_2021 = FilmRef("dune-2021", "Dune", 2021, aliases=("Dune: Part One",))
DUNE_1984 = FilmRef("dune-1984", "Dune", 1984)
AMELIE = FilmRef("amelie-2001", "Amélie", 2001)
PART_TWO = FilmRef("dune-part-two-2024", "Dune: Part Two", 2024, aliases=("Dune 2",))
FILMS = (ANORA, DUNE_2021, DUNE_1984, AMELIE, PART_TWO)

PLOT = "Ani marries Vanya in a Las Vegas chapel."


def images(reference: str) -> ImageRef | None:
    if reference == "still":
        return ImageRef(url="/media/still.jpg", alt="A still", credit="Photo: Newsreel Demo")
    return None


def parse(source: str) -> Document:
    return parse_document(source, films=FILMS, images=images)


def error_of(source: str) -> TextError:
    with pytest.raises(TextError) as caught:
        parse(source)
    return caught.value


def spoiler(reference: str, body: str = PLOT) -> str:
    return f":::spoiler {reference}\n{body}\n:::\n"


# Naming the film


@pytest.mark.parametrize(
    "reference",
    ["anora-2024", "ANORA-2024", "Anora", "anora", "  Anora  ", "Anora (2024)"],
)
def test_spoiler_block_names_its_film_by_key_or_title(reference: str) -> None:
    assert parse(spoiler(reference)).spoiler_films == ["anora-2024"]


def test_title_match_ignores_accents_case_and_punctuation() -> None:
    assert parse(spoiler("amelie")).spoiler_films == ["amelie-2001"]
    assert parse(spoiler("dune part two")).spoiler_films == ["dune-part-two-2024"]


def test_film_may_be_named_by_an_alias() -> None:
    assert parse(spoiler("Dune 2")).spoiler_films == ["dune-part-two-2024"]


def test_title_with_year_picks_one_of_two_films_sharing_a_title() -> None:
    assert parse(spoiler("Dune (1984)")).spoiler_films == ["dune-1984"]
    assert parse(spoiler("Dune (2021)")).spoiler_films == ["dune-2021"]


def test_ambiguous_title_lists_the_keys_and_asks_for_one() -> None:
    error = error_of("Intro.\n\n" + spoiler("Dune"))
    assert error.line == 3
    assert "dune-2021" in error.message and "dune-1984" in error.message
    assert "key" in error.message


def test_unknown_film_names_its_line_and_suggests_close_titles() -> None:
    error = error_of("First paragraph.\n\nSecond paragraph.\n\n" + spoiler("Anorra"))
    assert error.line == 5
    assert '"Anorra"' in error.message
    assert "Anora (2024)" in error.message and "anora-2024" in error.message


def test_unknown_film_without_close_titles_still_names_the_reference() -> None:
    error = error_of(spoiler("zzqx-1999"))
    assert error.line == 1
    assert '"zzqx-1999"' in error.message
    assert "did you mean" not in error.message


def test_title_with_the_wrong_year_is_unknown_and_suggests_the_film() -> None:
    error = error_of(spoiler("Anora (1999)"))
    assert "anora-2024" in error.message


def test_spoiler_block_without_a_film_names_its_line() -> None:
    error = error_of("Text.\n\n:::spoiler\nPlot.\n:::")
    assert error.line == 3
    assert "name its film" in error.message


def test_nested_spoiler_blocks_are_refused_at_the_inner_line() -> None:
    error = error_of(":::spoiler anora-2024\nOuter.\n\n:::spoiler dune-2021\nInner.\n:::\n:::\n")
    assert error.line == 4
    assert "nested" in error.message and "line 1" in error.message


def test_resolve_film_is_usable_on_its_own() -> None:
    assert resolve_film("Amélie (2001)", FILMS) == AMELIE
    assert normalize_title("Amélie: Le  Film!") == "amelie le film"


# The spoiler-safe projection


def test_spoiler_text_never_appears_in_safe_text() -> None:
    document = parse("Before the twist.\n\n" + spoiler("anora-2024") + "\nAfter the twist.")
    assert PLOT in document.text
    assert PLOT not in document.safe_text
    assert document.safe_text == "Before the twist.\n\nAfter the twist."


def test_every_block_inside_a_spoiler_is_marked_and_left_out_of_safe_text() -> None:
    body = "## The ending\n\n- Ani leaves\n\n> A quoted secret\n\n| Who | Fate |\n|---|---|\n| Ani | gone |"
    document = parse("Safe intro.\n\n" + spoiler("Anora", body))
    marked = [paragraph for paragraph in document.paragraphs if paragraph.spoiler_film == "anora-2024"]
    assert [paragraph.kind for paragraph in marked] == ["heading", "list", "quote", "table", "table"]
    for secret in ("The ending", "Ani leaves", "A quoted secret", "gone"):
        assert secret not in document.safe_text
    assert document.safe_text == "Safe intro."


def test_safe_paragraph_offsets_index_safe_text() -> None:
    document = parse("One.\n\n" + spoiler("anora-2024") + "\nTwo.\n\n" + spoiler("dune-2021", "Paul rides.") + "\nThree.")
    assert [paragraph.text for paragraph in document.safe_paragraphs] == ["One.", "Two.", "Three."]
    for paragraph in document.safe_paragraphs:
        assert document.safe_text[paragraph.start : paragraph.start + len(paragraph.text)] == paragraph.text
        assert paragraph.spoiler_film is None


def test_a_figure_and_a_note_inside_a_spoiler_are_spoilers_too() -> None:
    body = ':::figure credit="Photo: Jo"\n![The final scene](still)\nThe last shot.\n:::\n\n:::note\nA note about the ending.\n:::'
    document = parse(spoiler("anora-2024", body))
    assert {paragraph.spoiler_film for paragraph in document.paragraphs} == {"anora-2024"}
    assert document.safe_text == ""


def test_spoiler_films_in_order_of_first_appearance_without_duplicates() -> None:
    document = parse(spoiler("dune-2021") + "\n" + spoiler("anora-2024") + "\n" + spoiler("Dune (2021)"))
    assert document.spoiler_films == ["dune-2021", "anora-2024"]


# HTML


def test_interactive_spoiler_is_a_details_panel_naming_the_film() -> None:
    html = parse(spoiler("anora-2024")).html()
    assert '<details class="spoiler" data-film="anora-2024">' in html
    assert "Spoilers for <cite>Anora</cite> (2024)" in html
    assert "Reveal" in html.split("</summary>")[0]
    assert html.index("<summary") < html.index(PLOT) < html.index("</details>")


def test_notice_mode_has_no_spoiler_text_and_links_to_the_article() -> None:
    document = parse("Safe.\n\n" + spoiler("anora-2024", "## Secret heading\n\n" + PLOT))
    html = document.html(spoiler_mode="notice", article_url="https://news.example/anora/")
    assert PLOT not in html and "Secret heading" not in html
    assert '<p class="spoiler-notice" data-film="anora-2024">' in html
    assert "<cite>Anora</cite> (2024)" in html
    assert 'href="https://news.example/anora/"' in html
    assert "<details" not in html


def test_notice_mode_without_article_url_names_the_film_without_a_link() -> None:
    html = parse(spoiler("anora-2024")).html(spoiler_mode="notice")
    assert "spoiler-notice" in html and "<a" not in html


def test_notice_mode_drops_footnotes_only_spoiler_text_refers_to() -> None:
    source = "Public claim.[^a]\n\n" + spoiler("anora-2024", "Secret claim.[^b]") + "\n[^a]: Public source.\n\n[^b]: Secret source.\n"
    document = parse(source)
    assert "Secret source." in document.html()
    notice = document.html(spoiler_mode="notice")
    assert "Secret source." not in notice and "Public source." in notice


def test_notice_mode_drops_the_footnote_list_when_all_its_notes_are_hidden() -> None:
    document = parse(spoiler("anora-2024", "Secret.[^b]") + "\n[^b]: Secret source.\n")
    assert "footnotes" not in document.html(spoiler_mode="notice")


def test_footnote_defined_inside_a_spoiler_block_is_refused_at_its_line() -> None:
    error = error_of("Intro.\n\n:::spoiler anora-2024\nPlot.[^x]\n\n[^x]: It ends badly.\n:::")
    assert error.line == 6
    assert "line 3" in error.message


def test_unknown_spoiler_mode_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="spoiler_mode"):
        parse("Text.").html(spoiler_mode="hidden")


# The spoiler note


def test_spoiler_note_for_one_film() -> None:
    assert spoiler_note([ANORA]) == (
        "This story includes spoilers for Anora (2024).",
        "This story includes spoilers for <cite>Anora</cite> (2024).",
    )


def test_spoiler_note_for_two_films() -> None:
    text, html = spoiler_note([ANORA, DUNE_2021])
    assert text == "This story includes spoilers for Anora (2024) and Dune (2021)."
    assert html == "This story includes spoilers for <cite>Anora</cite> (2024) and <cite>Dune</cite> (2021)."


def test_spoiler_note_for_three_films_uses_the_oxford_comma() -> None:
    text, _ = spoiler_note([ANORA, DUNE_2021, AMELIE])
    assert text == "This story includes spoilers for Anora (2024), Dune (2021), and Amélie (2001)."


def test_spoiler_note_without_films_is_empty() -> None:
    assert spoiler_note([]) == ("", "")


def test_spoiler_note_names_each_film_once_and_escapes_titles() -> None:
    tricky = FilmRef("x-2020", "<Tom & Jerry>", 2020)
    text, html = spoiler_note([tricky, tricky])
    assert text == "This story includes spoilers for <Tom & Jerry> (2020)."
    assert "<cite>&lt;Tom &amp; Jerry&gt;</cite> (2020)" in html


def test_spoiler_note_for_a_film_without_a_year() -> None:
    assert spoiler_note([FilmRef("untitled", "Untitled Project")])[0] == (
        "This story includes spoilers for Untitled Project."
    )


def test_document_offers_its_own_spoiler_note() -> None:
    document = parse(spoiler("dune-2021") + "\n" + spoiler("anora-2024"))
    assert document.spoiler_note[0] == "This story includes spoilers for Dune (2021) and Anora (2024)."
    assert parse("No spoilers here.").spoiler_note == ("", "")
