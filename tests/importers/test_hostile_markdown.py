"""`newsreel import markdown DIR` on files mutated by the fuzzing of 2026-12-06: YAML alias bombs,
a value that holds itself, dates of the wrong type, classic Mac line ends, UTF-16 files. Each is
a message naming the file, field and line, or the story imported as its writer wrote it; never
a hang, a traceback or front matter read as the story's text."""

from __future__ import annotations

import pytest

from newsreel.newsroom.models import Article, WorkflowState
from tests.importers.test_import_static_sites import run_import, write

pytestmark = pytest.mark.django_db


def alias_bomb(field: str) -> str:
    """"Billion laughs": nine lists of nine aliases of the list before, 9**9 values from 11 lines."""
    lines = ["---", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for before, name in zip("abcdefgh", "bcdefghi"):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{before}"] * 9) + "]")
    return "\n".join(lines + [f"{field}: *i", "---", "Body."]) + "\n"


@pytest.mark.parametrize("field", ["date", "layout", "sources"])
def test_a_yaml_alias_bomb_is_refused_naming_the_file_not_expanded(tmp_path, field):
    write(tmp_path / "site" / "bomb.md", alias_bomb(field))
    write(tmp_path / "site" / "fine.md", "---\ntitle: Fine\ndate: 2024-03-15\n---\nText.\n")
    out, err, error = run_import(tmp_path / "site")
    assert "1 of 2" in str(error)
    assert "bomb.md: front matter, line 2: holds more than 100,000 values once its aliases (*name) are expanded" in err
    assert list(Article.objects.values_list("slug", flat=True)) == ["fine"]


def test_a_yaml_value_holding_itself_is_refused_naming_the_file(tmp_path):
    write(tmp_path / "site" / "loop.md", "---\ntitle: Loop\ndate: &a [x, *a]\n---\nText.\n")
    out, err, error = run_import(tmp_path / "site")
    assert "loop.md: front matter, line 2: has an alias (*name) inside the value it names" in err
    assert "RecursionError" not in err and not Article.objects.exists()


@pytest.mark.parametrize("line, said", [
    ("date: [2024-03-15]", "front matter date, line 3: a list is not a date"),
    ("publishDate: {day: 15}", "front matter publishDate, line 3: a map of fields is not a date"),
    ("date: 1710000000", "front matter date, line 3: 1710000000 (a number) is not a date"),
    ("date: 2024-03-15T25:61:00Z", "front matter date, line 3: 2024-03-15T25:61:00Z is not a date"),
])
def test_a_date_of_the_wrong_type_names_its_field_and_line_and_the_story_is_kept_as_a_draft(tmp_path, line, said):
    write(tmp_path / "site" / "post.md", f"---\ntitle: Dated oddly\n{line}\n---\nText.\n")
    out, err, error = run_import(tmp_path / "site")
    assert error is None, err
    assert said in err and "imported as a draft without a date" in err
    assert Article.objects.get().state == WorkflowState.DRAFT


def test_a_toml_time_of_day_for_a_date_names_its_field(tmp_path):
    write(tmp_path / "site" / "post.md", '+++\ntitle = "Clock"\ndate = 07:32:00\n+++\nText.\n')
    out, err, error = run_import(tmp_path / "site")
    assert error is None, err
    assert "front matter date, line 3: 07:32:00 (a time of day) is not a date" in err


def test_classic_mac_line_ends_are_line_ends_and_the_front_matter_is_read(tmp_path):
    path = tmp_path / "site" / "mac.md"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"---\rtitle: Written on a Mac\rdate: 2024-03-15\rtags: [Archive]\r---\rFirst line.\rSecond.\r")
    out, err, error = run_import(tmp_path / "site")
    assert error is None, err
    article = Article.objects.get()
    assert article.headline == "Written on a Mac" and "---" not in article.body
    assert article.revisions.latest("number").content["tags"] == ["Archive"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_file_saved_as_utf16_or_utf32_with_its_byte_order_mark_is_read(tmp_path, encoding):
    path = tmp_path / "site" / "notepad.md"
    path.parent.mkdir(parents=True)
    text = "---\ntitle: Café Lumière\ndate: 2024-03-15\n---\nÉcrit dans le Bloc-notes.\n"
    path.write_bytes(("\ufeff" + text).encode(encoding) if encoding != "utf-16" else text.encode("utf-16"))
    out, err, error = run_import(tmp_path / "site")
    assert error is None, err
    assert Article.objects.get().headline == "Café Lumière"


def test_a_nul_in_yaml_front_matter_names_its_own_line(tmp_path):
    write(tmp_path / "site" / "nul.md", "---\ntitle: Fine\nsubtitle: N\x00ul\n---\nText.\n")
    out, err, error = run_import(tmp_path / "site")
    assert "nul.md: front matter, line 3: is not valid YAML: unacceptable character #x0000" in err


def test_a_file_larger_than_any_story_is_not_read(tmp_path, monkeypatch):
    from newsreel.importers import static_site

    monkeypatch.setattr(static_site, "MAX_FILE_BYTES", 4096)
    write(tmp_path / "site" / "dump.md", "---\ntitle: A dump\n---\n" + "word " * 5000)
    write(tmp_path / "site" / "fine.md", "---\ntitle: Fine\n---\nText.\n")
    out, err, error = run_import(tmp_path / "site")
    assert "dump.md: file: is 25,022 bytes, more than any story holds (the limit is 4,096); is it a story?" in err
    assert list(Article.objects.values_list("slug", flat=True)) == ["fine"]
