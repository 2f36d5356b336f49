"""Posters and titles of embeds: fetched once when a story is saved or published, kept in the
image library, and never fetched while a reader reads (nor, here, from the network at all)."""

from __future__ import annotations

import io

import pytest
from PIL import Image as PILImage

from newsreel.embeds import fetcher
from newsreel.embeds.models import EmbedPoster
from newsreel.images.models import Image
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish, save_draft

# Transactional: a fetch never runs inside a transaction (it would hold the database's write
# lock while a provider answers), and an ordinary test runs inside one.
pytestmark = pytest.mark.django_db(transaction=True)

TRAILER = "https://www.youtube.com/watch?v=Ab3dEf6hIj9"


def jpeg(width: int = 480, height: int = 360) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (30, 40, 70)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture
def fetching(settings, tmp_path, monkeypatch):
    """Poster fetching on, the provider replaced by a function that records what it was asked."""
    settings.MEDIA_ROOT = tmp_path
    settings.EMBED_POSTERS = True
    asked: list[str] = []

    def fake(embed):
        asked.append(embed.link)
        return fetcher.Fetched(title="Harbor Lights – Official Trailer", image=jpeg(), image_name="youtube-poster.jpg")
    monkeypatch.setattr(fetcher, "fetch", fake)
    return asked


def story(body: str, slug: str = "trailer-story") -> ArticleDraft:
    return ArticleDraft(headline="The Harbor Lights trailer is out", slug=slug, body=body)


def test_publishing_stores_the_poster_in_the_image_library_and_the_page_shows_our_copy(fetching) -> None:
    article = save_and_publish(story(f"The first trailer.\n\n{TRAILER}\n"))
    poster = EmbedPoster.objects.get(link=TRAILER)
    assert poster.provider == "youtube" and poster.title == "Harbor Lights – Official Trailer"
    image = Image.objects.get(pk=poster.image_id)
    assert image.credit == "Poster frame: YouTube"
    assert image.alt == "Poster frame of Harbor Lights – Official Trailer"
    assert '<img class="embed-poster" src="/media/' in article.body_html
    assert "i.ytimg.com" not in article.body_html and "youtube-nocookie.com/embed" not in article.body_html.split("data-embed-src")[0]
    assert '<span class="embed-title">Harbor Lights – Official Trailer</span>' in article.body_html
    assert fetching == [TRAILER]


def test_a_poster_is_fetched_once_for_every_story_that_embeds_it(fetching) -> None:
    save_and_publish(story(f"{TRAILER}\n", slug="first"))
    save_and_publish(story(f"Again:\n\n{TRAILER}\n", slug="second"))
    assert fetching == [TRAILER]
    assert EmbedPoster.objects.count() == 1


def test_an_import_still_shows_a_stored_poster_and_asks_nothing_of_a_link_without_one(fetching) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from newsreel.embeds.services import nothing_fetched

    save_and_publish(story(f"{TRAILER}\n", slug="fetched-in-the-desk"))
    other = "https://www.youtube.com/watch?v=Zz9yXw8vUt7"
    with nothing_fetched(), CaptureQueriesContext(connection) as queries:
        imported = [save_and_publish(story(f"{link}\n", slug=f"imported-{number}"))
                    for number, link in enumerate([TRAILER, other, other, TRAILER])]
    assert all('<img class="embed-poster" src="/media/' in imported[n].body_html for n in (0, 3))
    assert all("embed-no-poster" in imported[n].body_html for n in (1, 2))
    assert fetching == [TRAILER]
    # Which links have a poster is asked once for the block; only those are read.
    asked = [query["sql"] for query in queries.captured_queries if "embeds_embedposter" in query["sql"]]
    assert len(asked) == 1 + 2


def test_nothing_is_fetched_inside_a_write_transaction(fetching) -> None:
    from django.db import transaction

    with transaction.atomic():
        article = save_and_publish(story(f"{TRAILER}\n"))
    assert fetching == [] and "embed-no-poster" in article.body_html


def test_with_fetching_off_the_facade_has_no_poster_and_nothing_is_asked(settings, monkeypatch) -> None:
    settings.EMBED_POSTERS = False
    monkeypatch.setattr(fetcher, "fetch", lambda embed: pytest.fail("the provider was asked"))
    article = save_and_publish(story(f"{TRAILER}\n"))
    assert 'class="embed embed-video embed-no-poster"' in article.body_html
    assert not EmbedPoster.objects.exists()


def test_a_provider_that_gives_nothing_leaves_a_styled_facade_and_is_asked_again_a_day_later(fetching, monkeypatch) -> None:
    import datetime as dt

    from django.utils import timezone

    monkeypatch.setattr(fetcher, "fetch", lambda embed: fetcher.Fetched())
    article = save_draft(story(f"{TRAILER}\n"))
    assert EmbedPoster.objects.get().image_id is None
    EmbedPoster.objects.update(fetched_at=timezone.now() - dt.timedelta(days=2))
    monkeypatch.setattr(fetcher, "fetch", lambda embed: fetcher.Fetched(title="Later", image=jpeg()))
    published = save_and_publish(story(f"{TRAILER}\n\nNow with a poster."), article=article)
    assert EmbedPoster.objects.get().image_id is not None
    assert '<span class="embed-title">Later</span>' in published.body_html


def test_a_poster_the_image_library_refuses_is_dropped_and_the_story_still_publishes(fetching, monkeypatch) -> None:
    monkeypatch.setattr(fetcher, "fetch", lambda embed: fetcher.Fetched(title="Teaser", image=b"not a picture"))
    article = save_and_publish(story(f"{TRAILER}\n"))
    assert "embed-no-poster" in article.body_html and "Teaser" in article.body_html
    assert not Image.objects.exists()


def test_the_fetcher_asks_oembed_then_the_thumbnail_over_https(monkeypatch, settings) -> None:
    from newsreel.text.embeds import recognize

    asked: list[str] = []

    def fake_get(url, limit):
        asked.append(url)
        if "oembed" in url:
            return b'{"title": "Harbor Lights teaser", "thumbnail_url": "https://i.ytimg.com/vi/Ab3dEf6hIj9/hqdefault.jpg"}'
        return b"JPEG"
    monkeypatch.setattr(fetcher, "_get", fake_get)
    fetched = fetcher.fetch(recognize(TRAILER))
    assert fetched == fetcher.Fetched(title="Harbor Lights teaser", image=b"JPEG", image_name="youtube-poster.jpg")
    assert asked == [
        "https://www.youtube.com/oembed?format=json&url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3DAb3dEf6hIj9",
        "https://i.ytimg.com/vi/Ab3dEf6hIj9/hqdefault.jpg",
    ]


def test_a_bluesky_post_is_titled_by_its_author_when_oembed_gives_no_title(monkeypatch) -> None:
    from newsreel.text.embeds import recognize

    monkeypatch.setattr(fetcher, "_get", lambda url, limit: b'{"author_name": "Harbor Pictures"}' if "oembed" in url else None)
    fetched = fetcher.fetch(recognize("https://bsky.app/profile/harbor.bsky.social/post/3kq2xyzabcd2x"))
    assert fetched == fetcher.Fetched(title="Post by Harbor Pictures", image=None, image_name="bluesky-poster.jpg")
