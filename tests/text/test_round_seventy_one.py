"""Round seventy-one (issue 13): conventions found in `tests/evalset115` (read in round seventy),
`tests/evalset116` and `tests/evalset117`: an "in conversation" evening's bare reply about the one
who just spoke, a first AD's words "to Dunleavy", a screenwriting prize named like a film, a
competition's unmade script and a trade paper set in italics. Each is written for the convention
in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("tallow-hours-2019", "Tallow Hours", 2019), FilmRef("kestrel-sound-2012", "Kestrel Sound", 2012),
     FilmRef("nighthawk-2019", "Nighthawk", 2019), FilmRef("cue-card-2009", "Cue Card", 2009)],
    [PersonRef("ysolde-carrick", "Ysolde Carrick"), PersonRef("benedek-oyelowo", "Benedek Oyelowo"),
     PersonRef("marisol-dunmere", "Marisol Dunmere"), PersonRef("ruth-kettle", "Ruth Kettle")],
    [CreditRef("tallow-hours-2019", "ysolde-carrick", "director"), CreditRef("tallow-hours-2019", "benedek-oyelowo", "crew"),
     CreditRef("kestrel-sound-2012", "marisol-dunmere", "director"), CreditRef("nighthawk-2019", "ruth-kettle", "crew"),
     CreditRef("cue-card-2009", "ruth-kettle", "director")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


def _films(body: str) -> set[str]:
    return {m.key for m in _process(body, _GRAPH).mentions if m.kind == "film"}


# -- a bare reply about the one who just spoke ------------------------------------------------------------

@pytest.mark.parametrize("reply", [
    "\"He was also patient. He just hid it.\"",
    "\"He was patient too. He hid it well.\"",
    "\"Not cheap. He was never cheap. He was patient.\"",
])
def test_round_seventy_one_a_bare_reply_about_the_last_speaker_is_the_other_voices(reply):
    body = (
        "Ysolde Carrick and her editor, Benedek Oyelowo, talked on stage about *Tallow Hours*. Carrick was "
        "brief. \"We have cut five films together,\" she said.\n\n"
        "Oyelowo answered an advertisement in 2009. \"She wanted someone cheap,\" he said. \"I was cheap.\"\n\n"
        f"{reply}"
    )
    last = _found(body)[-1]
    assert last[1] != "benedek-oyelowo" and last[3] < SURE_CONFIDENCE, last


def test_round_seventy_one_a_bare_line_about_someone_else_stays_with_the_speaker():
    body = (
        "Ysolde Carrick was full of praise for the crew. \"Ruth carried us through the night shoots,\" she "
        "said. \"Every time somebody flagged, she'd start singing.\"\n\n"
        "\"She also never told anyone she had broken a toe.\""
    )
    assert _found(body)[-1][1] == "ysolde-carrick"


# -- words spoken to someone ----------------------------------------------------------------------------

@pytest.mark.parametrize("lead", ["Then, to Dunmere, quieter:", "And then, turning to Dunmere:", "Then, to Marisol Dunmere, softly:"])
def test_round_seventy_one_the_one_spoken_to_is_not_the_speaker(lead):
    body = (
        "Marisol Dunmere directs her first scene of *Kestrel Sound* at dawn. The first assistant director, Ruth "
        "Kettle, calls the set to order. \"Settle, please,\" Kettle says.\n\n"
        f"{lead} \"Whenever you're ready, boss.\""
    )
    last = _found(body)[-1]
    assert last[1] != "marisol-dunmere", last


# -- names like films ------------------------------------------------------------------------------------

@pytest.mark.parametrize("prize", ["the Kestrel Sound Screenwriting Prize", "the Kestrel Sound Film Society",
                                   "Kestrel Sound Pictures"])
def test_round_seventy_one_a_title_opening_an_institutions_name_is_no_film(prize):
    body = f"Tamsin Okoro's script won {prize} on Saturday night, with £15,000 for its development."
    assert "kestrel-sound-2012" not in _films(body)


@pytest.mark.parametrize("script", ["*Nighthawk*, a short script by Priya Lund,", "*Nighthawk*, a screenplay by Priya Lund,",
                                    "the script *Nighthawk*"])
def test_round_seventy_one_a_competitions_script_is_no_film(script):
    body = f"Third place went to {script} about a night-shift nurse who tapes birdsong in a car park."
    assert "nighthawk-2019" not in _films(body)


@pytest.mark.parametrize("paper", ["the trade paper *Cue Card*", "the student paper *Cue Card*", "the Sunday paper *Cue Card*"])
def test_round_seventy_one_a_paper_named_like_a_film_is_no_film(paper):
    body = f"She remembered it in a 1997 interview with {paper}: \"It was the coldest week of my life.\""
    assert "cue-card-2009" not in _films(body)
