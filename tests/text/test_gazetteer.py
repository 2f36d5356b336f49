"""The gazetteer: every name in the knowledge graph, folded, in one automaton."""

from __future__ import annotations

from newsreel.text.gazetteer import ALIAS, TITLE, VARIANT, Gazetteer, surname_tokens
from newsreel.text.normalize import fold, fold_token, is_common, tokenize
from newsreel.text.types import CreditRef, FilmRef, KnowledgeGraph, PersonRef

GRAPH = KnowledgeGraph(
    films=(
        FilmRef("dune-1984", "Dune", 1984),
        FilmRef("dune-2021", "Dune", 2021, ("Dune: Part One",)),
        FilmRef("tar-2022", "Tár", 2022),
        FilmRef("sex-lies-1989", "sex, lies, and videotape", 1989),
    ),
    people=(PersonRef("sean-baker", "Sean Baker", ("S. Baker",)), PersonRef("guillermo-del-toro", "Guillermo del Toro")),
    credits=(CreditRef("dune-2021", "sean-baker", "crew"), CreditRef("tar-2022", "sean-baker", "producer")),
)


def test_folding_drops_accents_case_and_quote_styles():
    assert fold("Tár") == fold("TAR") == fold("tar") == "tar"
    assert fold("Baker\u2019s") == fold("Baker's") == "baker ' s"
    assert fold("Emilia P\u00e9rez") == fold("Emilia Pe\u0301rez") == "emilia perez"
    assert fold_token("Straße") == "strasse"


def test_tokens_keep_offsets_in_the_original_text():
    text = "“Tár,” said Cate"
    assert [(text[s:e], token) for s, e, token in tokenize(text)] == [
        ("“", '"'), ("Tár", "tar"), (",", ","), ("”", '"'), ("said", "said"), ("Cate", "cate"),
    ]


def test_common_words_include_plain_inflections():
    assert is_common("heat") and is_common("lives") and is_common("wicked")
    assert not is_common("anora") and not is_common("villeneuve")


def test_two_films_with_one_title_share_a_form():
    gazetteer = Gazetteer.build(GRAPH)
    assert sorted(c.key for c in gazetteer.lookup("Dune")) == ["dune-1984", "dune-2021"]


def test_aliases_and_loose_variants_are_indexed_with_their_kind():
    gazetteer = Gazetteer.build(GRAPH)
    assert [(c.key, c.name_kind) for c in gazetteer.lookup("Dune: Part One")] == [("dune-2021", ALIAS)]
    assert [(c.key, c.name_kind) for c in gazetteer.lookup("Dune Part One")] == [("dune-2021", VARIANT)]
    assert [(c.key, c.name_kind) for c in gazetteer.lookup("Sean Baker")] == [("sean-baker", TITLE)]
    assert [c.key for c in gazetteer.lookup("s. baker")] == ["sean-baker"]


def test_lookup_is_accent_blind_and_exact():
    gazetteer = Gazetteer.build(GRAPH)
    assert [c.key for c in gazetteer.lookup("TAR")] == ["tar-2022"]
    assert gazetteer.lookup("Tár Wars") == []
    assert gazetteer.lookup("Baker") == []


def test_names_starting_lower_case_are_remembered():
    gazetteer = Gazetteer.build(GRAPH)
    ids = tuple(gazetteer.token_id(token) for _, _, token in tokenize("sex, lies, and videotape"))
    forms = [form for first, last, form in gazetteer.iter_forms(ids) if first == 0 and last == len(ids) - 1]
    assert forms and forms[0] in gazetteer.lowercase_forms


def test_credits_are_looked_up_both_ways():
    gazetteer = Gazetteer.build(GRAPH)
    assert gazetteer.people_of("dune-2021") == {"sean-baker"}
    assert gazetteer.films_of("sean-baker") == ("dune-2021", "tar-2022")
    assert gazetteer.people_of("dune-1984") == frozenset() and gazetteer.films_of("nobody") == ()
    assert [c.role for c in gazetteer.credits_of("tar-2022")] == ["producer"]


def test_entities_by_key():
    gazetteer = Gazetteer.build(GRAPH)
    assert gazetteer.films_by_key["tar-2022"].title == "Tár"
    assert gazetteer.people_by_key["sean-baker"].name == "Sean Baker"
    assert gazetteer.graph is GRAPH


def test_surnames_keep_particles_and_drop_suffixes():
    assert surname_tokens("Sean Baker") == ("baker",)
    assert surname_tokens("Guillermo del Toro") == ("del", "toro")
    assert surname_tokens("Robert Downey Jr.") == ("downey",)
    assert surname_tokens("Lupita Nyong'o") == ("nyong", "'", "o")
    assert surname_tokens("Zendaya") == ()


def test_empty_graph_builds():
    gazetteer = Gazetteer.build(KnowledgeGraph())
    assert len(gazetteer) == 0
    assert gazetteer.lookup("Dune") == []


def test_a_forms_entries_are_ascending_films_before_people():
    # Title, alias and person name all spelled "Marlow", added in every order: the finder splits
    # films from people by a search on this order (mentions/films.py).
    graph = KnowledgeGraph(
        films=(
            FilmRef("marlow-2001", "Marlow", 2001),
            FilmRef("night-road-1990", "Night Road", 1990, ("Marlow",)),
            FilmRef("marlow-1950", "Marlow", 1950),
        ),
        people=(PersonRef("jo-marlow", "Jo Marlow", ("Marlow",)), PersonRef("marlow", "Marlow")),
        credits=(),
    )
    gazetteer = Gazetteer.build(graph)
    entries = list(gazetteer.lookup_entries("Marlow"))
    assert entries == sorted(entries) and len(entries) == 5
    kinds = [gazetteer.candidate(entry).kind for entry in entries]
    assert kinds == ["film", "film", "film", "person", "person"]
    assert sum(entry < gazetteer.film_limit for entry in entries) == 3
