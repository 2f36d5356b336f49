"""`newsreel import-kb` takes a film's poster and a person's photo as
{"image": path relative to the JSON file, "alt", "credit", "caption"?}; the film's and the
person's pages then show it in the page, the social card and the JSON-LD. Unknown keys, here
and anywhere in the file, are errors naming their JSON path, and nothing is written."""

import copy
import json
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from PIL import Image as PILImage

from newsreel.films.knowledge import KnowledgeGraphError, import_knowledge_graph
from newsreel.films.models import Film, Person
from newsreel.images.models import Image
from tests.graph import GRAPH

pytestmark = pytest.mark.django_db

FILMS = len(GRAPH["films"])

POSTER = {"image": "posters/harbor.png", "alt": "A lighthouse under a winter sky", "credit": "Kestrel Films"}
PHOTO = {"image": "people/ada.jpg", "alt": "Ada Varga on set", "credit": "Photo: Lio Brand", "caption": "In 2024."}


def graph(**film_changes) -> dict:
    """The shared graph, with a poster on Harbor Lights (and `film_changes`) and a photo of Ada Varga."""
    data = copy.deepcopy(GRAPH)
    data["films"][0].update(poster=POSTER, **film_changes)
    data["people"][0].update(photo=PHOTO)
    return data


def folder(tmp_path, data: dict):
    (tmp_path / "posters").mkdir(exist_ok=True)
    (tmp_path / "people").mkdir(exist_ok=True)
    PILImage.new("RGB", (400, 600), (20, 40, 90)).save(tmp_path / "posters" / "harbor.png")
    PILImage.new("RGB", (300, 400), (90, 40, 20)).save(tmp_path / "people" / "ada.jpg")
    file = tmp_path / "kb.json"
    file.write_text(json.dumps(data))
    return file


def head_and_json_ld(path: str) -> tuple[str, dict]:
    html = Client().get(path).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    return html, data


def test_a_poster_and_a_photo_arrive_with_alt_and_credit_and_show_on_their_pages(tmp_path):
    call_command("import_kb", str(folder(tmp_path, graph())))
    film, person = Film.objects.get(key="harbor-lights-2025"), Person.objects.get(key="ada-varga")
    assert (film.poster.alt, film.poster.credit, film.poster.width) == (POSTER["alt"], POSTER["credit"], 400)
    assert (person.photo.alt, person.photo.credit, person.photo.caption) == (PHOTO["alt"], PHOTO["credit"], "In 2024.")
    for entity, picture in ((film, POSTER), (person, PHOTO)):
        html, data = head_and_json_ld(entity.get_absolute_url())
        assert f'alt="{picture["alt"]}"' in html and picture["credit"] in html  # in the page, with its credit
        assert 'property="og:image"' in html and f'content="{picture["alt"]}"' in html  # the social card
        graph_data = data.get("@graph", [data])
        assert any("image" in item and "/media/" in str(item["image"]) for item in graph_data), data


def test_a_reimport_reuses_the_picture_and_one_without_a_poster_keeps_it(tmp_path, capsys):
    file = folder(tmp_path, graph())
    call_command("import_kb", str(file))
    first = capsys.readouterr().out
    call_command("import_kb", str(file))
    assert Image.objects.count() == 2
    assert f"films: {FILMS} new, 0 updated, 0 unchanged" in first
    assert f"films: 0 new, 0 updated, {FILMS} unchanged" in capsys.readouterr().out
    data = graph()
    del data["films"][0]["poster"]
    file.write_text(json.dumps(data))
    call_command("import_kb", str(file))
    assert Film.objects.get(key="harbor-lights-2025").poster is not None  # e.g. one chosen in the desk since


@pytest.mark.parametrize("change, message", [
    (lambda g: g["films"][0].update(postr=POSTER), "films[0].postr: is not a known field"),
    (lambda g: g["people"][0].update(photograph="x.jpg"), "people[0].photograph: is not a known field"),
    (lambda g: g["credits"][0].update(charcter="Jonah"), "credits[0].charcter: is not a known field"),
    (lambda g: g["films"][0]["poster"].update(size="large"), "films[0].poster.size: is not a known field"),
    (lambda g: g["films"][0].update(poster="posters/harbor.png"), "films[0].poster: must be an object"),
    (lambda g: g["films"][0].update(poster={**POSTER, "alt": ""}), "films[0].poster.alt: is required"),
    (lambda g: g["people"][0].update(photo={**PHOTO, "credit": " "}), "people[0].photo.credit: is only spaces"),
    (lambda g: g["films"][0].update(poster={**POSTER, "image": "posters/missing.png"}),
     "films[0].poster.image: 'posters/missing.png': no such file"),
    (lambda g: g["films"][0].update(poster={**POSTER, "image": "/etc/passwd"}), "must be a path relative"),
    (lambda g: g["films"][0].update(poster={**POSTER, "image": "kb.json"}), "films[0].poster.image:"),
])
def test_each_problem_names_its_json_path_and_nothing_is_written(tmp_path, change, message):
    data = graph()
    change(data)
    with pytest.raises(CommandError) as raised:
        call_command("import_kb", str(folder(tmp_path, data)))
    assert message in str(raised.value) and "Nothing was imported" in str(raised.value)
    assert not Film.objects.exists() and not Person.objects.exists() and not Image.objects.exists()


def test_a_picture_needs_the_json_files_folder():
    with pytest.raises(KnowledgeGraphError, match=r"films\[0\]\.poster\.image: pictures are read relative"):
        import_knowledge_graph(graph())
