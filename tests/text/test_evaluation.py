"""Evaluation metrics, computed on hand-built gold and predictions."""

from __future__ import annotations

import pytest

from newsreel.text.evaluation import (
    EvaluationError,
    GoldArticle,
    GoldQuote,
    Prediction,
    gold_from_json,
    graph_from_json,
    headline_paragraphs,
    plain_headline,
    predict,
    quote_matches,
    PredictedQuote,
    score,
    split_headline,
)
from newsreel.text.types import KnowledgeGraph, Mention, Paragraph, ProcessedArticle, Quote, Summary

KB = {
    "films": [{"key": "anora-2024", "title": "Anora", "year": 2024}, {"key": "tar-2022", "title": "Tár", "aliases": ["Tar"]}],
    "people": [{"key": "sean-baker", "name": "Sean Baker"}, {"key": "mikey-madison", "name": "Mikey Madison"}],
    "credits": [{"film": "anora-2024", "person": "sean-baker", "role": "director"}],
}


def gold(films=(), people=(), quotes=(), spoiler_films=(), spoiler_sentences=()) -> GoldArticle:
    return GoldArticle(frozenset(films), frozenset(people), tuple(quotes), frozenset(spoiler_films), tuple(spoiler_sentences))


def prediction(films=(), people=(), quotes=(), spoiler_films=(), surfaces=None, seconds=0.01) -> Prediction:
    return Prediction(set(films), set(people), list(quotes), set(spoiler_films), surfaces or {}, seconds)


# -- knowledge graph and gold validation ---------------------------------------------------


def test_graph_from_json_reads_films_people_credits():
    graph = graph_from_json(KB)
    assert [f.key for f in graph.films] == ["anora-2024", "tar-2022"]
    assert graph.films[1].aliases == ("Tar",) and graph.films[1].year is None
    assert graph.credits[0].role == "director"


@pytest.mark.parametrize(
    "mutate, path",
    [
        (lambda kb: kb["films"][1].__setitem__("year", "2022"), "films[1].year"),
        (lambda kb: kb["films"][0].pop("title"), "films[0].title"),
        (lambda kb: kb["films"][0].__setitem__("key", "Anora 2024"), "films[0].key"),
        (lambda kb: kb["people"][1].__setitem__("aliases", "Mikey"), "people[1].aliases"),
        (lambda kb: kb["credits"][0].__setitem__("film", "nope-2022"), "credits[0].film"),
        (lambda kb: kb["credits"][0].__setitem__("role", "gaffer"), "credits[0].role"),
        (lambda kb: kb.__setitem__("people", {}), "people"),
        (lambda kb: kb["films"].append(dict(kb["films"][0])), "films[2].key"),
    ],
)
def test_bad_knowledge_graph_names_the_json_path(mutate, path):
    import copy

    kb = copy.deepcopy(KB)
    mutate(kb)
    with pytest.raises(EvaluationError, match=r"kb\.json: " + path.replace("[", r"\[").replace("]", r"\]") + ":"):
        graph_from_json(kb)


def test_gold_needs_an_entry_per_article_and_known_keys():
    graph = graph_from_json(KB)
    entry = {"films": ["anora-2024"], "people": ["sean-baker"], "quotes": [{"text_start": "I wanted", "speaker": None}],
             "spoiler_films": [], "spoiler_sentences": []}
    parsed = gold_from_json({"a.md": entry}, ["a.md"], graph)
    assert parsed["a.md"].quotes == (GoldQuote("I wanted", None),)
    with pytest.raises(EvaluationError, match="no gold for article"):
        gold_from_json({"a.md": entry}, ["a.md", "b.md"], graph)
    with pytest.raises(EvaluationError, match=r'\["a.md"\]\.people\[0\]'):
        gold_from_json({"a.md": {**entry, "people": ["nobody"]}}, ["a.md"], graph)
    with pytest.raises(EvaluationError, match=r'\["a.md"\]\.quotes\[0\]\.speaker'):
        gold_from_json({"a.md": {**entry, "quotes": [{"text_start": "x", "speaker": "nobody"}]}}, ["a.md"], graph)


def test_headline_is_split_off_and_its_line_kept_blank():
    headline, body = split_headline("# *Anora* wins\n\nSean Baker spoke.\n")
    assert headline == "*Anora* wins" and plain_headline(headline) == "Anora wins"
    assert body.splitlines()[2] == "Sean Baker spoke."  # still line 3, as in the file
    assert split_headline("No headline here.\n") == ("", "No headline here.\n")


def test_headline_paragraph_shifts_body_offsets():
    paragraphs = headline_paragraphs("Anora", [Paragraph("Body.", 0)])
    assert [(p.text, p.start, p.kind) for p in paragraphs] == [("Anora", 0, "heading"), ("Body.", 7, "paragraph")]


# -- metrics -----------------------------------------------------------------------------


def test_mention_sets_are_micro_and_macro_averaged():
    golds = {"a.md": gold(films=["f1", "f2"], people=["p1"]), "b.md": gold(films=["f3"], people=["p2", "p3"])}
    predictions = {"a.md": prediction(films=["f1", "fx"], people=["p1"]), "b.md": prediction(films=["f3"], people=["p2"])}
    result = score(golds, predictions)
    films = result["films"]
    assert (films["true_positives"], films["false_positives"], films["false_negatives"]) == (2, 1, 1)
    assert films["precision"] == pytest.approx(2 / 3, abs=1e-4) and films["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert films["macro_precision"] == pytest.approx((0.5 + 1) / 2, abs=1e-4)
    assert films["macro_recall"] == pytest.approx((0.5 + 1) / 2, abs=1e-4)
    assert result["people"]["precision"] == 1.0 and result["people"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert result["mentions"]["true_positives"] == 4 and result["mentions"]["false_positives"] == 1


def test_film_and_person_with_the_same_key_are_not_confused_in_the_combined_score():
    result = score({"a.md": gold(films=["x"])}, {"a.md": prediction(people=["x"])})
    assert result["mentions"]["true_positives"] == 0


def test_empty_gold_and_empty_prediction_is_perfect():
    result = score({"a.md": gold()}, {"a.md": prediction()})
    assert result["films"]["precision"] == result["films"]["recall"] == 1.0


def test_quote_matching_ignores_case_quote_marks_and_punctuation():
    assert quote_matches("\u201cI didn\u2019t want", "i didn't want to make a disaster film,")
    assert quote_matches("Wren isn't brave,", "\"Wren isn't brave\"")
    assert not quote_matches("Wren is brave", "Wren isn't brave")
    assert not quote_matches("", "anything")


def test_quote_recall_attribution_and_false_quotes():
    golds = {
        "a.md": gold(quotes=[GoldQuote("We shot it in", "sean-baker"), GoldQuote("Nobody knew", None), GoldQuote("Never again", "x")]),
        "b.md": gold(),
    }
    predictions = {
        "a.md": prediction(quotes=[("we shot it in Brooklyn", "sean-baker"), ("Nobody knew why", "mikey-madison"),
                                   ("a scare quote", None)]),
        "b.md": prediction(quotes=[("another false one", None)]),
    }
    quotes = score(golds, predictions)["quotes"]
    assert quotes["gold"] == 3 and quotes["found"] == 2 and quotes["extracted"] == 4
    assert quotes["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert quotes["attribution_accuracy"] == 0.5
    assert quotes["false_quotes"] == 2 and quotes["false_quotes_per_10_articles"] == 10.0


def test_one_extracted_quote_matches_at_most_one_gold_quote():
    golds = {"a.md": gold(quotes=[GoldQuote("Yes", None), GoldQuote("Yes", None)])}
    quotes = score(golds, {"a.md": prediction(quotes=[("Yes, she said.", None)])})["quotes"]
    assert quotes["found"] == 1 and quotes["false_quotes"] == 0


def test_null_speaker_must_be_null():
    golds = {"a.md": gold(quotes=[GoldQuote("Nobody knew", None)])}
    assert score(golds, {"a.md": prediction(quotes=[("Nobody knew", "sean-baker")])})["quotes"]["attribution_accuracy"] == 0.0


def test_spoiler_sentences_found_in_any_excerpt_are_leaks():
    golds = {"a.md": gold(spoiler_films=["anora-2024"], spoiler_sentences=["Ani marries Vanya", "the car scene"])}
    surfaces = {"summary": "A comedy. ANI  marries\nVanya in Vegas.", "meta_description": "A comedy.", "safe_text": "A comedy."}
    result = score(golds, {"a.md": prediction(spoiler_films=["anora-2024"], surfaces=surfaces)})
    assert result["spoilers"]["leaks"] == 1
    assert result["spoilers"]["leaked"] == [{"article": "a.md", "phrase": "Ani marries Vanya", "surface": "summary"}]
    assert result["spoilers"]["spoiler_films_exact"] == 1


def test_a_phrase_only_matches_whole_words():
    golds = {"a.md": gold(spoiler_sentences=["he dies"])}
    surfaces = {"summary": "She dies laughing."}
    assert score(golds, {"a.md": prediction(surfaces=surfaces)})["spoilers"]["leaks"] == 0


def test_timing_and_details():
    golds = {"a.md": gold(films=["f1"]), "b.md": gold()}
    predictions = {"a.md": prediction(seconds=0.002), "b.md": prediction(seconds=0.004)}
    result = score(golds, predictions, details=True)
    assert result["articles"] == 2
    assert result["timing"]["mean_ms_per_article"] == 3.0 and result["timing"]["max_ms_per_article"] == 4.0
    assert result["details"] == {"a.md": {"films_missed": ["f1"], "films_wrong": [], "people_missed": [], "people_wrong": [],
                                          "quotes_missed": [], "quotes_misattributed": [], "false_quotes": []}}


def test_predict_reads_the_pipeline_output_and_every_excerpt_surface():
    processed = ProcessedArticle(
        html="", safe_text="Safe text.", paragraphs=[], spoiler_films=["anora-2024"], spoiler_note="", spoiler_note_html="",
        reading_minutes=1, word_count=2,
        mentions=[Mention("film", "anora-2024", 0, 5, "Anora"), Mention("person", "sean-baker", 10, 20, "Sean Baker")],
        quotes=[Quote("We shot it. Twice.", 0, 10, speaker_key="sean-baker", confidence=0.9, fragment_starts=(12,), kind="qa")],
        summary=Summary(text="Summary.", short="Short."),
        feed_html="<p>Feed &amp; body.</p>",
    )
    extra = [Mention("film", "tar-2022", 0, 3, "Tár")]
    result = predict(processed, seconds=0.5, extra_mentions=extra)
    assert result.films == {"anora-2024", "tar-2022"} and result.people == {"sean-baker"}
    assert result.quotes == [PredictedQuote("We shot it. Twice.", "sean-baker", 0.9, (12,), "qa")]
    assert result.surfaces == {"safe_text": "Safe text.", "summary": "Summary.", "meta_description": "Short.",
                               "feed_html": " Feed & body. "}
    assert result.seconds == 0.5 and result.spoiler_films == {"anora-2024"}


def test_graph_from_json_of_an_empty_object_is_an_empty_graph():
    assert graph_from_json({}) == KnowledgeGraph()


# -- the command, end to end on a tiny set (no database) ------------------------------------


def write_set(directory, kb=None, gold_data=None):
    import json

    (directory / "articles").mkdir()
    (directory / "kb.json").write_text(json.dumps(kb or KB), encoding="utf-8")
    (directory / "articles" / "a.md").write_text(
        "# *Anora* wins in Cannes\n\nSean Baker's Anora won the top prize. \"We made it for nothing,\" Baker said.\n\n"
        ":::spoiler anora-2024\nAni marries Vanya in Las Vegas.\n:::\n",
        encoding="utf-8",
    )
    gold_data = gold_data or {
        "a.md": {"films": ["anora-2024"], "people": ["sean-baker"],
                 "quotes": [{"text_start": "We made it for nothing", "speaker": "sean-baker"}],
                 "spoiler_films": ["anora-2024"], "spoiler_sentences": ["Ani marries Vanya"]}
    }
    (directory / "gold.json").write_text(json.dumps(gold_data), encoding="utf-8")


def test_evaluate_command_prints_one_json_object(tmp_path):
    import io
    import json

    from django.core.management import call_command

    write_set(tmp_path)
    out = io.StringIO()
    call_command("evaluate", str(tmp_path), stdout=out)
    result = json.loads(out.getvalue())
    assert result["articles"] == 1
    assert result["films"]["precision"] == 1.0 and result["people"]["recall"] == 1.0
    assert result["spoilers"]["leaks"] == 0 and result["spoilers"]["spoiler_films_exact"] == 1
    assert set(result["timing"]) >= {"mean_ms_per_article", "gazetteer_build_seconds"}


def test_evaluate_command_measures_articles_that_show_pictures(tmp_path):
    # A set has no image library: a picture an article shows (alone, captioned under it, in a
    # figure block, with or without a credit) is not what it measures, and stops nothing.
    import io
    import json

    from django.core.management import call_command

    write_set(tmp_path)
    article = tmp_path / "articles" / "a.md"
    headline, body = article.read_text(encoding="utf-8").split("\n\n", 1)
    article.write_text(f"{headline}\n\n![The director on the steps](stills/one.jpg)\n*The steps at dusk.*\n\n"
                       f"![](stills/two.jpg)\n\n:::figure\n![A crowd](three.jpg)\nThe crowd.\n:::\n\n{body}",
                       encoding="utf-8")
    out = io.StringIO()
    call_command("evaluate", str(tmp_path), stdout=out)
    result = json.loads(out.getvalue())
    assert result["films"]["precision"] == 1.0 and result["people"]["recall"] == 1.0
    assert result["quotes"]["recall"] == 1.0 and result["spoilers"]["leaks"] == 0


def test_evaluate_command_names_the_bad_json_path(tmp_path):
    from django.core.management import CommandError, call_command

    bad = {**KB, "films": [{"key": "anora-2024", "title": "Anora", "year": "soon"}]}
    write_set(tmp_path, kb=bad)
    with pytest.raises(CommandError, match=r"kb\.json: films\[0\]\.year: must be a whole number"):
        call_command("evaluate", str(tmp_path))


def test_evaluate_command_names_invalid_json_by_line(tmp_path):
    from django.core.management import CommandError, call_command

    write_set(tmp_path)
    (tmp_path / "gold.json").write_text('{\n  "a.md": ,\n}', encoding="utf-8")
    with pytest.raises(CommandError, match=r"gold\.json, line 2"):
        call_command("evaluate", str(tmp_path))


def test_a_quotation_kept_whole_across_its_attribution_holds_both_gold_quotes_but_only_one_strictly():
    golds = {"a.md": gold(quotes=[GoldQuote("It works", "sean-baker"), GoldQuote("Every time", "sean-baker")])}
    whole = PredictedQuote("It works. Every time.", "sean-baker", 0.95, (10,))
    quotes = score(golds, {"a.md": prediction(quotes=[whole])})["quotes"]
    assert quotes["found"] == 2 and quotes["recall"] == 1.0 and quotes["recall_strict"] == 0.5
    assert quotes["false_quotes"] == 0


def test_a_gold_quote_inside_a_fragment_but_not_at_its_start_is_not_found():
    golds = {"a.md": gold(quotes=[GoldQuote("every time", None)])}
    quotes = score(golds, {"a.md": prediction(quotes=[PredictedQuote("It works every time.", None)])})["quotes"]
    assert quotes["found"] == 0


def test_transcript_answers_are_counted_apart_from_speech():
    golds = {"a.md": gold(quotes=[GoldQuote("Yes, I did", "sean-baker", kind="qa"), GoldQuote("Never again", None)])}
    quotes = score(golds, {"a.md": prediction(quotes=[("Yes, I did", "sean-baker")])})["quotes"]
    assert quotes["by_kind"] == {"qa": {"gold": 1, "recall": 1.0, "attribution_accuracy": 1.0},
                                 "speech": {"gold": 1, "recall": 0.0, "attribution_accuracy": 1.0}}


def test_a_sure_quote_given_to_someone_who_did_not_say_it_is_on_the_wrong_page_and_an_unsure_one_is_held():
    golds = {"a.md": gold(quotes=[GoldQuote("We added screens", None), GoldQuote("It will fade", None),
                                  GoldQuote("I loved it", "sean-baker")])}
    predicted = [PredictedQuote("We added screens", "sean-baker", 0.95), PredictedQuote("It will fade", "sean-baker", 0.6),
                 PredictedQuote("I loved it", "sean-baker", 0.9), PredictedQuote("a made-up line", "sean-baker", 0.9)]
    quotes = score(golds, {"a.md": prediction(quotes=predicted)})["quotes"]
    assert quotes["on_wrong_page"] == 2 and quotes["given_to_the_wrong_person_at_any_confidence"] == 2
    assert quotes["person_pages"] == {"precision": round(1 / 3, 4), "recall": 1.0, "shown": 3, "held_for_an_editor": 1}


def test_a_quote_kind_other_than_speech_or_qa_names_its_json_path():
    graph = graph_from_json({"people": [{"key": "p", "name": "P"}]})
    with pytest.raises(EvaluationError, match=r'\["a.md"\]\.quotes\[0\]\.kind'):
        gold_from_json({"a.md": {"quotes": [{"text_start": "x", "speaker": "p", "kind": "answer"}]}}, ["a.md"], graph)


def test_figures_per_format_when_the_gold_names_formats():
    golds = {"a.md": GoldArticle(frozenset(), frozenset(), (GoldQuote("Yes", None, "qa"),), frozenset(), (), "qa"),
             "b.md": GoldArticle(frozenset(), frozenset(), (), frozenset(), (), "review")}
    result = score(golds, {"a.md": prediction(quotes=[("Yes", None)]), "b.md": prediction()})
    assert set(result["by_format"]) == {"qa", "review"}
    assert result["by_format"]["qa"]["quotes"]["recall"] == 1.0
