"""Mention links: the first occurrence of each name in ordinary body text, and no other."""

from __future__ import annotations

from newsreel.text.document import Document, parse_document
from newsreel.text.types import FilmRef, ImageRef, LinkTarget

BAKER = LinkTarget("Sean Baker", "/people/sean-baker/")
ANORA = LinkTarget("Anora", "/films/anora-2024/", title="Anora (2024)")
LIBRARY = {"still": ImageRef(url="/media/still.jpg", alt="A still", credit="Photo: Newsreel Demo")}


def parse(source: str) -> Document:
    return parse_document(source, films=(FilmRef("anora-2024", "Anora", 2024),), images=LIBRARY.get)


def link_to(href: str, surface: str) -> str:
    return f'<a href="{href}" class="mention">{surface}</a>'


def test_only_the_first_occurrence_is_linked() -> None:
    html = parse("Sean Baker spoke. Later Sean Baker smiled.\n\nSean Baker left.").html(links=[BAKER])
    assert html.count('class="mention"') == 1
    assert html.startswith(f"<p>{link_to(BAKER.href, 'Sean Baker')} spoke.")


def test_each_target_is_linked_once_in_the_same_text() -> None:
    html = parse("Sean Baker made Anora, and Anora made Sean Baker famous.").html(links=[BAKER, ANORA])
    assert html.count('class="mention"') == 2
    assert '<a href="/films/anora-2024/" class="mention" title="Anora (2024)">Anora</a>, and Anora' in html


def test_headings_are_never_linked() -> None:
    html = parse("## Sean Baker at Cannes\n\nSean Baker arrived.").html(links=[BAKER])
    assert "<h2>Sean Baker at Cannes</h2>" in html
    assert f"<p>{link_to(BAKER.href, 'Sean Baker')} arrived.</p>" in html


def test_code_is_never_linked() -> None:
    html = parse("`Sean Baker`\n\n```\nSean Baker\n```\n\nSean Baker here.").html(links=[BAKER])
    assert "<code>Sean Baker</code>" in html
    assert f"<p>{link_to(BAKER.href, 'Sean Baker')} here.</p>" in html


def test_existing_links_are_never_linked_again() -> None:
    html = parse("[Sean Baker's site](https://example.org) and Sean Baker.").html(links=[BAKER])
    assert html.count("<a ") == 2
    assert f"and {link_to(BAKER.href, 'Sean Baker')}." in html


def test_figure_captions_are_never_linked() -> None:
    source = ":::figure\n![Alt](still)\nSean Baker on set.\n:::\n\nSean Baker later."
    html = parse(source).html(links=[BAKER])
    assert '<span class="caption">Sean Baker on set.</span>' in html
    assert f"<p>{link_to(BAKER.href, 'Sean Baker')} later.</p>" in html


def test_matches_respect_word_boundaries() -> None:
    html = parse("Anorak weather, then Anora's premiere.").html(links=[ANORA])
    assert "Anorak weather" in html
    assert 'title="Anora (2024)">Anora</a>\'s premiere' in html.replace("&#x27;", "'")


def test_matching_is_case_sensitive() -> None:
    html = parse("sean baker, then Sean Baker.").html(links=[BAKER])
    assert html.startswith("<p>sean baker, then <a ")


def test_the_longest_name_wins_where_two_start_together() -> None:
    short = LinkTarget("Dune", "/films/dune-2021/")
    long = LinkTarget("Dune: Part Two", "/films/dune-part-two-2024/")
    html = parse("Dune: Part Two opened after Dune.").html(links=[short, long])
    assert link_to(long.href, "Dune: Part Two") + " opened after " + link_to(short.href, "Dune") in html


def test_lists_quotes_tables_and_notes_are_ordinary_text() -> None:
    for source in ("- Sean Baker", "> Sean Baker", "| Who |\n|---|\n| Sean Baker |", ":::note\nSean Baker\n:::"):
        assert 'class="mention"' in parse(source).html(links=[BAKER]), source


def test_a_name_outside_spoilers_is_linked_before_one_inside() -> None:
    source = ":::spoiler anora-2024\nSean Baker reveals all.\n:::\n\nSean Baker in public."
    html = parse(source).html(links=[BAKER])
    assert "<p>Sean Baker reveals all.</p>" in html
    assert f"<p>{link_to(BAKER.href, 'Sean Baker')} in public.</p>" in html


def test_a_name_only_in_a_spoiler_is_linked_there() -> None:
    html = parse(":::spoiler anora-2024\nSean Baker reveals all.\n:::").html(links=[BAKER])
    assert f"<p>{link_to(BAKER.href, 'Sean Baker')} reveals all.</p>" in html


def test_emphasis_keeps_its_markup_around_a_link() -> None:
    html = parse("*Anora* won.").html(links=[ANORA])
    assert '<em><a href="/films/anora-2024/" class="mention" title="Anora (2024)">Anora</a></em>' in html


def test_links_go_through_the_sanitizer() -> None:
    html = parse("Sean Baker.").html(links=[LinkTarget("Sean Baker", "javascript:alert(1)")])
    assert "javascript" not in html


def test_link_attributes_are_escaped() -> None:
    html = parse("Sean Baker.").html(links=[LinkTarget("Sean Baker", '/people/"x"/', title='a "b"')])
    assert 'href="/people/&quot;x&quot;/"' in html and 'title="a &quot;b&quot;"' in html


def test_rendering_with_links_leaves_the_document_unlinked() -> None:
    document = parse("Sean Baker.")
    assert 'class="mention"' in document.html(links=[BAKER])
    assert 'class="mention"' not in document.html()
