"""Co-Authors Plus in a WXR export: every co-author is a byline, in order.

The plugin keeps a post's authors as terms of its `author` taxonomy, which WordPress's exporter
writes like any term: `<category domain="author" nicename="cap-NICENAME"><![CDATA[LOGIN]]></category>`,
one per author in the plugin's order. Writers without an account are "guest authors", exported as
posts of type `guest-author` named `cap-LOGIN`, their profile in `cap-display_name`,
`cap-user_login`, … postmeta. `dc:creator` is only the post's WordPress author (the first co-author
with an account). Every name here is invented.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.newsroom.models import Article
from tests.importers.wxr_samples import Post, guest_author, wxr

pytestmark = pytest.mark.django_db


def run_import(*args: str) -> tuple[str, CommandError | None]:
    out, err = StringIO(), StringIO()
    try:
        call_command("import", "wordpress", *map(str, args), stdout=out, stderr=err, verbosity=2)
    except CommandError as error:
        return err.getvalue(), error
    return err.getvalue(), None


def bylines(slug: str) -> list[str]:
    return Article.objects.get(slug=slug).latest_revision.content["authors"]


def test_every_co_author_is_a_byline_in_order_and_none_becomes_a_tag(tmp_path):
    export = tmp_path / "coauthors.xml"
    export.write_text(wxr([
        guest_author(500, "ines-valdor", "Inès Valdor"),
        guest_author(501, "mara-ilves", "Mara Ilves", linked_account="mara"),
        Post(510, "Three critics on Salt Ledger", "three-critics-salt-ledger", "<p>An invented round table.</p>",
             creator="nferro", tags=[("festival", "Festival")],
             coauthors=[("cap-tokafor", "tokafor"), ("cap-ines-valdor", "ines-valdor"), ("cap-nferro", "nferro")]),
        # Co-Authors Plus before 3.1 named its terms by the nicename alone, without `cap-`.
        Post(511, "Harbor Lights, two views", "harbor-lights-two-views", "<p>An invented pair of reviews.</p>",
             creator="tokafor", coauthors=[("mara-ilves", "mara-ilves"), ("tokafor", "tokafor")]),
        Post(512, "Night ferry notes", "night-ferry-notes", "<p>An invented diary.</p>", creator="tokafor"),
        # A co-author with an account who never wrote a post alone is not among <wp:author>:
        # only the login is known.
        Post(513, "Pier cinema reopens", "pier-cinema-reopens", "<p>An invented reopening.</p>",
             creator="nferro", coauthors=[("cap-nferro", "nferro"), ("cap-jbrandt", "jbrandt")]),
    ]), encoding="utf-8")
    err, error = run_import(export)
    assert error is None, err
    assert bylines("three-critics-salt-ledger") == ["Tomas Okafor", "Inès Valdor", "Nadia Ferro"]
    assert bylines("harbor-lights-two-views") == ["Mara Ilves", "Tomas Okafor"]
    assert bylines("night-ferry-notes") == ["Tomas Okafor"]  # dc:creator alone, as before
    assert bylines("pier-cinema-reopens") == ["Nadia Ferro", "jbrandt"]
    assert "co-author 'jbrandt' is neither an author nor a guest author in the export; its login is the byline" in err
    article = Article.objects.get(slug="three-critics-salt-ledger")
    assert list(article.authors.order_by("byline__order").values_list("name", flat=True)) == [
        "Tomas Okafor", "Inès Valdor", "Nadia Ferro"]
    assert list(article.tags.values_list("name", flat=True)) == ["Festival"]  # no author became a tag
    assert Article.objects.count() == 4 and "guest-author" not in err  # guest authors give bylines, they are not stories
