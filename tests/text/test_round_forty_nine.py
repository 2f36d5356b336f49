"""Round forty-nine (issue 13): conventions found in `tests/evalset72` and `tests/evalset73` once
they moved to tune: a transcript of a video, with on-screen captions and a narrator among its
labels, and its film clips' characters; a part given in quotes after its actor in a caption. Each
is written for the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes


# The director and the star of *The Salt Road*; a graph person of another film shares the name of
# the star's part, Ewan Tolley.
_SET = _gazetteer(
    [FilmRef("salt-road-2035", "The Salt Road", 2035), FilmRef("marl-1999", "Marl", 1999)],
    [PersonRef("tove-brand", "Tove Brand"), PersonRef("calum-reid", "Calum Reid"),
     PersonRef("ewan-tolley", "Ewan Tolley")],
    [CreditRef("salt-road-2035", "tove-brand", "director"), CreditRef("salt-road-2035", "calum-reid", "actor"),
     CreditRef("marl-1999", "ewan-tolley", "crew")],
)

_FEATURETTE = (
    "The studio put out a featurette for *The Salt Road* on Thursday, with the director Tove Brand and her lead, "
    "Calum Reid. An excerpt:\n\n"
    "NARRATOR (V.O.): For three winters, one road was the only way off the island.\n\n"
    "{caption}: THE SALT ROAD — Making the Crossing\n\n"
    "LOWER THIRD: Tove Brand, Director\n\n"
    "TOVE: Everyone told me to build it in a studio. A studio has no weather.\n\n"
    "LOWER THIRD: Calum Reid, \"Ewan Tolley\"\n\n"
    "CALUM: I learned to drive a lorry for this. Badly.\n\n"
    "[Clip from the film. Night, rain.]\n\n"
    "EWAN: You told me the road would wait for us.\n\n"
    "NARRATOR (V.O.): The Salt Road opens in April."
)


def _people(body: str, gaz) -> set[str]:
    return {m.key for m in _process(body, gaz).mentions if m.kind == "person"}


@pytest.mark.parametrize("caption", ["TITLE CARD", "CHYRON", "ON SCREEN", "SUPER"])
def test_round_forty_nine_on_screen_captions_are_no_voices_and_their_words_no_quotes(caption):
    found = _quotes(_FEATURETTE.format(caption=caption), _SET)
    texts = [q for q, _, _, _ in found]
    assert not any(w in ("THE", "Tove", "Calum") for w in texts), found


def test_round_forty_nine_a_videos_narrator_speaks_and_its_interviewees_are_not_interviewers():
    found = [(w, k) for w, k, _, _ in _quotes(_FEATURETTE.format(caption="TITLE CARD"), _SET)]
    assert ("Everyone", "tove-brand") in found and ("I", "calum-reid") in found, found
    assert ("For", None) in found and ("The", None) in found, found


def test_round_forty_nine_a_part_in_quotes_after_its_actor_in_a_caption_is_a_character():
    body = _FEATURETTE.format(caption="TITLE CARD")
    assert "ewan-tolley" not in _people(body, _SET)
    found = [(w, k) for w, k, _, _ in _quotes(body, _SET)]
    assert ("You", None) in found, found


def test_round_forty_nine_a_crew_member_quoted_by_name_in_quotes_stays_a_person():
    # A person named inside quote marks as the answer to "who?" is still the person.
    body = "*Marl* was lit by a man nobody remembers. Its gaffer? Its credits say “Ewan Tolley”."
    assert "ewan-tolley" in _people(body, _SET)


# A graph director called Wendell; the podcast's hosts are outside the graph, one also a Wendell.
_PODCAST = _gazetteer(
    [FilmRef("salt-road-2035", "The Salt Road", 2035)],
    [PersonRef("wendell-osei", "Wendell Osei"), PersonRef("oona-breck", "Oona Breck")],
    [CreditRef("salt-road-2035", "wendell-osei", "director"), CreditRef("salt-road-2035", "oona-breck", "actor")],
)


@pytest.mark.parametrize("hosts", [
    "Hosted by Wendell Crane and Priya Somerset.",
    "Your hosts are Wendell Crane and Priya Somerset.",
])
def test_round_forty_nine_a_first_name_label_a_host_shares_with_a_graph_person_is_nobodys_page(hosts):
    # "Wendell:" is the host Wendell Crane, or the director Wendell Osei named in the notes: the
    # label names either, so it goes on nobody's page (round forty-three's hosts' turns stay
    # theirs, as written); the guest's answers are hers.
    body = ("Wendell and Priya are joined by Oona Breck, who stars in Wendell Osei's *The Salt Road*. "
            f"{hosts}\n\n"
            "**Wendell:** So, the water. How cold are we talking?\n\n"
            "**Oona:** Nine degrees, in February, off a shingle beach.\n\n"
            "**Priya:** And you were in there for most of it.\n\n"
            "**Oona:** Every take. The director stayed on the beach.\n\n"
            "**Wendell:** I'm going to get that framed.\n\n"
            "**Oona:** Please don't.")
    found = _quotes(body, _PODCAST)
    assert all(k != "wendell-osei" for _, k, _, _ in found), found
    assert [k for _, k, _, _ in found if k] == ["oona-breck"] * 3, found
