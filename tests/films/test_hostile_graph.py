"""Knowledge-graph files written to break the import get a message with the file, never a traceback."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.films.knowledge import KnowledgeGraphError, import_knowledge_graph
from newsreel.films.models import Film, Person
from tests.graph import GRAPH

pytestmark = pytest.mark.django_db


def film(**fields):
    """The shared graph's first film alone, with `fields` written over it."""
    return {"films": [{**GRAPH["films"][0], **fields}]}


def test_a_title_of_spaces_is_refused():
    with pytest.raises(KnowledgeGraphError, match=r"films\[0\]\.title: is only spaces"):
        import_knowledge_graph(film(title="   "))
    assert not Film.objects.exists()


def test_a_nul_in_a_name_is_refused_with_its_path():
    with pytest.raises(KnowledgeGraphError, match=r"people\[0\]\.name: contains a NUL"):
        import_knowledge_graph({"people": [{**GRAPH["people"][0], "name": "Ada\x00Varga"}]})
    assert not Person.objects.exists()


def test_a_nul_or_overlong_alias_is_refused():
    with pytest.raises(KnowledgeGraphError) as raised:
        import_knowledge_graph(film(aliases=["Har\x00bor", "x" * 301]))
    assert "aliases[0]" in str(raised.value) and "aliases[1]" in str(raised.value)


def test_a_huge_year_is_refused():
    with pytest.raises(KnowledgeGraphError, match="year"):
        import_knowledge_graph(film(year=10**40))


@pytest.mark.parametrize("text, message", [
    ("[" * 100_000 + "]" * 100_000, "line 1, column 500: nested too deep: more than 500 levels of arrays and objects "
                                    "inside one another here; a knowledge graph needs a few"),
    ('{"films": [{"key": "a", "title": "A", "year": ' + "9" * 5000 + "}]}",
     "line 1, column 47: a number with more than 4,300 digits (5,000); no field of a knowledge graph needs one"),
    ('{"films": [{"key": "a", "title": "A", "year": NaN}]}',
     "line 1, column 47: NaN is not a JSON value (JavaScript writes it for a number that is not one); write null or a "
     "number"),
])
def test_deep_json_and_huge_integers_name_the_file_line_and_column(tmp_path, text, message):
    path = tmp_path / "graph.json"
    path.write_text(text)
    with pytest.raises(CommandError) as raised:
        call_command("import_kb", str(path))
    assert str(raised.value).startswith(f"{path}, {message}") and str(raised.value).endswith("Nothing was imported.")
