"""Round fifty-seven (issue 13): conventions found in `tests/evalset88` and `tests/evalset90` once
they moved to tune: a reader's "in *Film* the actor says", a review show's two presenters, a part
named in what someone was told, a picture's credit that shares the director's surname, and a
caption heading in bold and sentence case. Each is written for the convention in several of its
phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("farthing-bridge-1974", "Farthing Bridge", 1974), FilmRef("the-lanterns-2028", "The Lanterns", 2028),
     FilmRef("the-ferryman-1958", "The Ferryman", 1958), FilmRef("the-cormorant-year-2029", "The Cormorant Year", 2029)],
    [PersonRef("margery-quill", "Margery Quill"), PersonRef("tobiah-reine", "Tobiah Reine"),
     PersonRef("halla-vick", "Halla Vick"), PersonRef("imogen-tredwin", "Imogen Tredwin"),
     PersonRef("cyril-oaks", "Cyril Oaks")],
    [CreditRef("farthing-bridge-1974", "margery-quill", "actor", character="the toll-keeper"),
     CreditRef("farthing-bridge-1974", "cyril-oaks", "director"),
     CreditRef("the-lanterns-2028", "tobiah-reine", "actor", character="Ned"),
     CreditRef("the-cormorant-year-2029", "halla-vick", "director"),
     CreditRef("the-ferryman-1958", "cyril-oaks", "director")],
)


def _found(body: str) -> list[tuple[str, str | None, float]]:
    return [(word, key, confidence) for word, key, _, confidence in _quotes(body, _GRAPH)]


# -- "in *Film* the actor says" ---------------------------------------------------------------------

@pytest.mark.parametrize("letter", [
    "My brother swears that in *Farthing Bridge* Margery Quill says, \"Nobody drowns off my bridge.\"",
    "I say that in *Farthing Bridge*, Margery Quill says: \"Nobody drowns off my bridge.\"",
    "In *Farthing Bridge* Margery Quill tells the crowd, \"Nobody drowns off my bridge.\"",
])
def test_round_fifty_seven_what_an_actor_says_in_a_film_is_the_parts_held(letter):
    found = _found(f"Cyril Oaks directed *Farthing Bridge* in 1974.\n\n{letter}")
    assert [key for _, key, _ in found] in ([None], ["margery-quill"]), found
    assert all(confidence < SURE_CONFIDENCE for _, key, confidence in found if key), found


def test_round_fifty_seven_an_actor_speaking_about_a_film_is_still_herself():
    body = "Margery Quill starred in *Farthing Bridge*. Asked about it in 2002, Margery Quill said, \"I fought to keep that line.\""
    found = _found(body)
    assert [key for _, key, _ in found] == ["margery-quill"]
    assert found[0][2] >= SURE_CONFIDENCE


# -- a review show's two presenters -----------------------------------------------------------------

@pytest.mark.parametrize("intro", [
    "*This week's episode of* Second Row, *presented by the critics Imogen Tredwin and Caspar Wint.*",
    "*A transcript of the show, hosted by Imogen Tredwin and Caspar Wint.*",
    "*The presenters, Imogen Tredwin and Caspar Wint, on the week's films.*",
])
def test_round_fifty_seven_a_review_shows_two_presenters_each_speak_their_own_turns(intro):
    body = (
        f"{intro}\n\n"
        "WINT: Good evening. Two films this week. Imogen, you go first, because you liked yours.\n\n"
        "TREDWIN: I loved mine. It is a film about a house.\n\n"
        "WINT: It's a long week.\n\n"
        "TREDWIN: It's a hundred and thirty-eight minutes, and I wouldn't lose one of them.\n\n"
        "WINT: My problem is the house."
    )
    found = _quotes(body, _GRAPH)
    speakers = [(key, name) for _, key, name, _ in found]
    assert speakers == [(None, "Caspar Wint"), ("imogen-tredwin", None)] * 2 + [(None, "Caspar Wint")], found


def test_round_fifty_seven_an_interviewer_who_asks_is_still_the_interviewer():
    body = (
        "*Imogen Tredwin, presented by our critic Caspar Wint.*\n\n"
        "WINT: Why a house?\n\nTREDWIN: Because everyone has one.\n\n"
        "WINT: And the length?\n\nTREDWIN: It's what it needed.\n\nWINT: Will you cut it?\n\nTREDWIN: Never."
    )
    assert {key for _, key, _, _ in _quotes(body, _GRAPH)} == {"imogen-tredwin"}


# -- a part named in what someone was told ----------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Tobiah Reine learned to row for the part and was then told that Ned never rows.",
    "Tobiah Reine found out on the first day that Ned never rows.",
    "Tobiah Reine trained for months and heard only on set that Ned never rows.",
])
def test_round_fifty_seven_a_part_named_in_what_an_actor_was_told_is_no_scene(sentence):
    body = (
        "Autumn, 1962. Ned Calloway (Tobiah Reine), a young engineer, arrives with an order in his pocket.\n\n"
        f"{sentence} \"I can row now. It's on my CV,\" he says."
    )
    assert [key for _, key, _ in _found(body)] == ["tobiah-reine"]


# -- a picture's credit -------------------------------------------------------------------------------

@pytest.mark.parametrize("credit", ["*Photograph: Oona Vick*", "Photo: Oona Vick", "*Photo by Oona Vick*"])
def test_round_fifty_seven_a_pictures_credit_does_not_take_the_directors_surname(credit):
    body = (
        "*Exclusive. The director talks us through the first images.*\n\n"
        "Halla Vick shot her last film in eleven days. Vick chose these images for us.\n\n"
        f"{credit}\n\n"
        "The final still is the one Vick says she almost kept back. \"This is the last shot we planned,\" Vick says."
    )
    assert [key for _, key, _ in _found(body)] == ["halla-vick"]


# -- a caption heading in bold and sentence case --------------------------------------------------------

@pytest.mark.parametrize("heading", ["**3. The ferryman**", "**The ferryman**", "*The ferryman*"])
def test_round_fifty_seven_a_caption_heading_in_sentence_case_is_no_title(heading):
    body = f"Six stills from Halla Vick's *The Cormorant Year*.\n\n{heading}\n\nBrynja and the ferryman eat in silence."
    assert "the-ferryman-1958" not in {m.key for m in _process(body, _GRAPH).mentions if m.kind == "film"}


def test_round_fifty_seven_a_title_cased_heading_still_names_the_film():
    body = "Cyril Oaks made two films.\n\n**The Ferryman (1958)**\n\nIt was shot on a river."
    assert "the-ferryman-1958" in {m.key for m in _process(body, _GRAPH).mentions if m.kind == "film"}
