"""The `:::` block syntax of Newsreel Markdown, as a markdown-it block rule.

A block opens with `:::kind arguments` on its own line and closes with a line holding only
`:::`. The rule is purely syntactic: it emits `nr_<kind>_open` / `nr_<kind>_close` tokens
carrying the kind, its arguments and the opening line; films, images and nesting rules are
checked afterwards (see `resolve.py`), where every token knows its line.
"""

from __future__ import annotations

import re

from markdown_it.rules_block import StateBlock

from .types import TextError

BLOCK_KINDS = ("spoiler", "note", "figure", "embed")
_MARKER = re.compile(r"^:{3,}(?P<rest>.*)$")
_FENCE_OPEN = re.compile(r"^(?P<marker>`{3,}|~{3,})")
_FIGURE_IMAGE_ROLE = "figure-image"


def open_token_type(kind: str) -> str:
    return f"nr_{kind}_open"


def close_token_type(kind: str) -> str:
    return f"nr_{kind}_close"


def is_figure_image(token: object) -> bool:
    """The inline token holding a figure's `![alt](reference)` line."""
    meta = getattr(token, "meta", None) or {}
    return meta.get("nr_role") == _FIGURE_IMAGE_ROLE


def container_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Parse one `:::kind args` ... `:::` block starting at `start_line`."""
    if _is_indented_code(state, start_line):
        return False
    match = _MARKER.match(_line_text(state, start_line))
    if match is None:
        return False
    if silent:
        # A `:::` line ends the paragraph above it; the non-silent call reports any error.
        return True

    line_number = start_line + 1
    kind, args = _split_kind(match.group("rest"), line_number)
    closer = _find_closer(state, start_line, end_line)
    if closer is None:
        raise TextError(
            f"the :::{kind} block opened on line {line_number} is never closed; "
            "end it with a line holding only ':::'",
            line=line_number,
        )

    old_parent, old_line_max = state.parentType, state.lineMax
    state.parentType = "container"
    state.lineMax = closer  # no lazy continuation may run past the closing marker

    opening = state.push(open_token_type(kind), "div", 1)
    opening.block = True
    opening.info = args
    opening.markup = ":::"
    opening.map = [start_line, closer + 1]
    opening.meta = {"kind": kind, "args": args, "line": line_number}

    if kind == "figure":
        _tokenize_figure(state, start_line, closer)
    else:
        state.md.block.tokenize(state, start_line + 1, closer)

    closing = state.push(close_token_type(kind), "div", -1)
    closing.block = True
    closing.markup = ":::"
    closing.meta = {"kind": kind, "line": closer + 1}

    state.parentType, state.lineMax = old_parent, old_line_max
    state.line = closer + 1
    return True


def _split_kind(rest: str, line_number: int) -> tuple[str, str]:
    words = rest.strip().split(maxsplit=1)
    if not words:
        raise TextError(
            "this ':::' closes a block, but no block is open here", line=line_number
        )
    kind = words[0].lower()
    if kind not in BLOCK_KINDS:
        known = ", ".join(f":::{name}" for name in BLOCK_KINDS)
        raise TextError(f"unknown block type ':::{words[0]}'; use one of {known}", line=line_number)
    return kind, words[1].strip() if len(words) > 1 else ""


def _find_closer(state: StateBlock, start_line: int, end_line: int) -> int | None:
    """The line of the `:::` that closes the block at `start_line`, skipping code fences
    and nested blocks; None when the block runs to the end of its container."""
    depth = 1
    fence: str | None = None
    for line in range(start_line + 1, end_line):
        text = _line_text(state, line)
        if text and state.sCount[line] < state.blkIndent:
            return None  # the enclosing list item or quote ended first
        if _is_indented_code(state, line):
            continue
        if fence is not None:
            if _closes_fence(text, fence):
                fence = None
            continue
        fence_match = _FENCE_OPEN.match(text)
        if fence_match:
            fence = fence_match.group("marker")
            continue
        marker = _MARKER.match(text)
        if marker is None:
            continue
        depth += -1 if not marker.group("rest").strip() else 1
        if depth == 0:
            return line
    return None


def _closes_fence(text: str, fence: str) -> bool:
    stripped = text.rstrip()
    return (
        len(stripped) >= len(fence)
        and set(stripped) == {fence[0]}
    )


def _tokenize_figure(state: StateBlock, start_line: int, closer: int) -> None:
    """A figure's first non-blank line is its image; the lines after it are the caption."""
    image_line = next(
        (line for line in range(start_line + 1, closer) if _line_text(state, line).strip()),
        None,
    )
    if image_line is None:
        raise TextError(
            "this figure has no image: put ![alt text](image reference) on the line after :::figure",
            line=start_line + 1,
        )
    image = state.push("inline", "", 0)
    image.content = _line_text(state, image_line).strip()
    image.map = [image_line, image_line + 1]
    image.children = []
    image.meta = {"nr_role": _FIGURE_IMAGE_ROLE}
    state.md.block.tokenize(state, image_line + 1, closer)


def _line_text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _is_indented_code(state: StateBlock, line: int) -> bool:
    return state.sCount[line] - state.blkIndent >= 4
