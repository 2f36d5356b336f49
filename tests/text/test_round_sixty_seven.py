"""Round sixty-seven (issue 13): conventions found in `tests/evalset104` and `tests/evalset105`
once they moved to tune: a council story that sets its one film's title apart and writes the
town's bridge, hall and market bare, a series' episode titles, and councillors named as "Cllr".
Each is written for the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.mentions import find_mentions
from newsreel.text.types import CreditRef, FilmRef, Paragraph, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("the-lockkeeper-2029", "The Lockkeeper", 2029), FilmRef("the-corn-exchange-1966", "The Corn Exchange", 1966),
     FilmRef("farthing-bridge-1971", "Farthing Bridge", 1971), FilmRef("lammastide-1980", "Lammastide", 1980),
     FilmRef("neap-tide-2012", "Neap Tide", 2012), FilmRef("the-ferry-sisters-2030", "The Ferry Sisters", 2030)],
    [PersonRef("ilar-pencarrow", "Ilar Pencarrow"), PersonRef("tamsin-roke", "Tamsin Roke")],
    [CreditRef("the-lockkeeper-2029", "ilar-pencarrow", "director"), CreditRef("the-corn-exchange-1966", "tamsin-roke", "actor"),
     CreditRef("farthing-bridge-1971", "tamsin-roke", "actor"), CreditRef("lammastide-1980", "tamsin-roke", "actor"),
     CreditRef("neap-tide-2012", "tamsin-roke", "actor"), CreditRef("the-ferry-sisters-2030", "ilar-pencarrow", "director")],
)


def _films(body: str) -> set[str]:
    return {m.key for m in _process(body, _GRAPH).mentions if m.kind == "film"}


# -- one title set apart: the town's places written bare are places ------------------------------------------

@pytest.mark.parametrize("marked", ["'The Lockkeeper'", "\"The Lockkeeper\"", "*The Lockkeeper*"])
@pytest.mark.parametrize("place", [
    "Councillors voted at the Corn Exchange on Tuesday night",
    "The crew will close Farthing Bridge for eleven days",
    "There will be no filming on the Saturday of the Lammastide market",
])
def test_round_sixty_seven_a_place_written_bare_beside_the_one_title_set_apart_is_no_film(marked, place):
    body = (
        f"The town council has let the makers of {marked}, directed by Ilar Pencarrow, film in the old town "
        f"this autumn. {place}, despite objections from traders."
    )
    assert _films(body) == {"the-lockkeeper-2029"}


@pytest.mark.parametrize("turn", [
    "**PENCARROW:** I'd just finished The Ferry Sisters, another film about a river.",
    "PENCARROW: I'd just finished The Ferry Sisters, another film about a river.",
])
def test_round_sixty_seven_a_bare_title_in_a_transcripts_turn_is_still_the_film(turn):
    body = (
        "Ilar Pencarrow talks to us about *The Lockkeeper*.\n\n"
        "**Q:** What came before it?\n\n"
        f"{turn}\n\n"
        "**Q:** And after?\n\n"
        "**PENCARROW:** A long sleep."
    )
    assert "the-ferry-sisters-2030" in _films(body)


def test_round_sixty_seven_a_bare_title_in_the_headline_is_still_the_film():
    # The headline is read as a heading before the body, as the evaluation and the search index read it.
    headline = "Five days on the set of The Ferry Sisters"
    body = "Ilar Pencarrow shot the film on a river barge; the poster shows *Neap Tide* in the background."
    paragraphs = [Paragraph(headline, 0, kind="heading"), Paragraph(body, len(headline) + 2)]
    assert "the-ferry-sisters-2030" in {m.key for m in find_mentions(paragraphs, _GRAPH) if m.kind == "film"}


# -- a series' episode --------------------------------------------------------------------------------------

@pytest.mark.parametrize("episode", [
    "The opening episode, \"Neap Tide\", was shot almost entirely on the mud.",
    "The third episode, *Neap Tide*, was shot on the mud.",
    "Episodes \"Neap Tide\" and \"Slack Water\" were shot on the mud.",
])
def test_round_sixty_seven_an_episode_title_is_no_film(episode):
    body = f"*The Ferry Sisters* is a six-part series directed by Ilar Pencarrow. {episode}"
    assert "neap-tide-2012" not in _films(body)


# -- councillors ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("title", ["Cllr", "Councillor", "Mayor"])
def test_round_sixty_seven_a_councillor_is_the_one_quoted_not_the_films_director(title):
    body = (
        "*The Lockkeeper*, directed by Ilar Pencarrow, will close the bridge for eleven days.\n\n"
        f"{title} Dilys Harrow (Castle ward), who led the opposition, said she had received 41 emails. "
        "\"Thirty-eight of them were furious,\" she told the meeting."
    )
    found = _quotes(body, _GRAPH)
    assert [(key, name) for _, key, name, _ in found] == [(None, "Dilys Harrow")]


def test_round_sixty_seven_a_ward_in_parentheses_is_not_the_speaker():
    body = (
        "*The Lockkeeper* will close the bridge for eleven days.\n\n"
        "Cllr Bernadette Quill (Old Town ward), the council's chair, said the market had never been up for "
        "negotiation. \"The market was here before the bridge was,\" she said."
    )
    assert [name for _, _, name, _ in _quotes(body, _GRAPH)] == ["Bernadette Quill"]
