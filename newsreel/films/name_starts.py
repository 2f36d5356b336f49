"""Where a completion can begin: the folded start of every film title and of every word of every
person's name, one indexed row each (`NameStart`), so that what a writer types is one range of
one index however large the graph is.

"Harbor Li" is folded the way the text core folds names (lower case, accents stripped: "harbor
li") and looked up as the range `"harbor li" <= text < "harbor lj"` of the index on
(kind, text, year DESC). The text column compares code point by code point on both databases
(`CodePointText`), so the range is exactly the names that start with the prefix, read in order
and stopped after the first few: no scan, no sort, at a million names as at ten. A range, not
LIKE or an expression index: SQLite uses neither for a pattern passed as a bound parameter.

Rows are written by the graph's writers: a film's or a person's save (post_save, see
`newsreel.films.apps`), and the bulk writes of an import (`newsreel.films.graph_writes`);
deleting a film or a person deletes its rows (CASCADE).
"""

from __future__ import annotations

from typing import Iterable

from newsreel.films.models import Film, NameStart, Person
from newsreel.text.normalize import fold, tokenize

MAX_TEXT = 300  # the column's length; a completion looks up at most 100 typed characters
CHUNK = 500


def folded(text: str) -> str:
    """`text` as the index holds it, and as a typed prefix is looked up."""
    return fold(text)[:MAX_TEXT]


def starts_of(name: str, *, every_word: bool) -> list[str]:
    """The folded `name` ("ada varga") and, if `every_word`, the name from each later word on ("varga")."""
    tokens = [token for _, _, token in tokenize(name)]
    if not tokens:
        return []
    texts = [" ".join(tokens)[:MAX_TEXT]]
    if every_word:
        for index in range(1, len(tokens)):
            if tokens[index][:1].isalnum():
                text = " ".join(tokens[index:])[:MAX_TEXT]
                if text not in texts:
                    texts.append(text)
    return texts


def film_rows(films: Iterable[tuple[int, str, int | None]]) -> list[NameStart]:
    """Rows for (id, title, year) of films: a title completes from its start."""
    return [NameStart(kind="film", text=text, year=year, film_id=pk)
            for pk, title, year in films for text in starts_of(title, every_word=False)]


def person_rows(people: Iterable[tuple[int, str]]) -> list[NameStart]:
    """Rows for (id, name) of people: a name completes from any of its words (a surname)."""
    return [NameStart(kind="person", text=text, person_id=pk)
            for pk, name in people for text in starts_of(name, every_word=True)]


def rewrite(model: type[Film] | type[Person], ids: Iterable[int], *, fresh: bool = False) -> None:
    """Write the rows of these films or people again from what the database holds now;
    `fresh`: they have no rows yet (just created), nothing to delete."""
    ids = list(ids)
    is_film = model is Film
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        if not fresh:
            NameStart.objects.filter(**{"film_id__in" if is_film else "person_id__in": chunk}).delete()
        if is_film:
            rows = film_rows(Film.objects.filter(pk__in=chunk).values_list("pk", "title", "year"))
        else:
            rows = person_rows(Person.objects.filter(pk__in=chunk).values_list("pk", "name"))
        NameStart.objects.bulk_create(rows, batch_size=CHUNK)


def rewrite_all() -> None:
    """Every row again (the migration that adds the table, and a repair)."""
    NameStart.objects.all().delete()
    for model in (Film, Person):
        rewrite(model, model.objects.order_by("pk").values_list("pk", flat=True).iterator(chunk_size=5000), fresh=True)


def find(kind: str, typed: str, limit: int) -> list[int]:
    """Ids of up to `limit` films or people (`kind`) whose title or name (or, for a person, one of
    whose words) starts with `typed`, in the order of the matching text, same titles newest first."""
    low = folded(typed)
    if not low:
        return []
    high = low[:-1] + chr(min(ord(low[-1]) + 1, 0x10FFFF))
    column = "film_id" if kind == "film" else "person_id"
    rows = (NameStart.objects.filter(kind=kind, text__gte=low, text__lt=high).order_by("text", "-year")
            .values_list(column, flat=True))
    found: list[int] = []
    # A person can match at two words ("Anna Anders" for "an"): read a little further to fill the list.
    for pk in rows[:limit * 2 if kind == "person" else limit]:
        if pk not in found:
            found.append(pk)
    return found[:limit]


def entity_saved(sender: type[Film] | type[Person], instance: Film | Person, created: bool = False, **kwargs) -> None:
    """post_save of a film or a person: its rows again."""
    rewrite(sender, [instance.pk], fresh=created)
