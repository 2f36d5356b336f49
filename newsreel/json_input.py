"""JSON that people and other systems wrote, read one way for every importer: a fault is one
error, JsonInputError, that names the place (file, line, column) and says in plain words what is
wrong there and what to do.

What it refuses, beyond JSON's own syntax errors:

    bytes that are not UTF-8, and UTF-16 or UTF-32 text (an editor's UTF-8 byte-order mark is read)
    nesting deeper than Python's reader holds (about a thousand levels; a RecursionError otherwise)
    an integer of more digits than Python reads (4,300; a ValueError that named no place otherwise)
    NaN, Infinity and -Infinity, which Python reads but JSON does not have (no field takes them)
    a key written twice in one object (Python keeps the last without a word; the writer meant one)
    a document of another type than the caller expects (an array where an object goes)

Here, not in newsreel.importers: `import-kb` (newsreel.films) reads JSON too, and films come
before the newsroom and its importers in the dependency direction (docs/CONTRIBUTING.md), so
both use this module, which depends on nothing of Newsreel. Pure Python: no Django.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from typing import Any

# Where a message says nesting went too deep. Python's reader gives up at about 1,000 levels
# (fewer when the stack is already in use), and it says nothing of where; the place named is
# where the document first goes this deep, which no importer's format comes near.
REPORTED_DEPTH = 500

_UTF8_BOM = b"\xef\xbb\xbf"
# The JSON tokens a place is looked for among, outside strings: a string (with ":" after it when
# it is a key), a bracket, a number, or one of the constants Python reads but JSON has not.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"(?P<key>\s*:)?|[\[\]{}]|-?\d+(?P<fraction>[.eE][-+.\deE]*)?|-?Infinity|NaN')
_TYPE_NAMES = {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
               bool: "true or false", type(None): "null"}
_EXPECTED = {dict: "a JSON object ({ ... })", list: "a JSON array ([ ... ])"}


class JsonInputError(ValueError):
    """JSON that cannot be read: `at` is its place ("line 3, column 17"), `problem` what is wrong there."""

    def __init__(self, source: str, line: int, column: int, problem: str) -> None:
        self.source, self.line, self.column, self.problem = source, line, column, problem
        super().__init__(f"{source}, {self.at}: {problem}" if source else f"{self.at}: {problem}")

    @property
    def at(self) -> str:
        return f"line {self.line}, column {self.column}"


def decode_document(data: bytes | str, *, source: str = "", what: str = "this file",
                    expect: type | None = None, repeated_keys_refused: bool = True) -> Any:
    """A whole JSON document (a file's bytes or text) as Python values, or JsonInputError.

    `source` names the file in messages; `what` is what the document should be ("a Ghost
    export"), for messages that say why a fault cannot be right; `expect` (dict or list) the
    type the document must have; `repeated_keys_refused=False` lets the last of a key written
    twice stand, for dumps a program wrote whose size makes the check's cost count (it doubles
    the reading time)."""
    return _decode(data, source=source, what=what, expect=expect, first_line=1, bom_allowed=True,
                   repeated_keys_refused=repeated_keys_refused)[0]


def decode_line(data: bytes | str, number: int, *, source: str = "", what: str = "a record",
                expect: type | None = None, repeated_keys_refused: bool = True) -> Any:
    """Line `number` (from 1) of a JSON Lines file as Python values, or JsonInputError naming that
    line and the column in it (`decode_document` tells the options). Text that goes on over
    further lines is placed right too."""
    return _decode(data, source=source, what=what, expect=expect, first_line=number, bom_allowed=number == 1,
                   repeated_keys_refused=repeated_keys_refused)[0]


def decode_leading(text: str, *, source: str = "", what: str = "front matter",
                   expect: type | None = None) -> tuple[Any, int]:
    """The JSON value at the start of `text` and the offset where it ends, for a file that goes on
    after it (Hugo's JSON front matter: an object, then the page); JsonInputError as `decode_document`."""
    return _decode(text, source=source, what=what, expect=expect, first_line=1, bom_allowed=True,
                   repeated_keys_refused=True, leading=True)


def utf8_text(data: bytes, *, source: str = "", first_line: int = 1, bom_allowed: bool = True) -> str:
    """`data` read as UTF-8 (without an editor's byte-order mark), or JsonInputError naming the
    line and column of the first byte that is not, or saying the text is UTF-16 or UTF-32."""
    if bom_allowed and data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    # UTF-16 and UTF-32 start with a byte-order mark or put NUL bytes beside the first character
    # (which JSON keeps ASCII); looked at only then, as a dump's millions of lines pass through here.
    if data[:1] in (b"\xff", b"\xfe") or b"\x00" in data[:4]:
        encoding = json.detect_encoding(data[:4])
        if encoding.startswith(("utf-16", "utf-32")):
            raise JsonInputError(source, first_line, 1, f"{encoding[:6].upper()} text, not UTF-8; save the file as UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = data.rfind(b"\n", 0, error.start) + 1
        column = len(data[start:error.start].decode("utf-8")) + 1
        raise JsonInputError(source, first_line + data.count(b"\n", 0, error.start), column,
                             f"not UTF-8 text (byte 0x{data[error.start]:02x}); save the file as UTF-8") from None


class _Refused(Exception):
    """Raised inside the reader by a hook: what it met, for the place to be looked for afterwards."""

    def __init__(self, kind: str, value: str) -> None:
        super().__init__(value)
        self.kind, self.value = kind, value


def _constant(name: str) -> Any:
    raise _Refused("constant", name)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) < len(pairs):  # only then is it worth looking for which key it was
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused("key", key)
            seen.add(key)
    return found


def _decode(data: bytes | str, *, source: str, what: str, expect: type | None, first_line: int,
            bom_allowed: bool, repeated_keys_refused: bool, leading: bool = False) -> tuple[Any, int]:
    """(value, offset of its end in the text read) or JsonInputError; `leading`: the text may go on after it."""
    if isinstance(data, bytes):
        text = utf8_text(data, source=source, first_line=first_line, bom_allowed=bom_allowed)
    else:
        text = data.removeprefix("\ufeff") if bom_allowed else data

    def fault(offset: int, problem: str) -> JsonInputError:
        line = text.count("\n", 0, offset)
        return JsonInputError(source, first_line + line, offset - text.rfind("\n", 0, offset), problem)

    if text.startswith("\ufeff"):
        raise fault(0, "a byte-order mark, which belongs at the start of a file only (were files joined?); remove it")
    try:
        decoder = _STRICT if repeated_keys_refused else _REPEATS_ALLOWED
        value, end = decoder.raw_decode(text) if leading else (decoder.decode(text), len(text))
    except json.JSONDecodeError as error:
        raise fault(error.pos, _syntax(error.msg.removesuffix(" at"))) from None
    except RecursionError:
        offset, depth = _deepest(text)
        raise fault(offset, f"nested too deep: {'more than ' if depth >= REPORTED_DEPTH else ''}{depth:,} levels of "
                            f"arrays and objects inside one another here; {what} needs a few, so this is not "
                            f"{what} or it is damaged") from None
    except _Refused as refused:
        if refused.kind == "constant":
            raise fault(_first_token(text, refused.value), f"{refused.value} is not a JSON value (JavaScript writes "
                                                           "it for a number that is not one); write null or a number") from None
        raise fault(_second_key(text, refused.value), f"the key {json.dumps(refused.value)[:80]} a second time in one "
                                                      "object; a reader keeps only one of them, so remove the other") from None
    except ValueError:  # int() refused the digits: Python reads no integer longer than its limit
        offset, digits = _long_integer(text)
        raise fault(offset, f"a number with more than {sys.get_int_max_str_digits():,} digits ({digits:,}); no field "
                            f"of {what} needs one") from None
    if expect is not None and not isinstance(value, expect):
        offset = len(text) - len(text.lstrip())
        raise fault(offset, f"{_TYPE_NAMES.get(type(value), type(value).__name__)}, where {what} is "
                            f"{_EXPECTED.get(expect, expect.__name__)}")
    return value, end


# Made once, as json.loads makes its own default one: making one a call cost more than reading a short line.
_STRICT = json.JSONDecoder(parse_constant=_constant, object_pairs_hook=_object)
_REPEATS_ALLOWED = json.JSONDecoder(parse_constant=_constant)


# What Python's reader says, and where a person finds the fault from there.
_HINTS = {
    "Expecting value": "a value was expected here (text in double quotes, a number, true, false, null, [ or {)",
    "Extra data": "more follows the end of the JSON value, and a file holds one value (JSON Lines: one a line)",
    "Unterminated string starting": "the text in double quotes that starts here is never closed; add the closing \"",
    "Invalid control character": "a tab or line break inside text in double quotes; JSON writes them \\t and \\n",
}


def _syntax(message: str) -> str:
    hint = _HINTS.get(message, "look here and just before for a missing comma, quote or bracket")
    return f"not valid JSON: {message}; {hint}"


def _tokens(text: str) -> Iterator[re.Match]:
    return _TOKENS.finditer(text)


def _deepest(text: str) -> tuple[int, int]:
    """(offset, depth) where nesting first reaches REPORTED_DEPTH, else of its deepest point; read
    without recursion."""
    depth = deepest = offset = 0
    for token in _tokens(text):
        mark = token.group()
        if mark in ("[", "{"):
            depth += 1
            if depth > deepest:
                deepest, offset = depth, token.start()
                if depth == REPORTED_DEPTH:
                    break
        elif mark in ("]", "}"):
            depth -= 1
    return offset, deepest


def _first_token(text: str, value: str) -> int:
    return next((token.start() for token in _tokens(text) if token.group() == value), 0)


def _long_integer(text: str) -> tuple[int, int]:
    """(offset, digits) of the first integer outside strings longer than Python reads."""
    limit = sys.get_int_max_str_digits()
    for token in _tokens(text):
        if token.group()[:1] in "-0123456789" and not token.group("fraction"):
            digits = len(token.group().lstrip("-"))
            if digits > limit:
                return token.start(), digits
    return 0, 0


def _second_key(text: str, key: str) -> int:
    """Where `key` stands a second time in one object, keys compared as read (escapes undone)."""
    objects: list[set[str] | None] = []
    for token in _tokens(text):
        mark = token.group()
        if mark in ("[", "{"):
            objects.append(set() if mark == "{" else None)
        elif mark in ("]", "}"):
            if objects:
                objects.pop()
        elif token.group("key") and objects and objects[-1] is not None:
            name = json.loads(mark[: mark.rindex('"') + 1])
            if name == key and name in objects[-1]:
                return token.start()
            objects[-1].add(name)
    return 0
