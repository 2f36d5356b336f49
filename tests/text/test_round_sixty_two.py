"""Round sixty-two (issue 13): conventions found in `tests/evalset97` and `tests/evalset98` once
they moved to tune: a review roundup's critic headings ("Name, *Outlet* — ★★★★") and a score that
"was played by a nine-piece ensemble". Each is written for the convention in several of its
phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("the-undersea-choir-2029", "The Undersea Choir", 2029), FilmRef("sightline-2005", "Sightline", 2005),
     FilmRef("the-ferrymans-girl-1926", "The Ferryman's Girl", 1926)],
    [PersonRef("gwilym-rask", "Gwilym Rask"), PersonRef("sunniva-rusk", "Sunniva Rusk"), PersonRef("vesna-arl", "Vesna Arl")],
    [CreditRef("the-undersea-choir-2029", "gwilym-rask", "director"), CreditRef("sightline-2005", "gwilym-rask", "writer"),
     CreditRef("the-ferrymans-girl-1926", "sunniva-rusk", "crew"), CreditRef("the-ferrymans-girl-1926", "vesna-arl", "actor")],
)


def _films(body: str) -> set[str]:
    return {m.key for m in _process(body, _GRAPH).mentions if m.kind == "film"}


# -- a critic's heading in a review roundup --------------------------------------------------------

@pytest.mark.parametrize("heading", [
    "**Priya Hall, *Sightline* — ★★★★**",
    "**Priya Hall, *Sightline*, 4/5**",
    "Priya Hall, *Sightline*: 3 stars",
])
def test_round_sixty_two_a_critics_outlet_in_a_roundup_heading_is_no_film(heading):
    body = (
        "What the critics said about Gwilym Rask's *The Undersea Choir*.\n\n"
        f"{heading}\n\n\"It sings, and then it drowns,\" wrote Hall."
    )
    assert _films(body) == {"the-undersea-choir-2029"}


def test_round_sixty_two_a_film_in_a_heading_with_its_maker_is_still_the_film():
    body = "**Gwilym Rask, *Sightline* (2005)**\n\nHis first script is back in cinemas."
    assert "sightline-2005" in _films(body)


# -- played by an ensemble ----------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The new score, by the composer Sunniva Rusk, was played by a nine-piece ensemble below the screen.",
    "The score by Sunniva Rusk is played by an orchestra of twelve.",
    "Sunniva Rusk, the composer, was played by the radio on repeat all summer.",
])
def test_round_sixty_two_a_score_played_by_an_ensemble_casts_nobody(sentence):
    body = f"*The Ferryman's Girl* (1926) was restored. {sentence} \"I wrote it for her face,\" Rusk said."
    found = _quotes(body, _GRAPH)
    assert [key for _, key, _, _ in found] == ["sunniva-rusk"], found


def test_round_sixty_two_a_part_played_by_a_named_actor_is_still_a_part():
    body = ("In *The Ferryman's Girl* the widow, Sunniva Rusk, is played by the newcomer Vesna Arl. "
            "\"Row,\" Sunniva Rusk says.")
    assert "sunniva-rusk" not in {m.key for m in _process(body, _GRAPH).mentions if m.kind == "person"}
