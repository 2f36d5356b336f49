"""After parsing: tie blocks to films and images, and refuse what cannot be published.

Walks the token stream once. Spoiler blocks get their FilmRef, figures and standalone
image paragraphs get their FigureImage, body headings move to h2-h4, and every problem
raises TextError with the 1-based source line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from .containers import is_figure_image
from .embeds import EmbedLookup, EmbedRef, embed_for_block, no_embed_media, recognize
from .figures import FigureImage, ImageLookup, parse_figure_attributes, resolve_image
from .plaintext import inline_text
from .spoilers import resolve_film
from .types import FilmRef, TextError

_RAW_IMG = re.compile(r"<img\b", re.IGNORECASE)
_BREAKS = ("softbreak", "hardbreak")


@dataclass
class Resolution:
    tokens: list[Token]
    films: list[FilmRef] = field(default_factory=list)  # spoiler films, first appearance first
    images: list[FigureImage] = field(default_factory=list)
    embeds: list[EmbedRef] = field(default_factory=list)  # every embed shown, in order


def resolve_tokens(
    tokens: Sequence[Token], *, films: Sequence[FilmRef], images: ImageLookup, md: MarkdownIt,
    embeds: EmbedLookup = no_embed_media,
) -> Resolution:
    walk = _Walk(films=films, images=images, md=md, embeds=embeds)
    walk.run(list(tokens))
    return walk.result


class _Walk:
    """One pass over the token stream, knowing which ::: blocks are open at each token."""

    def __init__(self, *, films: Sequence[FilmRef], images: ImageLookup, md: MarkdownIt,
                 embeds: EmbedLookup = no_embed_media) -> None:
        self.films = films
        self.images = images
        self.embeds = embeds
        self.md = md
        self.blocks: list[Token] = []  # open ::: blocks, outermost first
        self.result = Resolution(tokens=[])
        self.last_line = 1  # for tokens markdown-it gives no line map

    def run(self, tokens: list[Token]) -> None:
        _shift_headings(tokens)
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.map:
                self.last_line = token.map[0] + 1
            if _is_image_paragraph(tokens, index):
                self._standalone_image(tokens[index + 1])
                index += 3
                continue
            if _is_captioned_image_paragraph(tokens, index):
                self._captioned_image(tokens[index : index + 3])
                index += 3
                continue
            if self._url_paragraph(tokens, index):
                index += 3
                continue
            self._visit(token)
            index += 1

    def _visit(self, token: Token) -> None:
        if token.type.startswith("nr_") and token.nesting == 1:
            self._open_block(token)
        elif token.type.startswith("nr_") and token.nesting == -1:
            self.blocks.pop()
        elif token.type == "inline" and is_figure_image(token):
            self.blocks[-1].meta["image"] = self._figure_image(token, self.blocks[-1])
        elif token.type == "inline":
            self._check_inline(token)
        elif token.type == "html_block":
            _refuse_raw_img(token.content, self._line(token))
        self.result.tokens.append(token)

    def _open_block(self, token: Token) -> None:
        kind, line = token.meta["kind"], token.meta["line"]
        if self.blocks and self.blocks[-1].meta["kind"] in ("figure", "embed"):
            raise TextError(f"a{'n embed' if self.blocks[-1].meta['kind'] == 'embed' else ' figure'}'s "
                            f"caption cannot hold a :::{kind} block", line=line)
        if kind == "spoiler":
            outer = next((block for block in self.blocks if block.meta["kind"] == "spoiler"), None)
            if outer is not None:
                raise TextError(
                    f"spoiler blocks cannot be nested: this one is inside the spoiler block opened "
                    f"on line {outer.meta['line']}; close that one first",
                    line=line,
                )
            film = resolve_film(token.meta["args"], self.films, line=line)
            token.meta["film"] = film
            if film not in self.result.films:
                self.result.films.append(film)
        elif kind == "figure":
            token.meta["attributes"] = parse_figure_attributes(token.meta["args"], line=line)
        elif kind == "embed":
            self._embed(token, embed_for_block(token.meta["args"], line=line))
        elif token.meta["args"]:
            raise TextError(f":::{kind} takes nothing after its name, found {token.meta['args']!r}", line=line)
        self.blocks.append(token)

    def _figure_image(self, token: Token, figure: Token) -> FigureImage:
        line = self._line(token)
        image = _single_image(token)
        if image is None:
            raise TextError(
                "a figure's first line must be a Markdown image, e.g. ![alt text](image-reference)",
                line=line,
            )
        return self._resolve(image, credit=figure.meta["attributes"].get("credit", ""), line=line)

    def _standalone_image(self, inline: Token) -> None:
        """An image alone in its paragraph is shown as a figure (with its library credit)."""
        image = _single_image(inline)
        assert image is not None
        opening, closing = self._figure_tokens(image, inline)
        self.result.tokens += [opening, closing]

    def _captioned_image(self, paragraph: list[Token]) -> None:
        """An image line with lines under it in the same paragraph ("![…](still)" then "*The
        pier at dusk.*"), as Markdown written for other sites captions a picture: a figure whose
        caption is those lines."""
        inline = paragraph[1]
        children = _without_blank_text(inline.children or [])
        opening, closing = self._figure_tokens(children[0], inline)
        inline.children = children[2:]
        inline.content = inline.content.split("\n", 1)[1]
        if inline.map:  # the caption starts a line below the image: errors in it name its own lines
            inline.map = [inline.map[0] + 1, inline.map[1]]
        self.blocks.append(opening)
        self.result.tokens.append(opening)
        for token in paragraph:
            self._visit(token)
        self.blocks.pop()
        self.result.tokens.append(closing)

    def _figure_tokens(self, image: Token, inline: Token) -> tuple[Token, Token]:
        """The opening and closing tokens of a figure showing `image`, written in `inline`."""
        line = self._line(inline)
        if self.blocks and self.blocks[-1].meta["kind"] == "figure":
            raise TextError(
                "a figure shows one image; start a new :::figure block for this one", line=line
            )
        if self.blocks and self.blocks[-1].meta["kind"] == "embed":
            raise TextError("an embed's caption cannot hold an image", line=line)
        opening = Token("nr_figure_open", "div", 1, block=True, map=inline.map)
        opening.meta = {"kind": "figure", "args": "", "line": line, "attributes": {}}
        opening.meta["image"] = self._resolve(image, credit="", line=line)
        closing = Token("nr_figure_close", "div", -1, block=True)
        closing.meta = {"kind": "figure", "line": line}
        return opening, closing

    def _embed(self, token: Token, embed: EmbedRef) -> None:
        token.meta["embed"] = embed
        token.meta["media"] = self.embeds(embed)
        self.result.embeds.append(embed)

    def _url_paragraph(self, tokens: list[Token], index: int) -> bool:
        """A paragraph holding only a web address: an embed when an allowlisted provider's,
        else a plain link to it. Inside an embed's caption it stays as written."""
        url = _lone_url(tokens, index)
        if url is None or (self.blocks and self.blocks[-1].meta["kind"] == "embed"):
            return False
        embed = recognize(url)
        line = self._line(tokens[index])
        if embed is None:
            if self.md.validateLink(url):
                _make_link(tokens[index + 1], self.md.normalizeLink(url))
            return False
        opening = Token("nr_embed_open", "div", 1, block=True, map=tokens[index].map)
        opening.meta = {"kind": "embed", "args": url, "line": line}
        self._embed(opening, embed)
        closing = Token("nr_embed_close", "div", -1, block=True)
        closing.meta = {"kind": "embed", "line": line}
        self.result.tokens += [opening, closing]
        return True

    def _resolve(self, image: Token, *, credit: str, line: int) -> FigureImage:
        reference = self.md.normalizeLinkText(image.attrGet("src") or "")  # type: ignore[arg-type]
        resolved = resolve_image(
            reference, alt=inline_text(image.children or []), credit=credit, images=self.images, line=line
        )
        self.result.images.append(resolved)
        return resolved

    def _line(self, token: Token) -> int:
        return token.map[0] + 1 if token.map else self.last_line

    def _check_inline(self, token: Token) -> None:
        line = self._line(token)
        for child in token.children or []:
            if child.type in _BREAKS:
                line += 1
            elif child.type == "image":
                raise TextError(
                    "put this image on a line of its own (or in a :::figure block) "
                    "so it is shown as a figure with its credit",
                    line=line,
                )
            elif child.type == "html_inline":
                _refuse_raw_img(child.content, line)


def _shift_headings(tokens: Sequence[Token]) -> None:
    """The page's h1 is the headline: a body that uses `#` moves down one level; every body
    heading ends up h2-h4."""
    shift = 1 if any(token.type == "heading_open" and token.tag == "h1" for token in tokens) else 0
    for token in tokens:
        if token.type in ("heading_open", "heading_close"):
            token.tag = f"h{min(4, max(2, int(token.tag[1]) + shift))}"


def _is_image_paragraph(tokens: Sequence[Token], index: int) -> bool:
    return (
        tokens[index].type == "paragraph_open"
        and index + 2 < len(tokens)
        and tokens[index + 1].type == "inline"
        and tokens[index + 2].type == "paragraph_close"
        and _single_image(tokens[index + 1]) is not None
    )


def _single_image(inline: Token) -> Token | None:
    """The image token when `inline` holds one image and nothing else but whitespace."""
    children = _without_blank_text(inline.children or [])
    if len(children) == 1 and children[0].type == "image":
        return children[0]
    return None


def _is_captioned_image_paragraph(tokens: Sequence[Token], index: int) -> bool:
    """A paragraph whose first line is an image alone and whose next lines are more text."""
    if not (tokens[index].type == "paragraph_open" and index + 2 < len(tokens) and tokens[index + 1].type == "inline"
            and tokens[index + 2].type == "paragraph_close"):
        return False
    children = _without_blank_text(tokens[index + 1].children or [])
    return (len(children) > 2 and children[0].type == "image" and children[1].type in _BREAKS
            and "\n" in tokens[index + 1].content)


def _without_blank_text(children: Sequence[Token]) -> list[Token]:
    return [child for child in children if not (child.type == "text" and not child.content.strip())]


_LONE_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


def _lone_url(tokens: Sequence[Token], index: int) -> str | None:
    """The address when the paragraph at `index` holds one web address and nothing else
    (typed bare, or as an autolink <https://...>)."""
    if not (
        tokens[index].type == "paragraph_open"
        and index + 2 < len(tokens)
        and tokens[index + 1].type == "inline"
        and tokens[index + 2].type == "paragraph_close"
    ):
        return None
    children = tokens[index + 1].children or []
    if len(children) == 1 and children[0].type == "text" and _LONE_URL.match(children[0].content.strip()):
        return children[0].content.strip()
    if (
        len(children) == 3 and children[0].type == "link_open" and children[0].markup == "autolink"
        and children[2].type == "link_close" and _LONE_URL.match(children[1].content.strip())
    ):
        return children[1].content.strip()
    return None


def _make_link(inline: Token, href: str) -> None:
    """Wrap a paragraph's lone address in a link to itself."""
    if inline.children and inline.children[0].type == "link_open":
        return  # an autolink already is one
    text = inline.children[0]
    opening = Token("link_open", "a", 1)
    opening.attrs = {"href": href}
    closing = Token("link_close", "a", -1)
    inline.children = [opening, text, closing]


def _refuse_raw_img(html: str, line: int) -> None:
    if _RAW_IMG.search(html):
        raise TextError(
            "images cannot be written as raw <img> HTML; use ![alt text](image-reference) "
            "so the picture carries its alt text and credit",
            line=line,
        )


