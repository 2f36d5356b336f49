"""Three-way merge of two edits of one text, line by line (difflib).

Two people opened the same revision (the *base*) and each saved their own version
(*ours* and *theirs*). Every line range one side changed and the other left alone is taken
from the side that changed it. Where both sides changed the same or touching lines, the
change is taken when both made the same one, and is otherwise a `Conflict` holding the
three versions of that passage: nothing is chosen for the writer.

Touching changes conflict on purpose (as in diff3): in Markdown two edits on neighbouring
lines are usually edits of one paragraph, and splicing them silently can garble a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True)
class Conflict:
    """A passage both sides changed differently; each version as a list of lines (with endings)."""

    base: tuple[str, ...]
    ours: tuple[str, ...]
    theirs: tuple[str, ...]

    @property
    def ours_text(self) -> str:
        return "".join(self.ours)

    @property
    def theirs_text(self) -> str:
        return "".join(self.theirs)

    @property
    def base_text(self) -> str:
        return "".join(self.base)


@dataclass(frozen=True)
class MergeResult:
    """The merge as a sequence of agreed text (str) and conflicts, in order."""

    chunks: tuple[str | Conflict, ...]

    @property
    def conflicts(self) -> list[Conflict]:
        return [chunk for chunk in self.chunks if isinstance(chunk, Conflict)]

    @property
    def clean(self) -> bool:
        return not self.conflicts

    @property
    def text(self) -> str:
        """The merged text; raises ValueError when there are conflicts (nothing is chosen silently)."""
        if not self.clean:
            raise ValueError(f"the merge has {len(self.conflicts)} conflict(s); resolve them first")
        return "".join(chunk for chunk in self.chunks if isinstance(chunk, str))

    def text_preferring(self, side: str) -> str:
        """The merged text with each conflict filled from one side ("ours" or "theirs")."""
        if side not in ("ours", "theirs"):
            raise ValueError(f"side must be 'ours' or 'theirs', not {side!r}")
        return "".join(chunk if isinstance(chunk, str) else "".join(getattr(chunk, side)) for chunk in self.chunks)


@dataclass(frozen=True)
class _Hunk:
    start: int  # base line range [start, end) replaced by `lines`
    end: int
    lines: tuple[str, ...]
    side: str


def _hunks(base: list[str], other: list[str], side: str) -> list[_Hunk]:
    matcher = SequenceMatcher(None, base, other)
    return [
        _Hunk(i1, i2, tuple(other[j1:j2]), side)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    ]


def _apply(base: list[str], start: int, end: int, hunks: list[_Hunk]) -> tuple[str, ...]:
    """base[start:end] with one side's hunks (all inside that range) applied."""
    result: list[str] = []
    position = start
    for hunk in sorted(hunks, key=lambda h: (h.start, h.end)):
        result.extend(base[position:hunk.start])
        result.extend(hunk.lines)
        position = hunk.end
    result.extend(base[position:end])
    return tuple(result)


def merge3(base: str, ours: str, theirs: str) -> MergeResult:
    """Merge `ours` and `theirs`, both edited from `base`; see the module docstring."""
    if ours == theirs:
        return MergeResult((ours,) if ours else ())
    # A last line without its newline would differ from the same line with one after an
    # append; merge as if every text ended in one, and drop it again if neither side had it.
    drop_final_newline = not ours.endswith("\n") and not theirs.endswith("\n")
    base, ours, theirs = (text if text.endswith("\n") or not text else text + "\n" for text in (base, ours, theirs))
    base_lines = base.splitlines(keepends=True)
    hunks = sorted(
        _hunks(base_lines, ours.splitlines(keepends=True), "ours")
        + _hunks(base_lines, theirs.splitlines(keepends=True), "theirs"),
        key=lambda h: (h.start, h.end),
    )
    # Group hunks whose base ranges overlap or touch.
    groups: list[list[_Hunk]] = []
    group_end = -1
    for hunk in hunks:
        if groups and hunk.start <= group_end:
            groups[-1].append(hunk)
            group_end = max(group_end, hunk.end)
        else:
            groups.append([hunk])
            group_end = hunk.end
    chunks: list[str | Conflict] = []
    position = 0

    def agreed(lines) -> None:
        text = "".join(lines)
        if not text:
            return
        if chunks and isinstance(chunks[-1], str):
            chunks[-1] += text
        else:
            chunks.append(text)

    for group in groups:
        start = min(h.start for h in group)
        end = max(h.end for h in group)
        agreed(base_lines[position:start])
        ours_hunks = [h for h in group if h.side == "ours"]
        theirs_hunks = [h for h in group if h.side == "theirs"]
        ours_version = _apply(base_lines, start, end, ours_hunks)
        theirs_version = _apply(base_lines, start, end, theirs_hunks)
        if not theirs_hunks:
            agreed(ours_version)
        elif not ours_hunks or ours_version == theirs_version:
            agreed(theirs_version)
        else:
            chunks.append(Conflict(tuple(base_lines[start:end]), ours_version, theirs_version))
        position = end
    agreed(base_lines[position:])
    if drop_final_newline and chunks:
        last = chunks[-1]
        if isinstance(last, str):
            chunks[-1] = last[:-1] if last.endswith("\n") else last
        else:
            chunks[-1] = Conflict(last.base, _without_final_newline(last.ours), _without_final_newline(last.theirs))
        if chunks[-1] == "":
            chunks.pop()
    return MergeResult(tuple(chunks))


def _without_final_newline(lines: tuple[str, ...]) -> tuple[str, ...]:
    if lines and lines[-1].endswith("\n"):
        return lines[:-1] + (lines[-1][:-1],)
    return lines


def merge_value(base, ours, theirs):
    """Three-way choice for a whole value (a headline, a list of tags).

    Returns (value, conflicted): the side that changed it, either when both agree, or ours
    with conflicted=True when both changed it differently.
    """
    if ours == theirs or theirs == base:
        return ours, False
    if ours == base:
        return theirs, False
    return ours, True
