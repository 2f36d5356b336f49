"""Round thirty-eight (issue 13): conventions of film and news writing behind the errors of
`tests/evalset48` and `tests/evalset49` once they moved to tune, each written for the convention
in several of its common phrasings (ours, not the sets'), not for one set's wording.

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes


def _people(body: str, gaz) -> list[str]:
    return [m.key for m in _process(body, gaz).mentions if m.kind == "person"]


# A graph actor who shares a name with the heroine of a film the article is about, credited on
# an older film of the same title (the heroine's namesake), and the two actors of the new film.
_HEROINE = _gazetteer(
    [FilmRef("the-lamp-room-2029", "The Lamp Room", 2029), FilmRef("the-lamp-room-1958", "The Lamp Room", 1958)],
    [PersonRef("maren-holt", "Maren Holt"), PersonRef("ada-varga", "Ada Varga"), PersonRef("ilse-brun", "Ilse Brun"),
     PersonRef("sato-emi", "Sato Emi"), PersonRef("kaito-mori", "Mori Kaito")],
    [CreditRef("the-lamp-room-1958", "maren-holt", "actor"), CreditRef("the-lamp-room-1958", "sato-emi", "actor"),
     CreditRef("the-lamp-room-2029", "ada-varga", "actor"), CreditRef("the-lamp-room-2029", "ilse-brun", "director"),
     CreditRef("the-lamp-room-2029", "kaito-mori", "actor")],
)


@pytest.mark.parametrize("body", [
    "*The Lamp Room* follows Maren Holt, a keeper's widow who will not leave the island. Ada Varga plays Maren.",
    "The story follows Maren Holt, a keeper's widow. Ada Varga plays Maren, and Ilse Brun directs.",
    "At its centre is Maren Holt, who keeps the light in *The Lamp Room*. Maren is played by Ada Varga.",
    "*The Lamp Room* is about Maren Holt, a widow on an island; Ada Varga, in her first lead, plays Maren with a fierce calm.",
    "The film follows Sato Emi, a girl who lives in a lighthouse. Emi is voiced by Ada Varga; Mori Kaito voices her father.",
    "In *The Lamp Room* we follow Sato Emi, the keeper's daughter. Ada Varga voices Emi.",
])
def test_round_thirty_eight_a_character_named_in_full_then_cast_by_given_name(body):
    # A review or a set report introduces a character by full name ("follows Maren Holt, a
    # keeper's widow") and casts her in the next breath by her given name alone ("Ada Varga plays
    # Maren", "Emi is voiced by …"): the full name is the character's, not a graph person's who
    # shares it, and the given name alone after it is the character too.
    found = _people(body + "\n\nLater Maren climbs the stairs again. Emi waits below.\n", _HEROINE)
    assert "maren-holt" not in found and "sato-emi" not in found, found
    assert "ada-varga" in found, found


def test_round_thirty_eight_a_scene_line_of_that_character_is_nobodys():
    # The character's line in a scene the reporter watches being shot is nobody's page, however
    # the graph person of that name stands.
    body = (
        "*The Lamp Room* follows Maren Holt, a keeper's widow. Ada Varga plays Maren.\n\n"
        "I watch them shoot it nine times. Maren climbs the stairs and, a little quieter each time, "
        "she says: “You sold the light, and you sold me with it.”\n"
    )
    assert [key for _, key, _, _ in _quotes(body, _HEROINE)] == [None], _quotes(body, _HEROINE)


@pytest.mark.parametrize("body, expected", [
    ("Maren Holt, who starred in the first *Lamp Room*, came to the premiere. Ada Varga plays Tessa.", "maren-holt"),
    ("Maren Holt came to see Ada Varga play the keeper. Maren said the stairs were the same.", "maren-holt"),
    ("Ada Varga plays Maren. Maren Holt, who starred in the 1958 *Lamp Room*, was at the premiere.", "maren-holt"),
])
def test_round_thirty_eight_a_real_person_with_another_part_cast_stays(body, expected):
    # Another given name cast, no cast at all, or the cast before the full name: the graph person.
    assert expected in _people(body, _HEROINE), _people(body, _HEROINE)


def _films(body: str, gaz) -> list[str]:
    return [m.key for m in _process(body, gaz).mentions if m.kind == "film"]


_COMPANY = _gazetteer(
    [FilmRef("grainfield-2011", "Grainfield", 2011), FilmRef("undertow-1990", "Undertow", 1990),
     FilmRef("kingfisher-1983", "Kingfisher", 1983)],
    [PersonRef("ada-varga", "Ada Varga")],
    [CreditRef("undertow-1990", "ada-varga", "director"), CreditRef("kingfisher-1983", "ada-varga", "director")],
)


@pytest.mark.parametrize("sentence", [
    "*Undertow* is one of the films Grainfield is understood to want first.",
    "Ada Varga's *Undertow* tops the list of films Grainfield wants to restore.",
    "Among the movies Grainfield bought last year was *Kingfisher*.",
    "The pictures Grainfield has released since 2020 include *Undertow*.",
    "Of the features Grainfield acquired in the deal, *Kingfisher* is the oldest.",
])
def test_round_thirty_eight_a_plural_film_noun_opens_a_clause(sentence):
    # "the films X is said to want": a plural noun is not in apposition to one title; the name
    # after it is the subject of a relative clause without "that", here a company the article
    # has named in full ("Grainfield Pictures"), not the film of that title.
    body = "Grainfield Pictures is in talks to buy the Varga library. " + sentence
    assert "grainfield-2011" not in _films(body, _COMPANY), _films(body, _COMPANY)


@pytest.mark.parametrize("sentence, expected", [
    ("Ada Varga made the films Undertow and Kingfisher in one decade.", ["undertow-1990", "kingfisher-1983"]),
    ("Ada Varga returns with the film Grainfield, a harvest drama.", ["grainfield-2011"]),
])
def test_round_thirty_eight_a_list_after_a_film_noun_is_titles(sentence, expected):
    # A list of titles after the plural noun, or a singular noun before one title: the films.
    assert _films(sentence, _COMPANY) == expected, _films(sentence, _COMPANY)


_BOATS = _gazetteer(
    [FilmRef("ardent-2005", "Ardent", 2005), FilmRef("good-hope-1999", "Good Hope", 1999),
     FilmRef("cutwater-2027", "Cutwater", 2027)],
    [PersonRef("ada-varga", "Ada Varga")],
    [CreditRef("cutwater-2027", "ada-varga", "director")],
)


@pytest.mark.parametrize("sentence", [
    "The ferry was the *Ardent*, a working vessel that crosses four times a day.",
    "The harbour's lifeboat remains the *Ardent*, and its crew stayed on board.",
    "Their trawler was *Good Hope*, out of Peterhead.",
    "The ship is the *Good Hope*; the production had it for a week.",
])
def test_round_thirty_eight_a_vessel_named_by_to_be(sentence):
    # Style guides set a ship's name in italics as they do a film's. "The ferry was the
    # *Ardent*" names the vessel through "to be" after its noun, as "the ferry *Ardent*" does.
    body = "Ada Varga shot *Cutwater* at sea. " + sentence
    assert _films(body, _BOATS) == ["cutwater-2027"], _films(body, _BOATS)


def test_round_thirty_eight_a_film_after_to_be_stays():
    body = "Ada Varga's favourite was the *Ardent* (2005), a ferry drama."
    assert _films(body, _BOATS) == ["ardent-2005"], _films(body, _BOATS)


_STUDIO = _gazetteer(
    [FilmRef("hakobune-1994", "Hakobune", 1994), FilmRef("the-whale-lamp-2027", "The Whale Lamp", 2027)],
    [PersonRef("sato-emi", "Sato Emi")],
    [CreditRef("the-whale-lamp-2027", "sato-emi", "director")],
)


@pytest.mark.parametrize("body", [
    "Studio Hakobune's *The Whale Lamp* opens the festival",
    "Studio Hakobune will release *The Whale Lamp* in August, Sato Emi said.",
    "*The Whale Lamp*, made at Studio Hakobune over six years, is drawn by hand.",
    "Sato Emi has worked for Studio Hakobune since 1999.",
])
def test_round_thirty_eight_a_studio_named_after_its_noun(body):
    # Animation and production houses put the noun first in their own names ("Studio Hakobune"),
    # as others put it last ("Grainfield Pictures"): the name is the company's, not the film's,
    # in a headline too, where nothing else in the article is there to tell.
    assert "hakobune-1994" not in _films(body, _STUDIO), _films(body, _STUDIO)


def test_round_thirty_eight_a_film_after_a_studio_set_apart_stays():
    body = "Sato Emi's first feature, *Hakobune* (1994), was a hit."
    assert _films(body, _STUDIO) == ["hakobune-1994"], _films(body, _STUDIO)
