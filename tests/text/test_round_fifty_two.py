"""Round fifty-two (issue 13): conventions found in `tests/evalset78` and `tests/evalset79` once they
moved to tune: an Ask-me-anything thread written up with Reddit usernames as labels, the guest's
account named as hers; a "who said it?" quiz whose reveal under each line says whose it is. Each
is written for the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

# A director, her daughter in her film, her mother in the original, her producer, a co-star.
_GRAPH = _gazetteer(
    [FilmRef("ember-queen-2031", "The Ember Queen", 2031), FilmRef("ember-queen-1984", "The Ember Queen", 1984)],
    [PersonRef("ilse-marrow", "Ilse Marrow"), PersonRef("greta-marrow", "Greta Marrow"),
     PersonRef("tobin-acre", "Tobin Acre"), PersonRef("ruth-sayle", "Ruth Sayle")],
    [CreditRef("ember-queen-2031", "ilse-marrow", "actor"), CreditRef("ember-queen-1984", "greta-marrow", "actor"),
     CreditRef("ember-queen-2031", "tobin-acre", "actor"), CreditRef("ember-queen-2031", "ruth-sayle", "producer")],
)


def _found(body: str, headline: str = "") -> list[tuple[str, str | None, float]]:
    return [(word, key, confidence) for word, key, _, confidence in _quotes(body, _GRAPH, headline)]


# -- an Ask-me-anything thread with Reddit usernames --------------------------------------------

_THREAD = (
    "Ilse Marrow answered questions on r/EmberFans on Thursday, a week before *The Ember Queen* opens; "
    "her mother, Greta Marrow, played the part in 1984. The moderators verified {given}, before it began. "
    "Her co-star Tobin Acre joined later under the handle u/notthatacre.\n\n"
    "u/reelfan88: What was it like playing your mum's part?\n\n"
    "{handle}: She gave me one piece of advice, which was \"don't watch mine.\" So I watched it eleven times.\n\n"
    "u/wick3rwitch: Hardest scene?\n\n"
    "{handle}: The horse. Every scene with the horse.\n\n"
    "u/notthatacre: I can ride a horse. I cannot make a horse go where Ilse is standing.\n\n"
    "{handle}: He cannot ride a horse."
)


@pytest.mark.parametrize("given, handle", [
    ("Marrow's account, u/ember_and_ash", "u/ember_and_ash"),
    ("Marrow's verified account, u/ilse_m", "u/ilse_m"),
    ("Marrow's Reddit account, u/queenilse", "u/queenilse"),
])
def test_round_fifty_two_a_threads_guest_answers_under_the_username_the_article_gives_her(given, handle):
    found = _found(_THREAD.format(given=given, handle=handle), headline="Ilse Marrow answers the internet")
    answers = [(word, key) for word, key, _ in found]
    assert answers == [("She", "ilse-marrow"), ("The", "ilse-marrow"), ("I", "tobin-acre"), ("He", "ilse-marrow")], found
    assert all(confidence < SURE_CONFIDENCE for _, _, confidence in found)  # a username is no name


def test_round_fifty_two_a_users_question_is_no_quotation_and_a_lone_username_no_label_of_prose():
    body = _THREAD.format(given="Marrow's account, u/ember_and_ash", handle="u/ember_and_ash")
    assert not any(word in ("What", "Hardest") for word, _, _ in _found(body))


# -- a "who said it?" quiz ---------------------------------------------------------------------

_QUIZ = (
    "Ilse Marrow's characters talk like Ilse Marrow. Guess first, then read the answer.\n\n"
    "**1.** \"A house remembers everyone who ever slammed its doors.\"\n\n"
    "**Answer:** {first}\n\n"
    "**2.** \"I don't direct actors. I stand near them and hope.\"\n\n"
    "**Answer:** {second}\n\n"
    "**3.** \"The best ideas arrive at four and leave at five past.\"\n\n"
    "**Answer:** Neither! It was her producer, Ruth Sayle, in 2022."
)


@pytest.mark.parametrize("first, second", [
    ("A character. Edda Morrow says it in *The Ember Queen*.", "Marrow, to this magazine in 2029. She was joking."),
    ("A character, played by Greta Marrow in 1984.", "Ilse Marrow, introducing the film in Leeds."),
])
def test_round_fifty_two_a_quizs_reveal_says_whose_line_it_is_and_a_guess_is_never_shown(first, second):
    found = _found(_QUIZ.format(first=first, second=second))
    assert [(word, key) for word, key, _ in found] == [("A", None), ("I", "ilse-marrow"), ("The", None)], found
    assert all(confidence < SURE_CONFIDENCE for _, key, confidence in found if key)


def test_round_fifty_two_a_numbered_line_without_a_reveal_is_read_as_before():
    body = "Three lines we loved.\n\n**1.** \"I never learned to swim,\" Ilse Marrow said, \"so I learned to float.\""
    assert [(word, key) for word, key, _ in _found(body)] == [("I", "ilse-marrow")]
