"""Round seventy-four (issue 13): a convention found in `tests/evalset124` once it moved to tune:
a documentary review quoting the narration of the newsreels its director stitched in. Written for
the convention in several of its phrasings (ours, not the set's).

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("lampblack-2024", "Lampblack", 2024)],
    [PersonRef("hesketh-mawby", "Hesketh Mawby")],
    [CreditRef("lampblack-2024", "hesketh-mawby", "director")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


@pytest.mark.parametrize("lead", [
    "Mawby stitches the interviews together with newsreel footage, and the narration of one reel, from 1958, "
    "gets a laugh at every screening:",
    "Mawby cuts in the town's newsreels; their narration is the film's comedy:",
    "Mawby lets the archive speak, and the voice-over of a 1961 reel has the last word:",
])
def test_round_seventy_four_a_newsreels_narration_is_nobodys(lead):
    body = (
        "Hesketh Mawby's *Lampblack* follows four retired lamplighters.\n\n"
        f"{lead} \"Here in Orrin, modern progress waits politely on the lamplighter's ladder!\""
    )
    found = _found(body)
    assert found and not any(key == "hesketh-mawby" and conf >= SURE_CONFIDENCE for _, key, _, conf in found), found


def test_round_seventy_four_the_director_asked_about_the_narration_still_speaks():
    body = (
        "Hesketh Mawby's *Lampblack* follows four retired lamplighters.\n\n"
        "Mawby, asked about the narration, was blunt: \"I kept the worst of it on purpose.\""
    )
    assert [key for _, key, _, _ in _found(body)] == ["hesketh-mawby"]
