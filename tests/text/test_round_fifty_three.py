"""Round fifty-three (issue 13): conventions found in `tests/evalset80` and `tests/evalset81` once
they moved to tune: a wire obituary's father and son of one name ("the younger Maunder" after
Hollis Maunder Jr.), a nickname between a name's parts before a possessive, a spokesperson named
after her role, a village that shares a graph person's name. Each is written for the convention
in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes

# A father and son of one name, both actors; a director with a nickname; a person named like a
# village.
_GRAPH = _gazetteer(
    [FilmRef("dogwatch-1979", "Dogwatch", 1979), FilmRef("dogwatch-2021", "Dogwatch", 2021),
     FilmRef("fieldfare-2029", "Fieldfare", 2029)],
    [PersonRef("hal-brennan", "Hal Brennan"), PersonRef("hal-brennan-jr", "Hal Brennan Jr."),
     PersonRef("wilhelmina-gatt", "Wilhelmina Gatt", aliases=("Mina Gatt",)),
     PersonRef("hollis-ferry", "Hollis Ferry")],
    [CreditRef("dogwatch-1979", "hal-brennan", "actor"), CreditRef("dogwatch-2021", "hal-brennan-jr", "actor"),
     CreditRef("fieldfare-2029", "wilhelmina-gatt", "director"), CreditRef("dogwatch-1979", "hollis-ferry", "crew")],
)


def _found(body: str) -> list[tuple[str, str | None, float]]:
    return [(word, key, confidence) for word, key, _, confidence in _quotes(body, _GRAPH)]


def _people(body: str) -> set[str]:
    return {m.key for m in _process(body, _GRAPH).mentions if m.kind == "person"}


# -- a father and son of one name ----------------------------------------------------------------

_OBITUARY = (
    "Hal Brennan, the character actor of *Dogwatch* (1979), has died at 88. His son, the actor Hal "
    "Brennan Jr., confirmed the death.\n\n"
    "In 2021 Brennan Jr. played his father's part in the remake of *Dogwatch*. His father visited once.\n\n"
    "“He watched one take and told me I held the ladle like a man who'd never been hungry,” the {rank} "
    "Brennan recalled."
)


@pytest.mark.parametrize("rank, key", [("younger", "hal-brennan-jr"), ("elder", "hal-brennan")])
def test_round_fifty_three_the_younger_of_a_father_and_his_junior_is_the_junior(rank, key):
    found = _found(_OBITUARY.format(rank=rank))
    assert [k for _, k, _ in found] == [key], found


# -- a nickname before a possessive -------------------------------------------------------------

@pytest.mark.parametrize("name", [
    "Wilhelmina \"Mina\" Gatt's", "Wilhelmina “Mina” Gatt's", "Wilhelmina ‘Mina’ Gatt’s",
])
def test_round_fifty_three_a_nickname_between_a_names_parts_holds_before_a_possessive(name):
    body = f"For long stretches of {name} *Fieldfare*, nobody says anything at all."
    assert "wilhelmina-gatt" in _people(body)


# -- a spokesperson named after her role ----------------------------------------------------------

@pytest.mark.parametrize("role", [
    "a spokesperson for the platform", "a spokeswoman for the streamer", "an executive at the studio",
])
def test_round_fifty_three_a_role_then_a_name_in_commas_is_the_name(role):
    body = f"“We knew *Fieldfare* would travel,” {role}, Odile Frane, said in an email. “Stories about home always do.”"
    found = [(word, key) for word, key, _ in _found(body)]
    assert found == [("We", None)], found
    assert _quotes(body, _GRAPH)[0][2] == "Odile Frane"


# -- a village that shares a graph person's name ------------------------------------------------

@pytest.mark.parametrize("appositive", [
    "an estuary village with one pub", "a fishing town on the estuary", "a village of four hundred people",
])
def test_round_fifty_three_a_name_the_article_calls_a_place_is_the_place_throughout(appositive):
    body = (
        f"In 1997 the crew took six children to Hollis Ferry, {appositive}.\n\n"
        "One of them now teaches at the primary school in Hollis Ferry."
    )
    assert "hollis-ferry" not in _people(body)


def test_round_fifty_three_a_person_described_by_a_role_is_still_the_person():
    body = "The boat was built by Hollis Ferry, a carpenter who worked on *Dogwatch*."
    assert "hollis-ferry" in _people(body)


# -- a title before a surname ---------------------------------------------------------------------

@pytest.mark.parametrize("aside", [
    "We stand behind Mr Gatt.", "“We stand behind Ms Gatt’s approval,” a spokesman said.", "We asked Dr Gatt.",
])
def test_round_fifty_three_a_title_before_the_surname_names_nobody_new(aside):
    body = (
        "The row over the subtitles has lasted a fortnight.\n\n"
        "Wilhelmina Gatt shot the film in the fens.\n\n"
        f"{aside}\n\n"
        "Asked on Tuesday, Gatt took a while to answer."
    )
    last = body.rindex("Gatt")
    assert any(m.key == "wilhelmina-gatt" and m.start == last for m in _process(body, _GRAPH).mentions)


def test_round_fifty_three_a_namesake_named_in_full_still_takes_the_surname():
    body = (
        "The fens are flat and the weather is worse.\n\n"
        "Wilhelmina Gatt shot *Fieldfare* there. Her neighbour, Tobias Gatt, lent the tractor.\n\n"
        "“It never started twice running,” Gatt said."
    )
    assert ("It", "wilhelmina-gatt") not in [(word, key) for word, key, _ in _found(body)]
