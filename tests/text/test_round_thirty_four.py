"""Round thirty-four (issue 13): conventions of film journalism behind the errors of
`tests/evalset40` and `tests/evalset41` once they moved to tune, each in phrasings of our own.

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

from newsreel.text.gazetteer import Gazetteer
from newsreel.text.pipeline import process_article
from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer
from .links import href


def test_round_thirty_four_the_headline_may_name_its_person_by_the_name_they_were_known_by():
    # An obituary is headlined with the name the trade used ("Gus Pell"), a graph alias, and
    # its body gives the full name once, then a relative of the same surname, then the
    # surname alone and "he" for the one it is about, whom a director is named more often
    # than. The headline's person is the one the article is about: the bare surname and the
    # distant "he" are his (held for an editor: a guess), not nobody's and not the director's.
    gaz = _gazetteer(
        [FilmRef("gannet-1961", "Gannet", 1961), FilmRef("harbour-lights-2020", "Harbour Lights", 2020)],
        [PersonRef("augustin-pell", "Augustin Pell", ("Gus Pell",)), PersonRef("marit-pell", "Marit Pell"),
         PersonRef("oskar-lind", "Oskar Lind")],
        [CreditRef("gannet-1961", "augustin-pell", "actor"), CreditRef("gannet-1961", "oskar-lind", "director"),
         CreditRef("harbour-lights-2020", "augustin-pell", "actor"), CreditRef("harbour-lights-2020", "marit-pell", "crew")],
    )
    headline = "Gus Pell, the lighthouse keeper of Gannet, dies at 90"
    body = (
        "Augustin Pell, the character actor everyone called Gus, died on Monday. He was 90.\n\n"
        "His daughter, the designer Marit Pell, confirmed the death. \"He went quietly,\" she said.\n\n"
        "His first film was Oskar Lind's *Gannet* (1961). Oskar Lind cast him four more times, and "
        "Oskar Lind's widow still keeps his letters.\n\n"
        "\"Oskar said to me, 'Just stand there,'\" Pell told *Reelside* magazine in 1990. "
        "\"I have been standing there ever since.\"\n\n"
        "His last film was *Harbour Lights* (2020). Asked in 2015 whether he had wanted to be a star, "
        "he said the matter had been settled early.\n\n"
        "\"I had the wrong face for a poster,\" he said.\n"
    )
    found = [(q.text.split()[0], q.speaker_key, q.confidence)
             for q in process_article(body, graph=gaz, headline=headline, href=href).quotes]
    assert [(first, key) for first, key, _ in found] == [
        ("He", "marit-pell"), ("Oskar", "augustin-pell"), ("I", "augustin-pell")], found
    # Guesses, both: neither goes on a page without an editor.
    assert all(confidence < SURE_CONFIDENCE for first, _, confidence in found if first != "He"), found
    # Without the alias in the headline nothing settles the surname: nobody's page either way.
    plain = [(q.text.split()[0], q.speaker_key, q.confidence >= SURE_CONFIDENCE)
             for q in process_article(body, graph=gaz, headline="A face in a hundred films", href=href).quotes]
    assert ("Oskar", "marit-pell", True) not in plain and ("I", "oskar-lind", True) not in plain, plain


def test_round_thirty_four_someone_in_the_audience_placed_by_where_they_sat_speaks_for_themselves():
    # A panel write-up gives the floor to people it does not name, placed by where they sat
    # or stood ("a man in the third row who …", "a woman at the back, who …"): the "he said"
    # after it is theirs, nobody's page, never the panelist who spoke in the paragraph before.
    gaz = _gazetteer(
        [FilmRef("the-tin-coast-2026", "The Tin Coast", 2026)],
        [PersonRef("ada-moss", "Ada Moss"), PersonRef("oren-vale", "Oren Vale")],
        [CreditRef("the-tin-coast-2026", "ada-moss", "director"), CreditRef("the-tin-coast-2026", "oren-vale", "actor")],
    )
    lede = ("Ada Moss and Oren Vale talked about *The Tin Coast* on Sunday.\n\n"
            "Moss said the tide decided every call sheet. \"We shot when the sea let us,\" Moss said.\n\n")
    for opening, pronoun in (
        ("During questions, a man in the third row who said he had worked on the boats stood up to ask about the tide.", "he"),
        ("Afterwards, a woman at the back of the hall, who had driven from the coast, asked whether the boat survived.", "she"),
        ("Then a student from the film school who had seen it twice wanted to know about the ending.", "he"),
    ):
        source = lede + opening + f" \"I was on one of those boats in the seventies,\" {pronoun} said.\n"
        found = [(q.text.split()[0], q.speaker_key) for q in process_article(source, graph=gaz, href=href).quotes]
        assert found == [("We", "ada-moss"), ("I", None)], (opening, found)
    # A named panelist placed so is still named: the pronoun is hers.
    source = lede + ("Oren Vale, in the front row, who had said nothing all afternoon, stood up. "
                     "\"I was on one of those boats,\" he said.\n")
    found = [(q.text.split()[0], q.speaker_key) for q in process_article(source, graph=gaz, href=href).quotes]
    assert found == [("We", "ada-moss"), ("I", "oren-vale")], found


def test_round_thirty_four_a_follow_up_after_the_transcript_that_names_the_interviewee_is_narration():
    # A magazine interview often closes with a paragraph of the writer's: "A week after we
    # spoke, Moss sent a follow-up by email." It says "we" (the publication) and names the
    # interviewee in the third person, which she would not do in her own answer: it is not the
    # last answer running on, and the quotation in it is hers, found as any other.
    gaz = _gazetteer(
        [FilmRef("the-tin-coast-2026", "The Tin Coast", 2026)],
        [PersonRef("ada-moss", "Ada Moss")],
        [CreditRef("the-tin-coast-2026", "ada-moss", "director")],
    )
    turns = ("**Reelside:** How do you shoot the sea at night?\n\n**Ada Moss:** I don't. I shoot a tank.\n\n"
             "**Reelside:** What next?\n\n**Ada Moss:** Sleep. Then a comedy on dry land.\n\n")
    lede = "Ada Moss made *The Tin Coast* on a borrowed boat. We met her in a café by the quay.\n\n"
    for closing in (
        "A week after we spoke, Moss sent a follow-up by email. \"I forgot the most important thing,\" she wrote. "
        "\"The boat was my father's.\"\n",
        "Two days later Ada Moss wrote to us again. \"I forgot the most important thing,\" she wrote.\n",
    ):
        found = [(q.text.split()[0], q.speaker_key, q.kind)
                 for q in process_article(lede + turns + closing, graph=gaz, href=href).quotes]
        assert found == [("I", "ada-moss", "qa"), ("Sleep.", "ada-moss", "qa"),
                         ("I", "ada-moss", "speech")], (closing, found)
    # The interviewee's own closing paragraph, in the first person, still runs on.
    closing = "We laughed about it for weeks, and I still have the call sheet.\n"
    found = [q.text for q in process_article(lede + turns + closing, graph=gaz, href=href).quotes]
    assert found[-1].startswith("Sleep.") and found[-1].endswith("the call sheet."), found


def _mentioned(gaz: Gazetteer, source: str) -> list[tuple[str, str]]:
    return [(m.kind, m.key) for m in process_article(source, graph=gaz, href=href).mentions]


def test_round_thirty_four_a_trade_weekly_or_a_film_monthly_is_a_publication_not_the_film_of_its_name():
    # The trade press is named by how often it comes out: "the trade weekly *Lantern*", "the
    # film monthly *Lantern*", "the daily *Lantern*". Set after such a noun, with a determiner
    # or a trade's word before it, the title is the paper's, as after "the magazine".
    gaz = _gazetteer(
        [FilmRef("the-tin-coast-2026", "The Tin Coast", 2026), FilmRef("lantern-1964", "Lantern", 1964)],
        [PersonRef("ada-moss", "Ada Moss"), PersonRef("ines-roth", "Ines Roth")],
        [CreditRef("the-tin-coast-2026", "ada-moss", "director"), CreditRef("lantern-1964", "ines-roth", "actor")],
    )
    lede = "Ada Moss's *The Tin Coast* sold to six territories on Monday. "
    for outlet in ("the trade weekly *Lantern*", "the film monthly *Lantern*", "the daily *Lantern*"):
        source = lede + f"Said one critic of {outlet} in a review: \"It is a small miracle.\"\n"
        assert ("film", "lantern-1964") not in _mentioned(gaz, source), outlet
    # How often a film plays is no publication: "two daily *Lantern* screenings" is the film.
    source = lede + "The Orpheum adds two daily *Lantern* (1964) screenings for the anniversary.\n"
    assert ("film", "lantern-1964") in _mentioned(gaz, source)


def test_round_thirty_four_a_part_named_in_commas_then_played_in_some_manner_by_an_actor_is_a_character():
    # A review names the part, gives its role in commas, then the actor with a word on the
    # performance between "played" and "by": "Oren Vale, the mine owner, is played with a
    # terrible stillness by Ines Roth." The name is the character's, here and when the review
    # names it again, not the graph person who happens to carry it.
    gaz = _gazetteer(
        [FilmRef("the-tin-coast-2026", "The Tin Coast", 2026), FilmRef("gannet-1961", "Gannet", 1961)],
        [PersonRef("ada-moss", "Ada Moss"), PersonRef("ines-roth", "Ines Roth"), PersonRef("oren-vale", "Oren Vale")],
        [CreditRef("the-tin-coast-2026", "ada-moss", "director"), CreditRef("the-tin-coast-2026", "ines-roth", "actor"),
         CreditRef("gannet-1961", "oren-vale", "actor")],
    )
    for casting in ("is played with a terrible stillness by", "was played, unforgettably, by", "is played by"):
        source = (f"Ada Moss's *The Tin Coast* is set in a tin mine. Oren Vale, the mine owner, {casting} Ines Roth.\n\n"
                  "By the last reel Oren Vale has lost everything.\n")
        found = _mentioned(gaz, source)
        assert ("person", "ines-roth") in found and ("person", "oren-vale") not in found, (casting, found)
    # Credited on a film the article names, the graph person is meant: "Oren Vale, the star of
    # *Gannet*, is played by Ines Roth" in a biopic still names Oren Vale.
    source = ("Ada Moss's *The Tin Coast* is a biopic. Oren Vale, the star of *Gannet* (1961), is played with "
              "great warmth by Ines Roth.\n")
    assert ("person", "oren-vale") in _mentioned(gaz, source)


def test_round_thirty_four_relatives_named_together_before_one_surname_are_each_named():
    # "Piet and Ansel Hulbrook worked the night shift …": brothers named together, the
    # surname written once. The graph holds both and credits them on one film: both are named.
    gaz = _gazetteer(
        [FilmRef("tollgate-2027", "Tollgate Hymns", 2027), FilmRef("the-tin-coast-2026", "The Tin Coast", 2026)],
        [PersonRef("piet-hulbrook", "Piet Hulbrook"), PersonRef("ansel-hulbrook", "Ansel Hulbrook"),
         PersonRef("marit-hulbrook", "Marit Hulbrook"), PersonRef("ada-moss", "Ada Moss"), PersonRef("june-moss", "June Moss")],
        [CreditRef("tollgate-2027", "piet-hulbrook", "director"), CreditRef("tollgate-2027", "ansel-hulbrook", "director"),
         CreditRef("tollgate-2027", "marit-hulbrook", "crew"), CreditRef("the-tin-coast-2026", "ada-moss", "director")],
    )
    people = lambda source: sorted(key for kind, key in _mentioned(gaz, source) if kind == "person")
    assert people("Piet and Ansel Hulbrook filmed *Tollgate Hymns* over eleven years of night shifts.\n") == [
        "ansel-hulbrook", "piet-hulbrook"]
    assert people("Piet, Marit and Ansel Hulbrook filmed *Tollgate Hymns* at night.\n") == [
        "ansel-hulbrook", "marit-hulbrook", "piet-hulbrook"]
    # A given name the family does not hold, or another word before "and", names nobody more;
    # nor does a namesake the graph never credits beside the one named in full.
    assert people("Sheriff and Ansel Hulbrook walked in.\n") == ["ansel-hulbrook"]
    assert people("Oskar and Ansel Hulbrook filmed *Tollgate Hymns*.\n") == ["ansel-hulbrook"]
    assert people("June and Ada Moss made *The Tin Coast*.\n") == ["ada-moss"]


def test_round_thirty_four_a_bare_surname_just_after_another_carrier_was_named_in_full_waits_for_an_editor():
    # A roundup names Ada Moss and calls her "Moss", then, in the next item, June Moss ("no
    # relation") in full; "“…,” Moss said" right after may mean either, whatever the mention
    # finder chose: held for an editor, never on a page unconfirmed.
    gaz = _gazetteer(
        [FilmRef("the-tin-coast-2026", "The Tin Coast", 2026), FilmRef("gannet-2027", "Gannet", 2027)],
        [PersonRef("ada-moss", "Ada Moss"), PersonRef("june-moss", "June Moss"), PersonRef("oren-vale", "Oren Vale")],
        [CreditRef("the-tin-coast-2026", "ada-moss", "actor"), CreditRef("gannet-2027", "june-moss", "actor"),
         CreditRef("gannet-2027", "oren-vale", "director")],
    )
    source = (
        "**Moss boards *The Tin Coast*.** Ada Moss will star in *The Tin Coast*. \"I said yes on the phone,\" Moss said.\n\n"
        "***Gannet* finds its lead.** June Moss, no relation, will lead *Gannet* (2027) for Oren Vale, "
        "who said the search took the spring.\n\n"
        "\"I have never won an argument,\" Moss said in a statement.\n"
    )
    found = [(q.text.split()[1], q.speaker_key, q.confidence >= SURE_CONFIDENCE)
             for q in process_article(source, graph=gaz, href=href).quotes]
    assert found[0] == ("said", "ada-moss", True), found
    assert found[1][0] == "have" and not found[1][2], found
    # A relative a profile introduces as one ("her mother, the actor June Moss") leaves the
    # surname to the one the article is about: still hers, on her page.
    source = (
        "Ada Moss made *The Tin Coast* in a month. \"I said yes on the phone,\" Moss said.\n\n"
        "The film is dedicated to her mother, the actor June Moss, who died in June.\n\n"
        "\"I wrote it before she got ill,\" Moss said.\n"
    )
    found = [(q.text.split()[1], q.speaker_key, q.confidence >= SURE_CONFIDENCE)
             for q in process_article(source, graph=gaz, href=href).quotes]
    assert found == [("said", "ada-moss", True), ("wrote", "ada-moss", True)], found
