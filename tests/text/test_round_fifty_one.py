"""Round fifty-one (issue 13): conventions found in `tests/evalset76` and `tests/evalset77` once they
moved to tune: a landlady who shares her late husband's surname, a trade site's report about an
actor, a film's line given to the film, a telegram read out by the brother it was sent to, a
radio phone-in's callers, an exchange of text messages filed in a lawsuit. Each is written for the
convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes
from newsreel.text.quotes import SURE_CONFIDENCE

# A director and her cast; two graph brothers; a graph actor whose first name a caller shares.
_GRAPH = _gazetteer(
    [FilmRef("saltings-2030", "The Saltings", 2030), FilmRef("saltings-ii-2033", "The Saltings II", 2033)],
    [PersonRef("ines-varro", "Ines Varro"), PersonRef("tam-orrick", "Tam Orrick"),
     PersonRef("obi-orrick", "Obi Orrick"), PersonRef("sheila-moray", "Sheila Moray"),
     PersonRef("aled-penrose", "Aled Penrose"), PersonRef("cai-penrose", "Cai Penrose")],
    [CreditRef("saltings-2030", "ines-varro", "director"), CreditRef("saltings-2030", "tam-orrick", "actor"),
     CreditRef("saltings-ii-2033", "obi-orrick", "actor"), CreditRef("saltings-2030", "sheila-moray", "actor"),
     CreditRef("saltings-2030", "aled-penrose", "crew"), CreditRef("saltings-ii-2033", "cai-penrose", "producer")],
)


def _found(body: str) -> list[tuple[str, str | None]]:
    return [(word, key) for word, key, _, _ in _quotes(body, _GRAPH)]


def _shown(body: str) -> set[str]:
    return {key for _, key, _, confidence in _quotes(body, _GRAPH) if key and confidence >= SURE_CONFIDENCE}


# -- a surname shared with the outsider whose relative the graph person is ----------------------

@pytest.mark.parametrize("relative", [
    "Her late husband, Aled Penrose,", "Her husband, Aled Penrose,", "Her son, the gaffer Aled Penrose,",
])
def test_round_fifty_one_a_bare_surname_after_a_relative_of_that_name_is_never_sure(relative):
    body = (
        f"At the harbour inn, Morwen Penrose has kept room four as the director left it. {relative} "
        "worked the lights on *The Saltings*.\n\n"
        "“She sat in that window every night with the script,” Penrose says. “So I lent her Aled's jumper.”"
    )
    assert "aled-penrose" not in _shown(body)


def test_round_fifty_one_a_graph_person_named_by_surname_with_no_namesake_is_still_sure():
    body = (
        "Aled Penrose lit *The Saltings* from the harbour wall.\n\n"
        "“The light was the whole job,” Penrose says."
    )
    assert _shown(body) == {"aled-penrose"}


# -- a trade site's report about an actor ------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "The trade site Reelwire reported on Monday that her brother, Obi Orrick, is in talks to join the cast:",
    "Deadwater said that Obi Orrick was close to a deal:",
    "A trade paper reported last week that Tam Orrick and Obi Orrick would lead the sequel:",
])
def test_round_fifty_one_the_one_a_report_is_about_is_not_the_one_quoted(lead):
    body = f"{lead} “The studio is eyeing a spring start, with both Orricks in the frame.”"
    assert [key for _, key in _found(body)] == [None]


def test_round_fifty_one_someone_the_report_says_spoke_is_still_the_speaker():
    body = "The same piece said that Obi Orrick told our reporter: “I would go back in the water tomorrow.”"
    assert _found(body) == [("I", "obi-orrick")]


# -- a film's line, given to the film -----------------------------------------------------------

@pytest.mark.parametrize("owner", ["the first film's", "the original's", "the trailer's", "the sequel's"])
def test_round_fifty_one_a_line_the_lead_gives_to_a_film_is_nobodys(owner):
    body = (
        f"Fans want to know whether it finds a line as sticky as {owner} “Salt in the wound, sister,” "
        "which Tam Orrick growls at his brother in the trench."
    )
    assert _found(body) == [("Salt", None)]


# -- a telegram read out by the brother it was sent to ------------------------------------------

@pytest.mark.parametrize("lead", [
    "At the memorial Cai Penrose read out the last telegram his brother ever sent him:",
    "Cai Penrose reads aloud a letter his late sister had written:",
])
def test_round_fifty_one_a_relatives_message_read_out_is_not_the_readers(lead):
    body = f"{lead} “BUDGET FINE. FILM BETTER. STOP WORRYING.”"
    assert _found(body) == [("BUDGET", None)]


def test_round_fifty_one_a_message_read_out_from_someone_named_is_still_theirs():
    body = (
        "Ines Varro could not be there. Accepting for her, Cai Penrose read out a message from Ines Varro: "
        "“Thank you, and I am sorry the ferry was late.”"
    )
    assert [key for _, key in _found(body)] == ["ines-varro"]


# -- a radio phone-in's callers -----------------------------------------------------------------

_PHONE_IN = (
    "*From Saltings Radio's film phone-in. The guest on the line was Ines Varro, who directed The Saltings.*\n\n"
    "HOST: Lines are jammed. Ines, welcome.\n\n"
    "INES VARRO: Thank you. Half the town wants to shout at me, so go on.\n\n"
    "HOST: First, {first}.\n\n"
    "{caller_a}: Hello, love. Seen it three times. Who taught the boy to row like that?\n\n"
    "VARRO: His grandfather, on the estuary, every morning for a month.\n\n"
    "{caller_b}: You made the town look poorer than it is. We've got a bakery now.\n\n"
    "VARRO: That's fair. We shot in February."
)


@pytest.mark.parametrize("first, caller_a, caller_b", [
    ("Sheila in Porthwen", "SHEILA, PORTHWEN", "TAM, ON A TRAIN"),
    ("Sheila on the quay", "SHEILA, THE QUAY", "TAM, ST BRIDE'S"),
])
def test_round_fifty_one_a_phone_ins_callers_speak_as_themselves_on_nobodys_page(first, caller_a, caller_b):
    found = _found(_PHONE_IN.format(first=first, caller_a=caller_a, caller_b=caller_b))
    assert ("Hello,", None) in found and ("You", None) in found, found
    assert ("His", "ines-varro") in found and ("That's", "ines-varro") in found, found
    assert not {"sheila-moray", "tam-orrick"} & {key for _, key in found}


# -- an exchange of text messages -----------------------------------------------------------------

@pytest.mark.parametrize("first_time, second_time", [
    ("Sat 14 Nov, 11.52pm", "11.58pm"), ("23:52", "23:58"), ("Nov 14, 11:52 PM", "11:58 PM"),
])
def test_round_fifty_one_an_exchange_of_texts_is_every_senders_words(first_time, second_time):
    body = (
        "The suit quotes messages between Tam Orrick and Ines Varro, reproduced as filed.\n\n"
        f"**Tam ({first_time}):** read the draft. the ending's mine tho\n\n"
        f"**Ines ({second_time}):** The ending is on page 94 of my first draft.\n\n"
        "**Tam (12.03am):** not what I meant. the IDEA was mine\n\n"
        "**Ines (12.05am):** No. Now, please.\n\n"
        "Months later the trailer went out with the joint credit."
    )
    found = _found(body)
    assert found == [("read", "tam-orrick"), ("The", "ines-varro"), ("not", "tam-orrick"), ("No.", "ines-varro")], found


def test_round_fifty_one_a_rating_in_parentheses_is_still_no_time():
    body = (
        "Our critics on the week's releases.\n\n"
        "**The Saltings (15):** Tam Orrick rows; the sea wins. Four stars.\n\n"
        "**The Saltings II (12A):** More sea, less Orrick. Two stars.\n\n"
        "**Verdict:** See the first."
    )
    assert _found(body) == []
