"""Mentions: which films and people an article names, and what each name means."""

from __future__ import annotations

import pytest

from newsreel.text.gazetteer import Gazetteer
from newsreel.text.mentions import LINK_CONFIDENCE, find_mentions, link_targets
from newsreel.text.types import CreditRef, FilmRef, KnowledgeGraph, Mention, Paragraph, PersonRef, TextError

from .links import href

GRAPH = KnowledgeGraph(
    films=(
        FilmRef("her-2013", "Her", 2013),
        FilmRef("up-2009", "Up", 2009),
        FilmRef("us-2019", "Us", 2019),
        FilmRef("heat-1995", "Heat", 1995),
        FilmRef("nope-2022", "Nope", 2022),
        FilmRef("wicked-2024", "Wicked", 2024),
        FilmRef("dune-1984", "Dune", 1984),
        FilmRef("dune-2021", "Dune", 2021, ("Dune: Part One",)),
        FilmRef("dune-part-two-2024", "Dune: Part Two", 2024, ("Dune 2",)),
        FilmRef("birdman-2014", "Birdman or (The Unexpected Virtue of Ignorance)", 2014, ("Birdman",)),
        FilmRef("tar-2022", "Tár", 2022),
        FilmRef("emilia-perez-2024", "Emilia Pérez", 2024),
        FilmRef("anora-2024", "Anora", 2024),
        FilmRef("past-lives-2023", "Past Lives", 2023),
        FilmRef("chicago-2002", "Chicago", 2002),
        FilmRef("fargo-1996", "Fargo", 1996),
    ),
    people=(
        PersonRef("spike-jonze", "Spike Jonze"),
        PersonRef("pete-docter", "Pete Docter"),
        PersonRef("jordan-peele", "Jordan Peele"),
        PersonRef("michael-mann", "Michael Mann"),
        PersonRef("jon-m-chu", "Jon M. Chu"),
        PersonRef("cynthia-erivo", "Cynthia Erivo"),
        PersonRef("david-lynch", "David Lynch"),
        PersonRef("denis-villeneuve", "Denis Villeneuve"),
        PersonRef("timothee-chalamet", "Timothée Chalamet"),
        PersonRef("alejandro-g-inarritu", "Alejandro González Iñárritu", ("Alejandro G. Iñárritu",)),
        PersonRef("todd-field", "Todd Field"),
        PersonRef("cate-blanchett", "Cate Blanchett"),
        PersonRef("jacques-audiard", "Jacques Audiard"),
        PersonRef("sean-baker", "Sean Baker"),
        PersonRef("mikey-madison", "Mikey Madison"),
        PersonRef("emma-stone", "Emma Stone"),
        PersonRef("oliver-stone", "Oliver Stone"),
        PersonRef("joel-coen", "Joel Coen"),
        PersonRef("ethan-coen", "Ethan Coen"),
        PersonRef("celine-song", "Celine Song"),
        PersonRef("guillermo-del-toro", "Guillermo del Toro"),
        PersonRef("robert-downey-jr", "Robert Downey Jr."),
    ),
    credits=(
        CreditRef("her-2013", "spike-jonze", "director"),
        CreditRef("up-2009", "pete-docter", "director"),
        CreditRef("us-2019", "jordan-peele", "director"),
        CreditRef("nope-2022", "jordan-peele", "director"),
        CreditRef("heat-1995", "michael-mann", "director"),
        CreditRef("wicked-2024", "jon-m-chu", "director"),
        CreditRef("wicked-2024", "cynthia-erivo", "actor", "Elphaba"),
        CreditRef("dune-1984", "david-lynch", "director"),
        CreditRef("dune-2021", "denis-villeneuve", "director"),
        CreditRef("dune-2021", "timothee-chalamet", "actor", "Paul Atreides"),
        CreditRef("dune-part-two-2024", "denis-villeneuve", "director"),
        CreditRef("birdman-2014", "alejandro-g-inarritu", "director"),
        CreditRef("tar-2022", "todd-field", "director"),
        CreditRef("tar-2022", "cate-blanchett", "actor", "Lydia Tár"),
        CreditRef("emilia-perez-2024", "jacques-audiard", "director"),
        CreditRef("anora-2024", "sean-baker", "director"),
        CreditRef("anora-2024", "mikey-madison", "actor", "Ani"),
        CreditRef("past-lives-2023", "celine-song", "director"),
        CreditRef("fargo-1996", "joel-coen", "director"),
        CreditRef("fargo-1996", "ethan-coen", "director"),
    ),
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.build(GRAPH)


def paragraphs(*texts: str, spoiler: dict[int, str] | None = None, kinds: dict[int, str] | None = None) -> list[Paragraph]:
    """Paragraphs joined by a blank line, as Document.text joins them."""
    result, position = [], 0
    for index, text in enumerate(texts):
        result.append(
            Paragraph(text, position, kind=(kinds or {}).get(index, "paragraph"), spoiler_film=(spoiler or {}).get(index))
        )
        position += len(text) + 2
    return result


def found(gazetteer: Gazetteer, *texts: str, **options) -> list[tuple[str, str, str]]:
    return [(m.kind, m.key, m.surface) for m in find_mentions(paragraphs(*texts, **options), gazetteer)]


def keys(gazetteer: Gazetteer, *texts: str, **options) -> set[str]:
    return {m.key for m in find_mentions(paragraphs(*texts, **options), gazetteer)}


# -- titles that are ordinary words ------------------------------------------------------


def test_her_as_a_pronoun_is_not_the_film(gazetteer):
    text = "Her first film was a short. Spike Jonze met her in Los Angeles and gave her the script."
    assert "her-2013" not in keys(gazetteer, text)


def test_her_after_its_director_possessive_is_the_film(gazetteer):
    assert ("film", "her-2013", "Her") in found(gazetteer, "Critics still argue about Spike Jonze's Her a decade on.")


def test_capitalised_her_mid_sentence_without_any_film_evidence_is_not_linked(gazetteer):
    assert "her-2013" not in keys(gazetteer, "The letter was addressed to Her and nobody else.")


def test_her_with_a_year_in_parentheses_is_the_film_even_opening_a_sentence(gazetteer):
    assert ("film", "her-2013", "Her") in found(gazetteer, "Her (2013) imagined a voice assistant you could love.")


def test_sentence_initial_her_is_not_the_film_even_in_an_article_about_its_director(gazetteer):
    text = "Spike Jonze spoke at length. Her performance, he said, carried the shoot."
    assert "her-2013" not in keys(gazetteer, text)


def test_up_in_quotes_next_to_film_words_is_the_film(gazetteer):
    text = 'Pete Docter said "Up" began with a drawing of a grumpy old man.'
    assert ("film", "up-2009", "Up") in found(gazetteer, text)


def test_up_as_an_adverb_is_not_the_film(gazetteer):
    text = "Pete Docter showed up early. Up the hill, the crew set up a tent."
    assert "up-2009" not in keys(gazetteer, text)


def test_us_as_a_pronoun_or_acronym_is_not_the_film(gazetteer):
    text = "Jordan Peele told us about the US box office. Let us move on."
    assert "us-2019" not in keys(gazetteer, text)


def test_us_after_peele_possessive_is_the_film(gazetteer):
    assert ("film", "us-2019", "Us") in found(gazetteer, "Jordan Peele's Us opened bigger than anyone expected.")


def test_heat_as_weather_is_not_the_film(gazetteer):
    text = "Michael Mann shot through the heat of August. Heat warnings closed the set."
    assert "heat-1995" not in keys(gazetteer, text)


def test_heat_with_its_director_named_and_mid_sentence_capital_is_the_film(gazetteer):
    text = "Michael Mann returned to Los Angeles for a sequel to Heat this year."
    assert ("film", "heat-1995", "Heat") in found(gazetteer, text)


def test_nope_as_an_answer_is_not_the_film(gazetteer):
    text = "Was the premiere delayed? Nope, said Jordan Peele, who was there on time."
    assert "nope-2022" not in keys(gazetteer, text)


def test_nope_in_quotes_with_peele_named_is_the_film(gazetteer):
    assert "nope-2022" in keys(gazetteer, 'Jordan Peele shot "Nope" on IMAX cameras.')


def test_wicked_as_an_adjective_is_not_the_film(gazetteer):
    text = "Cynthia Erivo has a wicked sense of humour. Wicked, she joked, is how her friends describe her."
    assert "wicked-2024" not in keys(gazetteer, text)


def test_wicked_with_the_film_noun_before_it_is_the_film(gazetteer):
    assert "wicked-2024" in keys(gazetteer, "Audiences lined up for the musical Wicked at the box office.")


def test_ordinary_word_title_inside_a_longer_proper_name_is_not_the_film(gazetteer):
    text = "Jordan Peele flew in from the offices of Us Weekly magazine, then saw a film."
    assert "us-2019" not in keys(gazetteer, text)


def test_multi_word_title_of_common_words_in_title_case_with_its_director_is_the_film(gazetteer):
    text = "Celine Song says Past Lives began as a memory of a bar in New York."
    assert ("film", "past-lives-2023", "Past Lives") in found(gazetteer, text)


def test_common_words_of_a_title_in_lower_case_are_not_the_film(gazetteer):
    assert "past-lives-2023" not in keys(gazetteer, "Celine Song talked about past lives and reincarnation.")


def test_city_named_like_a_film_is_not_the_film_without_evidence(gazetteer):
    text = "The Coens grew up far from Chicago, and Joel Coen still visits Fargo every winter."
    assert keys(gazetteer, text) & {"chicago-2002", "fargo-1996"} == set()


def test_city_title_with_its_directors_possessive_is_the_film(gazetteer):
    assert "fargo-1996" in keys(gazetteer, "Joel Coen and Ethan Coen wrote Fargo (1996) in a few weeks.")


# -- two films with one title -------------------------------------------------------------


def test_dune_alone_with_no_evidence_is_not_linked(gazetteer):
    assert keys(gazetteer, "The film Dune was long and loud.") == set()


def test_dune_with_a_year_in_parentheses_picks_that_film(gazetteer):
    assert ("film", "dune-1984", "Dune") in found(gazetteer, "Few defended Dune (1984) on release.")


def test_dune_with_a_year_that_matches_neither_film_is_not_linked(gazetteer):
    assert keys(gazetteer, "The miniseries Dune (2000) aired on cable.") == set()


def test_dune_is_resolved_by_the_credited_director_in_the_article(gazetteer):
    text = ("Denis Villeneuve spent years on the desert planet.", "Dune grossed over $400 million worldwide.")
    assert ("film", "dune-2021", "Dune") in found(gazetteer, *text)


def test_dune_by_lynch_and_dune_by_villeneuve_in_one_article_are_told_apart(gazetteer):
    text = (
        "David Lynch disowned his Dune long ago.",
        "Denis Villeneuve, by contrast, calls his Dune a dream project.",
    )
    assert [m for m in found(gazetteer, *text) if m[0] == "film"] == [
        ("film", "dune-1984", "Dune"),
        ("film", "dune-2021", "Dune"),
    ]


def test_a_year_near_the_title_breaks_a_tie(gazetteer):
    assert ("film", "dune-1984", "Dune") in found(gazetteer, "The 1984 Dune has a cult following now.")


def test_a_settled_title_stays_settled_later_in_the_article(gazetteer):
    text = ("Dune (2021) opened in October.", "A year on, Dune still sells out revival screenings.")
    assert [m[1] for m in found(gazetteer, *text)] == ["dune-2021", "dune-2021"]


# -- aliases, short forms, accents --------------------------------------------------------


def test_alias_dune_2_is_dune_part_two(gazetteer):
    assert ("film", "dune-part-two-2024", "Dune 2") in found(gazetteer, "Dune 2 opened in March.")


def test_title_with_its_colon_dropped_still_matches(gazetteer):
    assert "dune-part-two-2024" in keys(gazetteer, "Dune Part Two opened in March.")


def test_short_form_birdman_is_the_film(gazetteer):
    assert ("film", "birdman-2014", "Birdman") in found(gazetteer, "Birdman won best picture.")


def test_accent_typed_or_not_finds_tar(gazetteer):
    mentions = found(gazetteer, "Tár is a character study. Some critics typed Tar without the accent.")
    assert [m[1:] for m in mentions] == [("tar-2022", "Tár"), ("tar-2022", "Tar")]


def test_accent_dropped_from_emilia_perez_keeps_the_surface_offsets(gazetteer):
    paras = paragraphs("Intro line.", "Jacques Audiard shot Emilia Perez in Paris.")
    mention = [m for m in find_mentions(paras, gazetteer) if m.kind == "film"][0]
    assert mention.key == "emilia-perez-2024"
    document = "\n\n".join(p.text for p in paras)
    assert document[mention.start : mention.end] == "Emilia Perez" == mention.surface


def test_decomposed_accents_still_match(gazetteer):
    assert "tar-2022" in keys(gazetteer, "Ta\u0301r screened in Venice.")


def test_person_alias_with_accents_dropped_matches(gazetteer):
    assert "alejandro-g-inarritu" in keys(gazetteer, "Alejandro G. Inarritu directed Birdman.")


def test_name_with_accents_dropped_matches(gazetteer):
    assert "timothee-chalamet" in keys(gazetteer, "Timothee Chalamet arrived late.")


# -- titles in quotes, plain, with years --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'Jordan Peele\'s "Nope" is a western.',
        "Jordan Peele\u2019s \u201cNope\u201d is a western.",
        "Jordan Peele's 'Nope' is a western.",
        "Jordan Peele's \u2018Nope\u2019 is a western.",
        "Jordan Peele's Nope (2022) is a western.",
        'Jordan Peele called it "Nope," and the name stuck for the film.',
    ],
)
def test_titles_in_straight_curly_or_single_quotes_or_with_a_year(gazetteer, text):
    assert "nope-2022" in keys(gazetteer, text)


def test_lower_case_title_is_not_a_mention_of_a_capitalised_film(gazetteer):
    assert "anora-2024" not in keys(gazetteer, "Sean Baker said anora means nothing in particular.")


def test_distinctive_title_mid_sentence_needs_no_other_evidence(gazetteer):
    assert found(gazetteer, "Critics adored Anora last spring.") == [("film", "anora-2024", "Anora")]


def test_distinctive_title_opening_a_sentence_needs_some_evidence(gazetteer):
    assert found(gazetteer, "Anora won the Palme d'Or.") == [("film", "anora-2024", "Anora")]
    assert found(gazetteer, "Anora was on everyone's lips.") == []


def test_distinctive_title_opening_a_sentence_stands_when_named_elsewhere(gazetteer):
    text = "Anora was on everyone's lips. Nobody expected Anora to win."
    assert [m[2] for m in found(gazetteer, text)] == ["Anora", "Anora"]


def test_one_word_title_opening_a_sentence_without_evidence_is_not_the_film():
    gazetteer = Gazetteer.build(KnowledgeGraph(films=(FilmRef("consent-2023", "Consent", 2023),)))
    assert found(gazetteer, "Consent is a key theme here. She says it twice.") == []


def test_one_word_title_the_article_uses_in_lower_case_needs_evidence():
    gazetteer = Gazetteer.build(KnowledgeGraph(films=(FilmRef("tangerine-2015", "Tangerine", 2015),)))
    assert found(gazetteer, "She peeled a tangerine. Later, Tangerine came up.") == []
    assert found(gazetteer, "She peeled a tangerine. Later, the film Tangerine came up.") != []


def test_city_that_is_also_a_title_needs_evidence():
    gazetteer = Gazetteer.build(KnowledgeGraph(films=(FilmRef("vegas-2020", "Vegas", 2020),)))
    assert found(gazetteer, "They drove back to New York from Vegas overnight.") == []


def test_multi_word_title_of_common_words_needs_more_than_film_vocabulary():
    gazetteer = Gazetteer.build(KnowledgeGraph(films=(FilmRef("final-draft-2007", "Final Draft", 2007),)))
    assert found(gazetteer, "The script was written in Final Draft before the shoot.") == []


# -- people -------------------------------------------------------------------------------


def test_full_name_then_surname_and_possessives(gazetteer):
    text = "Sean Baker wrote Anora in a month. Baker\u2019s producers agreed. Baker's editor did too."
    people = [m for m in found(gazetteer, text) if m[0] == "person"]
    assert people == [("person", "sean-baker", "Sean Baker"), ("person", "sean-baker", "Baker"), ("person", "sean-baker", "Baker")]


def test_bare_surname_before_the_full_name_is_not_linked(gazetteer):
    mentions = found(gazetteer, "Baker arrived first. Later, Sean Baker spoke.")
    assert mentions == [("person", "sean-baker", "Sean Baker")]


def test_bare_surname_is_ambiguous_between_emma_and_oliver_stone(gazetteer):
    text = "Emma Stone and Oliver Stone share nothing but a name. Stone laughed at the question."
    assert [m[2] for m in found(gazetteer, text)] == ["Emma Stone", "Oliver Stone"]


def test_bare_surname_resolves_to_the_only_stone_named_so_far(gazetteer):
    text = ("Emma Stone won again.", "Stone thanked the crew.", "Oliver Stone presented.", "Stone left early.")
    assert [m[1:] for m in found(gazetteer, *text)] == [
        ("emma-stone", "Emma Stone"),
        ("emma-stone", "Stone"),
        ("oliver-stone", "Oliver Stone"),
    ]


def test_the_coens_name_both_brothers_and_link_neither(gazetteer):
    text = "Joel Coen and Ethan Coen made Fargo (1996). The Coens cast locals. Coen said little."
    mentions = find_mentions(paragraphs(text), gazetteer)
    people = [(m.key, m.surface, m.group) for m in mentions if m.kind == "person"]
    assert people == [("joel-coen", "Joel Coen", False), ("ethan-coen", "Ethan Coen", False),
                      ("ethan-coen", "Coens", True), ("joel-coen", "Coens", True)]
    links = link_targets([m for m in mentions if m.surface == "Coens"], gazetteer, href=href)
    assert links == []


def test_surname_of_a_different_person_with_a_first_name_is_not_linked(gazetteer):
    text = "Emma Stone arrived. Sharon Stone did not."
    assert found(gazetteer, text) == [("person", "emma-stone", "Emma Stone")]


def test_surname_with_a_particle_and_a_suffix(gazetteer):
    text = "Guillermo del Toro and Robert Downey Jr. met. Del Toro laughed; del Toro and Downey left."
    surfaces = [m[2] for m in found(gazetteer, text)]
    assert surfaces == ["Guillermo del Toro", "Robert Downey Jr.", "Del Toro", "del Toro", "Downey"]


def test_initials_in_a_name_match(gazetteer):
    assert "jon-m-chu" in keys(gazetteer, "Jon M. Chu directed the musical.")


def test_lowercase_common_word_is_never_a_surname_mention(gazetteer):
    assert [m[2] for m in found(gazetteer, "Emma Stone carved stone.")] == ["Emma Stone"]


# -- offsets, spoilers, headings ----------------------------------------------------------


def test_offsets_index_the_document_text_across_paragraphs(gazetteer):
    paras = paragraphs("First paragraph about nothing.", "Second: Sean Baker and Anora.")
    document = "\n\n".join(p.text for p in paras)
    for mention in find_mentions(paras, gazetteer):
        assert document[mention.start : mention.end] == mention.surface


def test_mentions_in_spoiler_blocks_are_marked(gazetteer):
    mentions = find_mentions(paragraphs("Sean Baker spoke.", "Anora ends in a car.", spoiler={1: "anora-2024"}), gazetteer)
    assert [(m.key, m.in_spoiler) for m in mentions] == [("sean-baker", False), ("anora-2024", True)]


def test_spoiler_block_for_a_film_is_evidence_for_its_title(gazetteer):
    paras = ("Michael Mann spoke.", "In the end of Heat, the two men meet on the runway.")
    assert "heat-1995" in keys(gazetteer, *paras, spoiler={1: "heat-1995"})


def test_capitals_in_a_heading_are_no_evidence(gazetteer):
    assert keys(gazetteer, "Why Her Story Matters", kinds={0: "heading"}) == set()


def test_no_paragraphs_no_mentions(gazetteer):
    assert find_mentions([], gazetteer) == []


def test_empty_graph_finds_nothing():
    empty = Gazetteer.build(KnowledgeGraph())
    assert find_mentions(paragraphs("Sean Baker's Anora."), empty) == []


# -- links --------------------------------------------------------------------------------


def mention(kind, key, start, surface, spoiler=False):
    return Mention(kind, key, start, start + len(surface), surface, spoiler)


def test_link_targets_link_the_first_mention_of_each_entity(gazetteer):
    mentions = [
        mention("person", "sean-baker", 0, "Sean Baker"),
        mention("film", "anora-2024", 20, "Anora"),
        mention("person", "sean-baker", 40, "Baker"),
    ]
    targets = link_targets(mentions, gazetteer, None, href=href)
    assert [(t.surface, t.href, t.title) for t in targets] == [
        ("Sean Baker", "/people/sean-baker/", "Sean Baker"),
        ("Anora", "/films/anora-2024/", "Anora (2024)"),
    ]


def test_link_targets_prefer_a_mention_outside_spoiler_blocks(gazetteer):
    mentions = [mention("film", "anora-2024", 0, "ANORA", spoiler=True), mention("film", "anora-2024", 50, "Anora")]
    assert [t.surface for t in link_targets(mentions, gazetteer, href=href)] == ["Anora"]


def test_editor_overrides_remove_and_add_links(gazetteer):
    mentions = [mention("person", "sean-baker", 0, "Sean Baker"), mention("film", "anora-2024", 20, "Anora")]
    overrides = {"remove": ["sean-baker"], "add": [{"surface": "the Coens", "key": "joel-coen", "kind": "person"}]}
    targets = link_targets(mentions, gazetteer, overrides, href=href)
    assert [(t.surface, t.href) for t in targets] == [("Anora", "/films/anora-2024/"), ("the Coens", "/people/joel-coen/")]


def test_editor_added_link_replaces_the_found_surface(gazetteer):
    mentions = [mention("film", "anora-2024", 20, "Anora")]
    overrides = {"add": [{"surface": "Baker's Anora", "key": "anora-2024", "kind": "film"}]}
    assert [t.surface for t in link_targets(mentions, gazetteer, overrides, href=href)] == ["Baker's Anora"]


def test_editor_added_link_to_an_entity_gone_from_the_graph_is_skipped(gazetteer):
    overrides = {"add": [{"surface": "Old Film", "key": "deleted-film-1999", "kind": "film"}]}
    assert link_targets([], gazetteer, overrides, href=href) == []


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"add": [{"surface": "X", "key": "anora-2024", "kind": "studio"}]}, "link_overrides.add[0].kind"),
        ({"add": [{"key": "anora-2024", "kind": "film"}]}, "link_overrides.add[0].surface"),
        ({"remove": "sean-baker"}, "link_overrides.remove"),
        ({"confirm": []}, "unknown field"),
    ],
)
def test_bad_overrides_name_the_field(gazetteer, overrides, message):
    with pytest.raises(TextError, match=message.replace("[", r"\[").replace("]", r"\]")):
        link_targets([], gazetteer, overrides, href=href)


# -- attribution, remakes, characters, italics -------------------------------------------

REMAKES = KnowledgeGraph(
    films=(
        FilmRef("still-2009", "Still", 2009),
        FilmRef("still-2024", "Still", 2024),
        FilmRef("marsh-1987", "Marsh", 1987),
        FilmRef("marsh-2025", "Marsh", 2025),
        FilmRef("ember-2025", "Ember", 2025),
        FilmRef("wren-2017", "Wren", 2017),
    ),
    people=(
        PersonRef("ode-brennan", "Ode Brennan"),
        PersonRef("maren-halloway", "Maren Halloway"),
        PersonRef("anselm-greaves", "Anselm Greaves"),
        PersonRef("priya-venkataraman", "Priya Venkataraman"),
        PersonRef("dara-okoro", "Dara Okoro"),
    ),
    credits=(
        CreditRef("still-2009", "ode-brennan", "director"),
        CreditRef("still-2024", "maren-halloway", "director"),
        CreditRef("marsh-1987", "anselm-greaves", "director"),
        CreditRef("marsh-2025", "priya-venkataraman", "director"),
        CreditRef("ember-2025", "dara-okoro", "actor", "Wren Aldana"),
    ),
)


@pytest.fixture(scope="module")
def remakes() -> Gazetteer:
    return Gazetteer.build(REMAKES)


def test_possessive_director_settles_which_of_two_films_is_meant(remakes):
    text = "The deal includes Maren Halloway's Still, and Ode Brennan's Still, an unrelated drama."
    films = [m[1] for m in found(remakes, text) if m[0] == "film"]
    assert films == ["still-2024", "still-2009"]


def test_title_by_its_director_settles_which_film_is_meant(remakes):
    text = "Ode Brennan and Maren Halloway met at a screening of Still by Ode Brennan."
    assert [m[1] for m in found(remakes, text) if m[0] == "film"] == ["still-2009"]


def test_possessive_surname_counts_as_attribution(remakes):
    text = ("Anselm Greaves and Priya Venkataraman shared a stage.", "Venkataraman's Marsh premiered on Friday.")
    assert [m[1] for m in found(remakes, *text) if m[0] == "film"] == ["marsh-2025"]


def test_the_new_version_of_a_remade_title_is_the_newest_film(remakes):
    text = "Anselm Greaves and Priya Venkataraman both spoke. The jury saw the new Marsh on Sunday."
    assert [m[1] for m in found(remakes, text) if m[0] == "film"] == ["marsh-2025"]


def test_the_original_of_a_remade_title_is_the_oldest_film(remakes):
    text = "Anselm Greaves and Priya Venkataraman both spoke. Few have seen the original Marsh on film."
    assert [m[1] for m in found(remakes, text) if m[0] == "film"] == ["marsh-1987"]


def test_a_characters_first_name_is_not_a_film_with_that_title(remakes):
    text = "Dara Okoro stars in Ember as Wren Aldana. Wren carries the valley on her shoulders."
    assert "wren-2017" not in keys(remakes, text)


class EmphasisParagraph(Paragraph):
    """A paragraph that also knows its italic spans, as the parser may provide."""

    def __init__(self, text: str, start: int, emphasis: tuple[tuple[int, int], ...]) -> None:
        super().__init__(text, start)
        object.__setattr__(self, "emphasis", emphasis)


def test_an_ordinary_title_in_italics_opening_a_sentence_is_the_film(remakes):
    text = "Still, last year's drama by Maren Halloway, is back."
    assert "still-2024" not in {m.key for m in find_mentions([Paragraph(text, 0)], remakes)}
    italic = EmphasisParagraph(text, 0, ((0, 5),))
    assert [m.key for m in find_mentions([italic], remakes) if m.kind == "film"] == ["still-2024"]


def test_italics_around_more_than_the_title_are_no_evidence(remakes):
    text = "Still waters run deep, said Maren Halloway."
    italic = EmphasisParagraph(text, 0, ((0, 21),))
    assert [m.kind for m in find_mentions([italic], remakes)] == ["person"]


# -- a title many films share ---------------------------------------------------------------

CROWDED = KnowledgeGraph(
    films=tuple(FilmRef(f"lumen-{1950 + i}", "Lumen", 1950 + i) for i in range(40)),
    people=(PersonRef("ada-quist", "Ada Quist"),),
    credits=(CreditRef("lumen-1977", "ada-quist", "director"),),
)


@pytest.fixture(scope="module")
def crowded() -> Gazetteer:
    return Gazetteer.build(CROWDED)


def test_a_title_forty_films_share_is_not_linked_without_evidence(crowded):
    assert keys(crowded, "Lumen opened in March.") == set()


def test_a_title_forty_films_share_is_resolved_by_its_credited_director(crowded):
    assert keys(crowded, "Ada Quist never liked Lumen.") == {"ada-quist", "lumen-1977"}


def test_a_title_forty_films_share_is_resolved_by_its_year(crowded):
    assert keys(crowded, "Lumen (1961) opened in March.") == {"lumen-1961"}


def test_title_after_a_lower_case_article_is_found_without_the_article():
    gazetteer = Gazetteer.build(KnowledgeGraph(films=(FilmRef("the-holdovers-2023", "The Holdovers", 2023),)))
    assert found(gazetteer, "Critics loved the Holdovers.") == [("film", "the-holdovers-2023", "Holdovers")]
    assert found(gazetteer, "Critics loved the holdovers.") == []


def test_surname_with_an_apostrophe_is_whole():
    graph = KnowledgeGraph(people=(PersonRef("lupita-nyongo", "Lupita Nyong'o"),))
    text = "Lupita Nyong\u2019o arrived. O said nothing. Nyong'o spoke."
    assert found(Gazetteer.build(graph), text) == [
        ("person", "lupita-nyongo", "Lupita Nyong\u2019o"),
        ("person", "lupita-nyongo", "Nyong'o"),
    ]


# -- more everyday cases ------------------------------------------------------------------

NAMESAKES = KnowledgeGraph(
    films=(
        FilmRef("avengers-2012", "The Avengers", 2012),
        FilmRef("being-john-malkovich-1999", "Being John Malkovich", 1999),
        FilmRef("up-2009", "Up", 2009),
    ),
    people=(
        PersonRef("chris-evans-actor", "Chris Evans"),
        PersonRef("chris-evans-presenter", "Chris Evans"),
        PersonRef("john-malkovich", "John Malkovich"),
    ),
    credits=(
        CreditRef("avengers-2012", "chris-evans-actor", "actor", "Steve Rogers"),
        CreditRef("being-john-malkovich-1999", "john-malkovich", "actor", "John Horatio Malkovich"),
    ),
)


@pytest.fixture(scope="module")
def namesakes() -> Gazetteer:
    return Gazetteer.build(NAMESAKES)


def test_two_people_with_one_name_are_told_apart_by_their_films(namesakes):
    text = "Chris Evans returned for The Avengers reunion."
    assert keys(namesakes, text) == {"chris-evans-actor", "avengers-2012"}


def test_two_people_with_one_name_and_no_films_are_not_linked(namesakes):
    assert keys(namesakes, "Chris Evans hosted the breakfast show.") == set()


def test_a_title_containing_a_name_is_the_film_not_the_person(namesakes):
    assert found(namesakes, "Being John Malkovich still surprises.") == [
        ("film", "being-john-malkovich-1999", "Being John Malkovich")
    ]


def test_a_quotation_opening_with_a_title_word_is_not_the_film(namesakes):
    text = "\u201cUp until now, we never talked about the film,\u201d she said."
    assert keys(namesakes, text) == set()


def test_a_stylised_capitals_title_is_still_the_film(gazetteer):
    assert ("film", "tar-2022", "TÁR") in found(gazetteer, "Todd Field's TÁR screened again.")


def test_an_everyday_surname_opening_a_sentence_is_a_person_only_when_speaking_or_possessive():
    gazetteer = Gazetteer.build(KnowledgeGraph(people=(PersonRef("sean-young", "Sean Young"),)))
    text = "Sean Young arrived. Young people queued outside. Young said hello. Young's agent waved."
    assert [m[2] for m in found(gazetteer, text)] == ["Sean Young", "Young", "Young"]
    assert [m.start for m in find_mentions(paragraphs(text), gazetteer)][1:] == [text.index("Young said"), text.index("Young's")]


# -- issue 13, round three: names, dates and places that are also one-word titles ---------------


def _round_three_gazetteer() -> Gazetteer:
    return Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("lakemoor-2013", "Lakemoor", 2013), FilmRef("march-1999", "March", 1999),
               FilmRef("galicia-2021", "Galicia", 2021)],
        people=[PersonRef("ada-moss", "Ada Moss")],
        credits=[CreditRef("lakemoor-2013", "ada-moss", "director"), CreditRef("march-1999", "ada-moss", "director"),
                 CreditRef("galicia-2021", "ada-moss", "director")],
    ))


def test_a_one_word_title_opening_a_longer_name_a_date_or_after_a_place_word_is_not_the_film():
    gaz = _round_three_gazetteer()
    text = ("Ada Moss came to the Lakemoor Film Festival. Her film is delayed to March 2028. "
            "If you shoot in Galicia, the region pays. March is wide open.")
    assert keys(gaz, text) == {"ada-moss"}


def test_the_same_titles_in_quotes_are_still_the_films():
    gaz = _round_three_gazetteer()
    assert keys(gaz, 'Ada Moss made "Lakemoor" and "March" before "Galicia".') == {
        "ada-moss", "lakemoor-2013", "march-1999", "galicia-2021"}


# -- issue 13, round four: datelines, plays, characters and "the 2009 *Title*" ---------------


def _round_four_gazetteer() -> Gazetteer:
    return Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("halverstock-2013", "Halverstock", 2013), FilmRef("maren-2018", "Maren", 2018),
               FilmRef("blackthorn-lane-1974", "Blackthorn Lane", 1974),
               FilmRef("nightjar-2026", "Nightjar", 2026), FilmRef("nightjar-2009", "Nightjar", 2009),
               FilmRef("galicia-2021", "Galicia", 2021)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("sunniva-halvorsen", "Sunniva Halvorsen")],
        credits=[CreditRef("halverstock-2013", "ada-moss", "director"), CreditRef("maren-2018", "ada-moss", "director"),
                 CreditRef("nightjar-2026", "sunniva-halvorsen", "director")],
    ))


def _italic(title: str, *texts: str) -> list[Paragraph]:
    """Paragraphs with every `title` set in italics, as the Markdown reader marks them."""
    result = []
    for p in paragraphs(*texts):
        spans, at = [], p.text.find(title)
        while at >= 0:
            spans.append((at, at + len(title)))
            at = p.text.find(title, at + 1)
        result.append(Paragraph(p.text, p.start, kind=p.kind, emphasis=tuple(spans)))
    return result


def test_a_dateline_in_capitals_is_the_place_and_so_is_the_word_again_later():
    gaz = _round_four_gazetteer()
    assert keys(gaz, "HALVERSTOCK, 12 October 2026 — Ada Moss signed a deal.",
                "The company is based in Halverstock. Halverstock has two cinemas.") == {"ada-moss"}
    assert keys(gaz, "LONDON (Reelwire) — Ada Moss's Halverstock is restored.") == {"ada-moss", "halverstock-2013"}


def test_a_place_word_again_in_the_same_sentence_is_still_the_place():
    gaz = _round_four_gazetteer()
    assert keys(gaz, "Ada Moss said: if you shoot in Galicia, Galicia pays.") == {"ada-moss"}


def test_a_play_in_italics_is_not_the_film_of_that_title_anywhere_in_the_article():
    gaz = _round_four_gazetteer()
    before = _italic("Blackthorn Lane", "Ada Moss will appear in a revival of the play Blackthorn Lane this summer.",
                     "Blackthorn Lane opens in June.")
    after = _italic("Blackthorn Lane", "Ada Moss once staged Blackthorn Lane, the old Flemish play about a moneylender.")
    for texts in (before, after):
        assert {m.key for m in find_mentions(texts, gaz)} == {"ada-moss"}
    assert keys(gaz, 'Ada Moss saw the play and then the film "Blackthorn Lane".') >= {"blackthorn-lane-1974"}


def test_a_name_an_actor_is_cast_as_is_the_character_not_the_film():
    gaz = _round_four_gazetteer()
    assert keys(gaz, "Ada Moss plays Maren, a widow who keeps a boat.",
                "In the last scene Maren sails out alone.") == {"ada-moss"}
    assert keys(gaz, "Ada Moss made Maren (2018) before she acted.") == {"ada-moss", "maren-2018"}


def test_a_year_just_before_a_shared_title_chooses_that_years_film():
    gaz = _round_four_gazetteer()
    texts = _italic("Nightjar", "Sunniva Halvorsen's Nightjar opens on Friday.",
                    "It is not to be confused with the 2009 Nightjar, a film about a racing pigeon.")
    assert {m.key for m in find_mentions(texts, gaz)} == {"sunniva-halvorsen", "nightjar-2026", "nightjar-2009"}


def test_a_shared_title_followed_by_its_year_after_the_quote_mark_or_of_is_that_years_film():
    # Round twenty-five: "“Nightjar” (2009)" (the year after the closing quote mark) and "the
    # Nightjar of 2009" name the older film, not the article's own Nightjar. Before, the year
    # counted only right after the title, so both went to the 2026 film.
    gaz = _round_four_gazetteer()
    quoted = [Paragraph("Sunniva Halvorsen’s “Nightjar” opens on Friday.", 0),
              Paragraph("Not to be confused with “Nightjar” (2009), a film about a racing pigeon.", 60)]
    assert [m.key for m in find_mentions(quoted, gaz) if m.kind == "film"] == ["nightjar-2026", "nightjar-2009"]
    italic = _italic("Nightjar", "Sunniva Halvorsen's Nightjar opens on Friday.",
                     "This is not the Nightjar of 2009, a film about a racing pigeon.")
    assert [m.key for m in find_mentions(italic, gaz) if m.kind == "film"] == ["nightjar-2026", "nightjar-2009"]


def test_nobody_opening_a_quoted_sentence_is_an_everyday_word_not_the_film():
    gaz = Gazetteer.build(KnowledgeGraph(films=[FilmRef("nobody-2021", "Nobody", 2021)]))
    assert keys(gaz, 'A rival wrote: "A delay is a delay. Nobody moves a good film."') == set()
    assert keys(gaz, 'The thriller "Nobody" (2021) returns.') == {"nobody-2021"}


# -- issue 13, round five: businesses, services, headline datelines, casting in apposition ----


def _round_five_gazetteer() -> Gazetteer:
    return Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("wharfside-2011", "Wharfside", 2011), FilmRef("the-quayside-2004", "The Quayside", 2004),
               FilmRef("corvid-2015", "Corvid", 2015), FilmRef("halverstock-2013", "Halverstock", 2013),
               FilmRef("maren-2018", "Maren", 2018),
               FilmRef("nightjar-2026", "Nightjar", 2026), FilmRef("nightjar-2009", "Nightjar", 2009)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("odo-brand", "Odo Brand")],
        credits=[CreditRef("wharfside-2011", "ada-moss", "director"), CreditRef("corvid-2015", "ada-moss", "director"),
                 CreditRef("halverstock-2013", "ada-moss", "director"), CreditRef("maren-2018", "ada-moss", "director"),
                 CreditRef("the-quayside-2004", "ada-moss", "director"),
                 CreditRef("nightjar-2009", "odo-brand", "director")],
    ))


def test_a_title_that_names_a_business_is_the_business_here_and_later():
    gaz = _round_five_gazetteer()
    assert keys(gaz, "Ada Moss drinks at the Wharfside café most mornings.", "Wharfside opens at six.") == {"ada-moss"}
    assert keys(gaz, "Ada Moss met us at The Quayside, a pub on the harbour.") == {"ada-moss"}
    assert keys(gaz, "We met at Wharfside, the bakery where Ada Moss buys bread.") == {"ada-moss"}
    # The film itself, named as a film, is still the film.
    assert keys(gaz, "Ada Moss made Wharfside (2011) and The Quayside (2004).") >= {"wharfside-2011", "the-quayside-2004"}


def test_a_title_that_names_a_streaming_service_is_the_service_here_and_later():
    gaz = _round_five_gazetteer()
    assert keys(gaz, "Ada Moss's earlier work is streaming on Corvid.", "Corvid paid for the restoration.") == {"ada-moss"}
    assert keys(gaz, "The restoration arrives on Corvid, the archive service, next week.") == set()
    assert keys(gaz, "Ada Moss's Corvid (2015) is streaming on a rival service.") == {"ada-moss", "corvid-2015"}


def test_a_place_opening_the_headline_before_a_comma_is_the_place_the_body_names():
    gaz = _round_five_gazetteer()
    texts = ("Halverstock, day two: a long queue in the rain",
             "The festival in Halverstock belonged to the queue. Ada Moss arrived late.")
    assert keys(gaz, *texts, kinds={0: "heading"}) == {"ada-moss"}
    # A film opening a headline is still the film when the body never uses it as a place.
    film = ("Halverstock, forty years on: Ada Moss looks back", "Ada Moss shot Halverstock in a month.")
    assert "halverstock-2013" in keys(gaz, *film, kinds={0: "heading"})


def test_a_name_in_apposition_to_the_role_an_actor_plays_is_the_character():
    gaz = _round_five_gazetteer()
    assert keys(gaz, "Ada Moss plays the harbour inspector, Maren Holt, and it is her best work.",
                "Maren has been right about this island all her life.") == {"ada-moss"}


def test_this_years_title_is_the_newer_of_two_films_so_titled():
    gaz = _round_five_gazetteer()
    texts = _italic("Nightjar", "Odo Brand's restored Nightjar drew a queue.",
                    "It should not be confused with this year's Nightjar, a Danish horror film.",
                    "The 2009 Nightjar is the better film.")
    assert {m.key for m in find_mentions(texts, gaz)} == {"odo-brand", "nightjar-2026", "nightjar-2009"}


# -- issue 13, round six ----------------------------------------------------------------------


def _round_six_gazetteer() -> Gazetteer:
    return Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("bellhaven-2012", "Bellhaven", 2012), FilmRef("fernlight-2017", "Fernlight", 2017),
               FilmRef("corvane-2008", "Corvane", 2008), FilmRef("christmas-2010", "Christmas", 2010),
               FilmRef("nightjar-2009", "Nightjar", 2009)],
        people=[PersonRef("ada-moss", "Ada Moss")],
        credits=[CreditRef(key, "ada-moss", "director")
                 for key in ("bellhaven-2012", "fernlight-2017", "corvane-2008", "christmas-2010", "nightjar-2009")],
    ))


def test_a_title_after_the_and_before_a_town_is_a_venue_not_the_film():
    gaz = _round_six_gazetteer()
    assert keys(gaz, "Ada Moss, who programmes the Bellhaven in Tenby, said the matinees sold out.") == {"ada-moss"}
    # The film, named without "the" before it, is still the film.
    assert "bellhaven-2012" in keys(gaz, "Ada Moss shot Bellhaven in Tenby over one wet summer.")


def test_a_title_in_parentheses_after_an_italic_title_is_its_service_here_and_later():
    gaz = _round_six_gazetteer()
    texts = _italic("Nightjar", "Nightjar (Fernlight, restored). Ada Moss's thriller is back.",
                    "The restoration is on Fernlight from Friday.")
    assert {m.key for m in find_mentions(texts, gaz)} == {"nightjar-2009", "ada-moss"}
    # A year in the parentheses is the film's, as before.
    assert "fernlight-2017" in keys(gaz, "Ada Moss made Fernlight (2017) in a month.")


def test_a_title_after_of_and_a_place_noun_is_the_place():
    gaz = _round_six_gazetteer()
    assert keys(gaz, "Ada Moss walked the streets of Corvane every night for a month.") == {"ada-moss"}
    assert keys(gaz, "Ada Moss grew up on the outskirts of Corvane.") == {"ada-moss"}


def test_a_holiday_is_a_date_like_a_day_or_a_month_even_inside_a_quotation():
    gaz = _round_six_gazetteer()
    assert keys(gaz, "“You have until Christmas,” Ada Moss told the crew.") == {"ada-moss"}
    # In italics it is the film, as a month in italics is.
    italic = _italic("Christmas", "Ada Moss's Christmas is her warmest film.")
    assert "christmas-2010" in {m.key for m in find_mentions(italic, gaz)}


# -- issue 13, round seven --------------------------------------------------------------------


def _round_seven_gazetteer() -> Gazetteer:
    return Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("saltby-2014", "Saltby", 2014), FilmRef("dunmere-2016", "Dunmere", 2016),
               FilmRef("kestrin-2011", "Kestrin", 2011), FilmRef("tollan-2003", "Tollan", 2003),
               FilmRef("the-ferrands-1987", "The Ferrands", 1987), FilmRef("marisol-1961", "Marisol", 1961),
               FilmRef("greyling-2019", "Greyling", 2019), FilmRef("greyling-1990", "Greyling", 1990),
               FilmRef("the-tide-2026", "The Tide", 2026), FilmRef("the-boatman-1979", "The Boatman", 1979)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("odo-brand", "Odo Brand"),
                PersonRef("rhys-tallow", "Rhys Tallow"), PersonRef("jory-ferrand", "Jory Ferrand"),
                PersonRef("petronella-vane", "Petronella Vane", ("Nell Vane",))],
        credits=[CreditRef("saltby-2014", "ada-moss", "director"), CreditRef("dunmere-2016", "ada-moss", "director"),
                 CreditRef("kestrin-2011", "ada-moss", "director"), CreditRef("tollan-2003", "ada-moss", "director"),
                 CreditRef("marisol-1961", "ada-moss", "director"),
                 CreditRef("greyling-1990", "ada-moss", "director"), CreditRef("greyling-2019", "odo-brand", "director"),
                 CreditRef("the-tide-2026", "odo-brand", "actor"), CreditRef("the-boatman-1979", "jory-ferrand", "actor")],
    ))


def test_a_dateline_with_only_a_dash_after_its_place_is_the_place():
    gaz = _round_seven_gazetteer()
    assert keys(gaz, "SALTBY — Ada Moss opened the new cinema on Friday.") == {"ada-moss"}
    assert keys(gaz, "SALTBY - Ada Moss opened the new cinema on Friday.") == {"ada-moss"}


def test_a_title_before_festival_is_the_festival_here_and_later():
    gaz = _round_seven_gazetteer()
    assert keys(gaz, "Ada Moss will chair the Dunmere festival jury.", "Dunmere has never had a chair so loud.") == {"ada-moss"}
    # In italics it is the film.
    italic = _italic("Dunmere", "Ada Moss's Dunmere festival screening sold out.")
    assert "dunmere-2016" in {m.key for m in find_mentions(italic, gaz)}


def test_a_title_after_films_on_is_a_streaming_service():
    gaz = _round_seven_gazetteer()
    assert keys(gaz, "Ada Moss's debut is among the most-watched films on Kestrin this month.") == {"ada-moss"}
    assert keys(gaz, "Ada Moss's debut is among the most-watched films on Kestrin.", "Kestrin paid for it.") == {"ada-moss"}
    assert keys(gaz, "The back catalogue lives on Kestrin, with new movies on Kestrin every week.") == set()


def test_the_next_place_in_a_list_after_a_place_preposition_is_a_place_too():
    gaz = _round_seven_gazetteer()
    assert keys(gaz, "Ada Moss has lived in Leeds and Tollan.") == {"ada-moss"}
    assert keys(gaz, "Ada Moss shot in Porto, Tollan and Saltby.") == {"ada-moss"}
    # A title after "and" with no place before it is still the film.
    assert "tollan-2003" in keys(gaz, "Ada Moss made Saltby (2014) and Tollan.")


def test_a_title_after_a_remake_of_is_the_older_film():
    gaz = _round_seven_gazetteer()
    texts = _italic("Greyling", "Rhys Tallow is finishing a remake of Greyling for the autumn.")
    assert {m.key for m in find_mentions(texts, gaz)} == {"rhys-tallow", "greyling-1990"}
    newer = _italic("Greyling", "Rhys Tallow has seen the new Greyling twice.")
    assert "greyling-2019" in {m.key for m in find_mentions(newer, gaz)}


def test_a_name_given_with_called_or_named_is_no_film():
    gaz = _round_seven_gazetteer()
    assert keys(gaz, "In Ada Moss's film the family's horse is called Marisol.") == {"ada-moss"}
    assert keys(gaz, "Ada Moss keeps a horse called Marisol.") == {"ada-moss"}
    assert keys(gaz, "Ada Moss has a daughter named Marisol.") == {"ada-moss"}
    # A film that is called so is the film.
    assert "marisol-1961" in keys(gaz, "Ada Moss made a thriller called Marisol in 1961.")


def test_the_and_a_plural_of_a_name_the_article_uses_is_a_family_not_the_film():
    gaz = _round_seven_gazetteer()
    texts = ("The heroine, Sabine Ferrand, is the one Ada Moss cares about.", "For the Ferrands nothing is ever quiet.")
    assert "the-ferrands-1987" not in keys(gaz, *texts)
    # Written as the title, in italics, it is the film.
    italic = _italic("The Ferrands", "Ada Moss admires The Ferrands, the 1987 film.")
    assert "the-ferrands-1987" in {m.key for m in find_mentions(italic, gaz)}


def test_a_name_the_article_casts_before_its_actor_is_a_character_not_the_person():
    gaz = _round_seven_gazetteer()
    # Jory Ferrand is a person of the graph; here the name is a character's.
    texts = _italic("The Tide", "In The Tide, Jory Ferrand (Odo Brand) runs the lifeboat station.")
    assert {m.key for m in find_mentions(texts, gaz)} == {"the-tide-2026", "odo-brand"}
    assert keys(gaz, "Odo Brand inherits the boat of Jory Ferrand, the skipper played in the first film by Rhys Tallow.") \
        == {"odo-brand", "rhys-tallow"}
    # Written the other way round ("actor (character)"), the actor stays the person.
    other = _italic("The Tide", "In The Tide, Odo Brand (Jory Ferrand) runs the lifeboat station.")
    assert "odo-brand" in {m.key for m in find_mentions(other, gaz)}


def test_a_name_cast_with_its_actors_surname_in_parentheses_is_a_character():
    # A press release or a review names the cast in full, then the part with the actor's surname
    # alone: "follows Jory Ferrand (Brand)". Brand acts in the film the article names, so the
    # name before it is the part, not the graph person who shares it (round twenty-six).
    gaz = _round_seven_gazetteer()
    texts = _italic("The Tide", "The Tide stars Odo Brand.", "The Tide follows Jory Ferrand (Brand), a skipper.")
    assert {m.key for m in find_mentions(texts, gaz)} == {"the-tide-2026", "odo-brand"}
    # A surname that acts in none of the article's films casts nothing: "(Moss)" may be anything.
    other = _italic("The Tide", "The Tide stars Odo Brand.", "The Tide follows Jory Ferrand (Moss), a skipper.")
    assert "jory-ferrand" in {m.key for m in find_mentions(other, gaz)}


def test_a_one_word_name_cast_by_a_verb_or_parentheses_is_no_film_wherever_it_stands():
    gaz = _round_seven_gazetteer()
    texts = _italic("The Tide", "In The Tide, the skipper's wife, Marisol, who keeps the accounts, is played by Ada Moss.",
                    "Marisol never once raises her voice.")
    assert "marisol-1961" not in {m.key for m in find_mentions(texts, gaz)}
    texts = _italic("The Tide", "In The Tide his sister Saltby (Odo Brand) steers.", "Saltby is the better sailor.")
    assert "saltby-2014" not in {m.key for m in find_mentions(texts, gaz)}
    assert "tollan-2003" not in keys(gaz, "Ada Moss returns as the ferrywoman Tollan, the part she played in 2003.")
    # "plays a key role in" casts nobody.
    assert "tollan-2003" in keys(gaz, "Ada Moss plays a key role in Tollan (2003).")


def test_a_nickname_in_quotation_marks_inside_a_name_is_that_person():
    gaz = _round_seven_gazetteer()
    assert keys(gaz, 'The script is by Petronella "Nell" Vane, who grew up in Saltby.') >= {"petronella-vane"}
    assert keys(gaz, "The script is by Petronella ‘Nell’ Vane.") == {"petronella-vane"}
    # A nickname that names nobody of the graph in full is left alone.
    assert keys(gaz, 'The script is by Petronella "Nell" Smith.') == set()


# -- issue 13, round eight --------------------------------------------------------------------


def _round_eight_gazetteer() -> Gazetteer:
    return Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("copperfield-2011", "Copperfield", 2011), FilmRef("marrowby-2004", "Marrowby", 2004),
               FilmRef("the-archivist-2019", "The Archivist", 2019), FilmRef("sixty-one-2008", "Sixty-One", 2008),
               FilmRef("press-office-2016", "Press Office", 2016), FilmRef("tarrant-2012", "Tarrant", 2012),
               FilmRef("quenby-2015", "Quenby", 2015), FilmRef("michaelmas-eve-1999", "Michaelmas Eve", 1999),
               FilmRef("rosalind-2001", "Rosalind", 2001),
               FilmRef("the-long-pier-2027", "The Long Pier", 2027)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("rosalind-vey", "Rosalind Vey")],
        credits=[CreditRef("the-long-pier-2027", "ada-moss", "director")],
    ))


def test_a_title_before_a_companys_word_is_the_company_here_and_later():
    gaz = _round_eight_gazetteer()
    texts = _italic("The Long Pier", "The Long Pier will be released by Copperfield Pictures in May.",
                    "After the festival, Copperfield paid four million for it.")
    assert {m.key for m in find_mentions(texts, gaz)} == {"the-long-pier-2027"}
    assert keys(gaz, "The chart was topped by Marrowby Films again.", "The others trail Marrowby by a distance.") == set()
    # In italics it is the film; a lower-case "films" after it is no company.
    italic = _italic("Copperfield", "Ada Moss's Copperfield is on 300 screens.")
    assert "copperfield-2011" in {m.key for m in find_mentions(italic, gaz)}


def test_a_company_after_the_kind_of_film_is_not_set_beside_film():
    gaz = _round_eight_gazetteer()
    texts = _italic("The Long Pier", "Copperfield Pictures bought The Long Pier.",
                    "“It is the kind of film Copperfield was founded to make,” the company said.")
    assert {m.key for m in find_mentions(texts, gaz)} == {"the-long-pier-2027"}
    # "the film Copperfield" still names the film.
    assert "copperfield-2011" in keys(gaz, "Ada Moss made the film Copperfield in 2011.")


def test_korean_family_names_yeom_and_pyo_are_read_family_name_first():
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[], people=[PersonRef("yeom-ha-rin", "Yeom Ha-rin"), PersonRef("pyo-seung-jae", "Pyo Seung-jae")], credits=[]))
    assert keys(gaz, "The film was shot by Ha-rin Yeom and cut by Seung-jae Pyo.") == {"yeom-ha-rin", "pyo-seung-jae"}
    assert keys(gaz, "Yeom Ha-rin shot it; Yeom later said so.") == {"yeom-ha-rin"}


def test_a_title_written_with_a_capitalised_word_in_lower_case_is_prose():
    gaz = _round_eight_gazetteer()
    assert keys(gaz, "Ada Moss spoke first. The archivist was less sure, and said so.") == {"ada-moss"}
    assert keys(gaz, "How many takes did Ada Moss need? Sixty-one.") == {"ada-moss"}
    labels = [Paragraph("Press office: Ada Moss, Copperfield Pictures", 0, emphasis=((0, 13),))]
    assert {m.key for m in find_mentions(labels, gaz)} == {"ada-moss"}
    # Title case, quotes or italics: the film.
    assert "the-archivist-2019" in keys(gaz, "Ada Moss made The Archivist in 2019.")
    assert "the-archivist-2019" in {m.key for m in find_mentions(_italic("The archivist", "Ada Moss's The archivist (2019)."), gaz)}


def test_a_title_opening_a_festivals_longer_name_is_the_festivals_town_here_and_later():
    gaz = _round_eight_gazetteer()
    assert keys(gaz, "Ada Moss opened the Quenby International Film Festival.", "The Quenby jury met on Monday.") == {"ada-moss"}
    assert "quenby-2015" in {m.key for m in find_mentions(_italic("Quenby", "Ada Moss's Quenby won at Cannes."), gaz)}


def test_a_venue_with_lower_case_words_before_its_name_and_a_town_after_it_is_the_venue():
    gaz = _round_eight_gazetteer()
    assert keys(gaz, "Ada Moss ran the two-screen Tarrant in Leeds for a decade.") == {"ada-moss"}
    assert keys(gaz, "Ada Moss runs the old Tarrant in Hull.") == {"ada-moss"}


def test_a_given_name_of_a_person_the_article_names_is_that_person_not_a_film():
    gaz = _round_eight_gazetteer()
    texts = ["The Long Pier was written by Rosalind Vey.", "“With Rosalind, you rewrite until dawn,” Ada Moss said."]
    assert keys(gaz, *texts) == {"ada-moss", "rosalind-vey", "the-long-pier-2027"}
    # In italics, or with its year, it is the film.
    assert "rosalind-2001" in {m.key for m in find_mentions(_italic("Rosalind", *texts[:1], "Ada Moss loved Rosalind."), gaz)}
    assert "rosalind-2001" in keys(gaz, "Rosalind Vey admired Rosalind (2001).")


def test_a_feast_and_eve_or_day_is_a_date_not_a_film():
    gaz = _round_eight_gazetteer()
    assert keys(gaz, "Ada Moss sets the film on Michaelmas Eve, 1959, in a mill town.") == {"ada-moss"}
    assert "michaelmas-eve-1999" in {m.key for m in find_mentions(_italic("Michaelmas Eve", "Ada Moss's Michaelmas Eve."), gaz)}


def test_a_family_the_article_has_named_two_of_is_those_it_named():
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("harrow-lane-2001", "Harrow Lane", 2001), FilmRef("tidewrack-2010", "Tidewrack", 2010)],
        people=[PersonRef("nell-ashcombe", "Nell Ashcombe"), PersonRef("roy-ashcombe", "Roy Ashcombe"),
                PersonRef("ivy-ashcombe", "Ivy Ashcombe")],
        credits=[CreditRef("harrow-lane-2001", "nell-ashcombe", "director"), CreditRef("harrow-lane-2001", "roy-ashcombe", "crew"),
                 CreditRef("tidewrack-2010", "ivy-ashcombe", "actor"), CreditRef("tidewrack-2010", "roy-ashcombe", "director")],
    ))
    texts = ["Nell Ashcombe learned the trade from her father, Roy Ashcombe.", "The Ashcombes have been at it for fifty years."]
    assert keys(gaz, *texts) == {"nell-ashcombe", "roy-ashcombe"}
    # Named alone, the family is every member credited together.
    assert keys(gaz, "The Ashcombes have been at it for fifty years.") == {"nell-ashcombe", "roy-ashcombe", "ivy-ashcombe"}


def test_a_title_named_as_a_company_or_a_festivals_part_is_not_the_film():
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("merrow-1988", "Merrow", 1988), FilmRef("halden-2011", "Halden", 2011),
               FilmRef("the-tin-coast-2026", "The Tin Coast", 2026)],
        people=[PersonRef("ada-moss", "Ada Moss")],
        credits=[CreditRef("the-tin-coast-2026", "ada-moss", "director")],
    ))
    texts = [
        "The streaming service Merrow has bought Ada Moss's The Tin Coast for $12m.",
        "Merrow will release it in May; it opens the Halden sidebar first.",
    ]
    assert keys(gaz, *texts) == {"ada-moss", "the-tin-coast-2026"}
    assert keys(gaz, "Ada Moss's The Tin Coast opens a Merrow-backed strand.", "Merrow has not said more.") == {
        "ada-moss", "the-tin-coast-2026"}
    assert keys(gaz, "Ada Moss sat on the Halden jury.") == {"ada-moss"}
    # In italics, the film.
    assert "merrow-1988" in {m.key for m in find_mentions(_italic("Merrow", "Ada Moss loved the streamer Merrow."), gaz)}


def test_a_one_word_title_after_a_kinship_noun_is_the_relatives_name():
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("linnea-1994", "Linnea", 1994), FilmRef("the-tin-coast-2026", "The Tin Coast", 2026)],
        people=[PersonRef("ada-moss", "Ada Moss")],
        credits=[CreditRef("the-tin-coast-2026", "ada-moss", "director")],
    ))
    assert keys(gaz, "Ada Moss is survived by her husband and their daughter, Linnea, a nurse in Hull.") == {"ada-moss"}
    assert keys(gaz, "Ada Moss wrote The Tin Coast with her sister Linnea.") == {"ada-moss", "the-tin-coast-2026"}
    # In italics, the film.
    assert "linnea-1994" in {m.key for m in find_mentions(_italic("Linnea", "Ada Moss's daughter, Linnea, loved Linnea."), gaz)}


def test_a_one_word_title_spoken_to_at_the_end_of_a_quotation_is_a_name():
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("rowan-2003", "Rowan", 2003), FilmRef("the-tin-coast-2026", "The Tin Coast", 2026)],
        people=[PersonRef("ada-moss", "Ada Moss")],
        credits=[CreditRef("the-tin-coast-2026", "ada-moss", "director")],
    ))
    assert keys(gaz, "In The Tin Coast, Ada Moss plays a ferry pilot. \"You are late again, Rowan,\" she tells the boy.") == {
        "ada-moss", "the-tin-coast-2026"}
    assert keys(gaz, "Ada Moss has a last word for him: \"Go home, Rowan.\"") == {"ada-moss"}
    # Named in running text, the film.
    assert "rowan-2003" in keys(gaz, "Ada Moss made Rowan (2003) on a ferry.")


def test_a_number_word_title_before_a_unit_is_a_quantity():
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("sixty-2015", "Sixty", 2015), FilmRef("the-tin-coast-2026", "The Tin Coast", 2026)],
        people=[PersonRef("ada-moss", "Ada Moss")],
        credits=[CreditRef("the-tin-coast-2026", "ada-moss", "director")],
    ))
    # A headline, then the article: sure mentions only.
    headline = [Paragraph("Sixty years of the Moss sisters, who made their films in one kitchen", 0, kind="heading"),
                Paragraph("Ada Moss made The Tin Coast with her sister.", 70)]
    assert {m.key for m in find_mentions(headline, gaz) if m.confidence >= LINK_CONFIDENCE} == {
        "ada-moss", "the-tin-coast-2026"}
    # Named as the film, the film.
    assert "sixty-2015" in keys(gaz, "Ada Moss made Sixty (2015) on a ferry.")


# -- round ten: the article's own style of setting titles apart ---------------------------


def _round_ten_gazetteer() -> Gazetteer:
    return Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("tollmarsh-2009", "Tollmarsh", 2009), FilmRef("the-tin-coast-2026", "The Tin Coast", 2026),
               FilmRef("harrow-lane-2001", "Harrow Lane", 2001), FilmRef("quell-street-2015", "Quell Street", 2015)],
        people=[PersonRef("ada-moss", "Ada Moss")],
        credits=[CreditRef("the-tin-coast-2026", "ada-moss", "director"), CreditRef("harrow-lane-2001", "ada-moss", "director"),
                 CreditRef("tollmarsh-2009", "ada-moss", "crew"), CreditRef("quell-street-2015", "ada-moss", "crew")],
    ))


def test_a_bare_distinctive_title_in_an_article_that_sets_titles_apart_needs_evidence_of_its_own():
    gaz = _round_ten_gazetteer()
    marked = ["Ada Moss shot “The Tin Coast” and “Harrow Lane” in the old Tollmarsh on Quell Street.",
              "The Tollmarsh reopens this winter; Ada Moss calls it the best room in the country."]
    assert keys(gaz, *marked) == {"ada-moss", "the-tin-coast-2026", "harrow-lane-2001"}
    # The same title set apart somewhere in the article is the film wherever it stands bare.
    assert "tollmarsh-2009" in keys(gaz, *marked, "She worked on “Tollmarsh” in 2009.")
    # Words of its own saying it is a film are enough.
    assert "tollmarsh-2009" in keys(gaz, *marked[:1], "Tollmarsh (2009) was her first job.")
    assert "tollmarsh-2009" in keys(gaz, *marked[:1], "The festival hit Tollmarsh was her first job.")
    # An article that sets no title apart is read as before: a distinctive title is the film.
    assert "tollmarsh-2009" in keys(gaz, "Ada Moss worked on Tollmarsh before The Tin Coast.")


def test_a_table_cell_under_a_film_header_is_a_title_and_under_a_distributor_header_is_not():
    gaz = _round_ten_gazetteer()
    texts = ["“The Tin Coast” beat “Harrow Lane” at the box office.", "Rank | Film | Distributor | Weekend",
             "1 | Tollmarsh | Quell Street | $3.1m", "Ada Moss was pleased."]
    found_keys = keys(gaz, *texts, kinds={1: "table", 2: "table"})
    assert "tollmarsh-2009" in found_keys
    assert "quell-street-2015" not in found_keys


# -- round eleven: a part in the story before a name -------------------------------------------


def test_a_name_after_a_part_in_the_story_is_a_character_unless_credited_on_the_film():
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("the-tin-coast-2026", "The Tin Coast", 2026)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("oren-vale", "Oren Vale")],
        credits=[CreditRef("the-tin-coast-2026", "ada-moss", "actor")],
    ))
    review = "“The Tin Coast” is a family drama. The patriarch, Oren Vale, is dead before the titles."
    assert keys(gaz, review) == {"the-tin-coast-2026"}
    assert "oren-vale" not in keys(gaz, review.replace("The patriarch, Oren Vale,", "Her heroine, Oren Vale,"))
    # An actor credited on the film, named for the part: the actor, a person.
    assert "ada-moss" in keys(gaz, review.replace("Oren Vale", "Ada Moss"))
    # Any other noun in commas is a job or a relation, and the name a person.
    assert "oren-vale" in keys(gaz, review.replace("The patriarch", "The producer"))


def test_a_name_after_a_casting_verb_is_a_character_unless_credited_on_the_film():
    graph = dict(
        films=[FilmRef("the-tin-coast-2026", "The Tin Coast", 2026)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("oren-vale", "Oren Vale")],
    )
    gaz = Gazetteer.build(KnowledgeGraph(**graph, credits=[CreditRef("the-tin-coast-2026", "ada-moss", "actor")]))
    assert keys(gaz, "In “The Tin Coast” Ada Moss plays Oren Vale, a lock-keeper.") == {"the-tin-coast-2026", "ada-moss"}
    assert "oren-vale" not in keys(gaz, "Ada Moss will play the ferry pilot Oren Vale in “The Tin Coast”.")
    # The owner of a possessive after the verb is a person: the part is the mother.
    assert "oren-vale" in keys(gaz, "In “The Tin Coast” Ada Moss plays Oren Vale’s mother.")
    # Credited on the film the article names: the graph person (a cameo as themselves).
    both = Gazetteer.build(KnowledgeGraph(**graph, credits=[CreditRef("the-tin-coast-2026", "ada-moss", "actor"),
                                                           CreditRef("the-tin-coast-2026", "oren-vale", "actor")]))
    assert "oren-vale" in keys(both, "In “The Tin Coast” Ada Moss plays Oren Vale, a lock-keeper.")


def test_a_film_the_storys_characters_make_is_not_the_graph_film_of_that_title():
    graph = dict(
        films=[FilmRef("harbor-days-2028", "Harbor Days", 2028), FilmRef("the-last-ferry-2011", "The Last Ferry", 2011)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("oren-vale", "Oren Vale")],
    )
    gaz = Gazetteer.build(KnowledgeGraph(**graph, credits=[CreditRef("harbor-days-2028", "ada-moss", "director"),
                                                          CreditRef("the-last-ferry-2011", "oren-vale", "director")]))
    story = ["Ada Moss's “Harbor Days” is a film about a film. A crew arrives in a fishing town to shoot a silent "
             "melodrama, “The Last Ferry”, just as the talkies arrive.",
             "The star has to faint eleven times in “The Last Ferry”."]
    assert keys(gaz, *story) == {"ada-moss", "harbor-days-2028"}
    # The same words about a film the graph credits to someone the article names: that film.
    news = "Oren Vale is shooting a thriller, “The Last Ferry”, on the coast this spring."
    assert "the-last-ferry-2011" in keys(gaz, news)


# -- round twelve: a family, then its members by their given names ---------------------------


def _family_gazetteer() -> Gazetteer:
    # Four Quillons credited together on one film: two brothers and two relatives the
    # article never calls by name.
    people = ["Tobin Quillon", "Anselm Quillon", "Maren Quillon", "Ilse Quillon", "Lotte Brack"]
    keys_ = [name.lower().replace(" ", "-") for name in people]
    return Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("tin-harvest-2022", "Tin Harvest", 2022)],
        people=[PersonRef(key, name) for key, name in zip(keys_, people)],
        credits=[CreditRef("tin-harvest-2022", key, "director") for key in keys_[:4]],
    ))


def test_a_family_the_article_goes_on_to_call_by_given_names_is_those_members():
    gaz = _family_gazetteer()
    text = ("The Quillon brothers finished their film in a barn.",
            "Tobin writes; Anselm builds. Lotte, Anselm says, found the money.")
    people = [(m.key, m.surface, m.group) for m in find_mentions(paragraphs(*text), gaz) if m.kind == "person"]
    assert people == [("anselm-quillon", "Quillon brothers", True), ("tobin-quillon", "Quillon brothers", True),
                      ("tobin-quillon", "Tobin", False), ("anselm-quillon", "Anselm", False),
                      ("anselm-quillon", "Anselm", False)]
    # Without the given names, every member the graph credits together, as before.
    members = {m.key for m in find_mentions(paragraphs("The Quillon brothers finished a film."), gaz)}
    assert members == {"tobin-quillon", "anselm-quillon", "maren-quillon", "ilse-quillon"}


def test_a_given_name_another_named_person_shares_is_not_the_familys():
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("tin-harvest-2022", "Tin Harvest", 2022)],
        people=[PersonRef("tobin-quillon", "Tobin Quillon"), PersonRef("anselm-quillon", "Anselm Quillon"),
                PersonRef("tobin-marsh", "Tobin Marsh")],
        credits=[CreditRef("tin-harvest-2022", "tobin-quillon", "director"),
                 CreditRef("tin-harvest-2022", "anselm-quillon", "director")],
    ))
    text = ("Tobin Marsh produced it. The Quillon brothers directed.", "Tobin was not on set.")
    assert ("tobin-quillon", "Tobin") not in [(m.key, m.surface) for m in find_mentions(paragraphs(*text), gaz)]


# -- round thirteen: characters a review names as a person of the graph is named ----------


def _sequel_gazetteer() -> Gazetteer:
    # Hollis Vane and Marcus Tell are people of the graph credited on nothing the review names:
    # a review's characters may share a real person's name.
    return Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("salt-reach-ii-2026", "Salt Reach II", 2026)],
        people=[PersonRef("lise-carrow", "Lise Carrow"), PersonRef("anton-greer", "Anton Greer"),
                PersonRef("hollis-vane", "Hollis Vane"), PersonRef("marcus-tell", "Marcus Tell")],
        credits=[CreditRef("salt-reach-ii-2026", "lise-carrow", "actor"),
                 CreditRef("salt-reach-ii-2026", "anton-greer", "actor")],
    ))


def test_a_name_the_actor_follows_straight_after_with_played_by_is_a_character():
    gaz = _sequel_gazetteer()
    review = ("*Salt Reach II* has a new villain, a land agent called Marcus Tell, played by Anton Greer.",)
    assert keys(gaz, *review) == {"salt-reach-ii-2026", "anton-greer"}


def test_a_role_with_a_clause_of_its_own_before_the_name_casts_it_and_the_name_stays_a_character():
    gaz = _sequel_gazetteer()
    review = ("In *Salt Reach II* Lise Carrow plays the engineer sent to drain it, Hollis Vane, and the film "
              "wastes her.", "Hollis Vane has known from the start.")
    assert keys(gaz, *review, spoiler={1: "salt-reach-ii-2026"}) == {"salt-reach-ii-2026", "lise-carrow"}
    # A role that brings in another person first ("works for the producer, X") casts nobody as X.
    producer = ("In *Salt Reach II* Lise Carrow plays a clerk who works for the producer, Hollis Vane, "
                "in real life.",)
    assert "hollis-vane" in keys(gaz, *producer)


# -- round thirteen: a box-office chart's titles are films in release --------------------


def test_a_title_two_films_share_in_a_box_office_charts_film_column_is_the_newer():
    from newsreel.text.pipeline import process_article

    gaz = Gazetteer.build(KnowledgeGraph(films=[FilmRef("the-undertaking-1958", "The Undertaking", 1958),
                                                FilmRef("the-undertaking-2026", "The Undertaking", 2026)]))
    chart = ("The weekend's top three:\n\n"
             "| Rank | Film | Weekend | Total |\n|---|---|---|---|\n"
             "| 1 | *Mirrorfall* | $48.3m | $48.3m |\n| 2 | *The Undertaking* | $12.1m | $31.7m |\n")

    def films(text: str) -> set[str]:
        return {m.key for m in process_article(text, graph=gaz, href=href).mentions if m.kind == "film"}

    assert films(chart) == {"the-undertaking-2026"}
    # A table of titles that is no chart (a retrospective's programme) says nothing of the year.
    programme = chart.replace("| Weekend | Total |", "| Director | Print |")
    assert films(programme) == set()


# -- round fourteen: a name after the noun "character" is a part ------------------------------


def test_a_name_after_the_noun_character_is_a_part_not_the_graph_person():
    gaz = _sequel_gazetteer()
    casting = ("Lise Carrow will play a younger version of the character Hollis Vane in *Salt Reach II*.",)
    assert keys(gaz, *casting) == {"salt-reach-ii-2026", "lise-carrow"}
    assert "marcus-tell" not in keys(gaz, "*Salt Reach II* gives its title character, Marcus Tell, nothing to do.")
    assert "marcus-tell" not in keys(gaz, "In *Salt Reach II* a character called Marcus Tell never speaks.")
    # "character actor" is a real person's trade: the name after it is the person.
    assert "hollis-vane" in keys(gaz, "*Salt Reach II* adds the character actor Hollis Vane.")


# -- round fourteen: "the 2003 remake of *X*" is the 2003 film of a shared title ---------------


def test_the_year_before_remake_of_a_shared_title_is_that_films():
    from newsreel.text.pipeline import process_article

    gaz = Gazetteer.build(KnowledgeGraph(films=[FilmRef("the-tide-widow-1961", "The Tide Widow", 1961),
                                                FilmRef("the-tide-widow-2003", "The Tide Widow", 2003)]))

    def films(text: str) -> set[str]:
        return {m.key for m in process_article(text, graph=gaz, href=href).mentions if m.kind == "film"}

    # Before, "remake of" alone spoke: the original's (1961), or nothing sure.
    assert films("The 2003 remake of *The Tide Widow* moves the story to the present.\n") == {"the-tide-widow-2003"}
    assert films("Her father made *The Tide Widow* (1961). The 2003 remake of *The Tide Widow* keeps one line.\n") == {
        "the-tide-widow-1961", "the-tide-widow-2003"}


# -- round fifteen: a quantifier's film noun opens a clause; a speaker's label is no title ------


def _company_gazetteer() -> Gazetteer:
    # Larkspur and Drummond are films of the graph named like a company and a person.
    return Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("larkspur-2010", "Larkspur", 2010), FilmRef("drummond-1979", "Drummond", 1979),
               FilmRef("tallow-reach-2027", "Tallow Reach", 2027), FilmRef("gull-point-2022", "Gull Point", 2022)],
        people=[PersonRef("cassia-drummond", "Cassia Drummond"), PersonRef("priya-lomax", "Priya Lomax")],
    ))


def _films(gaz: Gazetteer, text: str) -> set[str]:
    from newsreel.text.pipeline import process_article

    return {m.key for m in process_article(text, graph=gaz, href=href).mentions if m.kind == "film"}


def test_a_film_noun_after_every_or_any_opens_a_clause_and_names_no_title():
    gaz = _company_gazetteer()
    deal = ("Halden Pictures signed a deal with Larkspur Films, which made *Gull Point*. It gives Halden the first "
            "option on every feature Larkspur develops, starting with *Tallow Reach*.\n")
    # Before, "feature" before the name read as "the film Larkspur".
    assert _films(gaz, deal) == {"gull-point-2022", "tallow-reach-2027"}
    assert _films(gaz, deal.replace("every feature", "any film")) == {"gull-point-2022", "tallow-reach-2027"}
    # "the film X" still names it.
    assert "larkspur-2010" in _films(gaz, deal.replace("every feature Larkspur develops", "the film Larkspur"))


def test_a_bold_label_with_the_surname_of_someone_named_in_full_is_a_speaker_not_a_film():
    gaz = _company_gazetteer()
    interview = ("Cassia Drummond directed *Tallow Reach*, after *Gull Point*. She spoke to Priya Lomax.\n\n"
                 "**Lomax:** Why now?\n\n**Drummond:** Because I ran out of excuses.\n")
    # Before, the bold label was taken for the 1979 film *Drummond* (bold sets titles apart).
    assert _films(gaz, interview) == {"tallow-reach-2027", "gull-point-2022"}
    # A capsule's bold title names no one the article named: still the film.
    capsule = "Three revivals this week.\n\n**Drummond:** the 1979 thriller, restored, with *Gull Point*.\n"
    assert "drummond-1979" in _films(gaz, capsule)


# -- round sixteen: a given name after a relative's noun is the relative ---------------------------


def _people_at(gaz: Gazetteer, text: str, surface: str) -> list[str]:
    """The person keys of the mentions written `surface`, in reading order."""
    from newsreel.text.pipeline import process_article

    return [m.key for m in process_article(text, graph=gaz, href=href).mentions if m.kind == "person" and m.surface == surface]


def test_a_given_name_after_a_relatives_noun_is_not_a_person_named_in_full_before():
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("nine-lamps-2027", "Nine Lamps", 2027)],
        people=[PersonRef("augustin-kerr", "Augustin Kerr"), PersonRef("torben-hale", "Torben Hale")],
    ))
    report = ("The jury, led by the director Augustin Kerr, chose *Nine Lamps*.\n\n"
              "*Nine Lamps* follows Marta, a widow. At dinner her grandson, Augustin, sets down his fork.\n")
    # Before, "Augustin" was Augustin Kerr again: the jury president linked for a character.
    assert _people_at(gaz, report, "Augustin") == []
    assert _people_at(gaz, report.replace("her grandson, Augustin,", "Augustin"), "Augustin") == ["augustin-kerr"]
    # Named in full as that relative before, the given name is that person again.
    obituary = ("The news came through his son, the producer Torben Hale.\n\n"
                "Their son Torben produced his father's last four features.\n")
    assert _people_at(gaz, obituary, "Torben") == ["torben-hale"]


# -- round seventeen: a publication in italics is no film ------------------------------------------


def test_a_publication_a_critic_writes_in_or_a_magazine_noun_names_is_not_the_film_of_that_title():
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("harbour-choir-2026", "Harbour Choir", 2026), FilmRef("the-northern-screen-1996", "The Northern Screen", 1996),
               FilmRef("fotogramma-1961", "Fotogramma", 1961)],
        people=[PersonRef("femi-clarke", "Femi Clarke")],
        credits=[CreditRef("harbour-choir-2026", "femi-clarke", "director")],
    ))
    review = ("Femi Clarke's *Harbour Choir* is modest and moving.\n\n"
              "Other critics have been kinder. Writing in *The Northern Screen*, one called it a film about grief.\n")
    # Before, the italic magazine was the 1996 film *The Northern Screen*: nobody writes in a film.
    assert _films(gaz, review) == {"harbour-choir-2026"}
    interview = "Femi Clarke's *Harbour Choir* opens Friday. In 1977 he told the magazine *Fotogramma* why.\n"
    assert _films(gaz, interview) == {"harbour-choir-2026"}
    assert _films(gaz, interview.replace("the magazine *Fotogramma*", "*Fotogramma*, the film journal,")) == {"harbour-choir-2026"}
    # The film of that title, with "film" or its year, is still the film.
    assert "the-northern-screen-1996" in _films(gaz, review.replace("Writing in *The Northern Screen*", "Watching *The Northern Screen* (1996)"))



# -- round nineteen: a family member's given name that a film is also called ----------------------


def test_a_family_members_given_name_the_article_did_not_take_for_a_film_is_the_member():
    from newsreel.text.pipeline import process_article

    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("tin-harvest-2022", "Tin Harvest", 2022), FilmRef("salt-reach-2019", "Salt Reach", 2019),
               FilmRef("anselm-1998", "Anselm", 1998)],
        people=[PersonRef("tobin-quillon", "Tobin Quillon"), PersonRef("anselm-quillon", "Anselm Quillon")],
        credits=[CreditRef("tin-harvest-2022", "tobin-quillon", "writer"),
                 CreditRef("tin-harvest-2022", "anselm-quillon", "writer")],
    ))
    # An article that sets its titles in italics (two of them), so a bare "Anselm" is no film.
    text = ("*Salt Reach* took best film.\n\n"
            "The screenplay award went to the Quillon brothers, Anselm and Tobin, for *Tin Harvest*. "
            "Tobin held the statuette; Anselm did the talking.\n")
    mentions = process_article(text, graph=gaz, href=href).mentions
    # Before, "Anselm" was nobody (the 1998 film's title covered the word): the member's name.
    people = [(m.key, m.surface) for m in mentions if m.kind == "person" and not m.group]
    assert people == [("anselm-quillon", "Anselm"), ("tobin-quillon", "Tobin"),
                      ("tobin-quillon", "Tobin"), ("anselm-quillon", "Anselm")]
    assert "anselm-1998" not in {m.key for m in mentions}
    # The film, set apart, is still the film.
    film = text.replace("Anselm did the talking.", "they met at a screening of *Anselm*.")
    assert "anselm-1998" in {m.key for m in process_article(film, graph=gaz, href=href).mentions}


# -- round twenty-seven ----------------------------------------------------------------------------


def test_a_title_followed_by_a_publication_noun_is_the_publication():
    # "she told *Lantern* magazine in 2019": the italic name with "magazine" (or "podcast",
    # "newsletter") straight after it is the outlet, as "the magazine *Lantern*" already was.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("harbour-choir-2026", "Harbour Choir", 2026), FilmRef("lantern-2011", "Lantern", 2011)],
        people=[PersonRef("femi-clarke", "Femi Clarke")],
        credits=[CreditRef("harbour-choir-2026", "femi-clarke", "director")],
    ))
    obituary = "Femi Clarke made *Harbour Choir* late. “I was slow,” he told *Lantern* magazine in 2019.\n"
    assert _films(gaz, obituary) == {"harbour-choir-2026"}
    assert _films(gaz, obituary.replace("*Lantern* magazine", "the *Lantern* podcast")) == {"harbour-choir-2026"}
    # The film, named as a film, is still the film.
    assert "lantern-2011" in _films(gaz, obituary.replace("he told *Lantern* magazine in 2019", "he said of *Lantern* (2011)"))


def test_a_title_that_labels_a_transcripts_turns_is_a_voice_not_the_film():
    # A Q&A labels the magazine's questions with its name ("**Lantern:** Why a choir?"). A
    # name that opens two or more turns is a voice of the transcript, so it is the outlet there
    # and wherever the article names it again bare ("Lantern met her in Leeds").
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("harbour-choir-2026", "Harbour Choir", 2026), FilmRef("lantern-2011", "Lantern", 2011)],
        people=[PersonRef("femi-clarke", "Femi Clarke")],
        credits=[CreditRef("harbour-choir-2026", "femi-clarke", "director")],
    ))
    qa = ("Lantern met Femi Clarke in Leeds to talk about *Harbour Choir*.\n\n"
          "**Lantern:** Why a choir?\n\n**Clarke:** Because I cannot sing.\n\n"
          "**Lantern:** And the ending?\n\n**Clarke:** It came last.\n")
    assert _films(gaz, qa) == {"harbour-choir-2026"}
    # One bold label is a capsule's heading, which may well be the film.
    capsule = "**Lantern:** Femi Clarke's first film, a chamber piece, returns in a new print.\n"
    assert "lantern-2011" in _films(gaz, capsule.replace("a chamber piece", "the 2011 chamber piece *Lantern*"))


def test_a_remake_named_by_a_title_only_its_original_carries_in_the_graph_is_no_graph_film():
    # "the horror remake *Lantern*" names a new film by its original's title. When the graph
    # has one film of that title and nothing in the article (its year, a person credited on it)
    # says it is the remake, it may as well be the original: a guess, so not linked.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("harbour-choir-2026", "Harbour Choir", 2026), FilmRef("the-lantern-house-1974", "The Lantern House", 1974)],
        people=[PersonRef("femi-clarke", "Femi Clarke"), PersonRef("ines-roth", "Ines Roth")],
        credits=[CreditRef("harbour-choir-2026", "femi-clarke", "director"),
                 CreditRef("the-lantern-house-1974", "ines-roth", "director")],
    ))
    chart = "Femi Clarke's *Harbour Choir* held on. Next weekend brings the horror remake *The Lantern House*.\n"
    assert _films(gaz, chart) == {"harbour-choir-2026"}
    # A person credited on the graph's film, or its year, says which it is.
    assert "the-lantern-house-1974" in _films(gaz, chart.replace("horror remake *The Lantern House*", "remake of *The Lantern House* (1974)"))
    assert "the-lantern-house-1974" in _films(gaz, chart + "Ines Roth directs it.\n")
    # A title with no remake before it is the film, as before.
    assert "the-lantern-house-1974" in _films(gaz, chart.replace("the horror remake", "a restoration of"))


def test_a_title_in_roman_inside_an_italic_paragraph_is_set_apart():
    # A standfirst or a closing note set in italics sets its titles in roman ("*Next week: the
    # sound designers of* Floodmark."): the roman is the emphasis there, as italics are in
    # the body, so an article that sets its titles apart has set this one apart too.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("harbour-choir-2026", "Harbour Choir", 2026), FilmRef("salt-reach-2019", "Salt Reach", 2019),
               FilmRef("floodmark-2027", "Floodmark", 2027)],
        people=[PersonRef("femi-clarke", "Femi Clarke")],
        credits=[CreditRef("harbour-choir-2026", "femi-clarke", "director")],
    ))
    body = "Femi Clarke talks about *Harbour Choir* and *Salt Reach*.\n\n"
    closing = body + "*Harbour Choir opens on Friday. Next week: the sound designers of* Floodmark.\n"
    assert "floodmark-2027" in _films(gaz, closing)
    standfirst = body + "*Next week: the sound designers of* Floodmark *and the hut they built.*\n"
    assert "floodmark-2027" in _films(gaz, standfirst)
    # Bare in a roman paragraph, in an article that italicises its titles, it stays a name.
    assert "floodmark-2027" not in _films(gaz, body + "Next week: the sound designers of Floodmark.\n")
    # A bold label is no italic paragraph: the answer after it is roman text like any other.
    assert "floodmark-2027" not in _films(gaz, body + "**Clarke:** Floodmark, next.\n")


# -- round twenty-eight ----------------------------------------------------------------------------


def test_the_publication_a_named_writer_works_for_is_not_the_film_of_that_title():
    # A critic's or an interviewer's outlet, given with their name: "wrote Oona Pell in
    # *Lantern*", a quotation's credit line "— Oona Pell, *Lantern*", "She spoke to Oona Pell
    # for *Lantern*". Nobody writes in a film, nor interviews for one.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("harbour-choir-2026", "Harbour Choir", 2026), FilmRef("lantern-2011", "Lantern", 2011)],
        people=[PersonRef("femi-clarke", "Femi Clarke"), PersonRef("ines-roth", "Ines Roth")],
        credits=[CreditRef("harbour-choir-2026", "femi-clarke", "director"),
                 CreditRef("lantern-2011", "ines-roth", "director")],
    ))
    review = "Femi Clarke's *Harbour Choir* is modest. “It sings,” wrote Oona Pell in *Lantern*, “and then it stops.”\n"
    assert _films(gaz, review) == {"harbour-choir-2026"}
    credit = "Femi Clarke's *Harbour Choir* is modest.\n\n> “It sings, and then it stops.”\n> — Oona Pell, *Lantern*\n"
    assert _films(gaz, credit) == {"harbour-choir-2026"}
    interview = "Femi Clarke made *Harbour Choir* late. He spoke to Oona Pell for *Lantern* in Leeds.\n"
    assert _films(gaz, interview) == {"harbour-choir-2026"}
    # Signed by someone the graph credits on that film, the title is her film.
    assert "lantern-2011" in _films(gaz, credit.replace("Oona Pell", "Ines Roth"))
    # A film a person acts in, after "in", is still the film.
    assert "lantern-2011" in _films(gaz, "Femi Clarke's *Harbour Choir* is modest. Oona Pell starred in *Lantern*.\n")


def test_the_first_word_of_a_quotation_after_its_leads_comma_opens_a_sentence():
    # "she says, “Everything that floats …”": the quotation's first word is capitalised because
    # it opens the quoted sentence, as after a full stop, not because it is a title; an
    # everyday word there is the word, whoever the article names.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("harbour-choir-2026", "Harbour Choir", 2026), FilmRef("everything-2020", "Everything", 2020)],
        people=[PersonRef("femi-clarke", "Femi Clarke")],
        credits=[CreditRef("harbour-choir-2026", "femi-clarke", "director"),
                 CreditRef("everything-2020", "femi-clarke", "director")],
    ))
    text = ("Femi Clarke knows everything about boats, and *Harbour Choir* shows it.\n\n"
            "On the quay he says, “Everything that floats wants to leave.”\n")
    assert _films(gaz, text) == {"harbour-choir-2026"}
    # Set apart, it is the film.
    assert "everything-2020" in _films(gaz, text.replace("“Everything that floats wants to leave.”", "*Everything* was first."))


def test_a_word_after_golden_or_silver_in_a_prizes_name_is_the_prize():
    # Festivals name their prizes by a metal and a creature or a thing ("the Golden Gannet",
    # "a Silver Shell"): the one-word title after it is the prize, not the film of that title.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("harbour-choir-2026", "Harbour Choir", 2026), FilmRef("gannet-2011", "Gannet", 2011),
               FilmRef("shell-1999", "Shell", 1999)],
        people=[PersonRef("femi-clarke", "Femi Clarke")],
        credits=[CreditRef("harbour-choir-2026", "femi-clarke", "director")],
    ))
    report = "Femi Clarke's *Harbour Choir* won the Golden Gannet on Saturday; its lead took a Silver Shell.\n"
    assert _films(gaz, report) == {"harbour-choir-2026"}
    # The film, set apart, is still the film.
    assert "gannet-2011" in _films(gaz, report + "The jury chair made *Gannet* in 2011.\n")


def test_a_listicle_items_heading_is_the_film_its_blurb_credits():
    # "**2. *Gannet***" over "Ines Roth's new drama …": two films carry the title, and someone
    # credited on the other is named elsewhere in the list. The blurb under the heading
    # describes the heading's film, so the person it names is as near as the heading itself.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("harbour-choir-2026", "Harbour Choir", 2026), FilmRef("gannet-2027", "Gannet", 2027),
               FilmRef("gannet-1961", "Gannet", 1961)],
        people=[PersonRef("femi-clarke", "Femi Clarke"), PersonRef("ines-roth", "Ines Roth")],
        credits=[CreditRef("harbour-choir-2026", "femi-clarke", "director"),
                 CreditRef("gannet-1961", "femi-clarke", "actor"),
                 CreditRef("gannet-2027", "ines-roth", "director")],
    ))
    listicle = ("**1. *Harbour Choir***\n\nFemi Clarke's choir film, at last.\n\n"
                "**2. *Gannet***\n\nInes Roth's new drama follows a lighthouse keeper.\n")
    assert _films(gaz, listicle) == {"harbour-choir-2026", "gannet-2027"}
    # With nobody credited named under it, the heading alone does not pick one.
    assert "gannet-2027" not in _films(gaz, listicle.replace("Ines Roth's new drama", "A new drama"))


def test_a_name_after_a_police_or_military_rank_is_a_character_whoever_the_graph_credits_so():
    # Film journalism calls real filmmakers by their jobs, never by a rank: "Sgt. X" is a part.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("the-tin-coast-2026", "The Tin Coast", 2026)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("oren-vale", "Oren Vale")],
        credits=[CreditRef("the-tin-coast-2026", "ada-moss", "actor"), CreditRef("the-tin-coast-2026", "oren-vale", "crew")],
    ))
    assert keys(gaz, "In “The Tin Coast” Ada Moss is the trooper, Sgt. Oren Vale.") == {"the-tin-coast-2026", "ada-moss"}
    assert "oren-vale" not in keys(gaz, "Ada Moss was asked about Detective Inspector Oren Vale, her part in “The Tin Coast”.")
    assert "oren-vale" not in keys(gaz, "“The Tin Coast” follows Capt. Oren Vale up a frozen river.")
    # Without the rank the name is the graph person.
    assert "oren-vale" in keys(gaz, "“The Tin Coast” was cut by Oren Vale in a month.")


def test_a_boats_name_after_its_vessel_noun_is_the_boat_in_italics_or_not():
    # Style guides set a ship's name in italics as they do a film's: the noun or prefix before it
    # says which it is, here and wherever the article names the boat again.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("good-hope-1958", "Good Hope", 1958), FilmRef("vigilant-1971", "Vigilant", 1971)],
        people=[],
    ))
    assert keys(gaz, "The crew of the lifeboat *Good Hope* never came home. *Good Hope* was found in May.") == set()
    assert keys(gaz, "He served aboard the trawler Good Hope for a decade.") == set()
    assert keys(gaz, "The wreck of HMS *Vigilant* lies off the point.") == set()
    # The film named so stays the film.
    assert keys(gaz, "The 1958 drama *Good Hope* was shot on the quay.") == {"good-hope-1958"}


# -- round thirty-one: members of the public --------------------------------------------------


def test_round_thirty_one_a_resident_or_a_fan_who_shares_a_filmmakers_name_is_not_the_filmmaker():
    # Local news and live blogs introduce the public by what they are to the story (where they
    # live, why they came): the name is theirs, whoever in the graph carries it.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("the-tin-coast-2026", "The Tin Coast", 2026), FilmRef("gannet-1961", "Gannet", 1961)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("oren-vale", "Oren Vale")],
        credits=[CreditRef("the-tin-coast-2026", "ada-moss", "director"), CreditRef("gannet-1961", "oren-vale", "actor")],
    ))
    shoot = "Ada Moss is shooting “The Tin Coast” on the quay this month."
    for public in ("Oren Vale, 64, who has lived above the bakery since 1990, shrugged.",
                   "Long-time resident Oren Vale was less pleased.",
                   "Fans spotted: Oren Vale, 19, who queued from dawn with a banner.",
                   "Oren Vale, a retired postman from the next village, watched from the bridge."):
        assert "oren-vale" not in keys(gaz, shoot, public), public
        # Named again later, still the resident.
        assert "oren-vale" not in keys(gaz, shoot, public, "Oren Vale went home at noon.")
    # Without such an introduction, the graph person.
    assert "oren-vale" in keys(gaz, shoot, "Oren Vale, who starred in the original, visited the set.")
    # Credited on a film the article sets apart: the actor, who may also live in the town.
    assert "oren-vale" in keys(gaz, "“Gannet” was shot here. Oren Vale, 84, who has lived on the quay since, smiled.")


def test_round_thirty_one_a_title_named_like_a_street_after_an_address_preposition_is_the_street():
    # "on Chapel Row", "along Calder Street", "off Mill Lane": a name ending in a street's noun
    # after an address's preposition, in plain type, is the street, here and when named again.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("quell-row-1961", "Quell Row", 1961), FilmRef("harrow-street-1966", "Harrow Street", 1966),
               FilmRef("tansy-lane-1980", "Tansy Lane", 1980)],
        people=[PersonRef("ada-moss", "Ada Moss")],
        credits=[CreditRef("tansy-lane-1980", "ada-moss", "director")],
    ))
    assert keys(gaz, "Shop signs on Quell Row were swapped for painted boards.") == set()
    assert keys(gaz, "The fans along Harrow Street waited in the rain.") == set()
    assert keys(gaz, "Parking is suspended off Tansy Lane until May.", "Tansy Lane will reopen in June.") == set()
    # The film set apart, dated, or named by its director stays the film.
    assert keys(gaz, "The crew of *Quell Row* met on Monday.") == {"quell-row-1961"}
    assert "harrow-street-1966" in keys(gaz, "She starred in Harrow Street (1966) at nineteen.")
    assert "tansy-lane-1980" in keys(gaz, "Ada Moss shot scenes for Tansy Lane in the square.")


def test_round_thirty_three_an_interviewer_of_a_publication_named_like_a_film_is_the_publication():
    # "He spoke to Nadia Moor (NM) of *Lantern*": the outlet the interviewer writes for, her
    # initials (the transcript's label) in parentheses or not, as "for *Lantern*" always was.
    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("the-tin-coast-2026", "The Tin Coast", 2026), FilmRef("lantern-1988", "Lantern", 1988)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("oren-vale", "Oren Vale")],
        credits=[CreditRef("the-tin-coast-2026", "ada-moss", "director"), CreditRef("lantern-1988", "oren-vale", "actor")],
    ))
    from newsreel.text.pipeline import process_article

    def linked(source: str) -> set[str]:
        return {m.key for m in process_article(source, graph=gaz, href=href).mentions}

    lede = "Ada Moss made *The Tin Coast* on a borrowed boat. "
    for talk in ("She spoke to Nadia Moor (NM) of *Lantern* from a kitchen in Hull.",
                 "She talked with Nadia Moor of *Lantern* by phone.",
                 "She spoke to Nadia Moor (NM) for *Lantern*."):
        assert "lantern-1988" not in linked(lede + talk), talk
    # Its own star named there is the film's: "spoke to Oren Vale of *Lantern*".
    assert "lantern-1988" in linked(lede + "She spoke to Oren Vale of *Lantern* about the old days.")


def test_round_thirty_three_a_makers_possessive_with_words_between_chooses_the_makers_film_of_a_shared_title():
    # "Moss's unrelated live-action *Lantern*": the describing words between the possessive and
    # the title do not stop it naming the maker's film of that title, as "Moss's *Lantern*" does.
    from newsreel.text.pipeline import process_article

    gaz = Gazetteer.build(KnowledgeGraph(
        films=[FilmRef("lantern-1978", "Lantern", 1978), FilmRef("lantern-2028", "Lantern", 2028)],
        people=[PersonRef("ada-moss", "Ada Moss"), PersonRef("oren-vale", "Oren Vale")],
        credits=[CreditRef("lantern-2028", "ada-moss", "director"), CreditRef("lantern-1978", "oren-vale", "director")],
    ))
    for phrase in ("Ada Moss's unrelated live-action *Lantern*", "Ada Moss's new *Lantern*"):
        # Both makers named in the paragraph: only the possessive says which film is whose.
        source = (f"Oren Vale drew *Lantern* (1978) by hand; the restored print screens the same week that "
                  f"{phrase} opens the festival.\n")
        films = [(m.surface, m.key) for m in process_article(source, graph=gaz, href=href).mentions if m.kind == "film"]
        assert films == [("Lantern", "lantern-1978"), ("Lantern", "lantern-2028")], (phrase, films)
