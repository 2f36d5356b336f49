"""Round forty (issue 13): conventions of film and news writing behind the errors of
`tests/evalset52` and `tests/evalset53` once they moved to tune, each written for the convention
in several of its common phrasings (ours, not the sets'), not for one set's wording.

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

SHOWN = 0.8  # a quote on a graph speaker at this confidence or more goes on the person's page


def _shown(body: str, gaz, headline: str = "") -> list[str | None]:
    return [key for _, key, _, conf in _quotes(body, gaz, headline) if key is not None and conf >= SHOWN]


# A graph director, and a namesake outside the graph the articles set apart from her.
_SET_APART = _gazetteer(
    [FilmRef("the-tin-orchard-2028", "The Tin Orchard", 2028)],
    [PersonRef("wilma-kestergard", "Wilma Kestergard"), PersonRef("oren-falk", "Oren Falk")],
    [CreditRef("the-tin-orchard-2028", "wilma-kestergard", "director"),
     CreditRef("the-tin-orchard-2028", "oren-falk", "actor")],
)


@pytest.mark.parametrize("body", [
    "Not everyone is convinced. Ruth Kestergard, an analyst who tracks box office for a bank, was blunt. "
    "She is no relation to the director Wilma Kestergard, whose *The Tin Orchard* opens in March.\n\n"
    "“A good opening is not a good run,” Kestergard said.",
    "The doubters include Ruth Kestergard, a distributor. She is not related to Wilma Kestergard, "
    "who directed *The Tin Orchard*.\n\n“Nobody books a film twice,” Kestergard said.",
    "Ruth Kestergard runs the cinema on the square (she is unrelated to the filmmaker Wilma Kestergard). "
    "Kestergard shrugged.\n\n“We show what people ask for,” Kestergard said.",
])
def test_round_forty_a_name_after_no_relation_to_is_the_namesake_set_apart(body):
    # "Ruth Kestergard … no relation to the director Wilma Kestergard": the graph person written
    # in full as the object of "no relation to" is the one set apart, not a fresh naming; the
    # surname alone after it still means the person just introduced, outside the graph.
    assert _shown(body, _SET_APART) == [], _quotes(body, _SET_APART)


def test_round_forty_the_graph_person_named_again_takes_the_surname_back():
    # Named in full again outside the disclaimer, the director is the latest to carry it.
    body = ("Ruth Kestergard, an analyst, is no relation to the director Wilma Kestergard.\n\n"
            "Wilma Kestergard was at the screening on Friday. “I cut four minutes last week,” Kestergard said.")
    assert _shown(body, _SET_APART) == ["wilma-kestergard"], _quotes(body, _SET_APART)
# A graph cinematographer, remembered by a column; his child is outside the graph.
_GENERATIONS = _gazetteer(
    [FilmRef("low-water-1996", "Low Water", 1996)],
    [PersonRef("teodor-vasske", "Teodor Vasske"), PersonRef("anna-brill", "Anna Brill")],
    [CreditRef("low-water-1996", "teodor-vasske", "crew"), CreditRef("low-water-1996", "anna-brill", "director")],
)


@pytest.mark.parametrize("body", [
    "Teodor Vasske shot *Low Water* in a single winter. At the funeral his son, Emil Vasske, spoke.\n\n"
    "“He never once used a light meter at home,” the younger Vasske said.",
    "Teodor Vasske shot *Low Water*. His daughter, Mira Vasske, read a letter at the service.\n\n"
    "“My father kept every call sheet,” said the younger Vasske.",
    "Teodor Vasske, who shot *Low Water*, died on Sunday. His grandson, Jakob Vasske, now runs the studio.\n\n"
    "“We will keep the darkroom,” the younger Vasske said.",
])
def test_round_forty_the_younger_namesake_is_the_child_the_article_named(body):
    # "the younger Vasske" says two people of the surname are in play: after "his son, Emil
    # Vasske" it is the son (outside the graph), not the graph person the piece remembers.
    assert _shown(body, _GENERATIONS, "Remembering Teodor Vasske") == [], _quotes(body, _GENERATIONS)


def test_round_forty_the_elder_namesake_after_a_son_is_the_graph_parent():
    # "the elder Vasske" after the son was named: the father, the graph person, as before.
    body = ("Teodor Vasske shot *Low Water*. His son, Emil Vasske, is a grip.\n\n"
            "“Never trust a forecast,” the elder Vasske said.")
    assert "teodor-vasske" in [key for _, key, _, _ in _quotes(body, _GENERATIONS)], _quotes(body, _GENERATIONS)
