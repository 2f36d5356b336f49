"""Round sixty-three (issue 13): conventions found in `tests/evalset100` and `tests/evalset101`
once they moved to tune: "Her aunt was less restrained. “…,” Redfern said" after the niece is
named, a disc commentary's director and editor talking over each other, and a jury's same three
questions put to each juror in bold run-in lines. Each is written for the convention in several
of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("splinterwood-2029", "Splinterwood", 2029), FilmRef("kingfisher-row-2027", "Kingfisher Row", 2027)],
    [PersonRef("sunniva-redd", "Sunniva Redd"), PersonRef("effie-redd", "Effie Redd"),
     PersonRef("bastien-oll", "Bastien Oll"), PersonRef("nkechi-arb", "Nkechi Arb"),
     PersonRef("oriane-vass", "Oriane Vass"), PersonRef("zoltan-bere", "Zoltan Bere")],
    [CreditRef("splinterwood-2029", "sunniva-redd", "director"), CreditRef("splinterwood-2029", "effie-redd", "actor"),
     CreditRef("kingfisher-row-2027", "bastien-oll", "director"), CreditRef("kingfisher-row-2027", "nkechi-arb", "crew"),
     CreditRef("kingfisher-row-2027", "oriane-vass", "crew"), CreditRef("kingfisher-row-2027", "zoltan-bere", "crew")],
)


def _found(body: str) -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH)


# -- the relative, then the shared surname --------------------------------------------------------------

@pytest.mark.parametrize("relative", ["Her aunt was less restrained.", "Her aunt disagreed.", "Her aunt went further."])
def test_round_sixty_three_the_relative_after_the_named_one_is_never_her(relative):
    body = (
        "Sunniva Redd directed *Splinterwood*. \"We made it for the twelve-year-old I was,\" Redd said.\n\n"
        f"Effie Redd, 15, said in a message that she was proud of the film. {relative} "
        "\"Effie was on set every day,\" Redd said."
    )
    last = _found(body)[-1]
    assert last[1] != "effie-redd" and last[3] < SURE_CONFIDENCE, last


def test_round_sixty_three_a_relative_named_by_her_first_name_leaves_the_speaker():
    body = (
        "The stunt coordinator, Sunniva Redd, has fallen off things for thirty years. Her daughter Effie doubles "
        "for the lead. \"I stood behind the monitor like any mother,\" Redd said."
    )
    assert [key for _, key, _, _ in _found(body)] == ["sunniva-redd"]


# -- a commentary's two voices ----------------------------------------------------------------------------

@pytest.mark.parametrize("labels", [("OLL", "ARB"), ("BASTIEN OLL", "NKECHI ARB")])
def test_round_sixty_three_two_named_filmmakers_talking_over_each_other_both_speak(labels):
    first, second = labels
    body = (
        "The disc of *Kingfisher Row* comes with a commentary by its director, Bastien Oll, and its editor, "
        "Nkechi Arb.\n\n"
        f"{first}: This was one take.\n\n{second}: It's four takes.\n\n{first}: It plays as one take.\n\n"
        f"{second}: It plays as one take because I made it play as one."
    )
    assert [key for _, key, _, _ in _found(body)] == ["bastien-oll", "nkechi-arb"] * 2


# -- the same questions to each juror ----------------------------------------------------------------------

@pytest.mark.parametrize("marks", ["**", "*"])
def test_round_sixty_three_the_same_run_in_questions_put_to_each_juror_are_hers(marks):
    def q(label: str, answer: str) -> str:
        return f"{marks}{label}:{marks} {answer}\n\n"
    body = (
        "*Meet the jury.*\n\n"
        f"{marks}Oriane Vass{marks}, jury president\n\n"
        + q("The film that made me", "A scratched print in a church hall.")
        + q("What I'm looking for", "Nerve.")
        + f"{marks}Zoltan Bere{marks}, cinematographer\n\n"
        + q("The film that made me", "A barn wall at a wedding.")
        + q("What I'm looking for", "Light somebody argued about.")
    )
    assert [key for _, key, _, _ in _found(body)] == ["oriane-vass", "oriane-vass", "zoltan-bere", "zoltan-bere"]


def test_round_sixty_three_one_persons_run_in_lines_are_no_questionnaire():
    body = "**Oriane Vass**, jury president\n\n**Born:** 1971, in a harbour town.\n\n**Films:** four, all short."
    assert _found(body) == []
