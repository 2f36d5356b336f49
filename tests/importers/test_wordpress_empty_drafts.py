"""Empty drafts in a WXR export: skipped with one line each, counted as skipped, never failures.

WordPress makes an `auto-draft` the moment "Add New" is opened (its title the words "Auto
Draft", no name, no text, `post_date_gmt` all zeros) and keeps it when the writer walks away;
the block editor's autosave can leave a `draft` with no title and no text. Exports of a
working newsroom hold dozens: each failed the import ("body: is empty in the export"), making
a healthy archive look broken. Every post here is invented.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management.base import CommandError

from newsreel.newsroom.models import Article
from tests.importers.commands import imported
from tests.importers.wxr_samples import Post, wxr

pytestmark = pytest.mark.django_db


def run_import(path) -> tuple[str, str, CommandError | None]:
    return imported("wordpress", path)


def test_empty_drafts_and_auto_drafts_are_skipped_and_counted_and_real_drafts_import(tmp_path):
    export = tmp_path / "newsroom.xml"
    text = wxr([
        Post(801, "Auto Draft", "", "", status="auto-draft"),
        Post(802, "", "", "", status="auto-draft", date=dt.datetime(2024, 3, 16, 9)),
        Post(803, "", "", "", status="draft"),
        Post(804, "", "", "  \n<!-- wp:paragraph -->\n<p></p>\n<!-- /wp:paragraph -->\n", status="pending"),
        Post(805, "Harbor Lights interview", "", "", status="draft"),  # a headline, no text yet: a writer's start
        Post(806, "Festival opens", "festival-opens", "<p>An invented festival opens.</p>"),
    ])
    export.write_text(text, encoding="utf-8")
    out, err, error = run_import(export)
    line = {post_id: text[: text.rindex("<item>", 0, text.index(f"<wp:post_id>{post_id}<"))].count("\n") + 1
            for post_id in (801, 802, 803, 804)}
    assert f"{export}:{line[801]}: 'Auto Draft' is an auto-draft WordPress made and nobody wrote in; skipped" in err
    assert f"{export}:{line[802]}: 'id 802' is an auto-draft WordPress made and nobody wrote in; skipped" in err
    assert f"{export}:{line[803]}: 'id 803' is an empty draft (no title, no text); skipped" in err
    assert f"{export}:{line[804]}: 'id 804' is an empty pending post (no title, no text); skipped" in err
    assert "4 skipped" in out
    # A draft with a headline and no text yet is still a writer's work: it is not skipped, and it
    # fails, saying why, as before.
    assert error is not None and "1 of 2 article(s) not imported" in str(error)
    assert "body: is empty in the export" in err and err.count("is empty in the export") == 1
    assert list(Article.objects.values_list("slug", flat=True)) == ["festival-opens"]
