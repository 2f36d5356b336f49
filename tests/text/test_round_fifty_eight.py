"""Round fifty-eight (issue 13): conventions found in `tests/evalset89` and `tests/evalset91` once
they moved to tune: a translator's note between an interview's bold questions, the writer's "I
asked" before a "he said", a person outside the graph named as an object and described, an actor
cast in a relative clause who then "recalled", and a speech "printed below". Each is written for
the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("deadwater-2028", "Deadwater", 2028), FilmRef("the-lamplighters-1962", "The Lamplighters", 1962)],
    [PersonRef("teri-vasvar", "Teri Vasvar"), PersonRef("corin-ash", "Corin Ash"),
     PersonRef("isolde-fen", "Isolde Fen"), PersonRef("tamsin-kerr", "Tamsin Kerr"),
     PersonRef("jory-pen", "Jory Pen"), PersonRef("hallam-vere", "Hallam Vere"), PersonRef("sabine-hal", "Sabine Hal")],
    [CreditRef("deadwater-2028", "teri-vasvar", "director"), CreditRef("deadwater-2028", "corin-ash", "actor"),
     CreditRef("deadwater-2028", "isolde-fen", "producer"), CreditRef("deadwater-2028", "tamsin-kerr", "crew"),
     CreditRef("the-lamplighters-1962", "jory-pen", "actor", character="Wilf Amory"),
     CreditRef("the-lamplighters-1962", "hallam-vere", "director"), CreditRef("deadwater-2028", "sabine-hal", "actor")],
)


def _found(body: str, headline: str = "") -> list[tuple[str, str | None, float]]:
    return [(word, key, confidence) for word, key, _, confidence in _quotes(body, _GRAPH, headline)]


# -- a translator's note between the questions ------------------------------------------------------

@pytest.mark.parametrize("note", [
    "*Translator's note: the title is the everyday word for an oxbow lake.*",
    "*Editor's note: this answer has been shortened.*",
    "_Note: the river was renamed in 1950._",
])
def test_round_fifty_eight_a_note_between_the_bold_questions_breaks_no_interview(note):
    body = (
        "Interview by Zsofi Hal for *Lantern*.\n\n"
        "Teri Vasvar's third feature, *Deadwater*, follows an English hydrologist (Corin Ash). Vasvar met us in "
        "her kitchen.\n\n"
        "**— The original title is different. Why did you change it?**\n\n"
        "Because the distributor asked me politely, and I was tired.\n\n"
        f"{note}\n\n"
        "**— Why did you want a hydrologist?**\n\n"
        "An outsider has to ask the questions we are too proud to ask.\n\n"
        "**— And why an Englishman?**\n\n"
        "Because I wanted the water to embarrass him. I like my men embarrassed."
    )
    found = _found(body, headline="Teri Vasvar on *Deadwater*")
    assert [key for _, key, _ in found] == ["teri-vasvar"] * 3, found


# -- the writer's "I asked" before a "he said" ------------------------------------------------------

@pytest.mark.parametrize("question", ["\"Could she carry a camera car?\" I asked.", "\"Does she run on Sundays?\" I asked him."])
def test_round_fifty_eight_the_one_who_answers_the_writer_is_never_the_writer(question):
    body = (
        "*By Tamsin Kerr*\n\n"
        "Isolde Fen needs a ferry. Isolde Fen always needs a ferry.\n\n"
        "The ferry has room for one car and a dog. Her skipper has run her for thirty years.\n\n"
        f"{question}\n\n"
        "\"She's carried a hearse,\" he said. \"Twice.\""
    )
    found = _found(body)
    assert found[0][1] == "tamsin-kerr" and found[1][1] != "tamsin-kerr" and found[1][2] < SURE_CONFIDENCE, found


# -- one outside the graph named as an object and described -----------------------------------------

@pytest.mark.parametrize("sentence", [
    "The footpath belongs to Piran Vell, who farms above the village.",
    "The only key is held by Piran Vell, whose family built the station.",
    "We were met at the gate by Piran Vell, who keeps the bees.",
])
def test_round_fifty_eight_an_outsider_described_as_an_object_is_the_pronouns(sentence):
    body = (
        "Isolde Fen wants a sunset; Tamsin Kerr went looking for one.\n\n"
        f"{sentence} He walked me down in his slippers. \"Everyone with a camera wants the same sunset,\" he said."
    )
    found = _quotes(body, _GRAPH)
    assert [(key, name) for _, key, name, _ in found] == [(None, "Piran Vell")], found


# -- an actor cast in a relative clause who then recalls ----------------------------------------------

@pytest.mark.parametrize("verb", ["recalled the budget in 1990:", "remembered the shoot:", "said in 1990:"])
def test_round_fifty_eight_an_actor_cast_in_a_relative_clause_who_then_speaks_is_himself(verb):
    body = (
        "**THE LAMPLIGHTERS (1962)**\n\n"
        f"Hallam Vere's debut. Jory Pen, who co-wrote it and plays the elder brother, Wilf Amory, {verb} "
        "\"We had one lamp that worked.\""
    )
    assert [key for _, key, _ in _found(body)] == ["jory-pen"]


def test_round_fifty_eight_a_part_that_speaks_in_the_relative_clause_is_still_the_parts():
    body = "Jory Pen, who plays a lamplighter who says only: \"Light, then dark.\""
    assert [key for _, key, _ in _found(body)] in ([], [None])


# -- a speech printed below -----------------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "Her speech is printed below as she delivered it.",
    "Her speech, in full:",
    "Her speech is printed here in full.",
])
def test_round_fifty_eight_a_speech_printed_below_is_the_speakers(lead):
    body = (
        "Sabine Hal won best actress for *Deadwater*. She took a minute to reach the stage. "
        f"{lead}\n\n> Oh, no. No, no. Thank you. I was told to walk quickly and I have failed at the first thing."
    )
    found = _found(body)
    assert [key for _, key, _ in found] == ["sabine-hal"], found
