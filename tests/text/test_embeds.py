"""Embeds: an allowlisted provider's video or post, behind a facade that loads nothing by itself."""

from __future__ import annotations

import re

import pytest

from newsreel.text.document import parse_document
from newsreel.text.embeds import (
    PROVIDERS, EmbedMedia, embed_for_block, frame_origins, is_player_address, recognize,
)
from newsreel.text.pipeline import process_article
from newsreel.text.sanitize import sanitize_html
from newsreel.text.types import FilmRef, ImageRef, KnowledgeGraph, TextError

TRAILER = "https://www.youtube.com/watch?v=Ab3dEf6hIj9"
POSTER = ImageRef(url="/media/posters/trailer.jpg", alt="Poster frame", credit="Poster frame: YouTube",
                  width=480, height=360)


def html_of(source: str, media: EmbedMedia | None = None) -> str:
    return parse_document(source, films=(FilmRef("anora-2024", "Anora", 2024),), images=lambda _: None,
                          embeds=lambda embed: media).html()


def error_of(source: str) -> TextError:
    with pytest.raises(TextError) as caught:
        html_of(source)
    return caught.value


# Recognising addresses, one provider after another

@pytest.mark.parametrize("url, provider, link, frame", [
    (TRAILER, "youtube", TRAILER, "https://www.youtube-nocookie.com/embed/Ab3dEf6hIj9?autoplay=1"),
    ("https://youtu.be/Ab3dEf6hIj9?t=42", "youtube", TRAILER, "https://www.youtube-nocookie.com/embed/Ab3dEf6hIj9?autoplay=1"),
    ("https://www.youtube.com/shorts/Ab3dEf6hIj9", "youtube", TRAILER, "https://www.youtube-nocookie.com/embed/Ab3dEf6hIj9?autoplay=1"),
    ("https://m.youtube.com/watch?feature=share&v=Ab3dEf6hIj9", "youtube", TRAILER,
     "https://www.youtube-nocookie.com/embed/Ab3dEf6hIj9?autoplay=1"),
    ("https://vimeo.com/76979871", "vimeo", "https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?autoplay=1&dnt=1"),
    ("https://bsky.app/profile/harbor-pictures.bsky.social/post/3kq2xyzabcd2x", "bluesky",
     "https://bsky.app/profile/harbor-pictures.bsky.social/post/3kq2xyzabcd2x",
     "https://embed.bsky.app/embed/harbor-pictures.bsky.social/app.bsky.feed.post/3kq2xyzabcd2x"),
    ("https://mastodon.social/@harborlights/112233445566778899", "mastodon",
     "https://mastodon.social/@harborlights/112233445566778899",
     "https://mastodon.social/@harborlights/112233445566778899/embed"),
    ("https://www.instagram.com/reel/C7xYzAbCdEf/", "instagram", "https://www.instagram.com/reel/C7xYzAbCdEf/",
     "https://www.instagram.com/reel/C7xYzAbCdEf/embed/"),
])
def test_each_providers_addresses_are_recognised(url, provider, link, frame) -> None:
    embed = recognize(url)
    assert embed is not None and (embed.provider, embed.link, embed.frame) == (provider, link, frame)
    assert is_player_address(embed.frame)


@pytest.mark.parametrize("url", [
    "http://www.youtube.com/watch?v=Ab3dEf6hIj9",  # not https
    "https://www.youtube.com/channel/UCabc",  # not a video
    "https://www.youtube.com/watch?v=short",
    "https://example.com/watch?v=Ab3dEf6hIj9",
    "https://mastodon.example/@someone/1234",  # an instance not on the list
    "https://www.youtube.com:8443/watch?v=Ab3dEf6hIj9",
])
def test_other_addresses_are_not_embeds(url) -> None:
    assert recognize(url) is None


def test_players_come_only_from_the_providers_declared_origins() -> None:
    origins = frame_origins()
    assert "https://www.youtube-nocookie.com" in origins and "https://player.vimeo.com" in origins
    for provider in PROVIDERS:
        for host in provider.frame_hosts:
            assert f"https://{host}" in origins
    assert not is_player_address("https://evil.example/embed/x")
    assert not is_player_address("https://www.youtube-nocookie.com/embed/x?autoplay=1\"><script>")


# The facade

def test_a_url_alone_on_its_line_becomes_a_facade_with_a_plain_link_and_no_frame() -> None:
    html = html_of(f"Before.\n\n{TRAILER}\n\nAfter.")
    assert '<figure class="embed embed-video embed-no-poster" data-embed-provider="youtube">' in html
    assert f'<a class="embed-link" href="{TRAILER.replace("&", "&amp;")}"' in html
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/Ab3dEf6hIj9?autoplay=1"' in html
    assert '<span class="embed-provider">YouTube</span>' in html
    assert "<iframe" not in html
    assert "youtube-nocookie" not in re.sub(r'data-embed-src="[^"]*"', "", html)  # nothing the browser fetches


def test_the_facade_shows_the_stored_title_and_our_copy_of_the_poster() -> None:
    html = html_of(TRAILER, EmbedMedia(title="Harbor Lights – Official Trailer", poster=POSTER))
    assert '<img class="embed-poster" src="/media/posters/trailer.jpg" alt="" width="480" height="360"' in html
    assert '<span class="embed-title">Harbor Lights – Official Trailer</span>' in html
    assert "Watch “Harbor Lights – Official Trailer” on YouTube" in html
    assert 'data-embed-title="YouTube video: Harbor Lights – Official Trailer"' in html
    assert "embed-no-poster" not in html


def test_the_block_form_takes_a_caption() -> None:
    html = html_of("::: embed https://vimeo.com/76979871\nThe teaser, *cut for festivals*.\n:::\n")
    assert 'data-embed-provider="vimeo"' in html
    assert '<figcaption><span class="caption">The teaser, <em>cut for festivals</em>.</span></figcaption>' in html


def test_an_embed_inside_a_spoiler_block_stays_inside_its_panel() -> None:
    html = html_of(f":::spoiler anora-2024\n{TRAILER}\n:::\n")
    assert html.index("<details") < html.index('class="embed ') < html.index("</details>")


# Errors in the block form say what and where

@pytest.mark.parametrize("source, line, words", [
    ("Intro.\n\n::: embed https://example.com/video/1\n:::\n", 3, "example.com is not a provider Newsreel embeds"),
    ("::: embed http://vimeo.com/76979871\n:::\n", 1, "embeds load only over https"),
    ("One.\n\nTwo.\n\n::: embed the trailer\n:::\n", 5, "is not a web address"),
    ("::: embed\n:::\n", 1, "needs the address of a video or post"),
    ("::: embed https://www.youtube.com/channel/UCabc\n:::\n", 1, "does not name a single video"),
    (f"::: embed {TRAILER}\n:::spoiler anora-2024\nx\n:::\n:::\n", 2, "an embed's caption cannot hold a :::spoiler block"),
])
def test_block_form_errors_name_the_line(source, line, words) -> None:
    error = error_of(source)
    assert error.line == line
    assert words in error.message


def test_a_bare_url_of_an_unknown_host_stays_a_plain_link() -> None:
    html = html_of("https://example.com/harbor-lights-review")
    assert html.strip() == (
        '<p><a href="https://example.com/harbor-lights-review" rel="noopener">'
        "https://example.com/harbor-lights-review</a></p>"
    )


def test_an_embed_url_inside_a_sentence_is_left_as_text() -> None:
    html = html_of(f"The trailer is at {TRAILER} today.")
    assert "embed" not in html.replace("youtube.com/watch", "")


# Raw HTML cannot smuggle a frame in

def test_raw_iframes_are_still_refused() -> None:
    html = html_of('<iframe src="https://www.youtube-nocookie.com/embed/Ab3dEf6hIj9"></iframe>\n\nText.')
    assert "<iframe" not in html


def test_raw_html_cannot_point_a_facade_at_another_frame() -> None:
    cleaned = sanitize_html(
        '<a class="embed-link" href="https://x.example/" data-embed-src="https://x.example/frame">x</a>'
        '<a class="embed-link" href="https://vimeo.com/1" data-embed-src="https://player.vimeo.com/video/1?autoplay=1&amp;dnt=1">v</a>'
    )
    assert "x.example/frame" not in cleaned
    assert 'data-embed-src="https://player.vimeo.com/video/1?autoplay=1&amp;dnt=1"' in cleaned


# Search, summaries and feeds

def test_summaries_search_text_and_mentions_ignore_embeds_and_feeds_carry_a_link() -> None:
    source = (
        "Ada Varga finished the cut in March.\n\n"
        f"::: embed {TRAILER}\nAda Varga talks about Harbor Lights.\n:::\n"
    )
    processed = process_article(
        source, graph=KnowledgeGraph(), href=lambda kind, key: f"/{kind}/{key}/",
        embeds=lambda embed: EmbedMedia(title="Harbor Lights teaser"),
    )
    assert "teaser" not in processed.safe_text and "talks about" not in processed.safe_text
    assert "youtube" not in processed.safe_text.lower()
    assert processed.summary is not None and "teaser" not in processed.summary.text
    assert [embed.provider for embed in processed.embeds] == ["youtube"]
    assert "data-embed-src" not in processed.feed_html
    assert (f'<p class="embed-link"><a href="{TRAILER}" rel="noopener">Watch “Harbor Lights teaser” on YouTube</a> '
            "Ada Varga talks about Harbor Lights.</p>") in processed.feed_html


def test_block_errors_come_from_the_allowlist_not_from_code_paths() -> None:
    # Every provider's first host is accepted by the block form's host check.
    for provider in PROVIDERS:
        with pytest.raises(TextError) as caught:
            embed_for_block(f"https://{provider.hosts[0]}/", line=7)
        assert caught.value.line == 7 and "does not name a single" in caught.value.message
