"""Round thirty-six (issue 13): conventions of film and news writing behind the errors of
`tests/evalset44` and `tests/evalset45` once they moved to tune, each written for the convention
in several of its common phrasings (ours, not the sets'), not for one set's wording.

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes


_SERIES = _gazetteer(
    [FilmRef("gannet-road-2024", "Gannet Road", 2024), FilmRef("tallow-2019", "Tallow", 2019)],
    [PersonRef("anselm-drayke", "Anselm Drayke"), PersonRef("bram-kettle", "Bram Kettle")],
    [CreditRef("gannet-road-2024", "anselm-drayke", "director"), CreditRef("tallow-2019", "bram-kettle", "actor")],
)


@pytest.mark.parametrize("set_apart", [
    "Bram Kettle, who is no relation to the showrunner,",
    "Bram Kettle (no relation)",
    "Bram Kettle, no relation to Lorna,",
    "Bram Kettle, who is not related to the showrunner,",
    "Bram Kettle, unrelated to the showrunner,",
])
def test_round_thirty_six_a_namesake_set_apart_as_no_relation_does_not_take_the_surname(set_apart):
    # A story names a showrunner outside the graph in full, then an actor of the graph who shares
    # her surname and says he is "no relation". From then on the writer calls the actor by his
    # full name and the showrunner by the surname alone: "Kettle said" two paragraphs on is
    # hers, on nobody's page, not the actor's because he was the last named in full.
    body = (
        "The series was created by Lorna Kettle, who ran two hospital dramas before this one. "
        f"Anselm Drayke directs, and {set_apart} plays a pilot with debts.\n\n"
        "\"Lorna sent me four scripts and a photograph of a boat,\" Drayke said.\n\n"
        "Bram Kettle, whose character lies to everyone, said the shoot was wet.\n\n"
        "Asked about a second series, the showrunner was careful. \"We have written one. Whether "
        "anyone lets us make it is up to the weather,\" Kettle said.\n"
    )
    gaz = _SERIES
    found = _quotes(body, gaz, headline="Anselm Drayke heads to sea")
    assert [key for _, key, _, _ in found] == ["anselm-drayke", None], found
    mentions = [m.surface for m in _process(body, gaz).mentions if m.key == "bram-kettle"]
    assert mentions == ["Bram Kettle", "Bram Kettle"], mentions


def test_round_thirty_six_the_namesake_set_apart_keeps_the_surname_in_his_own_paragraph():
    # In the paragraph that names him (and sets him apart), the surname alone is still the
    # nearest: his own words, as before.
    body = (
        "The slate was presented by the chief executive, Lorna Kettle.\n\n"
        "*Tallow 2* is written and directed by Bram Kettle (no relation to the chief executive). "
        "\"Every sequel is about debt,\" Kettle said.\n"
    )
    found = _quotes(body, _SERIES)
    assert [key for _, key, _, _ in found] == ["bram-kettle"], found


_COMPOUND = _gazetteer(
    [FilmRef("el-ano-de-las-garzas-2028", "El año de las garzas", 2028), FilmRef("tallow-2019", "Tallow", 2019)],
    [PersonRef("maricruz-echeverria-santibanez", "Maricruz Echeverría Santibáñez"),
     PersonRef("rosario-de-la-fuente-arriaga", "Rosario de la Fuente Arriaga"),
     PersonRef("gabriel-garcia-marquez", "Gabriel García Márquez"),
     PersonRef("guillermo-del-toro-gomez", "Guillermo del Toro Gómez"),
     PersonRef("joana-da-silva-ramos", "Joana da Silva Ramos"),
     PersonRef("tomas-arrieta-villalobos", "Tomas Arrieta Villalobos")],
    [CreditRef("el-ano-de-las-garzas-2028", "maricruz-echeverria-santibanez", "director"),
     CreditRef("el-ano-de-las-garzas-2028", "rosario-de-la-fuente-arriaga", "actor"),
     CreditRef("el-ano-de-las-garzas-2028", "gabriel-garcia-marquez", "writer"),
     CreditRef("el-ano-de-las-garzas-2028", "guillermo-del-toro-gomez", "producer"),
     CreditRef("el-ano-de-las-garzas-2028", "joana-da-silva-ramos", "crew"),
     CreditRef("el-ano-de-las-garzas-2028", "tomas-arrieta-villalobos", "actor")],
)


@pytest.mark.parametrize("full, short, key", [
    ("Maricruz Echeverría Santibáñez", "Echeverría", "maricruz-echeverria-santibanez"),
    ("Rosario de la Fuente Arriaga", "De la Fuente", "rosario-de-la-fuente-arriaga"),
    ("Gabriel García Márquez", "García", "gabriel-garcia-marquez"),
    ("Guillermo del Toro Gómez", "Del Toro", "guillermo-del-toro-gomez"),
    ("Joana da Silva Ramos", "Da Silva", "joana-da-silva-ramos"),
])
def test_round_thirty_six_the_first_of_two_surnames_alone_is_the_person(full, short, key):
    # Spanish and Portuguese names carry the father's surname, then the mother's; a story calls
    # the person by the first alone, particles and all. With one person so named, the quote is
    # theirs (it was the name as written, nobody's).
    body = (
        f"*El año de las garzas* (2028) will open the festival. {full} worked on it for six years.\n\n"
        f"\"We shot every scene on the water,\" {short} said by telephone.\n\n"
        f"{short} said the budget had stayed in the province. \"Every peso was spent on the estuary,\" "
        "she said.\n"
    )
    found = _quotes(body, _COMPOUND)
    assert [key for _, key, _, _ in found] == [key, key], found
    assert found[0][3] >= SURE_CONFIDENCE


def test_round_thirty_six_a_first_surname_two_people_carry_is_left_as_written():
    # The festival's director, outside the graph, carries the actor's first surname: "Arrieta"
    # alone may be either, so the quote goes on nobody's page.
    body = (
        "*El año de las garzas* (2028) stars Tomas Arrieta Villalobos. The festival's director, "
        "Fernanda Arrieta Gil, is not related to the actor.\n\n"
        "\"If it rains, we will all get wet together,\" Arrieta said.\n"
    )
    found = _quotes(body, _COMPOUND)
    assert [key for _, key, _, _ in found] == [None], found


_DOCUMENTARY = _gazetteer(
    [FilmRef("under-the-weir-2028", "Under the Weir", 2028)],
    [PersonRef("isaura-quennet", "Isaura Quennet")],
    [CreditRef("under-the-weir-2028", "isaura-quennet", "director")],
)


@pytest.mark.parametrize("to", [
    "she tells Quennet",
    "she says to Quennet",
    "she asks Quennet",
    "she reminds Quennet",
    "she explains to the director, Quennet,",
    "she told Quennet",
])
def test_round_thirty_six_the_one_spoken_to_is_not_the_speaker(to):
    # A documentary review quotes its subjects speaking to the film-maker behind the camera:
    # "“…,” she tells Quennet". The director is named as the one spoken to, so the pronoun's
    # words are not hers, whoever else the paragraph names (here a subject outside the graph
    # the pronoun search passed over); before, they went to the director, held.
    body = (
        "Isaura Quennet has made *Under the Weir* (2028) about the last eel family on the river. "
        "She filmed it for fourteen months.\n\n"
        "At its centre is Noreen Pike, 84, who still empties the traps every morning. "
        f"\"The river owes us nothing,\" {to} in the first scene.\n"
    )
    found = _quotes(body, _DOCUMENTARY, headline="Under the Weir review")
    assert [key for _, key, _, _ in found] == [None], found


def test_round_thirty_six_the_speaker_who_tells_someone_else_keeps_her_words():
    # The director telling a reporter keeps her words: only the named listener is ruled out.
    body = (
        "Isaura Quennet has made *Under the Weir* (2028) about the last eel family on the river.\n\n"
        "\"I filmed for fourteen months,\" she tells Variety.\n"
    )
    found = _quotes(body, _DOCUMENTARY, headline="Under the Weir review")
    assert [key for _, key, _, _ in found] == ["isaura-quennet"], found
