"""Round sixty-six (issue 13): conventions found in `tests/evalset108` and `tests/evalset109`
once they moved to tune: a projectionist who "shares a surname with" the graph's cinematographer,
and a storyboard artist, the star's brother, brought back by his first name just before "“…,” says
Farrant". Each is written for the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("winter-lodger-2029", "Winter Lodger", 2029), FilmRef("lamplight-2030", "Lamplight", 2030)],
    [PersonRef("ivo-thrale", "Ivo Thrale"), PersonRef("mabyn-orcutt", "Mabyn Orcutt"),
     PersonRef("lise-fennimore", "Lise Fennimore"), PersonRef("idony-castell", "Idony Castell")],
    [CreditRef("winter-lodger-2029", "ivo-thrale", "crew"), CreditRef("winter-lodger-2029", "mabyn-orcutt", "director"),
     CreditRef("lamplight-2030", "lise-fennimore", "actor"), CreditRef("lamplight-2030", "idony-castell", "director")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


def _not_sure_on(found: list, key: str) -> bool:
    return not any(k == key and conf >= SURE_CONFIDENCE for _, k, _, conf in found)


# -- "shares a surname with" ---------------------------------------------------------------------------------

@pytest.mark.parametrize("apart", [
    "He shares a surname with Ivo Thrale, who shot tonight's feature, *Winter Lodger*, and is tired of being asked.",
    "He has the same surname as Ivo Thrale, who shot tonight's feature, *Winter Lodger*.",
    "Sharing a name with Ivo Thrale, who shot *Winter Lodger*, has never helped him.",
])
def test_round_sixty_six_a_projectionist_who_shares_the_graph_persons_surname_keeps_it(apart):
    body = (
        "Upstairs, Ewart Thrale is threading the evening's first show, though nothing has been threaded at the "
        f"Regent since the projectors went digital and he knows it. {apart}\n\n"
        "The film ends at ten. Thrale comes down the stairs as the last of the audience leave. "
        "\"Did anyone say anything about the focus?\" he asks."
    )
    assert _not_sure_on(_found(body), "ivo-thrale")


def test_round_sixty_six_the_graph_person_named_again_in_the_paragraph_keeps_the_surname():
    body = (
        "Upstairs, Ewart Thrale is threading the evening's first show. He shares a surname with Ivo Thrale, "
        "who shot tonight's feature, *Winter Lodger*.\n\n"
        "Ivo Thrale arrived at nine. \"I shot it on the last of the old stock,\" Thrale said."
    )
    assert _found(body)[-1][1] == "ivo-thrale"


# -- the outsider brought back by his first name ----------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "\"You cannot draw a sound, so Nilo shaded it in for an afternoon,\" Castell says.",
    "Castell says Nilo shaded the last board in for an afternoon.",
    "It took Nilo a whole afternoon to shade it in, Castell says.",
])
def test_round_sixty_six_a_bare_surname_after_the_outsider_is_called_by_his_first_name_is_held(lead):
    body = (
        "Nilo Fennimore, the storyboard artist, is the younger brother of the film's star, Lise Fennimore.\n\n"
        "A wall label beside the fourth board quotes Lise Fennimore from the press notes: \"My brother drew my "
        "hands before I was cast.\"\n\n"
        f"The last board of *Lamplight* is solid graphite. {lead}\n\n"
        "\"Four hours,\" says Fennimore. \"She made me redo the corners.\""
    )
    assert _not_sure_on(_found(body)[-1:], "lise-fennimore")


def test_round_sixty_six_a_relative_named_in_full_again_leaves_the_surname_to_the_subject():
    body = (
        "Lise Fennimore orders the cheapest thing on the menu. \"I grew up reading prices,\" she says.\n\n"
        "Her brother, Nilo Fennimore, drew the boards for *Lamplight*. \"She was always the loud one,\" he says.\n\n"
        "Fennimore laughs when this is repeated to her. \"He's leaving out that I paid him,\" she says."
    )
    last = _found(body)[-1]
    assert last[1] == "lise-fennimore" and last[3] >= SURE_CONFIDENCE, last
