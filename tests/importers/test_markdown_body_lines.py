"""A static site's body is rewritten on its way in (a picture alone on its line becomes a
`:::figure` block of three or four lines, a Liquid comment over several lines is taken out), and
the intake counted lines in what it received: a picture written on line 6 was reported on line 7,
and every line after a taken-out comment too early (red-team pass of 2026-12-07). Problems are
reported on the line the writer wrote."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

pytestmark = pytest.mark.django_db


def import_body(tmp_path, body: str) -> str:
    post = tmp_path / "site" / "posts" / "pier.md"
    post.parent.mkdir(parents=True)
    post.write_text(f"---\ntitle: Pier lamps\ndate: 2024-03-01\n---\n{body}", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import", "markdown", str(post.parent.parent), stdout=StringIO(), stderr=err, verbosity=2)
    return err.getvalue()


def test_a_picture_that_became_a_figure_is_reported_on_the_line_it_was_written_on(tmp_path):
    err = import_body(tmp_path, 'Four lamps.\n\n![A pier](images/missing.jpg "Pier (Staff)")\n')
    assert "pier.md: body figure, line 7: image file 'images/missing.jpg' not found next to the article" in err


def test_a_picture_after_another_figure_is_reported_on_its_own_line(tmp_path):
    err = import_body(tmp_path, '![One](images/one.jpg "One (Staff)")\n\n![Two](images/two.jpg "Two (Staff)")\n\nWords.\n')
    assert "body figure, line 5: image file 'images/one.jpg' not found" in err
    assert "body figure, line 7: image file 'images/two.jpg' not found" in err


def test_a_text_error_after_a_comment_taken_out_names_the_file_s_line(tmp_path):
    body = "Four lamps.\n\n{% comment %}\nA note to self,\nover three lines.\n{% endcomment %}\n\nMore.\n\n" + "> " * 25 + "Deep.\n"
    err = import_body(tmp_path, body)
    assert "pier.md: body, line 14:" in err and "nested more than 20 levels" in err
