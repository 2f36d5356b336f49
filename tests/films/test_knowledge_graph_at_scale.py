"""A knowledge-graph import of thousands of names: written, and its pages refreshed after commit.

Nothing may fail after the commit: the data is in by then, so a failure there would leave
pages showing what the graph no longer says (and the command reporting an error for an
import that happened).
"""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from newsreel.films.models import Credit, Film, Person
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish
from newsreel.public.models import StoredPage

pytestmark = pytest.mark.django_db
FILMS = 1500  # past the 1,000 terms SQLite accepts in one expression


def graph(films: int, distributor: str) -> dict:
    return {
        "films": [{"key": f"invented-film-{n}", "title": f"Invented Film {n}", "year": 2000 + n % 25,
                   "distributor": distributor} for n in range(films)],
        "people": [{"key": f"invented-person-{n}", "name": f"Invented Person {n}"} for n in range(films // 2)],
        "credits": [{"film": f"invented-film-{n}", "person": f"invented-person-{n // 2}", "role": "director"}
                    for n in range(films)],
    }


def load(tmp_path, data: dict, name: str) -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    out = __import__("io").StringIO()
    call_command("import_kb", str(path), stdout=out)
    return out.getvalue()


def test_thousands_of_changed_films_refresh_the_pages_that_show_them(tmp_path, client,
                                                                    django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        load(tmp_path, graph(FILMS, "Kestrel Films"), "first.json")
        story = save_and_publish(ArticleDraft(headline="Invented Film 7 opens", slug="film-seven",
                                              body="Invented Film 7 opens on Friday.\n"), origin="test")
    assert client.get("/films/invented-film-7/").status_code == 200
    assert StoredPage.objects.filter(path="/films/invented-film-7/").exists()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        report = load(tmp_path, graph(FILMS, "Seaglass Releasing"), "second.json")
    assert callbacks, "the refresh waits for the commit"
    assert f"films: 0 new, {FILMS} updated, 0 unchanged" in report
    assert Film.objects.filter(distributor="Seaglass Releasing").count() == FILMS
    page = bytes(StoredPage.objects.get(path=story.get_absolute_url()).body).decode()
    assert "Seaglass Releasing" in page
    assert not StoredPage.objects.filter(path="/films/invented-film-7/").exists()  # refilled on request
    assert "Seaglass Releasing" in client.get("/films/invented-film-7/").content.decode()


def test_reimporting_the_same_graph_changes_nothing_and_refreshes_nothing(tmp_path,
                                                                         django_capture_on_commit_callbacks):
    load(tmp_path, graph(FILMS, "Kestrel Films"), "first.json")
    before = dict(Film.objects.values_list("key", "updated_at"))
    with django_capture_on_commit_callbacks() as callbacks:
        report = load(tmp_path, graph(FILMS, "Kestrel Films"), "again.json")
    assert f"films: 0 new, 0 updated, {FILMS} unchanged; people: 0 new, 0 updated, {FILMS // 2} unchanged" in report
    assert dict(Film.objects.values_list("key", "updated_at")) == before
    assert Credit.objects.count() == FILMS and Person.objects.count() == FILMS // 2
    assert [callback.__qualname__ for callback in callbacks] == ["forget_graph"]


def test_changed_credits_replace_only_the_films_they_belong_to(tmp_path):
    load(tmp_path, graph(FILMS, "Kestrel Films"), "first.json")
    untouched = list(Credit.objects.filter(film__key="invented-film-1").values_list("id", flat=True))
    changed = graph(FILMS, "Kestrel Films")
    changed["credits"][0] = {"film": "invented-film-0", "person": "invented-person-3", "role": "writer"}
    load(tmp_path, changed, "changed.json")
    assert list(Credit.objects.filter(film__key="invented-film-0").values_list("person__key", "role")) == [
        ("invented-person-3", "writer")]
    assert list(Credit.objects.filter(film__key="invented-film-1").values_list("id", flat=True)) == untouched
