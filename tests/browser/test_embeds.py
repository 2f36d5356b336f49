"""Embeds in Chromium: the page asks no provider for anything until the reader loads a player
(every request recorded), the player then loads under the page's Content-Security-Policy, the
facade works from the keyboard, the plain link works without JavaScript, and axe finds no
violation on a page with three embeds. Providers are never reached: their answers are faked."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from newsreel.embeds.models import EmbedPoster
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish
from newsreel.text.embeds import PROVIDERS
from tests.browser.test_accessibility import AXE_RUN, VIEWS, axe_source  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TRAILER = "https://www.youtube.com/watch?v=Ab3dEf6hIj9"
TEASER = "https://vimeo.com/76979871"
POST = "https://bsky.app/profile/harbor-pictures.bsky.social/post/3kq2xyzabcd2x"
PROVIDER_HOSTS = {host for provider in PROVIDERS for host in (*provider.hosts, *provider.frame_hosts)} | {"i.ytimg.com"}
PLAY = "Play “Harbor Lights – Official Trailer” here (loads YouTube, which may set cookies)"


@pytest.fixture
def three_embeds(settings, tmp_path):
    """A story with a YouTube trailer (poster stored), a Vimeo teaser (no poster) and a Bluesky post."""
    from PIL import Image as PILImage

    from newsreel.images.services import create_image

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PILImage.new("RGB", (480, 360), (20, 30, 60)).save(buffer, "JPEG")
    poster = create_image(ContentFile(buffer.getvalue(), name="poster.jpg"),
                          alt="Poster frame of Harbor Lights – Official Trailer", credit="Poster frame: YouTube")
    EmbedPoster.objects.create(link=TRAILER, provider="youtube", title="Harbor Lights – Official Trailer",
                               image=poster, fetched_at=timezone.now())
    body = (
        "The first trailer for the invented winter drama is out.\n\n"
        f"{TRAILER}\n\n"
        "A shorter teaser went to festivals.\n\n"
        f"{TEASER}\n\n"
        f"::: embed {POST}\nThe studio's announcement.\n:::\n\n"
        "The film opens in the autumn.\n"
    )
    save_and_publish(ArticleDraft(headline="Harbor Lights: the trailer", slug="harbor-trailer", body=body), origin="test")
    return "/articles/harbor-trailer/"


def fake_provider(route) -> None:
    route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>player</title><p>player loaded</p>")


def test_the_page_asks_no_provider_until_the_reader_loads_the_player(live_server, chromium, three_embeds):
    context = chromium.new_context()
    requested: list[str] = []
    try:
        context.route(lambda url: urlsplit(url).hostname in PROVIDER_HOSTS, fake_provider)
        page = context.new_page()
        page.on("request", lambda request: requested.append(request.url))
        violations: list[str] = []
        page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
        page.goto(live_server.url + three_embeds)
        page.wait_for_load_state("networkidle")
        assert {urlsplit(url).netloc for url in requested} == {urlsplit(live_server.url).netloc}
        assert page.locator("iframe").count() == 0

        page.get_by_role("button", name=PLAY).click()
        player = page.locator("iframe.embed-player")
        assert player.get_attribute("src") == "https://www.youtube-nocookie.com/embed/Ab3dEf6hIj9?autoplay=1"
        assert player.get_attribute("title") == "YouTube video: Harbor Lights – Official Trailer"
        page.frame_locator("iframe.embed-player").get_by_text("player loaded").wait_for()
        assert violations == []  # the page's frame-src allowed it
        loaded = [url for url in requested if urlsplit(url).netloc != urlsplit(live_server.url).netloc]
        assert loaded == ["https://www.youtube-nocookie.com/embed/Ab3dEf6hIj9?autoplay=1"]  # that player only
    finally:
        context.close()


def test_the_policy_refuses_a_frame_from_any_other_host(live_server, chromium, three_embeds):
    context = chromium.new_context()
    try:
        context.route("https://frames.example/**", fake_provider)
        page = context.new_page()
        refused: list[str] = []
        page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text else None)
        page.goto(live_server.url + three_embeds)
        page.evaluate("""() => { const f = document.createElement("iframe"); f.src = "https://frames.example/x";
                                 document.body.appendChild(f); }""")
        page.wait_for_timeout(500)
        assert any("frame-src" in text for text in refused)
    finally:
        context.close()


def test_the_facade_is_reached_and_played_from_the_keyboard(live_server, chromium, three_embeds):
    context = chromium.new_context()
    try:
        context.route(lambda url: urlsplit(url).hostname in PROVIDER_HOSTS, fake_provider)
        page = context.new_page()
        page.goto(live_server.url + three_embeds)
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.className") == "embed-play":
                break
        assert page.evaluate("document.activeElement.textContent") == PLAY
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.className") == "embed-player"  # focus moves to the player
    finally:
        context.close()


def test_without_javascript_each_embed_is_a_plain_link(live_server, chromium, three_embeds):
    context = chromium.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + three_embeds)
        assert page.locator(".embed-play").count() == 0
        links = page.locator("a.embed-link")
        assert [links.nth(i).get_attribute("href") for i in range(3)] == [TRAILER, TEASER, POST]
        assert links.nth(0).inner_text() == "Watch “Harbor Lights – Official Trailer” on YouTube"
    finally:
        context.close()


@pytest.mark.parametrize("view", ["light", "dark", "320px"])
def test_axe_finds_no_violation_on_a_page_with_three_embeds(live_server, chromium, axe_source, three_embeds, view):  # noqa: F811
    context = chromium.new_context(bypass_csp=True, **VIEWS[view])
    try:
        page = context.new_page()
        page.goto(live_server.url + three_embeds)
        assert page.locator(".embed-play").count() == 3
        page.add_script_tag(content=axe_source)
        assert page.evaluate(AXE_RUN) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= VIEWS[view]["viewport"]["width"]
    finally:
        context.close()
