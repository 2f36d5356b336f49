"""Round fifty-six (issue 13): conventions found in `tests/evalset86` and `tests/evalset87` once
they moved to tune: a documentary's narration voiced by an actor, "his statement, in full:", an
"as told to" monologue and a campaign update "posted by" its creator, the writer's reply after a
question, a pronoun whose clause runs on to "and said", a letter signed with initials, and a film
that "played to packed houses". Each is written for the convention in several of its phrasings
(ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

# A documentary, its director, its narrator and its subject; a cinematographer and his mentor;
# a director who writes her own campaign updates; a rights holder.
_GRAPH = _gazetteer(
    [FilmRef("low-water-2028", "Low Water", 2028), FilmRef("the-tinsmith-1985", "The Tinsmith", 1985),
     FilmRef("the-ledger-2028", "The Ledger", 2028), FilmRef("ninefold-2022", "Ninefold", 2022)],
    [PersonRef("ines-sallow", "Ines Sallow"), PersonRef("maud-ferris", "Maud Ferris"),
     PersonRef("lennart-carr", "Lennart Carr"), PersonRef("cosmo-hart", "Cosmo Hart"),
     PersonRef("bertil-ives", "Bertil Ives"), PersonRef("edda-varn", "Edda Varn"),
     PersonRef("tobias-wend", "Tobias Wend"), PersonRef("anais-feuer", "Anais Feuer")],
    [CreditRef("low-water-2028", "ines-sallow", "director"), CreditRef("low-water-2028", "maud-ferris", "actor"),
     CreditRef("the-tinsmith-1985", "bertil-ives", "crew"), CreditRef("the-tinsmith-1985", "cosmo-hart", "crew"),
     CreditRef("the-ledger-2028", "edda-varn", "director"), CreditRef("the-ledger-2028", "tobias-wend", "producer"),
     CreditRef("ninefold-2022", "anais-feuer", "director"), CreditRef("the-tinsmith-1985", "lennart-carr", "actor")],
)


def _found(body: str, headline: str = "") -> list[tuple[str, str | None, float]]:
    return [(word, key, confidence) for word, key, _, confidence in _quotes(body, _GRAPH, headline)]


# -- a documentary's narration --------------------------------------------------------------------

@pytest.mark.parametrize("attribution", [
    "the narrator, the actor Maud Ferris, says over an aerial shot of the quay",
    "the film's narrator, Maud Ferris, says",
    "Maud Ferris narrates over the closing titles",
])
def test_round_fifty_six_a_documentarys_narration_is_never_shown_on_its_voices_page(attribution):
    body = (
        "*Low Water* is Ines Sallow's third documentary.\n\n"
        f"\"Every boat that came in paid the harbourmaster twice,\" {attribution}. \"Once in dues, and once in silence.\""
    )
    found = _found(body)
    assert len(found) == 1 and all(confidence < SURE_CONFIDENCE for _, _, confidence in found), found


# -- "his statement, in full:" ---------------------------------------------------------------------

@pytest.mark.parametrize("lead", ["His statement, in full:", "His statement:", "His statement reads:"])
def test_round_fifty_six_his_statement_is_the_pronouns_persons(lead):
    body = (
        f"*Low Water* is Ines Sallow's film. Lennart Carr, 71, says the film cut his interview. {lead}\n\n"
        "> I agreed to speak to Ms Sallow because I believed the film was about the harbour."
    )
    assert [key for _, key, _ in _found(body)] == ["lennart-carr"]


# -- "as told to", "posted by" ---------------------------------------------------------------------

@pytest.mark.parametrize("credit", [
    "**Cosmo Hart, as told to Saffi Dell**", "*Cosmo Hart, as told to Saffi Dell*", "Cosmo Hart as told to Saffi Dell",
])
def test_round_fifty_six_the_first_person_of_an_as_told_to_piece_is_the_teller(credit):
    body = (
        f"{credit}\n\n"
        "I loaded magazines for Bertil Ives on *The Tinsmith* (1985). This spring a director asked me whether "
        "I would argue with her. I said, \"Only about the sky.\""
    )
    found = _found(body)
    assert [key for _, key, _ in found] == ["cosmo-hart"], found
    assert found[0][2] < SURE_CONFIDENCE


@pytest.mark.parametrize("header", [
    "**THE LEDGER — a new feature by Edda Varn** · Campaign update 9 · Posted by Edda Varn (creator)",
    "Update 4 · Posted by Edda Varn · 3 March",
    "Written by Edda Varn | Campaign update",
])
def test_round_fifty_six_a_campaign_update_posted_by_its_creator_is_hers(header):
    body = f"{header}\n\nDear backers,\n\nI rang Tobias Wend on Tuesday. He asked if it was yes. I said, \"It's yes.\""
    assert [key for _, key, _ in _found(body)] == ["edda-varn"]


# -- the writer's reply after a question -------------------------------------------------------------

@pytest.mark.parametrize("question", ["\"So are you holding the camera or not?\"", "\"Is it yes?\""])
def test_round_fifty_six_the_writers_verb_after_a_question_leads_the_reply(question):
    body = (
        "**By Cosmo Hart**\n\n"
        f"My mother never understood the job. She rang me and asked, {question} I said, \"Sort of.\""
    )
    found = _found(body)
    assert [key for _, key, _ in found] == [None, "cosmo-hart"], found


# -- a pronoun whose clause runs on to "and said" ---------------------------------------------------

@pytest.mark.parametrize("lead", [
    "In my first week he caught me staring at the key light and said,",
    "On the last day he looked at the rushes and said:",
    "Then he put down his cup and then asked,",
])
def test_round_fifty_six_a_pronoun_whose_clause_runs_on_to_a_speech_verb_is_its_subject(lead):
    body = f"I worked for Bertil Ives on *The Tinsmith*. Bertil was the most frightening man I ever worked for. {lead} \"Never light a face.\""
    assert [key for _, key, _ in _found(body)] == ["bertil-ives"]


@pytest.mark.parametrize("relative", ["My grandson", "My father", "Our nephew"])
def test_round_fifty_six_a_relative_the_text_does_not_name_is_nobody(relative):
    body = (
        "I saw *The Tinsmith* with Bertil Ives in the row behind. "
        f"{relative} lasted until the last reel, when he leaned over and whispered, \"Nobody in this film owns a phone.\""
    )
    assert [key for _, key, _ in _found(body)] == [None]


# -- a letter signed with initials ------------------------------------------------------------------

@pytest.mark.parametrize("signature", ["— T.W.", "— T. W.", "—T.W."])
def test_round_fifty_six_a_letter_signed_with_initials_is_the_one_named_before_held(signature):
    body = (
        "A letter arrived from Tobias Wend, who produced *The Ledger*. Here is the part that matters:\n\n"
        f"> You may have the rights on the terms your producer proposed. {signature}"
    )
    found = _found(body)
    assert [key for _, key, _ in found] == ["tobias-wend"], found
    assert found[0][2] < SURE_CONFIDENCE


def test_round_fifty_six_initials_two_people_share_name_nobody():
    body = (
        "Letters came from Tobias Wend and from Tilda Wray. Here is one:\n\n"
        "> You may have the rights. — T.W."
    )
    assert [key for _, key, _ in _found(body)] in ([None], [])


# -- a film that "played to packed houses" ----------------------------------------------------------

@pytest.mark.parametrize("venue", ["played to packed festival houses", "played at three festivals", "played in every city"])
def test_round_fifty_six_a_film_that_played_somewhere_casts_nobody(venue):
    body = (
        f"Anais Feuer, whose previous film *Ninefold* (2022) {venue}, wanted something quieter. "
        "\"I wrote it for the person who is awake at three in the morning,\" she says."
    )
    assert [key for _, key, _ in _found(body)] == ["anais-feuer"]


# -- a cinema named like a film -------------------------------------------------------------------

_VENUE_GRAPH = _gazetteer(
    [FilmRef("ashlar-2011", "Ashlar", 2011), FilmRef("nightjar-1971", "Nightjar", 1971)],
    [PersonRef("cosimo-vale", "Cosimo Vale")],
    [CreditRef("nightjar-1971", "cosimo-vale", "director"), CreditRef("ashlar-2011", "cosimo-vale", "actor")],
)


@pytest.mark.parametrize("venue", ["Ashlar Picture House", "Ashlar Kinema", "Ashlar Cinema"])
def test_round_fifty_six_a_one_word_title_that_opens_a_cinemas_name_is_the_cinema_throughout(venue):
    body = (
        "A thin week for new releases. The Ashlar is staying open until six on Sunday.\n\n"
        f"**{venue}, 7.30pm — *Nightjar* (Cosimo Vale, 1971)**\n\nThe Ashlar's night manager will hand out coffee."
    )
    films = {m.key for m in _process_venue(body).mentions if m.kind == "film"}
    assert films == {"nightjar-1971"}, films


def test_round_fifty_six_the_title_in_italics_is_still_the_film():
    body = "**Ashlar Picture House, 7.30pm**\n\nThe house shows Cosimo Vale's *Ashlar* (2011) on Friday."
    assert "ashlar-2011" in {m.key for m in _process_venue(body).mentions if m.kind == "film"}


def _process_venue(body: str):
    from .core import process
    return process(body, _VENUE_GRAPH)
