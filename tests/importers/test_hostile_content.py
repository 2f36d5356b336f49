"""`newsreel import content DIR` on exports mutated by the fuzzing of 2026-12-06: an entry of
the wrong shape in a shared file, JSON nested thousands deep, a story's `newsreel:` block with
fields of the wrong kind. Each is named by file and JSON path (or line and field) before
anything is written, never a traceback half-way through; and the import fetches nothing."""

from __future__ import annotations

import importlib
import io
import json

import pytest
from django.core.management import CommandError, call_command

from newsreel.embeds import fetcher
from newsreel.films.models import Film
from newsreel.images.models import Image
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Section, Tag
from newsreel.newsroom.publishing import save_and_publish
from newsreel.exporters.content import export_content
from tests.importers.test_import_content import empty_the_site, newsroom  # noqa: F401 - the shared fixture

pytestmark = pytest.mark.django_db

SECTIONS = importlib.import_module("newsreel.newsroom.migrations.0002_default_sections").SECTIONS


def import_content(folder) -> str:
    errors = io.StringIO()
    try:
        call_command("import", "content", str(folder), stdout=io.StringIO(), stderr=errors)
    except CommandError as error:
        return errors.getvalue() + str(error)
    return errors.getvalue()


def change_json(path, change) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("file, change, problem", [
    ("site.json", lambda site: site["tags"][0].pop("slug"), r"site.json: .tags[0].slug: is missing"),
    ("site.json", lambda site: site["sections"][0].update(name=["News"]), "site.json: .sections[0].name: must be text, not [\"News\"]"),
    ("site.json", lambda site: site["authors"].append("Mira Solberg"), r"site.json: .authors[1]: must be an object"),
    ("images.json", lambda images: images["images"][0].update(focal_x={"x": 1}), r"images.json: .images[0].focal_x: must be number"),
])
def test_a_shared_entry_of_the_wrong_shape_is_named_before_anything_is_written(newsroom, tmp_path, settings, file, change,
                                                                                problem):
    export_content(tmp_path / "out")
    change_json(tmp_path / "out" / file, change)
    empty_the_site(settings, tmp_path)
    said = import_content(tmp_path / "out")
    assert problem in said and "Traceback" not in said
    assert not Article.objects.exists() and not Film.objects.exists() and not Image.objects.exists()
    assert not Tag.objects.exists()


@pytest.mark.parametrize("location", [
    "javascript:alert(1)", "https://elsewhere.example/story/", "//elsewhere.example/story/",
    "/\\elsewhere.example/story/", " /stories/padded/", "/stories/line\nbreak/", "stories/relative/",
])
def test_a_redirect_out_of_the_site_is_refused_before_anything_is_written(newsroom, tmp_path, settings, location):
    # Every redirect Newsreel stores sends an old address of its own to another of its own
    # (a changed slug, an imported permalink), so an export holds nothing else. A hand-edited
    # one that sends readers to a script or to another host is an open redirect on the site.
    export_content(tmp_path / "out")
    change_json(tmp_path / "out" / "redirects.json",
                lambda data: data["redirects"].append({"path": "/old/address/", "location": location}))
    empty_the_site(settings, tmp_path)
    said = import_content(tmp_path / "out")
    index = len(json.loads((tmp_path / "out" / "redirects.json").read_text())["redirects"]) - 1
    assert f"redirects.json: .redirects[{index}].location: must be an address on this site" in said, said
    assert "Traceback" not in said
    assert not Article.objects.exists() and not Image.objects.exists()


def test_a_redirect_to_an_address_on_the_site_is_kept(newsroom, tmp_path, settings):
    from newsreel.public.models import StoredPage

    export_content(tmp_path / "out")
    change_json(tmp_path / "out" / "redirects.json",
                lambda data: data["redirects"].append({"path": "/old/address/", "location": "/stories/moved-here/"}))
    empty_the_site(settings, tmp_path)
    import_content(tmp_path / "out")
    assert StoredPage.objects.get(path="/old/address/").location == "/stories/moved-here/"


def test_a_shared_file_nested_thousands_deep_is_named(newsroom, tmp_path, settings):
    export_content(tmp_path / "out")
    (tmp_path / "out" / "graph-extra.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    empty_the_site(settings, tmp_path)
    assert "graph-extra.json, line 1, column 500: nested too deep: more than 500 levels of arrays and objects inside " \
           "one another here; a content export's graph-extra.json needs a few" in import_content(tmp_path / "out")
    assert not Film.objects.exists()


def test_a_number_of_thousands_of_digits_in_a_shared_file_is_named_with_its_line_and_column(newsroom, tmp_path, settings):
    export_content(tmp_path / "out")
    site = tmp_path / "out" / "site.json"
    written = json.dumps(json.loads(site.read_text(encoding="utf-8")), indent=2)
    written = written.replace('"settings": {', '"settings": {"x": ' + "9" * 5000 + ",", 1)
    site.write_text(written, encoding="utf-8")
    at = written.index("9" * 5000)
    line, column = written[:at].count("\n") + 1, at - written.rfind("\n", 0, at)
    empty_the_site(settings, tmp_path)
    assert f"site.json, line {line}, column {column}: a number with more than 4,300 digits (5,000); no field of a " \
           "content export's site.json needs one" in import_content(tmp_path / "out")
    assert not Article.objects.exists() and not Film.objects.exists() and not Tag.objects.exists()


def test_a_newsreel_block_field_of_the_wrong_kind_is_named_with_its_line_and_the_others_import(newsroom, tmp_path, settings):
    export_content(tmp_path / "out")
    path = tmp_path / "out" / "stories" / "notes-from-the-edit.md"
    text = path.read_text(encoding="utf-8").replace("  state: draft\n", "  state: {live: true}\n  body_leading_newlines: two\n"
                                                    "  source_ids:\n  - {source: 5}\n")
    path.write_text(text, encoding="utf-8")
    line = text.split("\n").index("  state: {live: true}") + 1
    empty_the_site(settings, tmp_path)
    said = import_content(tmp_path / "out")
    assert f"stories/notes-from-the-edit.md: front matter.newsreel.state, line {line}:" in said
    assert f"front matter.newsreel.body_leading_newlines, line {line + 1}: must be whole number or null, not \"two\"" in said
    assert f"front matter.newsreel.source_ids[0].external_id, line {line + 2}: is missing" in said
    assert "Traceback" not in said and "1 story file" in said
    assert list(Article.objects.values_list("slug", flat=True)) == ["harbor-lights-homecoming"]


@pytest.fixture
def news_section(transactional_db):
    """The sections a new site starts with: a transactional test before this one empties the tables."""
    for slug, name, description, order in SECTIONS:
        Section.objects.get_or_create(slug=slug, defaults={"name": name, "description": description, "order": order})


@pytest.mark.django_db(transaction=True)  # a test's own transaction would keep the fetcher away by itself
def test_importing_content_fetches_no_embed_poster(news_section, newsroom, tmp_path, settings, monkeypatch):
    save_and_publish(ArticleDraft(headline="The trailer is out", slug="trailer-out", section="news",
                                  body="Watch it here.\n\nhttps://www.youtube.com/watch?v=abcdefghijk\n\nThat is all."))
    export_content(tmp_path / "out")
    empty_the_site(settings, tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(fetcher, "fetch", lambda embed: asked.append(embed.link) or fetcher.Fetched())
    settings.EMBED_POSTERS = True  # as a site that fetches posters has it
    said = import_content(tmp_path / "out")
    assert Article.objects.filter(slug="trailer-out").exists(), said
    assert asked == []
