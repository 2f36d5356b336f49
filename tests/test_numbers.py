"""Whole numbers from text: ASCII digits that fit the column, or nothing."""

import pytest

from newsreel.numbers import LARGEST_BIG_INTEGER, LARGEST_INTEGER, whole_number


@pytest.mark.parametrize("text, number", [("0", 0), ("7", 7), ("0042", 42), (str(LARGEST_INTEGER), LARGEST_INTEGER)])
def test_ascii_digits_are_the_number_they_spell(text, number):
    assert whole_number(text) == number


@pytest.mark.parametrize("text", [
    None, "", " 7", "7 ", "-7", "+7", "7.0", "1_000", "0x10",
    "²", "٣", "１２", "7²",  # digits to str.isdigit(), not to a person typing an address
    str(LARGEST_INTEGER + 1), "9" * 40,  # no integer column holds them
])
def test_anything_else_is_no_number(text):
    assert whole_number(text) is None


def test_the_largest_allowed_is_the_callers():
    assert whole_number("10000", largest=9999) is None
    assert whole_number(str(LARGEST_BIG_INTEGER), largest=LARGEST_BIG_INTEGER) == LARGEST_BIG_INTEGER
    assert whole_number(str(LARGEST_BIG_INTEGER + 1), largest=LARGEST_BIG_INTEGER) is None
