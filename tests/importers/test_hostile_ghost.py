"""`newsreel import ghost` on exports mutated by the fuzzing of 2026-12-06: a Lexical or Mobiledoc
document with one part of the wrong type or nested very deep, a marker closing a billion tags, an
export nested past Python's JSON reader or holding a 5,000-digit number. One card of the wrong
shape must not cost the post its words, nothing may hang, and a file that cannot be read says
where. Every post here is invented."""

from __future__ import annotations

import json
import signal

import pytest

from newsreel.importers.ghost import GhostError, read_ghost
from newsreel.importers.ghost_documents import lexical_to_html, mobiledoc_to_html
from newsreel.json_input import JsonInputError
from tests.importers.ghost_samples import export, paragraph, post, text


def mobiledoc(sections: list, *, markups: object = (), atoms: object = (), cards: object = ()) -> str:
    return json.dumps({"version": "0.3.1", "markups": list(markups) if isinstance(markups, tuple) else markups,
                       "atoms": list(atoms) if isinstance(atoms, tuple) else atoms,
                       "cards": list(cards) if isinstance(cards, tuple) else cards, "sections": sections})


WORDS = [1, "p", [[0, [], 0, "The ferry ran late."]]]


@pytest.fixture
def seconds():
    """Fails the spec, instead of hanging it, when the rendering loops."""
    def expired(*_):
        raise TimeoutError("still rendering after 5 s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(5)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_a_marker_that_closes_a_billion_tags_closes_those_open(seconds):
    html = mobiledoc_to_html(mobiledoc([[1, "p", [[0, [0], 10**12, "The ferry ran late."]]]], markups=[["strong"]]), print)
    assert html == "<p><strong>The ferry ran late.</strong></p>"


@pytest.mark.parametrize("document", [
    mobiledoc([WORDS, [10, 0]], cards=[["gallery", {"images": 5}]]),  # a gallery's pictures a number
    mobiledoc([WORDS, [3, "ul", 7]]),  # a list's items a number
    mobiledoc([WORDS, [10, 0]], cards=9),  # the cards a number
    mobiledoc([[1, "p", [[0, [0], 1, "The ferry ran late."]]]], markups=[["a", [["href"], "x"]]]),  # a list for a name
    mobiledoc([[1, "p", [[0, [], 0, "The ferry ran late."], [1, [], 0, 0]]]], atoms=4),  # the atoms a number
])
def test_one_part_of_the_wrong_type_costs_a_mobiledoc_post_none_of_its_words(document):
    html = mobiledoc_to_html(document, print)
    assert "The ferry ran late." in html and "[" not in html and ">0<" not in html


def test_fields_of_the_wrong_type_read_as_absent_not_as_python_text():
    document = {"root": {"children": [
        paragraph(text("The ferry ran late."), {"type": "text", "text": {"en": "late"}, "format": 0}),
        {"type": "gallery", "version": 1, "images": 3, "caption": ["Harbour"]},
        {"type": "image", "version": 1, "src": {"url": "x.jpg"}, "caption": ["Dusk"]},
        {"type": "markdown", "version": 1, "markdown": {"text": "x"}},
        {"type": "paywall", "version": 1, "content": {"a": 1}},
    ]}}
    html = lexical_to_html(json.dumps(document), lambda warning: None)
    assert "The ferry ran late." in html
    assert "{" not in html and "[" not in html and "'" not in html


def test_a_lexical_document_nested_hundreds_deep_keeps_its_words_with_a_warning(seconds):
    deep = '{"type":"paragraph","children":[' * 400 + '{"type":"text","text":"Below the pier."}' + "]}" * 400
    document = '{"root":{"children":[{"type":"paragraph","children":[{"type":"text","text":"The ferry ran late."}]},' \
        + deep + "]}}"
    warnings: list[str] = []
    html = lexical_to_html(document, warnings.append)
    assert "The ferry ran late." in html and "Below the pier." in html
    assert warnings == ["Ghost document nested more than 60 levels deep; below that only its text is kept"]


def test_an_export_nested_past_the_json_reader_says_where(tmp_path):
    data = json.loads(export([post(1, "Harbour night", "harbour-night", html="<p>Text.</p>")]))
    written = json.dumps(data, indent=2).replace('"roles": []', '"roles": ' + "[" * 100_000 + "]" * 100_000, 1)
    path = tmp_path / "ghost.json"
    path.write_text(written, encoding="utf-8")
    line = written[: written.index("[" * 10)].count("\n") + 1
    with pytest.raises(JsonInputError, match=rf"^{path}, line {line}, column \d+: nested too deep: more than 500 levels "
                                             "of arrays and objects inside one another here; a Ghost export needs a few"):
        read_ghost(path)


def test_a_number_of_thousands_of_digits_is_named_with_its_line_and_column(tmp_path):
    data = json.loads(export([post(1, "Harbour night", "harbour-night", html="<p>Text.</p>")],
                             tags=[("65f000000000000000000001", ["t-reviews"])]))
    written = json.dumps(data, indent=2).replace('"sort_order": 0', '"sort_order": ' + "7" * 5000, 1)
    path = tmp_path / "ghost.json"
    path.write_text(written, encoding="utf-8")
    at = written.index("7" * 5000)
    line, column = written[:at].count("\n") + 1, at - written.rfind("\n", 0, at)
    with pytest.raises(JsonInputError, match=rf"^{path}, line {line}, column {column}: a number with more than 4,300 "
                                             r"digits \(5,000\); no field of a Ghost export needs one$"):
        read_ghost(path)


@pytest.mark.django_db
@pytest.mark.parametrize("document, problem", [
    ('{"root": {"children": [' + "[" * 100_000 + "]" * 100_000 + "]}}",
     "line 1, column 520: nested too deep: more than 500 levels of arrays and objects inside one another here; a "
     "Lexical document needs a few, so this is not a Lexical document or it is damaged"),
    ('{"root": {"children": [], "version": ' + "7" * 5000 + "}}",
     "line 1, column 38: a number with more than 4,300 digits (5,000); no field of a Lexical document needs one"),
])
def test_a_lexical_field_past_the_json_reader_fails_its_post_with_the_place_inside_it(tmp_path, document, problem):
    """Before the shared reader, a number of 5,000 digits here was "(Exceeds the limit (4300 digits) for integer
    string conversion...)", naming no place; deep nesting named it by its own scan."""
    from tests.importers.test_import_ghost import run_import

    path = tmp_path / "ghost.json"
    path.write_text(export([post(1, "Harbour night", "harbour-night", lexical=document),
                            post(2, "Dawn ferry", "dawn-ferry", html="<p>Text.</p>")]), encoding="utf-8")
    _, err, error = run_import(path)
    assert "1 of 2 article(s) not imported" in str(error)
    assert f"db[0].data.posts[0]: lexical: is not a Lexical document Newsreel can read: {problem}" in err


@pytest.mark.parametrize("content", ["5", "true", "null"])
def test_a_file_that_is_a_bare_number_or_constant_is_no_ghost_export(tmp_path, content):
    path = tmp_path / "ghost.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GhostError, match="is not a Ghost export"):
        read_ghost(path)


@pytest.mark.django_db
def test_a_published_post_without_a_published_at_is_an_undated_draft_not_news_of_today(tmp_path):
    """Found by the red-team pass of 2026-12-07: it went live dated the moment of the import, at the
    top of the home page, under a date nobody chose."""
    from io import StringIO

    from django.core.management import call_command

    from newsreel.newsroom.models import Article, WorkflowState
    path = tmp_path / "ghost.json"
    path.write_text(export([post(1, "Harbour night", "harbour-night", html="<p>Text.</p>", published_at=None),
                            post(2, "Pier lamps", "pier-lamps", html="<p>Lamps.</p>")]), encoding="utf-8")
    errors = StringIO()
    call_command("import", "ghost", str(path), stdout=StringIO(), stderr=errors)
    undated = Article.objects.get(slug="harbour-night")
    assert undated.state == WorkflowState.DRAFT and undated.published_at is None
    assert Article.objects.get(slug="pier-lamps").state == WorkflowState.PUBLISHED
    assert ("db[0].data.posts[0]: is published in Ghost but has no published_at; imported as a draft without a date"
            in errors.getvalue())
