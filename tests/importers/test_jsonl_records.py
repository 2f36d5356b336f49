"""JSON Lines records become draft fields without Django or a database."""

from __future__ import annotations

import datetime as dt
import json

from newsreel.importers.jsonl import figures_from_images, parse_line, split_title

BASE = "https://news.example"


def record(**fields) -> str:
    data = {"title": "Harbor Lights opens the festival", "slug": "harbor-lights-opens", "date": "2026-03-02T09:00:00",
            "author": "Ada Varga", "tags": ["festivals", "Harbor Lights"], "summary": "The festival opened with it.",
            "body_markdown": "The lights came on.\n", **fields}
    return json.dumps(data)


def test_a_corpus_record_maps_to_the_drafts_fields():
    parsed = parse_line(record(id=7, word_count=4, summary_markdown="*x*"), 3, media_base=BASE)
    assert parsed.line == 3 and parsed.errors == [] and parsed.warnings == []
    fields = parsed.fields
    assert fields["headline"] == "Harbor Lights opens the festival"
    assert fields["slug"] == "harbor-lights-opens"
    assert fields["authors"] == ["Ada Varga"]
    assert fields["tags"] == ["festivals", "Harbor Lights"]
    assert fields["summary"] == "The festival opened with it."
    assert fields["publish_at"] == dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)
    assert fields["body"] == "The lights came on.\n"


def test_a_titled_image_becomes_a_figure_credited_from_its_parentheses():
    body, warnings, origin = figures_from_images(
        'Intro.\n\n![Still from Harbor Lights](/images/inline/a.jpg "Harbor Lights (Kestrel Films)")\n\nMore.', media_base=BASE)
    assert warnings == []
    assert body.split("\n") == [
        "Intro.", "", ':::figure credit="Kestrel Films"', "![Still from Harbor Lights](https://news.example/images/inline/a.jpg)",
        "Harbor Lights", ":::", "", "More."]
    assert origin == [1, 2, 3, 3, 3, 3, 4, 5]


def test_a_title_without_parentheses_is_all_credit():
    assert split_title("Photo: Kestrel Films") == ("", "Photo: Kestrel Films")
    assert split_title("Opening night (Photo: Jo Ray)") == ("Opening night", "Photo: Jo Ray")


def test_an_image_without_a_title_has_no_credit_and_is_dropped_with_a_warning_naming_its_line():
    body, warnings, _ = figures_from_images("One.\n![A still](/images/a.jpg)\nTwo.", media_base=BASE)
    assert body == "One.\nTwo."
    assert [(w.field, w.line) for w in warnings] == [("body_markdown", 2)]
    assert "no credit" in warnings[0].message


def test_an_image_inside_a_figure_block_keeps_the_writers_form():
    text = ':::figure credit="Photo: Jo Ray"\n![A still](/images/a.jpg)\nCaption\n:::'
    body, warnings, _ = figures_from_images(text, media_base=BASE)
    assert warnings == [] and body == text.replace("/images/a.jpg", "https://news.example/images/a.jpg")


def test_a_hero_image_without_file_or_credit_is_left_out_with_a_warning():
    parsed = parse_line(record(hero_image="/images/hero/a.jpg", hero_alt="A still"), 1, media_base=BASE)
    assert [w.field for w in parsed.warnings] == ["hero_image"]
    assert "hero_image" not in parsed.fields


def test_bad_fields_are_errors_naming_the_field():
    parsed = parse_line(record(title="", tags="x" and 5, date="next tuesday"), 4, media_base=BASE)
    assert sorted(e.field for e in parsed.errors) == ["date", "tags", "title"]


def test_a_line_that_is_not_json_is_an_error():
    parsed = parse_line('{"title": "Half a rec', 9, media_base=BASE)
    assert [e.field for e in parsed.errors] == ["json"] and "not valid JSON" in parsed.errors[0].message


def test_unknown_fields_are_warnings_not_errors():
    parsed = parse_line(record(mood="sunny"), 1, media_base=BASE)
    assert parsed.errors == [] and [w.field for w in parsed.warnings] == ["mood"]
