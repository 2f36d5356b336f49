"""Spoiler blocks: which film a block names, and how spoilers are announced to readers."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from html import escape

from .types import FilmRef, TextError

_TITLE_WITH_YEAR = re.compile(r"^(?P<title>.+?)\s*\((?P<year>\d{4})\)$")
_NOT_WORD = re.compile(r"[\W_]+")


def normalize_title(text: str) -> str:
    """Fold case, accents and punctuation: "Amélie: Le Film" -> "amelie le film"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(_NOT_WORD.sub(" ", bare.casefold()).split())


def resolve_film(reference: str, films: Sequence[FilmRef], *, line: int | None = None) -> FilmRef:
    """The film a spoiler block names: its key, its title or alias, or "Title (Year)".

    Raises TextError when no film or more than one film fits.
    """
    wanted = reference.strip()
    if not wanted:
        raise TextError(
            "a spoiler block must name its film, e.g. ':::spoiler anora-2024' or ':::spoiler Anora'",
            line=line,
        )
    by_key = [film for film in films if film.key.casefold() == wanted.casefold()]
    if by_key:
        return by_key[0]
    candidates = _films_by_title(wanted, films)
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        raise TextError(_ambiguous_message(wanted, candidates), line=line)
    raise TextError(_unknown_message(wanted, films), line=line)


def _films_by_title(wanted: str, films: Sequence[FilmRef]) -> list[FilmRef]:
    with_year = _TITLE_WITH_YEAR.match(wanted)
    title, year = (with_year.group("title"), int(with_year.group("year"))) if with_year else (wanted, None)
    normalized = normalize_title(title)
    return [
        film
        for film in films
        if normalized in _film_names(film) and (year is None or film.year == year)
    ]


def _film_names(film: FilmRef) -> set[str]:
    return {normalize_title(name) for name in (film.title, *film.aliases)}


def _ambiguous_message(wanted: str, candidates: Sequence[FilmRef]) -> str:
    listed = ", ".join(f"{film.key} ({film.display})" for film in candidates)
    return (
        f'"{wanted}" could be any of {len(candidates)} films: {listed}; '
        f"name the film by its key instead, e.g. ':::spoiler {candidates[0].key}'"
    )


def _unknown_message(wanted: str, films: Sequence[FilmRef]) -> str:
    message = f'unknown film "{wanted}" in spoiler block'
    suggestions = suggest_films(wanted, films)
    if suggestions:
        listed = ", ".join(f"{film.display} (key {film.key})" for film in suggestions)
        return f"{message}; did you mean {listed}?"
    return f"{message}; name a film from the knowledge graph by its key (e.g. anora-2024) or its title"


def suggest_films(wanted: str, films: Sequence[FilmRef], *, limit: int = 3) -> list[FilmRef]:
    """Films whose key, title or alias is close to `wanted`, best first."""
    title = _TITLE_WITH_YEAR.match(wanted.strip())
    probe = normalize_title(title.group("title") if title else wanted)
    names: dict[str, FilmRef] = {}
    for film in films:
        names.setdefault(normalize_title(film.key), film)
        for name in _film_names(film):
            names.setdefault(name, film)
    close = difflib.get_close_matches(probe, list(names), n=limit * 3, cutoff=0.6)
    found: list[FilmRef] = []
    for name in close:
        if names[name] not in found:
            found.append(names[name])
    return found[:limit]


def film_label_html(film: FilmRef) -> str:
    """`<cite>Anora</cite> (2024)`."""
    year = f" ({film.year})" if film.year else ""
    return f"<cite>{escape(film.title)}</cite>{year}"


def spoiler_note(films: Sequence[FilmRef]) -> tuple[str, str]:
    """The note above an article with spoilers, as (plain text, html).

    "This story includes spoilers for Anora (2024) and Dune (2021)."
    """
    unique = _unique_by_key(films)
    if not unique:
        return "", ""
    text = f"This story includes spoilers for {_join_names([film.display for film in unique])}."
    html = f"This story includes spoilers for {_join_names([film_label_html(film) for film in unique])}."
    return text, html


def _unique_by_key(films: Sequence[FilmRef]) -> list[FilmRef]:
    seen: set[str] = set()
    unique: list[FilmRef] = []
    for film in films:
        if film.key not in seen:
            seen.add(film.key)
            unique.append(film)
    return unique


def _join_names(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return f"{', '.join(names[:-1])}, and {names[-1]}"


def spoiler_summary_html(film: FilmRef) -> str:
    """The always-visible line of an interactive spoiler block."""
    return (
        f'<summary class="spoiler-summary"><span class="spoiler-label">Spoilers for '
        f'{film_label_html(film)}</span> <span class="spoiler-reveal">Reveal</span></summary>'
    )


def spoiler_notice_html(film: FilmRef, article_url: str) -> str:
    """What feeds show instead of a spoiler block: the film, and where to read on."""
    link = f' <a href="{escape(article_url)}">Read it on the article page.</a>' if article_url else ""
    return (
        f'<p class="spoiler-notice" data-film="{escape(film.key)}">A passage with spoilers for '
        f"{film_label_html(film)} is hidden here.{link}</p>\n"
    )
