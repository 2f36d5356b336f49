"""Round sixty-five (issue 13): conventions found in `tests/evalset106` and `tests/evalset107`
once they moved to tune: a prize list's reactions after a bare surname and a colon, each under
its prize's heading in bold capitals; speech a crew member's letter, printed as a block quote,
passes on; and a profile's subject first written as a possessive, with a graph namesake set
apart as "no relation". Each is written for the convention in several of its phrasings (ours,
not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("the-gull-years-2029", "The Gull Years", 2029), FilmRef("low-tide-hymn-2028", "Low Tide Hymn", 2028),
     FilmRef("kestrel-2030", "Kestrel", 2030)],
    [PersonRef("maren-dossett", "Maren Dossett"), PersonRef("anders-volke", "Anders Volke"),
     PersonRef("imre-balogh", "Imre Balogh"), PersonRef("bettina-sallow", "Bettina Sallow"),
     PersonRef("rosamund-ash", "Rosamund Ash"), PersonRef("devlin-quarrie", "Devlin Quarrie")],
    [CreditRef("the-gull-years-2029", "maren-dossett", "director"), CreditRef("low-tide-hymn-2028", "anders-volke", "director"),
     CreditRef("low-tide-hymn-2028", "imre-balogh", "director"), CreditRef("kestrel-2030", "bettina-sallow", "director"),
     CreditRef("kestrel-2030", "rosamund-ash", "actor"), CreditRef("kestrel-2030", "devlin-quarrie", "actor")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


# -- a prize list: each reaction under its own heading -------------------------------------------------

@pytest.mark.parametrize("citation", [
    "\"For a film that listens before it speaks.\"",
    "The jury's citation: \"For a film that listens before it speaks.\"",
])
@pytest.mark.parametrize("heading", ["**BEST DIRECTOR**", "**Best Director**"])
def test_round_sixty_five_a_reaction_does_not_run_on_past_the_next_prizes_heading(heading, citation):
    body = (
        "The jury gave its prizes on Saturday. The citations are the jury's own.\n\n"
        "**BEST FILM**\n_The Gull Years_, directed by Maren Dossett\n\n"
        "\"A debut that behaves like a last film.\"\n\n"
        "Dossett: \"We made it with nine people and a van.\"\n\n"
        f"{heading}\nAnders Volke, _Low Tide Hymn_\n\n"
        f"{citation}\n\n"
        "**BEST DOCUMENTARY**\nImre Balogh, _Low Tide Hymn_\n\n"
        "\"For voices nearly lost.\"\n\n"
        "Balogh: \"I found the tapes in a skip.\""
    )
    found = _found(body)
    on_dossett = [word.strip('"“') for word, key, _, _ in found if key == "maren-dossett"]
    assert on_dossett == ["We"], found
    assert not any(word == "For" and key and conf >= SURE_CONFIDENCE for word, key, _, conf in found), found


# -- speech a letter passes on -------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "Today Bettina came over at lunch and said, \"If the bird won't land, move the mark.\"",
    "Bettina Sallow told the whole unit at breakfast: \"If the bird won't land, move the mark.\"",
    "At the wrap Rosamund Ash looked at the cliff and said, \"If the bird won't land, move the mark.\"",
])
def test_round_sixty_five_speech_inside_a_block_quoted_letter_is_held(said):
    body = (
        "Three crew members on *Kestrel*, Bettina Sallow's new film starring Rosamund Ash, let us print "
        "their letters home.\n\n"
        "**Pia Orrell, focus puller, to her family**\n\n"
        f"> Dear Mum and Dad, day nineteen and I have not been warm since day two. {said} "
        "I think it might be about life.\n>\n> Love, Pia"
    )
    found = _found(body)
    assert found and not any(key and conf >= SURE_CONFIDENCE for _, key, _, conf in found), found


def test_round_sixty_five_a_block_quoted_statement_stays_its_speakers():
    body = (
        "Bettina Sallow, who directed *Kestrel*, sent a statement:\n\n"
        "> \"We shot on the island for six weeks and we leave it as we found it.\""
    )
    found = _found(body)
    assert found[-1][1] == "bettina-sallow" and found[-1][3] >= SURE_CONFIDENCE, found


# -- a possessive subject and her namesake set apart ---------------------------------------------------

@pytest.mark.parametrize("apart", [
    "The boy was Devlin Quarrie — no relation, though both are asked about it.",
    "The boy was Devlin Quarrie, no relation, and he played the younger brother.",
])
@pytest.mark.parametrize("subject", ["above Nell Quarrie's desk", "in Nell Quarrie's office"])
def test_round_sixty_five_a_bare_surname_after_the_namesake_is_set_apart_is_held(subject, apart):
    body = (
        f"There are two hundred notebooks on the shelf {subject}, each a casting session.\n\n"
        f"{apart} She cast him in *Kestrel* the following year.\n\n"
        "Quarrie has not held a callback since 2001. \"If I need a second look, I haven't done my job,\" she said."
    )
    last = _found(body)[-1]
    assert not (last[1] == "devlin-quarrie" and last[3] >= SURE_CONFIDENCE), last
