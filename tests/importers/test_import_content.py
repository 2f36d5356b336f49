"""`newsreel import content DIR`: the rules around the round trip (tests/exporters/test_content_round_trip.py).

It imports only into an empty site; unreadable shared files stop it before anything is
written, naming the file and the JSON path; a story the intake refuses is named with its
file, line and field while the others import; ids, times, states and pictures come back;
passwords never leave the site.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from PIL import Image as PILImage

from newsreel.exporters.content import ContentExportError, export_content
from newsreel.films.knowledge import import_knowledge_graph
from newsreel.films.models import Film, Person
from newsreel.images.models import Image
from newsreel.images.services import create_image
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Author, Tag, WorkflowState
from newsreel.newsroom.publishing import save_and_publish, save_draft
from newsreel.public.models import StoredPage
from tests.graph import GRAPH

pytestmark = pytest.mark.django_db



def picture() -> ContentFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 400), (40, 90, 140)).save(buffer, "PNG")
    return ContentFile(buffer.getvalue(), name="lantern.png")


@pytest.fixture
def newsroom(django_user_model):
    """A small site: the shared graph, a credited picture, a live story with it as hero, and a draft."""
    import_knowledge_graph(GRAPH)
    django_user_model.objects.create_user("writer", password="a-secret-never-exported")
    hero = create_image(picture(), alt="A lighthouse at dusk", credit="Invented Studio", caption="The lamp room")
    live = save_and_publish(ArticleDraft(
        headline="Harbor Lights comes home to the harbour", slug="harbor-lights-homecoming",
        body="Ada Varga's *Harbor Lights* opens on a quiet coast.", section="news",
        tags=["Festivals"], authors=["Mira Solberg"], hero_image=hero.pk,
        publish_at=dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.timezone.utc)))
    draft = save_draft(ArticleDraft(headline="Notes from the edit", body="Not yet.", section="features"))
    return live, draft, hero


def empty_the_site(settings, tmp_path: Path) -> None:
    """The same database with no content left and a new media folder: an empty site to import into."""
    Article.objects.all().delete()
    Image.objects.all().delete()
    Film.objects.all().delete()
    Person.objects.all().delete()
    Author.objects.all().delete()
    Tag.objects.all().delete()
    StoredPage.objects.all().delete()
    settings.MEDIA_ROOT = str(tmp_path / "new-media")


def test_a_story_comes_back_with_its_id_times_state_hero_and_graph(newsroom, tmp_path, settings):
    live, draft, hero = newsroom
    export_content(tmp_path / "out")
    text = (tmp_path / "out" / "stories" / "harbor-lights-homecoming.md").read_text(encoding="utf-8")
    assert text.startswith("---\nheadline: Harbor Lights comes home to the harbour\n")
    assert f"  id: {live.pk}\n" in text and f"  hero_image: {hero.pk}\n" in text
    before = Article.objects.values("id", "slug", "state", "published_at", "created_at", "updated_at").order_by("id")
    before = list(before)
    empty_the_site(settings, tmp_path)

    out = io.StringIO()
    call_command("import", "content", str(tmp_path / "out"), stdout=out, stderr=io.StringIO())

    assert "2 stories (0 failed)" in out.getvalue()
    assert list(Article.objects.values("id", "slug", "state", "published_at", "created_at", "updated_at")
                .order_by("id")) == before
    again = Article.objects.get(slug="harbor-lights-homecoming")
    assert again.hero_image.pk == hero.pk and again.hero_image.credit == "Invented Studio"
    assert again.hero_image.file.name == hero.file.name  # the same name in the new media folder
    assert Article.objects.get(pk=draft.pk).state == WorkflowState.DRAFT
    assert list(again.authors.values_list("name", flat=True)) == ["Mira Solberg"]
    assert set(Film.objects.get(key="harbor-lights-2025").credits.values_list("person__key", "role", "job", "character")) \
        == {(credit["person"], credit["role"], credit.get("job", ""), credit.get("character", ""))
            for credit in GRAPH["credits"] if credit["film"] == "harbor-lights-2025"}


def test_import_refuses_a_site_that_is_not_empty_and_changes_nothing(newsroom, tmp_path):
    export_content(tmp_path / "out")
    count = Article.objects.count()
    with pytest.raises(CommandError, match=rf"this site is not empty \(2 stories, 1 images, {len(GRAPH['films'])} films"):
        call_command("import", "content", str(tmp_path / "out"), stdout=io.StringIO(), stderr=io.StringIO())
    assert Article.objects.count() == count


def test_export_refuses_a_folder_that_is_not_empty(newsroom, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ContentExportError, match="is not an empty folder"):
        export_content(tmp_path / "out")


def test_passwords_never_leave_the_site(newsroom, tmp_path, django_user_model):
    export_content(tmp_path / "out")
    site = json.loads((tmp_path / "out" / "site.json").read_text(encoding="utf-8"))
    assert [user["username"] for user in site["users"]] == ["writer"]
    hashed = django_user_model.objects.get(username="writer").password
    every_file = "".join(path.read_text(encoding="utf-8", errors="replace")
                         for path in (tmp_path / "out").rglob("*") if path.is_file() and path.suffix in {".json", ".md"})
    assert "password" not in site["users"][0] and hashed not in every_file


def test_a_bad_story_is_named_with_file_line_and_field_and_the_others_import(newsroom, tmp_path, settings):
    export_content(tmp_path / "out")
    path = tmp_path / "out" / "stories" / "notes-from-the-edit.md"
    path.write_text(path.read_text(encoding="utf-8").replace("state: draft", "state: live"), encoding="utf-8")
    line = path.read_text(encoding="utf-8").split("\n").index("  state: live") + 1
    empty_the_site(settings, tmp_path)
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 story file"):
        call_command("import", "content", str(tmp_path / "out"), stdout=io.StringIO(), stderr=errors)
    assert (f"stories/notes-from-the-edit.md: front matter.newsreel.state, line {line}: 'live' is not one of"
            in errors.getvalue())
    assert list(Article.objects.values_list("slug", flat=True)) == ["harbor-lights-homecoming"]


def test_a_bad_shared_file_stops_the_import_before_anything_is_written(newsroom, tmp_path, settings):
    export_content(tmp_path / "out")
    images = tmp_path / "out" / "images.json"
    data = json.loads(images.read_text(encoding="utf-8"))
    data["images"][0]["credit"] = " "
    images.write_text(json.dumps(data), encoding="utf-8")
    empty_the_site(settings, tmp_path)
    with pytest.raises(CommandError, match=r"images.json: .images\[0\].credit: every image needs a credit"):
        call_command("import", "content", str(tmp_path / "out"), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Article.objects.exists() and not Film.objects.exists() and not Image.objects.exists()


def test_a_picture_that_links_out_of_the_export_is_refused_before_anything_is_written(newsroom, tmp_path, settings):
    export_content(tmp_path / "out")
    [stored] = (tmp_path / "out" / "media").rglob("*.png")
    elsewhere = tmp_path / "another-sites-picture.png"
    elsewhere.write_bytes(picture().read())
    stored.unlink()
    stored.symlink_to(elsewhere)
    empty_the_site(settings, tmp_path)
    with pytest.raises(CommandError, match=r"images.json: .images\[0\].file: .* is a link to a file outside the export"):
        call_command("import", "content", str(tmp_path / "out"), stdout=io.StringIO(), stderr=io.StringIO())
    assert not Article.objects.exists() and not Image.objects.exists()


def test_a_story_that_links_out_of_the_export_is_named_and_the_others_import(newsroom, tmp_path, settings):
    export_content(tmp_path / "out")
    story = tmp_path / "out" / "stories" / "notes-from-the-edit.md"
    elsewhere = tmp_path / "not-part-of-the-export.md"
    elsewhere.write_text(story.read_text(encoding="utf-8"), encoding="utf-8")
    story.unlink()
    story.symlink_to(elsewhere)
    empty_the_site(settings, tmp_path)
    errors = io.StringIO()
    with pytest.raises(CommandError, match="1 story file"):
        call_command("import", "content", str(tmp_path / "out"), stdout=io.StringIO(), stderr=errors)
    assert "stories/notes-from-the-edit.md: a link to a file outside the export" in errors.getvalue()
    assert list(Article.objects.values_list("slug", flat=True)) == ["harbor-lights-homecoming"]
