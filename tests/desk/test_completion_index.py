"""The editor's completions read one index (newsreel.films.name_starts): what they find and in
what order, the rows every writer of the graph keeps, and the plans both databases use for it."""

import pytest
from django.db import connection, transaction

from newsreel.desk import writing
from newsreel.films import name_starts
from newsreel.films.knowledge import import_knowledge_graph
from newsreel.films.models import Film, NameStart, Person
from newsreel.newsroom import graph_edits

from tests.graph import NAMES_STARTING_ALIKE as GRAPH

from .conftest import make_user

pytestmark = pytest.mark.django_db


def labels(typed: str, kinds=None) -> list[str]:
    return [f"{item.kind}:{item.key}" for item in writing.complete(typed, kinds)[1]]


def rows(entity) -> list[str]:
    column = "film" if isinstance(entity, Film) else "person"
    return sorted(NameStart.objects.filter(**{column: entity}).values_list("text", flat=True))


def test_a_title_completes_from_its_start_exact_first_and_same_titles_newest_first(db):
    import_knowledge_graph(GRAPH)
    # Exact first (newest first), then the shortest, as before the index.
    assert labels("We saw mARROW", {"film"}) == ["film:marrow-2021", "film:marrow-1984", "film:marrows-of-salt-2019",
                                               "film:marrow-part-two-2024"]
    assert labels("Marrow: P", {"film"}) == ["film:marrow-part-two-2024"]
    assert labels("Part Two", {"film"}) == []  # a title completes from its first word only
    assert labels("Orve", {"film"}) == labels("Orvé", {"film"}) == ["film:orvelie-2001"]  # accents folded


def test_a_name_completes_from_any_of_its_words(db):
    import_knowledge_graph(GRAPH)
    # The shortest name first, as before the index.
    assert labels("Var", {"person"}) == ["person:ada-varga", "person:varda-okafor", "person:jean-luc-varin"]
    assert labels("with Luc Va", {"person"}) == ["person:jean-luc-varin"]
    assert labels("Okafor") == ["person:varda-okafor"]
    assert writing.complete("Zzz") == ("", [])


def test_every_writer_of_the_graph_keeps_the_rows(db):
    import_knowledge_graph(GRAPH)
    ada = Person.objects.get(key="ada-varga")
    assert rows(ada) == ["ada varga", "varga"]
    assert rows(Film.objects.get(key="marrow-part-two-2024")) == ["marrow : part two"]
    # An import that renames, and one that changes nothing else about the name.
    import_knowledge_graph({**GRAPH, "people": [{"key": "ada-varga", "name": "Ada Varga-Lind"}]})
    assert rows(ada) == ["ada varga - lind", "lind", "varga - lind"]
    import_knowledge_graph({**GRAPH, "people": [{"key": "ada-varga", "name": "Ada Varga-Lind", "bio": "Director."}]})
    assert rows(ada) == ["ada varga - lind", "lind", "varga - lind"]
    # The desk: a film added from the panel, a film renamed on its page, a merge.
    editor = make_user("edith", "editor")
    added = graph_edits.add_named("film", "Salt Road", year=2026, user=editor)
    assert labels("Salt R") == [f"film:{added.key}"]
    film = Film.objects.get(key="marrows-of-salt-2019")
    film.title = "Marrows of Sand"
    film.save()
    assert rows(film) == ["marrows of sand"]
    film.delete()
    assert labels("Marrows of") == []
    varda = Person.objects.get(key="varda-okafor")
    dropped = varda.pk
    graph_edits.merge(ada, varda, user=editor)
    assert not NameStart.objects.filter(person_id=dropped).exists() and labels("Okafor") == []
    # Rewriting every row (the migration's way) gives the same rows the writers keep.
    kept = sorted(NameStart.objects.values_list("kind", "text", "year", "film_id", "person_id"))
    name_starts.rewrite_all()
    assert sorted(NameStart.objects.values_list("kind", "text", "year", "film_id", "person_id")) == kept


def _plan(sql: str, params) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            return "\n".join(row[-1] for row in cursor.fetchall())
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("kind", ["film", "person"])
def test_a_completion_is_one_range_of_the_index_read_in_order(db, kind):
    import_knowledge_graph(GRAPH)
    column = "film_id" if kind == "film" else "person_id"
    query = (NameStart.objects.filter(kind=kind, text__gte="ma", text__lt="mb").order_by("text", "-year")
             .values_list(column, flat=True)[:8])
    sql, params = query.query.sql_with_params()  # bound parameters, as Django sends them
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # a table this small is read whole otherwise
                cursor.execute("SET LOCAL enable_seqscan = off")
        plan = _plan(sql, params)
    assert "films_name_start" in plan, plan
    if connection.vendor == "sqlite":
        assert "SEARCH" in plan and "text>? AND text<?" in plan and "TEMP B-TREE" not in plan, plan
    else:
        assert "Index Cond" in plan and "Sort" not in plan, plan
