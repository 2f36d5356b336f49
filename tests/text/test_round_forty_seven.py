"""Round forty-seven (issue 13): conventions found in `tests/evalset68` and `tests/evalset69` once
they moved to tune: a part written as "Character (Actor)" is who a scene's sentence is about, so
the line after it is the character's; a line introduced as "the line" is the film's; and a
transcript whose turns carry the recording's timestamps. Each is written for the convention in
several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

SHOWN = 0.8  # a quote on a graph speaker at this confidence or more goes on the person's page


_SET = _gazetteer(
    [FilmRef("salt-road-2035", "Salt Road", 2035), FilmRef("weir-2030", "The Weir", 2030)],
    [PersonRef("maren-olafsdottir", "Maren Olafsdottir"), PersonRef("tobin-grace", "Tobin Grace"),
     PersonRef("ines-carvalho", "Ines Carvalho"), PersonRef("ravi-sethna", "Ravi Sethna")],
    [CreditRef("salt-road-2035", "maren-olafsdottir", "actor"), CreditRef("salt-road-2035", "tobin-grace", "actor"),
     CreditRef("salt-road-2035", "ines-carvalho", "director"), CreditRef("weir-2030", "ravi-sethna", "editor")],
)


@pytest.mark.parametrize("scene", [
    "His sister Agnes (Maren Olafsdottir) is under the truck, oil to the elbows. She slides out and looks up at him: "
    "“You only ever say that when you're lying, Tom.”",
    "Agnes (Maren Olafsdottir) stands in the doorway with the keys. “You only ever say that when you're lying, Tom.”",
    "Then Agnes (Maren Olafsdottir) turns from the window. “You only ever say that when you're lying, Tom,” she says.",
])
def test_round_forty_seven_the_line_after_a_character_written_with_her_actor_is_the_characters(scene):
    # "Agnes (Maren Olafsdottir)" is the character the sentence is about, her actor in
    # parentheses: what she says next is a line of the film, on nobody's page.
    body = ("The first trailer for Ines Carvalho's Salt Road runs two minutes and gives away less than you fear.\n\n"
            f"{scene}")
    found = _quotes(body, _SET, headline="The Salt Road trailer, shot by shot")
    assert [(w, k) for w, k, _, _ in found] == [("You", None)], found


def test_round_forty_seven_an_actor_named_as_herself_still_speaks_for_herself():
    # Without the parentheses the actor is the subject, and her words about the part are hers.
    body = ("The first trailer for Ines Carvalho's Salt Road runs two minutes and gives away less than you fear.\n\n"
            "Maren Olafsdottir, who plays the sister, watched it with us. “I had oil in my hair for a month,” she said.")
    found = _quotes(body, _SET, headline="The Salt Road trailer, shot by shot")
    assert [(w, k) for w, k, _, _ in found] == [("I", "maren-olafsdottir")], found
    assert found[0][3] >= SHOWN, found


@pytest.mark.parametrize("lead", [
    "Tobin Grace, who was in the first film, turns up at a petrol station. He says the line everyone waited for:",
    "Tobin Grace turns up at a petrol station and delivers the line the fans wanted:",
    "Then Tobin Grace, older and slower, gets the last line:",
])
def test_round_forty_seven_a_quotation_introduced_as_the_line_is_the_films(lead):
    body = ("The first trailer for Ines Carvalho's Salt Road runs two minutes and gives away less than you fear.\n\n"
            f"{lead} “Nobody takes the salt road home.”")
    found = _quotes(body, _SET, headline="The Salt Road trailer, shot by shot")
    assert [(w, k) for w, k, _, _ in found] == [("Nobody", None)], found


@pytest.mark.parametrize("stamp", ["[00:04:10]\n", "[00:04:10] ", "(04:10) ", "04:10 — ", "2:14 PM\n"])
def test_round_forty_seven_a_transcript_with_timestamps_before_its_labels_is_still_a_transcript(stamp):
    body = ("Ines Carvalho recorded a commentary for The Weir with her editor, Ravi Sethna, and her star, Tobin Grace.\n\n"
            f"{stamp}**Ines:** We open on the water because the water never stops.\n\n"
            f"{stamp}**Ravi:** I wanted the whole flood in one shot.\n\n"
            "**Tobin:** And I wanted a coat.\n\n"
            f"{stamp}**Ravi:** We were all wrong, as it turned out.")
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found] == [
        ("We", "ines-carvalho"), ("I", "ravi-sethna"), ("And", "tobin-grace"), ("We", "ravi-sethna")], found


def test_round_forty_seven_a_timestamped_paragraph_without_a_label_ends_the_turn_before_it():
    # The film's own line heard on the track, under its timestamp, is no answer of the speaker
    # before it.
    body = ("Ines Carvalho recorded a commentary for The Weir with her editor, Ravi Sethna, and her star, Tobin Grace.\n\n"
            "[00:01:10]\n**Ines:** We open on the water because the water never stops.\n\n"
            "**Ravi:** I wanted the whole flood in one shot.\n\n"
            "[00:09:30]\n*On the track:* “The river keeps what it takes, Hal.”\n\n"
            "**Tobin:** That line took me a year.\n\n"
            "**Ines:** It took all of us a year.")
    found = _quotes(body, _SET)
    assert ("The", None) in [(w, k) for w, k, _, _ in found], found
    assert all(k is None for w, k, _, _ in found if w == "The"), found


@pytest.mark.parametrize("lead", [
    "At the dinner Tobin Grace had the best line of the night:",
    "Tobin Grace got the biggest laugh with the line he had saved for last:",
])
def test_round_forty_seven_the_line_outside_a_trailer_piece_waits_for_an_editor(lead):
    # Outside a piece about a trailer "the line" may be the person's own best remark: never sure.
    body = ("Ines Carvalho's Salt Road opened the festival on Friday.\n\n"
            f"{lead} “Nobody takes the salt road home.”")
    found = _quotes(body, _SET, headline="Salt Road opens the Harwick festival")
    assert len(found) == 1 and (found[0][1] is None or found[0][3] < SHOWN), found


@pytest.mark.parametrize("lead", ["Grace gave the bottom line:", "Tobin Grace, the line producer, said:"])
def test_round_forty_seven_an_idiom_of_line_is_no_films_line(lead):
    body = ("Ines Carvalho's Salt Road opened the festival on Friday.\n\n"
            f"Tobin Grace spoke first. {lead} “We finished it on time.”")
    found = _quotes(body, _SET, headline="The Salt Road trailer is here")
    assert [(w, k) for w, k, _, _ in found] == [("We", "tobin-grace")], found


# Three Quarrells credited on one film: two sisters who wrote it and their brother on its crew;
# three Dunmores who all directed theirs.
_SIBLINGS = _gazetteer(
    [FilmRef("low-tide-2031", "Low Tide", 2031), FilmRef("the-kiln-2033", "The Kiln", 2033)],
    [PersonRef("bel-quarrell", "Bel Quarrell"), PersonRef("ada-quarrell", "Ada Quarrell"),
     PersonRef("kit-quarrell", "Kit Quarrell"), PersonRef("ruth-dunmore", "Ruth Dunmore"),
     PersonRef("sam-dunmore", "Sam Dunmore"), PersonRef("jo-dunmore", "Jo Dunmore")],
    [CreditRef("low-tide-2031", "bel-quarrell", "writer"), CreditRef("low-tide-2031", "ada-quarrell", "writer"),
     CreditRef("low-tide-2031", "kit-quarrell", "crew"), CreditRef("the-kiln-2033", "ruth-dunmore", "director"),
     CreditRef("the-kiln-2033", "sam-dunmore", "director"), CreditRef("the-kiln-2033", "jo-dunmore", "director")],
)


def _people(body: str, gaz) -> set[str]:
    from .core import process
    return {m.key for m in process(body, gaz).mentions if m.kind == "person"}


@pytest.mark.parametrize("body", [
    "*Low Tide* is back in cinemas. The Quarrell sisters, who wrote it, introduced the first screening.",
    "The Quarrell sisters wrote *Low Tide* in a caravan.",
])
def test_round_forty_seven_a_family_of_a_film_is_the_relatives_who_share_a_role_on_it(body):
    # Three Quarrells are on *Low Tide*'s credits, two of them as its writers and one on its crew:
    # "the Quarrell sisters" are the two who share a role, not every relative on the film.
    assert _people(body, _SIBLINGS) == {"bel-quarrell", "ada-quarrell"}


def test_round_forty_seven_a_family_sharing_one_role_keeps_every_member():
    assert _people("*The Kiln* is the Dunmores' best film.", _SIBLINGS) == {"ruth-dunmore", "sam-dunmore", "jo-dunmore"}


# A graph actor on *Low Tide*, and a graph person of another film who shares a part's name.
_PRESS_KIT = _gazetteer(
    [FilmRef("low-tide-2031", "Low Tide", 2031), FilmRef("marl-1999", "Marl", 1999)],
    [PersonRef("branna-vey", "Branna Vey"), PersonRef("silas-crane", "Silas Crane")],
    [CreditRef("low-tide-2031", "branna-vey", "actor"), CreditRef("marl-1999", "silas-crane", "crew")],
)


@pytest.mark.parametrize("line", [
    "**BRANNA VEY (Silas Crane)** returns to the screen after ten years on stage.",
    "Branna Vey (Silas Crane) is the best thing in it.",
])
def test_round_forty_seven_a_name_in_parentheses_after_the_films_actor_is_the_part(line):
    body = f"*Low Tide* opens in March.\n\n{line}"
    assert _people(body, _PRESS_KIT) == {"branna-vey"}


def test_round_forty_seven_a_crew_member_named_in_parentheses_after_nobody_stays_a_person():
    body = "*Marl* was restored last year by its old camera team (Silas Crane) and the archive."
    assert "silas-crane" in _people(body, _PRESS_KIT)


_OUTLETS = _gazetteer(
    [FilmRef("harbour-light-1961", "Harbour Light", 1961), FilmRef("low-tide-2031", "Low Tide", 2031)],
    [PersonRef("branna-vey", "Branna Vey")],
    [CreditRef("low-tide-2031", "branna-vey", "actor")],
)


def _films(body: str, gaz) -> set[str]:
    from .core import process
    return {m.key for m in process(body, gaz).mentions if m.kind == "film"}


@pytest.mark.parametrize("clause", [
    "Odile Marsh, who reviews for the *Harbour Light*, was less kind.",
    "Odile Marsh, the critic for the *Harbour Light*, was less kind.",
    "Odile Marsh, writing for the *Harbour Light*, was less kind.",
])
def test_round_forty_seven_a_title_a_critic_reviews_for_with_its_article_is_the_publication(clause):
    body = f"Branna Vey's *Low Tide* divided the room. {clause}"
    assert _films(body, _OUTLETS) == {"low-tide-2031"}


def test_round_forty_seven_a_film_reviewed_is_still_the_film():
    body = "Odile Marsh reviewed the restored *Harbour Light* for us in March."
    assert _films(body, _OUTLETS) == {"harbour-light-1961"}
