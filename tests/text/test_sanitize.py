"""One HTML policy: what the renderer emits survives; scripts, handlers and bad URLs do not."""

from __future__ import annotations

from newsreel.text.document import parse_document
from newsreel.text.sanitize import sanitize_html, strip_tags
from newsreel.text.types import FilmRef


def render(source: str) -> str:
    return parse_document(source, films=(FilmRef("anora-2024", "Anora", 2024),), images=lambda _: None).html()


def test_script_blocks_are_removed_with_their_content() -> None:
    html = render("Before.\n\n<script>alert('x')</script>\n\nAfter.")
    assert "<script" not in html and "alert" not in html
    assert "<p>Before.</p>" in html and "<p>After.</p>" in html


def test_inline_script_and_style_are_removed() -> None:
    html = render("Hello <script>steal()</script> <style>body{display:none}</style>world")
    assert "steal" not in html and "display" not in html and "<style" not in html


def test_event_handler_attributes_are_stripped() -> None:
    html = sanitize_html('<p onclick="x()">Hi <b onmouseover="y()">there</b></p><a href="/a" onerror="z()">a</a>')
    assert "onclick" not in html and "onmouseover" not in html and "onerror" not in html
    assert "<p>Hi <b>there</b></p>" in html


def test_javascript_urls_are_stripped_from_markdown_and_raw_html() -> None:
    html = render('[click](javascript:alert(1)) <a href="javascript:alert(2)">raw</a> <a href="JaVaScRiPt:alert(3)">mixed</a>')
    assert "href=" not in html  # markdown leaves the link as plain text; nh3 drops the href
    assert "<a>raw</a>" in html and "<a>mixed</a>" in html


def test_data_and_vbscript_urls_are_stripped() -> None:
    html = sanitize_html('<a href="data:text/html,<script>x</script>">d</a><a href="vbscript:x">v</a>')
    assert "data:" not in html and "vbscript" not in html


def test_unknown_tags_lose_their_markup_but_keep_their_text() -> None:
    html = sanitize_html("<iframe src=\"https://evil.example\"></iframe><marquee>moving</marquee><h1>Title</h1>")
    assert "<iframe" not in html and "<marquee" not in html and "<h1" not in html
    assert "moving" in html and "Title" in html


def test_what_the_renderer_emits_survives() -> None:
    rendered = (
        '<details class="spoiler" data-film="anora-2024"><summary class="spoiler-summary">'
        '<span class="spoiler-label">Spoilers for <cite>Anora</cite> (2024)</span></summary>'
        '<div class="spoiler-body"><p>x</p></div></details>'
        '<aside class="editors-note"><p class="editors-note-label">Editor\'s note</p></aside>'
        '<figure class="figure"><img src="/m.jpg" alt="a" width="10" height="20" srcset="/m.jpg 1x" '
        'sizes="100vw" loading="lazy" decoding="async"><figcaption><span class="caption">c</span> '
        '<span class="credit">Photo: X</span></figcaption></figure>'
        '<p>A<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>'
        '<section class="footnotes"><ol class="footnotes-list"><li id="fn1" class="footnote-item">'
        '<p>n <a href="#fnref1" class="footnote-backref">back</a></p></li></ol></section>'
        '<table><thead><tr><th style="text-align:left">h</th></tr></thead>'
        '<tbody><tr><td style="text-align:right">d</td></tr></tbody></table>'
    )
    assert sanitize_html(rendered) == rendered


def test_classes_outside_the_policy_are_dropped() -> None:
    html = sanitize_html('<p class="spoiler-notice evil-overlay">x</p><pre><code class="language-python">y</code></pre>')
    assert '<p class="spoiler-notice">' in html
    assert '<code class="language-python">' in html


def test_ids_other_than_footnote_anchors_are_dropped() -> None:
    html = sanitize_html('<li id="main-nav">a</li><li id="fn2">b</li>')
    assert 'id="main-nav"' not in html and 'id="fn2"' in html


def test_style_attributes_keep_only_table_alignment() -> None:
    html = sanitize_html(
        '<p style="position:fixed">a</p><td style="text-align:center; background:url(x)">b</td>'
    )
    assert "position" not in html and "background" not in html


def test_external_links_get_rel_noopener_and_internal_ones_do_not() -> None:
    html = sanitize_html(
        '<a href="https://example.org/">ext</a> <a href="//cdn.example/x">proto</a> '
        '<a href="/films/anora-2024/">int</a> <a href="#fn1">anchor</a>'
    )
    assert '<a href="https://example.org/" rel="noopener">ext</a>' in html
    assert '<a href="//cdn.example/x" rel="noopener">proto</a>' in html
    assert '<a href="/films/anora-2024/">int</a>' in html
    assert '<a href="#fn1">anchor</a>' in html


def test_existing_rel_keeps_known_values_and_gains_noopener() -> None:
    html = sanitize_html('<a href="https://example.org/" rel="nofollow me">x</a>')
    assert 'rel="nofollow noopener"' in html


def test_markdown_links_to_other_sites_get_noopener() -> None:
    assert '<a href="https://example.org" rel="noopener">site</a>' in render("[site](https://example.org)")


def test_html_comments_are_removed() -> None:
    assert "secret" not in render("Text <!-- secret --> more")


def test_writers_may_use_harmless_raw_html() -> None:
    html = render('An <abbr title="Academy Awards">Oscars</abbr> <mark>note</mark>.')
    assert '<abbr title="Academy Awards">Oscars</abbr>' in html and "<mark>note</mark>" in html


def test_strip_tags_returns_text_without_script_content() -> None:
    assert strip_tags("<p>Tom &amp; <b>Jerry</b></p><script>x()</script>") == "Tom & Jerry"
