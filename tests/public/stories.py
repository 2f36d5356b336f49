"""Stories published the way the newsroom publishes them, for the navigation, related and
spoiler-control specs: a small invented knowledge graph and `story(...)`."""

from __future__ import annotations

import datetime as dt

import pytest

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Section
from newsreel.newsroom.publishing import save_and_publish

from tests.graph import GRAPH


SPOILER = "the lighthouse keeper walks into the sea"
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def films(db):
    # A transactional test database starts without the sections the migrations create.
    Section.objects.get_or_create(slug="news", defaults={"name": "News", "order": 1})
    import_knowledge_graph(GRAPH)
    return GRAPH


def story(headline: str, *, hours: float = 0, at: dt.datetime | None = None, body: str = "", section: str = "news",
          tags: list[str] | None = None, authors: list[str] | None = None, **fields) -> Article:
    """Publish a story `hours` after T0 (or `at`) through the newsroom's one intake."""
    draft = ArticleDraft(
        headline=headline, body=body or f"{headline}.\n", section=section, tags=tags or [],
        authors=authors if authors is not None else ["Nadia Ferro"],
        publish_at=at or T0 + dt.timedelta(hours=hours), **fields,
    )
    return save_and_publish(draft, origin="test")


def harbor_body(lead: str = "Ada Varga has finished *Harbor Lights*.") -> str:
    """A story about Harbor Lights with a spoiler block for it."""
    return f"{lead}\n\n:::spoiler harbor-lights-2025\nIn the last scene {SPOILER}.\n:::\n"
