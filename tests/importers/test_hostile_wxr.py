"""`newsreel import wordpress` on exports mutated by the fuzzing of 2026-12-06 (300 mutants of a
realistic export: byte flips, cut files, end tags dropped or doubled, nesting past libxml2's
limit, 12 MB attributes). A fault in one item, or in the channel's header, must cost that item
at most: libxml2, recovering, closed the channel early or stopped reading, and every post after
the fault was lost without a word. Every post here is invented."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.importers.wxr import WxrError, parse_wxr
from newsreel.newsroom.models import Article
from tests.importers.wxr_samples import Post, guest_author, wxr

POSTS = [Post(801, "Tide tables", "tide-tables", "<p>One tide.</p>"),
         Post(802, "Net loft", "net-loft", "<p>Two nets.</p>"),
         Post(803, "Salt road", "salt-road", "<p>Three roads.</p>"),
         Post(804, "Pier lamps", "pier-lamps", "<p>Four lamps.</p>")]
EXPORT = wxr(POSTS)


def read(text: str) -> tuple[list[tuple[int | None, str]], list]:
    export = parse_wxr(text.encode("utf-8"))
    return [(item.post_id, item.content) for item in export.items], export.problems


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize("fault, broken", [
    # an end tag doubled in the channel's header: libxml2 closed the channel there, and read no item
    ("<wp:category_nicename><![CDATA[reviews]]></wp:category_nicename>",
     "<wp:category_nicename><![CDATA[reviews]]></wp:category_nicename></wp:category_nicename>"),
    # a start tag lost (`<dc:creator>`): its end tag alone closed the item and the channel
    ("<dc:creator><![CDATA[nferro]]></dc:creator>", "<![CDATA[nferro]]></dc:creator>"),
    # a tag name broken by a flipped byte
    ("<wp:post_name><![CDATA[net-loft]]></wp:post_name>", "<wp:post_na]e><![CDATA[net-loft]]></wp:post_name>"),
    # nesting past libxml2's 256 levels: it stopped reading there
    ("<description></description>", "<description>" + "<x>" * 300 + "</x>" * 300 + "</description>"),
    # a 12 MB attribute: libxml2 stops at 10 MB
    ('<guid isPermaLink="false">', '<guid isPermaLink="false" data-x="' + "A" * 12_000_000 + '">'),
])
def test_a_fault_in_one_item_or_the_header_loses_no_other_post(fault, broken):
    text = EXPORT.replace(fault, broken, 1)
    broken_line = line_of(text, broken[:40])
    items, problems = read(text)
    kept = {post_id: content for post_id, content in items}
    # Every post but the one the fault is in comes through whole (the header's fault is in none).
    hit = [post.post_id for post in POSTS if line_of(text, f"<wp:post_id>{post.post_id}<") - 20 < broken_line
           <= line_of(text, f"<wp:post_id>{post.post_id}<") + 20]
    for post in POSTS:
        if post.post_id not in hit:
            assert kept.get(post.post_id) == post.content, post.post_id
    assert problems and all(problem.line for problem in problems)


def test_an_element_left_open_in_a_guest_author_does_not_swallow_the_posts_after_it():
    # Seen in the sweep: `<wp:meta_value><![CDATA[x]]>` with its end tag lost; libxml2 nested every
    # item after it inside that element, and they vanished from the import without a word.
    posts = [POSTS[0], guest_author(850, "mbrook", "Mara Brook"), POSTS[1], POSTS[2]]
    text = wxr(posts).replace("<wp:meta_value><![CDATA[mbrook@guests.example]]></wp:meta_value>",
                              "<wp:meta_value><![CDATA[mbrook@guests.example]]>", 1)
    items, problems = read(text)
    assert [post_id for post_id, _ in items] == [801, 850, 802, 803]
    assert dict(items)[802] == "<p>Two nets.</p>" and dict(items)[803] == "<p>Three roads.</p>"
    guest = line_of(text, "<title><![CDATA[Mara Brook") - 1
    assert any(problem.line == guest and problem.fatal and "was read inside it" in problem.message for problem in problems)


@pytest.mark.django_db
def test_the_import_names_what_broke_a_non_story_item_and_imports_every_post(tmp_path):
    posts = [POSTS[0], guest_author(850, "mbrook", "Mara Brook"), POSTS[1], POSTS[2]]
    text = wxr(posts).replace("<wp:meta_value><![CDATA[mbrook@guests.example]]></wp:meta_value>",
                              "<wp:meta_value><![CDATA[mbrook@guests.example]]>", 1)
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    errors = StringIO()
    call_command("import", "wordpress", str(path), stdout=StringIO(), stderr=errors)
    assert set(Article.objects.values_list("slug", flat=True)) == {"tide-tables", "net-loft", "salt-road"}
    guest = line_of(text, "<title><![CDATA[Mara Brook") - 1
    # The guest author is no story, but what broke it is said, with its line and name.
    assert f"warning: {path}: line {guest} (item 'Mara Brook'): an end tag inside the item is missing" in errors.getvalue()


def import_failing_one_of_four(tmp_path, text: str) -> tuple:
    """Import the export written as `text`; one of its four articles fails. The file and what was said."""
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    errors = StringIO()
    with pytest.raises(CommandError, match="1 of 4 article"):
        call_command("import", "wordpress", str(path), stdout=StringIO(), stderr=errors)
    return path, errors.getvalue()


@pytest.mark.django_db
def test_a_post_whose_type_lost_its_end_tag_is_refused_not_skipped_as_no_post(tmp_path):
    text = EXPORT.replace("<wp:post_type><![CDATA[post]]></wp:post_type>\n\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n"
                          "\t\t<wp:is_sticky>0</wp:is_sticky>\n\t</item>\n\t<item>\n\t\t<title><![CDATA[Salt road",
                          "<wp:post_type><![CDATA[post]]>\n\t\t<wp:post_password><![CDATA[]]></wp:post_password>\n"
                          "\t\t<wp:is_sticky>0</wp:is_sticky>\n\t</item>\n\t<item>\n\t\t<title><![CDATA[Salt road", 1)
    assert text != EXPORT
    path, said = import_failing_one_of_four(tmp_path, text)
    second = line_of(text, "<title><![CDATA[Net loft") - 1
    assert f"{path}:{second}: xml, line " in said and "is not a post or a page" not in said
    assert set(Article.objects.values_list("slug", flat=True)) == {"tide-tables", "salt-road", "pier-lamps"}


def test_a_file_whose_root_is_not_rss_says_which_it_is_and_where():
    with pytest.raises(WxrError, match=r"^line \d+: not a WordPress export: the root element is <feed>, not <rss>"):
        parse_wxr(EXPORT.replace("<rss ", "<feed ", 1).replace("</rss>", "</feed>").encode("utf-8"))


@pytest.mark.django_db
def test_the_last_post_whose_type_lost_its_end_tag_is_refused_with_why(tmp_path):
    # The parser does not complain inside the file's last item (only at </channel>, after it).
    end = "<wp:post_type><![CDATA[post]]></wp:post_type>"
    at = EXPORT.rindex(end)
    text = EXPORT[:at] + "<wp:post_type><![CDATA[post]]>" + EXPORT[at + len(end):]
    path, said = import_failing_one_of_four(tmp_path, text)
    last = line_of(text, "<title><![CDATA[Pier lamps") - 1
    assert f"{path}:{last}: xml, line {last}: <wp:post_type> 'post]]>'… is no post type's name" in said


@pytest.mark.parametrize("prefixes", [("wp",), ("wp", "excerpt", "content", "dc")])
@pytest.mark.django_db
def test_a_namespace_the_rss_tag_forgets_to_declare_is_read_as_wordpress_writes_it(tmp_path, prefixes):
    """A hand-made or converted export that uses `wp:` without `xmlns:wp` (found by the red-team
    pass of 2026-12-07): every element was a parser complaint, 30 lines a post, and every post failed."""
    text = EXPORT
    for prefix in prefixes:
        text = "\n".join(line for line in text.split("\n") if f"xmlns:{prefix}=" not in line)
    items, problems = read(text)
    assert [(post_id, content) for post_id, content in items] == [(post.post_id, post.content) for post in POSTS]
    assert len(problems) == 1 and "xmlns:wp" in problems[0].message and "WXR 1.2" in problems[0].message
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    errors = StringIO()
    call_command("import", "wordpress", str(path), stdout=StringIO(), stderr=errors)
    assert Article.objects.count() == len(POSTS) and errors.getvalue().count("does not declare") == 1
