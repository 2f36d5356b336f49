"""Round sixty-four (issue 13): conventions found in `tests/evalset102` and `tests/evalset103`
once they moved to tune: a bare surname after the dead director's living son is named, a
podcast's two hosts and their guest, a listener's message a host plays, "Drayton's reply came an
hour later:", and a lead-in that is only "Citation:". Each is written for the convention in
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
    [FilmRef("the-tidewater-bell-1931", "The Tidewater Bell", 1931), FilmRef("saltmarsh-2029", "Saltmarsh", 2029)],
    [PersonRef("anselm-brekke", "Anselm Brekke"), PersonRef("tobias-brekke", "Tobias Brekke"),
     PersonRef("nadia-frome", "Nadia Frome"), PersonRef("ilse-corran", "Ilse Corran"),
     PersonRef("dov-marrick", "Dov Marrick")],
    [CreditRef("the-tidewater-bell-1931", "anselm-brekke", "director"),
     CreditRef("the-tidewater-bell-1931", "tobias-brekke", "actor"),
     CreditRef("saltmarsh-2029", "nadia-frome", "director"), CreditRef("saltmarsh-2029", "ilse-corran", "actor"),
     CreditRef("saltmarsh-2029", "dov-marrick", "crew")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


# -- the dead say nothing now ------------------------------------------------------------------------------

@pytest.mark.parametrize("death", [
    "Brekke died in 1974.",
    "Brekke, who died in 1974, never saw it again.",
    "Anselm Brekke (1890–1974) never saw it again.",
    "It was the last film of the late Anselm Brekke.",
])
def test_round_sixty_four_a_bare_surname_after_the_dead_directors_son_is_the_son(death):
    body = (
        "The lost reel of *The Tidewater Bell*, Anselm Brekke's 1931 drama, has been found in a barn.\n\n"
        f"{death} His son, Tobias Brekke, 91, who played a cabin boy in the film, saw the reel on Monday.\n\n"
        "\"My father never stopped talking about that storm,\" Brekke said."
    )
    last = _found(body)[-1]
    # The son, held (the surname alone names him), or nobody's page; never his father's.
    assert last[1] in ("tobias-brekke", None) and (last[1] is None or last[3] < SURE_CONFIDENCE), last


def test_round_sixty_four_a_living_directors_surname_never_goes_to_his_son_for_sure():
    body = (
        "Anselm Brekke has finished a new cut of *The Tidewater Bell*. His son, Tobias Brekke, plays "
        "the cabin boy.\n\n"
        "\"I cut it for the boy who watched it with me,\" Brekke said."
    )
    last = _found(body)[-1]
    assert not (last[1] == "tobias-brekke" and last[3] >= SURE_CONFIDENCE), last


def test_round_sixty_four_a_dead_relative_leaves_the_surname_to_the_subject():
    body = (
        "*The Tidewater Bell* is dedicated to Brekke's father, the director Anselm Brekke, who died in June. "
        "Tobias Brekke plays the cabin boy he once played.\n\n"
        "\"He would have hated the new ending,\" Brekke said."
    )
    assert _found(body)[-1][1] != "anselm-brekke"


# -- a podcast's two hosts and their guest -------------------------------------------------------------

@pytest.mark.parametrize("hosts", [
    "*Reel Talk is a weekly podcast hosted by Wren Halloway and Casimir Obi.*",
    "*Reel Talk is presented by Wren Halloway and Casimir Obi every Friday.*",
])
def test_round_sixty_four_two_hosts_who_ask_a_guest_both_prompt(hosts):
    body = (
        f"{hosts}\n\n"
        "This week Wren and Casimir talk to Nadia Frome about *Saltmarsh*.\n\n"
        "**Wren:** Where did *Saltmarsh* start?\n\n"
        "**Nadia Frome:** In a ferry queue, with a flask of tea.\n\n"
        "**Casimir:** And the ending came later.\n\n"
        "**Nadia Frome:** Two years later, on the same ferry.\n\n"
        "**Wren:** Why the sea, again?\n\n"
        "**Nadia Frome:** Because it never says the same thing twice."
    )
    assert [key for _, key, _, _ in _found(body)] == ["nadia-frome"] * 3


@pytest.mark.parametrize("greeting", ["Hi Wren, hi Casimir", "Hello Wren and Casimir", "Hey Wren"])
def test_round_sixty_four_a_listeners_message_a_host_plays_is_nobodys(greeting):
    body = (
        "*Reel Talk is a weekly podcast hosted by Wren Halloway and Casimir Obi.*\n\n"
        "**Wren:** Where did *Saltmarsh* start?\n\n"
        "**Nadia Frome:** In a ferry queue, with a flask of tea.\n\n"
        "**Casimir:** Right, a voicemail. This one came in on Tuesday.\n\n"
        f"> {greeting}, it's Rhona from the back row of the Pavilion. I cried at the ferry scene. Bye!\n\n"
        "**Nadia Frome:** Rhona, I cried writing it."
    )
    found = _found(body)
    assert [(word, key) for word, key, _, _ in found] == [("In", "nadia-frome"), (greeting.split()[0], None),
                                                           ("Rhona,", "nadia-frome")]


# -- "Drayton's reply came an hour later:" ---------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "Marrick's reply came an hour later:",
    "Marrick's answer was short:",
    "Marrick's curt reply, posted on Sunday evening:",
])
def test_round_sixty_four_a_reply_a_possessive_name_announces_is_theirs(lead):
    body = (
        "Nadia Frome apologised to the rigger Dov Marrick on Saturday. \"I was wrong about the rigging and I said so,\" "
        "Frome said.\n\n"
        f"{lead} \"Accepted. The tea is on her.\""
    )
    assert _found(body)[-1][1] == "dov-marrick"


# -- "Citation:" ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("label", ["Citation:", "**Citation:**", "Inscription:", "The citation:"])
@pytest.mark.parametrize("heading", ["**Best Director:** *Saltmarsh*, directed by Nadia Frome",
                                     "***Saltmarsh*, directed by Nadia Frome**"])
def test_round_sixty_four_a_lead_in_naming_only_a_document_gives_nobodys_words(label, heading):
    body = (
        "The jury gave four prizes on Saturday.\n\n"
        f"{heading}\n\n"
        f"{label} \"For a film that listens to the sea and lets it have the last word.\""
    )
    found = _found(body)
    assert found and all(key != "nadia-frome" for _, key, _, _ in found), found


def test_round_sixty_four_the_winners_own_words_after_the_citation_stay_hers():
    body = (
        "**Best Director:** *Saltmarsh*, directed by Nadia Frome\n\n"
        "Citation: \"For a film that listens to the sea.\"\n\n"
        "Frome was brief: \"Thank you to the ferry.\""
    )
    assert _found(body)[-1][1] == "nadia-frome"
