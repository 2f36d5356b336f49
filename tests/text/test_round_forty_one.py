"""Round forty-one (issue 13): conventions of film and news writing behind the errors of
`tests/evalset54` and `tests/evalset55` once they moved to tune (and the outlets still wrong in
`tests/evalset53`), each written for the convention in several of its common phrasings (ours, not
the sets'), not for one set's wording.

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process


def _films(body: str, gaz) -> list[str]:
    return [m.key for m in _process(body, gaz).mentions if m.kind == "film"]


# A graph film whose title is also the name of a review, a magazine, a festival strand and a cinema
# in the articles below; and a real film the articles do mean.
_OUTLETS = _gazetteer(
    [FilmRef("the-lantern-2015", "The Lantern", 2015), FilmRef("quarry-2019", "Quarry", 2019),
     FilmRef("cold-meridian-2027", "Cold Meridian", 2027)],
    [PersonRef("petra-voss", "Petra Voss"), PersonRef("hal-brenner", "Hal Brenner")],
    [CreditRef("the-lantern-2015", "hal-brenner", "director"), CreditRef("quarry-2019", "hal-brenner", "actor"),
     CreditRef("cold-meridian-2027", "petra-voss", "director")],
)


@pytest.mark.parametrize("body", [
    "Petra Voss's *Cold Meridian* divided the critics. Ines Dorrow, writing for *The Lantern*, called it cold.",
    "Petra Voss's *Cold Meridian* divided the critics. Writing for *Quarry*, Ines Dorrow called it cold.",
    "Petra Voss's *Cold Meridian* divided the critics. In *The Lantern*, Ines Dorrow compared it with her first film.",
    "Petra Voss's *Cold Meridian* divided the critics. In *Quarry*, Tomas Reyl argued that it runs long.",
    "Petra Voss's *Cold Meridian* divided the critics, wrote Ines Dorrow (no relation to anyone) in *The Lantern*.",
    "Petra Voss made *Cold Meridian* in a year. Ines Dorrow spoke to her for *Quarry*.",
    "Petra Voss made *Cold Meridian* in a year. Ines Dorrow talked with him for *The Lantern* last week.",
    "*Cold Meridian* by Petra Voss opens in the Quarry section of the Ashby festival.",
    "*Cold Meridian* by Petra Voss played to a full house at the Quarry cinema on Friday.",
    "*Cold Meridian* by Petra Voss is booked into every screen of the Quarry chain.",
    "Petra Voss, who made *Cold Meridian*, once dated a contestant from the reality show *Quarry*.",
    "Petra Voss's *Cold Meridian* was the talk of the gossip column *The Lantern* all week.",
])
def test_round_forty_one_a_title_where_an_outlet_venue_or_strand_goes_is_not_the_film(body):
    # A critic "writing for" or fronted "In *X*, Name compared …", an interview "for *X*" after a
    # pronoun, "the X section / cinema / chain": the title names a publication, a festival strand
    # or a venue, not the graph's film of that name; the film the article means is still found.
    assert _films(body, _OUTLETS) == ["cold-meridian-2027"], _films(body, _OUTLETS)


@pytest.mark.parametrize("body", [
    "In *The Lantern*, Petra Voss plays a lighthouse keeper.",
    "In *Quarry*, Hal Brenner argued with his brother for two hours of screen time.",
    "Hal Brenner spoke to her about *Quarry* for an hour.",
    "The chain booked *Quarry* into every screen.",
])
def test_round_forty_one_the_film_itself_stays_a_film(body):
    # A cast member in the film, the graph's own credit after "In *X*,", a film spoken about, a
    # film booked: each still the film.
    assert _films(body, _OUTLETS) != [] and set(_films(body, _OUTLETS)) & {"the-lantern-2015", "quarry-2019"}
