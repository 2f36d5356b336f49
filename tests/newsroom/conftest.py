import pytest

from newsreel.films.knowledge import import_knowledge_graph

from tests.graph import GRAPH as SMALL_GRAPH


@pytest.fixture
def small_graph(db):
    import_knowledge_graph(SMALL_GRAPH)
    return SMALL_GRAPH
