"""Stories for the feed, sitemap and robots specs, published through the newsroom's own intake."""

from __future__ import annotations

import pytest

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article
from newsreel.newsroom.publishing import save_and_publish

from tests.graph import GRAPH


SPOILER_SENTENCE = "The keeper rows out alone and never comes back to the lamp room"


@pytest.fixture
def knowledge(db):
    """Three invented films and their people, imported as a newsroom would."""
    import_knowledge_graph(GRAPH)
    return GRAPH


def spoiler_story(**overrides) -> ArticleDraft:
    """A News story about Harbor Lights with one spoiler block; Glass Meridian and Lena Osei
    are named only inside that block (a surprise cameo)."""
    values = dict(
        headline="Ada Varga on the ending of Harbor Lights",
        slug="varga-harbor-lights-ending",
        body=(
            "Ada Varga talked to us about *Harbor Lights* and its long winter shoot.\n\n"
            ":::spoiler harbor-lights-2025\n"
            f"{SPOILER_SENTENCE}. Lena Osei turns up as the pilot from *Glass Meridian*.\n"
            ":::\n\n"
            "Tomas Ilic plays Jonah, the keeper's brother.\n"
        ),
        section="news", tags=["Drama"], authors=["Nadia Ferro"],
    )
    values.update(overrides)
    return ArticleDraft(**values)


def plain_story(slug: str, headline: str, **overrides) -> ArticleDraft:
    values = dict(
        headline=headline, slug=slug, body=f"Tomas Ilic spoke about *The Paper Orchard*. {headline}.\n",
        section="reviews", film="paper-orchard-2023", tags=["Streaming"], authors=["Omar Reyes"],
    )
    values.update(overrides)
    return ArticleDraft(**values)


def publish(draft: ArticleDraft) -> Article:
    return save_and_publish(draft)
