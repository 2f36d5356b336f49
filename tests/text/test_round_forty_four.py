"""Round forty-four (issue 13): conventions found in `tests/evalset60` and `tests/evalset61` once
they moved to tune: an interview whose questions are set in bold with no label at all, the answers
plain paragraphs under them. Each is written for the convention in several of its phrasings (ours,
not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

SHOWN = 0.8  # a quote on a graph speaker at this confidence or more goes on the person's page


# A graph director, and a graph actor she cast.
_CREW = _gazetteer(
    [FilmRef("tin-harbour-2032", "Tin Harbour", 2032)],
    [PersonRef("orla-mennick", "Orla Mennick"), PersonRef("teodor-vance", "Teodor Vance")],
    [CreditRef("tin-harbour-2032", "orla-mennick", "director"), CreditRef("tin-harbour-2032", "teodor-vance", "actor")],
)

_INTROS = [
    "*Orla Mennick's second feature, Tin Harbour, opens on Friday. She spoke to Gil Atterby about cranes and her grandfather.*",
    "*Orla Mennick talked to us between two screenings of Tin Harbour.*",
    "Tin Harbour is Orla Mennick's second feature. We sat down with her at the harbour café.",
]

_TURNS = [
    ("**Why a film about a crane driver?**",
     ["My grandfather drove a crane for forty years and I never once saw him at work.",
      "I wanted to see it, so I built it."]),
    ("**How did you cast Teodor Vance?**", ["I saw him in a play about bees. He was the only one awake on stage."]),
    ("**He had never carried a lead before.**", ["No, and he asked me every day whether I was sure."]),
    ("**What would you tell your younger self?**", ["Buy warmer boots. The docks in February are unforgiving."]),
]


def _interview(intro: str, bold: str = "**") -> str:
    body = [intro]
    for question, answer in _TURNS:
        body.append(question.replace("**", bold))
        body.extend(answer)
    body.append("*Tin Harbour is in cinemas from Friday. This interview has been edited.*")
    return "\n\n".join(body)


@pytest.mark.parametrize("intro", _INTROS)
@pytest.mark.parametrize("bold", ["**", "__"])
def test_round_forty_four_bold_questions_with_no_label_are_an_interview(intro, bold):
    # Bold paragraphs that ask the interviewee, each with plain paragraphs under it, and an
    # introduction saying whom the interview is with: each answer is hers (one over two
    # paragraphs), and a bold remark between the questions is a prompt, not an answer.
    found = _quotes(_interview(intro, bold), _CREW)
    assert [(w, k) for w, k, _, _ in found] == [
        ("My", "orla-mennick"), ("I", "orla-mennick"), ("No,", "orla-mennick"), ("Buy", "orla-mennick"),
    ], found
    assert all(conf >= SHOWN for _, _, _, conf in found), found


def test_round_forty_four_the_outro_and_narration_after_the_last_answer_are_not_hers():
    body = _interview(_INTROS[0]).replace(
        "*Tin Harbour is in cinemas",
        "Vance arrives as we are leaving. “She never once raised her voice,” he says.\n\n*Tin Harbour is in cinemas",
    )
    found = _quotes(body, _CREW)
    assert [(w, k) for w, k, _, _ in found][-2:] == [("Buy", "orla-mennick"), ("She", "teodor-vance")], found


def test_round_forty_four_an_explainer_with_bold_questions_is_not_an_interview():
    # A newsroom's explainer asks its own questions in bold and answers them in its own voice:
    # nobody is interviewed, so no paragraph is anybody's answer.
    body = "\n\n".join([
        "Tin Harbour, Orla Mennick's second feature, opens on Friday. Here is what to know.",
        "**When does Tin Harbour open?**",
        "It opens on Friday in forty cinemas, then on the studio's service in the spring.",
        "**Who is in it?**",
        "Teodor Vance plays the crane driver, his first lead.",
        "**Is it suitable for children?**",
        "It carries a 12A certificate for one scene of peril.",
    ])
    assert _quotes(body, _CREW) == []


def test_round_forty_four_bold_questions_need_an_interviewee_the_introduction_names():
    # With nobody introduced as the one answering, the answers have no speaker to be given.
    body = _interview("*A conversation about cranes, boots and the docks in February.*")
    found = _quotes(body, _CREW)
    assert all(k is None or conf < SHOWN for _, k, _, conf in found), found


# A graph film whose title is an everyday phrase, and the director who says it.
_PHRASE = _gazetteer(
    [FilmRef("not-today-2029", "Not Today", 2029), FilmRef("tin-harbour-2032", "Tin Harbour", 2032)],
    [PersonRef("orla-mennick", "Orla Mennick")],
    [CreditRef("tin-harbour-2032", "orla-mennick", "director")],
)


@pytest.mark.parametrize("line", [
    "“Not today,” Mennick says at last. Then, to the runner: “Tell him we will ring on Monday.”",
    "“Not today,” Mennick said, and went back to the monitor.",
    "“Not today!” says Mennick, waving the runner away.",
])
def test_round_forty_four_a_phrase_a_film_bears_is_speech_when_its_speaker_follows(line):
    # Words set as a sentence (not capitalised as a title), closed by their own comma or "!" and
    # followed by a named speaker's verb of saying, are what she said, not the film's title.
    body = "Orla Mennick watches the last take of Tin Harbour in silence.\n\n" + line
    found = _quotes(body, _PHRASE)
    assert [(w, k) for w, k, _, _ in found][:1] == [("Not", "orla-mennick")], found


def test_round_forty_four_a_title_in_quote_marks_stays_a_title():
    # AP style: the title capitalised as a title, then a clause about the film.
    body = "Orla Mennick's “Not Today,” which opens on Friday, is her first comedy."
    assert _quotes(body, _PHRASE) == []


@pytest.mark.parametrize("turn", ["Then, to me:", "Then, turning to the runner:", "And then, to us:", "Later, to Gil:"])
def test_round_forty_four_words_turned_to_another_listener_go_on_the_same_quotation(turn):
    # "“…,” she says. Then, to me: “…”": no new subject and no verb, only whom the speaker now
    # addresses: the same speaker goes on, one quotation, not a second one to guess a speaker for.
    body = ("Orla Mennick watches the last take in silence.\n\n"
            f"“We have it,” Mennick says at last. {turn} “Tell the crane driver he can go home.”")
    found = _quotes(body, _PHRASE)
    assert [(w, k) for w, k, _, _ in found] == [("We", "orla-mennick")], found


# Two graph directors, the second the maker of a new version of the first's film.
_REMAKE = _gazetteer(
    [FilmRef("slate-1978", "Slate", 1978), FilmRef("slate-2031", "Slate", 2031)],
    [PersonRef("aurel-wendt", "Aurel Wendt"), PersonRef("kasimir-doll", "Kasimir Doll")],
    [CreditRef("slate-1978", "aurel-wendt", "director"), CreditRef("slate-2031", "kasimir-doll", "director")],
)


@pytest.mark.parametrize("words", [
    "I did not copy Wendt's film. I quarrelled with it",
    "Wendt made a film about a quarry. I made one about a family",
    "Nobody asked Wendt what he thought, and I did not either",
])
def test_round_forty_four_a_pronoun_is_not_the_person_the_quotation_speaks_of(words):
    # "“I did not copy Wendt's film,” he said." after a paragraph about both directors: the
    # speaker does not name himself in the third person, so "he" is the other man.
    body = ("Aurel Wendt made Slate in 1978 with a cast of quarrymen. Kasimir Doll's new Slate keeps the "
            "quarry.\n\n"
            "When I spoke to Doll last year, before anyone had seen it, he was clear that copying Wendt was "
            "the one thing he would not do.\n\n"
            f"“{words},” he said.")
    found = _quotes(body, _REMAKE)
    assert [(w, k) for w, k, _, _ in found] == [(words.split()[0], "kasimir-doll")], found


_MEMO = (
    "A memo sent to staff at Heronsgate Films on Friday, and seen by this paper, cancels the studio's summer slate.\n\n"
    "{author}\n\n"
    "> We will make four films next year, not nine. I would rather you heard it from me.\n\n"
    "It then turns to the films that survive, Tin Harbour among them.\n\n"
    "> Tin Harbour stays because it is finished. Everything else waits.\n\n"
    "Orla Mennick, who directed Tin Harbour, said she was relieved. The memo closes with an apology. "
    "“I know what this costs each of you,” it reads."
)


@pytest.mark.parametrize("author", [
    "The memo was written by Teodor Vance, the studio's head of production. Its first line is plain:",
    "It was sent by Teodor Vance, the studio's head of production. Its first line is plain:",
    "The memo, signed by Teodor Vance, the studio's head of production, opens plainly:",
])
def test_round_forty_four_a_memo_the_article_says_who_wrote_speaks_in_its_writers_words(author):
    # A leaked document whose writer the article names: its block quotes, and its lines quoted
    # with "it reads", are the writer's words, at one remove, so held for an editor.
    found = _quotes(_MEMO.format(author=author), _CREW)
    assert [(w, k) for w, k, _, _ in found] == [
        ("We", "teodor-vance"), ("Tin", "teodor-vance"), ("I", "teodor-vance"),
    ], found
    assert all(conf < SHOWN for _, _, _, conf in found), found


def test_round_forty_four_a_memo_nobody_is_said_to_have_written_is_nobodys():
    body = _MEMO.format(author="Its first line is plain:")
    assert all(k is None for _, k, _, _ in _quotes(body, _CREW)), _quotes(body, _CREW)


@pytest.mark.parametrize("cast", ["Aurel Wendt, as Brannock, the foreman", "Aurel Wendt, as Old Brannock, the foreman"])
def test_round_forty_four_an_actor_cast_by_the_parts_name_speaks_a_line_of_the_film(cast):
    # "Kasimir Doll made Slate …, with {actor}, as {Part}, the foreman who …": the part named, not
    # described; "“…,” he tells the men" is the film's line, nobody's page.
    body = (f"Kasimir Doll made Slate in 2031 with a cast of quarrymen and {cast} who will not sell. "
            "His last speech is the best thing in it. “You can have the hill,” he tells the men from the company. "
            "“You cannot have the hole.”")
    found = _quotes(body, _REMAKE)
    assert [(w, k) for w, k, _, _ in found] == [("You", None)], found
