"""HTML from other systems (WordPress, Squarespace, Ghost) -> Newsreel Markdown. No Django.

The conversion is markdownify's (MIT licensed, maintained, and built to be subclassed one
tag at a time, which is how figures and embeds get our own blocks; html2text is GPL and
writes Markdown for reading as plain text, not for a parser that must round-trip it).
Around it:

1. WordPress shortcodes and Gutenberg block comments become plain HTML first:
   `[caption]` and image blocks become <figure>, `[gallery]` one <figure> per picture,
   `[embed]`, embed blocks and video iframes an embed placeholder; an unknown shortcode
   keeps its inner text and is reported.
2. Classic-editor text, whose paragraphs are blank lines (WordPress adds the <p> when it
   shows the page), gets its paragraphs back.
3. nh3 removes everything unsafe (scripts, styles, event handlers, javascript: links)
   before any of it is looked at, with an allowlist of the tags we convert.
4. Pictures become `:::figure` blocks naming an image file the caller found (its
   `ImageResolver`), with alt text and a credit: Newsreel publishes no picture without
   both, so one missing either is left out and reported, its caption kept as a paragraph.
   Embeds become a URL alone on its line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Callable
from urllib.parse import parse_qs, urlsplit

import nh3
from bs4 import BeautifulSoup, Tag
from markdownify import ATX, MarkdownConverter

from newsreel.newsroom.figure_paths import file_destination
from newsreel.text.embeds import embed_for_block
from newsreel.text.types import TextError


@dataclass(frozen=True)
class ImageFound:
    """An image file the source names: `ref` is its path relative to the media folder."""

    ref: str
    alt: str = ""
    credit: str = ""
    caption: str = ""


# (src, attachment id or "", alt) -> the file, or None (the resolver says why through `warn`).
ImageResolver = Callable[[str, str, str], "ImageFound | None"]

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "del", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "iframe", "img", "li", "mark", "nrembed", "ol", "p", "pre", "q", "s", "small",
    "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul", "video",
    "audio", "source", "div", "span", "section", "article", "dl", "dt", "dd", "details", "summary",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "class", "title", "data-attachment-id", "data-src", "data-image", "data-id"},
    "figure": {"class", "data-attachment-id"},
    "nrembed": {"data-url", "data-caption"},
    "iframe": {"src"},
    "video": {"src"}, "audio": {"src"}, "source": {"src"},
    "abbr": {"title"}, "ol": {"start"}, "td": {"colspan", "align"}, "th": {"colspan", "align"},
}
# What wpautop takes for a block (its $allblocks), opening or closing: a chunk of classic text
# that begins with one is not wrapped in a paragraph (a table's rows apart by a blank line were).
_BLOCK_START = re.compile(r"^\s*<(?:/?(?:p|div|h[1-6]|ul|ol|li|blockquote|figure|figcaption|table|thead|tbody|tfoot|tr|td|th|"
                          r"caption|col|colgroup|pre|hr|nrembed|iframe|dl|dd|dt|section|article|aside|header|footer|nav|"
                          r"hgroup|address|details|summary|menu|form|fieldset|legend|video|audio)\b|!--)", re.IGNORECASE)
_GUTENBERG = re.compile(r"<!--\s+(?P<close>/)?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)"
                        r"(?:\s+(?P<attrs>\{(?:(?!-->).)*?\}))?\s+(?P<self>/)?-->", re.DOTALL)
# A block comment's start (`<!-- wp:heading`, `<!-- /wp:core/quote`), to find the ones a hand edit broke.
_DELIMITER_START = re.compile(r"<!--\s+/?wp:(?P<name>[a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)")
_SHORTCODE = re.compile(r"\[(?P<name>[a-zA-Z_][\w-]*)(?P<attrs>(?:\s[^\[\]]*?)?)(?P<self>/)?\]"
                        r"(?:(?P<inner>.*?)\[/(?P=name)\])?", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
# Shortcodes WordPress core and Jetpack write that are embeds of a URL.
EMBED_SHORTCODES = {"embed", "youtube", "vimeo", "tweet", "twitter", "instagram", "soundcloud", "spotify", "dailymotion"}
KNOWN_SHORTCODES = EMBED_SHORTCODES | {"caption", "wp_caption", "gallery", "video", "audio", "playlist"}
_URL_ALONE = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$")
_CREDIT_AT_END = re.compile(
    r"^(?P<caption>.*?[.!?]?)[\s;,|–—-]*(?:\((?P<paren>(?:photo|photograph|image|credit|courtesy|still|©)[^()]*)\)"
    r"|(?P<plain>(?:(?:photo(?:graph)?s?(?: credits?)?|credits?|courtesy(?: of)?)\b\s*(?:by|:)?|(?:images?|stills?)\b\s*(?:by|:)|©)"
    r"\s*[^.()]+?))\s*\.?$",
    re.IGNORECASE | re.DOTALL)


def split_credit(caption: str) -> tuple[str, str]:
    """'The pier at night. Photo: Jo Ray' -> ('The pier at night.', 'Photo: Jo Ray'); no credit -> (caption, '')."""
    caption = " ".join(caption.split())
    match = _CREDIT_AT_END.match(caption)
    if not match:
        return caption, ""
    credit = (match.group("paren") or match.group("plain") or "").strip()
    rest = match.group("caption").strip()
    if rest and rest[-1] not in ".!?":
        rest = rest.rstrip(" ,;|–—-")
    return rest, credit


def html_to_markdown(html: str, *, images: ImageResolver, warn: Callable[[str], None],
                     gallery_ids: Callable[[], list[str]] = lambda: [],
                     reusable: Callable[[int], str | None] = lambda ref: None,
                     footnotes: dict[str, str] | None = None) -> str:
    """Newsreel Markdown for `html`; `warn` is told about everything left out or changed.

    `reusable` gives the content of a reusable block (a synced pattern, `wp:block {"ref":N}`) by
    its id; `footnotes` the text of WordPress 6.3+ footnotes (kept in the post's meta) by their id."""
    if not html.strip():
        return ""
    # A post made of blocks is shown as written (WordPress adds paragraphs only to classic text).
    blocks = "<!-- wp:" in html
    html = _gutenberg_to_html(html, reusable, warn)
    html, notes = _footnote_references(html, footnotes or {})
    html = _squarespace_blocks(html, warn)
    html = _shortcodes_to_html(html, warn, gallery_ids)
    html = html if blocks else _paragraphs(html)
    html = _verse_to_lines(html)
    html = nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes={"http", "https", "mailto"},
                     link_rel=None, strip_comments=True)
    converter = NewsreelConverter(images=images, warn=warn)
    soup = BeautifulSoup(html, "html.parser")
    _flatten_deep(soup, warn)
    text = converter.convert_soup(soup)
    for number, note in enumerate(notes, 1):
        note_md = html_to_markdown(note, images=lambda *_: None, warn=warn)
        text += f"\n\n[^{number}]: " + " ".join(note_md.split())
    return _tidy(text)


# WordPress 6.3+ footnotes: a numbered reference in the text, its note in the post's meta, and a
# `wp:footnotes` block where the list is shown.
_FOOTNOTE_REFERENCE = re.compile(r"<sup\b[^>]*?\sdata-fn=[\"'](?P<id>[^\"']+)[\"'][^>]*>.*?</sup>", re.DOTALL | re.IGNORECASE)


def _footnote_references(html: str, footnotes: dict[str, str]) -> tuple[str, list[str]]:
    """Each reference to a known footnote -> `[^N]`, numbered in order of first reference; the notes' HTML."""
    if "data-fn" not in html or not footnotes:
        return html, []
    order: list[str] = []

    def replace(match: re.Match) -> str:
        note = match.group("id")
        if note not in footnotes:
            return match.group(0)
        if note not in order:
            order.append(note)
        return f"[^{order.index(note) + 1}]"
    html = _FOOTNOTE_REFERENCE.sub(replace, html)
    return html, [footnotes[note] for note in order]


# Deeper than this, markup keeps only its text: the converter walks the tree recursively, and
# a pasted page of 3,000 nested <div>s (inside a CDATA section, where the XML parser's own depth
# limit does not reach) would exhaust Python's stack and stop the whole import.
MAX_DEPTH = 64
# Quotes and lists deeper than this keep only their text: Newsreel's Markdown keeps 20 levels of
# quotes, lists and blocks and refuses a body with more (a list item is a level of its own).
MAX_CONTAINERS = 8
_CONTAINERS = {"blockquote", "ul", "ol", "dl"}


def _flatten_deep(soup: BeautifulSoup, warn: Callable[[str], None]) -> None:
    """Every element nested deeper than MAX_DEPTH, and every quote or list inside more than
    MAX_CONTAINERS others, replaced by its text; walked without recursion."""
    cut: list[tuple[Tag, str]] = []
    stack: list[tuple[Tag, int, int]] = [(soup, 0, 0)]
    while stack:
        node, depth, containers = stack.pop()
        for child in node.children:
            if not isinstance(child, Tag):
                continue
            inside = containers + (child.name in _CONTAINERS)
            if depth + 1 >= MAX_DEPTH:
                cut.append((child, "span"))
            elif inside > MAX_CONTAINERS:
                cut.append((child, "p"))
            else:
                stack.append((child, depth + 1, inside))
    if not cut:
        return
    deepest = {"span": 0, "p": 0}
    for tag, becomes in cut:
        below = [(tag, 0)]
        while below:
            node, levels = below.pop()
            deepest[becomes] = max(deepest[becomes], levels + 1)
            below.extend((child, levels + 1) for child in node.children if isinstance(child, Tag))
        text = " ".join(tag.get_text(" ").split())
        tag.clear()
        tag.name, tag.attrs = becomes, {}
        if text:
            tag.string = text
    if deepest["span"]:
        warn(f"HTML nested {MAX_DEPTH - 1 + deepest['span']} levels deep; below level {MAX_DEPTH - 1} only its text is kept")
    if deepest["p"]:
        warn(f"quotes or lists nested more than {MAX_CONTAINERS} deep; the deeper ones keep only their text")



def _gutenberg_to_html(html: str, reusable: Callable[[int], str | None] = lambda ref: None,
                       warn: Callable[[str], None] = lambda message: None, _inside: tuple[int, ...] = ()) -> str:
    """Block comments out; what they mean kept: embeds as placeholders, image ids on their <img>,
    a reusable block's content where it is used."""
    if "<!-- wp:" not in html:
        return html
    html = _broken_delimiters(html, warn)
    out: list[str] = []
    position = 0
    pending_image_id = ""
    skip_until: str | None = None
    skipped: list[str] = []  # what an embed block holds: its wrapper (the URL again) and its caption
    embed_at = 0
    for match in _GUTENBERG.finditer(html):
        name, closing = match.group("name"), bool(match.group("close"))
        chunk = html[position:match.start()]
        position = match.end()
        if skip_until is not None:
            skipped += [chunk, match.group(0)]
            if closing and name == skip_until:
                skip_until = None
                caption = _FIGCAPTION.search("".join(skipped))
                if caption and html_to_text(caption.group(1)):
                    out[embed_at] = out[embed_at].replace(
                        "></nrembed>", f' data-caption="{_attr(html_to_text(caption.group(1)))}"></nrembed>', 1)
            continue
        if pending_image_id:
            chunk = chunk.replace("<img ", f'<img data-attachment-id="{pending_image_id}" ', 1)
            pending_image_id = ""
        out.append(chunk)
        if closing:
            continue
        attrs = _json_attrs(match.group("attrs"))
        if name in {"embed", "core-embed/youtube", "core-embed/vimeo", "core-embed/twitter"} or name.startswith("core-embed/"):
            url = str(attrs.get("url") or "")
            if url:
                embed_at = len(out)
                out.append(f'<nrembed data-url="{_attr(url)}"></nrembed>')
                if not match.group("self"):
                    skip_until, skipped = name, []
        elif name == "image" and isinstance(attrs.get("id"), int):
            pending_image_id = str(attrs["id"])
        elif match.group("self") and name not in ("block", "core/block", "footnotes", "more", "nextpage", "separator",
                                                  "spacer", "image", "embed") and not name.startswith("core-embed/"):
            # A dynamic block (latest posts, archives, a calendar, a pattern): WordPress draws it
            # when the page is shown, and the export holds none of what readers saw there.
            warn(f"block wp:{name} is drawn by WordPress when the page is shown and the export holds none of it; left out")
        elif name in ("block", "core/block") and isinstance(attrs.get("ref"), int):
            ref = attrs["ref"]
            content = reusable(ref) if ref not in _inside and len(_inside) < 8 else None
            if content is None:
                warn(f"reusable block {ref} " + ("uses itself" if ref in _inside else "is not in the export") + "; left out")
            else:
                out.append(_gutenberg_to_html(content, reusable, warn, _inside + (ref,)))
        elif name in ("block", "core/block"):
            warn(f"reusable block {(match.group('attrs') or '')[:80]} names no block by its number (ref); left out")
    if skip_until is not None:  # an embed block never closed (a cut file): what follows it is kept
        warn(f"the {skip_until} block is never closed (<!-- /wp:{skip_until} -->); what follows it is kept as it is")
        out.append(_FIGCAPTION.sub("", "".join(skipped)))
    out.append(html[position:])
    return "".join(out)


_FIGCAPTION = re.compile(r"<figcaption\b[^>]*>(.*?)</figcaption>", re.DOTALL | re.IGNORECASE)


def _broken_delimiters(html: str, warn: Callable[[str], None]) -> str:
    """Block comments a hand edit or a cut file broke, reported. One that lost its `-->` ran on, as an
    HTML comment, to the next comment's end or the post's, and the words in between were lost
    (WordPress, reading the comment that follows, showed them): its start is taken out. One whose
    attributes are not JSON WordPress writes (`{"level":3 -->`) is left out as the comment it is."""
    out: list[str] = []
    position = 0
    for start in _DELIMITER_START.finditer(html):
        if start.start() < position:
            continue
        following = html.find("<!--", start.end())
        end = html.find("-->", start.end(), len(html) if following == -1 else following)
        if end != -1:
            whole = html[start.start():end + 3]
            if not _GUTENBERG.fullmatch(whole):
                shown = repr(" ".join(whole.split())[:100])
                warn(f"reusable block comment {shown} cannot be read (its attributes are not JSON); left out"
                     if start.group("name") in ("block", "core/block") else
                     f"block comment {shown} cannot be read (its attributes are not JSON); left out, what it holds kept")
            continue
        cut = start.end() + len(re.match(r"[^<\n]*", html[start.end():]).group(0))  # its attributes, on its line
        warn(f"block comment {' '.join(html[start.start():cut].split())[:100]!r} is never closed (no -->); "
             "left out, and what follows it kept")
        out.append(html[position:start.start()])
        position = cut
    out.append(html[position:])
    return "".join(out)


def _squarespace_blocks(html: str, warn: Callable[[str], None]) -> str:
    """Squarespace's video and embed blocks keep what they show in a `data-block-json` attribute
    (the page's script draws the player): the URL becomes an embed, its description its caption."""
    if "data-block-json" not in html:
        return html
    soup = BeautifulSoup(html, "html.parser")
    changed = False
    for block in soup.find_all(attrs={"data-block-json": True}):
        if not isinstance(block, Tag) or not any(kind in (block.get("class") or []) for kind in ("video-block", "embed-block")):
            continue
        data = _json_attrs(block.get("data-block-json"))
        url = str(data.get("url") or "")
        if not url.startswith(("http://", "https://")):
            player = _IFRAME_SRC.search(str(data.get("html") or ""))
            url = embed_url("https:" + player.group(1) if player and player.group(1).startswith("//") else
                            player.group(1) if player else "")
        description = data.get("description")
        caption = html_to_text(str(description.get("html") or "")) if isinstance(description, dict) else ""
        if url.startswith(("http://", "https://")):
            block.replace_with(BeautifulSoup(f'<nrembed data-url="{_attr(url)}"'
                                             + (f' data-caption="{_attr(caption)}"' if caption else "") + "></nrembed>",
                                             "html.parser"))
        else:
            warn("a Squarespace video or embed block names no address; left out")
            block.decompose()
        changed = True
    return str(soup) if changed else html


_IFRAME_SRC = re.compile(r"""<iframe\b[^>]*?\ssrc=["']([^"']+)["']""", re.IGNORECASE)


def _json_attrs(text: str | None) -> dict:
    if not text:
        return {}
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def shortcode_attributes(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTRIBUTE.finditer(text or ""):
        found[match.group(1).lower()] = next(value for value in match.groups()[1:] if value is not None)
    return found


def _shortcodes_to_html(html: str, warn: Callable[[str], None], gallery_ids: Callable[[], list[str]]) -> str:
    if "[" not in html:
        return html

    def replace(match: re.Match) -> str:
        name = match.group("name").lower()
        attrs = shortcode_attributes(match.group("attrs"))
        inner = match.group("inner")
        if name not in KNOWN_SHORTCODES and not attrs and inner is None:
            return match.group(0)  # "[sic]", "[1]": text in brackets, not a shortcode
        if name in ("caption", "wp_caption"):
            return _caption_figure(attrs, inner or "")
        if name == "gallery":
            ids = [part.strip() for part in (attrs.get("ids") or attrs.get("include") or "").split(",") if part.strip()]
            ids = ids or gallery_ids()
            if not ids:
                warn("[gallery] names no pictures and the post has none attached; left out")
            return "".join(f'<figure data-attachment-id="{_attr(i)}"><img data-attachment-id="{_attr(i)}" src=""></figure>'
                           for i in ids)
        if name in EMBED_SHORTCODES:
            url = (inner or "").strip() or attrs.get("url") or attrs.get("src") or next(
                (word for word in (match.group("attrs") or "").split() if word.startswith(("http://", "https://"))), "")
            if url.startswith("=") or url.startswith("http") is False:
                url = url.lstrip("=").strip()
            if url.startswith(("http://", "https://")):
                return f'<nrembed data-url="{_attr(url)}"></nrembed>'
            warn(f"[{name}] has no URL; left out")
            return ""
        if name in ("video", "audio", "playlist"):
            source = attrs.get("src") or attrs.get("mp4") or attrs.get("mp3") or attrs.get("ids") or ""
            warn(f"[{name}] {source!r}: Newsreel has no {name} player; left out")
            return ""
        warn(f"shortcode [{name}] is not one Newsreel knows; its tags were removed and its text kept")
        return inner or ""
    return _SHORTCODE.sub(replace, html)


def _caption_figure(attrs: dict[str, str], inner: str) -> str:
    attachment = (attrs.get("id") or "").removeprefix("attachment_")
    soup = BeautifulSoup(inner, "html.parser")
    image = soup.find("img")
    if image is None:
        return inner
    (image.parent if image.parent is not None and image.parent.name == "a" else image).extract()
    caption = attrs.get("caption") or soup.decode_contents().strip()
    data = f' data-attachment-id="{_attr(attachment)}"' if attachment.isdigit() else ""
    return f"<figure{data}>{image}<figcaption>{caption}</figcaption></figure>"


def _paragraphs(html: str) -> str:
    """Classic-editor text: a blank line ends a paragraph and a single newline is a line break
    (what WordPress's wpautop does when it shows the post); a URL alone is an embed."""
    if "\n" not in html or "<!-- wp:" in html:
        return html
    # What a <pre> holds is left as written, blank lines and all, as wpautop leaves it.
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group(0))
        return f"<pre>\x00{len(kept) - 1}\x00</pre>"
    html = _PRE.sub(keep, html.replace("\r\n", "\n").replace("\x00", ""))
    chunks = re.split(r"\n\s*\n", html)
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        alone = _URL_ALONE.match(chunk)
        if alone:
            out.append(f'<nrembed data-url="{_attr(alone.group(1))}"></nrembed>')
        elif _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>\n") + "</p>")
    joined = "\n\n".join(out)
    return re.sub(r"<pre>\x00(\d+)\x00</pre>", lambda match: kept[int(match.group(1))], joined) if kept else joined


_PRE = re.compile(r"<pre\b[^>]*>.*?</pre>", re.DOTALL | re.IGNORECASE)
# Gutenberg's verse block (a poem, a song's lyrics): a <pre> only so that its lines keep their
# breaks and indents; it is text, not code.
_VERSE = re.compile(r"<pre\b[^>]*\bclass=[\"'][^\"']*\bwp-block-verse\b[^\"']*[\"'][^>]*>(?P<lines>.*?)</pre>",
                    re.DOTALL | re.IGNORECASE)
_BR = re.compile(r"<br\s*/?>\n?", re.IGNORECASE)


def _verse_to_lines(html: str) -> str:
    """Each verse block -> paragraphs (its stanzas, apart by blank lines) whose lines end in <br>,
    their indent kept as no-break spaces; the emphasis and links in it are kept."""
    if "wp-block-verse" not in html:
        return html
    return _VERSE.sub(lambda match: _stanzas(match.group("lines")), html)


def _stanzas(lines: str) -> str:
    lines = _BR.sub("\n", lines.replace("\r\n", "\n")).strip("\n")
    stanzas = [stanza for stanza in re.split(r"\n[ \t]*\n", lines) if stanza.strip()]
    return "".join("<p>" + "<br>".join(_indented(line) for line in stanza.split("\n")) + "</p>" for stanza in stanzas)


def _indented(line: str) -> str:
    indent = len(line) - len(line.lstrip(" \t"))
    return "\u00a0" * len(line[:indent].expandtabs(4)) + line[indent:].rstrip()


def embed_markdown(url: str, caption: str = "") -> str:
    """An embed: its URL alone on a line, or with a caption Newsreel's `::: embed` block (only for an
    address that embeds: the block refuses any other, which then keeps its caption as a paragraph)."""
    caption = " ".join(caption.split()).replace(":::", "\\:::")
    if not caption:
        return f"\n\n{url}\n\n"
    try:
        embed_for_block(url, line=1)
    except TextError:
        return f"\n\n{url}\n\n{caption}\n\n"
    return f"\n\n::: embed {url}\n{caption}\n:::\n\n"


def embed_url(src: str) -> str:
    """The page a player iframe shows: what an embed names (YouTube and Vimeo players become watch pages)."""
    parts = urlsplit(src)
    host = parts.netloc.lower()
    if host.endswith(("youtube.com", "youtube-nocookie.com")) and parts.path.startswith("/embed/"):
        return f"https://www.youtube.com/watch?v={parts.path.split('/')[2]}"
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.split('/')[2]}"
    if host.endswith("youtube.com") and parse_qs(parts.query).get("v"):
        return f"https://www.youtube.com/watch?v={parse_qs(parts.query)['v'][0]}"
    return src


def _quoted(value: str) -> str:
    return '"%s"' % " ".join(value.split()).replace('"', "\u201d")


class NewsreelConverter(MarkdownConverter):
    """markdownify with our figures and embeds, ATX headings and '-' bullets."""

    def __init__(self, *, images: ImageResolver, warn: Callable[[str], None]) -> None:
        super().__init__(heading_style=ATX, bullets="-", escape_misc=False, newline_style="backslash", strip=["span", "u"])
        self.images, self.warn = images, warn

    def escape(self, text, parent_tags):
        text = super().escape(text, parent_tags)
        return text.replace(":::", "\\:::") if "_noformat" not in parent_tags else text

    # A disclosure (WordPress's details block): its summary a bold line, its content after it, all shown.
    convert_details = MarkdownConverter.convert_div

    def convert_summary(self, el, text, parent_tags):
        text = " ".join(text.split())
        if not text or "_inline" in parent_tags:
            return f" {text} " if text else ""
        return f"\n\n**{text}**\n\n"

    def convert_nrembed(self, el, text, parent_tags):
        return embed_markdown(el.get("data-url", ""), el.get("data-caption", ""))

    def convert_iframe(self, el, text, parent_tags):
        src = el.get("src") or ""
        if not src.startswith(("http://", "https://")):
            return ""
        return f"\n\n{embed_url(src)}\n\n"

    def convert_video(self, el, text, parent_tags):
        source = el.get("src") or (el.find("source") or {}).get("src", "") if isinstance(el, Tag) else ""
        self.warn(f"{el.name} {source!r}: Newsreel has no {el.name} player for files; left out")
        return ""

    convert_audio = convert_video

    def convert_br(self, el, text, parent_tags):
        if "pre" in parent_tags:  # a line break in a preformatted block: the code's own newline
            return "\n"
        return super().convert_br(el, text, parent_tags)

    def convert_a(self, el, text, parent_tags):
        href = (el.get("href") or "").strip()
        if href.startswith("#") and len(href) > 1:
            # Newsreel keeps no anchors in a body (its headings have none; ids are footnotes' only):
            # a link to one in the post would lead nowhere.
            self.warn(f"a link to {href!r} in the post is kept as its text: Newsreel's headings and paragraphs "
                      "have no anchors")
            return text
        if ":::figure" in text or text.strip().startswith(("http://", "https://")) and "\n\n" in text:
            return text  # a linked picture: the figure is what the reader needs
        if "\n" in text.strip():  # a link around blocks (a card): one line, or Markdown has no link
            text = " ".join(text.split())
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        if "figure" in parent_tags and el.find_parent("figure") is not None:
            return ""  # the figure converts its own picture, with its caption
        return self._figure(el, None)

    def convert_figure(self, el, text, parent_tags):
        images = [image for image in el.find_all("img") if _image_source(image) or _image_id(image)]
        if not images:
            player = el.find("iframe")
            caption = el.find("figcaption")
            src = player.get("src", "") if player is not None else ""
            if src.startswith(("http://", "https://")) and caption is not None and caption.get_text(strip=True):
                # Ghost's embed card: the player and its caption, one embed.
                return embed_markdown(embed_url(src), caption.get_text(" ", strip=True))
            quote = el.find("blockquote")
            if quote is not None and caption is not None and caption.find_parent("blockquote") is None \
                    and caption.get_text(strip=True) and "_inline" not in parent_tags:
                # A quote with its source under it (Squarespace's quote block): the source stays in the quote.
                said = self.process_tag(quote, parent_tags=set(parent_tags) | {"figure"}).strip("\n")
                return f"\n\n{said}\n>\n> {self._inline(caption)}\n\n"
            return text
        if len(images) > 1:  # a gallery: a figure for each picture, then the gallery's own caption
            # WordPress 5.9+ nests a figure with its own caption for each picture (Ghost's card has
            # bare pictures): each keeps its caption, and the gallery's is the one directly inside it;
            # a credit at its end is every picture's that has none of its own.
            caption = el.find("figcaption", recursive=False)
            shared = self._inline(caption) if caption is not None else ""
            shared_text, shared_credit = split_credit(caption.get_text(" ", strip=True)) if caption is not None else ("", "")
            if shared_credit:
                shared = shared.replace(f"({shared_credit})", "").replace(shared_credit, "").strip(" ,;|–—-")
            figures = []
            for image in images:
                own = image.find_parent("figure")
                if own is not None and own is not el:
                    figures.append(self._figure(image, own.find("figcaption"), own.get("data-attachment-id", ""),
                                                credit=shared_credit, gallery_caption=shared_text))
                else:
                    figures.append(self._figure(image, None, credit=shared_credit, gallery_caption=shared_text))
            return "".join(figures) + (f"\n\n{shared}\n\n" if shared else "")
        return self._figure(images[0], el.find("figcaption"), el.get("data-attachment-id", ""))

    def convert_figcaption(self, el, text, parent_tags):
        return text  # only reached for a figure without a picture

    def _figure(self, image: Tag, caption_el: Tag | None, attachment: str = "", credit: str = "",
                gallery_caption: str = "") -> str:
        """`credit` and `gallery_caption`: the gallery's, for a picture whose own caption names no
        credit, and for one with neither alt text nor a caption of its own."""
        src = _image_source(image)
        attachment = _image_id(image) or attachment
        if not src and not attachment:
            return ""  # <img src="">: shows nothing (Ghost's audio card has one)
        gallery_credit = credit
        found = self.images(src, attachment, (image.get("alt") or "").strip())
        caption_md = self._inline(caption_el) if caption_el is not None else ""
        caption_plain = caption_el.get_text(" ", strip=True) if caption_el is not None else ""
        keep_caption = f"\n\n{caption_md}\n\n" if caption_md else ""
        if found is None:
            return keep_caption
        caption_text, credit = split_credit(caption_plain) if caption_plain else ("", "")
        if credit:
            if credit in caption_md:
                caption_md = caption_md.replace(f"({credit})", "").replace(credit, "").rstrip(" ,;|–—-")
            else:
                caption_md = caption_text
        elif not caption_md and found.caption:
            caption_md, credit = split_credit(found.caption)
        credit = credit or gallery_credit or found.credit
        alt = (image.get("alt") or "").strip() or found.alt
        name = src or f"attachment {attachment}"
        if not credit:
            self.warn(f"image {name!r} has no credit (none in its caption or the media library; "
                      "--default-credit gives one); left out" + (", its caption kept" if keep_caption else ""))
            return keep_caption
        if not alt and not caption_plain and gallery_caption:
            alt = gallery_caption
            self.warn(f"image {name!r} has no alt text; the gallery's caption is used as the alt text")
        if not alt:
            if not caption_plain:
                self.warn(f"image {name!r} has no alt text and no caption to describe it; left out")
                return ""
            alt = caption_text or caption_plain
            self.warn(f"image {name!r} has no alt text; its caption is used as the alt text")
        lines = [f":::figure credit={_quoted(credit)}", f"![{_alt(alt)}]({file_destination(found.ref)})"]
        if caption_md.strip():
            lines.append(" ".join(caption_md.split()))
        lines.append(":::")
        return "\n\n" + "\n".join(lines) + "\n\n"

    def _inline(self, element: Tag) -> str:
        parts = [self.process_element(child, parent_tags={"figcaption", "_inline"}) for child in element.children]
        return " ".join("".join(parts).split())


def _image_source(image: Tag) -> str:
    return image.get("src") or image.get("data-src") or image.get("data-image") or ""


def _image_id(image: Tag) -> str:
    return image.get("data-attachment-id") or _wp_image_id(image.get("class"))


def _wp_image_id(classes) -> str:
    for name in classes or []:
        if name.startswith("wp-image-") and name[9:].isdigit():
            return name[9:]
    return ""


def _alt(alt: str) -> str:
    return " ".join(alt.split()).replace("[", "(").replace("]", ")")


def _tidy(text: str) -> str:
    text = re.sub(r"\n{3,}", "\n\n", text.replace("\r\n", "\n"))
    lines = [line.rstrip() for line in text.strip("\n").split("\n")]
    return "\n".join(lines).strip() + "\n" if any(lines) else ""


def html_to_text(html: str) -> str:
    """Plain text of a fragment (an excerpt), whitespace collapsed, nothing unsafe kept."""
    cleaned = nh3.clean(html or "", tags=set(), attributes={})
    soup = BeautifulSoup(cleaned, "html.parser")
    return " ".join(soup.get_text(" ").split())


