"""A small site with every part a reader meets, for the accessibility and HTML validity specs:
a hero photo, a figure with caption and credit, a spoiler block, a film page with credits
and coverage, and search results. Published through the newsroom's one intake."""

from __future__ import annotations

import io
from types import SimpleNamespace

from django.core.files.base import ContentFile

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Section
from newsreel.newsroom.publishing import save_and_publish
from newsreel.public.models import SiteSettings
from tests.public.stories import GRAPH, T0

SEARCH_QUERY = "lighthouse"


def photo(name: str, colour: tuple[int, int, int], alt: str, credit: str):
    from PIL import Image as PILImage

    from newsreel.images.services import create_image

    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), colour).save(buffer, "JPEG")
    return create_image(ContentFile(buffer.getvalue(), name=name), alt=alt, credit=credit)


def publish_quality_site() -> SimpleNamespace:
    """Publish the site; returns the paths of the pages the specs check."""
    import datetime as dt

    settings = SiteSettings.current()
    settings.name = "The Projection Booth"
    settings.tagline = "Invented film news for tests"
    settings.social_links = [{"name": "Mastodon", "url": "https://social.example/@booth"}]
    settings.save()
    Section.objects.get_or_create(slug="news", defaults={"name": "News", "order": 1})
    Section.objects.get_or_create(slug="reviews", defaults={"name": "Reviews", "order": 2})
    import_knowledge_graph(GRAPH)
    hero = photo("keeper.jpg", (40, 60, 90), "A lighthouse in snow at dusk", "Courtesy Invented Pictures")
    booth = photo("booth.jpg", (90, 60, 40), "A projector in an empty booth", "Photo: Newsreel Tests")
    body = (
        "Ada Varga has finished *Harbor Lights*, a winter story about a lighthouse keeper.\n\n"
        "> \"It took the whole winter to find the ending,\" Ada Varga said.\n\n"
        f':::figure credit="Photo: Newsreel Tests"\n![A projector in an empty booth](image:{booth.pk})\n'
        "The booth where the first cut was screened.\n:::\n\n"
        "Tomas Ilic plays Jonah, the keeper's brother.\n\n"
        ":::spoiler harbor-lights-2025\nIn the last scene the lighthouse keeper walks into the sea.\n:::\n\n"
        "The film opens in theaters this autumn.\n"
    )
    article = save_and_publish(ArticleDraft(
        headline="Harbor Lights wraps its winter shoot at the lighthouse", body=body, slug="harbor-lights-wraps",
        dek="Ada Varga on a film made in the snow", section="news", tags=["Drama"], authors=["Nadia Ferro"],
        hero_image=hero.pk, publish_at=T0,
        sources=[{"name": "Interview with the Harbor Gazette", "url": "https://gazette.example/varga"}],
    ), origin="test")
    for hours, headline in enumerate(["Tomas Ilic joins The Paper Orchard", "Salt Meridian finds its lighthouse"], 1):
        save_and_publish(ArticleDraft(
            headline=headline, body=f"{headline}, a story about *Harbor Lights* and a lighthouse.\n",
            section="reviews" if hours == 2 else "news", authors=["Nadia Ferro"],
            film="harbor-lights-2025" if hours == 2 else "",
            publish_at=T0 + dt.timedelta(hours=hours),
        ), origin="test")
    return SimpleNamespace(
        home="/",
        article=article.get_absolute_url(),
        film="/films/harbor-lights-2025/",
        search=f"/search/?q={SEARCH_QUERY}",
    )


PAGE_NAMES = ("home", "article", "film", "search")
