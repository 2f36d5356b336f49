"""Knowledge-graph import: validated whole, written all or nothing, re-import updates by key."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.films.knowledge import KnowledgeGraphError, import_knowledge_graph
from newsreel.films.models import Credit, Film, Person
from tests.graph import GRAPH

pytestmark = pytest.mark.django_db

FILMS, PEOPLE, CREDITS = (len(GRAPH[part]) for part in ("films", "people", "credits"))


def test_import_creates_films_people_and_credits():
    result = import_knowledge_graph(GRAPH)
    film = Film.objects.get(key="harbor-lights-2025")
    assert film.title == "Harbor Lights" and film.year == 2025 and film.status == "in theaters"
    assert film.aliases == ["Harbour Lights"]
    assert Person.objects.count() == PEOPLE
    assert Credit.objects.get(film=film, role="actor").character == "Jonah"
    assert (result.films_created, result.people_created, result.credits) == (FILMS, PEOPLE, CREDITS)


def test_reimport_updates_by_key_without_duplicates():
    import_knowledge_graph(GRAPH)
    changed = json.loads(json.dumps(GRAPH))
    changed["films"][0]["status"] = "streaming"
    result = import_knowledge_graph(changed)
    assert Film.objects.count() == FILMS and Credit.objects.count() == CREDITS
    assert Film.objects.get(key="harbor-lights-2025").status == "streaming"
    assert result.films_updated == 1


def test_wrong_type_is_named_by_json_path_and_nothing_is_written():
    bad = json.loads(json.dumps(GRAPH))
    bad["films"].append({"key": "second-2024", "title": "Second", "year": "2024"})
    with pytest.raises(KnowledgeGraphError) as raised:
        import_knowledge_graph(bad)
    assert f"films[{FILMS}].year" in str(raised.value)
    assert Film.objects.count() == 0 and Person.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "path"),
    [
        (lambda g: g["people"][0].pop("name"), "people[0].name: is required"),
        (lambda g: g["credits"][0].update(role="gaffer"), "credits[0].role"),
        (lambda g: g["credits"][1].update(film="nowhere-1999"), "credits[1].film"),
        (lambda g: g["credits"].append({"film": "harbor-lights-2025", "person": "ada-varga", "role": "crew"}), f"credits[{CREDITS}].job"),
        (lambda g: g["films"][0].update(key="Harbor Lights"), "films[0].key"),
        (lambda g: g["films"][0].update(release_date="18/10/2025"), "films[0].release_date"),
        (lambda g: g["films"][0].update(status="playing"), "films[0].status"),
        (lambda g: g["people"].append({"key": "ada-varga", "name": "Other"}), f"people[{PEOPLE}].key"),
        (lambda g: g.update(films={"key": "x"}), "films: must be a list"),
    ],
)
def test_each_problem_names_its_place(change, path):
    graph = json.loads(json.dumps(GRAPH))
    change(graph)
    with pytest.raises(KnowledgeGraphError) as raised:
        import_knowledge_graph(graph)
    assert path in str(raised.value)


def test_command_reports_invalid_json_with_line(tmp_path):
    file = tmp_path / "kb.json"
    file.write_text('{"films": [\n  {"key": "a",}\n]}')
    with pytest.raises(CommandError, match=r"line 2"):
        call_command("import_kb", str(file))


def test_command_imports_a_file(tmp_path, capsys):
    file = tmp_path / "kb.json"
    file.write_text(json.dumps(GRAPH))
    call_command("import_kb", str(file))
    assert f"films: {FILMS} new" in capsys.readouterr().out
