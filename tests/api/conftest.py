"""API fixtures: the test graph, desk accounts, keys of each kind and a published story that
spoils Harbor Lights."""

from __future__ import annotations

import pytest
from django.test import Client

from newsreel.api.keys import create_key
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish
from tests.desk.conftest import BODY, make_user, png_upload  # noqa: F401 (fixtures reused)
from tests.graph import GRAPH

SPOILER = "In the last scene the lighthouse keeper walks into the sea."


@pytest.fixture
def graph(db):
    from newsreel.films.knowledge import import_knowledge_graph

    import_knowledge_graph(GRAPH)
    return GRAPH


@pytest.fixture
def editor(db):
    return make_user("edith", "editor")


@pytest.fixture
def contributor(db):
    return make_user("carla", "contributor")


@pytest.fixture
def content_key(db) -> str:
    return create_key("Widget", "content", origins=["https://widget.example"]).token


@pytest.fixture
def editor_key(editor) -> str:
    return create_key("Editor's tool", "admin", user=editor).token


@pytest.fixture
def contributor_key(contributor) -> str:
    return create_key("Contributor's tool", "admin", user=contributor).token


@pytest.fixture
def api() -> Client:
    return Client()


@pytest.fixture
def story(graph):
    return save_and_publish(ArticleDraft(headline="Harbor Lights, explained", body=BODY, section="features",
                                         tags=["Drama"], authors=["Nadia Ferro"]), origin="test")


def bearer(token: str) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
