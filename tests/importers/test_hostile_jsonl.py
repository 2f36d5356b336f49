"""JSON Lines records written to break the reader become failures with their line, not tracebacks."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.newsroom.models import Article

pytestmark = pytest.mark.django_db


def test_deep_json_huge_integers_and_nul_fail_alone_with_their_lines(tmp_path, capsys):
    good = json.dumps({"title": "A good story", "body_markdown": "Text."})
    lines = [
        good,
        "[" * 100_000 + "]" * 100_000,
        '{"title": "Big", "body_markdown": "x", "id": ' + "9" * 5000 + "}",
        json.dumps({"title": "Nul\u0000", "body_markdown": "Text."}),
        json.dumps({"title": "Tag", "body_markdown": "Text.", "tags": ["t" * 100]}),
    ]
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(CommandError, match="4 of 5"):
        call_command("import", "jsonl", str(path), "-v", "0")
    errors = capsys.readouterr().err
    assert f"{path}:2: json: column 500: nested too deep: more than 500 levels of arrays and objects" in errors
    assert f"{path}:3: json: column 46: a number with more than 4,300 digits (5,000); no field of an article " \
           "needs one" in errors
    assert f"{path}:4: title: contains a NUL" in errors
    assert f"{path}:5: tags[0]:" in errors
    assert list(Article.objects.values_list("headline", flat=True)) == ["A good story"]


def test_a_line_that_is_not_utf8_fails_alone_with_its_line_and_a_byte_order_mark_is_read(tmp_path, capsys):
    """Found by the fuzzing of 2026-12-06: a byte that is not UTF-8 anywhere in the file stopped the
    whole import with a UnicodeDecodeError before it began (counting the lines read them as text),
    and an editor's byte-order mark made the first record "not valid JSON"."""
    good = json.dumps({"title": "A good story", "body_markdown": "Text."}).encode()
    path = tmp_path / "stories.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\n" + b'{"title": "Caf\xe9", "body_markdown": "Text."}\n'
                     + json.dumps({"title": "Another", "body_markdown": "More."}).encode() + b"\n")
    with pytest.raises(CommandError, match="1 of 3"):
        call_command("import", "jsonl", str(path), "-v", "0")
    errors = capsys.readouterr().err
    assert f"{path}:2: json: column 15: not UTF-8 text (byte 0xe9); save the file as UTF-8" in errors
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["A good story", "Another"]


def test_a_line_longer_than_any_article_is_not_held_and_the_lines_after_it_import(tmp_path, capsys, monkeypatch):
    """A file of one line of gigabytes (a JSON document, not JSON Lines) was read whole and parsed:
    memory, not the file, set the limit. The line is read past in pieces and named."""
    from newsreel.importers import jsonl

    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 4096)
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join([json.dumps({"title": "Before", "body_markdown": "Text."}),
                               json.dumps({"title": "Huge", "body_markdown": "word " * 5000}),
                               json.dumps({"title": "After", "body_markdown": "Text."})]) + "\n")
    with pytest.raises(CommandError, match="1 of 3"):
        call_command("import", "jsonl", str(path), "-v", "0")
    assert f"{path}:2: json: is longer than 4,096 bytes, more than any article holds" in capsys.readouterr().err
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["After", "Before"]


def test_nan_a_repeated_key_and_a_utf16_file_are_named_like_in_every_importer(tmp_path, capsys):
    """The reader all importers share (newsreel.json_input): before it, NaN was read as a number,
    a repeated key kept its last value without a word, and a UTF-16 file failed every line as
    "not UTF-8" with no word of what it was."""
    path = tmp_path / "stories.jsonl"
    path.write_text("\n".join([json.dumps({"title": "A good story", "body_markdown": "Text."}),
                               '{"title": "Rating", "body_markdown": "Text.", "score": NaN}',
                               '{"title": "One", "title": "Two", "body_markdown": "Text."}']) + "\n")
    with pytest.raises(CommandError, match="2 of 3"):
        call_command("import", "jsonl", str(path), "-v", "0")
    errors = capsys.readouterr().err
    assert f"{path}:2: json: column 56: NaN is not a JSON value" in errors
    assert f'{path}:3: json: column 18: the key "title" a second time in one object' in errors
    path.write_bytes(json.dumps({"title": "Wide", "body_markdown": "Text."}).encode("utf-16"))
    with pytest.raises(CommandError, match="1 of 1"):
        call_command("import", "jsonl", str(path), "-v", "0")
    assert f"{path}:1: json: column 1: UTF-16 text, not UTF-8; save the file as UTF-8" in capsys.readouterr().err
    assert list(Article.objects.values_list("headline", flat=True)) == ["A good story"]
