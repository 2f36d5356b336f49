"""An import reads its items on the other core, ahead of the writer (`importers.read_ahead`).

An item whose build is in two steps (`Item.read`, reading only the source and files, and
`Item.finish`) is read by a forked process while the stories before it are written. What
the writer gets is what reading it itself would give: the same value, the same warnings in
the same order, as often as a refused chunk asks. An item the reader cannot read or send is
read again by the writer, where it fails alone and named; so are the items of a reader that died.
"""

from __future__ import annotations

import os
from io import StringIO

import pytest
from django.core.management import call_command

from newsreel.importers import read_ahead as module
from newsreel.importers.read_ahead import read_ahead
from newsreel.importers.runner import Item, in_two_steps
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article
from newsreel.newsroom.upsert import Incoming
from tests.importers.wxr_samples import Post, wxr

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="reading ahead needs fork")


def two_step(name: str, read) -> Item:
    item = Item(source=name, build=lambda: None)
    item.read = read
    item.finish = lambda value: Incoming(ArticleDraft(headline=value, body="Words."))
    item.build = in_two_steps(item)
    return item


def reading(name: str):
    """A read that warns, and whose value tells which process read it."""
    def read():
        item.warnings.append(f"{name} read")
        return f"{name} read by {os.getpid()}"
    item = two_step(name, read)
    return item


def test_the_items_are_read_in_another_process_with_their_warnings_as_often_as_asked(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    items = [reading("one"), reading("two"), Item(source="plain", build=lambda: "built here")]
    with read_ahead(items) as ahead:
        assert ahead is items
        for item in items[:2]:
            first = item.build()
            assert first.draft.headline.startswith(f"{item.source} read by ")
            assert not first.draft.headline.endswith(f" {os.getpid()}")  # another process read it
            assert item.warnings == [f"{item.source} read"]
            item.warnings[:] = []  # a refused chunk puts the warnings back and builds again
            again = item.build()
            assert again.draft == first.draft and again.draft is not first.draft
            assert item.warnings == [f"{item.source} read"]
        assert items[2].build() == "built here"


def test_an_item_the_reader_cannot_read_or_send_is_read_by_the_writer(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    writer = os.getpid()

    def failing():
        raise ValueError(f"cannot read in {os.getpid()}")
    items = [two_step("bad", failing), two_step("unpicklable", lambda: (lambda: None) if os.getpid() != writer else "fine"),
             reading("good")]
    with read_ahead(items):
        with pytest.raises(ValueError, match=f"cannot read in {writer}"):
            items[0].build()
        assert items[1].build().draft.headline == "fine"
        assert not items[2].build().draft.headline.endswith(f" {writer}")


def test_the_items_of_a_reader_that_died_are_read_by_the_writer(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    writer = os.getpid()
    items = [two_step("dies", lambda: os._exit(3) if os.getpid() != writer else "read here"), reading("after")]
    with read_ahead(items):
        assert items[0].build().draft.headline == "read here"
        assert items[1].build().draft.headline == f"after read by {writer}"


def test_nothing_is_read_ahead_on_one_core_or_from_a_generator(monkeypatch):
    monkeypatch.setattr(os, "cpu_count", lambda: 1)
    assert not module.possible([reading("one")])
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert module.possible([reading("one")])
    assert not module.possible(item for item in [reading("one")])
    assert not module.possible([Item(source="plain", build=lambda: None)])


@pytest.mark.django_db
def test_a_wordpress_import_read_ahead_gives_the_stories_and_report_of_one_read_by_the_writer(tmp_path, monkeypatch):
    posts = [Post(n, f"Dispatch {n}", f"dispatch-{n}", f"<p>Day {n} at the harbour.</p><img src='https://example.com/x{n}.jpg'/>")
             for n in range(1, 6)]
    export = tmp_path / "export.xml"
    export.write_text(wxr(posts), encoding="utf-8")

    def imported(ahead: bool) -> tuple[str, list[str], list[tuple[str, str]]]:
        monkeypatch.setattr(module, "possible", lambda items: ahead)
        Article.objects.all().delete()
        out, err = StringIO(), StringIO()
        call_command("import", "wordpress", str(export), stdout=out, stderr=err, verbosity=2)
        said = [line for line in err.getvalue().splitlines() if not line.startswith("imported ")]  # the progress line's rate
        return out.getvalue(), said, list(Article.objects.order_by("slug").values_list("slug", "body"))
    ahead = imported(True)
    assert len(ahead[1]) == 5 and len(ahead[2]) == 5
    assert ahead == imported(False)


def test_the_items_of_a_reader_that_is_stuck_are_read_by_the_writer(monkeypatch):
    import time

    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(module, "PATIENCE_SECONDS", 0.5)
    writer = os.getpid()
    items = [two_step("stuck", lambda: time.sleep(60) if os.getpid() != writer else "read here"), reading("after")]
    started = time.monotonic()
    with read_ahead(items):
        assert items[0].build().draft.headline == "read here"
        assert items[1].build().draft.headline == f"after read by {writer}"
    assert time.monotonic() - started < 10
