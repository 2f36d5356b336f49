"""Round sixty-one (issue 13): conventions found in `tests/evalset96` and `tests/evalset99` once
they moved to tune: a screening Q&A whose guests the headline names and the body labels only by
surname, a moderator the introduction names among the audience's "Q" turns, and an interpreter
who relays the director's answers in the third person. Each is written for the convention in
several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("the-hourglass-ferry-2029", "The Hourglass Ferry", 2029), FilmRef("other-2001", "Pennant", 2001)],
    # Mabel Hart, an actor of another film, shares the lead's surname: only the headline says which.
    [PersonRef("nadja-korvel", "Nadja Körvel"), PersonRef("sunniva-hart", "Sunniva Hart"), PersonRef("mabel-hart", "Mabel Hart")],
    [CreditRef("the-hourglass-ferry-2029", "nadja-korvel", "director"),
     CreditRef("the-hourglass-ferry-2029", "sunniva-hart", "actor"), CreditRef("other-2001", "mabel-hart", "actor")],
)

_HEADLINE = "Q&A: Nadja Körvel and Sunniva Hart on The Hourglass Ferry"


def _qa(intro: str, relay: str = "She says the distributor asked, and she agreed.") -> str:
    return (
        f"*{intro}*\n\n"
        "PENWARDEN: Nadja, why change the title?\n\n"
        f"BRANN: {relay}\n\n"
        "PENWARDEN: Sunniva, I'm told you spent six weeks on that river.\n\n"
        "HART: Seven. I still dream about the rope.\n\n"
        "Q (audience member): Was the ferry real?\n\n"
        "KORVEL: Very real.\n\n"
        "PENWARDEN: We have time for one more."
    )


_INTRO = ("After the screening the director and her lead took questions. Korvel answered through her interpreter, "
          "Lidia Brann; Hart answered in English. The moderator was Hugh Penwarden, the cinema's programmer.")


# -- guests the headline names, labelled by surname ---------------------------------------------------

@pytest.mark.parametrize("label", ["HART", "Hart"])
def test_round_sixty_one_a_surname_label_the_headline_names_in_full_is_that_person(label):
    body = _qa(_INTRO.replace("; Hart answered in English", "")).replace("HART:", f"{label}:")
    speakers = {key for _, key, _, _ in _quotes(body, _GRAPH, _HEADLINE)}
    assert {"sunniva-hart", "nadja-korvel"} <= speakers, speakers


# -- a moderator among the audience's questions -------------------------------------------------------

@pytest.mark.parametrize("intro", [
    _INTRO,
    _INTRO.replace("The moderator was Hugh Penwarden", "The session was moderated by Hugh Penwarden"),
])
def test_round_sixty_one_the_moderator_the_introduction_names_asks(intro):
    found = _quotes(_qa(intro), _GRAPH, _HEADLINE)
    assert all(name != "Hugh Penwarden" for _, _, name, _ in found), found


# -- an interpreter's relays --------------------------------------------------------------------------

@pytest.mark.parametrize("relay", [
    "She says the distributor asked, and she agreed.",
    "Yes. She says the rope is singing.",
    "She says no, and she is laughing because everybody asks.",
])
def test_round_sixty_one_an_interpreters_relay_is_the_directors_held(relay):
    found = _quotes(_qa(_INTRO, relay), _GRAPH, _HEADLINE)
    relayed = [q for q in found if q[0] in ("She", "Yes.")]
    assert [(key, confidence < SURE_CONFIDENCE) for _, key, _, confidence in relayed] == [("nadja-korvel", True)], found


def test_round_sixty_one_the_interpreters_own_words_are_hers():
    found = _quotes(_qa(_INTRO, "I'm sorry, give me a moment. I don't have the word in English."), _GRAPH, _HEADLINE)
    own = [q for q in found if q[0] == "I'm"]
    assert [(key, name) for _, key, name, _ in own] == [(None, "Lidia Brann")], found
