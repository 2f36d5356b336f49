"""Content for the reader's site tests, built the way the newsroom stores it.

`publish` and `unpublish` change an Article's live fields and send the newsroom's signals
with the same keyword arguments `newsreel.newsroom.publishing` sends, so these tests
exercise exactly what the public site receives.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from newsreel.films.models import Credit, Film, Person
from newsreel.newsroom.models import Article, Author, Byline, Mention, Quote, Section, Tag, WorkflowState
from newsreel.newsroom.signals import article_published, article_unpublished
from newsreel.public.models import SiteSettings
from newsreel.public.pages.queries import neighbours

SPOILER = "the lighthouse keeper walks into the sea"
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def graph(db):
    """Two invented films, their people and credits."""
    harbor = Film.objects.create(key="harbor-lights-2025", title="Harbor Lights", year=2025, status="in theaters",
                                 distributor="Kestrel Films", synopsis="A keeper of a lighthouse waits out a winter.",
                                 release_date=dt.date(2025, 10, 17), imdb_id="tt9990001")
    orchard = Film.objects.create(key="paper-orchard-2023", title="The Paper Orchard", year=2023, status="streaming",
                                  distributor="Lanternfish")
    ada = Person.objects.create(key="ada-varga", name="Ada Varga", bio="Ada Varga is a director from an invented port town.")
    tomas = Person.objects.create(key="tomas-ilic", name="Tomas Ilic")
    mira = Person.objects.create(key="mira-sol", name="Mira Sol")
    Credit.objects.create(film=harbor, person=ada, role="director")
    Credit.objects.create(film=harbor, person=ada, role="writer")
    Credit.objects.create(film=harbor, person=tomas, role="actor", character="Jonah", order=1)
    Credit.objects.create(film=harbor, person=mira, role="crew", job="Cinematographer")
    Credit.objects.create(film=orchard, person=tomas, role="actor", character="The Gardener")
    return SimpleNamespace(harbor=harbor, orchard=orchard, ada=ada, tomas=tomas, mira=mira)


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


@pytest.fixture
def make_article(db, graph, news):
    """An article with the text core's derived fields filled in (not yet published)."""
    counter = iter(range(1, 1000))

    def make(headline: str | None = None, *, spoiler: bool = True, section: Section | None = news, **fields) -> Article:
        n = next(counter)
        headline = headline or f"Ada Varga talks Harbor Lights, part {n}"
        body_html = "<p>Ada Varga has finished <em>Harbor Lights</em>.</p>\n"
        if spoiler:
            body_html += spoiler_html("harbor-lights-2025", "Harbor Lights", f"In the last scene {SPOILER}.")
        values = dict(
            headline=headline, slug=fields.pop("slug", None) or f"story-{n}", dek="A director on her winter shoot",
            body="(markdown)", body_html=body_html, section=section,
            safe_text="Ada Varga has finished Harbor Lights.",
            generated_summary="Ada Varga has finished Harbor Lights, her first feature in six years.",
            meta_description="Ada Varga has finished Harbor Lights.",
            spoiler_films=["harbor-lights-2025"] if spoiler else [],
            spoiler_note="This story includes spoilers for Harbor Lights (2025)." if spoiler else "",
            reading_minutes=4, word_count=800,
            sources=[{"name": "Interview with the Harbor Gazette", "url": "https://gazette.example/varga"}],
        )
        values.update(fields)
        article = Article.objects.create(**values)
        author, _ = Author.objects.get_or_create(slug="nadia-ferro", defaults={"name": "Nadia Ferro"})
        Byline.objects.create(article=article, author=author, order=0)
        tag, _ = Tag.objects.get_or_create(slug="drama", defaults={"name": "Drama"})
        article.tags.add(tag)
        Mention.objects.create(article=article, film=graph.harbor, start=26, end=39, surface="Harbor Lights")
        Mention.objects.create(article=article, person=graph.ada, start=0, end=9, surface="Ada Varga")
        Quote.objects.create(article=article, person=graph.ada, text="It took the whole winter to find the ending",
                             position=50, confidence=0.95)
        return article

    return make


def snapshot(article: Article) -> SimpleNamespace:
    """What readers saw before a change, as the newsroom's ArticleSnapshot holds it."""
    previous, following = neighbours(article)
    return SimpleNamespace(
        id=article.pk, slug=article.slug, section_id=article.section_id,
        tag_ids=frozenset(article.tags.values_list("id", flat=True)),
        author_ids=frozenset(article.authors.values_list("id", flat=True)),
        film_keys=frozenset(article.mentions.filter(film__isnull=False).values_list("film__key", flat=True)),
        person_keys=frozenset(article.mentions.filter(person__isnull=False).values_list("person__key", flat=True)),
        neighbour_ids=(previous.pk if previous else None, following.pk if following else None),
    )


@pytest.fixture
def publish(db):
    """Make an article live at `at` and send article_published as the newsroom does."""
    clock = iter(T0 + dt.timedelta(hours=i) for i in range(1000))

    def publish(article: Article, at: dt.datetime | None = None, derive=None, **changes) -> Article:
        """`derive(article)` stands in for the text core re-deriving mentions and quotes."""
        fresh = Article.objects.get(pk=article.pk)  # the snapshot sees what readers saw
        previous = snapshot(fresh) if fresh.is_live else None
        if derive is not None:
            derive(article)
        for name, value in changes.items():
            setattr(article, name, value)
        article.published_at = at or (article.published_at if article.is_live else None) or next(clock)
        article.first_published_at = article.first_published_at or timezone.now()
        article.state = WorkflowState.PUBLISHED
        article.save()
        article_published.send(sender=Article, article=article, previous=previous)
        return article

    return publish


@pytest.fixture
def unpublish(db):
    def unpublish(article: Article) -> Article:
        previous = snapshot(article)
        article.state = WorkflowState.UNPUBLISHED
        article.save()
        article_unpublished.send(sender=Article, article=article, previous=previous)
        return article

    return unpublish
