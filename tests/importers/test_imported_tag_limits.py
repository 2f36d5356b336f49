"""A tag is a name of 80 characters at most (the intake's limit). An archive's tag past it (a
sentence pasted into WordPress's tag box, a Hugo `tags:` line written as prose) refused its whole
story until the red-team pass of 2026-12-07: the story is imported, and the tag left out with a
warning naming the story and the whole tag, so an editor can give it a shorter one."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from newsreel.newsroom.models import Article
from tests.importers.wxr_samples import Post, wxr

pytestmark = pytest.mark.django_db

LONG_TAG = ("The extraordinarily long and winding retrospective of every harbour film ever shown at the "
            "Saltmarsh festival")


def test_a_wordpress_tag_over_the_limit_is_left_out_with_a_warning_and_the_story_imported(tmp_path):
    path = tmp_path / "export.xml"
    path.write_text(wxr([Post(1, "Harbour nights", "harbour-nights", "<p>The lamps were lit at six.</p>",
                              tags=[("long", LONG_TAG), ("festival", "Festival")])]), encoding="utf-8")
    errors = StringIO()
    call_command("import", "wordpress", str(path), stdout=StringIO(), stderr=errors, verbosity=2)
    article = Article.objects.get(slug="harbour-nights")
    assert list(article.tags.values_list("name", flat=True)) == ["Festival"]
    # The post is named by its line in the file, as every warning of a WordPress import names it.
    assert f"export.xml:50: tag {LONG_TAG!r} is longer than 80 characters ({len(LONG_TAG)}); left out" in errors.getvalue()


def test_a_markdown_tag_over_the_limit_is_left_out_with_a_warning_naming_the_file(tmp_path):
    post = tmp_path / "site" / "posts" / "harbour-nights.md"
    post.parent.mkdir(parents=True)
    post.write_text(f"---\ntitle: Harbour nights\ndate: 2024-03-01\ntags: [\"{LONG_TAG}\", Festival]\n---\n"
                    "The lamps were lit at six.\n", encoding="utf-8")
    errors = StringIO()
    call_command("import", "markdown", str(post.parent.parent), stdout=StringIO(), stderr=errors, verbosity=2)
    article = Article.objects.get(slug="harbour-nights")
    assert list(article.tags.values_list("name", flat=True)) == ["Festival"]
    assert f"harbour-nights.md: tag {LONG_TAG!r} is longer than 80 characters" in errors.getvalue()
