"""One reader for the JSON people and other systems write: each fault is a JsonInputError that names
the file, the line and the column, and says in plain words what is wrong there and what to do."""

import json

import pytest

from newsreel.json_input import JsonInputError, decode_document, decode_leading, decode_line, utf8_text


def refused(data, **place) -> str:
    with pytest.raises(JsonInputError) as raised:
        if "number" in place:
            decode_line(data, place.pop("number"), source="stories.jsonl", what="an article", **place)
        else:
            decode_document(data, source="posts.json", what="a Ghost export", **place)
    return str(raised.value)


@pytest.mark.parametrize("data, message", [
    ('{"db": [\n  {"meta": {}, "data": {"posts": [{"id": ' + "7" * 5000 + "}]}}\n]}",
     "posts.json, line 2, column 42: a number with more than 4,300 digits (5,000); no field of a Ghost export needs one"),
    ("[\n" + "[" * 100_000 + "]" * 100_000 + "\n]",
     "posts.json, line 2, column 499: nested too deep: more than 500 levels of arrays and objects inside one another "
     "here; a Ghost export needs a few, so this is not a Ghost export or it is damaged"),
    ('{"db": [],\n "db": []}',
     'posts.json, line 2, column 2: the key "db" a second time in one object; a reader keeps only one of them, so '
     "remove the other"),
    ('{"version": NaN}', "posts.json, line 1, column 13: NaN is not a JSON value (JavaScript writes it for a number "
                         "that is not one); write null or a number"),
    ('{"size": -Infinity}', "posts.json, line 1, column 10: -Infinity is not a JSON value (JavaScript writes it for a "
                            "number that is not one); write null or a number"),
    ('{"db": [\n  {"data" {}}]}', "posts.json, line 2, column 11: not valid JSON: Expecting ':' delimiter; look here "
                                  "and just before for a missing comma, quote or bracket"),
    ('{"db": []}\n{"db": []}', "posts.json, line 2, column 1: not valid JSON: Extra data; more follows the end of the "
                               "JSON value, and a file holds one value (JSON Lines: one a line)"),
    ('{"title": "Harbor', 'posts.json, line 1, column 11: not valid JSON: Unterminated string starting; the text in '
                            'double quotes that starts here is never closed; add the closing "'),
    ('{"title": "Har\tbor"}', "posts.json, line 1, column 15: not valid JSON: Invalid control character; a tab or line "
                              "break inside text in double quotes; JSON writes them \\t and \\n"),
    ("", "posts.json, line 1, column 1: not valid JSON: Expecting value; a value was expected here (text in double "
         "quotes, a number, true, false, null, [ or {)"),
    ("  [1, 2]", 'posts.json, line 1, column 3: an array, where a Ghost export is a JSON object ({ ... })'),
])
def test_each_fault_of_a_document_is_named_with_its_line_and_column(data, message):
    assert refused(data, expect=dict) == message


def test_a_duplicate_key_is_found_by_what_it_reads_as_and_only_within_one_object():
    assert decode_document('[{"id": 1}, {"id": 2}]') == [{"id": 1}, {"id": 2}]
    assert refused('{"id": 1,\n "\\u0069d": 2}').startswith('posts.json, line 2, column 2: the key "id" a second time')


def test_digits_inside_a_string_are_text_and_a_long_fraction_is_a_number_python_reads():
    assert decode_document('{"code": "' + "9" * 5000 + '", "ratio": 0.' + "3" * 5000 + "}")["code"] == "9" * 5000


@pytest.mark.parametrize("data, message", [
    (b'{"title": "Caf\xe9"}', "stories.jsonl, line 7, column 15: not UTF-8 text (byte 0xe9); save the file as UTF-8"),
    ('{"title": "x"}'.encode("utf-16"), "stories.jsonl, line 7, column 1: UTF-16 text, not UTF-8; save the file as UTF-8"),
    ('{"title": "x"}'.encode("utf-32-le"), "stories.jsonl, line 7, column 1: UTF-32 text, not UTF-8; save the file as "
                                           "UTF-8"),
    ('{"title": "x", "id": ' + "9" * 5000 + "}", "stories.jsonl, line 7, column 22: a number with more than 4,300 "
                                                 "digits (5,000); no field of an article needs one"),
    ("[" * 100_000, "stories.jsonl, line 7, column 500: nested too deep: more than 500 levels of arrays and objects "
                    "inside one another here; an article needs a few, so this is not an article or it is damaged"),
    ('"a headline"', "stories.jsonl, line 7, column 1: a string, where an article is a JSON object ({ ... })"),
])
def test_a_line_of_json_lines_is_named_by_its_number_in_the_file(data, message):
    assert refused(data, number=7, expect=dict) == message


def test_a_byte_not_utf8_is_placed_by_the_characters_before_it_on_its_line():
    data = '{"title":\n  "Éclair ' .encode() + b"\xff" + b'"}'
    assert refused(data) == "posts.json, line 2, column 11: not UTF-8 text (byte 0xff); save the file as UTF-8"


def test_an_editors_byte_order_mark_is_read_past_at_the_start_of_a_file_only():
    assert decode_document(b'\xef\xbb\xbf{"db": []}') == {"db": []}
    assert decode_document('\ufeff{"db": []}') == {"db": []}
    assert decode_line(b'\xef\xbb\xbf{"title": "x"}', 1) == {"title": "x"}
    assert refused(b'\xef\xbb\xbf{"title": "x"}', number=2) == "stories.jsonl, line 2, column 1: a byte-order mark, which " \
                                                               "belongs at the start of a file only (were files joined?); remove it"


def test_utf8_text_names_the_line_it_starts_on():
    assert utf8_text(b"tconst\ttitle\n", source="title.basics.tsv", first_line=4) == "tconst\ttitle\n"
    with pytest.raises(JsonInputError, match=r"^title.basics.tsv, line 4, column 8: not UTF-8 text \(byte 0xe9\)"):
        utf8_text(b"tt1\tCaf\xe9", source="title.basics.tsv", first_line=4)


def test_without_a_file_the_place_is_inside_the_text():
    with pytest.raises(JsonInputError) as raised:
        decode_document('{"root": NaN}', what="a Lexical document")
    assert str(raised.value).startswith("line 1, column 10: NaN is not a JSON value")
    assert (raised.value.line, raised.value.column, raised.value.at) == (1, 10, "line 1, column 10")


def test_good_json_reads_as_the_standard_reader_reads_it():
    text = json.dumps({"films": [{"key": "harbor", "year": 1999, "rating": 7.5, "aliases": [], "tmdb": None}]})
    assert decode_document(text) == json.loads(text) == decode_line(text.encode(), 3)


def test_a_dump_may_let_a_repeated_key_pass_to_be_read_twice_as_fast():
    assert decode_line('{"id": "Q1", "id": "Q2"}', 3, repeated_keys_refused=False) == {"id": "Q2"}


def test_a_value_at_the_start_of_a_text_that_goes_on_is_read_with_where_it_ends():
    text = '{"title": "Harbor"}\n\nThe page.'
    assert decode_leading(text) == ({"title": "Harbor"}, 19)
    with pytest.raises(JsonInputError, match=r"^post.md, line 2, column 11: a number with more than 4,300 digits"):
        decode_leading('{\n  "year": ' + "9" * 5000 + "}\nBody", source="post.md")
