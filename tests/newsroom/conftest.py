import pytest

from newsreel.films.knowledge import import_knowledge_graph

SMALL_GRAPH = {
    "films": [
        {"key": "harbor-lights-2025", "title": "Harbor Lights", "year": 2025, "distributor": "Kestrel Films",
         "status": "in theaters"},
        {"key": "paper-orchard-2023", "title": "The Paper Orchard", "year": 2023},
    ],
    "people": [{"key": "ada-varga", "name": "Ada Varga"}, {"key": "tomas-ilic", "name": "Tomas Ilic"}],
    "credits": [
        {"film": "harbor-lights-2025", "person": "ada-varga", "role": "director"},
        {"film": "harbor-lights-2025", "person": "tomas-ilic", "role": "actor", "character": "Jonah"},
    ],
}


@pytest.fixture
def small_graph(db):
    import_knowledge_graph(SMALL_GRAPH)
    return SMALL_GRAPH
