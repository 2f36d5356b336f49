"""Word count and reading time."""

from __future__ import annotations

import re

WORDS_PER_MINUTE = 230
# Words with inner apostrophes, hyphens or dots count once: "didn't", "Lee-Park", "U.S".
_WORD = re.compile(r"\w+(?:['’.\-]\w+)*")


def count_words(text: str) -> int:
    # findall builds its list at C speed; a generator over finditer costs a Python step a word.
    return len(_WORD.findall(text))


def reading_minutes(word_count: int) -> int:
    """Minutes at about 230 words a minute, rounded, never less than one."""
    return max(1, (word_count + WORDS_PER_MINUTE // 2) // WORDS_PER_MINUTE)
