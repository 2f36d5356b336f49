"""Ghost's stored post formats -> HTML, for posts exported without their rendered `html`.

Ghost 5 and 6 store the editor's document as Lexical JSON, Ghost 4 (and older 5.x posts) as
Mobiledoc JSON. Both are rendered here to the HTML Ghost itself would write for the nodes
and cards a film site uses (paragraphs, headings, lists, quotes, links, images, galleries,
embeds, HTML and Markdown cards, code, dividers, bookmarks, callouts); anything else is
reported through `warn` and its text kept where it has any. No Django.
"""

from __future__ import annotations

import json
import re
from html import escape, unescape
from typing import Any, Callable

from markdown_it import MarkdownIt

from newsreel.importers.html_markdown import embed_url

Warn = Callable[[str], None]
_IFRAME_SOURCE = re.compile(r"""<iframe\b[^>]*?\ssrc=["']([^"']+)["']""", re.IGNORECASE)
_MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
# Lexical's text format bits, in the order Ghost nests them.
_FORMATS = ((16, "code"), (1, "strong"), (2, "em"), (4, "s"), (8, "u"), (32, "sub"), (64, "sup"))


def lexical_to_html(text: str, warn: Warn) -> str:
    document = json.loads(text)
    root = document.get("root") if isinstance(document, dict) else None
    if not isinstance(root, dict):
        raise ValueError("has no root node")
    return "".join(_lexical_node(child, warn) for child in _children(root))


def _children(node: dict) -> list[dict]:
    children = node.get("children")
    return [child for child in children if isinstance(child, dict)] if isinstance(children, list) else []


def _inline(node: dict, warn: Warn) -> str:
    return "".join(_lexical_node(child, warn) for child in _children(node))


def _lexical_node(node: dict, warn: Warn) -> str:
    kind = node.get("type")
    if kind in ("text", "extended-text", "tk"):  # a TK node: a "to come" reminder, its text as written
        html = escape(str(node.get("text", "")))
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
        return f'<a href="{escape(str(node.get("url", "")))}">{_inline(node, warn)}</a>'
    if kind == "paragraph":
        return f"<p>{_inline(node, warn)}</p>"
    if kind in ("heading", "extended-heading"):
        tag = str(node.get("tag", "h2"))
        tag = tag if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} else "h2"
        return f"<{tag}>{_inline(node, warn)}</{tag}>"
    if kind in ("quote", "extended-quote", "aside"):
        return f"<blockquote>{_inline(node, warn)}</blockquote>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        return f"<{tag}>{_inline(node, warn)}</{tag}>"
    if kind == "listitem":
        return f"<li>{_inline(node, warn)}</li>"
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
        images = [image for image in payload.get("images") or [] if isinstance(image, dict)]
        caption = f"<figcaption>{payload['caption']}</figcaption>" if payload.get("caption") else ""
        # Each picture keeps its own caption (a figure inside the gallery's), as WordPress's gallery does.
        return "<figure>" + "".join(_image_figure(image) if image.get("caption") else _img(image) for image in images) \
            + caption + "</figure>"
    if kind == "embed":
        # Ghost keeps the address it was given, often a player's (/embed/ID, what its editor
        # gets from a pasted iframe), and sometimes only the iframe: either way, the page it plays.
        url = str(payload.get("url") or "") or _iframe_source(str(payload.get("html") or ""))
        caption = _plain(payload.get("caption"))
        caption_attribute = f' data-caption="{escape(caption)}"' if caption else ""
        return f'<nrembed data-url="{escape(embed_url(url))}"{caption_attribute}></nrembed>' if url else ""
    if kind == "bookmark":
        url = str(payload.get("url") or "")
        # Lexical keeps the page's title on the card, Mobiledoc in its `metadata`.
        metadata = payload.get("metadata") if isinstance(payload.get("metadata"), dict) else {}
        title = _plain(payload.get("title")) or _plain(metadata.get("title"))
        caption = _plain(payload.get("caption"))
        return (f'<p><a href="{escape(url)}">{escape(str(title or url))}</a></p>'
                + (f"<p>{escape(caption)}</p>" if caption else "")) if url else ""
    if kind == "html":
        return str(payload.get("html") or "")
    if kind in ("markdown", "card-markdown"):  # `card-markdown`: Ghost 1–2's name for it, in old Mobiledoc
        return _MARKDOWN.render(str(payload.get("markdown") or ""))
    if kind in ("horizontalrule", "hr", "divider"):
        return "<hr>"
    if kind in ("codeblock", "code"):
        return f"<pre><code>{escape(str(payload.get('code') or ''))}</code></pre>"
    if kind == "callout":
        return f"<blockquote>{payload.get('calloutText') or ''}</blockquote>"
    if kind == "toggle":  # a question and its answer, folded: both shown
        return f"<p><strong>{escape(_plain(payload.get('heading')))}</strong></p>{payload.get('content') or ''}"
    if kind == "button":
        return _link(payload.get("buttonUrl"), payload.get("buttonText"))
    if kind == "header":  # a banner: its heading, its line under it and its button
        header, subheader = _plain(payload.get("header")), _plain(payload.get("subheader"))
        return ((f"<h2>{escape(header)}</h2>" if header else "") + (f"<p>{escape(subheader)}</p>" if subheader else "")
                + (_link(payload.get("buttonUrl"), payload.get("buttonText")) if payload.get("buttonEnabled") else ""))
    if kind == "product":  # a thing for sale: its name, description, picture and button
        title = _plain(payload.get("productTitle"))
        image = _image_figure({"src": payload["productImageSrc"], "alt": title}) if payload.get("productImageSrc") else ""
        return (image + (f"<h4>{escape(title)}</h4>" if title else "") + str(payload.get("productDescription") or "")
                + (_link(payload.get("productUrl"), payload.get("productButton")) if payload.get("productButtonEnabled") else ""))
    if kind == "signup":  # a form to join the Ghost site's members: nothing to join on Newsreel
        warn("Ghost signup card (a form to become a member) has no Newsreel equivalent; left out")
        return ""
    if kind in ("paywall", "audio", "video", "file"):
        text = payload.get("content") or payload.get("header") or payload.get("heading") or ""
        warn(f"Ghost {kind} card has no Newsreel equivalent; left out" + (" (its text kept)" if text else ""))
        return f"<p>{text}</p>" if text else ""
    warn(f"Ghost {kind!r} node is not one Newsreel knows; left out")
    return ""


def _call_to_action(payload: dict, warn: Warn) -> str:
    """Ghost 6's call-to-action card: its sponsor label (in italics), its text and its button as a
    link; its colours and layout are not kept, nor its picture (which has no alt text or credit)."""
    label = _plain(payload.get("sponsorLabel")) if payload.get("hasSponsorLabel") else ""
    if payload.get("imageUrl") and payload.get("hasImage") is not False:  # `hasImage`: Ghost 6.0's switch
        warn(f"Ghost call-to-action card's picture {str(payload['imageUrl'])!r} is left out "
             "(a card's picture has no alt text or credit); its text is kept")
    button = _link(payload.get("buttonUrl"), payload.get("buttonText")) if payload.get("showButton") else ""
    return (f"<p><em>{escape(label)}</em></p>" if label else "") + str(payload.get("textValue") or "") + button


def _plain(value: Any) -> str:
    """Text of a card's field, which Ghost may hold as HTML (`<span style=…>Heading</span>`)."""
    return " ".join(unescape(re.sub(r"<[^>]*>", " ", str(value or ""))).split())


def _link(url: Any, text: Any) -> str:
    url, text = str(url or "").strip(), _plain(text)
    if not url.startswith(("http://", "https://", "/", "__GHOST_URL__")):
        return f"<p>{escape(text)}</p>" if text else ""
    return f'<p><a href="{escape(url)}">{escape(text or url)}</a></p>'


def _iframe_source(html: str) -> str:
    found = _IFRAME_SOURCE.search(html)
    return unescape(found.group(1)) if found else ""


def _img(image: dict) -> str:
    return f'<img src="{escape(str(image.get("src") or ""))}" alt="{escape(str(image.get("alt") or ""))}">'


def _image_figure(payload: dict) -> str:
    caption = str(payload.get("caption") or "")
    return "<figure>" + _img(payload) + (f"<figcaption>{caption}</figcaption>" if caption else "") + "</figure>"


def mobiledoc_to_html(text: str, warn: Warn) -> str:
    document = json.loads(text)
    if not isinstance(document, dict):
        raise ValueError("is not a Mobiledoc object")
    markups = [m for m in document.get("markups") or [] if isinstance(m, list) and m]
    atoms = document.get("atoms") or []
    cards = document.get("cards") or []
    out: list[str] = []
    for section in document.get("sections") or []:
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
            items = "".join(f"<li>{_markers(item, markups, atoms)}</li>" for item in section[2] if isinstance(item, list))
            out.append(f"<{tag}>{items}</{tag}>")
        elif kind == 10 and len(section) >= 2 and isinstance(section[1], int) and 0 <= section[1] < len(cards):
            card = cards[section[1]]
            if isinstance(card, list) and len(card) >= 2 and isinstance(card[1], dict):
                out.append(_card(str(card[0]), card[1], warn))
        elif kind == 2 and len(section) >= 2:
            out.append(_image_figure({"src": section[1]}))
    return "".join(out)


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
                pairs = dict(zip(attributes[::2], attributes[1::2]))
                attrs = f' href="{escape(str(pairs["href"]))}"' if tag == "a" and "href" in pairs else ""
                html.append(f"<{tag}{attrs}>")
                open_tags.append(tag)
        if kind == 1 and isinstance(value, int) and 0 <= value < len(atoms) and isinstance(atoms[value], list):
            atom = atoms[value]
            html.append("<br>" if atom and atom[0] == "soft-return" else escape(str(atom[1] if len(atom) > 1 else "")))
        else:
            html.append(escape(str(value)))
        for _ in range(closed if isinstance(closed, int) else 0):
            if open_tags:
                html.append(f"</{open_tags.pop()}>")
    html.extend(f"</{tag}>" for tag in reversed(open_tags))
    return "".join(html)
