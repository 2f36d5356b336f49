"""The sentence splitter: spans into the text, news-copy abbreviations, quotes and decimals."""

from __future__ import annotations

import pytest

from newsreel.text.sentences import sentence_texts, split_sentences


def test_spans_index_the_text_and_exclude_surrounding_space():
    text = "  The premiere ran late.  Nobody minded.\n"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["The premiere ran late.", "Nobody minded."]
    assert spans[0][0] == 2


def test_empty_and_blank_text_has_no_sentences():
    assert split_sentences("") == []
    assert split_sentences("   \n\n  ") == []


def test_text_without_a_final_full_stop_is_one_sentence():
    assert sentence_texts("Coming soon to a theater near you") == ["Coming soon to a theater near you"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr. Vance met Dr. Ilse Marr at the door. They talked.", ["Mr. Vance met Dr. Ilse Marr at the door.", "They talked."]),
        ("Mrs. Doyle and Ms. Park arrived. Prof. Lund did not.", ["Mrs. Doyle and Ms. Park arrived.", "Prof. Lund did not."]),
        ("The set was built on St. Agnes Road. It burned down.", ["The set was built on St. Agnes Road.", "It burned down."]),
        ("The film is No. 1 this week. It was No. 3 last week.", ["The film is No. 1 this week.", "It was No. 3 last week."]),
        ("It opens Sept. 12 in London. Tickets sell fast.", ["It opens Sept. 12 in London.", "Tickets sell fast."]),
    ],
)
def test_titles_and_abbreviations_before_names_and_numbers_do_not_end_sentences(text, expected):
    assert sentence_texts(text) == expected


def test_initials_do_not_end_sentences():
    assert sentence_texts("The script went to J. J. Wexley first. He passed.") == [
        "The script went to J. J. Wexley first.",
        "He passed.",
    ]
    assert sentence_texts("Written by T. R. Obi and directed by K. Lam. It runs two hours.") == [
        "Written by T. R. Obi and directed by K. Lam.",
        "It runs two hours.",
    ]


def test_dotted_abbreviations_end_a_sentence_only_before_a_sentence_opener():
    assert sentence_texts("It grossed more in the U.S. The studio was pleased.") == [
        "It grossed more in the U.S.",
        "The studio was pleased.",
    ]
    assert sentence_texts("The U.S. Box Office chart moved. Fine.") == ["The U.S. Box Office chart moved.", "Fine."]
    assert sentence_texts("The tour reaches L.A. Friday and ends there.") == ["The tour reaches L.A. Friday and ends there."]
    assert sentence_texts("Some genres, e.g. Westerns, came back.") == ["Some genres, e.g. Westerns, came back."]


def test_decimals_times_and_money_stay_in_one_sentence():
    assert sentence_texts("The film made $2.5 million by 9 p.m. on Friday. That beat 1.8 million.") == [
        "The film made $2.5 million by 9 p.m. on Friday.",
        "That beat 1.8 million.",
    ]


def test_company_abbreviation_can_end_a_sentence():
    assert sentence_texts("It was sold to Brightline Bros. The deal closed in May.") == [
        "It was sold to Brightline Bros.",
        "The deal closed in May.",
    ]
    assert sentence_texts("Brightline Bros. Pictures bought it.") == ["Brightline Bros. Pictures bought it."]


def test_quote_ending_a_sentence_stays_with_its_sentence():
    assert sentence_texts("She said, “We are done.” Then she left.") == ["She said, “We are done.”", "Then she left."]
    assert sentence_texts('He said, "We are done." Then he left.') == ['He said, "We are done."', "Then he left."]


def test_question_or_exclamation_inside_a_quote_continues_into_its_attribution():
    assert sentence_texts("“Why now?” she asked. “Because it was time!” he said.") == [
        "“Why now?” she asked.",
        "“Because it was time!” he said.",
    ]


def test_next_sentence_may_open_with_a_quote_mark_or_a_number():
    assert sentence_texts("He paused. “Ask me tomorrow.”") == ["He paused.", "“Ask me tomorrow.”"]
    assert sentence_texts("It premiered in 2019. 2020 was quieter.") == ["It premiered in 2019.", "2020 was quieter."]


def test_ellipsis_ends_a_sentence_only_before_a_capital():
    assert sentence_texts("The ending… it stays with you. Really.") == ["The ending… it stays with you.", "Really."]
    assert sentence_texts("We waited... Then the rain came.") == ["We waited...", "Then the rain came."]


def test_closing_parenthesis_belongs_to_the_sentence_it_closes():
    assert sentence_texts("(The cut was final.) Then came the tour.") == ["(The cut was final.)", "Then came the tour."]


def test_blank_line_always_ends_a_sentence():
    assert sentence_texts("A heading without a stop\n\nthe body starts here.") == [
        "A heading without a stop",
        "the body starts here.",
    ]


def test_lowercase_after_a_full_stop_does_not_start_a_sentence():
    assert sentence_texts("The vote was 5 vs. 4 in the end.") == ["The vote was 5 vs. 4 in the end."]


def test_no_is_a_word_when_not_before_a_number():
    assert sentence_texts("No. That never happened.") == ["No.", "That never happened."]


def test_attribution_after_a_quoted_question_stays_in_its_sentence():
    assert sentence_texts("“Why now?” Lena Okafor asked. Nobody answered.") == [
        "“Why now?” Lena Okafor asked.",
        "Nobody answered.",
    ]
    assert sentence_texts("“Is it over?” asked Reyes. It was.") == ["“Is it over?” asked Reyes.", "It was."]
    assert sentence_texts("“Is it over?” The question hung there.") == ["“Is it over?”", "The question hung there."]
