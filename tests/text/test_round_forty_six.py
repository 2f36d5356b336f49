"""Round forty-six (issue 13): conventions found in `tests/evalset64` and `tests/evalset65` once
they moved to tune: a bare surname that an outsider and a graph person both carry, told apart by
the post the attribution gives it ("Surname, the analyst, said") or left for an editor when the
writer had to say they are "no relation". Each is written for the convention in several of its
phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

SHOWN = 0.8  # a quote on a graph speaker at this confidence or more goes on the person's page


# A graph director and a graph actor; the article's analyst and executive share their surnames.
_SET = _gazetteer(
    [FilmRef("gull-weather-2034", "Gull Weather", 2034), FilmRef("tinder-2034", "Tinder", 2034)],
    [PersonRef("wenna-strake", "Wenna Strake"), PersonRef("osric-pell", "Osric Pell")],
    [CreditRef("gull-weather-2034", "wenna-strake", "director"), CreditRef("tinder-2034", "osric-pell", "actor")],
)


@pytest.mark.parametrize("attribution", [
    "Strake, the analyst, said",
    "said Strake, the analyst,",
    "Strake, the Fallowby analyst, said",
])
def test_round_forty_six_a_surname_given_the_outsiders_post_is_the_outsiders(attribution):
    # "Surname, the analyst, said": the post the attribution puts beside a shared surname is the
    # one the article gave the outsider ("Jory Strake, an analyst at …"), not the graph person's,
    # so the words are the outsider's, on nobody's page, however recently the graph person was named.
    body = ("“Three sequels in two years is a plan, not a hope,” said Jory Strake, an analyst at Fallowby Markets.\n\n"
            "The studio will also release Wenna Strake's Gull Weather in the spring.\n\n"
            f"“Two films about weather in one season is brave,” {attribution} “or careless.”")
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found] == [("Three", None), ("Two", None)], found


def test_round_forty_six_a_surname_given_the_graph_persons_post_stays_theirs():
    body = ("“Three sequels in two years is a plan, not a hope,” said Jory Strake, an analyst at Fallowby Markets.\n\n"
            "The studio will also release Gull Weather, from the director Wenna Strake, in the spring.\n\n"
            "“I wanted the weather to be the villain,” Strake, the director, said.")
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found][1] == ("I", "wenna-strake"), found


@pytest.mark.parametrize("intro", [
    "said the chief executive, Maud Pell, who is no relation of the film's star, Osric Pell.",
    "said Maud Pell, the chief executive (no relation to the star, Osric Pell).",
    "said the chief executive, Maud Pell. She is no relation to Osric Pell, the film's star.",
])
def test_round_forty_six_a_surname_the_writer_had_to_disclaim_waits_for_an_editor(intro):
    # The writer said an outsider is "no relation" of a graph person of the same surname: from
    # then on the bare surname may mean either of them, so a quote it reaches is not put on the
    # graph person's page without an editor.
    body = (f"“We will make more of them,” {intro}\n\n"
            "Osric Pell appeared in a recorded message from the set.\n\n"
            "Pell closed the afternoon. Asked about a sale, she laughed. “I run a studio,” she said. “Not an auction.”")
    found = _quotes(body, _SET)
    assert len(found) == 2 and found[0][1] is None, found
    assert found[1][1] != "osric-pell" or found[1][3] < SHOWN, found


def test_round_forty_six_an_outsider_with_no_disclaimer_leaves_the_graph_surname_alone():
    body = ("“We will make more of them,” said the chief executive, Maud Harrow.\n\n"
            "Osric Pell appeared in a recorded message from the set.\n\n"
            "Pell closed the afternoon. “I play a man who cannot sit still,” he said.")
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found][1] == ("I", "osric-pell"), found
    assert found[1][3] >= SHOWN, found


# A graph child actor and her director; the actor's father is outside the graph.
_FAMILY = _gazetteer(
    [FilmRef("kite-season-2034", "Kite Season", 2034)],
    [PersonRef("ottilie-marsk", "Ottilie Marsk"), PersonRef("wenna-strake", "Wenna Strake")],
    [CreditRef("kite-season-2034", "ottilie-marsk", "actor"), CreditRef("kite-season-2034", "wenna-strake", "director")],
)


@pytest.mark.parametrize("intro, first", [
    ("Ottilie Marsk is eleven. Her mother, Hope Marsk, drove her to every day of the shoot.", "Hope"),
    ("Ottilie Marsk, eleven, came with her mother Rose Marsk, a bus driver.", "Rose"),
])
def test_round_forty_six_a_parents_first_name_label_is_the_parents_answer(intro, first):
    # A transcript with a child actor and her parent, labelled by first names: the parent named
    # in full in the introduction carries the graph child's surname but is not in the graph, and
    # the parent's answers are quotes of their own, the name as written, on nobody's page. A
    # first name that is also a word ("Hope", "Rose") is no outsider of its own to fall back on.
    body = "\n\n".join([
        f"{intro} We met them after a screening of Kite Season.",
        "**Q:** How did you get the part?",
        "**OTTILIE:** I sent a tape from the garden.",
        f"**{first.upper()}:** And the neighbour's dog barked through all of it.",
        "**Q:** Was it hard?",
        "**OTTILIE:** Only the rain scenes.",
        f"**{first.upper()}:** Which were most of them.",
    ])
    found = _quotes(body, _FAMILY)
    assert [(w, k, n) for w, k, n, _ in found] == [
        ("I", "ottilie-marsk", None), ("And", None, f"{first} Marsk"),
        ("Only", "ottilie-marsk", None), ("Which", None, f"{first} Marsk"),
    ], found
