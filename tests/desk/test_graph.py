"""Films, people and credits in the desk: list and search, add a film with its poster, edit
aliases (the stories naming it are linked again), credits, merging a duplicate (its
mentions, credits and quotes follow; its old address redirects), and who may do it."""

import pytest
from django.test import Client
from django.urls import reverse

from newsreel.films.models import Credit, Film, Person
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom import graph_edits, graph_relinks
from newsreel.newsroom.models import Article, Mention, Quote, RelinkJob
from newsreel.newsroom.publishing import save_and_publish

from .conftest import png_upload

pytestmark = pytest.mark.django_db


def film_form(**changes) -> dict:
    data = {"title": "Winter Ferry", "key": "winter-ferry-2026", "aliases_text": "", "year": "2026",
            "distributor": "Kestrel Films", "release_date": "2026-02-13", "status": "announced", "synopsis": "",
            "poster": "", "imdb_id": "", "tmdb_id": "", "wikidata_id": "", "upload_alt": "", "upload_credit": "",
            "releases-TOTAL_FORMS": "0", "releases-INITIAL_FORMS": "0"}
    data.update(changes)
    return data


def release_rows(*rows: dict, initial: int = 0) -> dict:
    data = {"releases-TOTAL_FORMS": str(len(rows)), "releases-INITIAL_FORMS": str(initial)}
    for number, row in enumerate(rows):
        data.update({f"releases-{number}-{name}": value for name, value in row.items()})
    return data


def test_a_film_gets_several_releases_from_its_rows_and_a_bad_country_is_named(as_editor, graph):
    film = Film.objects.get(key="harbor-lights-2025")
    url = reverse("desk:graph_film", args=[film.pk])
    base = film_form(title=film.title, key=film.key, aliases_text="Harbour Lights", year="2025", release_date="",
                     status="")
    bad = as_editor.post(url, {**base, **release_rows({"country": "UK", "date": "2025-10-03", "kind": "theatrical"})})
    html = bad.content.decode()
    assert bad.status_code == 400 and "Release 1, country" in html and "the United Kingdom is GB" in html
    assert not film.releases.exists()
    rows = release_rows({"country": "gb", "date": "2025-10-03", "kind": "theatrical", "note": ""},
                        {"country": "", "date": "2025-09-05", "kind": "festival", "note": "Venice"},
                        {"country": "", "date": "", "kind": "theatrical", "note": ""})  # an empty row: ignored
    assert as_editor.post(url, {**base, **rows}).status_code == 302
    assert [(r.country, r.kind, str(r.date), r.note) for r in film.releases.all()] == [
        ("", "festival", "2025-09-05", "Venice"), ("GB", "theatrical", "2025-10-03", "")]
    page = as_editor.get(url).content.decode()
    assert 'name="releases-0-country"' in page and 'value="Venice"' in page
    first, second = film.releases.all()
    removal = release_rows({"id": first.pk, "country": "", "date": "2025-09-05", "kind": "festival", "note": "Venice",
                            "DELETE": "on"},
                           {"id": second.pk, "country": "GB", "date": "2025-10-03", "kind": "theatrical", "note": ""},
                           initial=2)
    assert as_editor.post(url, {**base, **removal}).status_code == 302
    assert list(film.releases.values_list("country", flat=True)) == ["GB"]
    assert "Theatrical, United Kingdom" in Client().get("/films/harbor-lights-2025/").content.decode()


def test_films_are_listed_and_found_by_title_alias_or_key(as_editor, graph):
    html = as_editor.get(reverse("desk:graph_films"), {"q": "harbour"}).content.decode()
    assert "Harbor Lights" in html and "Paper Orchard" not in html
    html = as_editor.get(reverse("desk:graph_people"), {"q": "varga"}).content.decode()
    assert "Ada Varga" in html and "Tomas Ilic" not in html


def test_an_editor_adds_a_film_with_an_uploaded_poster_and_its_page_shows_it(as_editor, graph):
    response = as_editor.post(reverse("desk:graph_film_new"), film_form(
        upload=png_upload("ferry.png", (300, 450)), upload_alt="A ferry in the ice", upload_credit="Kestrel Films"))
    film = Film.objects.get(key="winter-ferry-2026")
    assert response.status_code == 302 and response["Location"] == reverse("desk:graph_film", args=[film.pk])
    assert (film.poster.alt, film.poster.credit, film.distributor, str(film.release_date)) == (
        "A ferry in the ice", "Kestrel Films", "Kestrel Films", "2026-02-13")
    page = Client().get("/films/winter-ferry-2026/").content.decode()
    assert 'alt="A ferry in the ice"' in page and 'property="og:image"' in page


def test_an_upload_without_alt_text_or_credit_is_refused_and_nothing_is_added(as_editor, graph):
    response = as_editor.post(reverse("desk:graph_film_new"), film_form(upload=png_upload(), upload_credit=""))
    html = response.content.decode()
    assert response.status_code == 400 and "An uploaded picture needs alt text" in html and "needs a credit" in html
    assert not Film.objects.filter(key="winter-ferry-2026").exists()


def test_a_bad_key_is_refused_with_the_rule(as_editor, graph):
    response = as_editor.post(reverse("desk:graph_film_new"), film_form(key="Winter Ferry"))
    assert response.status_code == 400 and "lowercase letters, digits and single hyphens" in response.content.decode()


def test_a_new_alias_links_the_stories_that_use_it_without_a_rebuild(as_editor, graph):
    story = save_and_publish(ArticleDraft(headline="Salt at sea", body="The crew of *Ferry of Salt* sailed on."),
                             origin="test")
    assert not Mention.objects.filter(article=story).exists()
    person_film = Film.objects.get(key="salt-meridian-2026")
    data = film_form(title=person_film.title, key=person_film.key, aliases_text="Ferry of Salt\n",
                     year="2026", distributor="", release_date="", status="")
    response = as_editor.post(reverse("desk:graph_film", args=[person_film.pk]), data, follow=True)
    html = response.content.decode()
    assert "the stories naming it are being linked again" in html and "waiting for the worker" in html
    assert not Mention.objects.filter(article=story).exists()  # the desk did not wait for it
    job = RelinkJob.objects.get()
    assert graph_relinks.run(job.pk, worker="spec:1").changed == 1
    assert Mention.objects.filter(article=story, film=person_film).exists()
    assert 'href="/films/salt-meridian-2026/"' in Client().get(story.get_absolute_url()).content.decode()
    html = as_editor.get(reverse("desk:graph_film", args=[person_film.pk])).content.decode()
    assert "Stories naming Salt Meridian (2026) linked again: 1 checked, 1 republished." in html


def test_the_relink_notice_has_a_page_and_a_json_status_the_script_polls(as_editor, graph):
    save_and_publish(ArticleDraft(headline="Salt at sea", body="The crew of *Ferry of Salt* sailed on."), origin="test")
    film = Film.objects.get(key="salt-meridian-2026")
    film.aliases = ["Ferry of Salt"]
    job = graph_edits.save_entity(film, old_names=["Salt Meridian"])
    status = as_editor.get(reverse("desk:graph_relink_status", args=[job.pk]))
    assert "no-store" in status["Cache-Control"]
    assert status.json() | {"created_at": None} == {
        "id": job.pk, "state": "queued", "state_label": "Waiting for the worker", "kind": "film",
        "label": "Salt Meridian (2026)", "total": 0, "checked": 0, "changed": 0, "errors": [], "finished": False,
        "listed": False, "created_at": None, "finished_at": None}
    page = as_editor.get(reverse("desk:graph_relink", args=[job.pk])).content.decode()
    assert "waiting for the worker" in page and reverse("desk:graph_relink_status", args=[job.pk]) in page
    assert "Reload the page to see how far it has got" in page  # without the script
    graph_relinks.run(job.pk, worker="spec:1")
    done = as_editor.get(reverse("desk:graph_relink_status", args=[job.pk])).json()
    assert (done["state"], done["total"], done["checked"], done["changed"], done["finished"]) == ("done", 1, 1, 1, True)
    assert "Reload the page" not in as_editor.get(reverse("desk:graph_relink", args=[job.pk])).content.decode()


def test_credits_are_added_and_removed_from_a_films_page(as_editor, graph):
    film = Film.objects.get(key="paper-orchard-2023")
    url = reverse("desk:graph_film_credit_add", args=[film.pk])
    as_editor.post(url, {"other": "Ada Varga", "role": "director", "job": "", "character": ""})
    credit = Credit.objects.get(film=film, person__key="ada-varga")
    response = as_editor.post(url, {"other": "Nobody Here", "role": "director"})
    assert response.status_code == 400 and "No person in the knowledge graph is “Nobody Here”" in response.content.decode()
    as_editor.post(reverse("desk:graph_film_credit_remove", args=[film.pk, credit.pk]))
    assert not Credit.objects.filter(pk=credit.pk).exists()


def test_merging_a_duplicate_moves_everything_and_its_address_redirects(as_editor, graph,
                                                                        django_capture_on_commit_callbacks):
    duplicate = Person.objects.create(key="a-varga", name="A. Varga", imdb_id="nm0000001")
    Credit.objects.create(film=Film.objects.get(key="salt-meridian-2026"), person=duplicate, role="writer")
    story = save_and_publish(ArticleDraft(headline="Varga speaks",
                                          body="A. Varga has a new film.\n\n“It is about salt,” A. Varga said.\n"),
                             origin="test")
    assert Mention.objects.filter(article=story, person=duplicate).exists()
    assert Client().get("/people/a-varga/").status_code == 200
    keep = Person.objects.get(key="ada-varga")
    with django_capture_on_commit_callbacks(execute=True):
        response = as_editor.post(reverse("desk:graph_person_merge", args=[keep.pk]), {"duplicate": "a-varga"},
                                  follow=True)
    assert "Merged “a-varga” into “Ada Varga”" in response.content.decode()
    keep.refresh_from_db()
    assert not Person.objects.filter(key="a-varga").exists()
    assert {"A. Varga", "a-varga"} <= set(keep.aliases) and keep.imdb_id == "nm0000001"
    assert Credit.objects.filter(person=keep, role="writer").exists()
    assert Mention.objects.filter(article=story, person=keep).exists()
    assert Quote.objects.get(article=story).person == keep
    assert "being linked again" in response.content.decode()
    assert RelinkJob.objects.get().entity_id == keep.pk  # the worker republishes the story with its new links
    moved = Client().get("/people/a-varga/")
    assert moved.status_code == 301 and moved["Location"].endswith("/people/ada-varga/")


def test_a_film_cannot_be_merged_into_itself(as_editor, graph):
    film = Film.objects.get(key="harbor-lights-2025")
    response = as_editor.post(reverse("desk:graph_film_merge", args=[film.pk]), {"duplicate": film.key}, follow=True)
    assert "cannot be merged into itself" in response.content.decode() and Film.objects.filter(pk=film.pk).exists()


def test_a_contributor_reads_films_but_cannot_change_them(as_contributor, graph):
    film = Film.objects.get(key="harbor-lights-2025")
    html = as_contributor.get(reverse("desk:graph_film", args=[film.pk])).content.decode()
    assert "edited by editors" in html and "<fieldset disabled>" in html
    assert as_contributor.post(reverse("desk:graph_film", args=[film.pk]), film_form()).status_code == 403


def test_a_save_that_changes_no_name_republishes_nothing(as_editor, graph):
    story = save_and_publish(ArticleDraft(headline="Harbor news", body="*Harbor Lights* opens in October."),
                             origin="test")
    film = Film.objects.get(key="harbor-lights-2025")
    before = Article.objects.get(pk=story.pk).updated_at
    data = film_form(title=film.title, key=film.key, aliases_text="Harbour Lights", year="2025",
                     distributor="Another Distributor", release_date="", status="in theaters")
    response = as_editor.post(reverse("desk:graph_film", args=[film.pk]), data, follow=True)
    html = response.content.decode()
    assert "Saved “Harbor Lights (2025)”." in html and "linked again" not in html
    assert not RelinkJob.objects.exists()
    assert Article.objects.get(pk=story.pk).updated_at == before
    assert "Another Distributor" in Client().get("/films/harbor-lights-2025/").content.decode()
