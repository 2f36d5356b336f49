"""Round fifty-five (issue 13): conventions found in `tests/evalset84` and `tests/evalset85` once
they moved to tune: a curator set apart as "no relation" of the star a wall text names, the
columnist's own "I told a full house:", a letter "from" its sender read "in part", a memoir's
words after "she writes" in a lead that also casts her, a critic's "of *Publication*" credit, and a
memoir titled like a film. Each is written for the convention in several of its phrasings (ours,
not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes

# A star and her namesake outside the graph; a director who writes a column; an actor's letter;
# an actress's memoir named like her film; a film named like a magazine.
_GRAPH = _gazetteer(
    [FilmRef("greyfold-1979", "Greyfold", 1979), FilmRef("smallweed-2019", "Smallweed", 2019),
     FilmRef("keep-still-1991", "Keep Still", 1991), FilmRef("the-lantern-1999", "The Lantern", 1999),
     FilmRef("orison-2028", "Orison", 2028)],
    [PersonRef("dorothy-pellow", "Dorothy Pellow"), PersonRef("mara-quell", "Mara Quell"),
     PersonRef("hollis-gaunt", "Hollis Gaunt"), PersonRef("lena-farrant", "Lena Farrant"),
     PersonRef("anselm-renn", "Anselm Renn"), PersonRef("ivo-vranes", "Ivo Vranes")],
    [CreditRef("greyfold-1979", "dorothy-pellow", "actor"), CreditRef("smallweed-2019", "mara-quell", "director"),
     CreditRef("greyfold-1979", "hollis-gaunt", "actor"), CreditRef("keep-still-1991", "lena-farrant", "actor"),
     CreditRef("keep-still-1991", "anselm-renn", "director"), CreditRef("the-lantern-1999", "anselm-renn", "director"),
     CreditRef("orison-2028", "ivo-vranes", "director")],
)


def _found(body: str) -> list[tuple[str, str | None, float]]:
    return [(word, key, confidence) for word, key, _, confidence in _quotes(body, _GRAPH)]


def _films(body: str) -> set[str]:
    return {m.key for m in _process(body, _GRAPH).mentions if m.kind == "film"}


# -- a namesake set apart after a wall text names the star ----------------------------------------

_GALLERY = (
    "The curator, Odile Pellow, says she chose the cloak first.\n\n"
    "Its wall text is blunt: \"Dorothy Pellow wore this cloak in every scene of *Greyfold*.\" {aside} "
    "\"People assume I'm her granddaughter,\" Pellow said.\n\n"
    "Pellow accepts the criticism. \"The cards will be longer next time,\" she said."
)


@pytest.mark.parametrize("aside", [
    "The curator is no relation, and says she is asked about it daily.",
    "The curator is no relation.",
    "The curator says she is no relation and laughs about it.",
])
def test_round_fifty_five_a_curator_set_apart_as_no_relation_keeps_her_surname(aside):
    found = _found(_GALLERY.format(aside=aside))
    assert [key for _, key, _ in found] == [None, None, found[2][1]], found
    assert _quotes(_GALLERY.format(aside=aside), _GRAPH)[1][2] == "Odile Pellow"
    # The bare surname after the disclaimer is nobody's page: held if given to the star at all.
    assert found[2][1] is None or found[2][2] < SURE_CONFIDENCE, found


# -- the columnist's "I told a full house:" -------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "In 2019, when *Smallweed* played in Tolquay, I told a full house:",
    "At the premiere I said to the crew:",
    "Years ago, asked about it on a panel, I told the moderator:",
])
def test_round_fifty_five_the_columnists_own_lead_in_is_hers_by_the_byline(lead):
    body = (
        "**By Mara Quell**\n\n"
        "My cinematographer, Lena Farrant, carried the camera up the cliff. \"We carry it,\" she told the crew.\n\n"
        f"{lead} \"I will never make a film about my own family.\" So much for that."
    )
    found = _found(body)
    assert [key for _, key, _ in found] == ["lena-farrant", "mara-quell"], found
    assert found[1][2] < SURE_CONFIDENCE


def test_round_fifty_five_an_unsigned_writers_lead_in_is_nobodys():
    body = (
        "Lena Farrant carried the camera up the cliff. \"We carry it,\" she told the crew.\n\n"
        "At the wrap party I told the room: \"Nobody else would have climbed it.\""
    )
    assert [key for _, key, _ in _found(body)] == ["lena-farrant", None]


# -- a letter "from" its sender ------------------------------------------------------------------

@pytest.mark.parametrize("intro", [
    "The next lot, a typed letter from Hollis Gaunt to the producer dated June 1981, went for £6,500. The letter reads in part:",
    "Among the papers is a two-page note from Hollis Gaunt to his agent. It reads:",
    "The sale's surprise was a handwritten letter from Hollis Gaunt. Its second paragraph reads:",
])
def test_round_fifty_five_a_letter_from_a_sender_is_his_held(intro):
    body = f"{intro}\n\n> I will go into the water, but I want it on the record that I am a land animal."
    found = _found(body)
    assert [key for _, key, _ in found] == ["hollis-gaunt"], found
    assert found[0][2] < SURE_CONFIDENCE


# -- "she writes" after a lead that casts her ------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "In Anselm Renn's *Keep Still* (1991), a young Farrant played a painter's model, and the memoir borrows, she writes, its instruction:",
    "Lena Farrant played a nun in *Keep Still*; the book takes its title, she writes, from the director's note:",
])
def test_round_fifty_five_she_writes_after_a_casting_clause_is_the_writer(lead):
    body = f"Lena Farrant's memoir is out.\n\n{lead}\n\n> Every director I have worked with has said it to me."
    found = _found(body)
    assert [key for _, key, _ in found] == ["lena-farrant"], found


def test_round_fifty_five_a_part_that_speaks_in_the_casting_clause_is_still_the_parts():
    body = "In *Keep Still*, Lena Farrant plays a model who says only:\n\n> Keep still, keep still."
    assert [key for _, key, _ in _found(body)] in ([], [None])


# -- a critic's "of *Publication*" credit, a memoir titled like a film -----------------------------

@pytest.mark.parametrize("credit", [
    "wrote Dinah Ferriter of *The Lantern*.",
    "wrote Nkechi Amadi-Rowe of *The Lantern*.",
    "writes Paul de Wint of *The Lantern*.",
])
def test_round_fifty_five_a_critics_publication_after_of_is_no_film(credit):
    body = f"*Orison*, Ivo Vranes's film, topped the poll. \"It made me want to go to church,\" {credit}"
    assert _films(body) == {"orison-2028"}


@pytest.mark.parametrize("sentence", [
    "Farrant's memoir, *Keep Still*, is published the same week.",
    "Her novel, *Keep Still*, came first.",
    "Lena Farrant's book, *Keep Still*, sold well.",
])
def test_round_fifty_five_a_memoir_named_like_a_film_is_no_film(sentence):
    assert "keep-still-1991" not in _films(f"Lena Farrant stars in a new drama. {sentence}")


def test_round_fifty_five_the_film_a_memoir_borrows_its_title_from_is_still_named():
    assert "keep-still-1991" in _films("The memoir borrows its title from the film, *Keep Still* (1991), that made her.")
