"""Every response carries the Content-Security-Policy, stored pages through the fast path too,
and no page or template holds inline script the policy would have to allow."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsreel.content_security import policy
from newsreel.public.models import StoredPage

from .stories import films, harbor_body, story  # noqa: F401  (fixture)
from .test_fastpath import ARTICLE, call, django_app, fast, stored  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2] / "newsreel"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/ld\+json)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.IGNORECASE)


def directive(name: str) -> str:
    return next(part.strip() for part in policy().split(";") if part.strip().startswith(name + " "))


def test_the_policy_allows_only_our_own_scripts_and_styles():
    assert directive("script-src") == "script-src 'self'"
    assert directive("style-src") == "style-src 'self'"
    assert directive("object-src") == "object-src 'none'" and directive("base-uri") == "base-uri 'none'"
    assert directive("frame-ancestors") == "frame-ancestors 'none'"


def test_frames_come_only_from_the_embed_providers_players():
    from newsreel.text.embeds import frame_origins

    sources = directive("frame-src").split()[1:]
    assert sources == list(frame_origins())
    assert "https://www.youtube-nocookie.com" in sources and "https://player.vimeo.com" in sources
    assert all(source.startswith("https://") and "*" not in source for source in sources)


def test_a_stored_page_has_the_same_policy_through_the_fast_path_and_django(fast, django_app, stored):  # noqa: F811
    _, by_fast, _ = call(fast, ARTICLE)
    _, by_django, _ = call(django_app, ARTICLE)
    assert fast.app.calls == 0
    assert by_fast["content-security-policy"] == by_django["content-security-policy"] == policy()


@pytest.mark.parametrize("path", ["/desk/login/", "/search/?q=x", "/no-such-page/", "/feed.xml"])
def test_django_answers_carry_the_policy(client, path):
    assert client.get(path)["Content-Security-Policy"] == policy()


def test_no_template_has_inline_script_or_event_handlers():
    for template in ROOT.rglob("templates/**/*.html"):
        text = template.read_text()
        assert not INLINE_SCRIPT.search(text), f"{template}: move the script to a static file"
        assert not EVENT_HANDLER.search(text), f"{template}: an on...= handler needs 'unsafe-inline'"


def test_no_stored_page_of_a_published_site_has_inline_script(client, films):
    story("Harbor Lights ends its run", body=harbor_body() + "\n<script>alert(1)</script>\n", slug="harbor-ends")
    for path in ("/", "/articles/harbor-ends/", "/films/harbor-lights-2025/", "/sections/news/"):
        client.get(path)
    pages = StoredPage.objects.filter(content_type__startswith="text/html")
    assert pages.count() >= 4
    for page in pages:
        html = bytes(page.body).decode()
        assert not INLINE_SCRIPT.search(html), page.path
        assert not EVENT_HANDLER.search(html), page.path

