"""An import stores its pictures without renditions and leaves them to the worker, once committed.

Nothing in the import waits for an encoding: a new picture is checked and stored (file,
size, row) and marked waiting; its story's figures and pages show the original with its
width and height. The pictures are queued for the worker (`images.tasks.make_renditions`,
in batches) when the transaction that stored them commits: never for a story rolled back,
nor for a dry run. `renditions="now"` keeps the import making them itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult
from PIL import Image as PILImage

from newsreel.images import renditions, renditions_later
from newsreel.images.models import Image, RenditionsState
from newsreel.importers.runner import import_items, markdown_items
from newsreel.newsroom.models import Article, Section

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    Section.objects.get_or_create(slug="news", defaults={"name": "News", "order": 1})
    return settings.MEDIA_ROOT


def picture(path: Path, colour=(40, 60, 90), size=(1200, 675)) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    PILImage.new("RGB", size, colour).save(path)


def story(folder: Path, slug: str, *, hour: int = 1, extra: str = "") -> None:
    """A Markdown story with a hero and a figure, each its own picture file."""
    picture(folder / f"{slug}-hero.jpg", (hour * 20, 60, 90))
    picture(folder / f"{slug}-still.jpg", (90, hour * 20, 60), size=(800, 450))
    (folder / f"{slug}.md").write_text(
        f"---\ntitle: Story {slug}\nslug: {slug}\nsection: news\ndate: 2024-03-0{hour}T09:00:00Z\n"
        f"hero: {{image: {slug}-hero.jpg, alt: The harbour at dusk, credit: 'Photo: Desk'}}\n{extra}---\n\n"
        f"The ferry left at six.\n\n:::figure credit=\"Photo: Desk\"\n![The pier lamps]({slug}-still.jpg)\n"
        "Four lamps were lit.\n:::\n", encoding="utf-8")


def queued() -> list[list[int]]:
    return [task.args_kwargs["args"][0] for task in DBTaskResult.objects.order_by("enqueued_at")
            if task.task_path.endswith("make_renditions")]


def test_an_import_stores_its_pictures_without_renditions_and_its_pages_show_the_originals_with_their_size(tmp_path, client):
    story(tmp_path, "pier")
    encoded = []
    original = renditions.encode_renditions
    renditions.encode_renditions = lambda *args: encoded.append(args) or original(*args)
    try:
        report = import_items(markdown_items(tmp_path), total=1, render_at_end=True)
    finally:
        renditions.encode_renditions = original
    assert (report.created, report.failed, report.pictures_waiting) == (1, 0, 2)
    assert encoded == []  # nothing encoded during the import, not even ahead in a thread
    images = list(Image.objects.order_by("pk"))
    assert len(images) == 2 and all(image.renditions == {} for image in images)
    assert {image.renditions_state for image in images} == {RenditionsState.WAITING}
    assert all(image.width and image.height and image.file for image in images)

    article = Article.objects.get(slug="pier")
    still = next(image for image in images if image.pk != article.hero_image_id)
    assert f'src="{still.file.url}"' in article.body_html and 'width="800" height="450"' in article.body_html
    assert "srcset" not in article.body_html and "srcset" not in article.feed_html
    page = client.get("/articles/pier/").content.decode()
    hero = Image.objects.get(pk=article.hero_image_id)
    assert hero.file.url in page and 'width="1200" height="675"' in page and "srcset" not in page


def test_the_committed_pictures_are_queued_for_the_worker_in_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(renditions_later, "BATCH", 3)
    for hour, slug in enumerate(["alpha", "beta", "gamma"], start=1):
        story(tmp_path, slug, hour=hour)
    report = import_items(markdown_items(tmp_path), total=3, render_at_end=True)
    assert report.created == 3 and report.pictures_waiting == 6
    batches = queued()
    assert [len(batch) for batch in batches] == [3, 3]
    assert sorted(pk for batch in batches for pk in batch) == sorted(Image.objects.values_list("pk", flat=True))


def test_a_dry_run_queues_nothing_and_keeps_nothing(tmp_path):
    story(tmp_path, "pier")
    report = import_items(markdown_items(tmp_path), total=1, render_at_end=True, dry_run=True)
    assert report.created == 1 and report.pictures_waiting == 0
    assert not Image.objects.exists() and queued() == []


def test_a_story_rolled_back_in_its_chunk_queues_none_of_its_pictures(tmp_path):
    story(tmp_path, "good", hour=1)
    story(tmp_path, "broken", hour=2, extra="section: [not, a, section]\n")
    report = import_items(markdown_items(tmp_path), total=2, render_at_end=True)
    assert (report.created, report.failed, report.pictures_waiting) == (1, 1, 2)
    good = Article.objects.get(slug="good")
    kept = set(Image.objects.values_list("pk", flat=True))
    assert len(kept) == 2 and good.hero_image_id in kept
    assert sorted(pk for batch in queued() for pk in batch) == sorted(kept)


def test_one_story_at_a_time_each_story_s_pictures_are_queued_after_its_commit(tmp_path):
    story(tmp_path, "alpha", hour=1)
    story(tmp_path, "broken", hour=2, extra="section: [not, a, section]\n")
    report = import_items(markdown_items(tmp_path), total=2, render_at_end=False)
    assert (report.created, report.failed) == (1, 1)
    assert sorted(pk for batch in queued() for pk in batch) == sorted(Image.objects.values_list("pk", flat=True))


def test_with_renditions_now_the_import_makes_them_and_queues_nothing(tmp_path):
    story(tmp_path, "pier")
    report = import_items(markdown_items(tmp_path), total=1, render_at_end=True, renditions="now")
    assert report.created == 1 and report.pictures_waiting == 0 and queued() == []
    images = list(Image.objects.all())
    assert len(images) == 2
    assert all(renditions.is_current(image.renditions, image) and image.renditions_state == "" for image in images)
    assert "srcset" in Article.objects.get(slug="pier").body_html


def test_a_picture_stored_before_without_renditions_is_left_to_the_worker_too(tmp_path):
    from newsreel.images.services import create_image

    picture(tmp_path / "old.jpg")
    old = create_image((tmp_path / "old.jpg").open("rb"), alt="An old still", credit="Photo: Desk")
    Image.objects.filter(pk=old.pk).update(renditions={})  # stored before renditions existed
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "old.md").write_text(
        f"---\ntitle: Old picture\nsection: news\n---\n\nWords.\n\n:::figure credit=\"Photo: Desk\"\n"
        f"![An old still](image:{old.pk})\nA caption.\n:::\n", encoding="utf-8")
    report = import_items(markdown_items(tmp_path / "site"), total=1, render_at_end=True)
    assert report.created == 1 and report.pictures_waiting == 1
    assert Image.objects.get(pk=old.pk).renditions == {} and queued() == [[old.pk]]


def test_an_unknown_choice_of_renditions_is_refused_by_name():
    with pytest.raises(ValueError, match="renditions must be one of later, now, not 'soon'"):
        import_items([], total=0, renditions="soon")


def test_an_upload_outside_an_import_still_gets_its_renditions_at_once(tmp_path):
    from newsreel.images.services import create_image

    picture(tmp_path / "desk.jpg")
    image = create_image((tmp_path / "desk.jpg").open("rb"), alt="A still", credit="Photo: Desk")
    assert renditions.is_current(image.renditions, image) and image.renditions_state == "" and queued() == []


def test_a_queue_the_database_refuses_loses_no_picture_and_fails_no_story(tmp_path, monkeypatch):
    from django.db import OperationalError

    from newsreel.images import tasks

    class Refused:
        def enqueue(self, *args, **kwargs):
            raise OperationalError("database is locked")
    monkeypatch.setattr(tasks, "make_renditions", Refused())
    story(tmp_path, "pier")
    report = import_items(markdown_items(tmp_path), total=1, render_at_end=True)
    assert (report.created, report.failed, report.pictures_waiting) == (1, 0, 2)
    assert queued() == [] and all(image.file.storage.exists(image.file.name) for image in Image.objects.all())
    assert set(Image.objects.values_list("renditions_state", flat=True)) == {RenditionsState.WAITING}  # the sweep's


def test_a_picture_shared_by_the_stories_of_a_chunk_is_marked_waiting_once_unless_a_story_that_held_it_rolled_back(tmp_path):
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from newsreel.images.services import create_image

    picture(tmp_path / "shared.jpg")
    shared = create_image((tmp_path / "shared.jpg").open("rb"), alt="A still", credit="Photo: Desk")
    Image.objects.filter(pk=shared.pk).update(renditions={})
    shared.renditions_state = RenditionsState.NONE

    class Refused(Exception):
        pass
    with renditions_later.renditions_later():
        with transaction.atomic():  # a chunk
            try:
                with transaction.atomic():  # a story that fails after holding the picture
                    renditions_later.hold([shared])
                    raise Refused
            except Refused:
                pass
            assert Image.objects.get(pk=shared.pk).renditions_state == RenditionsState.NONE
            with transaction.atomic():  # the next story holds it again: its row is marked anew
                renditions_later.hold([shared])
            assert Image.objects.get(pk=shared.pk).renditions_state == RenditionsState.WAITING
            with CaptureQueriesContext(connection) as queries, transaction.atomic():  # a third one asks nothing
                renditions_later.hold([shared])
            assert [query["sql"] for query in queries if "images_image" in query["sql"]] == []
    assert Image.objects.get(pk=shared.pk).renditions_state == RenditionsState.WAITING
    assert queued() == [[shared.pk]]


def test_a_picture_an_earlier_chunk_committed_as_waiting_is_not_marked_again(tmp_path):
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from newsreel.images.services import create_image

    picture(tmp_path / "shared.jpg")
    shared = create_image((tmp_path / "shared.jpg").open("rb"), alt="A still", credit="Photo: Desk")
    Image.objects.filter(pk=shared.pk).update(renditions={})
    shared.renditions_state = RenditionsState.NONE
    with renditions_later.renditions_later():
        with transaction.atomic():
            renditions_later.hold([shared])
        renditions_later.send_committed()
        Image.objects.filter(pk=shared.pk).update(renditions_state=RenditionsState.NONE)  # the worker made them
        with CaptureQueriesContext(connection) as queries, transaction.atomic():
            renditions_later.hold([shared])
    assert [query["sql"] for query in queries if "images_image" in query["sql"]] == []
    assert Image.objects.get(pk=shared.pk).renditions_state == RenditionsState.NONE and queued() == [[shared.pk]]
