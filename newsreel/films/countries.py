"""Countries of film releases: ISO 3166-1 alpha-2 codes, checked and named with pycountry
(the maintained copy of the ISO list), so "UK" or "XX" is refused with the rule."""

from __future__ import annotations

from functools import lru_cache

import pycountry


@lru_cache(maxsize=512)
def country_code(value: str) -> str | None:
    """The alpha-2 code for `value` (a code in any case, e.g. "fr"), or None when it is none."""
    text = (value or "").strip()
    if len(text) != 2 or not text.isalpha():
        return None
    found = pycountry.countries.get(alpha_2=text.upper())
    return found.alpha_2 if found else None


def country_problem(value: str) -> str:
    """Why `value` is not a release country ("" when it is one, or empty for worldwide)."""
    if not (value or "").strip() or country_code(value):
        return ""
    hint = ""
    try:
        guess = pycountry.countries.lookup(value.strip())
    except LookupError:
        guess = None
    if guess is not None:
        hint = f"; did you mean {guess.alpha_2} ({guess.name})?"
    elif value.strip().upper() == "UK":
        hint = "; the United Kingdom is GB"
    return f"“{value}” is not an ISO 3166-1 country code (two letters, e.g. US, FR, GB){hint}"


def country_name(code: str) -> str:
    """The country's short name ("France"), "Worldwide" for none."""
    if not code:
        return "Worldwide"
    found = pycountry.countries.get(alpha_2=code.upper())
    return getattr(found, "common_name", None) or (found.name if found else code)
