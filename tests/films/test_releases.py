"""A film has several releases (country, date, kind): imported from `releases` (each problem
named by its JSON path; `release_date` still works), shown on the film's page, the earliest
in its JSON-LD, and listed by the JSON API."""

import datetime as dt
import json
import re

import pytest
from django.test import Client

from newsreel.films.knowledge import KnowledgeGraphError, import_knowledge_graph
from newsreel.films.models import Film, Release

pytestmark = pytest.mark.django_db

RELEASES = [
    {"country": "us", "date": "2026-03-06", "kind": "theatrical"},
    {"date": "2026-05-01", "kind": "digital", "note": "Worldwide streaming"},
    {"country": "FR", "date": "2026-02-14", "kind": "festival", "note": "Rotterdam"},
]


def graph(**film) -> dict:
    return {"films": [{"key": "winter-ferry-2026", "title": "Winter Ferry", "year": 2026, **film}]}


def test_releases_are_imported_replaced_and_left_alone_when_the_file_has_none():
    result = import_knowledge_graph(graph(releases=RELEASES, release_date="2026-03-06"))
    assert result.films_created == 1 and result.films_updated == 0
    film = Film.objects.get(key="winter-ferry-2026")
    assert [(r.country, r.kind, r.date.isoformat(), r.note) for r in film.releases.all()] == [
        ("FR", "festival", "2026-02-14", "Rotterdam"), ("US", "theatrical", "2026-03-06", ""),
        ("", "digital", "2026-05-01", "Worldwide streaming")]
    assert film.release_date == dt.date(2026, 3, 6) and film.first_release_date == dt.date(2026, 2, 14)
    assert import_knowledge_graph(graph(releases=RELEASES, release_date="2026-03-06")).films_unchanged == 1
    again = import_knowledge_graph(graph(releases=RELEASES[:1], release_date="2026-03-06"))
    assert again.films_updated == 1 and film.releases.count() == 1
    import_knowledge_graph(graph(release_date="2026-03-06"))  # no "releases": the film keeps its own
    assert film.releases.count() == 1
    import_knowledge_graph(graph(releases=[], release_date="2026-03-06"))
    assert not Release.objects.exists()


def test_a_film_with_only_a_release_date_still_imports():
    import_knowledge_graph(graph(release_date="2026-03-06"))
    film = Film.objects.get()
    assert film.release_date == film.first_release_date == dt.date(2026, 3, 6) and not film.releases.exists()


@pytest.mark.parametrize("releases, path, words", [
    ([{"country": "UK", "date": "2026-03-06"}], "films[0].releases[0].country", "the United Kingdom is GB"),
    ([{"date": "2026-03-06"}, {"country": "France", "date": "2026-03-06"}], "films[0].releases[1].country",
     "did you mean FR (France)?"),
    ([{"country": "US", "date": "06/03/2026"}], "films[0].releases[0].date", "must be a date like 2024-10-18"),
    ([{"country": "US"}], "films[0].releases[0].date", "is required"),
    ([{"country": "US", "date": "2026-03-06", "kind": "cinema"}], "films[0].releases[0].kind", "is not one of"),
    ([{"country": "US", "date": "2026-03-06", "where": "Paris"}], "films[0].releases[0].where", "not a known field"),
    ([{"country": "US", "date": "2026-03-06"}, {"country": "us", "date": "2026-03-06"}], "films[0].releases[1]",
     "repeats films[0].releases[0]"),
    ({"country": "US"}, "films[0].releases", "must be a list"),
    (["2026-03-06"], "films[0].releases[0]", "must be an object"),
])
def test_a_bad_release_is_refused_naming_its_json_path(releases, path, words):
    with pytest.raises(KnowledgeGraphError) as error:
        import_knowledge_graph(graph(releases=releases))
    assert any(problem.startswith(f"{path}: ") and words in problem for problem in error.value.problems), \
        error.value.problems
    assert not Film.objects.exists()


def test_the_film_page_lists_releases_and_its_json_ld_dates_the_earliest():
    import_knowledge_graph(graph(releases=RELEASES, release_date="2026-03-06"))
    html = Client().get("/films/winter-ferry-2026/").content.decode()
    assert "Festival premiere, France (Rotterdam): <time datetime=\"2026-02-14\">February 14, 2026</time>" in html
    assert "Digital, Worldwide (Worldwide streaming)" in html and "Theatrical, United States" in html
    (movie,) = [item for item in (json.loads(block) for block in re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, re.S)) if item.get("@type") == "Movie"]
    assert movie["datePublished"] == "2026-02-14"


def test_the_api_lists_a_films_releases(client):
    from newsreel.api.keys import create_key

    import_knowledge_graph(graph(releases=RELEASES))
    key = create_key("Widget", "content").token
    film = client.get("/api/content/films/winter-ferry-2026", {"key": key}).json()
    assert film["releases"] == [
        {"country": "FR", "date": "2026-02-14", "kind": "festival", "note": "Rotterdam"},
        {"country": "US", "date": "2026-03-06", "kind": "theatrical", "note": ""},
        {"country": "", "date": "2026-05-01", "kind": "digital", "note": "Worldwide streaming"}]
    listed = client.get("/api/content/films", {"key": key}).json()["items"]
    assert listed[0]["releases"] == film["releases"]
    schema = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert "releases" in schema["FilmOut"]["properties"]
