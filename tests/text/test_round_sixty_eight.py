"""Round sixty-eight (issue 13): conventions found in `tests/evalset112` and `tests/evalset113`
once they moved to tune: an obituary's subject, who has died, and her daughter outside the graph
who shares her surname; a guide whose aunt is the graph's costume designer; an auctioneer quoted
where first named and a graph actress of his surname; and an attribution that stops at its
paragraph's end. Each is written for the convention in several of its phrasings (ours, not the
sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("glassmoor-1979", "Glassmoor", 1979), FilmRef("wrackwater-1988", "Wrackwater", 1988),
     FilmRef("frostline-2019", "Frostline", 2019)],
    [PersonRef("margit-solander", "Margit Solander"), PersonRef("annick-tressell", "Annick Tressell"),
     PersonRef("ottilie-yarwood", "Ottilie Yarwood"), PersonRef("ilona-vadas", "Ilona Vadas"),
     PersonRef("hugo-stellan", "Hugo Stellan")],
    [CreditRef("glassmoor-1979", "margit-solander", "crew"), CreditRef("wrackwater-1988", "annick-tressell", "crew"),
     CreditRef("frostline-2019", "ottilie-yarwood", "actor"), CreditRef("wrackwater-1988", "ilona-vadas", "crew"),
     CreditRef("wrackwater-1988", "hugo-stellan", "director")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


def _sure_on(found: list, key: str) -> list[str]:
    return [word for word, k, _, conf in found if k == key and conf >= SURE_CONFIDENCE]


# -- the relative outside the graph of one who has died --------------------------------------------------

@pytest.mark.parametrize("death", [
    "Margit Solander, who cut *Glassmoor* and taught two generations of editors, died on 2 November.",
    "Margit Solander died on 2 November at her home.",
    "Margit Solander (1946–2026) cut *Glassmoor* in nine weeks.",
])
@pytest.mark.parametrize("added", [
    "Solander, who teaches mathematics, added: \"She timed everything.\"",
    "\"She timed everything,\" Solander added.",
])
def test_round_sixty_eight_a_bare_surname_after_the_dead_editors_daughter_is_named_is_the_daughters(death, added):
    body = (
        f"{death}\n\n"
        "Their daughter, Linnea Solander, kept her mother's surname. \"Mum said it was a good name,\" she said. "
        f"{added}"
    )
    found = _found(body)
    assert not _sure_on(found, "margit-solander"), found


# -- "His aunt, Annick Tressell" ----------------------------------------------------------------------------

@pytest.mark.parametrize("kin", ["His aunt", "His cousin", "His grandmother"])
def test_round_sixty_eight_a_relative_the_guide_names_leaves_him_his_surname(kin):
    body = (
        "*Wrackwater* was shot here in 1988. Our guide, Keith Tressell, was fourteen at the time and spent the "
        f"shoot getting in the way. {kin}, Annick Tressell, made the costumes.\n\n"
        "At the harbour wall he stops.\n\n"
        "\"The cap was her idea,\" Tressell says. \"Nobody wanted it but the camera.\""
    )
    assert not _sure_on(_found(body), "annick-tressell")


# -- the auctioneer quoted where first named ----------------------------------------------------------------

@pytest.mark.parametrize("later", [
    "Yarwood expects the gown to go well over estimate. \"In this room,\" he said, \"estimates are a polite fiction.\"",
    "\"In this room, estimates are a polite fiction,\" Yarwood said.",
])
def test_round_sixty_eight_a_bare_surname_after_the_quoted_auctioneer_is_held(later):
    body = (
        "\"Most actors take home a scarf,\" said the auctioneer, Crispin Yarwood, as he walked us through the "
        "saleroom.\n\n"
        "**Lot 31.** The felt hat worn by Ottilie Yarwood in *Frostline*, consigned by a private collector.\n\n"
        "**Lot 32.** A greatcoat, much mended.\n\n"
        "**Lot 33.** A parasol.\n\n"
        f"Viewing opens on 9 November. {later}"
    )
    assert not _sure_on(_found(body), "ottilie-yarwood")


def test_round_sixty_eight_the_graph_person_named_just_before_keeps_the_surname():
    body = (
        "\"Most actors take home a scarf,\" said the auctioneer, Crispin Yarwood.\n\n"
        "Lot 31 is the hat Ottilie Yarwood wore in *Frostline*, and she came to see it sold.\n\n"
        "\"I never liked that hat,\" Yarwood said."
    )
    assert _sure_on(_found(body), "ottilie-yarwood") == ["I"]


# -- an attribution ends with its paragraph -----------------------------------------------------------------

@pytest.mark.parametrize("next_paragraph", [
    "Vadas, now 39, runs a plumbing business in Lenmouth.",
    "Vadas, who was nine, kept the reflector.",
])
def test_round_sixty_eight_a_named_attribution_is_not_undone_by_the_next_paragraphs_surname(next_paragraph):
    body = (
        "Danny Vadas was cast without an audition. His aunt, Ilona Vadas, was the film's cinematographer on "
        "*Wrackwater*.\n\n"
        "\"Hugo saw him holding the reflector wrong for an hour and cast him,\" Ilona Vadas, now 71, said.\n\n"
        f"{next_paragraph}"
    )
    assert _sure_on(_found(body), "ilona-vadas") == ["Hugo"]
