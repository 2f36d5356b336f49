"""Search: what readers find, what they never see, and that nothing they type breaks the page.

Articles go through the newsroom's real write path (save_and_publish), so the index is
kept by the same hooks production uses; the same file runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.films.models import Film
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Section
from newsreel.newsroom.publishing import save_and_publish, unpublish
from newsreel.public.search.backend import SearchRequest, get_backend, mark_snippet, search
from newsreel.public.search.models import SearchDocument
from newsreel.public.search.query import fts5_match, parse_query, tsquery_text

from tests.graph import ACCENTED, GRAPH

pytestmark = pytest.mark.django_db

# Words that appear nowhere else, so a hit proves where it came from.
SPOILER_WORD = "zyxquorbel"
BODY_WORD = "marrowfinch"


@pytest.fixture
def graph(db):
    import_knowledge_graph(GRAPH)
    Section.objects.get_or_create(slug="news", defaults={"name": "News", "order": 1})
    Section.objects.get_or_create(slug="reviews", defaults={"name": "Reviews", "order": 2})


NOW = timezone.now().replace(microsecond=0)


def publish(headline: str, body: str, *, days_ago: float = 0, section: str = "news", **fields):
    if section == "reviews":  # a review names the film it reviews
        fields.setdefault("film", "paper-orchard-2023")
    return save_and_publish(ArticleDraft(
        headline=headline, body=body, section=section, authors=["Nadia Ferro"],
        publish_at=NOW - dt.timedelta(days=days_ago), **fields,
    ), origin="test")


def headlines(text: str, **filters) -> list[str]:
    return [hit.headline for hit in search(text, now=NOW, **filters).hits]


@pytest.fixture
def newsroom(graph):
    varga = publish("Ada Varga finishes her winter shoot", (
        f"The director has wrapped *Harbor Lights* after a season on the coast, with a {BODY_WORD} in every scene.\n\n"
        ":::spoiler harbor-lights-2025\n"
        f"In the last scene the keeper finds the {SPOILER_WORD} in the lamp room.\n"
        ":::\n\n"
        "The film opens in October.\n"
    ), days_ago=2)
    orchard = publish("Festival line-up announced", (
        "Tomas Ilic returns in *The Paper Orchard*, which screens at the autumn festival.\n"
    ), days_ago=40, section="reviews")
    return {"varga": varga, "orchard": orchard}


# What readers find

def test_finds_an_article_by_a_word_of_its_headline(newsroom):
    assert headlines("winter shoot") == ["Ada Varga finishes her winter shoot"]


def test_finds_an_article_by_a_word_of_its_body(newsroom):
    assert headlines(BODY_WORD) == ["Ada Varga finishes her winter shoot"]


def test_finds_an_article_by_the_film_it_names(newsroom):
    assert headlines('"Paper Orchard"') == ["Festival line-up announced"]


def test_finds_an_article_by_a_film_alias_it_never_spells_out(newsroom):
    assert headlines("Harbour") == ["Ada Varga finishes her winter shoot"]


def test_finds_an_article_by_the_person_it_names(newsroom):
    assert headlines("Ilic") == ["Festival line-up announced"]


def test_words_are_stemmed_so_plurals_find_singulars(newsroom):
    assert headlines("festivals") == ["Festival line-up announced"]


def test_or_minus_and_prefix_mean_what_a_search_box_means(newsroom):
    assert sorted(headlines("marrowfinch OR orchard")) == ["Ada Varga finishes her winter shoot", "Festival line-up announced"]
    assert headlines("film -orchard") == ["Ada Varga finishes her winter shoot"]
    assert headlines("marrowfi*") == ["Ada Varga finishes her winter shoot"]


def test_a_phrase_finds_its_words_only_side_by_side(graph):
    publish("Box office records fall", "The box office was busy all weekend.\n", days_ago=1)
    publish("An office move", "A box sat in the office all weekend.\n", days_ago=2)
    assert headlines('"box office"') == ["Box office records fall"]
    assert headlines('"office box"') == []
    assert headlines('weekend -"box office"') == ["An office move"]


def test_a_longer_phrase_needs_every_word_in_order(graph):
    publish("Night on the coast", "The harbor lights shine all night.\n", days_ago=1)
    publish("Lights of every kind", "Harbor lights, and lights that shine elsewhere.\n", days_ago=2)
    assert headlines('"harbor lights shine"') == ["Night on the coast"]
    assert headlines('lights -"harbor lights shine"') == ["Lights of every kind"]
    assert headlines('"harbor of lights"') == []
    assert headlines('"lights that shine*"') == ["Lights of every kind"]


# Accents: folded on both databases, in the text, the names and the query



@pytest.fixture
def accented(graph):
    import_knowledge_graph(ACCENTED)
    publish("Inés Quiñones casts Zoé Lefèvre", (
        "Inés Quiñones has cast Zoé Lefèvre in *The Night Ferry*, a crossing shot on a café terrace.\n"
    ), days_ago=1)
    publish("A plain spelling", "Zoe Lefevre, written without accents, reads the script aloud.\n", days_ago=3)


def test_a_query_without_accents_finds_the_accented_text(accented):
    assert headlines("Quinones") == ["Inés Quiñones casts Zoé Lefèvre"]
    assert headlines("ines cafe") == ["Inés Quiñones casts Zoé Lefèvre"]
    assert headlines("quino*") == ["Inés Quiñones casts Zoé Lefèvre"]


def test_an_accented_query_finds_the_text_written_without_accents(accented):
    assert headlines("Zoé Lefèvre") == ["Inés Quiñones casts Zoé Lefèvre", "A plain spelling"]
    assert headlines("lefèvre script") == ["A plain spelling"]
    assert headlines("Quiñones") == ["Inés Quiñones casts Zoé Lefèvre"]


def test_a_phrase_with_an_accented_word_matches_either_spelling_in_order(accented):
    assert headlines('"zoe lefevre"') == ["Inés Quiñones casts Zoé Lefèvre", "A plain spelling"]
    assert headlines('"Zoé Lefèvre written"') == ["A plain spelling"]
    assert headlines('"lefevre zoe"') == []
    assert headlines('script -"ines quinones"') == ["A plain spelling"]


def test_an_accented_film_alias_in_the_names_field_is_found_without_its_accents(accented):
    assert headlines('"bateau fantome"') == ["Inés Quiñones casts Zoé Lefèvre"]
    assert headlines("fantôme") == ["Inés Quiñones casts Zoé Lefèvre"]


def test_the_snippet_marks_the_word_as_the_article_spells_it(accented):
    [hit] = search("quinones", now=NOW).hits
    assert "<mark>Quiñones</mark>" in hit.snippet
    [hit] = search("lefèvre script", now=NOW).hits
    assert "<mark>Lefevre</mark>" in hit.snippet


# Spoilers

def test_a_word_only_inside_a_spoiler_block_finds_nothing(newsroom):
    assert search(SPOILER_WORD, now=NOW).total == 0


def test_no_snippet_ever_contains_spoiler_text(newsroom):
    for text in ("keeper", "lamp room", "Harbor Lights", "October", BODY_WORD, "winter"):
        for hit in search(text, now=NOW).hits:
            assert SPOILER_WORD not in hit.snippet and "lamp room" not in hit.snippet


def test_snippets_come_from_the_safe_text_with_matches_marked(newsroom):
    [hit] = search(BODY_WORD, now=NOW).hits
    assert f"<mark>{BODY_WORD}</mark>" in hit.snippet


def test_a_film_named_only_inside_a_spoiler_block_is_not_searchable_by_name(graph):
    publish("A quiet week at the coast", (
        "Very little happened this week.\n\n:::spoiler harbor-lights-2025\n"
        "The twist echoes *The Paper Orchard*.\n:::\n"
    ))
    assert search("Orchard", now=NOW).total == 0
    assert search("", film_key="paper-orchard-2023", now=NOW).total == 0


def test_snippet_markup_is_escaped_except_the_marks():
    snippet = mark_snippet("<script>alert(1)</script> \ue000word\ue001 & more \ue001")
    assert str(snippet) == "&lt;script&gt;alert(1)&lt;/script&gt; <mark>word</mark> &amp; more "


# Filters and pagination

def test_filters_narrow_by_section_film_person_and_date(newsroom):
    news = Section.objects.get(slug="news")
    assert headlines("film OR festival", section_id=news.pk) == ["Ada Varga finishes her winter shoot"]
    assert headlines("film OR festival", film_key="paper-orchard-2023") == ["Festival line-up announced"]
    assert headlines("film OR festival", person_key="tomas-ilic") == ["Festival line-up announced"]
    assert headlines("film OR festival", published_from=NOW - dt.timedelta(days=10)) == ["Ada Varga finishes her winter shoot"]
    assert headlines("film OR festival", published_before=NOW - dt.timedelta(days=10)) == ["Festival line-up announced"]


def test_a_filter_without_words_lists_the_matching_articles_newest_first(newsroom):
    assert headlines("", film_key="harbor-lights-2025") == ["Ada Varga finishes her winter shoot"]


def test_the_page_reads_filters_from_the_url(client, newsroom):
    body = client.get("/search/", {"q": "film OR festival", "section": "reviews"}).content.decode()
    assert "Festival line-up announced" in body and "winter shoot" not in body
    body = client.get("/search/", {"q": "film OR festival", "from": (NOW - dt.timedelta(days=10)).date().isoformat()}).content.decode()
    assert "winter shoot" in body and "Festival line-up" not in body
    body = client.get("/search/", {"person": "tomas-ilic"}).content.decode()
    assert "Festival line-up announced" in body and "Tomas Ilic" in body


def test_results_come_in_pages(graph):
    for n in range(25):
        publish(f"Lighthouse diary, entry {n}", "Notes from a lighthouse on the coast.\n", days_ago=n)
    first = search("lighthouse", now=NOW)
    second = search("lighthouse", now=NOW, page=2)
    assert first.total == second.total == 25
    assert len(first.hits) == 20 and len(second.hits) == 5
    assert first.has_next and not second.has_next
    assert not {h.article_id for h in first.hits} & {h.article_id for h in second.hits}


def test_the_page_links_to_the_next_page_of_results(client, graph):
    for n in range(21):
        publish(f"Lighthouse diary, entry {n}", "Notes from a lighthouse.\n", days_ago=n)
    body = client.get("/search/", {"q": "lighthouse"}).content.decode()
    assert 'href="/search/?q=lighthouse&amp;page=2"' in body
    assert "entry" in client.get("/search/", {"q": "lighthouse", "page": "2"}).content.decode()


# Ranking

def test_a_headline_match_outranks_a_body_match(graph):
    publish("Notes from the coast", "A story that mentions a lighthouse once, in passing.\n", days_ago=1)
    publish("The lighthouse", "A story about the coast.\n", days_ago=1)
    assert headlines("lighthouse")[0] == "The lighthouse"


def test_recency_breaks_near_ties(graph):
    publish("Lighthouse keepers gather", "Keepers met on the coast.\n", days_ago=300)
    publish("Lighthouse keepers meet", "Keepers met on the coast.\n", days_ago=1)
    assert headlines("lighthouse keepers") == ["Lighthouse keepers meet", "Lighthouse keepers gather"]


# Keeping the index current

def test_an_unpublished_article_disappears_from_results(newsroom):
    unpublish(newsroom["varga"])
    assert search(BODY_WORD, now=NOW).total == 0
    assert not SearchDocument.objects.filter(article_id=newsroom["varga"].pk).exists()


def test_republishing_with_new_words_replaces_the_old_ones(newsroom):
    article = newsroom["orchard"]
    save_and_publish(ArticleDraft(headline="Festival line-up announced", body="The jury is announced.\n",
                                  section="reviews", film="paper-orchard-2023", slug=article.slug), article=article, origin="test")
    assert search("jury", now=NOW).total == 1
    assert search("Ilic", now=NOW).total == 0


def test_renaming_a_film_in_the_knowledge_graph_reindexes_its_articles(newsroom, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        film = Film.objects.get(key="paper-orchard-2023")
        film.aliases = ["Orchard of Paper"]
        film.save()
    assert headlines('"orchard of paper"') == ["Festival line-up announced"]


def test_reindex_search_rebuilds_the_index_from_live_articles(newsroom):
    SearchDocument.objects.all().delete()
    assert search(BODY_WORD, now=NOW).total == 0
    call_command("reindex_search", verbosity=0)
    assert search(BODY_WORD, now=NOW).total == 1
    assert SearchDocument.objects.count() == 2


def test_inside_a_deferred_block_the_stories_are_indexed_together_at_its_end_as_they_then_stand(newsroom):
    from django.db import transaction

    from newsreel.public.search import index

    class Refused(Exception):
        pass
    with transaction.atomic(), index.deferred():  # an import's chunk
        fresh = publish("Ferry timetable changes", "The ferry leaves at seven.\n")
        unpublish(newsroom["varga"])
        try:
            with transaction.atomic():  # a story rolled back in its savepoint
                publish("Lamp room restored", "The lamp room is open again.\n")
                raise Refused
        except Refused:
            pass
        assert not SearchDocument.objects.filter(article_id=fresh.pk).exists()  # not yet
        assert SearchDocument.objects.filter(article_id=newsroom["varga"].pk).exists()
    assert headlines("ferry") == ["Ferry timetable changes"]
    assert search(BODY_WORD, now=NOW).total == 0 and search("lamp room", now=NOW).total == 0
    assert headlines("Tomas Ilic") == ["Festival line-up announced"]  # the others as they were
    assert SearchDocument.objects.count() == 2


# Nothing a reader types breaks the page

NASTY = ['"', "AND", "NOT OR", "foo*", "(((", "NEAR(", "'; DROP TABLE public_searchdocument; --", "x" * 10_000,
         "🎬🍿", "", "   ", "-", '"unbalanced phrase', "a:b", "headline:varga", "^harbor", "OR OR OR", "NOT",
         "*", "**", "a*", "\x00\x01", "\ue000mark\ue001", "%_%", "\\", "NEAR(harbor lights, 2)", "{harbor}",
         "harbor AND", "- - -", "''", "lights)", "‘curly’ “quotes”", "Ünïcödé", "漢字", "the", "a" * 300 + "*"]


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_any_query_a_person_types_gets_a_page(client, newsroom, text):
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    assert b"<h1>Search</h1>" in response.content
    # And the backend itself answered (the page does not hide a failure).
    assert not get_backend().search(SearchRequest(query=parse_query(text), now=NOW)).failed


@pytest.mark.parametrize("params", [
    {"page": "-1"}, {"page": "abc"}, {"page": "99999999999"}, {"from": "2026-13-45"}, {"to": "yesterday"},
    {"from": "2026-03-02", "to": "2020-01-01"}, {"section": "no-such"}, {"film": "no-such-film"},
    {"person": "x" * 500}, {"q": "film", "page": "400"},
])
def test_odd_parameters_get_a_page_too(client, newsroom, params):
    assert client.get("/search/", params).status_code == 200


def test_the_parser_keeps_only_words_for_the_database():
    query = parse_query('"harbor lights" OR orchard -spoiler NEAR( foo* (((')
    assert fts5_match(query) == '(("harbor lights" OR "orchard") AND ("near") AND ("foo" *)) NOT (("spoiler"))'
    assert tsquery_text(query) == "((harbor <-> lights) | orchard) & (near) & (foo:*) & !(spoiler)"
    assert parse_query('"" NOT -').is_empty


# The page itself

def test_the_page_is_cacheable_and_answers_revalidation(client, newsroom):
    response = client.get("/search/", {"q": "winter"})
    assert "max-age=60" in response["Cache-Control"] and "s-maxage" in response["Cache-Control"]
    again = client.get("/search/", {"q": "winter"}, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_every_page_has_a_search_box_in_its_header(client, newsroom):
    body = client.get("/search/").content.decode()
    assert re.search(r'<form class="site-search" role="search" action="/search/"', body)
    assert '<label for="site-search-q"' in body


def test_the_page_escapes_what_the_reader_typed(client, newsroom):
    body = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)" not in body and "&lt;script&gt;" in body


def test_without_bm25_a_headline_match_still_outranks_a_body_match(graph, monkeypatch):
    """On SQLite, words found in many articles are ranked by field weights instead of bm25."""
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("field weights stand in for bm25 on SQLite only")
    from newsreel.public.search import sqlite_fts5

    monkeypatch.setattr(sqlite_fts5, "SELECTIVE", 0)  # every word counts as everyday
    publish("Notes from the coast", "A story that mentions a lighthouse once, in passing.\n", days_ago=1)
    publish("The lighthouse", "A story about the coast.\n", days_ago=3)
    publish("More notes", "Another lighthouse, in passing.\n", days_ago=0)
    assert headlines("lighthouse")[0] == "The lighthouse"
    assert headlines("lighthouse")[1:] == ["More notes", "Notes from the coast"]


def test_postgres_walking_newest_first_and_the_index_bitmap_find_the_same_page(graph, monkeypatch):
    """PostgreSQL takes a window of matches one of two ways (see postgres.py); both agree."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the two ways to the window are PostgreSQL's")
    from newsreel.public.search import postgres

    for n in range(30):
        publish(f"Lighthouse diary, entry {n}", f"Notes from a lighthouse{' box office' * (n % 3)} on the coast.\n",
                days_ago=n, section="news" if n % 2 else "reviews")
    reviews = Section.objects.get(slug="reviews")
    asks = [("lighthouse", {}), ("coast -office", {}), ("lighthouse", {"section_id": reviews.pk}),
            ('"box office"', {}), ("lighthous*", {"published_from": NOW - dt.timedelta(days=10)}),
            ('"lighthouse box office"', {}), ("lighthouse", {"page": 2})]
    pages = {}
    for way, cost in (("walk", 1e9), ("bitmap", 0.0)):
        monkeypatch.setattr(postgres, "BITMAP_ROW_US", cost)
        pages[way] = [[(hit.article_id, round(hit.score, 9)) for hit in search(text, now=NOW, **filters).hits]
                      for text, filters in asks]
    assert pages["walk"] == pages["bitmap"]
    assert all(pages["walk"])


def test_postgres_search_tables_follow_the_documents(newsroom):
    """Migration 0004's triggers keep one match row and one vector row per document."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the match and vector tables are PostgreSQL's")

    def keys(table: str) -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT search_key FROM {table}")
            return {key for (key,) in cursor.fetchall()}

    def in_step() -> bool:
        documents = set(SearchDocument.objects.values_list("search_key", flat=True))
        return keys("public_search_match") == keys("public_search_vectors") == documents

    assert in_step() and len(keys("public_search_match")) == 2
    article = newsroom["orchard"]
    save_and_publish(ArticleDraft(headline="Festival line-up announced", body="The jury is announced.\n",
                                  section="reviews", film="paper-orchard-2023", slug=article.slug, publish_at=NOW - dt.timedelta(days=3)),
                     article=article, origin="test")
    assert in_step() and search("jury", now=NOW).total == 1
    unpublish(newsroom["varga"])
    assert in_step() and len(keys("public_search_vectors")) == 1
    with connection.cursor() as cursor:  # as Django's flush does (deferred checks run first)
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("TRUNCATE public_searchfacet, public_searchdocument")
    assert in_step() and not keys("public_search_match")
