"""An article with an embed: the stored page holds the facade and the click-to-load script, no
frame; other pages carry no embed script; the feed and search carry a link and nothing of it."""

from __future__ import annotations

import pytest

from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish

pytestmark = pytest.mark.django_db

TRAILER = "https://www.youtube.com/watch?v=Ab3dEf6hIj9"
SCRIPT = '<script src="/static/public/embeds.js" defer></script>'


@pytest.fixture
def trailer_story(db):
    return save_and_publish(ArticleDraft(
        headline="The Harbor Lights trailer", slug="harbor-trailer",
        body=f"The first trailer for the winter drama.\n\n::: embed {TRAILER}\nThe lighthouse scene.\n:::\n",
    ), origin="test")


def test_the_article_page_holds_the_facade_and_its_script_but_no_frame(client, trailer_story):
    html = client.get("/articles/harbor-trailer/").content.decode()
    assert 'data-embed-provider="youtube"' in html and SCRIPT in html
    assert "<iframe" not in html


def test_a_page_without_embeds_loads_no_embed_script(client, trailer_story):
    save_and_publish(ArticleDraft(headline="Plain news", slug="plain-news", body="Nothing to play."), origin="test")
    assert SCRIPT not in client.get("/articles/plain-news/").content.decode()
    assert SCRIPT not in client.get("/").content.decode()


def test_the_feed_carries_a_link_and_search_does_not_find_the_caption(client, trailer_story):
    feed = client.get("/feed.xml").content.decode()
    assert "Watch the video on YouTube" in feed and "data-embed-src" not in feed
    assert TRAILER.replace("&", "&amp;") in feed or TRAILER in feed
    assert "harbor-trailer" not in client.get("/search/?q=lighthouse").content.decode()
    assert "harbor-trailer" in client.get("/search/?q=winter").content.decode()


def test_the_static_export_carries_the_embed_as_a_link_with_its_script(trailer_story, tmp_path):
    from newsreel.public.export import export_static

    out = tmp_path / "export"
    export_static(out)
    page = (out / "articles" / "harbor-trailer" / "index.html").read_text()
    assert f'<a class="embed-link" href="{TRAILER}"' in page and "<iframe" not in page
    assert (out / "static" / "public" / "embeds.js").is_file()
