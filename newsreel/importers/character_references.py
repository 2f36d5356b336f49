"""Numeric character references XML does not allow, repaired before an export is parsed.

Some exporters write a character beyond U+FFFF as its two UTF-16 halves (`&#xD83C;&#xDFAC;`,
`&#55356;&#57260;`), as JavaScript strings hold it; others let through references to control
characters or to no character at all. XML allows none of these, and lxml, reading in recover
mode, hands back text it cannot decode (a surrogate written as UTF-8 bytes). So a pair of
halves becomes the one character it spells, and any other reference to a character XML does
not allow becomes U+FFFD, as an HTML parser reads it; each repair is reported with its line.
"""

from __future__ import annotations

import re
from typing import Any, Callable

REFERENCE = re.compile(r"&#(?:x([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
REPLACEMENT = "&#xFFFD;"


def reference_value(match: re.Match) -> int:
    """The code point a numeric reference names."""
    hexadecimal, decimal = match.groups()
    return int(hexadecimal, 16) if hexadecimal is not None else int(decimal)


def allowed_in_xml(value: int) -> bool:
    """Whether XML 1.0's Char production admits `value`."""
    return (value in (0x9, 0xA, 0xD) or 0x20 <= value <= 0xD7FF or 0xE000 <= value <= 0xFFFD
            or 0x10000 <= value <= 0x10FFFF)


def _high_half(value: int) -> bool:
    return 0xD800 <= value <= 0xDBFF


def _low_half(value: int) -> bool:
    return 0xDC00 <= value <= 0xDFFF


def repair_character_references(chunk: str, report: Callable[[int, str], None]) -> str:
    """`chunk` (XML outside CDATA) with its disallowed numeric references repaired;
    `report(offset in chunk, message)` is called for each."""
    if "&#" not in chunk:
        return chunk
    matches = list(REFERENCE.finditer(chunk))
    out: list[str] = []
    position = index = 0
    while index < len(matches):
        match = matches[index]
        value = reference_value(match)
        following = matches[index + 1] if index + 1 < len(matches) else None
        if (_high_half(value) and following is not None and following.start() == match.end()
                and _low_half(reference_value(following))):
            combined = 0x10000 + ((value - 0xD800) << 10) + (reference_value(following) - 0xDC00)
            report(match.start(), f"{match.group()}{following.group()} writes U+{combined:04X} as its two UTF-16 "
                                  "halves, which XML does not allow; read as that one character")
            out += [chunk[position:match.start()], f"&#x{combined:X};"]
            position, index = following.end(), index + 2
            continue
        if not allowed_in_xml(value):
            report(match.start(), f"{match.group()} names no character XML allows; read as U+FFFD (\N{REPLACEMENT CHARACTER})")
            out += [chunk[position:match.start()], REPLACEMENT]
            position = match.end()
        index += 1
    out.append(chunk[position:])
    return "".join(out)


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(document: Any, path: str = "") -> tuple[Any, list[str]]:
    """A JSON document with every lone UTF-16 half (`"\\ud83c"` with no partner: JSON allows
    it, UTF-8 cannot store it) read as U+FFFD, and the JSON paths of the strings that held one."""
    found: list[str] = []

    def repaired(value: str, where: str) -> str:
        if value.isascii() or not _SURROGATE.search(value):
            return value
        found.append(where or "(the document)")
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")

    if isinstance(document, str):
        return repaired(document, path), found
    if not isinstance(document, (dict, list)):  # a number, true, null: a whole document holds no text
        return document, found
    # By hand, not by recursion: the document may be as deep as the JSON reader allowed.
    pending: list[tuple[Any, str]] = [(document, path)]
    while pending:
        container, where = pending.pop()
        keys = container.keys() if isinstance(container, dict) else range(len(container))
        for key in keys:
            value = container[key]
            inner = _child_path(where, key)
            if isinstance(value, str):
                container[key] = repaired(value, inner)
            elif isinstance(value, (dict, list)):
                pending.append((value, inner))
        if isinstance(container, dict):
            for key in [key for key in container if isinstance(key, str) and _SURROGATE.search(key)]:
                container[repaired(key, _child_path(where, f"{key!r} (a key)"))] = container.pop(key)
    return document, found


def _child_path(path: str, key: str | int) -> str:
    """`db[0].data` and `posts` -> `db[0].data.posts`; an index -> `posts[3]`."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key
