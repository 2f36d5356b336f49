"""Ghost's Lexical and Mobiledoc documents as HTML for the converter: the cards an export holds."""

from __future__ import annotations

import json

import pytest

from newsreel.importers.ghost_documents import lexical_to_html, mobiledoc_to_html


def lexical(*nodes: dict) -> str:
    return json.dumps({"root": {"type": "root", "version": 1, "children": list(nodes)}})


def embed(url: str, html: str = "") -> dict:
    """An embed node as Ghost 5's editor keeps a pasted player (no oEmbed data)."""
    return {"type": "embed", "version": 1, "url": url, "embedType": "", "html": html, "metadata": {}, "caption": ""}


@pytest.mark.parametrize("url, page", [
    ("https://www.youtube.com/embed/aqz-KE-bpKQ?feature=oembed", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"),
    ("https://player.vimeo.com/video/76979871", "https://vimeo.com/76979871"),
    ("https://www.youtube.com/watch?v=aqz-KE-bpKQ", "https://www.youtube.com/watch?v=aqz-KE-bpKQ"),
])
def test_an_embed_card_is_the_page_its_player_plays(url, page):
    assert lexical_to_html(lexical(embed(url)), warn=print) == f'<nrembed data-url="{page}"></nrembed>'


def test_an_embed_card_with_only_its_iframe_takes_the_iframes_address():
    html = '<iframe width="200" height="113" src="https://player.vimeo.com/video/76979871?h=ab&amp;x=1" allowfullscreen></iframe>'
    assert lexical_to_html(lexical(embed("", html)), warn=print) == '<nrembed data-url="https://vimeo.com/76979871"></nrembed>'


def test_an_embed_card_with_no_address_at_all_is_left_out():
    assert lexical_to_html(lexical(embed("", "<p>no player</p>")), warn=print) == ""


def test_a_mobiledoc_embed_card_is_read_the_same_way():
    document = {"version": "0.3.1", "atoms": [], "markups": [], "sections": [[10, 0]],
                "cards": [["embed", {"url": "https://www.youtube.com/embed/aqz-KE-bpKQ", "html": ""}]]}
    assert mobiledoc_to_html(json.dumps(document), warn=print) == (
        '<nrembed data-url="https://www.youtube.com/watch?v=aqz-KE-bpKQ"></nrembed>')


def test_cards_that_hold_words_keep_them_and_a_signup_form_is_left_out():
    # Found by the sweep of 2026-12-06: a toggle lost its question, a button, a header's line and
    # a product card lost everything, a signup card kept its heading without its form, and a
    # gallery's pictures and an embed lost their captions.
    warnings: list[str] = []
    html = lexical_to_html(lexical(
        {"type": "toggle", "version": 1, "heading": '<span style="white-space: pre-wrap;">Is there a Q&amp;A?</span>',
         "content": '<p dir="ltr"><span style="white-space: pre-wrap;">Yes, after the screening.</span></p>'},
        {"type": "button", "version": 1, "buttonText": "Book tickets", "alignment": "center", "buttonUrl": "https://tickets.example/salt"},
        {"type": "header", "version": 2, "size": "small", "style": "dark", "buttonEnabled": False, "buttonUrl": "", "buttonText": "",
         "header": '<span style="white-space: pre-wrap;">Festival week</span>', "subheader": "<span>Nine days</span>"},
        {"type": "product", "version": 1, "productImageSrc": "", "productTitle": "<span>Salt Ledger poster</span>",
         "productDescription": '<p dir="ltr"><span>Screen-printed.</span></p>', "productRatingEnabled": False,
         "productButtonEnabled": True, "productButton": "Buy", "productUrl": "https://shop.example/poster"},
        {"type": "signup", "version": 1, "header": "<span>Sign up for Tidewater</span>", "subheader": "", "buttonText": "Subscribe"},
        {"type": "gallery", "version": 1, "caption": "Stills", "images": [
            {"row": 0, "src": "__GHOST_URL__/content/images/2024/03/pier.jpg", "alt": "", "caption": "The pier"},
            {"row": 0, "src": "__GHOST_URL__/content/images/2024/03/boat.jpg", "alt": "A boat", "caption": ""}]},
        {"type": "embed", "version": 1, "url": "https://vimeo.com/76979871", "embedType": "video", "html": "", "metadata": {},
         "caption": "<span>The teaser</span>"},
        {"type": "bookmark", "version": 1, "url": "https://festival.example/programme", "caption": "The full list",
         "metadata": {"title": "Programme"}},
    ), warnings.append)
    assert html == (
        "<p><strong>Is there a Q&amp;A?</strong></p><p dir=\"ltr\"><span>Yes, after the screening.</span></p>".replace(
            "<span>", '<span style="white-space: pre-wrap;">')
        + '<p><a href="https://tickets.example/salt">Book tickets</a></p>'
        + "<h2>Festival week</h2><p>Nine days</p>"
        + '<h4>Salt Ledger poster</h4><p dir="ltr"><span>Screen-printed.</span></p><p><a href="https://shop.example/poster">Buy</a></p>'
        + '<figure><figure><img src="__GHOST_URL__/content/images/2024/03/pier.jpg" alt=""><figcaption>The pier</figcaption></figure>'
          '<img src="__GHOST_URL__/content/images/2024/03/boat.jpg" alt="A boat"><figcaption>Stills</figcaption></figure>'
        + '<nrembed data-url="https://vimeo.com/76979871" data-caption="The teaser"></nrembed>'
        + '<p><a href="https://festival.example/programme">Programme</a></p><p>The full list</p>')
    assert warnings == ["Ghost signup card (a form to become a member) has no Newsreel equivalent; left out"]
