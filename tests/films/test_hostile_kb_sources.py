"""`import-kb --source` files mutated by the fuzzing of 2026-12-06 (a field of the wrong shape,
nesting thousands deep, a column too many): each is an error naming the file and line, or the
field read as absent, never a traceback; nothing is imported from a file refused."""

from __future__ import annotations

import json
import shutil

import pytest
from django.core.management import CommandError

from newsreel.films.models import Credit, Film, Person

from tests.films.test_kb_sources import SOURCES, import_kb

pytestmark = pytest.mark.django_db


def test_an_imdb_line_with_a_column_more_than_its_header_is_named_not_a_crash(tmp_path):
    shutil.copytree(SOURCES / "imdb", tmp_path / "imdb")
    crew = tmp_path / "imdb" / "title.crew.tsv"
    lines = crew.read_text().split("\n")
    lines[2] += "\tnm1"
    crew.write_text("\n".join(lines))
    with pytest.raises(CommandError, match=r"title.crew.tsv, line 3: expected 3 tab-separated columns .* found 4"):
        import_kb(str(tmp_path / "imdb"), "--source", "imdb")
    assert not Film.objects.exists()


def test_imdb_columns_its_header_adds_after_its_own_are_read_past(tmp_path):
    shutil.copytree(SOURCES / "imdb", tmp_path / "imdb")
    crew = tmp_path / "imdb" / "title.crew.tsv"
    crew.write_text("\n".join(line + ("\tnewColumn" if number == 0 else "\tx")
                              for number, line in enumerate(crew.read_text().strip().split("\n"))) + "\n")
    assert "films: 5 new" in import_kb(str(tmp_path / "imdb"), "--source", "imdb")


@pytest.mark.parametrize("characters, problem", [
    ("[" * 100_000 + "]" * 100_000, "at character 500 of the field, nested too deep: more than 500 levels"),
    ('["The Keeper", ' + "9" * 5000 + "]", r"at character 16 of the field, a number with more than 4,300 digits \(5,000\)"),
    ('["The Keeper", NaN]', "at character 16 of the field, NaN is not a JSON value"),
])
def test_imdb_characters_past_the_json_reader_are_named(tmp_path, characters, problem):
    shutil.copytree(SOURCES / "imdb", tmp_path / "imdb")
    principals = tmp_path / "imdb" / "title.principals.tsv"
    principals.write_text(principals.read_text().replace('["The Keeper"]', characters))
    with pytest.raises(CommandError, match=r"title.principals.tsv, line 3: characters .* is not a JSON list of names: "
                                           + problem):
        import_kb(str(tmp_path / "imdb"), "--source", "imdb")


@pytest.mark.parametrize("change", [
    lambda entity: entity.update(labels={"en": {"value": 5}}),
    lambda entity: entity["claims"]["P31"][0].update(mainsnak=["value"]),
    lambda entity: entity["claims"]["P31"][0]["mainsnak"].update(datavalue="Q11424"),
    lambda entity: entity["claims"]["P577"][0]["mainsnak"]["datavalue"]["value"].update(precision="day"),
    lambda entity: entity["claims"]["P161"][0].update(qualifiers=[1]),
    lambda entity: entity["claims"]["P161"][0].update(qualifiers={"P4633": [["Mara"]]}),
])
def test_a_wikidata_field_of_the_wrong_shape_is_read_as_absent(tmp_path, change):
    lines = (SOURCES / "wikidata.json").read_text().split("\n")
    entity = json.loads(lines[1].rstrip(","))
    change(entity)
    lines[1] = json.dumps(entity) + ","
    dump = tmp_path / "dump.json"
    dump.write_text("\n".join(lines))
    assert "Imported" in import_kb(str(dump), "--source", "wikidata")


def test_a_wikidata_line_nested_thousands_deep_is_named(tmp_path):
    lines = (SOURCES / "wikidata.json").read_text().split("\n")
    lines[2] = "[" * 100_000 + "]" * 100_000 + ","
    dump = tmp_path / "dump.json"
    dump.write_text("\n".join(lines))
    with pytest.raises(CommandError, match=r"dump.json, line 3, column 500: nested too deep: more than 500 levels of "
                                           "arrays and objects inside one another here; a Wikidata entity needs a few"):
        import_kb(str(dump), "--source", "wikidata")


@pytest.mark.parametrize("change, problem", [
    (lambda line: line.replace('"id":', '"size": ' + "9" * 5000 + ', "id":', 1),
     r"dump.json, line 3, column 24: a number with more than 4,300 digits \(5,000\); no field of a Wikidata entity "
     "needs one"),
    (lambda line: line.replace('"id":', '"size": NaN, "id":', 1), r"dump.json, line 3, column 24: NaN is not a JSON value"),
])
def test_a_wikidata_line_past_the_json_reader_is_named_with_its_column(tmp_path, change, problem):
    """Before the shared reader (newsreel.json_input) a long number was Python's own words with no column
    and NaN was read as a number. (A key written twice is not looked for in a dump: Wikidata's program
    writes none, and the check doubled the reading.)"""
    lines = (SOURCES / "wikidata.json").read_text().split("\n")
    assert lines[2].startswith('{"type"')
    lines[2] = change(lines[2])
    dump = tmp_path / "dump.json"
    dump.write_text("\n".join(lines))
    with pytest.raises(CommandError, match=problem):
        import_kb(str(dump), "--source", "wikidata")
    assert not Film.objects.exists()


def test_a_byte_not_utf8_is_named_with_its_line_and_column_as_in_every_importer(tmp_path):
    lines = (SOURCES / "wikidata.json").read_bytes().split(b"\n")
    lines[2] = lines[2][:9] + b"\xe9" + lines[2][9:]
    dump = tmp_path / "dump.json"
    dump.write_bytes(b"\n".join(lines))
    with pytest.raises(CommandError, match=r"dump.json, line 3, column 10: not UTF-8 text \(byte 0xe9\); save the file "
                                           "as UTF-8"):
        import_kb(str(dump), "--source", "wikidata")


def tmdb_records() -> list[dict]:
    return [json.loads(line) for line in (SOURCES / "tmdb.jsonl").read_text().splitlines() if line.strip()]


@pytest.mark.parametrize("change, problem", [
    (lambda record: record.update(vote_count=["many"]), r"line 1: \"vote_count\" must be a number"),
    (lambda record: record["credits"].update(cast=7), r"line 1: \"credits\".\"cast\" must be a list of people"),
    (lambda record: record["credits"].update(crew={"a": 1}), r"line 1: \"credits\".\"crew\" must be a list of people"),
    (lambda record: record.update(title=["A", "list"]), r"line 1: expected a TMDB movie record with a numeric \"id\""),
    (lambda record: record.update(id=True), r"line 1: expected a TMDB movie record with a numeric \"id\""),
])
def test_a_tmdb_field_of_the_wrong_type_is_named_with_its_line(tmp_path, change, problem):
    records = tmdb_records()
    change(records[0])
    path = tmp_path / "movies.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records))
    with pytest.raises(CommandError, match=problem):
        import_kb(str(path), "--source", "tmdb", "--min-votes", "1")
    assert not Film.objects.exists()


def test_tmdb_status_jobs_and_names_of_the_wrong_type_are_read_as_absent(tmp_path):
    records = tmdb_records()
    records[0].update(status=["Released"], original_title={"x": 1})
    records[0]["credits"]["crew"].append({"id": 5, "job": ["Director"], "name": "Listed Job"})
    records[0]["credits"]["cast"].append({"id": 6, "name": {"first": "Map"}, "character": ["x"], "order": [1]})
    path = tmp_path / "movies.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records))
    assert "films: 2 new" in import_kb(str(path), "--source", "tmdb")
    assert not Person.objects.filter(name__contains="{").exists()
    assert not Credit.objects.filter(character__contains="[").exists()


@pytest.mark.parametrize("text, problem", [
    ("[" * 100_000 + "]" * 100_000, r"movies.jsonl, line 1, column 500: nested too deep: more than 500 levels"),
    ("{\"id\": 1, \"title\": \"x\", \"credits\": " + "[" * 100_000 + "]" * 100_000 + "}",
     r"movies.jsonl, line 1, column 534: nested too deep: more than 500 levels of arrays and objects inside one "
     "another here; a TMDB movie record needs a few"),
    ("\n[{\"id\": 1, \"title\": \"x\",\n  \"vote_count\": " + "9" * 5000 + "}]",
     r"movies.jsonl, line 3, column 17: a number with more than 4,300 digits \(5,000\); no field of a file of TMDB "
     "movie records needs one"),
])
def test_a_tmdb_file_nested_thousands_deep_is_named(tmp_path, text, problem):
    path = tmp_path / "movies.jsonl"
    path.write_text(text)
    with pytest.raises(CommandError, match=problem):
        import_kb(str(path), "--source", "tmdb")


def test_a_line_longer_than_any_record_is_named_not_held(tmp_path, monkeypatch):
    """A .gz that unpacks to gigabytes without a line end was held whole: memory set the limit."""
    from newsreel.films.sources import common

    monkeypatch.setattr(common, "MAX_LINE_BYTES", 4096)
    dump = tmp_path / "dump.json"
    dump.write_text("[\n" + json.dumps({"id": "Q1", "labels": {"en": {"value": "x" * 10_000}}}) + "\n]\n")
    with pytest.raises(CommandError, match=r"^\S+/dump.json, line 2: is longer than 4,096 bytes"):
        import_kb(str(dump), "--source", "wikidata")


def test_a_tmdb_file_with_a_byte_order_mark_is_read_and_one_in_utf16_is_named(tmp_path):
    """Before the shared reader, a UTF-8 byte-order mark failed the first record as "not a JSON record"
    and a UTF-16 file said only "is not UTF-8 text"."""
    text = (SOURCES / "tmdb.jsonl").read_text()
    path = tmp_path / "movies.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert "Imported" in import_kb(str(path), "--source", "tmdb")
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(CommandError, match=r"movies.jsonl, line 1, column 1: UTF-16 text, not UTF-8; save the file as UTF-8"):
        import_kb(str(path), "--source", "tmdb")
