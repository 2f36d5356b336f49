"""Text from the bytes of a file that is mostly UTF-8: what exporters and editors really write."""

from __future__ import annotations


def utf8_or_cp1252_lines(raw: bytes) -> tuple[str, list[int]]:
    """The text, each line read as UTF-8 or, failing that, as Windows-1252; and the numbers
    (from 1) of the lines so read, for the caller to report (their accented letters are a guess)."""
    lines = raw.split(b"\n")
    guessed: list[int] = []
    for number, line in enumerate(lines):
        try:
            lines[number] = line.decode("utf-8")
        except UnicodeDecodeError:
            lines[number] = line.decode("cp1252", errors="replace")
            guessed.append(number + 1)
    return "\n".join(lines), guessed
