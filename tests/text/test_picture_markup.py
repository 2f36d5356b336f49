"""Inline figures as <picture>: a WebP source before the fallback <img>, kept by the sanitizer."""

from __future__ import annotations

from newsreel.text.document import parse_document
from newsreel.text.sanitize import sanitize_html
from newsreel.text.types import FilmRef, ImageRef

WEBP = "/media/r/still-480w.webp 480w, /media/r/still-960w.webp 960w"
LIBRARY = {
    "still": ImageRef(url="/media/r/still-960w.jpg", alt="A projector in the dark", credit="Photo: Test Desk",
                      width=960, height=540, srcset="/media/r/still-480w.jpg 480w, /media/r/still-960w.jpg 960w",
                      sources=(("image/webp", WEBP),)),
    "plain": ImageRef(url="/media/plain.jpg", alt="A plain still", credit="Photo: Test Desk", width=10, height=10),
}


def html_of(source: str) -> str:
    return parse_document(source, films=(FilmRef("anora-2024", "Anora", 2024),), images=LIBRARY.get).html()


def test_a_figure_with_a_webp_copy_is_a_picture_with_its_source_first():
    html = html_of("![](still)\n")
    assert (f'<figure class="figure"><picture><source type="image/webp" srcset="{WEBP}" sizes="') in html
    img = html[html.index("<img"):html.index("</picture>")]
    for attribute in ('src="/media/r/still-960w.jpg"', 'alt="A projector in the dark"', 'width="960"',
                      'height="540"', 'srcset="/media/r/still-480w.jpg 480w', 'sizes="'):
        assert attribute in img


def test_a_figure_without_modern_copies_stays_a_plain_img():
    html = html_of("![](plain)\n")
    assert "<picture>" not in html and '<figure class="figure"><img src="/media/plain.jpg"' in html


def test_the_sanitizer_keeps_picture_and_image_sources():
    fragment = f'<picture><source type="image/webp" srcset="{WEBP}" sizes="100vw"><img src="/a.jpg" alt="a"></picture>'
    assert sanitize_html(fragment) == fragment


def test_the_sanitizer_drops_a_source_of_another_type_or_a_srcset_with_a_script_url():
    cleaned = sanitize_html('<picture><source type="text/html" srcset="javascript:alert(1) 1x">'
                            '<img src="/a.jpg" alt="a" srcset="javascript:alert(1) 1x, /b.jpg 2x"></picture>')
    assert "text/html" not in cleaned and "javascript" not in cleaned
    assert '<img src="/a.jpg" alt="a">' in cleaned
