"""Round forty-three (issue 13): labelled transcripts in house styles the core did not know, found
in `tests/evalset58` and `tests/evalset59` once they moved to tune: an oral history's bold names
with the speaker's part in parentheses, a podcast's first-name labels, a forum recap's usernames.
Each is written for the convention in several of its phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

SHOWN = 0.8  # a quote on a graph speaker at this confidence or more goes on the person's page


def _first_words(body: str, gaz) -> list[tuple[str, str | None, str | None]]:
    return [(word, key, name) for word, key, name, _ in _quotes(body, gaz)]


def _shown(body: str, gaz) -> list[str | None]:
    return [key for _, key, _, conf in _quotes(body, gaz) if key is not None and conf >= SHOWN]


# A graph director and her editor on a small film, and a graph actor.
_CREW = _gazetteer(
    [FilmRef("saltmarsh-2031", "Saltmarsh", 2031)],
    [PersonRef("wenna-trask", "Wenna Trask"), PersonRef("idris-mabe", "Idris Mabe"),
     PersonRef("colm-fenner", "Colm Fenner")],
    [CreditRef("saltmarsh-2031", "wenna-trask", "director"), CreditRef("saltmarsh-2031", "idris-mabe", "crew"),
     CreditRef("saltmarsh-2031", "colm-fenner", "actor")],
)


@pytest.mark.parametrize("style", [
    "**{name}** ({role}): {words}",
    "{name} ({role}): {words}",
    "**{name}** *({role})*: {words}",
])
def test_round_forty_three_an_oral_history_label_may_give_the_part_in_parentheses(style):
    # "**Name** (editor): …": the speaker's part in parentheses after a bold name, given on the
    # first turn only; each turn is the named person's answer, the later ones under the name alone.
    turns = [
        ("Wenna Trask", "director", "I wanted the marsh to look like a floor nobody had swept."),
        ("Idris Mabe", "editor", "I cut it in a kitchen with the oven on for heat."),
        ("Colm Fenner", "actor, the ferryman", "I had to learn to row in four days."),
    ]
    body = "*Ten years on, the people who made* Saltmarsh *remember the winter it took.*\n\n"
    body += "\n\n".join(style.format(name=n, role=r, words=w) for n, r, w in turns)
    body += "\n\n**Wenna Trask**: We ran out of money twice and I never told the crew."
    body += "\n\n**Idris Mabe**: She told me. I kept it to myself."
    assert _first_words(body, _CREW) == [
        ("I", "wenna-trask", None), ("I", "idris-mabe", None), ("I", "colm-fenner", None),
        ("We", "wenna-trask", None), ("She", "idris-mabe", None),
    ], _quotes(body, _CREW)


def test_round_forty_three_a_parenthesised_label_that_names_nobody_is_still_a_turn():
    # "**Studio accountant** (unnamed): …": a voice the piece will not name gets a turn of its own,
    # spoken by nobody the graph holds, and the words quoted inside an answer are not quotes.
    body = ("*An oral history of* Saltmarsh*.*\n\n"
            "**Wenna Trask** (director): The money men said, \"Shoot it in a car park.\" I said no.\n\n"
            "**Studio accountant** (unnamed): We nearly pulled the plug in the second week.\n\n"
            "**Idris Mabe** (editor): I never heard about any of that.\n\n"
            "**Wenna Trask**: Good.")
    assert _first_words(body, _CREW) == [
        ("The", "wenna-trask", None), ("We", None, None), ("I", "idris-mabe", None), ("Good.", "wenna-trask", None),
    ], _quotes(body, _CREW)


@pytest.mark.parametrize("labels", [("ROSA", "TEO", "WENNA"), ("Rosa", "Teo", "Wenna")])
def test_round_forty_three_first_name_labels_are_the_people_named_in_full(labels):
    # A podcast's transcript labels its hosts and its guest by first name ("ROSA:", "Teo:"), once
    # the write-up has named them in full: the hosts are outside the graph (their turns are theirs,
    # on nobody's page), the guest is the graph director.
    rosa, teo, wenna = labels
    body = ("This week the hosts of *Reel Talk*, Rosa Lindqvist and Teo Barra, are joined by Wenna Trask, "
            "whose *Saltmarsh* opens on Friday. An edited excerpt:\n\n"
            f"**{rosa}:** I think the ending is the bravest thing in cinema this year.\n\n"
            f"**{teo}:** And I think it is twenty minutes of a man rowing.\n\n"
            f"**{wenna}:** You are both wrong, and I love you both. The rowing was real.\n\n"
            "It took nine days.\n\n"
            f"**{teo}:** That explains the blisters.")
    assert _first_words(body, _CREW) == [
        ("I", None, "Rosa Lindqvist"), ("And", None, "Teo Barra"), ("You", "wenna-trask", None),
        ("That", None, "Teo Barra"),
    ], _quotes(body, _CREW)


def test_round_forty_three_a_first_name_two_people_share_names_nobody():
    # Two people named in full share the first name: the label cannot say which, so no turn is read
    # as either's.
    body = ("The hosts, Rosa Lindqvist and Rosa Abend, talk to Wenna Trask about *Saltmarsh*.\n\n"
            "ROSA: I loved it.\n\nWENNA: Thank you, I think.\n\nROSA: I did not.")
    names = [name for _, _, name in _first_words(body, _CREW)]
    assert "Rosa Lindqvist" not in names and "Rosa Abend" not in names, _quotes(body, _CREW)


def test_round_forty_three_the_moderator_the_introduction_names_asks():
    # A panel whose moderator the introduction names ("The moderator, the critic Rosa Abend,")
    # prompts in statements cut off by a dash; with three voices and no question mark her turns
    # would read as a round table's answers. They are prompts, not quotes.
    body = ("The reunion put Wenna Trask, Idris Mabe and Colm Fenner on one stage. The moderator, the critic "
            "Rosa Abend, barely got a word in. An excerpt:\n\n"
            "**ROSA:** Let's begin with the marsh, because—\n\n"
            "**COLM:** It was not a marsh. It was a car park with a hose.\n\n"
            "**WENNA:** It was a marsh for nine days, Colm.\n\n"
            "**ROSA:** We'll come back to the hose. Idris, you cut it in a kitchen—\n\n"
            "**IDRIS:** With the oven on. I still smell it.")
    found = _first_words(body, _CREW)
    assert [key for _, key, _ in found] == ["colm-fenner", "wenna-trask", "idris-mabe"], found


_AMA = ("Wenna Trask, whose *Saltmarsh* opens on Friday, answered readers' questions on the Cineboard forum "
        "on Tuesday, posting as {director}. Her editor, Idris Mabe, joined later as {editor}. Edited highlights:\n\n"
        "**dune_buggy77:** Was the boat real?\n\n"
        "**{director}:** Yes, and it sank twice. We raised it with a tractor.\n\n"
        "Not every reply was that generous: a user who asked about the budget was told “Next question.” and "
        "nothing else.\n\n"
        "**marshmallow_kid:** What did you shoot on?\n\n"
        "**{director}:** Sixteen millimetre, because it was what we could afford.\n\n"
        "I would do it again tomorrow.\n\n"
        "Halfway through, Mabe arrived with a correction.\n\n"
        "**{editor}:** The tractor was my idea.\n\n"
        "**fen_skater:** Any plans for a sequel?\n\n"
        "**{director}:** None at all.")


@pytest.mark.parametrize("director, editor", [("WennaTrask", "idris_cuts"), ("trask_official", "IMabe"),
                                             ("wenna.trask", "mabe_edits")])
def test_round_forty_three_a_forum_recap_reads_its_handles(director, editor):
    # An AMA recap: the users' questions under their handles are not quotes; the answers under the
    # handles the introduction gives ("posting as …", "joined as …") are the director's and the
    # editor's, held for an editor (a username is not a name), and an unlabelled paragraph in the
    # first person continues the answer before it.
    body = _AMA.format(director=director, editor=editor)
    found = _quotes(body, _CREW)
    answers = [(w, k) for w, k, _, _ in found if w != "Next"]
    assert answers == [
        ("Yes,", "wenna-trask"), ("Sixteen", "wenna-trask"), ("The", "idris-mabe"), ("None", "wenna-trask"),
    ], found
    assert _shown(body, _CREW) == [], found
    texts = _texts(body)
    assert "I would do it again tomorrow." in texts[2], texts
    # The recap's own commentary between two posts is not the post running on: the reply it
    # quotes is a quotation of its own.
    assert "Next question." in texts and "Next question." not in texts[0], texts


def test_round_forty_three_a_handle_the_introduction_does_not_give_names_nobody():
    # "trask_fan" is a user, however like the director's name it looks: only a handle the article
    # says a person posts as is that person.
    body = _AMA.format(director="WennaTrask", editor="idris_cuts").replace("**fen_skater:**", "**trask_fan:**")
    assert ("None", "wenna-trask") in [(w, k) for w, k, _, _ in _quotes(body, _CREW)]
    assert all(k in (None, "wenna-trask", "idris-mabe") for _, k, _, _ in _quotes(body, _CREW))
    assert "Any plans for a sequel?" not in " ".join(_texts(body))


def _texts(body: str) -> list[str]:
    from .core import process
    return [q.text for q in process(body, _CREW).quotes]


def test_round_forty_three_a_label_and_colon_in_prose_is_no_transcript():
    # A review's fact lines and a lone bold lead stay prose.
    body = ("**Saltmarsh** (15): a film about a ferry.\n\n**Runtime** (approx.): 98 minutes.\n\n"
            "Wenna Trask directs. “I wanted it cold,” she said.")
    assert _first_words(body, _CREW) == [("I", "wenna-trask", None)], _quotes(body, _CREW)


@pytest.mark.parametrize("credit", [
    "Saltmarsh Pictures chief executive Hana Moyle said",
    "Reedway co-founder Hana Moyle, who is no relation to the actor, said",
    "said Reedway head of acquisitions Hana Moyle",
])
def test_round_forty_three_a_company_title_before_a_name_credits_the_name(credit):
    # AP style puts the company and the job before the name ("Netflix co-chief executive … said"):
    # the speaker is the name, and the quotation broken by that credit stays one quotation.
    body = ("Wenna Trask will direct the film. “We have wanted this for years,” " + credit
            + " in a statement. “Now we have it.”")
    found = _quotes(body, _CREW)
    assert len(found) == 1 and found[0][2] == "Hana Moyle", found


_SIBLINGS = _gazetteer(
    [FilmRef("saltmarsh-2031", "Saltmarsh", 2031)],
    [PersonRef("oren-vask", "Oren Vask"), PersonRef("lise-vask", "Lise Vask")],
    [CreditRef("saltmarsh-2031", "oren-vask", "director"), CreditRef("saltmarsh-2031", "lise-vask", "writer")],
)


@pytest.mark.parametrize("introduced", [
    "Oren Vask wrote *Saltmarsh* with his sister, Lise Vask, and the notes give them a page each.",
    "Oren Vask wrote *Saltmarsh* with his sister Lise Vask.",
    "Oren Vask wrote *Saltmarsh*; Lise Vask, his sister, rewrote the ending.",
])
def test_round_forty_three_a_relative_the_article_named_is_that_person(introduced):
    # "his sister, Lise Vask" then "His sister is blunter. “…,” she writes.": the relative the
    # article named, held for an editor (a kinship is a role reference), never nobody.
    body = introduced + "\n\n“I wanted marsh,” he writes.\n\nHis sister is blunter. “I wanted money,” she writes."
    found = _quotes(body, _SIBLINGS)
    assert [(k, c < SHOWN) for _, k, _, c in found][1] == ("lise-vask", True), found


def test_round_forty_three_a_relative_never_named_stays_nobody():
    body = ("Oren Vask wrote *Saltmarsh* alone.\n\n“I wanted marsh,” he writes.\n\n"
            "His sister is blunter. “I wanted money,” she writes.")
    assert [k for _, k, _, _ in _quotes(body, _SIBLINGS)][1] is None, _quotes(body, _SIBLINGS)


_PARTS = _gazetteer(
    [FilmRef("saltmarsh-2031", "Saltmarsh", 2031), FilmRef("brackwater-2019", "Brackwater", 2019)],
    [PersonRef("colm-fenner", "Colm Fenner"), PersonRef("nia-ostrow", "Nia Ostrow")],
    [CreditRef("saltmarsh-2031", "colm-fenner", "actor"), CreditRef("brackwater-2019", "nia-ostrow", "actor")],
)


@pytest.mark.parametrize("label", [
    "**Colm Fenner** (actor, Nia Ostrow): ",
    "**Colm Fenner** (as Nia Ostrow): ",
    "Colm Fenner (actress, Nia Ostrow) remembers it differently: ",
])
def test_round_forty_three_a_part_in_a_label_parenthesis_is_a_character(label):
    # An oral history's label gives an actor's part in the parenthesis after the name: the name
    # there is the character, whoever in the graph shares it.
    from .core import process
    body = "Ten years on, the cast of *Saltmarsh* remember it.\n\n" + label + "I was cold for nine weeks."
    people = [m.key for m in process(body, _PARTS).mentions if m.kind == "person"]
    assert people == ["colm-fenner"], people
