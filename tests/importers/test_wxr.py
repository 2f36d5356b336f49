"""Reading WordPress and Squarespace exports: every version, every repair reported, nothing fetched or expanded."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreel.importers.wxr import WxrError, parse_wxr, problems_of
from tests.importers.wxr_samples import Post, attachment, wxr


def story(post_id: int, title: str, content: str = "<p>Text.</p>", **fields) -> Post:
    return Post(post_id, title, title.lower().replace(" ", "-"), content, **fields)


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_each_wxr_version_is_read_with_its_own_namespaces(version):
    export = parse_wxr(wxr([story(1, "Harbor notes", excerpt="Short.", categories=[("reviews", "Reviews")],
                                  tags=[("festival", "Festival")], meta={"_thumbnail_id": "7"}, sticky=True)],
                           version=version).encode())
    [item] = export.items
    assert export.version == version and export.problems == []
    assert (item.title, item.post_id, item.post_type, item.status, item.post_name) == ("Harbor notes", 1, "post", "publish", "harbor-notes")
    assert item.content == "<p>Text.</p>" and item.excerpt == "Short." and item.sticky
    assert item.date == dt.datetime(2024, 3, 15, 9, 0, tzinfo=dt.timezone.utc)
    assert [c.name for c in item.categories] == ["Reviews"] and [t.name for t in item.tags] == ["Festival"]
    assert item.meta == {"_thumbnail_id": "7"}
    assert export.authors["nferro"].display_name == "Nadia Ferro"
    assert export.categories["festival-diary"].name == "Festival Diary"


def test_attachments_are_found_by_id_with_their_file():
    export = parse_wxr(wxr([attachment(20, "2024/03/harbour.jpg", title="Harbour", alt="A set at dusk")]).encode())
    assert export.attachments[20].meta["_wp_attached_file"] == "2024/03/harbour.jpg"
    assert export.attachments[20].attachment_url.endswith("/wp-content/uploads/2024/03/harbour.jpg")


def test_a_draft_without_a_gmt_date_has_no_date():
    [item] = parse_wxr(wxr([story(1, "Unfinished", status="draft")]).encode()).items
    assert item.date_gmt is None


def lines_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_undeclared_html_entities_and_bare_ampersands_are_read_and_reported_with_line_and_item():
    text = wxr([story(1, "Good one"), story(2, "Broken one")])
    text = text.replace("<title><![CDATA[Broken one]]></title>", "<title>Fish &amp; Chips &mdash; R&D &nbsp;night</title>")
    export = parse_wxr(text.encode())
    line = lines_of(text, "Fish &amp;")
    assert export.items[1].title == "Fish & Chips \u2014 R&D \u00a0night".replace("\u00a0", " ").replace("  ", " ")
    assert [str(p) for p in problems_of(export, export.items[1])] == [
        f"line {line} (item 'Fish & Chips — R&D night'): entity &mdash; is not declared in XML; read as '—'",
        f"line {line} (item 'Fish & Chips — R&D night'): a bare & is not allowed in XML; read as &amp;",
        f"line {line} (item 'Fish & Chips — R&D night'): entity &nbsp; is not declared in XML; read as '\\xa0'",
    ]
    assert problems_of(export, export.items[0]) == []


def test_a_cdata_end_inside_a_body_is_kept_as_text():
    text = wxr([story(1, "Code sample", content="<p>PLACEHOLDER</p>")]).replace("PLACEHOLDER", "a[b[0]]>c")
    export = parse_wxr(text.encode())
    assert export.items[0].content == "<p>a[b[0]]>c</p>"
    assert "holds ]]>, which would end its CDATA section early; kept as text" in str(export.problems[0])


def test_a_cdata_section_never_closed_is_closed_at_its_element_end_and_the_next_item_survives():
    text = wxr([story(1, "Cut short", content="<p>PLACEHOLDER</p>"), story(2, "Next one")])
    text = text.replace("<p>PLACEHOLDER</p>]]></content:encoded>", "<p>All of it</p></content:encoded>")
    export = parse_wxr(text.encode())
    assert [item.title for item in export.items] == ["Cut short", "Next one"]
    assert export.items[0].content == "<p>All of it</p>"
    assert "CDATA section is never closed with ]]>; closed at </content:encoded>" in str(problems_of(export, export.items[0])[0])


def test_windows_1252_bytes_in_a_utf8_export_are_read_and_their_lines_reported():
    text = wxr([story(1, "Caf\u00e9 society", content="<p>Na\u00efve \u2014 yes</p>")])
    raw = text.encode("utf-8").replace("Na\u00efve \u2014".encode(), "Na\u00efve \u2014".encode("cp1252"))
    export = parse_wxr(raw)
    assert export.items[0].content == "<p>Na\u00efve \u2014 yes</p>" and export.items[0].title == "Caf\u00e9 society"
    assert str(export.problems[0]) == (f"line {lines_of(text, '<p>Na')} (item 'Café society'): is not UTF-8; "
                                       "read as Windows-1252 (check its accented letters)")


def test_a_broken_item_is_reported_by_the_parser_and_the_others_are_read():
    text = wxr([story(1, "First"), story(2, "Second"), story(3, "Third")])
    text = text.replace("<wp:post_id>2</wp:post_id>", "<wp:post_id>2</wp:post_idd>")
    export = parse_wxr(text.encode())
    assert [item.title for item in export.items][::2] == ["First", "Third"]
    assert any("Second" in str(problem) and "post_id" in str(problem) for problem in export.problems)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<rss><channel><item><title>&lol9;</title></item></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://127.0.0.1:9/x">]>
<rss><channel><item><title>&secret;&remote;</title></item></channel></rss>"""


@pytest.mark.parametrize("raw", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["billion-laughs", "external-entity"])
def test_entity_declarations_are_refused_unread(raw):
    with pytest.raises(WxrError, match=r"line [23]: the file declares entities .* refused unread"):
        parse_wxr(raw)


def test_an_external_dtd_is_refused():
    with pytest.raises(WxrError, match="line 2: the file declares entities or an external DTD"):
        parse_wxr(b'<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:9/wxr.dtd">\n<rss/>')


def test_deep_nesting_is_a_clear_error_not_a_crash():
    raw = wxr([story(1, "Deep")]).replace("<description></description>", "<x>" * 5000 + "</x>" * 5000).encode()
    export = parse_wxr(raw)  # libxml2 stops at its depth limit; what came before is kept
    assert any("depth" in problem.message.lower() for problem in export.problems)


def test_a_50_megabyte_line_is_refused_as_a_huge_text_node_with_its_line():
    text = wxr([story(1, "Small"), story(2, "Huge", content="<p>" + "x" * (50 * 1024 * 1024) + "</p>"), story(3, "After")])
    export = parse_wxr(text.encode())
    assert export.items[0].title == "Small"
    huge = [problem for problem in export.problems if "huge" in problem.message.lower()]
    assert huge and huge[0].line == lines_of(text, "<title><![CDATA[Huge") + 6


def test_the_items_after_a_huge_text_node_are_still_read():
    # libxml2, recovering from a CDATA section over its 10 MB limit, lost every item after it.
    text = wxr([story(1, "Small"), story(2, "Huge", content="<p>" + "word " * 2_100_000 + "</p>"), story(3, "After")])
    export = parse_wxr(text.encode())
    assert [item.title for item in export.items] == ["Small", "Huge", "After"]
    assert export.items[2].content == "<p>Text.</p>"
    [huge] = problems_of(export, export.items[1])
    assert huge.fatal and huge.line == lines_of(text, "<title><![CDATA[Huge") + 6
    assert huge.message == "<content:encoded>'s text is 10.5 MB, a huge text node (XML readers stop at 10 MB); left out"


def test_a_file_that_is_not_an_export_says_so():
    with pytest.raises(WxrError, match=r"^line 1: not a WordPress export: the root element is <html>, not <rss>"):
        parse_wxr(b"<html><body>Not an export</body></html>")
    with pytest.raises(WxrError, match="not XML|holds no XML element"):
        parse_wxr(b"\x00\x01 binary")


@pytest.mark.parametrize("post_id", ["²", "9" * 40])
def test_a_post_id_that_is_not_a_number_is_read_as_none_not_a_crash(post_id):
    text = wxr([story(1, "Harbor notes")]).replace("<wp:post_id>1</wp:post_id>", f"<wp:post_id>{post_id}</wp:post_id>")
    assert f"<wp:post_id>{post_id}</wp:post_id>" in text
    [item] = parse_wxr(text.encode()).items
    assert item.post_id is None


def test_a_cdata_end_split_as_wordpress_writes_it_is_read_back_whole_and_not_reported():
    """wxr_cdata() writes a `]]>` of the text as `]]]]><![CDATA[>`: two sections, read as one text."""
    text = wxr([story(1, "The odd ]]> case", content="<p>a ]]> b</p>")])
    assert text.count("]]]]><![CDATA[>") >= 2
    export = parse_wxr(text.encode())
    [item] = export.items
    assert (item.title, item.content) == ("The odd ]]> case", "<p>a ]]> b</p>")
    assert export.problems == []


def test_an_ampersand_in_a_comment_is_allowed_and_not_reported():
    """XML allows `&` in comments; WordPress's export header has one in its import steps."""
    text = wxr([story(1, "Harbor notes")]).replace(
        "<rss version", "<!-- Then activate & run the importer, & upload the file. -->\n<rss version", 1)
    export = parse_wxr(text.encode())
    assert [item.title for item in export.items] == ["Harbor notes"] and export.problems == []


def test_a_bare_ampersand_after_a_comment_is_still_reported_on_its_own_line():
    text = wxr([story(1, "Harbor notes")]).replace(
        "<title>Reel Harbor</title>", "<!-- a & b -->\n\t<title>Reel & Harbor</title>", 1)
    problems = parse_wxr(text.encode()).problems
    assert [(p.line, p.message) for p in problems] == [
        (lines_of(text, "Reel & Harbor"), "a bare & is not allowed in XML; read as &amp;")]


def test_a_wordpress_com_export_names_its_namespaces_over_https():
    text = wxr([story(1, "Harbor notes", excerpt="Short.", status="draft")]).replace(
        "http://wordpress.org/export/", "https://wordpress.org/export/")
    [item] = parse_wxr(text.encode()).items
    assert (item.post_type, item.status, item.post_id, item.excerpt) == ("post", "draft", 1, "Short.")


def test_markup_kept_as_text_in_a_cdata_section_does_not_end_it():
    """Postmeta holding its own end tag (`<![CDATA[<wp:meta_value>x</wp:meta_value>]]>`), as plugins store HTML."""
    export = parse_wxr(wxr([story(1, "Harbor notes", meta={"layout": "<wp:meta_value>wide</wp:meta_value>"}),
                            story(2, "Pier notes")]).encode())
    assert [item.title for item in export.items] == ["Harbor notes", "Pier notes"]
    assert export.items[0].meta["layout"] == "<wp:meta_value>wide</wp:meta_value>" and export.problems == []


def test_a_cdata_section_closed_on_the_line_before_its_end_tag_is_whole_and_not_reported():
    text = wxr([story(1, "Harbor notes", content="<p>First.</p>\n<p>Second.</p>"), story(2, "Pier notes")])
    text = text.replace("<p>Second.</p>]]></content:encoded>", "<p>Second.</p>]]>\n\t\t</content:encoded>")
    export = parse_wxr(text.encode())
    assert export.items[0].content.rstrip() == "<p>First.</p>\n<p>Second.</p>" and export.problems == []


def test_a_namespace_whose_uri_is_not_ascii_is_reported_and_its_item_still_read():
    text = wxr([story(1, "Harbor notes")]).replace("\t<item>", '\t<item xmlns:extra="http://ëxample.org/ü/">', 1)
    export = parse_wxr(text.encode())
    [item] = export.items
    assert item.content == "<p>Text.</p>"
    [problem] = problems_of(export, item)
    assert not problem.fatal and "is not a valid URI; read all the same" in problem.message


def test_a_file_on_one_line_puts_each_problem_in_its_own_item():
    # Squarespace can write a whole export on one line: every problem fell in the last item that
    # begins on that line (a bare & in the first post's title was reported on, or refused, the last).
    text = wxr([story(1, "R&D at Kestrel", link="https://reelharbor.example/r-and-d/"), story(2, "Calm"),
                story(3, "Last", link="https://reelharbor.example/last-ellipsis/")])
    text = text.replace("r-and-d", "r&d").replace("-ellipsis", "&hellip;")
    one_line = " ".join(line.strip() for line in text.split("\n"))
    export = parse_wxr(one_line.encode())
    first, calm, last = export.items
    assert [problem.message for problem in problems_of(export, first)] == ["a bare & is not allowed in XML; read as &amp;"]
    assert problems_of(export, calm) == []
    assert [problem.message for problem in problems_of(export, last)] == ["entity &hellip; is not declared in XML; read as '…'"]
    assert {export.file_line(item.line) for item in export.items} == {1}  # shown at the file's own line
    assert export.shown(problems_of(export, first)[0]).startswith("line 1 (item 'R&D at Kestrel'): a bare &")
    assert parse_wxr(text.encode()).original_lines is None  # a file as WordPress writes it is read as it is


def test_a_file_in_the_encoding_it_declares_is_read_in_it():
    # WordPress declares its site's charset (`encoding="ISO-8859-1"` on an old site): every accented
    # letter came out doubled ("CafÃ©"), read as Windows-1252 line by line and then again by the
    # declaration. A file saved as UTF-16 was "not a WordPress export".
    text = wxr([story(1, "Café Éclair premières", content="<p>Crème brûlée à l’écran.</p>")])
    latin = parse_wxr(text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("’", "'").encode("latin-1"))
    assert (latin.items[0].title, latin.items[0].content) == ("Café Éclair premières", "<p>Crème brûlée à l'écran.</p>")
    assert latin.problems == []
    windows = parse_wxr(text.replace('encoding="UTF-8"', 'encoding="windows-1252"').encode("cp1252"))
    assert windows.items[0].content == "<p>Crème brûlée à l’écran.</p>" and windows.problems == []
    utf16 = parse_wxr(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    assert utf16.items[0].title == "Café Éclair premières" and utf16.problems == []
    mislabelled = parse_wxr(text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-8"))
    assert mislabelled.items[0].title == "Café Éclair premières"  # valid UTF-8 is UTF-8, whatever it says


def test_entity_declarations_in_a_utf16_file_are_refused_too():
    bomb = '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE rss [<!ENTITY a "aaaa">]>\n<rss><channel></channel></rss>'
    with pytest.raises(WxrError, match="line 2: the file declares entities"):
        parse_wxr(bomb.encode("utf-16"))
