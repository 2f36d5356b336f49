"""Round forty-eight (issue 13): conventions found in `tests/evalset70` and `tests/evalset71` once
they moved to tune: a quotation the text goes on to say was somebody else's (a corrections
column, a retraction), heirs named by a surname, an actor's "line" on a set, and a namesake whose
disclaimer names the graph person. Each is written for the convention in several of its phrasings
(ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

SHOWN = 0.8  # a quote on a graph speaker at this confidence or more goes on the person's page


_SET = _gazetteer(
    [FilmRef("the-weir-2031", "The Weir", 2031)],
    [PersonRef("maren-holt", "Maren Holt"), PersonRef("tobias-quill", "Tobias Quill"),
     PersonRef("ada-strand", "Ada Strand"), PersonRef("odo-marwick", "Odo Marwick")],
    [CreditRef("the-weir-2031", "maren-holt", "actor"), CreditRef("the-weir-2031", "tobias-quill", "actor"),
     CreditRef("the-weir-2031", "ada-strand", "director"), CreditRef("the-weir-2031", "odo-marwick", "actor")],
)


@pytest.mark.parametrize("correction", [
    "In fact the words were those of her co-star, Tobias Quill.",
    "The remark was made by her co-star, Tobias Quill.",
    "Those words were Tobias Quill's, not hers.",
    "It was said by her co-star, Tobias Quill, and we apologise to both.",
])
def test_round_forty_eight_a_quote_the_text_says_was_someone_elses_leaves_the_first_speaker(correction):
    # A corrections column repeats the words it had put in the wrong mouth, then says whose they
    # were: never on the page of the one it first named.
    body = ("**A quote given to the wrong co-star.** An interview about The Weir said that Maren Holt told us: "
            f"“I have played his sister three times now.” {correction}")
    found = _quotes(body, _SET)
    assert len(found) == 1 and found[0][1] != "maren-holt", found
    assert found[0][1] in (None, "tobias-quill"), found


@pytest.mark.parametrize("correction", [
    "That is a line spoken by his character in the film.",
    "Those words came from a statement issued by the distributor.",
    "The remark was made by a member of the audience.",
    "Mr Marwick did not say this.",
])
def test_round_forty_eight_a_quote_disowned_without_a_new_speaker_is_nobodys(correction):
    body = f"Our report from the festival quoted Odo Marwick as saying: “Nobody crosses this bridge twice.” {correction}"
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found] == [("Nobody", None)], found


def test_round_forty_eight_a_speakers_own_words_after_a_correction_stay_theirs():
    # The correction's own quotation, with its own attribution, is the person's.
    body = ("Our report quoted Ada Strand as saying: “We would rather be late.” Those words came from a statement "
            "issued by the distributor. She has asked us to add: “I am relaxed about the date.”")
    found = _quotes(body, _SET)
    assert [k for _, k, _, _ in found] == [None, "ada-strand"], found


def test_round_forty_eight_an_ordinary_in_fact_is_no_correction():
    body = "“I never wanted to direct,” Ada Strand said. In fact she had directed three films by thirty."
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found] == [("I", "ada-strand")] and found[0][3] >= SHOWN, found


@pytest.mark.parametrize("group", ["The Marwick children", "The Marwick family", "The Marwick estate"])
def test_round_forty_eight_heirs_named_by_a_surname_are_not_the_person(group):
    body = (f"Odo Marwick's costumes go under the hammer on Friday. {group}, who are selling, said in a statement: "
            "“He would have hated to see these in a museum.”")
    found = _quotes(body, _SET)
    assert [(w, k) for w, k, _, _ in found] == [("He", None)], found


@pytest.mark.parametrize("lead", [
    "By take nine Maren Holt had her line down to a whisper, and I could hear it from the bank:",
    "Maren Holt ran his line with him between set-ups:",
])
def test_round_forty_eight_an_actors_line_on_a_set_is_never_sure(lead):
    body = f"The jetty scene took all afternoon. {lead} “If the ferry doesn't come, we walk.”"
    found = _quotes(body, _SET)
    assert len(found) == 1 and (found[0][1] is None or found[0][3] < SHOWN), found


@pytest.mark.parametrize("intro", [
    "Tam Holt is no relation to Maren Holt, who plays the widow, but the crew have stopped believing him.",
    "Tam Holt, no relation to the film's star Maren Holt, runs the clapperboard.",
])
def test_round_forty_eight_the_graph_person_named_in_the_disclaimer_does_not_take_the_surname_back(intro):
    # The only naming of the graph person in the paragraph is the disclaimer itself: the bare
    # surname after it is still in doubt (round forty-six), never sure for her page.
    body = f"{intro} He slated the shot from a rowing boat. “The board floats,” Holt said. “I checked.”"
    found = _quotes(body, _SET)
    assert found and all(k != "maren-holt" or c < SHOWN for _, k, _, c in found), found


def test_round_forty_eight_a_disclaimer_after_a_long_paragraph_still_sets_the_namesake_apart():
    # The disclaimer opens its paragraph, after a long caption: whether "Maren Holt" is the
    # namesake set apart is read in her own paragraph, not in the caption before it. The graph
    # actor named in full later (a caption below) does not take the surname back.
    body = ("*Tam Holt, the clapper loader, slates scene 114 from a rowing boat on the last morning of the "
            "jetty shoot, with the tide already over the second step. Photo: Nell Ash*\n\n"
            "Tam Holt is no relation to Maren Holt, who plays the widow, but the crew have stopped believing him. "
            "He shook his head. “The board floats,” Holt said. “I checked.”\n\n"
            "*Maren Holt waits out a rain delay in the wardrobe van. Photo: Nell Ash*")
    found = _quotes(body, _SET)
    assert found and all(k != "maren-holt" for _, k, _, _ in found), found


_PLACES = _gazetteer(
    [FilmRef("night-ferry-2016", "Night Ferry", 2016), FilmRef("continuous-2021", "Continuous", 2021),
     FilmRef("the-weir-2031", "The Weir", 2031)],
    [PersonRef("ada-strand", "Ada Strand")],
    [CreditRef("the-weir-2031", "ada-strand", "director")],
)


def _films(body: str, gaz) -> list[str]:
    from .core import process
    return [m.key for m in process(body, gaz).mentions if m.kind == "film"]


@pytest.mark.parametrize("heading", [
    "EXT. NIGHT FERRY — UPPER DECK — NIGHT",
    "INT./EXT. NIGHT FERRY — CONTINUOUS",
    "INT. NIGHT FERRY CABIN - CONTINUOUS",
])
def test_round_forty_eight_a_screenplays_scene_heading_names_no_film(heading):
    body = (f"Ada Strand wrote *The Weir* in a caravan. Here is the scene as shot.\n\n> {heading}\n>\n"
            "> Wind. Spray. RENATA grips the rail.\n>\n> CUT TO:")
    assert _films(body, _PLACES) == ["the-weir-2031"]


def test_round_forty_eight_a_title_in_capitals_in_prose_is_still_the_film():
    body = "Ada Strand loved NIGHT FERRY as a child. EXT. shots were hard, she said."
    assert "night-ferry-2016" in _films(body, _PLACES)


_DIRECTORS = _gazetteer(
    [FilmRef("wintering-2032", "Wintering", 2032), FilmRef("gorse-2032", "Gorse", 2032)],
    [PersonRef("ingrid-tallis", "Ingrid Tallis"), PersonRef("matthew-pender", "Matthew Pender")],
    [CreditRef("wintering-2032", "ingrid-tallis", "director"), CreditRef("gorse-2032", "matthew-pender", "director")],
)


def test_round_forty_eight_two_directors_interviewing_each_other_both_speak_on_the_record():
    body = ("Ingrid Tallis and Matthew Pender open films within a week of each other. We left them with a recorder.\n\n"
            "**Pender:** I'll go first. Why is there no music in Wintering?\n\n"
            "**Tallis:** Because every time we laid some in, the film told people what to feel.\n\n"
            "**Pender:** We used all of ours. Possibly too much.\n\n"
            "**Tallis:** You always do. Why does Gorse end at dawn?\n\n"
            "**Pender:** Because the money ran out at dawn.\n\n"
            "**Tallis:** That is the most honest answer I have heard this year.")
    found = [(w, k) for w, k, _, _ in _quotes(body, _DIRECTORS)]
    assert [k for _, k in found] == ["matthew-pender", "ingrid-tallis"] * 3, found


def test_round_forty_eight_a_journalist_who_asks_is_still_the_interviewer():
    body = ("Ingrid Tallis spoke to Nell Ash about Wintering.\n\n"
            "**Ash:** Why is there no music?\n\n"
            "**Tallis:** Because every time we laid some in, the film told people what to feel.\n\n"
            "**Ash:** Did your composer mind?\n\n"
            "**Tallis:** He still speaks to me.")
    found = [k for _, k, _, _ in _quotes(body, _DIRECTORS)]
    assert found == ["ingrid-tallis", "ingrid-tallis"], found
