"""Round seventy-three (issue 13): conventions found in `tests/evalset122` and `tests/evalset123`
once they moved to tune: a roundtable critic with the very name of a graph actor, "who is no
relation … of the actor with the same name"; a review's "At the moment when Banks … says to his
dead wife's barometer, “…”"; and a silent film's intertitle a programme note prints. Each is
written for the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("low-country-2030", "Low Country", 2030), FilmRef("small-weather-2031", "Small Weather", 2031),
     FilmRef("the-harbour-card-1925", "The Harbour Card", 1925), FilmRef("blue-line-2029", "Blue Line", 2029)],
    [PersonRef("sorcha-lyle", "Sorcha Lyle"), PersonRef("aurelio-banke", "Aurelio Banke"),
     PersonRef("mirela-szanto", "Mirela Szanto"), PersonRef("osric-penn", "Osric Penn")],
    [CreditRef("low-country-2030", "sorcha-lyle", "actor"), CreditRef("small-weather-2031", "aurelio-banke", "actor"),
     CreditRef("the-harbour-card-1925", "mirela-szanto", "actor"), CreditRef("blue-line-2029", "osric-penn", "producer")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


def _sure_on(found: list, key: str) -> list[str]:
    return [word for word, k, _, conf in found if k == key and conf >= SURE_CONFIDENCE]


# -- a namesake of the graph's person, set apart -------------------------------------------------------------

@pytest.mark.parametrize("apart", [
    "Sorcha Lyle of the Ledger, who is no relation, she asks us to say, of the actor with the same name",
    "Sorcha Lyle (no relation to the actor of the same name)",
    "Sorcha Lyle, not to be confused with her namesake in *Low Country*",
])
def test_round_seventy_three_a_critic_with_a_graph_actors_name_set_apart_speaks_for_herself(apart):
    body = (
        f"Two critics on *Low Country*: Marguerite Osei of the Courier and {apart}.\n\n"
        "MARGUERITE: I walked out and then walked back in.\n\n"
        "SORCHA: Which is the point. The film keeps them there like cuttings in a jar.\n\n"
        "MARGUERITE: Oh, come on.\n\n"
        "SORCHA: You liked the flood because it was loud."
    )
    assert not _sure_on(_found(body), "sorcha-lyle")


def test_round_seventy_three_a_film_not_to_be_confused_with_another_leaves_its_producer_named():
    body = ("*Blue Line*, which is produced by Osric Penn for Coldframe Pictures, is not to be confused with a 1996 "
            "thriller of the same name. \"Somebody asks me about the other one every day,\" Penn said.")
    assert _sure_on(_found(body), "osric-penn") == ["Somebody"]


# -- a moment of the film ---------------------------------------------------------------------------------

@pytest.mark.parametrize("moment", [
    "At the moment when Banke, alone on a hillside, says to his dead wife's barometer,",
    "In the scene where Banke tells the barometer,",
    "There is a shot in which Banke, soaked, says to the sky,",
])
def test_round_seventy_three_a_line_in_a_moment_of_the_film_is_the_parts(moment):
    body = (
        "Tesk's *Small Weather* is a drama about a retired meteorologist played by Aurelio Banke.\n\n"
        f"{moment} \"You were always right and I was always early,\" and my husband did the thing with his jaw."
    )
    assert not _sure_on(_found(body), "aurelio-banke")


# -- a silent film's intertitle ------------------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "Szanto is given only a single card, and it is the line audiences have asked us to print in full:",
    "Her one intertitle reads:",
    "The title card that ends her scene:",
])
def test_round_seventy_three_an_intertitle_is_the_films_words(lead):
    body = (
        "*The Harbour Card* (1925) stars Mirela Szanto as the harbourmaster's daughter.\n\n"
        f"{lead}\n\n\"The sea takes what the harbour forgets. I will not be forgotten.\""
    )
    assert not _sure_on(_found(body), "mirela-szanto")
