"""The one HTML policy: everything the renderer emits passes through `sanitize_html`.

The policy allows exactly what Newsreel Markdown renders (figures, spoiler panels, editor's
notes, tables, footnotes) and the everyday tags a writer might type as raw HTML. Scripts,
styles, event handlers and non-web URL schemes never survive.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import unescape

import nh3

from .embeds import is_player_address

TAGS = frozenset({
    "a", "abbr", "aside", "b", "blockquote", "br", "cite", "code", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "hr", "i", "img",
    "li", "mark", "ol", "p", "picture", "pre", "q", "s", "section", "small", "source", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
})
ATTRIBUTES = {
    "*": {"class"},
    # data-embed-*: the click-to-load facade (embeds.js), its player address checked below.
    "a": {"href", "title", "rel", "id", "data-embed-src", "data-embed-title"},
    "abbr": {"title"},
    "details": {"data-film"},
    "figure": {"data-embed-provider"},
    "img": {"src", "alt", "title", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "li": {"id"},
    "ol": {"start"},
    "p": {"data-film"},
    # Only inside <picture>: a modern-format alternative the browser picks by type.
    "source": {"type", "srcset", "sizes"},
    "td": {"style"},
    "th": {"style"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
CLASSES = frozenset({
    # rendered by Newsreel Markdown
    "figure", "caption", "credit", "spoiler", "spoiler-summary", "spoiler-label",
    "spoiler-reveal", "spoiler-body", "spoiler-notice", "editors-note", "editors-note-label",
    "mention", "embed", "embed-video", "embed-post", "embed-no-poster", "embed-facade", "embed-poster",
    "embed-label", "embed-provider", "embed-title", "embed-fallback", "embed-link",
    # rendered by the footnote plugin
    "footnotes-sep", "footnotes", "footnotes-list", "footnote-item", "footnote-ref",
    "footnote-backref",
})
_LANGUAGE_CLASS = re.compile(r"^language-[\w+#.-]+$")
_FOOTNOTE_ID = re.compile(r"^fn(?:ref)?\d+(?::\d+)?$")
_REL_VALUES = frozenset({"noopener", "noreferrer", "nofollow", "ugc", "sponsored"})
_NUMBER = re.compile(r"^\d{1,5}$")
_IMAGE_TYPES = frozenset({"image/avif", "image/webp", "image/jpeg", "image/png", "image/gif"})
_KEYWORDS = {"loading": {"lazy", "eager"}, "decoding": {"async", "sync", "auto"}}
# nh3 serializes attributes with double quotes and escapes `"` inside them.
_ANCHOR = re.compile(r'<a((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*>')
_HREF = re.compile(r'\shref="([^"]*)"')
_REL = re.compile(r'\srel="([^"]*)"')
_EXTERNAL = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def sanitize_html(html: str) -> str:
    """Clean an HTML fragment with the Newsreel policy; external links get rel="noopener"."""
    return _mark_external_links(_cleaner().clean(html))


def strip_tags(html: str) -> str:
    """The text of an HTML fragment, entities decoded; script and style content dropped."""
    return unescape(nh3.clean(html, tags=set()))


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_filter_attribute,
        url_schemes=set(URL_SCHEMES),
        link_rel=None,  # set below for external links only
        filter_style_properties={"text-align"},
        strip_comments=True,
    )


def _filter_attribute(tag: str, name: str, value: str) -> str | None:
    if name == "class":
        kept = [cls for cls in value.split() if cls in CLASSES or _LANGUAGE_CLASS.match(cls)]
        return " ".join(kept) or None
    if name == "id":
        return value if _FOOTNOTE_ID.match(value) else None
    if name == "rel":
        kept = [word for word in value.lower().split() if word in _REL_VALUES]
        return " ".join(kept) or None
    if name == "data-embed-src":
        # Raw HTML cannot point the facade at a frame of its choosing: only allowlisted players.
        return value if is_player_address(unescape(value)) else None
    if name in ("width", "height", "start"):
        return value if _NUMBER.match(value.strip()) else None
    if name in _KEYWORDS:
        return value if value in _KEYWORDS[name] else None
    if name == "type" and tag == "source":
        return value if value in _IMAGE_TYPES else None
    if name == "srcset":
        # nh3 checks URL schemes in src and href, not in srcset: each candidate is checked here.
        urls = [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
        return value if all(_safe_srcset_url(url) for url in urls) else None
    return value


def _safe_srcset_url(url: str) -> bool:
    scheme = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", url)
    return scheme is None or scheme.group(1).lower() in ("http", "https")


def _mark_external_links(html: str) -> str:
    return _ANCHOR.sub(_with_noopener, html)


def _with_noopener(match: re.Match[str]) -> str:
    attributes = match.group(1)
    href = _HREF.search(attributes)
    if href is None or not _EXTERNAL.match(unescape(href.group(1)).strip()):
        return match.group(0)
    rel = _REL.search(attributes)
    if rel is None:
        return f'<a{attributes} rel="noopener">'
    words = rel.group(1).split()
    if "noopener" in words:
        return match.group(0)
    updated = f' rel="{" ".join([*words, "noopener"])}"'
    return f"<a{attributes[: rel.start()]}{updated}{attributes[rel.end():]}>"
