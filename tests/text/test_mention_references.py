"""Mentions beyond a full name or a title: first names, families, descriptions, initials,
names in either order, titles set in bold, and how sure each mention is (issue 13)."""

from __future__ import annotations

import pytest

from newsreel.text.gazetteer import Gazetteer
from newsreel.text.mentions import LINK_CONFIDENCE, find_mentions, sure_mentions
from newsreel.text.pipeline import process_article
from newsreel.text.types import KnowledgeGraph, Paragraph, PersonRef
from tests.graph import NAME_PUZZLES, text_graph

from .links import href

GRAPH = text_graph(NAME_PUZZLES)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.build(GRAPH)


def mentions(gazetteer: Gazetteer, text: str, **options):
    return find_mentions([Paragraph(text, 0, **options)], gazetteer)


def found(gazetteer: Gazetteer, text: str, **options) -> list[tuple[str, str]]:
    return [(m.key, m.surface) for m in sure_mentions(mentions(gazetteer, text, **options))]


# -- titles set apart by their typography ---------------------------------------------------


def test_a_title_of_everyday_words_in_italics_mid_sentence_is_the_film(gazetteer):
    # Three films in the graph and nothing else in the text: the italics and the capitals say it.
    small = Gazetteer.build(KnowledgeGraph(films=GRAPH.films[:3]))
    processed = process_article("We watched *Harbor Lights* twice.\n", graph=small, href=href)
    assert [(m.key, m.surface) for m in processed.mentions] == [("harbor-lights-2025", "Harbor Lights")]


@pytest.mark.parametrize("source", ["**Harbor Lights**", "__Harbor Lights__", "_Harbor Lights_", "“Harbor Lights”"])
def test_bold_underscores_and_quotes_set_a_title_apart_like_italics(gazetteer, source):
    processed = process_article(f"Critics loved {source} this year.\n", graph=gazetteer, href=href)
    assert [m.key for m in processed.mentions] == ["harbor-lights-2025"]


@pytest.mark.parametrize("text", [
    "Friday was hot, and we met on Friday.",
    "Release: in theaters Friday, from Solano Cine",
    "Release is set for the spring.",
    "They told us the film was harbor lights and candles.",
    "Us and them, she said.",
    "We saw her on Friday.",
])
def test_everyday_word_titles_in_ordinary_prose_are_not_films(gazetteer, text):
    assert [key for key, _ in found(gazetteer, text) if not key.startswith(("ada", "will"))] == []


# -- first names ---------------------------------------------------------------------------


def test_a_first_name_after_the_full_name_is_that_person(gazetteer):
    text = "Tomas Ilic arrived late. Tomas said the ferry was slow, and Tomas's bag was lost."
    assert found(gazetteer, text) == [("tomas-ilic", "Tomas Ilic"), ("tomas-ilic", "Tomas"), ("tomas-ilic", "Tomas")]


def test_a_first_name_before_the_full_name_or_shared_by_two_people_named_is_no_one(gazetteer):
    assert found(gazetteer, "Tomas waved. Tomas Ilic arrived.") == [("tomas-ilic", "Tomas Ilic")]
    text = "Ada Varga met Ada Lind. Ada said hello."
    assert found(gazetteer, text) == [("ada-varga", "Ada Varga"), ("ada-lind", "Ada Lind")]


def test_a_first_name_that_is_an_everyday_word_is_held_below_the_link_threshold(gazetteer):
    text = "Will Friday directed it. Will said no. Will the sequel come?"
    every = [(m.key, m.surface, m.confidence >= LINK_CONFIDENCE) for m in mentions(gazetteer, text)]
    assert every == [("will-friday", "Will Friday", True), ("will-friday", "Will", False)]


# -- families and teams --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["the Brill brothers", "the Brills", "The Brill siblings"])
def test_a_family_names_each_member_credited_together(gazetteer, text):
    found_ = [(m.key, m.group) for m in mentions(gazetteer, f"{text[0].upper()}{text[1:]} made a film.")]
    # Mara Brill shares the name but was never credited with them: not a member.
    assert found_ == [("eli-brill", True), ("noah-brill", True)]


def test_a_plural_surname_names_the_team(gazetteer):
    assert [m.key for m in mentions(gazetteer, "The Wexlers shot it in Lisbon.")] == ["lana-wexler", "lilly-wexler"]


def test_a_family_as_a_household_names_no_one(gazetteer):
    assert mentions(gazetteer, "The Brill family runs a bakery.") == []


# -- descriptions of a film ----------------------------------------------------------------


def test_a_description_with_maker_and_year_is_the_film_named_nearby(gazetteer):
    text = "Jon Carver shot The Thaw in Alaska. Carver's 1982 original still frightens."
    assert found(gazetteer, text) == [("jon-carver", "Jon Carver"), ("the-thaw-1982", "The Thaw"),
                                      ("jon-carver", "Carver"), ("the-thaw-1982", "1982 original")]


def test_a_description_settles_a_title_two_films_share(gazetteer):
    text = "The Thaw is back in cinemas. Jon Carver's 1982 film was restored."
    keys = [key for key, _ in found(gazetteer, text)]
    assert keys.count("the-thaw-1982") == 2 and "the-thaw-2011" not in keys


def test_a_description_whose_film_is_not_named_nearby_is_no_mention(gazetteer):
    assert found(gazetteer, "Jon Carver is here. Carver's last film was his best.") == [
        ("jon-carver", "Jon Carver"), ("jon-carver", "Carver")]


def test_a_description_with_a_year_is_the_makers_one_film_of_that_year_unnamed_or_not(gazetteer):
    # "Carver's 1982 film about a frozen town": the graph has one film of his from 1982.
    text = "Jon Carver is here. As boys they watched Carver's 1982 film about a frozen town thirty times."
    assert ("the-thaw-1982", "1982 film") in found(gazetteer, text)
    # A year the graph has none of his from: nothing.
    assert [key for key, _ in found(gazetteer, text.replace("1982", "1975"))] == ["jon-carver", "jon-carver"]


# -- particles, name order, initials -------------------------------------------------------


def test_a_particle_surname_in_either_case(gazetteer):
    text = "Hugo del Campo wrote it. Del Campo said yes. Later, del Campo's crew left."
    assert found(gazetteer, text) == [("hugo-del-campo", "Hugo del Campo"), ("hugo-del-campo", "Del Campo"),
                                      ("hugo-del-campo", "del Campo")]


def test_an_east_asian_name_in_either_order_and_its_family_name_alone(gazetteer):
    text = "Seo-ah Yun made Night Market. Yun said little. Yun Seo-ah smiled."
    assert [(k, s) for k, s in found(gazetteer, text) if k == "yun-seo-ah"] == [
        ("yun-seo-ah", "Seo-ah Yun"), ("yun-seo-ah", "Yun"), ("yun-seo-ah", "Yun Seo-ah")]


def test_a_name_the_graph_holds_given_name_first_is_found_family_name_first_too():
    # Round nineteen. Before, "Kim Da-hye" was nobody: the name-order rule read only a graph
    # name held family name first ("Yun Seo-ah"), never one held the other way ("Da-hye Kim").
    graph = Gazetteer.build(KnowledgeGraph(people=[PersonRef("da-hye-kim", "Da-hye Kim"),
                                                   PersonRef("kim-da-som", "Kim Da-som")]))
    text = "Kim Da-hye directed it twice. Kim said little. Da-hye Kim smiled."
    assert found(graph, text) == [("da-hye-kim", "Kim Da-hye"), ("da-hye-kim", "Kim"), ("da-hye-kim", "Da-hye Kim")]
    # No family name the rule knows, no other order.
    other = Gazetteer.build(KnowledgeGraph(people=[PersonRef("anne-marie-vell", "Anne-Marie Vell")]))
    assert found(other, "Vell Anne-Marie spoke.") == []


def test_a_japanese_name_in_either_order_and_its_family_name_alone():
    # Round twenty-five. Japanese names have no hyphen to say which word is the family name:
    # a graph that holds "Sato Hanae" (family name first) met "Hanae Sato", as English-language
    # film pages write it, and found nobody. A common Japanese family name before a given name
    # spelled as romanised Japanese is read family name first, in either order.
    graph = Gazetteer.build(KnowledgeGraph(people=[PersonRef("sato-hanae", "Sato Hanae"),
                                                   PersonRef("sato-ren", "Sato Ren"),
                                                   PersonRef("yuki-ota", "Yuki Ota")]))
    text = "Hanae Sato plays the driver. Sato learned to drive for it. Sato Hanae laughed."
    assert found(graph, text) == [("sato-hanae", "Hanae Sato"), ("sato-hanae", "Sato"), ("sato-hanae", "Sato Hanae")]
    # Held given name first, it is found family name first too.
    assert found(graph, "Ota Yuki shot it.") == [("yuki-ota", "Ota Yuki")]
    # A given name no Japanese spelling could be keeps its order: "Mori Gilbert" is a Mr Gilbert.
    western = Gazetteer.build(KnowledgeGraph(people=[PersonRef("mori-gilbert", "Mori Gilbert")]))
    assert found(western, "Gilbert Mori spoke.") == []


@pytest.mark.parametrize("name,key", [("JJ Marchetti", "jj-marchetti"), ("J. J. Marchetti", "jj-marchetti"),
                                      ("J.J. Marchetti", "jj-marchetti"), ("D.B. Quell", "db-quell"),
                                      ("D. B. Quell", "db-quell"), ("DB Quell", "db-quell")])
def test_initials_run_together_or_spaced(gazetteer, name, key):
    assert found(gazetteer, f"We met {name} there.") == [(key, name)]


# -- confidence ----------------------------------------------------------------------------


def test_every_mention_carries_a_confidence_and_unsure_ones_are_neither_linked_nor_indexed(gazetteer):
    source = "Will Friday directed it. Will said no.\n"
    processed = process_article(source, graph=gazetteer, href=href)
    assert [(m.surface, m.confidence) for m in processed.mentions] == [("Will Friday", 0.95)]
    assert [m.surface for m in processed.unsure_mentions] == ["Will"]
    assert processed.html.count("<a ") == 1
