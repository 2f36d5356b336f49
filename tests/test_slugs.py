"""Slugs for names and headlines in any script (newsreel.slugs)."""

from __future__ import annotations

import pytest

from newsreel.slugs import slug_of


@pytest.mark.parametrize(("text", "slug"), [
    ("Agnès Varda retrospective", "agnes-varda-retrospective"),  # what slugify made, kept
    ("Festival 2027", "festival-2027"),
    ("远征手记", "yuanzhengshouji"),
    ("한국 영화", "hangug-yeonghwa"),
    ("Фестиваль кино", "festival-kino"),
    ("Ἀθήνα", "athina"),
])
def test_latin_text_keeps_its_slug_and_other_scripts_are_transliterated(text, slug):
    assert slug_of(text) == slug


def test_text_without_letters_or_digits_has_no_slug():
    assert slug_of("!!! — …") == ""
