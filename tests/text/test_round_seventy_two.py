"""Round seventy-two (issue 13): conventions found in `tests/evalset118` and `tests/evalset119`
once they moved to tune: a title card's words "which Oduya says he resisted", a child at a
matinee who shares the guest's first name, a gaffer who shares the star's surname brought back
by his post, and "Stan Okereke's answer was …" before his words. Each is written for the
convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("slipstone-2030", "Slipstone", 2030), FilmRef("otter-river-2029", "Otter River", 2029)],
    [PersonRef("kasimir-odell", "Kasimir Odell"), PersonRef("rafferty-nkem", "Rafferty Nkem"),
     PersonRef("patience-okoro", "Patience Okoro"), PersonRef("mireille-tanabe", "Mireille Tanabe"),
     PersonRef("sienna-marlow", "Sienna Marlow")],
    [CreditRef("slipstone-2030", "kasimir-odell", "director"), CreditRef("otter-river-2029", "rafferty-nkem", "actor"),
     CreditRef("slipstone-2030", "patience-okoro", "actor"), CreditRef("slipstone-2030", "mireille-tanabe", "crew"),
     CreditRef("otter-river-2029", "sienna-marlow", "actor")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


def _sure_on(found: list, key: str) -> list[str]:
    return [word for word, k, _, conf in found if k == key and conf >= SURE_CONFIDENCE]


# -- a relative clause after the words ------------------------------------------------------------------

@pytest.mark.parametrize("clause", ["which Odell says he resisted", "which Odell said he fought for a month",
                                    "which, Odell admits, he hated"])
def test_round_seventy_two_a_relative_clause_after_the_words_does_not_attribute_them(clause):
    body = (
        "Kasimir Odell's *Slipstone* opens on Friday. The first card reads \"A Kasimir Odell Picture,\" "
        f"{clause}. \"I hate the possessive,\" he said."
    )
    found = _found(body)
    assert _sure_on(found, "kasimir-odell") == ["I"], found


def test_round_seventy_two_scare_quotes_before_which_stay_no_quotation():
    body = "Kasimir Odell calls *Slipstone* \"painterly,\" which is a word he otherwise avoids."
    assert _found(body) == []


# -- a child named by first name and age ---------------------------------------------------------------

@pytest.mark.parametrize("said", ["said Rafferty, 6, who was very pleased about the first name.",
                                  "Rafferty, 7, said afterwards.", "said Rafferty, 11."])
def test_round_seventy_two_a_child_named_with_an_age_is_not_the_graph_person_of_that_name(said):
    body = (
        "The guest at the matinee of *Otter River* was Rafferty Nkem, who voices the otter.\n\n"
        f"\"I cried when the river went away,\" {said}"
    )
    assert not _sure_on(_found(body), "rafferty-nkem")


def test_round_seventy_two_an_adult_named_with_an_age_is_still_the_graph_person():
    body = (
        "Sienna Marlow arrived at the photocall for *Otter River* at noon.\n\n"
        "\"We are not a couple. We got stuck in a lift together for eleven weeks,\" laughed Sienna, 31."
    )
    assert _sure_on(_found(body), "sienna-marlow") == ["We"]


# -- the gaffer, by his post and by his answer ---------------------------------------------------------------

_INTRO = ("We asked the director, Kasimir Odell, his cinematographer Mireille Tanabe and the gaffer, Stan Okoro, "
          "no relation of the film's star Patience Okoro, to take the flood scene apart.\n\n")


@pytest.mark.parametrize("post", ["The gaffer's lights dropped to a single sodium lamp.",
                                  "The gaffer's crew rigged one blue lamp outside the gate."])
def test_round_seventy_two_a_bare_surname_after_the_outsiders_post_is_his(post):
    body = (
        _INTRO
        + "Patience Okoro improvised the second half of the line, and Odell kept it. Tanabe held a wide frame. "
        + f"{post} \"The council thought it was a streetlight,\" Okoro said."
    )
    assert not _sure_on(_found(body), "patience-okoro")


@pytest.mark.parametrize("answer", ["Stan Okoro's answer was black flags on the ceiling.",
                                    "Stan Okoro's solution was black flags, dozens of them."])
def test_round_seventy_two_words_after_an_outsiders_answer_are_his(answer):
    body = (
        _INTRO
        + "For Tanabe the problem was reflections: \"Every puddle is a mirror.\" "
        + f"{answer} \"We blacked out the sky, basically.\""
    )
    last = _found(body)[-1]
    assert last[1] is None, last
