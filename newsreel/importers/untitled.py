"""A headline for a post another system kept without a title. No Django.

WordPress lets a post go out untitled (asides, status and quote posts, a photo with a line
under it), Squarespace exports such items with an empty `<title />`, and a Hugo or Jekyll
file may have no `title:`. Refusing them would drop what their writers wrote, so the
importer gives each a headline made from its own words and holds it as a draft
(`runner`), for an editor to read before it goes live again.
"""

from __future__ import annotations

import re

# Long enough to say what the story is about, short enough for a list or a social card.
HEADLINE_WORDS_MAX = 80

_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(?P<text>.*)$")
_CODE_FENCE = re.compile(r"^(?:```|~~~)")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MARKS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)|`|<[^>]+>")
_SENTENCE_END = re.compile(r"[.!?…][\"”’)]*(?=\s+[\"“‘(]?[A-Z0-9])")
_LIST_OR_QUOTE = re.compile(r"^\s*(?:[-*+]\s+|\d+[.)]\s+|>\s*)+")
# A line that is only a template tag a generator left (`{% highlight ruby %}`, `{{< x >}}`).
_TEMPLATE_LINE = re.compile(r"^\s*(?:\{%.*%\}|\{\{.*\}\})\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def headline_from_text(body: str, slug: str = "") -> str:
    """The first heading of a Markdown body, else its first sentence (cut at a word), else the
    slug's words; empty when the post has no words at all."""
    paragraph = _first_paragraph(body)
    if paragraph:
        return _shorten(paragraph)
    words = " ".join(re.split(r"[-_]+", slug)).strip()
    return words[:1].upper() + words[1:]


def _first_paragraph(body: str) -> str:
    """The first paragraph outside figures, spoiler blocks and code (a spoiler's words never
    make a headline), as plain text."""
    lines: list[str] = []
    depth, code = 0, False  # how deep inside `:::` blocks; inside a code fence
    for line in body.splitlines():
        stripped = line.strip()
        if _CODE_FENCE.match(stripped):
            code = not code
        elif not code and stripped.startswith(":::"):
            depth = max(0, depth - 1) if stripped == ":::" else depth + 1
        elif not (code or depth):
            heading = _HEADING.match(line)
            if heading and not lines and heading.group("text").strip(" \t#"):
                return _plain(heading.group("text").rstrip(" \t#"))  # a closing run of #s is not text
            text = "" if _TEMPLATE_LINE.match(line) else _plain(_LIST_OR_QUOTE.sub("", line))
            if text and not (lines and _LIST_ITEM.match(line)):  # a blank line or the next item ends it
                lines.append(text)
                continue
        if lines:
            break
    return " ".join(lines)


def _plain(markdown: str) -> str:
    text = _IMAGE.sub("", markdown)
    text = _LINK.sub(r"\1", text)
    return " ".join(_MARKS.sub("", text).split())


def _shorten(text: str) -> str:
    end = _SENTENCE_END.search(text)
    sentence = text[:end.end()] if end else text
    if len(sentence) <= HEADLINE_WORDS_MAX:
        return (sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") else sentence).strip()
    cut = sentence[:HEADLINE_WORDS_MAX + 1].rsplit(" ", 1)[0].rstrip(",;:—–- ")
    return f"{cut}…"
