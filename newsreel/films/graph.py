"""The knowledge graph as the text core sees it: plain data, built once and reused.

Building a gazetteer for a large graph is the expensive part, so the built graph is kept
per process and rebuilt only when the films tables change (a cheap fingerprint query).
"""

from __future__ import annotations

import contextvars
import threading
from contextlib import contextmanager
from typing import Iterator

from django.db.models import Count, Max

from newsreel.films.models import Credit, Film, Person
from newsreel.text.types import CreditRef, FilmRef, KnowledgeGraph, PersonRef

_lock = threading.Lock()
_cached: tuple[tuple, KnowledgeGraph, object] | None = None
# Inside `one_graph()`: the graph first found there, so one request asks the database whether
# the graph changed once instead of at every look-up (the editor's refresh made fifteen).
_pinned: contextvars.ContextVar[tuple[tuple, KnowledgeGraph, object] | None] = contextvars.ContextVar(
    "newsreel_graph_pinned", default=None)
_pinning: contextvars.ContextVar[bool] = contextvars.ContextVar("newsreel_graph_pinning", default=False)


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
    pinned = _pinned.get()
    if pinned is not None:
        return repr(pinned[0])
    _current()
    with _lock:
        return repr(_cached[0]) if _cached is not None else ""


@contextmanager
def one_graph() -> Iterator[None]:
    """Within the block, every look-up sees the graph as it was at the first one (a request's
    worth of work: one fingerprint query instead of one per look-up). Nests."""
    if _pinning.get():
        yield
        return
    token, pin = _pinning.set(True), _pinned.set(None)
    try:
        yield
    finally:
        _pinned.reset(pin)
        _pinning.reset(token)


def current_gazetteer():
    """The text core's Gazetteer for the current graph, built once per change."""
    return _current()[1]


def _current() -> tuple[KnowledgeGraph, object]:
    global _cached
    pinned = _pinned.get()
    if pinned is not None:
        return pinned[1], pinned[2]
    fingerprint = _fingerprint()
    with _lock:
        found = _cached if _cached is not None and _cached[0] == fingerprint else None
    if found is None:
        graph = load_graph()
        from newsreel.text.gazetteer import Gazetteer

        found = (fingerprint, graph, Gazetteer.build(graph))
        with _lock:
            _cached = found
    if _pinning.get():
        _pinned.set(found)
    return found[1], found[2]


def forget_graph() -> None:
    global _cached
    with _lock:
        _cached = None
    _pinned.set(None)
