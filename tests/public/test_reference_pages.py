"""Film and person pages read like reference pages: details, credits, coverage, quotes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.conf import settings

from newsreel.newsroom.models import Mention, Quote
from newsreel.public.models import StoredPage
from tests.public.conftest import T0
from tests.public.pagetools import Page

pytestmark = pytest.mark.django_db


def text_between(html: str, start: str, end: str) -> str:
    return html[html.index(start):html.index(end, html.index(start))]


def test_a_film_page_is_rendered_on_first_request_and_then_served_from_the_store(client, graph, site):
    assert not StoredPage.objects.filter(path="/films/harbor-lights-2025/").exists()
    first = client.get("/films/harbor-lights-2025/")
    assert first.status_code == 200
    assert StoredPage.objects.get(path="/films/harbor-lights-2025/").kind == "film"
    assert client.get("/films/harbor-lights-2025/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_the_film_page_shows_title_year_status_distributor_and_synopsis(client, graph, site):
    html = client.get("/films/harbor-lights-2025/").content.decode()
    assert re.search(r'<h1 id="film-title"><cite>Harbor Lights</cite> <span class="year">\(2025\)</span></h1>', html)
    assert '<p class="status">Now playing in theaters from Kestrel Films</p>' in html
    assert "October 17, 2025" in html
    assert "A keeper of a lighthouse waits out a winter." in html
    assert '<a href="https://www.imdb.com/title/tt9990001/" rel="noopener">IMDb</a>' in html


def test_the_film_credits_table_is_grouped_by_role(client, graph, site):
    html = client.get("/films/harbor-lights-2025/").content.decode()
    table = text_between(html, '<table class="credits-table">', "</table>")
    groups = re.findall(r'<th colspan="2" scope="rowgroup">([^<]+)</th>', table)
    assert groups == ["Directed by", "Written by", "Cast", "Crew"]
    cast = text_between(table, ">Cast<", "</tbody>")
    assert '<a href="/people/tomas-ilic/">Tomas Ilic</a>' in cast and "<td>Jonah</td>" in cast
    crew = text_between(table, ">Crew<", "</tbody>")
    assert "Mira Sol" in crew and "<td>Cinematographer</td>" in crew


def test_film_coverage_lists_stories_newest_first_with_dates(client, make_article, publish, graph, site):
    publish(make_article("Older Harbor story", slug="older"), at=T0)
    publish(make_article("Newer Harbor story", slug="newer"), at=T0 + dt.timedelta(days=3))
    html = client.get("/films/harbor-lights-2025/").content.decode()
    coverage = text_between(html, 'id="coverage-heading"', "</section>")
    assert coverage.index("Newer Harbor story") < coverage.index("Older Harbor story")
    assert '<time datetime="2026-03-05T09:00:00+00:00">Mar 5, 2026</time> <a href="/articles/newer/">' in coverage


def test_film_quotes_come_from_its_credited_people_in_its_coverage(client, make_article, publish, graph, site):
    article = make_article("Quoted story", slug="quoted")
    Quote.objects.create(article=article, person=graph.mira, text="The light did the work", position=80, confidence=0.9)
    Quote.objects.create(article=article, person=graph.ada, text="Nobody may read this yet", position=120,
                         in_spoiler=True, confidence=0.95)
    publish(article)
    html = client.get("/films/harbor-lights-2025/").content.decode()
    quotes = text_between(html, 'id="quotes-heading"', "</section>")
    assert "It took the whole winter to find the ending" in quotes and "The light did the work" in quotes
    assert '<a href="/people/ada-varga/">Ada Varga</a>, in <a href="/articles/quoted/">' in quotes
    assert "Nobody may read this yet" not in html


def test_a_quote_whose_speaker_the_core_is_not_sure_of_stays_off_person_and_film_pages(
    client, make_article, publish, graph, site
):
    article = make_article("Guessed story", slug="guessed")
    Quote.objects.create(article=article, person=graph.mira, text="Maybe I said this", position=80, confidence=0.6)
    publish(article)
    assert "Maybe I said this" not in client.get("/people/mira-sol/").content.decode()
    assert "Maybe I said this" not in client.get("/films/harbor-lights-2025/").content.decode()
    assert "It took the whole winter to find the ending" in client.get("/people/ada-varga/").content.decode()


def test_the_film_page_has_movie_json_ld(client, graph, site):
    page = Page(client.get("/films/harbor-lights-2025/").content)
    (movie,) = page.json_ld
    assert movie["@type"] == "Movie" and movie["name"] == "Harbor Lights"
    assert movie["director"][0]["name"] == "Ada Varga"
    assert movie["url"] == settings.SITE_URL + "/films/harbor-lights-2025/"


def test_an_unknown_film_is_a_404_and_nothing_is_stored(client, graph, site):
    response = client.get("/films/no-such-film/")
    assert response.status_code == 404
    assert not StoredPage.objects.filter(path="/films/no-such-film/").exists()


def test_the_person_page_shows_bio_and_credits_by_film_newest_first(client, graph, site):
    html = client.get("/people/tomas-ilic/").content.decode()
    assert "<h1 id=\"person-name\">Tomas Ilic</h1>" in html
    rows = re.findall(r"<tr>\s*<td class=\"year\">(\d{4})</td>\s*<th scope=\"row\"><a href=\"([^\"]+)\"><cite>([^<]+)</cite>"
                      r"</a></th>\s*<td>([^<]+)</td>", html)
    assert rows == [("2025", "/films/harbor-lights-2025/", "Harbor Lights", "Cast as Jonah"),
                    ("2023", "/films/paper-orchard-2023/", "The Paper Orchard", "Cast as The Gardener")]


def test_a_person_with_several_roles_on_one_film_has_one_row(client, graph, site):
    html = client.get("/people/ada-varga/").content.decode()
    assert "Ada Varga is a director from an invented port town." in html
    assert "<td>Director, Writer</td>" in html


def test_the_person_page_lists_coverage_and_their_quotes_with_links(client, make_article, publish, graph, site):
    publish(make_article("Varga speaks", slug="varga-speaks"))
    html = client.get("/people/ada-varga/").content.decode()
    coverage = text_between(html, 'id="coverage-heading"', "</section>")
    assert '<a href="/articles/varga-speaks/">Varga speaks</a>' in coverage
    quotes = text_between(html, 'id="quotes-heading"', "</section>")
    assert "It took the whole winter to find the ending" in quotes
    assert '<a href="/articles/varga-speaks/"><cite>Varga speaks</cite></a>' in quotes


def test_coverage_leaves_out_stories_that_name_someone_only_inside_a_spoiler(client, make_article, publish, graph, site):
    article = make_article("Surprise cameo", slug="surprise")
    Mention.objects.create(article=article, person=graph.mira, start=90, end=98, surface="Mira Sol", in_spoiler=True)
    publish(article)
    assert "Surprise cameo" not in client.get("/people/mira-sol/").content.decode()


def test_unpublished_stories_leave_coverage(client, make_article, publish, unpublish, graph, site):
    article = publish(make_article("Withdrawn Harbor story", slug="withdrawn"))
    assert "Withdrawn Harbor story" in client.get("/films/harbor-lights-2025/").content.decode()
    unpublish(article)
    assert "Withdrawn Harbor story" not in client.get("/films/harbor-lights-2025/").content.decode()
    assert "It took the whole winter" not in client.get("/people/ada-varga/").content.decode()


def test_coverage_links_are_the_articles_own_urls():
    from newsreel.newsroom.models import Article
    from newsreel.public.pages.reference import Headline

    story = Headline(pk=1, slug="some-story", headline="Some story", published_at=T0)
    assert story.get_absolute_url() == Article(slug="some-story").get_absolute_url()
