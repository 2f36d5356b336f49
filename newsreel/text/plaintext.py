"""Plain text of an article, block by block in reading order.

Every block a reader reads becomes one Paragraph: headings, paragraphs, list items, quotes,
table rows (cells joined by " | "), figure captions, editor's notes and footnotes. Code is
not prose and is left out; raw HTML counts by its text. Embeds (a video or post from
elsewhere) and their captions are not the story's own words: search, summaries and mention
finding never see them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from markdown_it.token import Token

from .containers import is_figure_image
from .sanitize import strip_tags
from .types import Paragraph

PARAGRAPH_SEPARATOR = "\n\n"
CELL_SEPARATOR = " | "
# The innermost enclosing block decides a paragraph's kind, except that a caption, an
# editor's note or a footnote stays one whatever it contains.
_DOMINANT_KINDS = {"nr_figure_open": "caption", "nr_note_open": "note", "footnote_open": "footnote"}
_NESTED_KINDS = {"blockquote_open": "quote", "list_item_open": "list"}


def inline_text(children: Sequence[Token]) -> str:
    """The text of inline tokens: markup dropped, entities decoded, images and footnote
    markers left out."""
    return "".join(child_text(child) for child in children).strip()


def child_text(child: Token) -> str:
    """What one inline child contributes to the plain text (linking counts offsets with it)."""
    if child.type in ("text", "code_inline"):
        return child.content
    if child.type == "softbreak":
        return " "
    if child.type == "hardbreak":
        return "\n"
    return ""


# Set on each prose inline token: the document offset where its unstripped text would
# start, so a mention found in the plain text can be linked at exactly that place.
DOCUMENT_OFFSET = "document_offset"


def extract_paragraphs(tokens: Sequence[Token]) -> list[Paragraph]:
    """Paragraphs in reading order, with `start` offsets into their join by a blank line."""
    blocks: list[tuple[str, str, str | None]] = []  # (text, kind, spoiler film key)
    sources: list[Token | None] = []  # the inline token each block came from
    row_emphasis: dict[int, tuple[tuple[int, int], ...]] = {}  # a table row's block -> its italics
    stack: list[Token] = []
    cells: list[tuple[str, tuple[tuple[int, int], ...]]] = []
    for token in tokens:
        if token.nesting == 1:
            stack.append(token)
            if token.type == "tr_open":
                cells = []
        elif token.nesting == -1:
            stack.pop()
            if token.type == "tr_close":
                # A cell's italics or bold (a title in a box-office table) are kept, moved to
                # where the cell stands in the row.
                spans: list[tuple[int, int]] = []
                offset = 0
                for cell, cell_spans in (cell for cell in cells if cell[0]):
                    spans += [(offset + s, offset + e) for s, e in cell_spans]
                    offset += len(cell) + len(CELL_SEPARATOR)
                row_emphasis[len(blocks)] = tuple(spans)
                blocks.append((CELL_SEPARATOR.join(cell for cell, _ in cells if cell), "table", _film(stack)))
                sources.append(None)
        elif any(open_token.type == "nr_embed_open" for open_token in stack):
            continue
        elif token.type == "inline" and not is_figure_image(token):
            text = inline_text(token.children or [])
            if stack and stack[-1].type in ("th_open", "td_open"):
                cells.append((text, _emphasis(token.children or [])))
            else:
                blocks.append((text, _kind(stack), _film(stack)))
                sources.append(token)
        elif token.type == "html_block":
            blocks.append((strip_tags(token.content).strip(), _kind(stack), _film(stack)))
            sources.append(None)
    kept = [(block, source, row_emphasis.get(n, ())) for n, (block, source) in enumerate(zip(blocks, sources)) if block[0]]
    paragraphs = number_paragraphs(
        Paragraph(text=text, start=0, kind=kind, spoiler_film=film,
                  emphasis=_emphasis(source.children or []) if source is not None else row)
        for (text, kind, film), source, row in kept
    )
    for paragraph, (_, source, _) in zip(paragraphs, kept):
        if source is not None:
            raw = "".join(child_text(child) for child in source.children or [])
            source.meta[DOCUMENT_OFFSET] = paragraph.start - (len(raw) - len(raw.lstrip()))
    return paragraphs


def _emphasis(children: Sequence[Token]) -> tuple[tuple[int, int], ...]:
    """Offsets, in the stripped paragraph text, of each span set in italics or bold
    (`*x*`, `_x_`, `**x**`, `__x__`): writers set titles either way."""
    raw = "".join(child_text(child) for child in children)
    lead = len(raw) - len(raw.lstrip())
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    offset = 0
    for child in children:
        if child.type in ("em_open", "strong_open"):
            opened.append(offset)
        elif child.type in ("em_close", "strong_close") and opened:
            start = opened.pop()
            if offset > start:
                spans.append((start - lead, offset - lead))
        offset += len(child_text(child))
    return tuple(spans)


def number_paragraphs(paragraphs: Iterable[Paragraph]) -> list[Paragraph]:
    """The same paragraphs with `start` set for joining them by PARAGRAPH_SEPARATOR."""
    numbered: list[Paragraph] = []
    offset = 0
    for paragraph in paragraphs:
        numbered.append(
            Paragraph(text=paragraph.text, start=offset, kind=paragraph.kind, spoiler_film=paragraph.spoiler_film,
                      emphasis=paragraph.emphasis)
        )
        offset += len(paragraph.text) + len(PARAGRAPH_SEPARATOR)
    return numbered


def join_paragraphs(paragraphs: Sequence[Paragraph]) -> str:
    return PARAGRAPH_SEPARATOR.join(paragraph.text for paragraph in paragraphs)


def _kind(stack: Sequence[Token]) -> str:
    for token in stack:
        if token.type in _DOMINANT_KINDS:
            return _DOMINANT_KINDS[token.type]
    innermost = stack[-1] if stack else None
    if innermost is not None and innermost.type == "heading_open":
        return "heading"
    for token in reversed(stack):
        if token.type in _NESTED_KINDS:
            return _NESTED_KINDS[token.type]
    return "paragraph"


def _film(stack: Sequence[Token]) -> str | None:
    for token in reversed(stack):
        if token.type == "nr_spoiler_open":
            return token.meta["film"].key
    return None
