"""Round fifty-four (issue 13): conventions found in `tests/evalset82` and `tests/evalset83` once
they moved to tune: an essay's questions set in italics inside the running paragraph, the one an
interview is with as a paragraph's topic, a person a table's cell introduces, a message read out
by another, a title "a remake of the 1958 picture", and a graph person named like a street. Each is
written for the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes

# An actress and her director; a cinematographer; a remake and its original; a producer named
# like a street.
_GRAPH = _gazetteer(
    [FilmRef("brineway-2028", "Brineway", 2028), FilmRef("cold-orchard-1961", "Cold Orchard", 1961),
     FilmRef("the-tinker-king-1957", "The Tinker King", 1957), FilmRef("the-tinker-king-2029", "The Tinker King", 2029)],
    [PersonRef("rosalind-amery", "Rosalind Amery"), PersonRef("cyril-dunmore", "Cyril Dunmore"),
     PersonRef("ottavio-brix", "Ottavio Brix"), PersonRef("dora-vantage", "Dora Vantage"),
     PersonRef("hope-lane", "Hope Lane"), PersonRef("ansel-corrie", "Ansel Corrie"),
     PersonRef("mabry-olds", "Mabry Olds")],
    [CreditRef("brineway-2028", "rosalind-amery", "actor"), CreditRef("brineway-2028", "cyril-dunmore", "director"),
     CreditRef("cold-orchard-1961", "ottavio-brix", "crew"), CreditRef("cold-orchard-1961", "dora-vantage", "actor"),
     CreditRef("cold-orchard-1961", "ansel-corrie", "director"),
     CreditRef("the-tinker-king-2029", "hope-lane", "producer"), CreditRef("the-tinker-king-2029", "mabry-olds", "director"),
     CreditRef("the-tinker-king-1957", "ansel-corrie", "director")],
)


def _found(body: str, headline: str = "") -> list[tuple[str, str | None, float]]:
    return [(word, key, confidence) for word, key, _, confidence in _quotes(body, _GRAPH, headline)]


def _mentioned(body: str, kind: str) -> set[str]:
    return {m.key for m in _process(body, _GRAPH).mentions if m.kind == kind}


# -- an essay's inline italic questions -----------------------------------------------------------

_ESSAY = (
    "*Rosalind Amery has a new film and an old dog. Our writer went to see both.*\n\n"
    "Rosalind Amery is waiting at the station with the dog. Cyril Dunmore, who directed her in "
    "*Brineway*, had warned me she would be early.\n\n"
    "She has been acting for forty years. {first} “{answer}”\n\n"
    "Dunmore says she never complains. *Do you?* {second} “Only on Tuesdays. The rest of the week I "
    "save it up.”"
)


@pytest.mark.parametrize("first, answer", [
    ("*Does it get easier?*", "No. It gets quieter, which is not the same thing."),
    ("*Why stay?* Nobody asks that twice.", "Because I have never been good at leaving."),
    ("*And the dog?* She laughs.", "He is the only one who never asks about the reviews."),
])
@pytest.mark.parametrize("second", ["", "She thinks about it."])
def test_round_fifty_four_an_answer_to_an_inline_italic_question_is_the_interviewees(first, answer, second):
    found = _found(_ESSAY.format(first=first, answer=answer, second=second),
                   headline="Rosalind Amery is in no hurry")
    assert [key for _, key, _ in found] == ["rosalind-amery", "rosalind-amery"], found
    assert all(confidence >= SURE_CONFIDENCE for _, _, confidence in found), found


def test_round_fifty_four_one_italic_title_that_asks_is_no_interview():
    body = (
        "Cyril Dunmore has made *Brineway*. Rosalind Amery stars.\n\n"
        "The title card reads *Who Will Row?* “I wanted a question nobody could answer,” Dunmore said."
    )
    assert [key for _, key, _ in _found(body)] == ["cyril-dunmore"]


def test_round_fifty_four_a_person_named_after_the_question_is_not_the_interviewee():
    body = (
        "*Rosalind Amery talks to us about* Brineway.\n\n"
        "Rosalind Amery is waiting at the station. *Was it hard?* It was. *And the ending?* Her director, "
        "Cyril Dunmore, answers for her: “We shot three and kept the shortest,” he says."
    )
    found = _found(body, headline="Rosalind Amery is in no hurry")
    assert [key for _, key, _ in found] == ["cyril-dunmore"], found


# -- the one an interview is with -----------------------------------------------------------------

@pytest.mark.parametrize("opening", [
    "The new interview with Ottavio Brix is short but worth it.",
    "A conversation with the cinematographer Ottavio Brix closes the disc.",
    "The best extra is a long chat with Ottavio Brix, filmed in his garden.",
])
def test_round_fifty_four_the_one_an_interview_is_with_is_the_paragraphs_topic(opening):
    body = (
        "Dora Vantage recorded a commentary for *Cold Orchard*. “We froze,” she says.\n\n"
        f"{opening} “We had one lamp and a lot of weather,” he says."
    )
    found = _found(body)
    assert [key for _, key, _ in found] == ["dora-vantage", "ottavio-brix"], found


# -- a person a table's cell introduces -----------------------------------------------------------

@pytest.mark.parametrize("cell", [
    "Commentary by Dora Vantage and the historian Pim Aldane",
    "New essay by Pim Aldane; interview with Dora Vantage",
    "Audio commentary with the archivist Pim Aldane",
])
def test_round_fifty_four_a_surname_a_tables_cell_introduced_is_that_person(cell):
    body = (
        "| **Cold Orchard** (1961) | Blu-ray |\n|---|---|\n"
        f"| **Extras** | {cell} |\n\n"
        "Dora Vantage remembers the cold. “We wore two coats under the costumes,” she says.\n\n"
        "Aldane is better on the history. “Every orchard film of the decade is about debt,” he says."
    )
    found = _quotes(body, _GRAPH)
    assert [(key, name) for _, key, name, _ in found] == [("dora-vantage", None), (None, "Pim Aldane")], found


def test_round_fifty_four_capitals_in_a_spec_sheet_are_nobody():
    body = (
        "| **Cold Orchard** (1961) | Blu-ray |\n|---|---|\n| **Audio** | English LPCM mono |\n\n"
        "Dora Vantage remembers the cold. English was her second language then. “We wore two coats,” she says."
    )
    assert [key for _, key, _ in _found(body)] == ["dora-vantage"]


# -- a message read out by another ----------------------------------------------------------------

@pytest.mark.parametrize("reader", [
    "Amery's agent, Tess Wyler, read her message:",
    "Amery's producer, Tess Wyler, read out her statement:",
    "Accepting for Amery, Amery's agent Tess Wyler shared her note:",
])
def test_round_fifty_four_a_message_another_reads_out_is_its_owners_held(reader):
    body = (
        "Rosalind Amery won best actress for *Brineway* but had flown home. "
        f"{reader} “I am sorry I am not there. I am on a ferry.”"
    )
    found = _found(body)
    assert [key for _, key, _ in found] == ["rosalind-amery"], found
    assert found[0][2] < SURE_CONFIDENCE


# -- a title, "a remake of the 1957 picture" ------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Filming began on \"The Tinker King,\" a remake of the 1957 picture.",
    "Filming began on *The Tinker King*, a remake of the 1957 film, in the same square.",
    "Filming began on *The Tinker King*, the remake of 1957's hit, on Monday.",
])
def test_round_fifty_four_a_title_a_remake_of_a_years_picture_is_the_remake(sentence):
    assert "the-tinker-king-2029" in _mentioned(sentence, "film")


# -- a graph person named like a street -----------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Fore Street and the lower part of Hope Lane will be closed to vehicles from 6am.",
    "Crowds gathered along Hope Lane to watch the horses.",
    "The cart turned into Hope Lane at noon.",
])
def test_round_fifty_four_a_name_like_a_street_after_a_preposition_of_place_is_the_street(sentence):
    assert "hope-lane" not in _mentioned(f"Mabry Olds is directing *The Tinker King*. {sentence}", "person")


def test_round_fifty_four_a_person_named_like_a_street_is_still_the_person():
    body = "Mabry Olds is directing *The Tinker King*. Hope Lane, its producer, said the horses were hired."
    assert "hope-lane" in _mentioned(body, "person")


def test_round_fifty_four_an_inline_answer_is_held_unless_the_headline_names_the_interviewee():
    body = _ESSAY.format(first="*Does it get easier?*", answer="No. It gets quieter.", second="")
    found = _found(body, headline="A new film and an old dog")
    assert found and all(confidence < SURE_CONFIDENCE for _, _, confidence in found), found
