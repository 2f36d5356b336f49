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
