"""Round thirty-five (issue 13): conventions of film journalism behind the errors of
`tests/evalset42` and `tests/evalset43` once they moved to tune, each written for the convention
in several of its common phrasings (ours, not the sets'), not for one set's wording.

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.pipeline import process_article
from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes
from .links import href


_NAMESAKES = _gazetteer(
    [FilmRef("tallow-2019", "Tallow", 2019), FilmRef("the-ash-road-2028", "The Ash Road", 2028)],
    [PersonRef("ada-moss", "Ada Moss"), PersonRef("edmund-quayle", "Edmund Quayle"),
     PersonRef("nora-vell", "Nora Vell")],
    [CreditRef("tallow-2019", "ada-moss", "actor"), CreditRef("tallow-2019", "edmund-quayle", "actor"),
     CreditRef("the-ash-road-2028", "ada-moss", "actor"), CreditRef("the-ash-road-2028", "nora-vell", "director")],
)


@pytest.mark.parametrize("introduced", [
    "adapted from Hester Quayle's 2019 novel",
    "based on Hester Quayle's memoir",
    "from Hester Quayle’s best-selling book",
    "taken from Hester Quayle's short story of the same name",
])
def test_round_thirty_five_a_writer_first_named_in_a_possessive_is_the_surname_alone_later(introduced):
    # An adaptation's author is first named as the owner of the book ("Hester Quayle's novel"),
    # then by the surname alone as a subject. She is not in the graph, which holds another
    # Quayle: her "she said" is hers, nobody's page, not the actor the article is about.
    body = (
        f"Ada Moss will star in *The Ash Road*, {introduced}.\n\n"
        "Nora Vell directs.\n\n"
        "Quayle, whose book has sold widely, said she had played no part in the casting.\n\n"
        "\"I handed over the book and took my hands off the wheel,\" she said in an emailed statement.\n"
    )
    found = _quotes(body, _NAMESAKES, headline="Ada Moss to lead The Ash Road")
    assert [(key, name) for _, key, name, _ in found] == [(None, "Hester Quayle")], found


_SIBLINGS = _gazetteer(
    [FilmRef("tallow-2019", "Tallow", 2019), FilmRef("saltgrass-2026", "Saltgrass", 2026)],
    [PersonRef("delphine-moorcombe", "Delphine Moorcombe"), PersonRef("tobin-moorcombe", "Tobin Moorcombe")],
    [CreditRef("tallow-2019", "delphine-moorcombe", "actor"), CreditRef("saltgrass-2026", "tobin-moorcombe", "actor")],
)


@pytest.mark.parametrize("her, his", [
    ("Delphine Moorcombe, 41,", "Tobin Moorcombe, 29,"),
    ("Delphine Moorcombe (41)", "Tobin Moorcombe (29)"),
    ("Delphine Moorcombe, aged 41,", "Tobin Moorcombe, aged 29,"),
    ("Delphine Moorcombe, who is 41,", "Tobin Moorcombe, who is 29,"),
])
def test_round_thirty_five_the_elder_of_two_namesakes_by_the_ages_the_story_gave(her, his):
    # Wire copy gives each actor's age beside the full name, then tells two unrelated namesakes
    # apart by "the elder X" / "the younger X": the ages say which, held for an editor (two
    # people carry the surname).
    body = (
        f"{her} is best known for *Tallow* (2019).\n\n"
        f"{his} broke out in *Saltgrass* (2026).\n\n"
        "Asked whether they had met before, the elder Moorcombe laughed.\n\n"
        "\"Only in the credits of other people's films,\" she said.\n\n"
        "The younger Moorcombe was more guarded.\n\n"
        "\"We have not even had lunch,\" he said.\n"
    )
    found = _quotes(body, _SIBLINGS)
    assert [key for _, key, _, _ in found] == ["delphine-moorcombe", "tobin-moorcombe"], found
    assert all(confidence < SURE_CONFIDENCE for *_, confidence in found), found


def test_round_thirty_five_ages_that_do_not_tell_two_namesakes_apart_decide_nothing():
    # The same age, or an age for only one of them: "the elder" names nobody for sure.
    body = (
        "Delphine Moorcombe, 41, is best known for *Tallow* (2019).\n\n"
        "Tobin Moorcombe broke out in *Saltgrass* (2026).\n\n"
        "Asked whether they had met before, the elder Moorcombe laughed.\n\n"
        "\"Only in the credits of other people's films,\" she said.\n"
    )
    found = _quotes(body, _SIBLINGS)
    assert all(confidence < SURE_CONFIDENCE for *_, confidence in found), found


_CASTING = _gazetteer(
    [FilmRef("the-cinder-almanac-2028", "The Cinder Almanac", 2028)],
    [PersonRef("ilse-brandvold", "Ilse Brandvold"), PersonRef("delphine-moorcombe", "Delphine Moorcombe")],
    [CreditRef("the-cinder-almanac-2028", "ilse-brandvold", "director"),
     CreditRef("the-cinder-almanac-2028", "delphine-moorcombe", "actor")],
)


@pytest.mark.parametrize("reported", [
    "The two actors met for the first time at a table read last month, she said.",
    "She said the two actors had met for the first time at a table read last month.",
    "She added that the two actors had met at a table read last month.",
    "According to her, the two actors met at a table read last month.",
    "The two actors met at a table read last month, she recalled. Rehearsals begin in May, she said.",
])
def test_round_thirty_five_reported_speech_carries_the_speaker_to_the_next_quotation(reported):
    # Wire copy puts a paragraph of reported speech ("…, she said.") between two quotations of
    # one speaker; the "she said" after it is still hers, not the actor the headline names
    # (held: carried across paragraphs).
    body = (
        "Delphine Moorcombe has been cast in *The Cinder Almanac*.\n\n"
        "\"I wrote her name on the inside cover of my copy,\" Ilse Brandvold told the trade press.\n\n"
        f"{reported}\n\n"
        "\"They spent the first hour arguing about whose grandparents came from where,\" she said.\n"
    )
    found = _quotes(body, _CASTING, headline="Delphine Moorcombe cast in The Cinder Almanac")
    assert [key for _, key, _, _ in found] == ["ilse-brandvold", "ilse-brandvold"], found
    assert found[1][3] < SURE_CONFIDENCE, found


def test_round_thirty_five_reported_speech_that_names_someone_else_carries_nothing():
    # A paragraph between that names another person is not the last speaker's reported speech.
    body = (
        "Delphine Moorcombe has been cast in *The Cinder Almanac*.\n\n"
        "\"I wrote her name on the inside cover of my copy,\" Ilse Brandvold told the trade press.\n\n"
        "Delphine Moorcombe met the cast at a table read last month, she said.\n\n"
        "\"They spent the first hour arguing,\" she said.\n"
    )
    found = _quotes(body, _CASTING, headline="Delphine Moorcombe cast in The Cinder Almanac")
    assert not (found[1][1] == "ilse-brandvold" and found[1][3] >= SURE_CONFIDENCE), found


_AWARDS = _gazetteer(
    [FilmRef("undermarsh-2027", "Undermarsh", 2027), FilmRef("parish-2027", "Parish of Small Saints", 2027)],
    [PersonRef("jonas-wreford", "Jonas Wreford"), PersonRef("saskia-rennard", "Saskia Rennard"),
     PersonRef("mireille-dacosta", "Mireille Dacosta"), PersonRef("oksana-veldt", "Oksana Veldt")],
    [CreditRef("undermarsh-2027", "jonas-wreford", "crew"), CreditRef("undermarsh-2027", "saskia-rennard", "director"),
     CreditRef("parish-2027", "mireille-dacosta", "actor"), CreditRef("parish-2027", "oksana-veldt", "actor")],
)


@pytest.mark.parametrize("lead", [
    "Accepting on behalf of Wreford, the director Saskia Rennard said:",
    "Collecting the prize on behalf of Wreford, the director Saskia Rennard said:",
    "The director Saskia Rennard, who accepted on behalf of Wreford, said:",
    "Speaking on behalf of Wreford, the director Saskia Rennard told the room:",
])
def test_round_thirty_five_one_who_stands_in_for_a_winner_speaks_for_herself(lead):
    # "on behalf of X" says whom the speaker stands in for; unless she reads something out,
    # the words are her own ("he asked me to say nothing"), never X's page.
    body = (
        "Jonas Wreford won best cinematography for *Undermarsh*. Wreford did not travel.\n\n"
        f"{lead} \"He is at home waiting for the right light, and he asked me to say nothing at all.\"\n"
    )
    found = _quotes(body, _AWARDS)
    assert [key for _, key, _, _ in found] == ["saskia-rennard"], found


@pytest.mark.parametrize("lead", [
    "Accepting on her behalf, her co-star Oksana Veldt read a short statement:",
    "Accepting on behalf of Dacosta, her co-star Oksana Veldt read out a message:",
    "Her co-star Oksana Veldt, accepting on her behalf, read her letter:",
    "On behalf of Dacosta, her co-star Oksana Veldt delivered a brief speech:",
])
def test_round_thirty_five_what_a_stand_in_reads_out_is_the_absent_winners(lead):
    # A co-star who accepts for an absent winner and reads a statement reads the winner's
    # words: hers, held for an editor (passed on by another).
    body = (
        "Mireille Dacosta won best actress for *Parish of Small Saints*. Dacosta is filming in "
        "the mountains and could not attend.\n\n"
        f"{lead} \"I am on a mountain with no signal. Thank you, and please look after Oksana.\"\n"
    )
    found = _quotes(body, _AWARDS)
    assert [key for _, key, _, _ in found] == ["mireille-dacosta"], found
    assert found[0][3] < SURE_CONFIDENCE, found


_FAMILY = _gazetteer(
    [FilmRef("the-brass-orchard-2027", "The Brass Orchard", 2027)],
    [PersonRef("yusuf-alderane", "Yusuf Alderane"), PersonRef("samira-alderane", "Samira Alderane"),
     PersonRef("tomas-alderane", "Tomas Alderane")],
    [CreditRef("the-brass-orchard-2027", "yusuf-alderane", "director"),
     CreditRef("the-brass-orchard-2027", "samira-alderane", "crew"),
     CreditRef("the-brass-orchard-2027", "tomas-alderane", "producer")],
)


@pytest.mark.parametrize("relative, pronoun, speaker", [
    ("his sister and editor, Samira Alderane", "he", "yusuf-alderane"),
    ("his sister and longtime editor, Samira Alderane", "he", "yusuf-alderane"),
    ("his sister, the editor Samira Alderane", "he", "yusuf-alderane"),
    ("his brother and producer, Tomas Alderane", "she", None),
])
def test_round_thirty_five_a_relative_who_is_also_a_colleague_is_gendered_by_the_kin_noun(relative, pronoun, speaker):
    # "his sister and editor, X": the kin noun genders X though a job stands between it and the
    # name, so the "he said" after a quotation about her is not hers.
    body = (
        "*The Brass Orchard* won best film.\n\n"
        "\"I want to thank my mother,\" Yusuf Alderane said. "
        f"He also thanked {relative}. \"They cut the scenes I loved most,\" {pronoun} said.\n"
    )
    found = _quotes(body, _FAMILY)
    assert found[0][1] == "yusuf-alderane", found
    if speaker is not None:
        # The sister is never the "he" (before: hers); he, or nobody, held, when unsure.
        assert found[1][1] in (speaker, None) and found[1][1] != "samira-alderane", found
    else:
        # The brother is a "he": the "she" is nobody the paragraph names, never his page.
        assert found[1][1] != "tomas-alderane", found


_PODCAST = _gazetteer(
    [FilmRef("hatchmere-2027", "Hatchmere", 2027), FilmRef("slow-fade-2009", "Slow Fade", 2009)],
    [PersonRef("bettina-caird", "Bettina Caird"), PersonRef("marion-vail", "Marion Vail")],
    [CreditRef("hatchmere-2027", "bettina-caird", "writer"), CreditRef("slow-fade-2009", "marion-vail", "crew")],
)


@pytest.mark.parametrize("outlet", [
    "speaking on the film podcast *The Slow Fade*,",
    "speaking on her podcast, *Slow Fade*,",
    "writing in the newsletter *The Slow Fade*,",
    "in an interview with the magazine *The Slow Fade*,",
])
def test_round_thirty_five_a_publication_named_with_the_or_after_a_comma_is_not_a_film(outlet):
    # A podcast's, newsletter's or magazine's own name may open with "The" the graph's title
    # lacks, or follow its noun after a comma: the publication, not the film, and nobody who
    # speaks (the writer's "she said" stays hers, on her page).
    body = (
        "Bettina Caird wrote *Hatchmere* (2027).\n\n"
        f"Caird, {outlet} went further. \"People keep asking me whether she did the right thing,\" she said.\n"
    )
    processed = process_article(body, graph=_PODCAST, href=href)
    assert {m.key for m in processed.mentions if m.kind == "film"} == {"hatchmere-2027"}
    assert [(q.speaker_key, q.confidence >= SURE_CONFIDENCE) for q in processed.quotes] == [("bettina-caird", True)]
