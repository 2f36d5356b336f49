"""Round sixty (issue 13): conventions found in `tests/evalset92` and `tests/evalset95` once they
moved to tune: a person a colon's lead-in names who is talked about inside the words, a chat
show's host among two guests, several short interviews under their subjects' names, and an
obituary's "career in quotes" sidebar. Each is written for the convention in several of its
phrasings (ours, not the sets').

Runs the whole text core (mentions as `find_mentions` finds them). Every person, film and
quotation here is invented.
"""

from __future__ import annotations

import pytest

from newsreel.text.quotes import SURE_CONFIDENCE
from newsreel.text.types import CreditRef, FilmRef, PersonRef

from .core import gazetteer as _gazetteer, quotes as _quotes

_GRAPH = _gazetteer(
    [FilmRef("the-lamp-tenant-2028", "The Lamp Tenant", 2028), FilmRef("vesper-row-2029", "Vesper Row", 2029),
     FilmRef("tinder-bay-1984", "Tinder Bay", 1984)],
    [PersonRef("oriane-bell", "Oriane Bell"), PersonRef("maud-linder", "Maud Linder"),
     PersonRef("nerys-hallow", "Nerys Hallow"), PersonRef("otis-fair", "Otis Fair"),
     PersonRef("kwabena-ash", "Kwabena Ash"), PersonRef("signe-vard", "Signe Vard"),
     PersonRef("radomir-kess", "Radomir Kess")],
    [CreditRef("the-lamp-tenant-2028", "oriane-bell", "director"), CreditRef("the-lamp-tenant-2028", "maud-linder", "actor"),
     CreditRef("vesper-row-2029", "nerys-hallow", "actor"), CreditRef("vesper-row-2029", "otis-fair", "actor"),
     CreditRef("vesper-row-2029", "kwabena-ash", "director"), CreditRef("vesper-row-2029", "signe-vard", "crew"),
     CreditRef("tinder-bay-1984", "radomir-kess", "director")],
)


def _found(body: str, headline: str = "") -> list[tuple[str, str | None, str | None, float]]:
    return _quotes(body, _GRAPH, headline)


# -- talked about inside the words -----------------------------------------------------------------

@pytest.mark.parametrize("lead", [
    "On draft five, a portrait of her star, Maud Linder, smiling:",
    "Beside the sketch of Maud Linder at the window:",
    "Next to a still of Maud Linder, in green ink:",
])
def test_round_sixty_a_person_talked_about_inside_the_words_does_not_say_them(lead):
    body = (
        "Oriane Bell annotated every draft of the poster for *The Lamp Tenant*. On draft two, she wrote: "
        f"\"A postcard.\" {lead} \"Why is Maud smiling? Maud does not smile until reel six.\""
    )
    found = _found(body)
    assert found[1][1] != "maud-linder" or found[1][3] < SURE_CONFIDENCE, found


def test_round_sixty_a_person_who_names_someone_else_still_says_her_words():
    body = "Maud Linder stars in *The Lamp Tenant*. Maud Linder wrote on the last draft: \"Oriane was right. Leave it dark.\""
    found = _found(body)
    assert [key for _, key, _, _ in found] == ["maud-linder"] and found[0][3] >= SURE_CONFIDENCE, found


# -- a chat show's host ---------------------------------------------------------------------------------

@pytest.mark.parametrize("intro", [
    "*Nightcap with Declan Moss, Friday. Transcript, edited for length.*",
    "*A transcript of the show hosted by Declan Moss.*",
    "*Our host, Declan Moss, with two guests.*",
])
def test_round_sixty_a_chat_shows_host_prompts_and_both_guests_answer(intro):
    body = (
        f"{intro}\n\n"
        "**DECLAN MOSS:** My next guest grew up on film sets. Please welcome Nerys Hallow!\n\n"
        "**NERYS HALLOW:** Hello! It's very bright out here.\n\n"
        "**OTIS FAIR:** Was it a good lighthouse? Be honest.\n\n"
        "**HALLOW:** Awful. The worst in the county.\n\n"
        "**MOSS:** Otis, you're on after the break.\n\n"
        "**FAIR:** I'm on now, Declan. Who wants to see my shoes?\n\n"
        "**HALLOW:** Nobody, Otis. Seriously?\n\n"
        "**FAIR:** Seriously?\n\n"
        "**MOSS:** Nerys Hallow, everybody."
    )
    found = _found(body)
    speakers = [key for _, key, _, _ in found]
    assert "otis-fair" in speakers and None not in speakers, found
    assert all(name != "Declan Moss" for _, _, name, _ in found), found


# -- several short interviews under their subjects' names -------------------------------------------------

def test_round_sixty_each_short_interview_is_its_headings_person():
    body = (
        "*We put five questions to a director and a cinematographer.*\n\n"
        "**Kwabena Ash**\n\n*Director of* Vesper Row\n\n"
        "**1. Why a cannery?**\n\nBecause I worked in one for three summers.\n\n"
        "**2. Is anything in it true?**\n\nThe foreman who sang is true.\n\n"
        "**3. Your mother plays the owner.**\n\nShe auditioned like everyone else.\n\n"
        "**Signe Vard**\n\n*Cinematographer*\n\n"
        "**1. How did you light the night scenes?**\n\nWith the moon when we could.\n\n"
        "**2. What did your mother say?**\n\nShe said it was too bright."
    )
    found = _found(body)
    assert [key for _, key, _, _ in found] == ["kwabena-ash"] * 3 + ["signe-vard"] * 2, found


def test_round_sixty_one_interview_under_one_name_is_read_as_before():
    body = (
        "**Kwabena Ash**\n\n**Why a cannery?**\n\nBecause I worked in one.\n\n**Is it true?**\n\nSome of it.\n\n"
        "**What next?**\n\nSleep."
    )
    assert all(key in ("kwabena-ash", None) for _, key, _, _ in _found(body))


# -- a career in quotes ----------------------------------------------------------------------------------

@pytest.mark.parametrize("outlet", ["*Sightline*", "*Reelhouse* radio", "*Frame Rate* podcast"])
def test_round_sixty_a_career_in_quotes_is_the_subjects_held(outlet):
    body = (
        "Radomir Kess, who directed *Tinder Bay* (1984), has died at 84.\n\n"
        "**CAREER IN QUOTES**\n\n"
        f"**1967, {outlet}:** \"Nobody lends a first-timer a good camera.\"\n\n"
        "**1984, *The Courier*:** \"Fog is cheap. Fog is honest.\"\n\n"
        "**2006, *Sightline*:** \"Young directors ask me about style.\""
    )
    found = _found(body, headline="Radomir Kess, director of fog, dies at 84")
    assert [key for _, key, _, _ in found] == ["radomir-kess"] * 3, found
    assert all(confidence < SURE_CONFIDENCE for *_, confidence in found)
