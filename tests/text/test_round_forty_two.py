"""Round forty-two (issue 13): conventions of film and news writing behind the errors of
`tests/evalset56` and `tests/evalset57` once they moved to tune, each written for the convention
in several of its common phrasings (ours, not the sets'), not for one set's wording.

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, process as _process, quotes as _quotes

SHOWN = 0.8  # a quote on a graph speaker at this confidence or more goes on the person's page


def _speakers(body: str, gaz, headline: str = "") -> list[str | None]:
    return [key for _, key, _, _ in _quotes(body, gaz, headline)]


def _shown(body: str, gaz, headline: str = "") -> list[str | None]:
    return [key for _, key, _, conf in _quotes(body, gaz, headline) if key is not None and conf >= SHOWN]


def _people(body: str, gaz) -> list[str]:
    return [m.key for m in _process(body, gaz).mentions if m.kind == "person"]


# Two graph siblings who share a surname: a director and the editor who cuts his films.
_SIBLINGS = _gazetteer(
    [FilmRef("brine-2029", "Brine", 2029)],
    [PersonRef("piet-marrow", "Piet Marrow"), PersonRef("joos-marrow", "Joos Marrow")],
    [CreditRef("brine-2029", "piet-marrow", "director"), CreditRef("brine-2029", "joos-marrow", "crew")],
)


@pytest.mark.parametrize("body", [
    "Piet Marrow directed *Brine* on a trawler. Marrow would not talk to us.\n\nJoos Marrow is the director's older brother, and "
    "he has edited all of his films.\n\n“He shot nine hours of nets,” the elder Marrow said.",
    "Piet Marrow directed *Brine* on a trawler; Marrow kept the crew at sea. Joos Marrow, his elder brother, cut it in a shed.\n\n"
    "“He shot nine hours of nets,” said the older Marrow.",
    "Piet Marrow directed *Brine*. Marrow, 40, lives on the coast. Joos Marrow was Piet's big brother and his editor.\n\n"
    "Joos Marrow is the older sibling by six years.\n\n“He shot nine hours of nets,” the elder Marrow said.",
])
def test_round_forty_two_the_elder_sibling_is_the_one_the_article_called_older(body):
    # "X is the director's older brother" (or "X, his elder brother,") then "the elder Marrow
    # said": the brother the article called older, held for an editor, never the director's page.
    assert _shown(body, _SIBLINGS) == [], _quotes(body, _SIBLINGS)
    assert _speakers(body, _SIBLINGS) == ["joos-marrow"], _quotes(body, _SIBLINGS)


def test_round_forty_two_the_younger_sibling_after_an_older_brother_is_the_other():
    body = ("Piet Marrow directed *Brine*. Marrow grew up on a trawler. Joos Marrow is the director's older brother.\n\n"
            "“I wanted the nets in every shot,” the younger Marrow said.")
    assert _speakers(body, _SIBLINGS) == ["piet-marrow"], _quotes(body, _SIBLINGS)


# A review's cast: a graph actor who plays a night porter in a graph film.
_REVIEW = _gazetteer(
    [FilmRef("the-night-porter-2028", "The Night Porter", 2028)],
    [PersonRef("wren-salcedo", "Wren Salcedo"), PersonRef("amos-kettle", "Amos Kettle")],
    [CreditRef("the-night-porter-2028", "wren-salcedo", "actor"),
     CreditRef("the-night-porter-2028", "amos-kettle", "director")],
)
_CAST = ("Amos Kettle's *The Night Porter* is set in a hotel that is closing. Ines Dray (Wren Salcedo) "
         "works the desk through its last winter.\n\n")


@pytest.mark.parametrize("scene", [
    "Salcedo is best when she says least. Her finest moment is a reply to a guest who asks why the lift "
    "never works. “Because it is tired,” she says, “like the rest of us.”",
    "Salcedo is quietly wonderful. When a drunk salesman asks for a room with a view, she does not blink. "
    "“They all face the car park,” she says.",
    "Salcedo gets the best line, an answer to a bellboy who wants to know when they will be paid. "
    "“When the snow melts,” she tells him.",
])
def test_round_forty_two_a_reply_in_a_scene_with_an_unnamed_part_is_the_character_line(scene):
    # A review casts the actor in parentheses, then tells a scene where someone unnamed in the
    # story (a guest, a salesman) asks and the character answers in the present tense: the line
    # is the character's, never the actor's own words on her page.
    assert _speakers(_CAST + scene, _REVIEW) == [None], _quotes(_CAST + scene, _REVIEW)


@pytest.mark.parametrize("own", [
    "Salcedo spent a month on a real hotel desk. “I learned to smile at people I wanted to strangle,” "
    "she says.",
    "Salcedo was asked by a reporter who wants to know everything about her. “I keep my private life "
    "private,” she says.",
])
def test_round_forty_two_the_actors_own_words_after_the_cast_stay_hers(own):
    assert _speakers(_CAST + own, _REVIEW) == ["wren-salcedo"], _quotes(_CAST + own, _REVIEW)


def _films(body: str, gaz) -> list[str]:
    return [m.key for m in _process(body, gaz).mentions if m.kind == "film"]


# Graph films whose titles are also the names of a festival daily, a weekly and a newsletter below;
# and the film the articles do mean.
_PRESS = _gazetteer(
    [FilmRef("the-lantern-2015", "The Lantern", 2015), FilmRef("quarry-2019", "Quarry", 2019),
     FilmRef("cold-meridian-2027", "Cold Meridian", 2027)],
    [PersonRef("petra-voss", "Petra Voss"), PersonRef("hal-brenner", "Hal Brenner")],
    [CreditRef("the-lantern-2015", "hal-brenner", "director"),
     CreditRef("cold-meridian-2027", "petra-voss", "director")],
)


@pytest.mark.parametrize("body", [
    "Petra Voss's *Cold Meridian* won nothing. “I never win,” Voss told *Quarry* on Sunday.",
    "Petra Voss's *Cold Meridian* won nothing. She told *The Lantern* that she would try again.",
    "Petra Voss's *Cold Meridian* won nothing, Voss told *Quarry*, the festival's daily paper.",
    "Petra Voss's *Cold Meridian* won nothing. *The Lantern*, the town's weekly paper, ran the story.",
])
def test_round_forty_two_a_title_told_something_is_an_outlet(body):
    # Nobody tells a film anything: "Voss told *X*" names the publication she spoke to, and so
    # does "*X*, the festival's daily paper".
    assert _films(body, _PRESS) == ["cold-meridian-2027"], _films(body, _PRESS)


@pytest.mark.parametrize("body", [
    "Petra Voss's *Cold Meridian* won nothing. Hal Brenner told *Quarry* fans to be patient.",
    "Hal Brenner told *The Lantern*'s crew to go home.",
    "On paper, *Quarry* had more going for it than *Cold Meridian*.",
])
def test_round_forty_two_a_film_named_after_told_with_its_own_noun_stays_the_film(body):
    assert ("quarry-2019" in _films(body, _PRESS)) or ("the-lantern-2015" in _films(body, _PRESS)), _films(body, _PRESS)


@pytest.mark.parametrize("body", [
    "**Quarry** · The weekly festival newsletter · Day two\n\nPetra Voss's *Cold Meridian* sold to four territories.",
    "*The Lantern* · Arts · By Oona Trask, Film Editor\n\nPetra Voss's *Cold Meridian* opens the season.",
    "The Lantern | Reviews | By Oona Trask\n\nPetra Voss's *Cold Meridian* opens the season.",
])
def test_round_forty_two_a_title_in_a_masthead_line_is_the_publication(body):
    # A newsletter or a paper heads its pieces with a kicker line, "Name · section · By writer":
    # the name there is the publication's, not the graph film's.
    assert _films(body, _PRESS) == ["cold-meridian-2027"], _films(body, _PRESS)


@pytest.mark.parametrize("body, film", [
    ("*Quarry* · 2019 · 104 min · Directed by Hal Brenner\n\nA quiet film about a quarry.", "quarry-2019"),
    ("*Cold Meridian* · Petra Voss's second feature · Four stars\n\nA quiet film.", "cold-meridian-2027"),
])
def test_round_forty_two_a_film_heading_its_fact_line_stays_the_film(body, film):
    assert _films(body, _PRESS) == [film], _films(body, _PRESS)


# A graph actor in the new film, and two graph actors of an older film the articles also name,
# whose names are those of characters in the new one.
_PARTS = _gazetteer(
    [FilmRef("the-tithe-barn-2029", "The Tithe Barn", 2029), FilmRef("saltings-2021", "Saltings", 2021)],
    [PersonRef("mira-oakes", "Mira Oakes"), PersonRef("jory-penwarden", "Jory Penwarden"),
     PersonRef("ada-lusk", "Ada Lusk"), PersonRef("bram-tolley", "Bram Tolley")],
    [CreditRef("the-tithe-barn-2029", "mira-oakes", "actor"), CreditRef("the-tithe-barn-2029", "bram-tolley", "director"),
     CreditRef("saltings-2021", "jory-penwarden", "actor"), CreditRef("saltings-2021", "ada-lusk", "actor"),
     CreditRef("saltings-2021", "bram-tolley", "director")],
)


@pytest.mark.parametrize("body", [
    "Bram Tolley, who made *Saltings*, is back with *The Tithe Barn*.\n\nMira Oakes plays Ada Lusk, the "
    "schoolmistress who keeps the barn's keys.",
    "Bram Tolley, who made *Saltings*, is back with *The Tithe Barn*.\n\nMira Oakes will play Jory Penwarden, a "
    "drover with debts.",
    "*Still 2. Mira Oakes as Ada Lusk, the schoolmistress.*\n\nBram Tolley, who made *Saltings*, is back "
    "with *The Tithe Barn*.",
    "Bram Tolley's *The Tithe Barn* (with Mira Oakes as Jory Penwarden) follows *Saltings*.",
])
def test_round_forty_two_a_part_cast_and_described_is_a_character_whoever_shares_its_name(body):
    # "plays X, the schoolmistress who …", a caption's "Actor as X": the name is the part,
    # even when a graph actor of another film the article names elsewhere is called so.
    people = _people(body, _PARTS)
    assert "ada-lusk" not in people and "jory-penwarden" not in people, people
    assert "mira-oakes" in people, people


@pytest.mark.parametrize("body", [
    "Bram Tolley's *Saltings* starred Ada Lusk. In *The Tithe Barn*, Mira Oakes plays Ada Lusk's sister.",
    "Bram Tolley, who made *Saltings* with Jory Penwarden, cast him again: Mira Oakes stars opposite "
    "Jory Penwarden in *The Tithe Barn*.",
])
def test_round_forty_two_an_actor_named_beside_a_part_stays_the_actor(body):
    assert "ada-lusk" in _people(body, _PARTS) or "jory-penwarden" in _people(body, _PARTS), _people(body, _PARTS)


# Three graph people of one surname: two sisters who scored a film together, and an actor who
# worked on another film with one of them (so the graph joins all three into one family).
_FAMILY = _gazetteer(
    [FilmRef("gull-house-2003", "Gull House", 2003), FilmRef("the-weir-2009", "The Weir", 2009)],
    [PersonRef("nell-farrant", "Nell Farrant"), PersonRef("tess-farrant", "Tess Farrant"),
     PersonRef("nina-farrant", "Nina Farrant"), PersonRef("oskar-lee", "Oskar Lee")],
    [CreditRef("gull-house-2003", "nell-farrant", "crew"), CreditRef("gull-house-2003", "tess-farrant", "crew"),
     CreditRef("gull-house-2003", "oskar-lee", "director"),
     CreditRef("the-weir-2009", "tess-farrant", "crew"), CreditRef("the-weir-2009", "nina-farrant", "actor")],
)


@pytest.mark.parametrize("body", [
    "Oskar Lee's *Gull House* turns twenty. The Farrant sisters, who wrote its score, sent a message.",
    "*Gull House* is back in cinemas. Its music, by the Farrant sisters, has never sounded better.",
])
def test_round_forty_two_a_family_named_beside_a_film_is_the_members_credited_on_it(body):
    # "the Farrant sisters" in a piece about *Gull House*: the two credited on it together, not a
    # namesake the graph joins to them through another film the article never names.
    people = set(_people(body, _FAMILY)) - {"oskar-lee"}
    assert people == {"nell-farrant", "tess-farrant"}, people


def test_round_forty_two_a_family_with_no_film_named_keeps_every_member():
    body = "The Farrant sisters were in town on Friday."
    assert "nina-farrant" in _people(body, _FAMILY) or _people(body, _FAMILY) == [], _people(body, _FAMILY)


# A graph actor and a critic outside the graph who shares her surname.
_CO_NAMED = _gazetteer(
    [FilmRef("dry-season-2001", "Dry Season", 2001)],
    [PersonRef("lotte-vane", "Lotte Vane"), PersonRef("cas-morrow", "Cas Morrow")],
    [CreditRef("dry-season-2001", "lotte-vane", "actor"), CreditRef("dry-season-2001", "cas-morrow", "director")],
)
_PANEL = ("*Dry Season* turned twenty on Saturday. Lotte Vane and Cas Morrow were on stage; the critic "
          "Greta Vane (no relation) asked the questions.\n\n")


@pytest.mark.parametrize("line", [
    "Vane, whose character spends the film in a bath, left last. “They still send me rubber ducks,” she said.",
    "Vane, who plays the hotel's owner, was asked about the ending. “I never read it,” she said.",
    "Vane, whose part was written for a man, laughed. “I never read it,” she said.",
])
def test_round_forty_two_a_shared_surname_with_a_part_after_it_is_the_actor(line):
    # After the critic is named in full, "Vane" alone would be hers; "Vane, whose character …"
    # or "Vane, who plays …" says it is the actor, the one of the two who plays a part.
    assert _speakers(_PANEL + line, _CO_NAMED) == ["lotte-vane"], _quotes(_PANEL + line, _CO_NAMED)


def test_round_forty_two_a_shared_surname_without_a_part_stays_the_last_named():
    line = "Vane, who has chaired the panel for years, smiled. “Last question,” she said."
    assert _speakers(_PANEL + line, _CO_NAMED) != ["lotte-vane"], _quotes(_PANEL + line, _CO_NAMED)


_JURY = _gazetteer(
    [FilmRef("the-tally-room-2029", "The Tally Room", 2029)],
    [PersonRef("ines-harrow", "Ines Harrow")],
    [CreditRef("the-tally-room-2029", "ines-harrow", "director")],
)


@pytest.mark.parametrize("lead", [
    "The jury's statement, read out by the festival's director, is reproduced here in full.",
    "The citation is printed below in full.",
    "Its statement, which the festival posted at midnight, is reproduced below.",
])
def test_round_forty_two_a_statement_reproduced_in_full_is_a_quote_of_nobody_named(lead):
    # A news story reprints a jury's or a festival's statement as a block quote after "is
    # reproduced here in full": the block is a quotation, its speaker nobody the text names
    # (no page), even when it names the winner inside.
    body = (f"Ines Harrow's *The Tally Room* won the top prize on Saturday. {lead}\n\n"
            "> We saw nine films and argued about all of them.\n>\n"
            "> We did not argue about *The Tally Room*. Ines Harrow never hurries.\n\n"
            "Harrow was not at the ceremony.")
    found = _quotes(body, _JURY)
    assert [(word, key) for word, key, _, _ in found] == [("We", None)], found


def test_round_forty_two_an_excerpt_introduced_without_a_statement_stays_unquoted():
    body = ("Ines Harrow's *The Tally Room* opens with a passage from a ledger, reproduced here.\n\n"
            "> Nine sacks of flour. Two of salt.\n\nThen the film begins.")
    assert _quotes(body, _JURY) == [], _quotes(body, _JURY)


# Two graph directors, a winner and a runner-up, at a festival.
_RIVALS = _gazetteer(
    [FilmRef("long-shore-2029", "Long Shore", 2029), FilmRef("the-ferryman-2029", "The Ferryman", 2029)],
    [PersonRef("kit-ambler", "Kit Ambler"), PersonRef("rhea-solvang", "Rhea Solvang")],
    [CreditRef("long-shore-2029", "kit-ambler", "director"), CreditRef("the-ferryman-2029", "rhea-solvang", "director")],
)


@pytest.mark.parametrize("lead", [
    "He added that Solvang deserved the prize.",
    "He said that Solvang had made the better film.",
    "He conceded that Rhea Solvang was the better director.",
])
def test_round_forty_two_a_name_inside_a_that_clause_is_not_the_next_speaker(lead):
    # "He added that Solvang deserved the prize. “…”": a name inside what he says is not who
    # speaks next; the quotation after it is the man's, Ambler's (named before), not Solvang's.
    body = ("Rhea Solvang's *The Ferryman* won the top prize. Kit Ambler took second place for *Long Shore*.\n\n"
            f"“I came for the food,” Ambler said. {lead} “Her film is patient. Mine shouts.”")
    assert "rhea-solvang" not in _speakers(body, _RIVALS), _quotes(body, _RIVALS)


_NOBODY = _gazetteer([FilmRef("the-tally-room-2029", "The Tally Room", 2029)], [PersonRef("ines-harrow", "Ines Harrow")],
                     [CreditRef("the-tally-room-2029", "ines-harrow", "director")])


@pytest.mark.parametrize("credit", [
    "said Sgt. Oona Brack, a police spokesperson.",
    "said Det. Insp. Oona Brack of the county force.",
    "said Capt. Oona Brack, the harbourmaster.",
    "said Rev. Oona Brack, who runs the parish hall.",
])
def test_round_forty_two_a_rank_abbreviation_in_a_credit_does_not_end_it(credit):
    # A police or military rank, or a cleric's, is abbreviated with a stop before the name:
    # the stop ends no sentence, and the quotation broken by the credit is one quotation of the
    # officer's (nobody in the graph), not two.
    body = (f"Ines Harrow's *The Tally Room* lost its set in a fire. “Nobody was hurt,” {credit} "
            "“We will know more by Friday.”")
    found = _quotes(body, _NOBODY)
    assert [(word, key, name) for word, key, name, _ in found] == [("Nobody", None, "Oona Brack")], found


def test_round_forty_two_single_quotes_inside_a_block_statement_are_nested_in_it():
    # Inside a statement set as a block quote without marks, a passage in single quotes is the
    # statement quoting someone ("One of us wrote in the margin, 'Again, please.'"): part of the
    # statement, not a quotation of its own.
    body = ("Ines Harrow's *The Tally Room* won the top prize. The jury's statement is reproduced here in full.\n\n"
            "> We saw nine films and argued about all of them. One of us wrote in the margin, 'Again, please,' "
            "and that is our verdict.\n\n"
            "Harrow was not at the ceremony.")
    found = _quotes(body, _JURY)
    assert [word for word, _, _, _ in found] == ["We"], found


def test_round_forty_two_single_quotes_in_a_block_quote_that_is_no_statement_stay_quotes():
    body = ("Ines Harrow's *The Tally Room* opens on a ledger.\n\n"
            "> 'We never close,' the keeper tells the inspector.\n\nThen the film begins.")
    assert _quotes(body, _JURY) == [] or _quotes(body, _JURY)[0][0] == "We", _quotes(body, _JURY)
