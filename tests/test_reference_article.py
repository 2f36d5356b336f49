"""The reference page, rebuilt in Newsreel: a real film-news article read from ../shared at
test time (never stored in the repo), its last scene marked as a spoiler for Anora."""

from __future__ import annotations

import datetime as dt
import html
import io
import json
import re

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.images.services import create_image
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish
from tests.graph import REFERENCE_ARTICLE_GRAPH

pytestmark = pytest.mark.django_db

PHOTO_CREDIT = re.compile(r"^(?:'(?P<film>[^']+)'\s+-\s+(?P<credit>.+)|Photo Credit:\s+(?P<photo>.+))$")


def _image(credit: str, alt: str) -> int:
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 30, 48)).save(buffer, "PNG")
    return create_image(ContentFile(buffer.getvalue(), name="still.png"), alt=alt, credit=credit).pk


def build_reference(text: str) -> dict:
    """Split the flattened page into the parts Newsreel models."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
    headline = blocks[0]
    previous_index = blocks.index("Previous\nPrevious")
    footer_index = previous_index - 1
    body_blocks = blocks[4:footer_index]  # after headline, hero credit, summary and editor's note
    hero = PHOTO_CREDIT.match(blocks[1])
    spoiler_start = next(i for i, b in enumerate(body_blocks) if "final scene" in b)
    spoiler_end = next(i for i, b in enumerate(body_blocks) if b.startswith("The last scene"))
    markdown: list[str] = []
    for index, block in enumerate(body_blocks):
        photo = PHOTO_CREDIT.match(block)
        if photo:
            credit = photo.group("credit") or photo.group("photo")
            image_id = _image(credit, "A scene from the film")
            markdown.append(f":::figure\n![A scene from the film](image:{image_id})\n:::")
            continue
        if index == spoiler_start:
            markdown.append(":::spoiler anora-2024")
        markdown.append(block)
        if index == spoiler_end:
            markdown.append(":::")
    return {
        "headline": headline,
        "hero_credit": hero.group("credit"),
        "body": "\n\n".join(markdown) + "\n",
        "spoiler_text": "\n".join(body_blocks[spoiler_start:spoiler_end + 1]),
        "previous_headline": blocks[previous_index + 1],
        "next_headline": blocks[previous_index + 3],
    }


def _meta(page: str, attribute: str, name: str) -> str:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', page)
    assert match, f"no {name} meta tag"
    return html.unescape(match.group(1))


def _spoiler_phrases(spoiler_text: str) -> list[str]:
    words = re.findall(r"\w+", spoiler_text)
    return [" ".join(words[i:i + 5]) for i in range(0, len(words) - 5, 5)]


def _normalized_words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text))


@pytest.fixture
def reference(corpus_article_text, client):
    import_knowledge_graph(REFERENCE_ARTICLE_GRAPH)
    parts = build_reference(corpus_article_text)
    base = dt.datetime(2024, 11, 20, 9, tzinfo=dt.timezone.utc)
    save_and_publish(ArticleDraft(headline=parts["previous_headline"], body="An earlier story.\n", section="interviews",
                                  publish_at=base - dt.timedelta(days=1)), origin="test")
    article = save_and_publish(
        ArticleDraft(headline=parts["headline"], body=parts["body"], section="features", tags=["Anora"],
                     authors=["Newsreel Staff"], hero_image=_image(parts["hero_credit"], "Ani in the final scene"),
                     sources=[{"name": "Interview with IndieWire", "url": "https://www.indiewire.com/"}],
                     publish_at=base),
        origin="test",
    )
    save_and_publish(ArticleDraft(headline=parts["next_headline"], body="A later story.\n", section="news",
                                  publish_at=base + dt.timedelta(days=1)), origin="test")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    return parts, article, response.content.decode()


def test_reference_page_has_the_generated_spoiler_note(reference):
    _, _, page = reference
    assert "This story includes spoilers for" in page and "Anora" in page


def test_spoiler_text_is_absent_from_every_excerpt_surface(reference):
    parts, article, page = reference
    surfaces = {
        "meta description": _meta(page, "name", "description"),
        "og:description": _meta(page, "property", "og:description"),
        "twitter:description": _meta(page, "name", "twitter:description"),
        "summary": article.display_summary,
    }
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.DOTALL):
        data = json.loads(block)
        for item in data if isinstance(data, list) else [data]:
            if "description" in item:
                surfaces["JSON-LD " + item.get("@type", "")] = item["description"]
    assert surfaces["meta description"], "the meta description is empty"
    for name, text in surfaces.items():
        flat = _normalized_words(text)
        for phrase in _spoiler_phrases(parts["spoiler_text"]):
            assert phrase not in flat, f"{name} leaks spoiler text: {phrase!r}"


def test_spoiler_text_is_in_the_page_behind_a_reveal(reference):
    parts, _, page = reference
    assert '<details class="spoiler' in page
    assert _spoiler_phrases(parts["spoiler_text"])[0] in _normalized_words(html.unescape(page))


def test_photo_credits_and_film_credits_are_shown(reference, client):
    parts, _, page = reference
    assert parts["hero_credit"] in page
    assert "Jonathan Moustakas" in page
    assert 'href="/people/sean-baker/"' in page and 'href="/films/anora-2024/"' in page
    film_page = client.get("/films/anora-2024/").content.decode()
    assert "Mikey Madison" in film_page and "Ani" in film_page and "Neon" in film_page


def test_previous_and_next_articles_are_linked(reference):
    parts, _, page = reference
    assert html.escape(parts["previous_headline"], quote=False) in page or parts["previous_headline"] in html.unescape(page)
    assert parts["next_headline"] in html.unescape(page)
