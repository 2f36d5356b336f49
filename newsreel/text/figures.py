"""Figures: an image from the library with alt text, caption and credit.

Every published photo carries alt text and a credit. The Markdown alt text and a figure
block's `credit="..."` override what the image library holds; when both are empty the
article is refused with the line to fix.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from html import escape

from .types import ImageRef, TextError

FIGURE_ATTRIBUTES = ("credit",)
_ATTRIBUTE = re.compile(r"""\s*(?P<name>[A-Za-z][\w-]*)\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)')\s*""")
# Figures fill the text column on wide screens and the viewport on narrow ones.
_SIZES = "(min-width: 46rem) 46rem, 100vw"

ImageLookup = Callable[[str], ImageRef | None]


@dataclass(frozen=True)
class FigureImage(ImageRef):
    """An image resolved for one place in an article: the library's image with its final alt and
    credit, and the reference the writer used."""

    reference: str = ""


def parse_figure_attributes(args: str, *, line: int) -> dict[str, str]:
    """`credit="Photo: Jane Doe"` -> {"credit": "Photo: Jane Doe"}."""
    attributes: dict[str, str] = {}
    position = 0
    while position < len(args):
        match = _ATTRIBUTE.match(args, position)
        if match is None:
            raise TextError(
                f"cannot read the figure's attributes {args[position:]!r}; "
                'write them as credit="Photo: Name"',
                line=line,
            )
        name = match.group("name").lower()
        if name not in FIGURE_ATTRIBUTES:
            allowed = ", ".join(FIGURE_ATTRIBUTES)
            raise TextError(f"unknown figure attribute {name!r}; a figure takes: {allowed}", line=line)
        attributes[name] = match.group("double") if match.group("double") is not None else match.group("single")
        position = match.end()
    return attributes


def resolve_image(
    reference: str, *, alt: str, credit: str, images: ImageLookup, line: int
) -> FigureImage:
    """Look `reference` up and settle its alt text and credit, or say what is missing."""
    found = images(reference)
    if found is None:
        raise TextError(
            f'unknown image "{reference}"; add it to the image library first or fix the reference',
            line=line,
        )
    final_alt = alt.strip() or found.alt.strip()
    if not final_alt:
        raise TextError(
            f'image "{reference}" has no alt text; describe the picture in the brackets: '
            f"![what the picture shows]({reference})",
            line=line,
        )
    final_credit = credit.strip() or found.credit.strip()
    if not final_credit:
        raise TextError(
            f'image "{reference}" has no credit; every published photo needs one: '
            'use a :::figure block with credit="Photo: Name" or set the credit in the image library',
            line=line,
        )
    return FigureImage(**{**{name.name: getattr(found, name.name) for name in fields(ImageRef)},
                          "alt": final_alt, "credit": final_credit}, reference=reference)


def figure_html(image: FigureImage, caption_html: str = "") -> str:
    """`<figure class="figure"><img ...><figcaption>caption credit</figcaption></figure>`."""
    caption = f'<span class="caption">{caption_html}</span> ' if caption_html.strip() else ""
    return (
        f'<figure class="figure">{img_html(image)}'
        f'<figcaption>{caption}<span class="credit">{escape(image.credit)}</span></figcaption>'
        "</figure>\n"
    )


def img_html(image: FigureImage) -> str:
    """The <img>, inside a <picture> with a <source> per modern format when the image has them."""
    img = _img(image)
    if not image.sources:
        return img
    sources = "".join(
        f'<source type="{escape(kind)}" srcset="{escape(srcset)}" sizes="{_SIZES}">'
        for kind, srcset in image.sources if srcset
    )
    return f"<picture>{sources}{img}</picture>"


def _img(image: FigureImage) -> str:
    attributes = [("src", image.url), ("alt", image.alt)]
    if image.width:
        attributes.append(("width", str(image.width)))
    if image.height:
        attributes.append(("height", str(image.height)))
    if image.srcset:
        attributes += [("srcset", image.srcset), ("sizes", _SIZES)]
    attributes += [("loading", "lazy"), ("decoding", "async")]
    rendered = " ".join(f'{name}="{escape(value)}"' for name, value in attributes)
    return f"<img {rendered}>"
