"""The knowledge graph as the text core sees it: plain data, built once and reused.

Building a gazetteer for a large graph is the expensive part, so the built graph is kept
per process and rebuilt only when the films tables change (a cheap fingerprint query).
"""

from __future__ import annotations

import threading

from django.db.models import Count, Max

from newsreel.films.models import Credit, Film, Person
from newsreel.text.types import CreditRef, FilmRef, KnowledgeGraph, PersonRef

_lock = threading.Lock()
_cached: tuple[tuple, KnowledgeGraph, object] | None = None


def _fingerprint() -> tuple:
    films = Film.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    people = Person.objects.aggregate(n=Count("id"), t=Max("updated_at"))
    credits = Credit.objects.aggregate(n=Count("id"), m=Max("id"))
    return (films["n"], films["t"], people["n"], people["t"], credits["n"], credits["m"])


def load_graph() -> KnowledgeGraph:
    """Read every film, person and credit into a KnowledgeGraph (no caching)."""
    films = tuple(
        FilmRef(key=key, title=title, year=year, aliases=tuple(aliases or ()))
        for key, title, year, aliases in Film.objects.values_list("key", "title", "year", "aliases").iterator()
    )
    people = tuple(
        PersonRef(key=key, name=name, aliases=tuple(aliases or ()))
        for key, name, aliases in Person.objects.values_list("key", "name", "aliases").iterator()
    )
    credits = tuple(
        CreditRef(film=film, person=person, role=role, character=character)
        for film, person, role, character in Credit.objects.values_list(
            "film__key", "person__key", "role", "character"
        ).iterator()
    )
    return KnowledgeGraph(films=films, people=people, credits=credits)


def current_graph() -> KnowledgeGraph:
    return _current()[0]


def current_version() -> str:
    """Which graph the text core works with now (changes whenever the films tables do)."""
    _current()
    with _lock:
        return repr(_cached[0]) if _cached is not None else ""


def current_gazetteer():
    """The text core's Gazetteer for the current graph, built once per change."""
    return _current()[1]


def _current() -> tuple[KnowledgeGraph, object]:
    global _cached
    fingerprint = _fingerprint()
    with _lock:
        if _cached is not None and _cached[0] == fingerprint:
            return _cached[1], _cached[2]
    graph = load_graph()
    from newsreel.text.gazetteer import Gazetteer

    gazetteer = Gazetteer.build(graph)
    with _lock:
        _cached = (fingerprint, graph, gazetteer)
    return graph, gazetteer


def forget_graph() -> None:
    global _cached
    with _lock:
        _cached = None
