"""Ghost 5–6 cards the importer had not met: call-to-action, Transistor, email-only content,
collections, Lexical's own bookmark fields, and cards shown only to members.

Written from Ghost's card specification (Koenig's default nodes): a call-to-action (Ghost 6) holds
`textValue` (HTML), `showButton`/`buttonText`/`buttonUrl`, `hasSponsorLabel`/`sponsorLabel` and an
optional `imageUrl`; an HTML, call-to-action or Transistor card has a `visibility`
(`{"web": {"nonMember": …, "memberSegment": …}, "email": {…}}`; Ghost 5.8x wrote `showOnWeb`), and in
the rendered `html` a card hidden from visitors sits between `<!--kg-gated-block:begin nonMember:false
memberSegment:"…" -->` and `<!--kg-gated-block:end-->`. Every name and address here is invented.
"""

from __future__ import annotations

import json

from newsreel.importers.ghost import ghost_cards
from newsreel.importers.ghost_documents import lexical_to_html, mobiledoc_to_html
from newsreel.importers.html_markdown import html_to_markdown

MEMBERS_ONLY = {"web": {"nonMember": False, "memberSegment": "status:free,status:-free"},
                "email": {"memberSegment": "status:free,status:-free"}}
EVERYONE = {"web": {"nonMember": True, "memberSegment": "status:free,status:-free"},
            "email": {"memberSegment": "status:free,status:-free"}}


def lexical(*nodes: dict) -> str:
    return json.dumps({"root": {"type": "root", "version": 1, "children": list(nodes)}})


def render(*nodes: dict) -> tuple[str, list[str]]:
    warnings: list[str] = []
    html = lexical_to_html(lexical(*nodes), warnings.append)
    return html_to_markdown(html, images=lambda *_: None, warn=warnings.append), warnings


def call_to_action(**fields) -> dict:
    return {"type": "call-to-action", "version": 1, "layout": "minimal", "alignment": "left",
            "textValue": '<p><span style="white-space: pre-wrap;">Members see <b>Salt Ledger</b> first.</span></p>',
            "showButton": True, "showDividers": True, "buttonText": "Get tickets", "buttonUrl": "https://tickets.example/salt",
            "buttonColor": "#000000", "buttonTextColor": "#ffffff", "hasSponsorLabel": True,
            "sponsorLabel": '<p><span style="white-space: pre-wrap;">SPONSORED</span></p>', "backgroundColor": "grey",
            "linkColor": "text", "imageUrl": "", "imageWidth": None, "imageHeight": None, "visibility": EVERYONE} | fields


def test_a_call_to_action_keeps_its_label_text_and_button_and_nothing_of_its_script():
    text, warnings = render(call_to_action(textValue='<p>Screening at the pier.</p><script>steal()</script>'
                                                     '<p onclick="x()">Bring a coat.</p>'))
    assert text == "*SPONSORED*\n\nScreening at the pier.\n\nBring a coat.\n\n[Get tickets](https://tickets.example/salt)\n"
    assert warnings == []


def test_a_call_to_action_without_a_button_or_label_is_its_text_and_its_picture_is_named():
    text, warnings = render(call_to_action(showButton=False, hasSponsorLabel=False, imageUrl="__GHOST_URL__/content/images/cta.jpg"))
    assert text == "Members see **Salt Ledger** first.\n"
    assert warnings == ["Ghost call-to-action card's picture '__GHOST_URL__/content/images/cta.jpg' is left out "
                        "(a card's picture has no alt text or credit); its text is kept"]


def test_cards_shown_only_to_members_are_left_out_in_both_visibility_formats():
    text, warnings = render(
        {"type": "paragraph", "version": 1, "children": [{"type": "extended-text", "text": "For everyone."}]},
        {"type": "html", "version": 1, "html": "<p>The secret screening code is 4411.</p>", "visibility": MEMBERS_ONLY},
        {"type": "html", "version": 1, "html": "<p>Ghost 5.8x: members only.</p>",
         "visibility": {"showOnWeb": False, "showOnEmail": True, "segment": ""}},
        call_to_action(visibility=MEMBERS_ONLY),
        {"type": "html", "version": 1, "html": "<p>Shown to visitors too.</p>", "visibility": EVERYONE},
    )
    assert text == "For everyone.\n\nShown to visitors too.\n"
    assert warnings == ["Ghost html card is shown only to members in Ghost; left out (nothing members-only is published)"] * 2 + [
        "Ghost call-to-action card is shown only to members in Ghost; left out (nothing members-only is published)"]


def test_transistor_email_and_collection_cards_are_left_out_naming_the_card():
    text, warnings = render(
        {"type": "transistor", "version": 1, "accentColor": "", "backgroundColor": "", "visibility": EVERYONE},
        {"type": "email", "version": 1, "html": "<p>Hi {first_name}, this week in the newsletter only.</p>"},
        {"type": "collection", "version": 1, "collection": "latest", "postCount": 3, "layout": "grid", "columns": 3, "header": ""},
        {"type": "paragraph", "version": 1, "children": [{"type": "extended-text", "text": "After them."}]},
    )
    assert text == "After them.\n"
    assert warnings == [
        "Ghost transistor card (a members' podcast player) has no Newsreel equivalent; left out",
        "Ghost email card (shown only in the newsletter email) is not part of the post on the web; left out",
        "Ghost collection card (a list of posts Ghost draws when the page is shown) has no Newsreel equivalent; left out",
    ]


def test_a_lexical_bookmark_keeps_its_title_and_an_old_markdown_card_is_read():
    text, _ = render({"type": "bookmark", "version": 1, "url": "https://festival.example/programme", "title": "The programme",
                      "description": "Nine days of films", "caption": "", "author": "", "publisher": "Saltmarsh", "icon": "",
                      "thumbnail": ""})
    assert text == "[The programme](https://festival.example/programme)\n"
    document = {"version": "0.3.1", "atoms": [], "markups": [], "sections": [[10, 0]],
                "cards": [["card-markdown", {"cardName": "card-markdown", "markdown": "An *old* card."}]]}
    assert mobiledoc_to_html(json.dumps(document), warn=print).strip() == "<p>An <em>old</em> card.</p>"


def test_rendered_html_keeps_what_visitors_saw_and_drops_what_only_members_did():
    warnings: list[str] = []
    html = ('<p>For everyone.</p>\n<!--kg-gated-block:begin nonMember:false memberSegment:"status:free,status:-free" -->'
            '<p>The secret screening code is 4411.</p><!--kg-gated-block:end-->\n'
            '<!--kg-gated-block:begin nonMember:true memberSegment:"" --><p>Join us, visitor.</p><!--kg-gated-block:end-->')
    text = html_to_markdown(ghost_cards(html, warnings.append), images=lambda *_: None, warn=warnings.append)
    assert text == "For everyone.\n\nJoin us, visitor.\n"
    assert warnings == ["a part of the post shown only to members in Ghost (a gated block) is left out "
                        "(nothing members-only is published)"]


def test_a_rendered_call_to_action_is_the_same_as_its_lexical_card():
    warnings: list[str] = []
    html = ('<div class="kg-card kg-cta-card kg-cta-bg-grey kg-cta-minimal" data-layout="minimal">\n'
            '  <div class="kg-cta-sponsor-label">\n    <span style="white-space: pre-wrap;">SPONSORED</span>\n  </div>\n'
            '  <div class="kg-cta-content">\n    <div class="kg-cta-image-container">\n'
            '      <img src="__GHOST_URL__/content/images/2025/01/cta.jpg" alt="CTA Image">\n    </div>\n'
            '    <div class="kg-cta-content-inner">\n      <div class="kg-cta-text"><p>Screening at the pier.</p></div>\n'
            '      <a href="https://tickets.example/salt" class="kg-cta-button kg-style-accent" style="color: #ffffff;">\n'
            '        Get tickets\n      </a>\n    </div>\n  </div>\n</div>')
    text = html_to_markdown(ghost_cards(html, warnings.append), images=lambda *_: None, warn=warnings.append)
    assert text == "*SPONSORED*\n\nScreening at the pier.\n\n[Get tickets](https://tickets.example/salt)\n"
    assert warnings == ["Ghost call-to-action card's picture '/content/images/2025/01/cta.jpg' is left out "
                        "(a card's picture has no alt text or credit); its text is kept"]
