"""Content for the reader's site tests, made by the newsroom itself.

`make_article` saves a story through the intake, `publish` and `unpublish` go through
`newsreel.newsroom.publishing`: every derived field (HTML, mentions, quotes, spoiler films,
summary) comes from the text core and the public site hears the newsroom's own signals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from types import SimpleNamespace

import pytest

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.films.models import Film, Person
from newsreel.newsroom import publishing
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Section
from newsreel.newsroom.publishing import draft_for, save_draft
from newsreel.public.models import SiteSettings
from tests.graph import READER_PAGES_GRAPH

SPOILER = "the lighthouse keeper walks into the sea"
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def graph(db, django_capture_on_commit_callbacks):
    """The shared invented graph with what the reader's pages show (tests/graph.py), through the
    knowledge graph's own import."""
    with django_capture_on_commit_callbacks(execute=True):  # committed, as `news` is
        import_knowledge_graph(READER_PAGES_GRAPH)
    films = {film.key: film for film in Film.objects.all()}
    people = {person.key: person for person in Person.objects.all()}
    return SimpleNamespace(harbor=films["harbor-lights-2025"], orchard=films["paper-orchard-2023"],
                           ada=people["ada-varga"], tomas=people["tomas-ilic"], mira=people["mira-sol"])


@pytest.fixture
def hero_image(db, settings, tmp_path):
    """A 1600x900 photo uploaded through the images service (renditions included)."""
    import io

    from django.core.files.base import ContentFile
    from PIL import Image as PILImage

    from newsreel.images.services import create_image

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (40, 60, 90)).save(buffer, "JPEG")
    return create_image(ContentFile(buffer.getvalue(), name="keeper.jpg"), alt="A lighthouse in snow",
                        credit="Courtesy Invented Pictures")


@pytest.fixture
def news(db, django_capture_on_commit_callbacks):
    # The newsroom's migrations may already have made the standard sections. The changes
    # are committed as far as the site can tell (their on-commit work runs now), so no
    # test starts with a pending "render everything" of its set-up.
    with django_capture_on_commit_callbacks(execute=True):
        Section.objects.get_or_create(slug="reviews", defaults={"name": "Reviews", "order": 2})
        return Section.objects.get_or_create(slug="news", defaults={"name": "News", "order": 1})[0]


@pytest.fixture
def site(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # committed, as `news` is
        settings = SiteSettings.current()
        settings.name = "The Projection Booth"
        settings.tagline = "Invented film news for tests"
        settings.social_links = [{"name": "Mastodon", "url": "https://social.example/@booth"}]
        settings.save()
    return settings


def spoiler_html(film_key: str, title: str, text: str) -> str:
    return (
        f'<details class="spoiler" data-film="{film_key}">\n<summary class="spoiler-summary">'
        f'<span class="spoiler-label">Spoilers for <cite>{title}</cite></span> '
        f'<span class="spoiler-reveal">Reveal</span></summary>\n<div class="spoiler-body">\n<p>{text}</p>\n</div>\n</details>\n'
    )


LEAD = "Ada Varga has finished *Harbor Lights*."
QUOTE = "It took the whole winter to find the ending"


def story_body(lead: str = LEAD, *, spoiler: bool = True, in_spoiler: str = "") -> str:
    """The Markdown of a story about Harbor Lights: the lead, a quotation from Ada Varga and,
    unless `spoiler` is False, a spoiler block for the film (ending with `in_spoiler`)."""
    body = f'{lead}\n\n"{QUOTE}," Ada Varga said of the shoot.\n'
    if spoiler:
        body += f"\n:::spoiler harbor-lights-2025\nIn the last scene {SPOILER}.{in_spoiler}\n:::\n"
    return body


# A story that names no film and no person.
PLAIN_BODY = "A note on the weather at the pier, where the gulls outnumber the tourists.\n"


@pytest.fixture
def make_article(db, graph, news):
    """A story saved through the newsroom's intake (not yet published): the text core derives
    its HTML, mentions, quotes, spoiler films and summary, as it does for every story."""
    counter = iter(range(1, 1000))

    def make(headline: str | None = None, *, spoiler: bool = True, section: Section | None = news,
             slug: str | None = None, hero_image=None, body: str | None = None, tags: list[str] | None = None,
             **fields) -> Article:
        """`body` is the story's Markdown (by default `story_body()`); `fields` go to the draft."""
        n = next(counter)
        if section is not None and section.slug == "reviews":
            fields.setdefault("film", "harbor-lights-2025")  # a review names its film; these stories are about it
        draft = ArticleDraft(
            headline=headline or f"Ada Varga talks Harbor Lights, part {n}", body=body or story_body(spoiler=spoiler),
            slug=slug or f"story-{n}", dek="A director on her winter shoot", section=section.slug if section else "",
            tags=["Drama"] if tags is None else tags, authors=["Nadia Ferro"],
            hero_image=hero_image.pk if hero_image else None,
            sources=[{"name": "Interview with the Harbor Gazette", "url": "https://gazette.example/varga"}], **fields,
        )
        return save_draft(draft, origin="test")

    return make


@pytest.fixture
def publish(db):
    """Publish a story through the newsroom (`publishing.publish`), at `at` or at the next
    hour after T0 (a story live already keeps its time). `changes` (headline, slug, section,
    body...) are saved first as a new revision, as an editor would."""
    clock = iter(T0 + dt.timedelta(hours=i) for i in range(1000))

    def publish(article: Article, at: dt.datetime | None = None, **changes) -> Article:
        if "section" in changes:
            changes["section"] = changes["section"].slug if changes["section"] else ""
        if changes:
            save_draft(dataclasses.replace(draft_for(article), **changes), article=article, origin="test")
        article.refresh_from_db()
        when = at or (article.published_at if article.is_live else None) or next(clock)
        publishing.publish(article, at=when)
        article.refresh_from_db()
        return article

    return publish


@pytest.fixture
def unpublish(db):
    def unpublish(article: Article) -> Article:
        publishing.unpublish(article)
        article.refresh_from_db()
        return article

    return unpublish
