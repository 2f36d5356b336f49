"""Names an article casts an actor as: "plays Maren", "stars as Tamsin Hale", "plays the
inspector, Tamsin Hale". Such a name is a character's, so neither a film of that title nor a
speaker in the news (mentions and quotes both read it).

Depends on: nothing.
"""

from __future__ import annotations

import re
from typing import Iterable

# A verb that casts, then the name; or the role first and the name in apposition to it ("plays
# the village schoolteacher, Hesper Lyle"): lowercase role words, a comma, then capitals.
CAST_RE = re.compile(
    r"\b(?:plays|played|playing|portrays|portrayed|portraying|(?:stars|starring|starred|cast|casts)\s+as)"
    r"\s+(?:(?:the|a|an|his|her|their)\s+(?:[a-z][\w’'\-]*\s+){0,3}?[a-z][\w’'\-]*,\s+)?"
    r"((?:[A-Z][\w’'\-]*)(?:\s+[A-Z][\w’'\-]*){0,2})"
)


def cast_names(texts: Iterable[str]) -> list[str]:
    """Each name the texts cast an actor as, as written, in reading order."""
    return [match.group(1) for text in texts for match in CAST_RE.finditer(text)]
