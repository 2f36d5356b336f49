"""Generated summaries: extractive, 1-3 sentences, spoiler-safe, with a short form that fits."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsreel.text.summary import ELLIPSIS, cut_at_word, summarize
from newsreel.text.types import Paragraph, Summary

EVALSET = Path(__file__).resolve().parent.parent / "evalset"


def paras(*blocks: str | tuple[str, str] | tuple[str, str, str]) -> list[Paragraph]:
    """Paragraphs from texts, or (text, kind) / (text, kind, spoiler film) tuples."""
    out, offset = [], 0
    for block in blocks:
        text, kind, film = (block, "paragraph", None) if isinstance(block, str) else (*block, None)[:3]
        out.append(Paragraph(text, offset, kind, film))
        offset += len(text) + 2
    return out


LEAD = (
    "The Harbor Lights festival will open on June 4 with Lena Okafor's Salt Harbor, a drama shot over four winters "
    "on the northern coast."
)
ARTICLE = paras(
    LEAD,
    "Organizers said the festival received a record 3,200 submissions this year, up 40 percent on the last edition.",
    "“We have never seen anything like it,” said programmer Priya Nair. “Every week the pile doubled.”",
    "But not everyone is pleased. Several distributors have complained about the festival's new ticketing rules.",
    "The festival runs through June 14, with screenings in four venues across the old harbor district.",
)


def test_summary_is_extractive_and_made_of_whole_sentences_from_the_text():
    summary = summarize(ARTICLE, headline="Salt Harbor to open Harbor Lights festival")
    body = " ".join(p.text for p in ARTICLE)
    assert summary.text
    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z“])", summary.text):
        assert sentence in body


def test_summary_is_one_to_three_sentences():
    summary = summarize(ARTICLE, headline="Festival news")
    count = len(re.findall(r"[.!?](?:\s|$)", summary.text))
    assert 1 <= count <= 3
    one = summarize(ARTICLE, headline="Festival news", max_sentences=1)
    assert one.text == LEAD


def test_lead_sentence_is_the_baseline_choice():
    assert summarize(ARTICLE, headline="Salt Harbor to open Harbor Lights festival").text.startswith(LEAD)


def test_summary_is_deterministic():
    first = summarize(ARTICLE, headline="Salt Harbor to open Harbor Lights festival")
    assert all(summarize(ARTICLE, headline="Salt Harbor to open Harbor Lights festival") == first for _ in range(5))


def test_summary_never_uses_spoiler_paragraphs():
    blocks = paras(
        ("In the final scene the keeper opens the sluice gates and the village drowns.", "paragraph", "salt-harbor-2025"),
        "Salt Harbor opens on Friday in twelve cities after a long festival run.",
        ("The keeper turns out to be the widow's sister, hiding in the lighthouse all along.", "paragraph", "salt-harbor-2025"),
        "Lena Okafor directed the film from her own script, her third feature.",
    )
    summary = summarize(blocks, headline="The keeper and the village: Salt Harbor's ending explained")
    for spoiler in ("sluice", "drowns", "sister", "lighthouse"):
        assert spoiler not in summary.text
        assert spoiler not in summary.short


def test_only_spoiler_paragraphs_give_an_empty_summary():
    blocks = paras(("The keeper opens the sluice gates in the final scene.", "paragraph", "salt-harbor-2025"))
    assert summarize(blocks) == Summary(text="", short="")


def test_summary_never_uses_headings_captions_notes_tables_lists_or_block_quotes():
    blocks = paras(
        ("Salt Harbor opens the festival with a record crowd expected", "heading"),
        ("Lena Okafor on the set of Salt Harbor in a storm over the harbor. Photo: Lantern Pictures", "caption"),
        ("Editor's note: this story was updated with the festival's new dates and venues.", "note"),
        ("Venue | Seats | Screenings for the opening night gala", "table"),
        ("Tickets go on sale Monday morning at the box office and online.", "list"),
        ("We have never seen a festival like this one in our lives, the crowd said.", "quote"),
        "The festival has moved its opening night to the old harbor warehouse this year.",
    )
    summary = summarize(blocks, headline="Salt Harbor opens the festival")
    assert summary.text == "The festival has moved its opening night to the old harbor warehouse this year."


def test_empty_input_gives_an_empty_summary():
    assert summarize([]) == Summary(text="", short="")
    assert summarize(paras(("A heading only", "heading"))) == Summary(text="", short="")


def test_mostly_quoted_sentence_loses_to_a_plain_one():
    blocks = paras(
        "“This is the most important festival we have ever run, and I mean that sincerely,” said Priya Nair.",
        "The Harbor Lights festival opens on June 4 with a record program of ninety films.",
    )
    summary = summarize(blocks, headline="Harbor Lights festival opens", max_sentences=1)
    assert summary.text == "The Harbor Lights festival opens on June 4 with a record program of ninety films."


def test_sentence_opening_with_a_dangling_connector_or_pronoun_loses_to_a_better_one():
    blocks = paras(
        "The Harbor Lights festival announced its full program on Tuesday.",
        "But the lineup drew complaints from distributors over the new ticketing rules for the festival program.",
        "He said the festival program was the strongest in years.",
        "Distributors met festival organizers on Wednesday to discuss the ticketing rules for the program.",
    )
    summary = summarize(blocks, headline="Festival program ticketing rules", max_sentences=2)
    assert not summary.text.startswith(("But", "He"))
    assert " But " not in summary.text and " He said" not in summary.text


def test_headline_words_pull_a_sentence_into_the_summary():
    blocks = paras(
        "The weekend was quiet at cinemas across the country, with most holdovers down by half.",
        "Several smaller releases expanded into new markets without much effect on the chart.",
        "Copper Sky took an estimated $31 million to lead the box office for a second weekend.",
        "Analysts expect a busier frame next week when two family films arrive.",
    )
    summary = summarize(blocks, headline="Copper Sky leads box office again with $31 million", max_sentences=1)
    assert summary.text.startswith("Copper Sky took")


def test_boilerplate_and_shouted_taglines_are_not_summary_material():
    blocks = paras(
        "THE HARBOR GAZETTE - YOUR SOURCE FOR FILM NEWS. FOLLOW US ON SOCIAL MEDIA FOR MORE UPDATES",
        "Previous",
        "Salt Harbor will open the festival on June 4 after a long and expensive shoot.",
    )
    assert summarize(blocks).text == "Salt Harbor will open the festival on June 4 after a long and expensive shoot."


def test_short_keeps_whole_sentences_when_they_fit():
    summary = summarize(ARTICLE, headline="Salt Harbor to open Harbor Lights festival", short_length=300)
    assert summary.short.startswith(LEAD)
    assert not summary.short.endswith(ELLIPSIS)
    assert len(summary.short) <= 300


@pytest.mark.parametrize("limit", [40, 80, 120, 160, 200])
def test_short_fits_its_length_and_is_cut_at_a_word_with_an_ellipsis(limit):
    summary = summarize(ARTICLE, headline="Salt Harbor festival", short_length=limit)
    assert 0 < len(summary.short) <= limit
    if summary.short.endswith(ELLIPSIS):
        cut = summary.short[: -len(ELLIPSIS)]
        assert summary.text.startswith(cut)
        # The cut falls between words: after it comes a space or the punctuation it dropped.
        assert summary.text[len(cut)] in " ,;:—–"


def test_cut_at_word_leaves_short_text_alone_and_cuts_long_text_at_a_word():
    assert cut_at_word("A short line.", 160) == "A short line."
    assert cut_at_word("Salt Harbor opens the festival tonight", 20) == "Salt Harbor opens…"
    assert cut_at_word("one, two, three four", 11) == "one, two…"
    assert len(cut_at_word("x" * 50, 10)) == 10


def test_generated_summaries_of_the_evaluation_articles_hold_no_spoiler_sentence():
    from newsreel.text.document import parse_document
    from newsreel.text.types import FilmRef

    checked = 0
    for part in ("tune", "holdout"):
        directory = EVALSET / part
        if not (directory / "gold.json").exists():
            continue
        kb = json.loads((directory / "kb.json").read_text())
        films = [FilmRef(f["key"], f["title"], f.get("year"), tuple(f.get("aliases", ()))) for f in kb["films"]]
        gold = json.loads((directory / "gold.json").read_text())
        for name, expected in gold.items():
            first, _, body = (directory / "articles" / name).read_text().partition("\n")
            document = parse_document(body, films=films, images=lambda ref: None)
            summary = summarize(document.paragraphs, headline=first.lstrip("# "))
            assert summary.text
            for phrase in expected.get("spoiler_sentences", []):
                assert phrase not in summary.text and phrase not in summary.short, (name, phrase)
            checked += 1
    assert checked >= 12
