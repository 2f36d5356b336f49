"""Round sixty-nine (issue 13): a convention found in `tests/evalset110` and `tests/evalset111`
once they moved to tune: a reunion piece whose sections are headed "**Name: then the part; now a
teacher**", which read as a transcript's labelled turns and put each heading's words on the
person's page. Written for the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("saltflower-1997", "Saltflower", 1997)],
    [PersonRef("saskia-brennan", "Saskia Brennan"), PersonRef("ptolemy-wray", "Ptolemy Wray"),
     PersonRef("dafydd-orme", "Dafydd Orme")],
    [CreditRef("saltflower-1997", "saskia-brennan", "actor"), CreditRef("saltflower-1997", "ptolemy-wray", "actor"),
     CreditRef("saltflower-1997", "dafydd-orme", "actor")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


@pytest.mark.parametrize("heading", [
    "**{name}: then {part}; now {now}**",
    "**{name}: then {part}, now {now}**",
    "*{name}: {part} then, {now} now*",
])
def test_round_sixty_nine_a_reunion_pieces_name_headings_are_not_turns(heading):
    def section(name: str, part: str, now: str, words: str) -> str:
        return heading.format(name=name, part=part, now=now) + f"\n\n{words}\n\n"
    body = (
        "*Then and now: the cast of *Saltflower* remember the summer of the shoot.*\n\n"
        + section("Saskia Brennan", "Nell Dray, 16", "46 and still acting",
                  "Brennan was cast out of a school play. \"I had never seen a camera,\" she says.")
        + section("Ptolemy Wray", "Joss Dray, Nell's father", "81",
                  "Wray was already a veteran. \"The children were better than me,\" he said.")
        + section("Dafydd Orme", "Kit, the boy on the sea wall", "a director",
                  "Orme was eleven. \"We lost three days and a generator,\" he said.")
    )
    found = _found(body)
    assert [(word, key) for word, key, _, _ in found] == [
        ("I", "saskia-brennan"), ("The", "ptolemy-wray"), ("We", "dafydd-orme")], found


@pytest.mark.parametrize("question", ["**Q: Why the sea?**", "**Q:** Why the sea?"])
def test_round_sixty_nine_a_transcripts_bold_labels_still_make_turns(question):
    body = (
        "Saskia Brennan talks about *Saltflower*.\n\n"
        f"{question}\n\n"
        "**Saskia Brennan:** Because it never says the same thing twice.\n\n"
        "**Q:** And the pier?\n\n"
        "**Saskia Brennan:** I was sick of it by the second week."
    )
    assert [key for _, key, _, _ in _found(body)] == ["saskia-brennan", "saskia-brennan"]
