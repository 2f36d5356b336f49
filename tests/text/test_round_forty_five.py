"""Round forty-five (issue 13): conventions found in `tests/evalset62` and `tests/evalset63` once
they moved to tune: a namesake set apart by "no relation", a character cast by "is played by"
whose line is the film's, and a reply to a question whose asker is the last one named. Each is
written for the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes

SHOWN = 0.8  # a quote on a graph speaker at this confidence or more goes on the person's page


# A graph star and the director of his film; the article's rigger shares the star's surname.
_SET = _gazetteer(
    [FilmRef("brine-street-2033", "Brine Street", 2033)],
    [PersonRef("corin-maddow", "Corin Maddow"), PersonRef("ysolde-prack", "Ysolde Prack")],
    [CreditRef("brine-street-2033", "corin-maddow", "actor"), CreditRef("brine-street-2033", "ysolde-prack", "director")],
)


@pytest.mark.parametrize("intro", [
    "She is Hedda Maddow, the head rigger on Brine Street, and no relation to the film's star, Corin Maddow.",
    "Hedda Maddow runs the rigging crew on Brine Street. She is no relation to its star, Corin Maddow.",
    "The head rigger, Hedda Maddow (no relation to the star Corin Maddow), has worked with Ysolde Prack for a decade.",
])
def test_round_forty_five_a_surname_after_no_relation_is_not_the_namesake_it_disclaims(intro):
    # "no relation to X" names X only to set X apart: the bare surname after it is the one the
    # paragraph is about, never the graph namesake's page.
    body = f"{intro}\n\n“Nobody on my crew is allowed to be a hero,” Maddow said later. “Heroes get hurt.”"
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found] == [("Nobody", None)], found


def test_round_forty_five_a_graph_surname_with_no_namesake_is_still_the_graph_persons():
    body = ("Corin Maddow plays the dock foreman in Brine Street.\n\n"
            "“I asked to do the fall myself,” Maddow said later. “They said no.”")
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found] == [("I", "corin-maddow")], found
    assert found[0][3] >= SHOWN, found


# A graph director, a graph actor, and a graph person whose name the film gives a character.
_FAMILY = _gazetteer(
    [FilmRef("low-water-2033", "Low Water", 2033)],
    [PersonRef("ysolde-prack", "Ysolde Prack"), PersonRef("marit-oddny", "Marit Oddny"),
     PersonRef("agathe-brume", "Agathe Brume")],
    [CreditRef("low-water-2033", "ysolde-prack", "director"), CreditRef("low-water-2033", "marit-oddny", "actor")],
)


@pytest.mark.parametrize("cast", [
    "The widow, Agathe Brume, is played with great stillness by Marit Oddny",
    "The grandmother, Agathe Brume, is played by Marit Oddny",
    "Its heroine, Agathe Brume, was played, unforgettably, by Marit Oddny",
])
def test_round_forty_five_a_part_cast_by_is_played_by_speaks_the_films_line(cast):
    # "The widow, X, is played … by Actor, and she gets the line …: “…”": X is the part, not the
    # graph person of that name, and the line is the film's, on nobody's page.
    body = (f"Ysolde Prack's Low Water is the best film here. {cast}, and she gets the line "
            "everybody repeated afterwards: “Keep the boat or keep your sister. You cannot keep both.”")
    article = _process(body, _FAMILY)
    assert "agathe-brume" not in {m.key for m in article.mentions}, article.mentions
    found = [(q.text.split()[0], q.speaker_key) for q in article.quotes]
    assert found == [("Keep", None)], found


@pytest.mark.parametrize("byline", ["By Ysolde Prack", "**By Ysolde Prack**", "*By Ysolde Prack, juror*", "BY YSOLDE PRACK"])
def test_round_forty_five_a_diarists_i_said_is_the_byline_writers_held(byline):
    # A first-person diary signed "By Name": the writer's own "“…,” I said" is hers, as the
    # byline says who "I" is; held for an editor, since a byline is not an attribution.
    body = (f"{byline}\n\n"
            "**Monday.** I sat through four films today and argued about all of them.\n\n"
            "I argued for the quiet one. “A film this brave should not lose to a film this safe,” I said, "
            "and nobody answered.")
    found = _quotes(body, _FAMILY)
    assert [(w, k) for w, k, _, _ in found] == [("A", "ysolde-prack")], found
    assert found[0][3] < SHOWN, found


def test_round_forty_five_i_said_with_no_byline_is_nobodys():
    body = ("Ysolde Prack's Low Water is the best film here.\n\n"
            "I argued for it. “A film this brave should not lose to a film this safe,” I said.")
    found = _quotes(body, _FAMILY)
    assert [(w, k) for w, k, _, _ in found] == [("A", None)], found


@pytest.mark.parametrize("ask", [
    "Corin Maddow, passing with a coffee, asks her whether tomorrow will be safe.",
    "Corin Maddow asked her what tomorrow would bring.",
    "On his way out, Corin Maddow tells her he is worried about tomorrow.",
])
def test_round_forty_five_the_one_who_asks_her_is_not_the_she_who_answers(ask):
    # "X asks her whether …" then "“…,” she tells him": X spoke to "her", so the reply is the
    # woman's, named before, and not X's, whatever the graph knows of X.
    body = ("Ysolde Prack is already sketching the next day's fight on the back of a call sheet.\n\n"
            f"{ask}\n\n"
            "“Tomorrow will be dull,” she tells him. “Dull is the same thing as safe.”")
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found] == [("Tomorrow", "ysolde-prack")], found


@pytest.mark.parametrize("cite", [
    "Q. The critic Tova Brisk wrote in the *Harbour Post*: \"Prack has made a film that never raises its voice.\" Was that fair?",
    "Q. Not every review was warm. One critic wrote: \"Prack has made a film that never raises its voice.\"",
    "**Q:** A reviewer wrote in *Lantern*: \"Prack has made a film that never raises its voice.\" Do you agree?",
])
def test_round_forty_five_a_review_an_interviewer_cites_is_the_critics_quote(cite):
    # An interviewer's question quoting what a critic wrote: the critic's words are a quotation
    # of their own (nobody's page: the critic is outside the graph), the question is not, and the
    # answers stay the interviewee's.
    bold = cite.startswith("**")
    q = (lambda text: f"**Q:** {text}") if bold else (lambda text: f"Q. {text}")
    a = (lambda text: f"**A:** {text}") if bold else (lambda text: f"A. {text}")
    body = "\n\n".join([
        "Ysolde Prack's Low Water opens on Friday. We spoke to her at the harbour.",
        q("Why the harbour?"), a("Because I grew up beside one and never left it."),
        cite, a("Maybe. I took it as praise, and I have decided to go on taking it as praise."),
        q("What next?"), a("A comedy, if anyone will pay for one."),
    ])
    found = _quotes(body, _FAMILY)
    assert [(w, k) for w, k, _, _ in found] == [
        ("Because", "ysolde-prack"), ("Prack", None), ("Maybe.", "ysolde-prack"), ("A", "ysolde-prack"),
    ], found


def test_round_forty_five_an_interviewees_own_words_in_a_question_are_not_a_new_quote():
    body = "\n\n".join([
        "Ysolde Prack's Low Water opens on Friday. We spoke to her at the harbour.",
        "Q. Why the harbour?", "A. Because I grew up beside one and never left it.",
        "Q. You once said: \"A harbour is a room with one wall missing.\" Do you still think so?",
        "A. Maybe. I say a lot of things in interviews.",
        "Q. What next?", "A. A comedy, if anyone will pay for one.",
    ])
    found = _quotes(body, _FAMILY)
    assert [w for w, _, _, _ in found] == ["Because", "Maybe.", "A"], found


@pytest.mark.parametrize("lead", [
    "Our letters page has run eleven replies, among them one from a reader named Hal Maddow:",
    "One came from a reader called Hal Maddow:",
    "The sharpest came from Hal Maddow:",
])
def test_round_forty_five_words_from_someone_named_at_the_colon_are_theirs(lead):
    # "one from a reader named X:" heads the quotation with its writer: an outsider here, so
    # nobody's page, and never the graph namesake quoted the paragraph before.
    body = ("Corin Maddow stars in Brine Street. “I loved the boat,” Maddow said.\n\n"
            f"{lead} “I have never once agreed with the critics, and I agree with them now.”")
    found = _quotes(body, _SET)
    assert [(w, k, n) for w, k, n, _ in found][1:] == [("I", None, "Hal Maddow")], found


def test_round_forty_five_a_letter_from_a_graph_person_at_the_colon_is_theirs_held():
    body = ("Brine Street opens on Friday.\n\n"
            "The crew's favourite note came from Corin Maddow: “Nobody falls twice on my watch.”")
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found] == [("Nobody", "corin-maddow")], found
    assert found[0][3] < SHOWN, found


@pytest.mark.parametrize("lead", [
    "The line everyone quoted came from its second paragraph:",
    "The review's closing sentence was the one people shared:",
    "Its verdict fitted on a poster:",
])
def test_round_forty_five_a_block_from_a_named_writers_review_is_hers_held(lead):
    # "When Ysolde Prack's review of Brine Street ran …, … The line everyone quoted came from
    # its second paragraph:" then a block quote: her written words, at one remove, held.
    body = ("When Ysolde Prack's review of Brine Street ran in the *Harbour Post*, it was two stars out of five. "
            f"{lead}\n\n"
            "> A film so pleased with its own weather that it forgets anybody is standing in it.\n\n"
            "Corin Maddow, its star, has not replied.")
    found = _quotes(body, _FAMILY)
    assert [(w, k) for w, k, _, _ in found] == [("A", "ysolde-prack")], found
    assert found[0][3] < SHOWN, found


def test_round_forty_five_a_block_after_a_films_possessive_is_not_the_directors():
    body = ("Ysolde Prack's Low Water opens on Friday. The poster carries a single line:\n\n"
            "> Keep the boat or keep your sister.\n\n"
            "Marit Oddny stars.")
    found = _quotes(body, _FAMILY)
    assert all(k is None or conf < SHOWN for _, k, _, conf in found), found


# Graph films whose titles are also the names of a magazine and a newspaper.
_PRESS = _gazetteer(
    [FilmRef("low-water-2033", "Low Water", 2033), FilmRef("gull-post-1988", "The Gull Post", 1988),
     FilmRef("lantern-2001", "Lantern", 2001)],
    [PersonRef("ysolde-prack", "Ysolde Prack")],
    [CreditRef("low-water-2033", "ysolde-prack", "director")],
)


@pytest.mark.parametrize("sentence", [
    "The critic Tova Brisk wrote in the *Gull Post* that Low Water never raises its voice.",
    "The reviewer for *Lantern* called Low Water a film that never raises its voice.",
    "Tova Brisk has reviewed for *Lantern* for fourteen years, and she did not like Low Water.",
    "When Tova Brisk's review of Low Water ran in *Lantern* last month, it was two stars out of five.",
    "Her column on Low Water ran in the *Gull Post* on Sunday.",
])
def test_round_forty_five_a_title_where_a_review_runs_is_the_publication(sentence):
    # A critic writes "in the *X*", reviews "for *X*", is "the reviewer for *X*"; a review "ran
    # in *X*": no film is written in or reviewed for, so the title is the publication's.
    article = _process(f"Ysolde Prack's Low Water opens on Friday. {sentence}", _PRESS)
    assert {m.key for m in article.mentions if m.kind == "film"} == {"low-water-2033"}, article.mentions


@pytest.mark.parametrize("sentence", [
    "She ran in *Lantern* as a girl of nine, and it shows in Low Water.",
    "Ysolde Prack wrote Low Water in the spirit of *Lantern*.",
])
def test_round_forty_five_a_film_a_person_ran_in_or_a_film_in_a_spirit_stays_a_film(sentence):
    article = _process(f"Ysolde Prack's Low Water opens on Friday. {sentence}", _PRESS)
    assert "lantern-2001" in {m.key for m in article.mentions}, article.mentions


def test_round_forty_five_a_verb_of_asking_in_another_clause_is_not_the_subjects():
    # "Ysolde Prack rewrote it, after Corin Maddow told her …": the telling is his, so she is
    # still the "she" of the quotation after it.
    body = ("Ysolde Prack rewrote the ending in a week, after Corin Maddow told her it did not work. "
            "She smiles about it now.\n\n“Corin was right, and I sulked for a week,” she says.")
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found] == [("Corin", "ysolde-prack")], found
