"""Every limit the database puts on an article's fields, checked before anything is written.

Column lengths come from the models themselves, so a migration that changes one changes
the check. Text that no database can store (NUL, lone surrogates) and a body over
`NEWSREEL_BODY_MAX_BYTES` are refused here too, so SQLite and PostgreSQL answer alike:
with a FieldError naming the field, never with a database error.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

from newsreel.newsroom.models import Author, Tag
from newsreel.newsroom.problems import FieldError
from newsreel.slugs import slug_of
from newsreel.text.characters import character_problem, length_problem

# A database id: PostgreSQL's bigint (and SQLite's integer) stop at 2**63 - 1.
MAX_ID = 2**63 - 1
NAME_LIMITS = {
    "tags": (Tag._meta.get_field("name").max_length, Tag._meta.get_field("slug").max_length),
    "authors": (Author._meta.get_field("name").max_length, Author._meta.get_field("slug").max_length),
}


def text_problem(field: str, value: str, limit: int | None = None) -> FieldError | None:
    """A FieldError if `value` holds unstorable characters or is longer than `limit`."""
    problem = character_problem(value) or (length_problem(value, limit) if limit else None)
    return FieldError(field, problem) if problem else None


def body_problem(body: str) -> FieldError | None:
    found = text_problem("body", body)
    if found:
        return found
    size = len(body.encode("utf-8"))
    if size > settings.BODY_MAX_BYTES:
        return FieldError("body", f"is {size:,} bytes; the limit is {settings.BODY_MAX_BYTES:,} "
                                  "(NEWSREEL_BODY_MAX_BYTES): split the story or raise the limit")
    return None


def name_problem(kind: str, index: int, name: str) -> FieldError | None:
    """A tag's or byline's name must fit its column, and so must the slug made from it."""
    name_limit, slug_limit = NAME_LIMITS[kind]
    found = text_problem(f"{kind}[{index}]", name, name_limit)
    if found:
        return FieldError(found.field, f"{name[:40]!r}… {found.message}" if len(name) > 40 else f"{name!r} {found.message}")
    slug = slug_of(name)
    if len(slug) > slug_limit:
        return FieldError(f"{kind}[{index}]", f"{name[:40]!r}… makes an address of {len(slug)} characters; "
                                              f"the limit is {slug_limit}")
    return None


def id_problem(field: str, value: Any) -> FieldError | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= MAX_ID:
        return FieldError(field, f"{value!r} is not an image id")
    return None


def nested_text_problems(field: str, value: Any) -> list[FieldError]:
    """Unstorable characters anywhere in JSON-like data (sources, link overrides), by path."""
    problems: list[FieldError] = []
    if isinstance(value, str):
        problem = character_problem(value)
        if problem:
            problems.append(FieldError(field, problem))
    elif isinstance(value, dict):
        for key, item in value.items():
            problems += nested_text_problems(f"{field}.{key}", str(key)) if isinstance(key, str) else []
            problems += nested_text_problems(f"{field}.{key}", item)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            problems += nested_text_problems(f"{field}[{index}]", item)
    return problems
