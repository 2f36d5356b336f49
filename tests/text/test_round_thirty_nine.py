"""Round thirty-nine (issue 13): conventions of film and news writing behind the errors of
`tests/evalset50` and `tests/evalset51` once they moved to tune, each written for the convention
in several of its common phrasings (ours, not the sets'), not for one set's wording.

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes


def _people(body: str, gaz) -> list[str]:
    return [m.key for m in _process(body, gaz).mentions if m.kind == "person"]


def _films(body: str, gaz) -> list[str]:
    return [m.key for m in _process(body, gaz).mentions if m.kind == "film"]


# A graph costume designer who shares a name with a heroine, credited only on an older film that
# shares its title with the one an actor is in now.
_NAMESAKE = _gazetteer(
    [FilmRef("ballast-2004", "Ballast", 2004), FilmRef("ballast-2027", "Ballast", 2027),
     FilmRef("the-weighing-house-2029", "The Weighing House", 2029)],
    [PersonRef("orla-penhale", "Orla Penhale"), PersonRef("kit-amadi", "Kit Amadi"), PersonRef("rune-solberg", "Rune Solberg")],
    [CreditRef("ballast-2004", "orla-penhale", "crew"), CreditRef("ballast-2027", "kit-amadi", "actor"),
     CreditRef("the-weighing-house-2029", "kit-amadi", "actor"), CreditRef("the-weighing-house-2029", "rune-solberg", "director")],
)


@pytest.mark.parametrize("body", [
    "In *The Weighing House* Kit Amadi plays Orla Penhale, a miller's widow. Amadi's last film was the thriller *Ballast* (2027).",
    "Kit Amadi, whose previous film was *Ballast* (2027), plays Orla Penhale, a widow who keeps the scales.",
    "After *Ballast* (2027), Kit Amadi plays the widow, Orla Penhale, and Rune Solberg directs.",
    "Since *Ballast* (2027), Kit Amadi has played villains. In *The Weighing House* she portrays Orla Penhale instead.",
])
def test_round_thirty_nine_a_year_in_parentheses_names_one_film_of_a_shared_title(body):
    # "*Ballast* (2027)": the year in parentheses names one of the films sharing the title, so a
    # person credited only on the other one is not credited on the article's films, and the name
    # an actor plays is the character's, not that person's.
    found = _people(body, _NAMESAKE)
    assert "orla-penhale" not in found, found
    assert "kit-amadi" in found, found


def test_round_thirty_nine_a_title_without_year_still_credits_its_namesakes():
    # Without a year the article may mean either film: the person credited on the older one keeps
    # her name, as before ("she plays Ada Varga's double").
    body = "Kit Amadi, from *Ballast*, plays Orla Penhale's assistant in *The Weighing House*."
    assert "orla-penhale" in _people(body, _NAMESAKE)


# A graph film whose one-word title is also a magazine's, its director, and an actor.
_OUTLET = _gazetteer(
    [FilmRef("foreground-2019", "Foreground", 2019), FilmRef("the-weighing-house-2029", "The Weighing House", 2029)],
    [PersonRef("rune-solberg", "Rune Solberg"), PersonRef("kit-amadi", "Kit Amadi")],
    [CreditRef("foreground-2019", "rune-solberg", "director"), CreditRef("the-weighing-house-2029", "kit-amadi", "actor")],
)


@pytest.mark.parametrize("body", [
    "At the press day for *The Weighing House*, Ines Marlow of *Foreground* asked whether the ending had been reshot.",
    "Then Tobiah Crane of *Foreground* wanted to know who had paid for the horses. Kit Amadi laughed.",
    "Kit Amadi was asked by *Foreground* whether she would ever play a villain again, and said no.",
    "Pressed by *Foreground* about the budget of *The Weighing House*, Kit Amadi changed the subject.",
])
def test_round_thirty_nine_a_journalists_outlet_asks(body):
    # A roundtable or a press conference credits each question to a journalist and the outlet
    # they write for ("Ines Marlow of *Foreground* asked …"), or to the outlet alone ("asked by
    # *Foreground* whether …"): the title is the publication, not the film.
    assert "foreground-2019" not in _films(body, _OUTLET), _films(body, _OUTLET)


def test_round_thirty_nine_a_filmmaker_of_the_film_keeps_it():
    # The graph credits the name on a film of that title: the filmmaker's own film.
    body = "Rune Solberg of *Foreground* asked the festival for a second screening."
    assert "foreground-2019" in _films(body, _OUTLET)


@pytest.mark.parametrize("scene", [
    "A publicist opened the door. “We have to stop there, I'm afraid,” she said.",
    "A young publicist leaned in from the corridor. “Last question, please,” she said, and the room laughed.",
    "An usher came down the aisle with a torch. “The film has already started,” he said.",
    "A steward waved the crew through the gate. “Mind the cables on the left,” he says.",
])
def test_round_thirty_nine_an_unnamed_job_holder_speaks_after_acting(scene):
    # A report brings in somebody by their job alone, as the subject of an action ("A publicist
    # opened the door."), and quotes them at once with a pronoun: the words are theirs, nobody's
    # page, not the last person named before.
    body = (
        "Kit Amadi talked for twenty minutes about the horses in *The Weighing House*, and "
        f"about the cold. She was still talking when the clock ran out. {scene}\n"
    )
    assert [key for _, key, _, _ in _quotes(body, _OUTLET)] == [None], _quotes(body, _OUTLET)
