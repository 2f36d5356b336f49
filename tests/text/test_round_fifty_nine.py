"""Round fifty-nine (issue 13): conventions found in `tests/evalset93` and `tests/evalset94` once
they moved to tune: a paragraph that opens on a person outside the graph and names the graph
person of her surname only as her relative, "one more line, his own," passed on by another, and
an italic closing line whose season title holds a colon. Each is written for the convention in
several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("causeway-2028", "Causeway", 2028), FilmRef("sixpence-1961", "Sixpence", 1961)],
    [PersonRef("callum-yarr", "Callum Yarr"), PersonRef("kwame-stott", "Kwame Stott"),
     PersonRef("horace-quill", "Horace Quill"), PersonRef("perdita-quill", "Perdita Quill"),
     PersonRef("theodora-quay", "Theodora Quay")],
    [CreditRef("causeway-2028", "callum-yarr", "actor"), CreditRef("causeway-2028", "kwame-stott", "crew"),
     CreditRef("sixpence-1961", "horace-quill", "actor"), CreditRef("causeway-2028", "perdita-quill", "actor"),
     CreditRef("sixpence-1961", "theodora-quay", "actor")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


# -- a namesake named with the graph person as her relative -------------------------------------------

@pytest.mark.parametrize("opening", [
    "Ros Yarr, a stunt driver of fifteen years' standing, is Callum Yarr's older sister, and she doubled for him.",
    "Ros Yarr is Callum Yarr's sister and drove the van in every wide shot.",
    "Ros Yarr, who has doubled for half the industry, is Callum Yarr's twin sister.",
])
def test_round_fifty_nine_a_namesake_who_opens_the_paragraph_as_the_graph_persons_relative_keeps_the_surname(opening):
    body = (
        "Kwame Stott built the causeway for *Causeway*. \"The van is on rails,\" Stott said.\n\n"
        f"{opening} \"I've been driving into water for a living since I was twenty-two,\" Yarr said."
    )
    found = _found(body)
    assert [(key, name) for _, key, name, _ in found] == [("kwame-stott", None), (None, "Ros Yarr")], found


def test_round_fifty_nine_the_graph_person_who_opens_the_paragraph_keeps_his_surname():
    body = (
        "Callum Yarr did his own close-ups; his sister, Ros Yarr, did the driving. "
        "\"I get the close-ups,\" Yarr said."
    )
    assert [(key, name) for _, key, name, _ in _found(body)] == [("callum-yarr", None)]


# -- "one more line, his own," ----------------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "Perdita Quill asked us to add one more line, his own, from a note he kept above his desk:",
    "We end, at Perdita Quill's request, with one more line, his own:",
    "His daughter, Perdita Quill, ends with a line in his own words:",
])
def test_round_fifty_nine_a_line_someone_passes_on_as_his_own_is_not_hers(lead):
    body = (
        "Horace Quill, of *Sixpence* (1961), died last month at 91. His daughter, Perdita Quill, says she has "
        "read every letter you sent.\n\n"
        f"{lead} \"Be kind to the runners. One of them will be running the studio.\""
    )
    found = _found(body)
    assert [key for _, key, _, _ in found] in (["horace-quill"], [None]), found
    assert found[0][1] != "perdita-quill"


# -- an italic closing line whose title holds a colon --------------------------------------------------

@pytest.mark.parametrize("closing", [
    "_Theodora Quay: A Retrospective runs at the Larkwood festival from 4 to 9 October._",
    "*Theodora Quay: Sixty Years opens at the Regent on Friday.*",
    "*Theodora Quay: The Television Years is out now.*",
])
def test_round_fifty_nine_a_seasons_title_with_a_colon_is_no_turn(closing):
    body = (
        "**Sam Tey:** What did you learn first?\n\n**Theodora Quay:** Patience.\n\n"
        "**ST:** And last?\n\n**TQ:** Patience again.\n\n**ST:** Next?\n\n**TQ:** A small part in the spring.\n\n"
        f"{closing}"
    )
    texts = [q for q in _found(body)]
    assert len(texts) == 3 and all(key == "theodora-quay" for _, key, _, _ in texts), texts
