"""A broken item must not swallow the items after it.

Hand-edited and merged exports (and some export plugins) break an item in ways an XML reader
recovers from by nesting what follows inside it: an end tag mistyped after a CDATA section
(`]]></content:encode>`), an item with no `</item>`, a post's HTML written raw, without CDATA.
The posts after it were lost, or worse, merged into the broken one (its body running on into the
next post, the next post's id taken as its own). Every post here is invented.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.importers.wxr import parse_wxr
from newsreel.newsroom.models import Article
from tests.importers.wxr_samples import Post, wxr

POSTS = [Post(701, "First light", "first-light", "<p>One.</p>"), Post(702, "Second reel", "second-reel", "<p>Two.</p>"),
         Post(703, "Third act", "third-act", "<p>Three.</p>")]
EXPORT = wxr(POSTS)
SECOND_ENDS = "\t</item>\n\t<item>\n\t\t<title><![CDATA[Third act]]>"


def read(text: str):
    export = parse_wxr(text.encode("utf-8"))
    return [(item.post_id, item.title, item.content) for item in export.items], export.problems


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("broken, tag", [
    ("<p>Two.</p>]]></content:encode>", "content:encode"),
    ("<p>Two.</p>]]></Content:encoded>", "Content:encoded"),
])
def test_an_end_tag_mistyped_after_a_cdata_section_is_read_as_its_own(broken, tag):
    text = EXPORT.replace("<p>Two.</p>]]></content:encoded>", broken)
    items, problems = read(text)
    assert items == [(701, "First light", "<p>One.</p>"), (702, "Second reel", "<p>Two.</p>"), (703, "Third act", "<p>Three.</p>")]
    assert [(problem.line, problem.message, problem.fatal) for problem in problems] == [
        (line_of(text, broken), f"the end tag </{tag}> after <content:encoded>'s CDATA section is mistyped; "
                                "read as </content:encoded>", False)]


def test_a_mistyped_title_end_tag_does_not_swallow_the_next_post():
    text = EXPORT.replace("<title><![CDATA[Second reel]]></title>", "<title><![CDATA[Second reel]]></titel>")
    items, problems = read(text)
    assert [title for _, title, _ in items] == ["First light", "Second reel", "Third act"] and not problems[0].fatal


def test_an_item_without_its_end_tag_is_refused_with_its_line_and_the_next_one_is_read():
    text = EXPORT.replace(SECOND_ENDS, "\t<item>\n\t\t<title><![CDATA[Third act]]>")
    items, problems = read(text)
    assert [(post_id, title) for post_id, title, _ in items] == [(701, "First light"), (702, "Second reel"), (703, "Third act")]
    second = line_of(text, "<title><![CDATA[Second reel") - 1
    assert [(problem.line, problem.item, problem.fatal) for problem in problems] == [(second, "Second reel", True)]
    assert problems[0].message == (f"the item has no </item> before the next <item> (line {line_of(text, '<title><![CDATA[Third') - 1}); "
                                   "it ends there")


def test_html_written_raw_without_cdata_is_read_as_the_posts_text():
    text = EXPORT.replace("<content:encoded><![CDATA[<p>Two.</p>]]></content:encoded>",
                          "<content:encoded><p>Two <b>and a half.</content:encoded>")
    items, problems = read(text)
    assert items[1] == (702, "Second reel", "<p>Two <b>and a half.") and items[2][:2] == (703, "Third act")
    assert [(problem.message, problem.fatal) for problem in problems] == [
        ("<content:encoded> holds HTML written without a CDATA section; read as its text", False)]


CUT_SHORT = {
    # A section cut short, its end and its element's end tag gone (a merge, a truncated line).
    "content": ("<p>Two.</p>]]></content:encoded>", "<p>Two.</p>", "<content:encoded>"),
    "title": ("<title><![CDATA[Second reel]]></title>", "<title><![CDATA[Second reel", "<title><![CDATA[Second"),
    "status": ("<wp:status><![CDATA[publish]]></wp:status>\n\t\t<wp:post_parent>0</wp:post_parent>\n\t\t<wp:menu_order>0"
               "</wp:menu_order>\n\t\t<wp:post_type><![CDATA[post]]></wp:post_type>\n\t\t<wp:post_password><![CDATA[]]>"
               "</wp:post_password>\n\t\t<wp:is_sticky>0</wp:is_sticky>\n\t</item>\n\t<item>\n\t\t<title><![CDATA[Third act",
               "<wp:status><![CDATA[publ\n\t<item>\n\t\t<title><![CDATA[Third act", "<wp:status><![CDATA[publ"),
}


@pytest.mark.parametrize("cut", sorted(CUT_SHORT))
def test_a_section_cut_short_ends_with_its_item_which_is_refused_and_the_next_item_is_read(cut):
    whole, broken, opened = CUT_SHORT[cut]
    text = EXPORT.replace(whole, broken, 1) if cut != "status" else EXPORT.replace(
        whole.replace("Third act", "Third act]]>"), broken.replace("Third act", "Third act]]>"), 1)
    assert text != EXPORT
    items, problems = read(text)
    assert [post_id for post_id, _, _ in items] in ([701, None, 703], [701, 702, 703])  # never the next post's id
    assert items[2] == (703, "Third act", "<p>Three.</p>")
    next_item = line_of(text, "<title><![CDATA[Third act") - 1
    opened_at = text[: text.index(opened, text.index("</item>"))].count("\n") + 1
    assert (opened_at, f"<{opened[1:].split('>')[0]}>'s CDATA section is not closed before the next item "
                                   f"(line {next_item}); closed there", True) in [
        (problem.line, problem.message, problem.fatal) for problem in problems]


@pytest.mark.django_db
def test_a_post_cut_short_is_refused_not_skipped_for_its_broken_status(tmp_path):
    whole, broken, _ = CUT_SHORT["status"]
    export = tmp_path / "cut.xml"
    export.write_text(EXPORT.replace(whole.replace("Third act", "Third act]]>"), broken.replace("Third act", "Third act]]>"), 1),
                      encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 3 article"):
        call_command("import", "wordpress", str(export), stdout=StringIO(), stderr=err)
    assert "CDATA section is not closed before the next item" in err.getvalue() and "has status 'publ'" not in err.getvalue()
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["first-light", "third-act"]


@pytest.mark.django_db
def test_the_import_names_the_broken_item_and_imports_the_others(tmp_path):
    export = tmp_path / "merged.xml"
    text = EXPORT.replace(SECOND_ENDS, "\t<item>\n\t\t<title><![CDATA[Third act]]>").replace(
        "<p>One.</p>]]></content:encoded>", "<p>One.</p>]]></content:encode>")
    export.write_text(text, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="1 of 3 article"):
        call_command("import", "wordpress", str(export), stdout=StringIO(), stderr=err)
    assert sorted(Article.objects.values_list("slug", flat=True)) == ["first-light", "third-act"]
    assert f"{export}:{line_of(text, '<title><![CDATA[Second reel') - 1}: xml, line" in err.getvalue()
    assert Article.objects.get(slug="first-light").body == "One.\n"


def test_a_post_that_quotes_an_rss_item_keeps_it_as_its_text():
    quoted = "<p>An RSS feed lists each post as:</p>\n<pre>\n<item>\n  <title>Harbor Lights</title>\n</item>\n</pre>"
    items, problems = read(wxr([Post(711, "How feeds work", "how-feeds-work", quoted), POSTS[1]]))
    assert items == [(711, "How feeds work", quoted), (702, "Second reel", "<p>Two.</p>")] and problems == []
