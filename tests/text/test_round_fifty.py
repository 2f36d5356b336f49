"""Round fifty (issue 13): conventions found in `tests/evalset74` and `tests/evalset75` once they
moved to tune: an interview whose bold prompts are mostly remarks, a best-lines list whose lines
are its headings, a credit naming a part and its actor, a press release quoting someone in its
second paragraph, a namesake set apart as "no relation of", a profile whose headline alone names
its subject in full, a set visit's shouts, takes and the writer's own questions, a dateline set
in bold. Each is written for the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes

# A director, her two leads, and a graph person who shares the name of a part in her film; a
# film called "Naturally" and one named after a port town.
_GRAPH = _gazetteer(
    [FilmRef("low-tide-2031", "Low Tide", 2031), FilmRef("naturally-2012", "Naturally", 2012),
     FilmRef("quaymouth-2004", "Quaymouth", 2004)],
    [PersonRef("wren-okafor", "Wren Okafor"), PersonRef("dov-amsel", "Dov Amsel"),
     PersonRef("petra-lune", "Petra Lune"), PersonRef("ida-corran", "Ida Corran"),
     PersonRef("bel-hastings", "Bel Hastings")],
    [CreditRef("low-tide-2031", "wren-okafor", "director"), CreditRef("low-tide-2031", "dov-amsel", "actor"),
     CreditRef("low-tide-2031", "petra-lune", "actor"), CreditRef("naturally-2012", "ida-corran", "actor"),
     CreditRef("quaymouth-2004", "bel-hastings", "director")],
)


def _found(body: str, headline: str = "") -> list[tuple[str, str | None]]:
    return [(word, key) for word, key, _, _ in _quotes(body, _GRAPH, headline)]


def _mentioned(body: str, headline: str = "") -> set[str]:
    return {m.key for m in _process(body, _GRAPH, headline).mentions}


# -- an interview whose bold prompts are mostly remarks ------------------------------------------

_REMARKS = (
    "*Wren Okafor's* Low Tide *opens the harbour festival. She talked to our critic about it.*\n\n"
    "**{first}**\n\nMy father ran the ferry for twenty years. I grew up on the slipway.\n\n"
    "**Did you watch the old newsreels?**\n\nOnce. I kept the sound down so I would not copy them.\n\n"
    "**Dov Amsel plays the harbourmaster.**\n\nI asked him to read it cold, and he did it in one go.\n\n"
    "**And Petra Lune?**\n\nI wrote the second half for her. She is the reason it has one.\n\n"
    "**Your first film cost nothing.**\n\nThis one cost more and I had less say.\n\n"
    "**{last}**\n\nA comedy, if I am allowed. Something with no boats in it."
)


@pytest.mark.parametrize("first, last", [
    ("Why the harbour, and why now?", "What comes next?"),
    ("Where did it start?", "And after this?"),
    ("How did the script begin?", "What is next for you?"),
])
def test_round_fifty_bold_prompts_that_are_mostly_remarks_still_frame_the_interviewees_answers(first, last):
    found = _found(_REMARKS.format(first=first, last=last))
    answers = [key for word, key in found if word in ("My", "Once.", "I", "This", "A")]
    assert answers == ["wren-okafor"] * 6, found


def test_round_fifty_an_explainer_asking_its_own_questions_still_quotes_nobody():
    body = (
        "**When does Low Tide open?**\n\nOn Friday, in forty cinemas.\n\n"
        "**Who is in it?**\n\nDov Amsel and Petra Lune.\n\n"
        "**Is it any good?**\n\nThe early reviews are warm.\n\n"
        "**Where can it be streamed?**\n\nNowhere yet."
    )
    assert _found(body) == []


# -- a best-lines list whose lines are its headings ---------------------------------------------

_BEST_LINES = (
    "Wren Okafor wrote *Low Tide* and we asked her about the lines we keep repeating.\n\n"
    "### {rank} “Naturally.”\n\n— {credit}\n\nThe whole of her answer, and the audience laughed for a minute.\n\n"
    "### 2. “The tide doesn't wait for the ferry, love.”\n\n— The Harbourmaster (Dov Amsel)\n\n"
    "### 1. “Nobody leaves this town. They just stop arriving.”\n\n— Mara Kell (Petra Lune)"
)


@pytest.mark.parametrize("rank, credit", [
    ("3.", "Ida Corran (Petra Lune)"),
    ("No. 3:", "Ida Corran (Petra Lune, in her best scene)"),
    ("#3 —", "Ida Corran (Petra Lune)"),
])
def test_round_fifty_a_quoted_heading_over_its_credit_is_a_line_and_the_credited_part_speaks_it(rank, credit):
    body = _BEST_LINES.format(rank=rank, credit=credit)
    found = _found(body)
    assert ("Naturally.", None) in found and ("The", None) in found and ("Nobody", None) in found, found
    assert "naturally-2012" not in _mentioned(body) and "ida-corran" not in {k for _, k in found}


def test_round_fifty_a_quoted_heading_with_no_credit_under_it_is_no_quotation():
    body = "### “Nobody leaves this town”\n\nThat is what Petra Lune's character says, and the town believes it."
    assert _found(body) == []


def test_round_fifty_a_credit_naming_a_person_with_her_role_is_still_hers():
    body = "### 1. “I wanted the sea to be the loudest actor.”\n\n— Wren Okafor, director"
    assert _found(body) == [("I", "wren-okafor")]


# -- a press release quoting someone in its second paragraph ------------------------------------

@pytest.mark.parametrize("quoted", [
    "In 1981 she told a student paper, “They cut out the tide, and the tide was the film.”",
    "She once said that “the tide was the film, and they cut it out.”",
])
def test_round_fifty_a_quotation_inside_a_statements_later_paragraph_is_the_statements(quoted):
    body = (
        "In a statement on Monday, the archive said:\n\n"
        "> The archive is proud to restore *Quaymouth* as Bel Hastings intended it.\n>\n"
        f"> {quoted} We hope to give the tide back.\n\n"
        "The restoration premieres in May."
    )
    found = _found(body)
    assert [key for _, key in found] == [None], found


# -- a namesake set apart as "no relation of" ---------------------------------------------------

@pytest.mark.parametrize("apart", [
    "who is no relation of the film's star, Petra Lune",
    "no relation to the actress Petra Lune",
    "who is not related to Low Tide's star, Petra Lune",
])
def test_round_fifty_the_namesake_set_apart_is_never_the_subject_a_pronoun_takes(apart):
    body = (
        f"The scan was led by Tom Lune, the archive's head of preservation, {apart}. "
        "He worked frame by frame. “The print had shrunk by two per cent,” he said."
    )
    assert ("The", "petra-lune") not in _found(body)


# -- a profile whose headline alone names its subject in full -----------------------------------

@pytest.mark.parametrize("headline", [
    "Petra Lune is still counting the tides",
    "A morning at the lido with Petra Lune",
])
def test_round_fifty_the_headlines_full_name_is_the_surname_below_it(headline):
    body = (
        "You meet her at the lido, where she learned to swim. Lune is early.\n\n"
        "“I used to do voices in the deep end,” she says. “The whole pool heard me.”\n\n"
        "Her director, Wren Okafor, was at the next table and said nothing."
    )
    assert "petra-lune" in _mentioned(body, headline)
    assert ("I", "petra-lune") in _found(body, headline)


def test_round_fifty_a_headline_naming_nobody_the_body_lacks_changes_nothing():
    body = "Petra Lune arrives early. “I used to swim here,” she says."
    assert _found(body, "Low Tide's star at the lido") == _found(body)


# -- a set visit's shouts, takes and the writer's own questions --------------------------------

_SET_VISIT = (
    "Petra Lune comes down the stairs in a green coat and says, {take} “You said you'd be on the last ferry.”\n\n"
    "Dov Amsel watches from the monitor. “Slower on the stairs,” he tells her.\n\n"
    "“That's lunch, everybody!” Gil {shout}, and the extras stand up at once. Gil Farrow is the first "
    "assistant director.\n\n"
    "“Is it true the pier is coming down?” {ask}\n\n"
    "“In March,” Amsel says."
)


@pytest.mark.parametrize("take, shout, ask", [
    ("as Mara:", "calls", "I ask him."),
    ("as Mara Kell:", "bellows", "I ask Amsel."),
    ("as Mara,", "hollers", "I tell him, half joking."),
])
def test_round_fifty_takes_shouts_and_the_writers_questions_are_nobody_on_the_page(take, shout, ask):
    found = _found(_SET_VISIT.format(take=take, shout=shout, ask=ask))
    assert ("You", None) in found and ("That's", None) in found and ("Is", None) in found, found
    assert ("Slower", "dov-amsel") in found and ("In", "dov-amsel") in found, found


def test_round_fifty_a_verb_of_calling_names_no_speaker_in_running_text():
    body = (
        "Critics called it punishing, and Petra Lune called it a comedy. "
        "“I never cried so much on a set,” she told us."
    )
    assert _found(body) == [("I", "petra-lune")]


# -- a dateline set in bold --------------------------------------------------------------------

@pytest.mark.parametrize("dateline", ["**QUAYMOUTH —**", "**QUAYMOUTH,** 4 May —", "QUAYMOUTH —"])
def test_round_fifty_a_datelines_place_in_bold_capitals_is_the_place(dateline):
    body = f"{dateline} A judge refused on Thursday to dismiss Wren Okafor's suit over the recut of *Low Tide*."
    assert "quaymouth-2004" not in _mentioned(body)


def test_round_fifty_a_title_in_bold_capitals_mid_sentence_is_still_the_film():
    body = "Bel Hastings's **QUAYMOUTH** (2004) is being restored."
    assert "quaymouth-2004" in _mentioned(body)
