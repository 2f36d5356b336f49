"""Characters an exporter wrote as XML or JSON cannot hold them: an emoji as its two UTF-16
halves (`&#xD83C;&#xDFAC;`, `"\\ud83c\\udfac"` cut in two), a reference to no character.
The import reads what was meant, reports each repair, and never stops on a traceback."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from newsreel.importers.character_references import repair_character_references, without_lone_surrogates
from newsreel.importers.ghost import read_ghost
from newsreel.importers.wxr import parse_wxr
from newsreel.newsroom.models import Article
from tests.importers.ghost_samples import export, post
from tests.importers.wxr_samples import Post, wxr


def repaired(chunk: str) -> tuple[str, list[str]]:
    reports: list[str] = []
    return repair_character_references(chunk, lambda offset, message: reports.append(message)), reports


def test_two_utf16_halves_in_hex_or_decimal_are_the_one_character_they_spell() -> None:
    assert repaired("Clap &#xD83C;&#xDFAC; board")[0] == "Clap &#x1F3AC; board"
    assert repaired("&#55356;&#57260;")[0] == "&#x1F3AC;"
    assert "U+1F3AC" in repaired("&#xd83c;&#xdfac;")[1][0]


def test_a_reference_to_no_character_xml_allows_is_the_replacement_character() -> None:
    for reference in ("&#xD83C;", "&#xDFAC;", "&#0;", "&#1;", "&#xFFFE;", "&#x110000;", "&#9999999999;",
                      "&#xDFAC;&#xD83C;"):  # halves the wrong way round are two lone halves
        text, reports = repaired(f"a{reference}b")
        assert text == "a" + "&#xFFFD;" * reference.count("&") + "b", reference
        assert reports and all("U+FFFD" in report for report in reports)


def test_references_xml_allows_and_text_without_references_are_left_alone() -> None:
    for chunk in ("&#x1F3AC; &#233; &#9; &amp; &#xE000;", "no references", "&#x;", "&# 12;"):
        assert repaired(chunk) == (chunk, [])


def wxr_with_title(title: str) -> bytes:
    text = wxr([Post(1, "PLACEHOLDER", "clapper", "<p>Body &#xD83C;&#xDFAC; in CDATA.</p>")])
    return text.replace("<![CDATA[PLACEHOLDER]]>", title).replace("PLACEHOLDER", title).encode("utf-8")


def test_a_wxr_title_with_halves_and_a_lone_half_is_read_with_each_repair_reported_on_its_line() -> None:
    raw = wxr_with_title("Clap &#xD83C;&#xDFAC; board &#xDFFF;")
    line = next(number for number, text in enumerate(raw.decode().splitlines(), 1) if "Clap &#x" in text)
    export = parse_wxr(raw)
    assert export.items[0].title == "Clap \U0001F3AC board \ufffd"
    assert "&#x1F3AC;" in export.items[0].content  # inside CDATA: HTML's reference, repaired the same
    title_problems = [problem for problem in export.problems if problem.line == line]
    assert [("U+1F3AC" in problem.message, "U+FFFD" in problem.message) for problem in title_problems] == [
        (True, False), (False, True)]
    assert not any(problem.fatal for problem in title_problems)


@pytest.mark.django_db
def test_importing_a_wxr_with_surrogate_references_keeps_the_story(tmp_path) -> None:
    file = tmp_path / "export.xml"
    file.write_bytes(wxr_with_title("Clap &#xD83C;&#xDFAC; board &#xD800;"))
    out, err = StringIO(), StringIO()
    call_command("import", "wordpress", str(file), "--as-drafts", stdout=out, stderr=err, verbosity=2)
    assert "1 new" in out.getvalue()
    assert Article.objects.get().headline == "Clap \U0001F3AC board \ufffd"
    assert "U+FFFD" in err.getvalue()


def test_lone_halves_in_a_json_document_are_replaced_and_their_paths_named() -> None:
    document = {"posts": [{"title": "Cut \ud83c", "html": "<p>\U0001F3AC whole</p>", "tags": ["\udfac"]}],
                "\ud83d key": 1}
    repaired_document, paths = without_lone_surrogates(document)
    assert repaired_document["posts"][0] == {"title": "Cut \ufffd", "html": "<p>\U0001F3AC whole</p>", "tags": ["\ufffd"]}
    assert "\ufffd key" in repaired_document
    assert sorted(paths) == sorted(["posts[0].title", "posts[0].tags[0]", "'\\ud83d key' (a key)"])


@pytest.mark.django_db
def test_a_ghost_post_whose_title_was_cut_inside_an_emoji_is_imported_with_a_warning(tmp_path) -> None:
    file = tmp_path / "ghost.json"
    file.write_text(export([post(1, "Premiere night \ud83c", "premiere", html="<p>Red carpet \udfac.</p>")]))
    assert read_ghost(file).problems == [
        f"db[0].data.posts[0].{field}: a lone UTF-16 half (a \\ud800-\\udfff escape with no partner) names no "
        "character; read as U+FFFD" for field in ("title", "html")]
    out, err = StringIO(), StringIO()
    call_command("import", "ghost", str(file), stdout=out, stderr=err, verbosity=2)
    assert Article.objects.get(slug="premiere").headline == "Premiere night \ufffd"
    assert "db[0].data.posts[0].title" in err.getvalue()
