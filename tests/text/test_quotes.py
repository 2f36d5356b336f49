"""Quote extraction: what counts as a direct quotation, and who said it.

Every example is invented. Person mentions are built the way `find_mentions` reports them
(full name, then the surname alone once the full name has appeared), so these tests pin the
extractor alone.
"""

from __future__ import annotations

import re

from newsreel.text.quotes import extract_quotes
from newsreel.text.types import FilmRef, KnowledgeGraph, Mention, Paragraph, PersonRef, Quote

PEOPLE = {
    "Lena Okafor": "lena-okafor",
    "Tomas Reyes": "tomas-reyes",
    "Mara Quill": "mara-quill",
    "Dov Aaltonen": "dov-aaltonen",
}
FILMS = {"Salt Harbor": "salt-harbor-2025", "The Long Night of the Lantern Keepers": "lantern-keepers-2023"}
GRAPH = KnowledgeGraph(
    films=tuple(FilmRef(key, title) for title, key in FILMS.items()),
    people=tuple(PersonRef(key, name) for name, key in PEOPLE.items()),
)


class _Graph:
    """The two attributes of a gazetteer the extractor reads."""

    def __init__(self, graph: KnowledgeGraph) -> None:
        self.graph = graph
        self.films_by_key = {f.key: f for f in graph.films}
        self.people_by_key = {p.key: p for p in graph.people}


def article(*texts: str, kinds: dict[int, str] | None = None, spoilers: dict[int, str] | None = None):
    """Paragraphs, mentions and document text for `texts`, as document.py and the mentions package give them."""
    paragraphs, offset = [], 0
    for i, text in enumerate(texts):
        paragraphs.append(Paragraph(text, offset, (kinds or {}).get(i, "paragraph"), (spoilers or {}).get(i)))
        offset += len(text) + 2
    document = "\n\n".join(texts)
    mentions: list[Mention] = []
    for name, key in PEOPLE.items():
        first = document.find(name)
        if first < 0:
            continue
        surname = name.split()[-1]
        for m in re.finditer(rf"\b(?:{re.escape(name)}|{re.escape(surname)})\b", document):
            if m.start() >= first and not any(x.start <= m.start() < x.end for x in mentions):
                mentions.append(Mention("person", key, m.start(), m.end(), m.group(0)))
    for title, key in FILMS.items():
        for m in re.finditer(re.escape(title), document):
            mentions.append(Mention("film", key, m.start(), m.end(), title))
    mentions.sort(key=lambda m: m.start)
    return paragraphs, mentions, document


def quotes_of(*texts: str, **kwargs) -> list[Quote]:
    paragraphs, mentions, _ = article(*texts, **kwargs)
    return extract_quotes(paragraphs, mentions, _Graph(GRAPH))


def said(*texts: str, **kwargs) -> list[tuple[str, str | None]]:
    """(first words, speaker key or written name) for each quotation."""
    return [
        (" ".join(q.text.split()[:4]), q.speaker_key or q.speaker_name) for q in quotes_of(*texts, **kwargs)
    ]


# --- quote marks ----------------------------------------------------------------------------


def test_curly_quote_with_attribution_after_goes_to_the_named_person():
    assert said("Lena Okafor has a new film. “I shot it in nine weeks,” Okafor explained.") == [
        ("I shot it in", "lena-okafor")
    ]


def test_straight_quotes_work_like_curly_quotes():
    assert said('Lena Okafor was at the festival. "I shot it in nine weeks," Okafor explained.') == [
        ("I shot it in", "lena-okafor")
    ]


def test_quote_text_has_no_marks_and_offsets_index_the_document():
    paragraphs, mentions, document = article("Intro line here.", "“We waited all night for the tide,” said Lena Okafor.")
    (quote,) = extract_quotes(paragraphs, mentions, None)
    assert quote.text == "We waited all night for the tide"
    assert document[quote.start : quote.end] == "We waited all night for the tide,"
    assert document[quote.start - 1] == "“"


def test_quote_broken_by_attribution_is_one_quote():
    quotes = quotes_of("Tomas Reyes produced it. “It took nine days to shoot,” he said. “Nobody slept.”")
    assert len(quotes) == 1
    assert quotes[0].text == "It took nine days to shoot. Nobody slept."
    assert quotes[0].speaker_key == "tomas-reyes"


def test_quote_broken_mid_sentence_by_attribution_is_one_quote():
    quotes = quotes_of("“The boat,” Lena Okafor said, “was the hardest actor on set.”")
    assert [(q.text, q.speaker_key) for q in quotes] == [("The boat was the hardest actor on set.", "lena-okafor")]


def test_two_full_sentences_with_attribution_between_are_two_quotes():
    quotes = quotes_of("“We finished in May.” Mara Quill laughed. “Then we started again.”")
    assert len(quotes) == 2


def test_quote_running_across_paragraphs_is_one_quote():
    paragraphs, mentions, document = article(
        "Lena Okafor remembered the first day. “We had a list of forty scenes. We kept six.",
        "“The rest went into a drawer, and the drawer went into the sea,” she said.",
    )
    (quote,) = extract_quotes(paragraphs, mentions, None)
    assert quote.text.startswith("We had a list of forty scenes.")
    assert quote.text.endswith("the drawer went into the sea")
    assert quote.speaker_key == "lena-okafor"
    assert quote.start < paragraphs[1].start < quote.end <= len(document)


def test_open_quote_ends_at_paragraph_end_when_the_next_paragraph_does_not_reopen_it():
    quotes = quotes_of(
        "Lena Okafor paused. “We had a list of forty scenes and we kept six of them.",
        "The film opens in May at selected theaters.",
    )
    assert len(quotes) == 1
    assert quotes[0].text.endswith("kept six of them.")


def test_quote_inside_a_quote_is_one_quote_by_the_outer_speaker():
    quotes = quotes_of(
        "Dov Aaltonen recalled the table read. “The lead looked up and said, ‘No, I decide when this ends.’ "
        "We all went quiet,” Aaltonen said."
    )
    assert len(quotes) == 1
    assert "‘No, I decide when this ends.’" in quotes[0].text
    assert quotes[0].speaker_key == "dov-aaltonen"


def test_single_quoted_speech_counts_only_with_an_attribution():
    assert said("Tomas Reyes smiled. 'We got lucky with the weather,' Reyes said.") == [
        ("We got lucky with", "tomas-reyes")
    ]
    assert quotes_of("Tomas Reyes called the film 'Harbor Two.' It was a joke.") == []


# --- attribution before, after and inside ---------------------------------------------------


def test_verb_before_the_name_is_an_attribution():
    assert said("Mara Quill edited it. “Six scenes were plenty,” added Quill.") == [("Six scenes were plenty", "mara-quill")]


def test_full_name_with_appositive_after_the_verb():
    assert said("“We cut the storm twice,” said Mara Quill, the film's editor.") == [("We cut the storm", "mara-quill")]


def test_appositive_between_name_and_verb():
    assert said("“We cut the storm twice,” Mara Quill, the film's editor, said.") == [("We cut the storm", "mara-quill")]


def test_attribution_before_the_quote_with_a_colon():
    assert said("Lena Okafor told reporters: “The sea always wins.”") == [("The sea always wins.", "lena-okafor")]


def test_colon_introduction_names_the_speaker_without_a_speech_verb():
    assert said("Critics wanted a happier ending. Yet Lena Okafor has a different view: “The sea wins, and that is fine.”") == [
        ("The sea wins, and", "lena-okafor")
    ]


def test_pronoun_before_the_quote_goes_to_the_named_speaker():
    assert said(
        "The storm was planned for months, Lena Okafor added. “The water had to rise slowly.” "
        "She continued, “Audiences should feel trapped.”"
    ) == [("The water had to", "lena-okafor"), ("Audiences should feel trapped.", "lena-okafor")]


def test_question_quote_with_asked():
    assert said("Tomas Reyes waited. “Why would we stop now?” asked Reyes.") == [("Why would we stop", "tomas-reyes")]


def test_according_to_is_an_attribution():
    assert said("“The budget doubled in a week,” according to Tomas Reyes.") == [("The budget doubled in", "tomas-reyes")]


def test_full_stop_inside_a_quote_ends_it_and_the_next_name_starts_a_new_sentence():
    assert said(
        "Mara Quill and Tomas Reyes joined her. Quill shared, “Nobody knew it would take three days.” "
        "Reyes elaborated on the schedule."
    ) == [("Nobody knew it would", "mara-quill")]


# --- implied speakers -----------------------------------------------------------------------


def test_pronoun_goes_to_last_named_speaker():
    assert said(
        "“We shot in winter,” Lena Okafor said.",
        "“It was the only way to get the light,” she added.",
    ) == [("We shot in winter", "lena-okafor"), ("It was the only", "lena-okafor")]


def test_pronoun_goes_to_the_subject_not_the_object_of_the_sentence_before():
    assert said("Dov Aaltonen cast Mara Quill after one audition. “She was the only choice,” he said.") == [
        ("She was the only", "dov-aaltonen")
    ]


def test_pronoun_goes_to_the_person_named_nearest_before_it():
    assert said(
        "“The schedule was brutal,” Tomas Reyes said.",
        "Lena Okafor saw it differently. “We had all the time we needed,” she said.",
    ) == [("The schedule was brutal", "tomas-reyes"), ("We had all the", "lena-okafor")]


def test_unattributed_follow_on_quote_goes_to_the_previous_speaker():
    assert said(
        "“The boat sank twice,” Tomas Reyes said. “We bought a second boat.”",
        "“And then a third one, which floated.”",
    ) == [
        ("The boat sank twice.", "tomas-reyes"),
        ("And then a third", "tomas-reyes"),
    ]


def test_quote_after_a_paraphrase_goes_to_the_paraphrased_person():
    assert said("The snow was fake, Dov Aaltonen noted. “We used four tons of paper.”") == [
        ("We used four tons", "dov-aaltonen")
    ]


def test_quote_with_no_speaker_in_the_text_goes_to_nobody():
    assert said("The festival opened on a wet Thursday. “Bring an umbrella and a sense of humor.”") == [
        ("Bring an umbrella and", None)
    ]


def test_follow_on_quote_does_not_reach_back_past_an_unrelated_paragraph():
    quotes = quotes_of(
        "“The boat sank twice,” Tomas Reyes said.",
        "The festival runs through Sunday with forty films in competition.",
        "“Bring an umbrella and a sense of humor.”",
    )
    assert [q.speaker_key for q in quotes] == ["tomas-reyes", None]


def test_speaker_outside_the_graph_keeps_the_name_as_written():
    (quote,) = quotes_of("“Every night we argued about the boat,” said Priya Nair, a festival programmer.")
    assert quote.speaker_key is None
    assert quote.speaker_name == "Priya Nair"


def test_surname_of_a_speaker_outside_the_graph_reuses_the_full_name():
    quotes = quotes_of(
        "“Every night we argued about the boat,” said Priya Nair, a festival programmer.",
        "“They kept the boat in the end,” Nair said.",
    )
    assert [q.speaker_name for q in quotes] == ["Priya Nair", "Priya Nair"]


def test_anonymous_speaker_is_nobody_even_after_a_named_one():
    assert said(
        "“We start shooting in March,” Lena Okafor said.",
        "“The release date has not moved,” a studio spokesperson said.",
    ) == [("We start shooting in", "lena-okafor"), ("The release date has", None)]


# --- not quotations -------------------------------------------------------------------------


def test_scare_quotes_are_not_quotations():
    assert quotes_of(
        "Lena Okafor called the shoot a “slow siege” at the time.",
        "Their whirlwind “contract marriage” collapses by the second act, on what she thinks is her “best day.”",
    ) == []


def test_quoted_film_titles_are_not_quotations():
    assert quotes_of(
        "“Salt Harbor” opens Friday from Lantern Pictures.",
        "Her earlier films include “Glasswork,” “The Orchard” and “Salt Harbor.”",
        "“The Long Night of the Lantern Keepers.” That was the title nobody liked.",
    ) == []


def test_unknown_long_title_in_quotes_before_a_verb_is_not_a_quotation():
    assert quotes_of("“A Winter Ledger of Small Crimes” returns to theaters this fall.") == []


def test_nicknames_are_not_quotations():
    assert quotes_of("Stunt lead Ray “The Anvil” Porter did the boat scenes himself.") == []


def test_quotes_in_headings_and_captions_are_not_quotations():
    quotes = quotes_of(
        "Lena Okafor on ‘Salt Harbor’: “The sea always wins”",
        "“We shot every wave twice,” Okafor said during the tour.",
        kinds={0: "heading"},
    )
    assert [q.text for q in quotes] == ["We shot every wave twice"]


def test_short_attributed_answer_is_a_quotation():
    assert said("Would Mara Quill cut it again? “Never,” Quill said.") == [("Never", "mara-quill")]


def test_partial_quote_after_a_speech_verb_is_a_quotation():
    assert said("Tomas Reyes said the ending was “a gut punch for everyone in the room.”") == [
        ("a gut punch for", "tomas-reyes")
    ]


def test_sentence_shaped_quote_after_a_comma_is_a_quotation():
    assert len(quotes_of("The last shot lingers on the harbor, as if to say, “It will all be fine.”")) == 1


# --- spoilers -------------------------------------------------------------------------------


def test_quote_inside_a_spoiler_block_is_marked_in_spoiler():
    quotes = quotes_of(
        "“The boat had to sink,” Lena Okafor said.",
        "“And nobody could survive it,” she added.",
        spoilers={1: "salt-harbor-2025"},
    )
    assert [q.in_spoiler for q in quotes] == [False, True]


# --- short names, gender, exchanges ---------------------------------------------------------


def test_first_name_alone_goes_to_the_person_named_in_full_earlier():
    assert said(
        "Lena Okafor and her brother Dov Aaltonen run the company together.",
        "“We never agree on lunch,” Lena said.",
    ) == [("We never agree on", "lena-okafor")]


def test_shared_surname_alone_names_nobody_but_first_names_still_work():
    people = {"Ana Voss": "ana-voss", "Karl Voss": "karl-voss"}
    texts = ("Ana Voss and Karl Voss made the film.", "“We argued daily,” Voss said. “Karl won,” Ana added.")
    paragraphs, offset, document = [], 0, "\n\n".join(texts)
    for text in texts:
        paragraphs.append(Paragraph(text, offset))
        offset += len(text) + 2
    mentions = [
        Mention("person", key, m.start(), m.end(), name)
        for name, key in people.items()
        for m in re.finditer(name, document)
    ]
    mentions.sort(key=lambda m: m.start)
    quotes = extract_quotes(paragraphs, mentions, None)
    assert [(q.speaker_key, q.speaker_name) for q in quotes] == [(None, "Voss"), ("ana-voss", None)]


def test_pronoun_skips_people_the_text_genders_otherwise():
    assert said(
        "Dov Aaltonen made seven films, and he made them slowly. He never hurried, and he never apologized.",
        "The last was produced by his daughter, Mara Quill.",
        "In 1999 he told this paper that he distrusted applause. “I always want to know what they are clapping at,” he said.",
    ) == [("I always want to", "dov-aaltonen")]


def test_pronoun_in_a_paragraph_without_names_goes_to_the_previous_paragraphs_subject():
    assert said(
        "“The boat sank twice,” Tomas Reyes said.",
        "Lena Okafor rarely gives interviews. She answered our questions by email.",
        "“I wanted the sea to win,” she wrote.",
    ) == [("The boat sank twice", "tomas-reyes"), ("I wanted the sea", "lena-okafor")]


def test_bare_rejoinder_in_an_exchange_goes_to_the_speaker_before_last():
    assert said(
        "Would there be a sequel? Tomas Reyes shook his head. “No. The story is finished.”",
        "“Maybe a prequel,” Lena Okafor offered.",
        "“Not even a prequel.”",
    ) == [("No. The story is", "tomas-reyes"), ("Maybe a prequel", "lena-okafor"), ("Not even a prequel.", "tomas-reyes")]


def test_pronoun_may_fall_back_on_a_possessive_name():
    assert said("Lena Okafor's film “Salt Harbor,” she said, “is about patience.”") == [
        ("Salt Harbor is about", "lena-okafor")
    ]


def test_anonymous_lead_in_names_nobody():
    assert said("Lena Okafor finished the cut. In a statement, the studio said: “We are thrilled with the film.”") == [
        ("We are thrilled with", None)
    ]


def test_speaker_who_wrote_on_social_media_before_a_colon():
    assert said("Lena Okafor wrote on her website: “Thank you to every crew member who froze with us.”") == [
        ("Thank you to every", "lena-okafor")
    ]


def test_first_person_partial_quote_is_a_quotation():
    assert said("Lena Okafor called the shoot “the hardest thing I have ever done” at the premiere.") == [
        ("the hardest thing I", "lena-okafor")
    ]


def test_appositive_title_after_a_comma_is_not_a_quotation():
    assert quotes_of("Her next project, “The Quiet Room,” starts shooting in June.") == []


def test_list_of_quoted_verdicts_is_not_a_quotation():
    assert quotes_of("Critics called it “a triumph,” “a slog” and “the best boat movie of the decade.”") == []


def test_quote_inside_straight_quotes_with_a_nested_single_quote_before_the_attribution():
    quotes = quotes_of(
        "Tomas Reyes spoke first. \"At a test screening someone called it 'too quiet for a laptop,'\" he said. "
        "\"We proved them wrong.\""
    )
    assert len(quotes) == 1
    assert quotes[0].speaker_key == "tomas-reyes"
    assert quotes[0].text.endswith("We proved them wrong.")


def test_extraction_with_the_real_gazetteer_and_mention_finder():
    from newsreel.text.gazetteer import Gazetteer
    from newsreel.text.mentions import find_mentions

    paragraphs, _, _ = article(
        "Lena Okafor shot Salt Harbor in four winters.",
        "“I knew the last shot first,” Okafor explained. “Everything else was negotiable.”",
        "Producer Tomas Reyes agreed: “The ending never moved.”",
    )
    gazetteer = Gazetteer.build(GRAPH)
    quotes = extract_quotes(paragraphs, find_mentions(paragraphs, gazetteer), gazetteer)
    assert [(q.text, q.speaker_key) for q in quotes] == [
        ("I knew the last shot first. Everything else was negotiable.", "lena-okafor"),
        ("The ending never moved.", "tomas-reyes"),
    ]


def test_pull_quote_repeating_a_body_quote_counts_once():
    quotes = quotes_of(
        "“The sea always wins,” Lena Okafor said at the premiere.",
        "“The sea always wins.”",
        "The film opens in May.",
        kinds={1: "quote"},
    )
    assert [(q.text, q.speaker_key) for q in quotes] == [("The sea always wins", "lena-okafor")]


def test_pull_quote_credited_with_a_dash_names_its_speaker():
    assert said(
        "Tomas Reyes produced the film.",
        "“Nobody slept for nine days.” — Tomas Reyes",
        kinds={1: "quote"},
    ) == [("Nobody slept for nine", "tomas-reyes")]


def test_definite_role_after_a_quote_points_back_to_the_person_named():
    assert said("Lena Okafor spent four winters on the coast. “The sea always wins,” the director said.") == [
        ("The sea always wins", "lena-okafor")
    ]
    assert said("Lena Okafor spent four winters there. “The sea always wins,” said the 54-year-old filmmaker.") == [
        ("The sea always wins", "lena-okafor")
    ]


def test_institution_or_indefinite_speaker_names_nobody():
    assert said("Lena Okafor finished the cut. “The release is on schedule,” the studio said.") == [
        ("The release is on", None)
    ]
    assert said("Lena Okafor finished the cut. “The release is on schedule,” a Lantern Pictures spokesperson said.") == [
        ("The release is on", None)
    ]


def test_titles_and_roles_before_a_name_are_skipped():
    assert said("“We start in March,” said Dr. Lena Okafor.") == [("We start in March", "lena-okafor")]
    assert said("“We start in March,” said producer Tomas Reyes.") == [("We start in March", "tomas-reyes")]
    assert said("“We start in March,” said the film's producer, Tomas Reyes.") == [("We start in March", "tomas-reyes")]
    assert said("“We start in March,” said festival director Priya Nair.") == [("We start in March", "Priya Nair")]


def test_place_after_the_speaker_is_not_a_speaker():
    assert said("“We start in March,” said Lena Okafor at the Harbor Lights Festival.") == [
        ("We start in March", "lena-okafor")
    ]


def test_lead_in_ending_the_paragraph_before_names_the_speaker():
    assert said(
        "“The boat sank twice,” Tomas Reyes said.",
        "Lena Okafor put it more simply:",
        "“The sea always wins.”",
    ) == [("The boat sank twice", "tomas-reyes"), ("The sea always wins.", "lena-okafor")]


def test_a_short_partial_quotation_ending_a_reported_clause_is_a_quote():
    from newsreel.text.pipeline import process_article as _process
    from tests.graph import text_graph as _graph
    from .links import href as _href
    graph = _graph()
    def texts(source: str) -> list[str]:
        return [q.text for q in _process(source, graph=graph, href=_href).quotes]
    assert texts("The producer said the cast was \"delighted\".\n") == ["delighted"]
    assert texts("The editor describes his job as \"keeping the minutes\". He has done it for years.\n") == ["keeping the minutes"]
    assert texts("The buyer called it \"a love story between a town and its river\", and paid.\n") == [
        "a love story between a town and its river"]
    # A short name for a thing after "calls it" is a nickname, not a quotation.
    assert texts("Her father still calls it \"the whale picture\".\n") == []


# --- issue 13, round fourteen -----------------------------------------------------------------


def test_a_posters_or_a_taglines_words_are_no_ones_quote():
    from newsreel.text.pipeline import process_article
    from tests.graph import text_graph

    graph = text_graph()

    def found(source: str) -> list[str]:
        return [q.text for q in process_article(source, graph=graph, href=lambda kind, key: f"/{kind}/{key}").quotes]

    column = ("Start with the poster. “Some roads lead home. This one leads back.” I distrust any tagline with "
              "a full stop in the middle.\n")
    assert found(column) == []
    assert found("The tagline reads: “Every light goes out.” It does.\n") == []
    # A person quoted on the poster still speaks: the attribution says so.
    assert found("The poster quotes Ada Varga: “It is the best film I have made.”\n") == [
        "It is the best film I have made."]


# --- round twenty-nine: a broken quotation whose attribution runs long -----------------------


def test_a_quotation_broken_by_a_long_attribution_goes_on_when_its_second_part_opens_in_lower_case():
    # A profile introduces a speaker at length between the two halves of one sentence; the
    # second half opening in lower case after a comma cannot be a sentence of its own.
    found = quotes_of(
        "“Every lamp on this set has been rented twice,” says Lena Okafor, the production designer, who has "
        "dressed all three of the director's features and who spent the winter in salvage yards on two "
        "coasts, hauling back ship's lanterns and railway lamps by the van, “and you can tell from the soot.”"
    )
    assert [(q.text, q.speaker_key) for q in found] == [
        ("Every lamp on this set has been rented twice and you can tell from the soot.", "lena-okafor")]


def test_a_long_attribution_with_a_past_tense_verb_and_a_whose_clause_also_breaks_one_quotation():
    found = quotes_of(
        "“The light goes at four,” said Tomas Reyes, the cinematographer, whose last three films were shot "
        "north of the Arctic Circle in January, mostly by the glow of a single tungsten lamp carried on a "
        "sledge by a grip who has worked with him since film school, “so we shoot the wide shots first.”"
    )
    assert [(q.text[:20], q.speaker_key) for q in found] == [("The light goes at fo", "tomas-reyes")]
    assert found[0].text.endswith("so we shoot the wide shots first.")


def test_after_a_long_attribution_a_second_part_opening_a_new_sentence_is_still_its_own():
    found = quotes_of(
        "“We shoot at dawn,” said Tomas Reyes, the cinematographer, whose last three films were shot "
        "north of the Arctic Circle in January, mostly by the glow of a single tungsten lamp carried on a "
        "sledge by a grip who has worked with him since film school. “Nobody complains,” Lena Okafor said."
    )
    assert [(q.text, q.speaker_key) for q in found] == [
        ("We shoot at dawn", "tomas-reyes"), ("Nobody complains", "lena-okafor")]
