"""Ghost's stored post formats -> HTML, for posts exported without their rendered `html`.

Ghost 5 and 6 store the editor's document as Lexical JSON, Ghost 4 (and older 5.x posts) as
Mobiledoc JSON. Both are rendered here to the HTML Ghost itself would write for the nodes
and cards a film site uses (paragraphs, headings, lists, quotes, links, images, galleries,
embeds, HTML and Markdown cards, code, dividers, bookmarks, callouts); anything else is
reported through `warn` and its text kept where it has any. No Django.
"""

from __future__ import annotations

import re
from html import escape, unescape
from typing import Any, Callable

from markdown_it import MarkdownIt

from newsreel.importers.html_markdown import embed_url
from newsreel.json_input import decode_document

Warn = Callable[[str], None]
_IFRAME_SOURCE = re.compile(r"""<iframe\b[^>]*?\ssrc=["']([^"']+)["']""", re.IGNORECASE)
_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
# Lexical's text format bits, in the order Ghost nests them.
_FORMATS = ((16, "code"), (1, "strong"), (2, "em"), (4, "s"), (8, "u"), (32, "sub"), (64, "sup"))


# Lexical nodes deeper than this are read as their text alone: the HTML they would make is
# flattened there by the conversion anyway (html_markdown.MAX_DEPTH), and rendering them
# recursively ran out of Python's stack, failing the whole post (found by mutating exports, 2026-12-06).
MAX_NODE_DEPTH = 60


def lexical_to_html(text: str, warn: Warn) -> str:
    """The HTML of a Lexical document; JsonInputError when it is not JSON, ValueError when it has no root."""
    document = decode_document(text, what="a Lexical document")
    root = document.get("root") if isinstance(document, dict) else None
    if not isinstance(root, dict):
        raise ValueError("has no root node")
    return "".join(_lexical_node(child, warn) for child in _children(root))


def _text(value: Any) -> str:
    """A field Ghost writes as text (a number is read as its digits): anything else, a list or an
    object in a hand-edited or broken export, is read as absent, never as its Python repr."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value) if abs(value) < 10**100 else ""
    return ""


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _words_below(node: dict) -> str:
    """The text of every node under `node`, read without recursion (it may be nested thousands deep)."""
    words: list[str] = []
    stack: list[Any] = [node]
    while stack:
        current = stack.pop()
        if not isinstance(current, dict):
            continue
        if current.get("type") in ("text", "extended-text", "tk"):
            words.append(_text(current.get("text")))
        elif current.get("type") == "linebreak":
            words.append(" ")
        stack.extend(reversed(_children(current)))
    return escape(" ".join(" ".join(words).split()))


def _children(node: dict) -> list[dict]:
    children = node.get("children")
    return [child for child in children if isinstance(child, dict)] if isinstance(children, list) else []


def _inline(node: dict, warn: Warn, depth: int = 0) -> str:
    if depth >= MAX_NODE_DEPTH:
        warn(f"Ghost document nested more than {MAX_NODE_DEPTH} levels deep; below that only its text is kept")
        return _words_below(node)
    return "".join(_lexical_node(child, warn, depth + 1) for child in _children(node))


def _lexical_node(node: dict, warn: Warn, depth: int = 0) -> str:
    kind = node.get("type")
    if kind in ("text", "extended-text", "tk"):  # a TK node: a "to come" reminder, its text as written
        html = escape(_text(node.get("text")))
        format_bits = node.get("format") if isinstance(node.get("format"), int) else 0
        for bit, tag in _FORMATS:
            if format_bits & bit:
                html = f"<{tag}>{html}</{tag}>"
        return html
    if kind == "linebreak":
        return "<br>"
    if kind == "tab":
        return " "
    if kind in ("link", "autolink"):
        return f'<a href="{escape(_text(node.get("url")))}">{_inline(node, warn, depth)}</a>'
    if kind == "paragraph":
        return f"<p>{_inline(node, warn, depth)}</p>"
    if kind in ("heading", "extended-heading"):
        tag = _text(node.get("tag")) or "h2"
        tag = tag if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} else "h2"
        return f"<{tag}>{_inline(node, warn, depth)}</{tag}>"
    if kind in ("quote", "extended-quote", "aside"):
        return f"<blockquote>{_inline(node, warn, depth)}</blockquote>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        return f"<{tag}>{_inline(node, warn, depth)}</{tag}>"
    if kind == "listitem":
        return f"<li>{_inline(node, warn, depth)}</li>"
    if not shown_to_visitors(node.get("visibility")):
        warn(f"Ghost {kind} card is shown only to members in Ghost; left out (nothing members-only is published)")
        return ""
    return _card(str(kind), node, warn)


def shown_to_visitors(visibility: Any) -> bool:
    """Whether a card with this `visibility` is on the web page a visitor (not a member) sees:
    Ghost 5.9+ writes `{"web": {"nonMember": bool, "memberSegment": …}, "email": …}`, Ghost 5.8x
    `{"showOnWeb": bool, "showOnEmail": bool, "segment": …}`; a card without one is shown to all."""
    if not isinstance(visibility, dict):
        return True
    web = visibility.get("web")
    if isinstance(web, dict):
        return web.get("nonMember") is not False
    return visibility.get("showOnWeb") is not False


# Cards Newsreel has nothing for, each left out with why.
_LEFT_OUT = {
    "transistor": "Ghost transistor card (a members' podcast player) has no Newsreel equivalent; left out",
    "email": "Ghost email card (shown only in the newsletter email) is not part of the post on the web; left out",
    "email-cta": "Ghost email-cta card (shown only in the newsletter email) is not part of the post on the web; left out",
    "collection": "Ghost collection card (a list of posts Ghost draws when the page is shown) has no Newsreel equivalent; "
                  "left out",
}


def _card(kind: str, payload: dict, warn: Warn) -> str:
    """A Ghost card, the same in Lexical (a node) and Mobiledoc (a card's payload)."""
    if kind in _LEFT_OUT:
        warn(_LEFT_OUT[kind])
        return ""
    if kind == "call-to-action":
        return _call_to_action(payload, warn)
    if kind == "image":
        return _image_figure(payload)
    if kind == "gallery":
        images = [image for image in _list(payload.get("images")) if isinstance(image, dict)]
        caption = f"<figcaption>{_text(payload.get('caption'))}</figcaption>" if _text(payload.get("caption")) else ""
        # Each picture keeps its own caption (a figure inside the gallery's), as WordPress's gallery does.
        return "<figure>" + "".join(_image_figure(image) if image.get("caption") else _img(image) for image in images) \
            + caption + "</figure>"
    if kind == "embed":
        # Ghost keeps the address it was given, often a player's (/embed/ID, what its editor
        # gets from a pasted iframe), and sometimes only the iframe: either way, the page it plays.
        url = _text(payload.get("url")) or _iframe_source(_text(payload.get("html")))
        caption = _plain(payload.get("caption"))
        caption_attribute = f' data-caption="{escape(caption)}"' if caption else ""
        return f'<nrembed data-url="{escape(embed_url(url))}"{caption_attribute}></nrembed>' if url else ""
    if kind == "bookmark":
        url = _text(payload.get("url"))
        # Lexical keeps the page's title on the card, Mobiledoc in its `metadata`.
        metadata = payload.get("metadata") if isinstance(payload.get("metadata"), dict) else {}
        title = _plain(payload.get("title")) or _plain(metadata.get("title"))
        caption = _plain(payload.get("caption"))
        return (f'<p><a href="{escape(url)}">{escape(str(title or url))}</a></p>'
                + (f"<p>{escape(caption)}</p>" if caption else "")) if url else ""
    if kind == "html":
        return _text(payload.get("html"))
    if kind in ("markdown", "card-markdown"):  # `card-markdown`: Ghost 1–2's name for it, in old Mobiledoc
        return _MARKDOWN.render(_text(payload.get("markdown")))
    if kind in ("horizontalrule", "hr", "divider"):
        return "<hr>"
    if kind in ("codeblock", "code"):
        return f"<pre><code>{escape(_text(payload.get('code')))}</code></pre>"
    if kind == "callout":
        return f"<blockquote>{_text(payload.get('calloutText'))}</blockquote>"
    if kind == "toggle":  # a question and its answer, folded: both shown
        return f"<p><strong>{escape(_plain(payload.get('heading')))}</strong></p>{_text(payload.get('content'))}"
    if kind == "button":
        return _link(payload.get("buttonUrl"), payload.get("buttonText"))
    if kind == "header":  # a banner: its heading, its line under it and its button
        header, subheader = _plain(payload.get("header")), _plain(payload.get("subheader"))
        return ((f"<h2>{escape(header)}</h2>" if header else "") + (f"<p>{escape(subheader)}</p>" if subheader else "")
                + (_link(payload.get("buttonUrl"), payload.get("buttonText")) if payload.get("buttonEnabled") else ""))
    if kind == "product":  # a thing for sale: its name, description, picture and button
        title = _plain(payload.get("productTitle"))
        image = _image_figure({"src": payload["productImageSrc"], "alt": title}) if _text(payload.get("productImageSrc")) else ""
        return (image + (f"<h4>{escape(title)}</h4>" if title else "") + _text(payload.get("productDescription"))
                + (_link(payload.get("productUrl"), payload.get("productButton")) if payload.get("productButtonEnabled") else ""))
    if kind == "signup":  # a form to join the Ghost site's members: nothing to join on Newsreel
        warn("Ghost signup card (a form to become a member) has no Newsreel equivalent; left out")
        return ""
    if kind in ("paywall", "audio", "video", "file"):
        text = _text(payload.get("content")) or _text(payload.get("header")) or _text(payload.get("heading"))
        warn(f"Ghost {kind} card has no Newsreel equivalent; left out" + (" (its text kept)" if text else ""))
        return f"<p>{text}</p>" if text else ""
    warn(f"Ghost {kind!r} node is not one Newsreel knows; left out")
    return ""


def _call_to_action(payload: dict, warn: Warn) -> str:
    """Ghost 6's call-to-action card: its sponsor label (in italics), its text and its button as a
    link; its colours and layout are not kept, nor its picture (which has no alt text or credit)."""
    label = _plain(payload.get("sponsorLabel")) if payload.get("hasSponsorLabel") else ""
    if payload.get("imageUrl") and payload.get("hasImage") is not False:  # `hasImage`: Ghost 6.0's switch
        warn(f"Ghost call-to-action card's picture {_text(payload['imageUrl'])!r} is left out "
             "(a card's picture has no alt text or credit); its text is kept")
    button = _link(payload.get("buttonUrl"), payload.get("buttonText")) if payload.get("showButton") else ""
    return (f"<p><em>{escape(label)}</em></p>" if label else "") + _text(payload.get("textValue")) + button


def _plain(value: Any) -> str:
    """Text of a card's field, which Ghost may hold as HTML (`<span style=…>Heading</span>`)."""
    return " ".join(unescape(re.sub(r"<[^>]*>", " ", _text(value))).split())


def _link(url: Any, text: Any) -> str:
    url, text = _text(url).strip(), _plain(text)
    if not url.startswith(("http://", "https://", "/", "__GHOST_URL__")):
        return f"<p>{escape(text)}</p>" if text else ""
    return f'<p><a href="{escape(url)}">{escape(text or url)}</a></p>'


def _iframe_source(html: str) -> str:
    found = _IFRAME_SOURCE.search(html)
    return unescape(found.group(1)) if found else ""


def _img(image: dict) -> str:
    return f'<img src="{escape(_text(image.get("src")))}" alt="{escape(_text(image.get("alt")))}">'


def _image_figure(payload: dict) -> str:
    caption = _text(payload.get("caption"))
    return "<figure>" + _img(payload) + (f"<figcaption>{caption}</figcaption>" if caption else "") + "</figure>"


def mobiledoc_to_html(text: str, warn: Warn) -> str:
    """The HTML of a Mobiledoc document; JsonInputError when it is not JSON, ValueError when not an object."""
    document = decode_document(text, what="a Mobiledoc document")
    if not isinstance(document, dict):
        raise ValueError("is not a Mobiledoc object")
    version = _text(document.get("version"))
    if version.startswith("0.2"):
        document = _from_0_2(document)
    elif version and not version.startswith("0.3"):
        raise MobiledocVersionError(version)
    # A part of the wrong type reads as empty (a list of cards that is a number failed the whole post).
    markups = [m for m in _list(document.get("markups")) if isinstance(m, list) and m and isinstance(m[0], str)]
    atoms = _list(document.get("atoms"))
    for atom in atoms:
        if isinstance(atom, list) and atom and atom[0] not in KNOWN_ATOMS:
            text = _text(atom[1]) if len(atom) > 1 else ""
            warn(f"Ghost Mobiledoc atom {_text(atom[0]) or atom[0]!r} is not one Newsreel knows; "
                 + (f"its text {text!r} kept" if text else "left out (it has no text)"))
    cards = _list(document.get("cards"))
    out: list[str] = []
    for section in _list(document.get("sections")):
        if not isinstance(section, list) or not section:
            continue
        kind = section[0]
        if kind == 1 and len(section) >= 3:
            tag = str(section[1]).lower()
            tag = {"aside": "blockquote", "pull-quote": "blockquote"}.get(tag, tag)
            tag = tag if tag in {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"} else "p"
            out.append(f"<{tag}>{_markers(section[2], markups, atoms)}</{tag}>")
        elif kind == 3 and len(section) >= 3:
            tag = "ol" if str(section[1]).lower() == "ol" else "ul"
            items = "".join(f"<li>{_markers(item, markups, atoms)}</li>" for item in _list(section[2]) if isinstance(item, list))
            out.append(f"<{tag}>{items}</{tag}>")
        elif kind == 10 and len(section) >= 2 and isinstance(section[1], int) and 0 <= section[1] < len(cards):
            card = cards[section[1]]
            if isinstance(card, list) and len(card) >= 2 and isinstance(card[1], dict):
                out.append(_card(str(card[0]), card[1], warn))
        elif kind == 2 and len(section) >= 2:
            out.append(_image_figure({"src": _text(section[1])}))
    return "".join(out)


# The atoms Ghost's editor writes: a line break inside a paragraph (shift-return).
KNOWN_ATOMS = {"soft-return"}


class MobiledocVersionError(ValueError):
    """A Mobiledoc version this reader does not know (0.2 and 0.3 are Ghost's): its parts are laid out otherwise."""

    def __init__(self, version: str) -> None:
        super().__init__(version)
        self.version = version


def _from_0_2(document: dict) -> dict:
    """Mobiledoc 0.2 (Ghost 1.x) laid out as 0.3: its `sections` are [markups, sections], a marker
    is [opened markups, number closed, text] without 0.3's leading type, and a card section holds
    its card, [10, name, payload], where 0.3 names one in `cards` by its index."""
    parts = _list(document.get("sections"))
    markups = _list(parts[0]) if parts else []
    sections, cards = [], []
    for section in _list(parts[1]) if len(parts) > 1 else []:
        if not isinstance(section, list) or not section:
            continue
        if section[0] == 10 and len(section) >= 2:
            cards.append([section[1], section[2] if len(section) > 2 and isinstance(section[2], dict) else {}])
            sections.append([10, len(cards) - 1])
        elif section[0] == 1 and len(section) >= 3:
            sections.append([1, section[1], _markers_0_3(section[2])])
        elif section[0] == 3 and len(section) >= 3:
            sections.append([3, section[1], [_markers_0_3(item) for item in _list(section[2])]])
        else:
            sections.append(section)
    return {"version": "0.3.1", "markups": markups, "atoms": [], "cards": cards, "sections": sections}


def _markers_0_3(markers: Any) -> list:
    return [[0, *marker] if isinstance(marker, list) else marker for marker in _list(markers)]


def _markers(markers: Any, markups: list[list], atoms: list) -> str:
    """Mobiledoc markers: [type, opened markup indexes, number closed, value]."""
    html: list[str] = []
    open_tags: list[str] = []
    for marker in markers if isinstance(markers, list) else []:
        if not isinstance(marker, list) or len(marker) < 4:
            continue
        kind, opened, closed, value = marker[:4]
        for index in opened if isinstance(opened, list) else []:
            if isinstance(index, int) and 0 <= index < len(markups):
                tag = str(markups[index][0]).lower()
                attributes = markups[index][1] if len(markups[index]) > 1 and isinstance(markups[index][1], list) else []
                pairs = {name: value for name, value in zip(attributes[::2], attributes[1::2]) if isinstance(name, str)}
                attrs = f' href="{escape(_text(pairs["href"]))}"' if tag == "a" and "href" in pairs else ""
                html.append(f"<{tag}{attrs}>")
                open_tags.append(tag)
        if kind == 1 and isinstance(value, int) and 0 <= value < len(atoms) and isinstance(atoms[value], list):
            atom = atoms[value]
            html.append("<br>" if atom and atom[0] == "soft-return" else escape(_text(atom[1] if len(atom) > 1 else "")))
        elif kind != 1:  # an atom that is not in the document: nothing (its index is no text)
            html.append(escape(_text(value)))
        # No more than are open: a count of 10**12 (a broken export) looped that many times.
        for _ in range(min(closed, len(open_tags)) if isinstance(closed, int) else 0):
            html.append(f"</{open_tags.pop()}>")
    html.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(html)
