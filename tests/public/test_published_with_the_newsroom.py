"""End to end through the newsroom's publishing service: Markdown in, stored pages out.

The reference article is read from ../shared/corpus at test time (never copied into the
repo); its last-scene paragraph is marked as a spoiler for Anora.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish, unpublish
from newsreel.public.models import StoredPage
from tests.graph import REFERENCE_ARTICLE_GRAPH
from tests.public.pagetools import Page

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2024, 11, 20, 12, 0, tzinfo=dt.timezone.utc)


def reference_draft(text: str) -> tuple[ArticleDraft, str]:
    """The reference article as a draft, and the spoiler paragraph it marks."""
    lines = [line.strip() for line in text.splitlines()]
    headline = lines[0]
    end = next(i for i, line in enumerate(lines) if line.isupper() and len(line) > 40)  # publisher footer
    paragraphs = [line for line in lines[1:end] if line and "Courtesy" not in line and not line.startswith("Photo Credit")]
    spoiler = next(p for p in paragraphs if p.startswith("The last scene"))
    body = "\n\n".join(f":::spoiler anora-2024\n{p}\n:::" if p is spoiler else p for p in paragraphs)
    return ArticleDraft(headline=headline, body=body, section="news", authors=["Nadia Ferro"],
                        sources=[{"name": "Interview with IndieWire", "url": "https://www.indiewire.com/"}],
                        publish_at=T0), spoiler


def filler(headline: str, at: dt.datetime) -> ArticleDraft:
    return ArticleDraft(headline=headline, body="Sean Baker talked about *Anora* and its long shoot.",
                        section="news", authors=["Nadia Ferro"], publish_at=at)


@pytest.fixture
def reference(db, corpus_article_text):
    import_knowledge_graph(REFERENCE_ARTICLE_GRAPH)
    save_and_publish(filler("An earlier story about Anora", T0 - dt.timedelta(days=1)), origin="test")
    draft, spoiler = reference_draft(corpus_article_text)
    article = save_and_publish(draft, origin="test")
    save_and_publish(filler("A later story about Anora", T0 + dt.timedelta(days=1)), origin="test")
    return article, spoiler


def test_the_reference_article_page_has_every_part_and_no_spoiler_in_its_excerpts(client, reference):
    article, spoiler = reference
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = Page(response.content)
    html = page.html
    # The spoiler is on the page, inside a panel that names the film ...
    assert '<details class="spoiler" data-film="anora-2024">' in html
    assert "This story includes spoilers for Anora (2024)" in html
    # ... and in none of the surfaces that show an excerpt.
    telling = [spoiler[:60], "wedding ring", "Igor leans in"]
    for words in telling:
        assert words not in page.meta["description"] and words not in page.meta["og:description"]
        assert words not in page.excerpt_surfaces()
    assert page.json_ld[0]["description"] == article.meta_description
    # Films and people named in the story, with where to see the film.
    assert '<a href="/films/anora-2024/"><cite>Anora</cite> (2024)</a>' in html
    assert "Now playing in theaters from Neon" in html
    assert '<a href="/people/sean-baker/">Sean Baker</a>' in html
    # Neighbours by publication order.
    assert re.search(r'href="/articles/an-earlier-story-about-anora/" rel="prev"', html)
    assert re.search(r'href="/articles/a-later-story-about-anora/" rel="next"', html)
    assert "Interview with IndieWire" in html


def test_the_film_page_shows_credits_and_the_reference_article_as_coverage(client, reference):
    article, spoiler = reference
    html = client.get("/films/anora-2024/").content.decode()
    assert "Now playing in theaters from Neon" in html
    assert '<a href="/people/sean-baker/">Sean Baker</a>' in html and "<td>Ani</td>" in html
    assert f'<a href="{article.get_absolute_url()}">' in html
    assert spoiler[:60] not in html


def test_the_person_page_quotes_what_they_said_outside_the_spoiler(client, reference):
    article, spoiler = reference
    html = client.get("/people/sean-baker/").content.decode()
    assert f'<a href="{article.get_absolute_url()}"><cite>' in html
    if 'id="quotes-heading"' in html:
        quotes = html[html.index('id="quotes-heading"'):html.index("</section>", html.index('id="quotes-heading"'))]
        assert spoiler[:60] not in quotes


def test_unpublishing_through_the_newsroom_leaves_410_and_relinks_neighbours(client, reference):
    article, _ = reference
    unpublish(article)
    assert client.get(article.get_absolute_url()).status_code == 410
    earlier = bytes(StoredPage.objects.get(path="/articles/an-earlier-story-about-anora/").body).decode()
    assert 'href="/articles/a-later-story-about-anora/" rel="next"' in earlier
