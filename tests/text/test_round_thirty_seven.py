"""Round thirty-seven (issue 13): conventions of film and news writing behind the errors of
`tests/evalset46` and `tests/evalset47` once they moved to tune, each written for the convention
in several of its common phrasings (ours, not the sets'), not for one set's wording.

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes


_TITLES = _gazetteer(
    [FilmRef("the-eighth-2011", "The Eighth", 2011), FilmRef("lantern-row-2027", "Lantern Row", 2027),
     FilmRef("lantern-1990", "Lantern", 1990)],
    [PersonRef("wren-attley", "Wren Attley")],
    [CreditRef("the-eighth-2011", "wren-attley", "director"), CreditRef("lantern-row-2027", "wren-attley", "director")],
)


def _films(body: str, gaz=_TITLES) -> list[str]:
    return [m.key for m in _process(body, gaz).mentions if m.kind == "film"]


@pytest.mark.parametrize("sentence", [
    "Next month brings *The Eighth Lock*, a heist comedy, into a crowded market.",
    "Critics preferred *The Eighth Floor Window* to anything else in competition.",
    "Wren Attley's favourite this year was *The Eighth Sparrow*.",
    "The distributor will open *The Eighth Bell* on Boxing Day, and *Lantern Fish* a week later.",
])
def test_round_thirty_seven_an_italic_title_that_runs_on_is_a_longer_title(sentence):
    # Italics set a title apart whole. When the words in italics go on, title-cased, past a
    # title the graph holds ("*The Eighth Lock*" holding "The Eighth"), the writer names a longer
    # title the graph lacks, not the graph's film.
    assert _films(sentence) == [], _films(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("Wren Attley returns with *The Eighth* (2011) restored.", ["the-eighth-2011"]),
    ("Wren Attley's *Lantern Row* opens on Friday.", ["lantern-row-2027"]),
    ("We saw *The Eighth*'s new print twice.", ["the-eighth-2011"]),
    ("Wren Attley's *The Eighth, restored* plays on Sunday.", ["the-eighth-2011"]),
])
def test_round_thirty_seven_an_italic_title_that_stops_is_still_the_film(sentence, expected):
    # The graph's title in italics of its own, or the longest title the graph holds, is the film
    # as before; lower-case words or a year after it are no longer title.
    assert _films(sentence) == expected, _films(sentence)


_OUTLET = _gazetteer(
    [FilmRef("lantern-1990", "Lantern", 1990), FilmRef("lantern-row-2027", "Lantern Row", 2027)],
    [PersonRef("wren-attley", "Wren Attley"), PersonRef("ivo-brandt", "Ivo Brandt")],
    [CreditRef("lantern-1990", "ivo-brandt", "director"), CreditRef("lantern-row-2027", "wren-attley", "director")],
)


@pytest.mark.parametrize("credit", [
    "For *Lantern*, Pia Moor spoke to her in Leeds a week after the premiere.",
    "For *Lantern*, Pia Moor talked to the director about the cut.",
    "For *Lantern*, Pia Moor interviewed him at home in Leeds.",
    "For *Lantern*, our critic Pia Moor met the director at the festival.",
    "For *Lantern*, we sat down with her in Leeds.",
    "Wren Attley has a new film. For *Lantern*, Pia Moor spoke with her in Leeds.",
])
def test_round_thirty_seven_an_interview_credit_put_first_names_the_outlet(credit):
    # A magazine interview opens with its credit put first: "For *Outlet*, Writer spoke to her
    # …". The title in italics is the publication the interviewer writes for, not the graph's
    # film of that name, as in "Pia Moor spoke to her for *Lantern*".
    assert [k for k in _films(credit, _OUTLET) if k.startswith("lantern-1")] == [], _films(credit, _OUTLET)


@pytest.mark.parametrize("sentence", [
    "For *Lantern*, Ivo Brandt spoke to sixty lamplighters.",
    "For *Lantern Row*, Wren Attley talked to everyone on the street.",
    "For *Lantern*, the crew spent a winter in Leeds.",
])
def test_round_thirty_seven_research_for_a_film_keeps_the_film(sentence):
    # A maker the graph credits on that very film, talking to people for it, is research for the
    # film; and a sentence without a verb of talking is about the film.
    assert len(_films(sentence, _OUTLET)) == 1, _films(sentence, _OUTLET)


_PROFILE = _gazetteer(
    [FilmRef("the-ferry-ledger-2029", "The Ferry Ledger", 2029)],
    [PersonRef("ada-quell", "Ada Quell"), PersonRef("tam-reyes", "Tam Reyes"), PersonRef("ines-barr", "Ines Barr")],
    [CreditRef("the-ferry-ledger-2029", "ada-quell", "actor"), CreditRef("the-ferry-ledger-2029", "tam-reyes", "actor"),
     CreditRef("the-ferry-ledger-2029", "ines-barr", "director")],
)


@pytest.mark.parametrize("view", [
    "Her co-star Tam Reyes, who plays the ferryman, puts it another way.",
    "Tam Reyes, who plays her husband, is blunter.",
    "Tam Reyes, who plays the landlord, disagrees.",
    "Tam Reyes, who plays the priest, sees it differently.",
    "Tam Reyes, who plays her brother in the film, puts it more simply.",
])
def test_round_thirty_seven_a_co_star_giving_his_view_speaks_for_himself(view):
    # A profile names a co-star with his part in passing ("who plays the ferryman") and then
    # says he gives his view: the words after it, "he says" in the profile's present tense, are
    # his comment on the subject, not a line his character speaks in a scene. The next
    # paragraph's "she says" is then not his either.
    body = (
        "Ada Quell orders tea and apologises for it. “I grew up counting coins,” she says.\n\n"
        "In *The Ferry Ledger*, Quell plays a clerk who finds money missing.\n\n"
        f"{view} “She never wastes a take,” he says. “The crew adore her for it.”\n\n"
        "The part required her to learn bookkeeping, and she did. “I took a night class,” she says.\n"
    )
    found = _quotes(body, _PROFILE)
    assert [key for _, key, _, _ in found][:3] == ["ada-quell", "tam-reyes", "ada-quell"], found
    assert found[1][3] >= SURE_CONFIDENCE, found


@pytest.mark.parametrize("scene", [
    "Tam Reyes, who plays the ferryman, barely speaks until the last reel.",
    "Tam Reyes, who plays the ferryman, gets the film's best scene.",
])
def test_round_thirty_seven_a_part_in_a_scene_still_speaks_the_line(scene):
    # In a review the part a relative clause casts still speaks the scene's line: nobody's page.
    body = f"*The Ferry Ledger* is slow. {scene} “Row harder,” he says.\n"
    found = _quotes(body, _PROFILE)
    assert [key for _, key, _, _ in found] == [None], found
