"""The words typed into a desk list's search box (films, people, pictures)."""

from __future__ import annotations

from django.http import HttpRequest

# Longer than any title or credit a person searches for; SQLite refuses a LIKE pattern over
# 50,000 bytes ("LIKE or GLOB pattern too complex"), which a pasted page of text would make.
LONGEST_SEARCH = 200
# Each word of a picture search joins the tag tables again; SQLite joins at most 64 tables.
MOST_WORDS = 8


def search_words(request: HttpRequest, name: str = "q") -> str:
    """The box's words with their spacing collapsed, cut to LONGEST_SEARCH characters; control
    characters (a NUL, which PostgreSQL refuses in any text) are spaces."""
    typed = "".join(char if char.isprintable() else " " for char in request.GET.get(name, ""))
    return " ".join(typed.split())[:LONGEST_SEARCH].strip()


def words_of(query: str) -> list[str]:
    """The query's distinct words, the first MOST_WORDS of them (every one must match)."""
    return list(dict.fromkeys(query.split()))[:MOST_WORDS]
