"""The worker makes the renditions an import left to it, then what shows those pictures follows.

Running the queued task makes each picture's renditions and republishes the live stories
showing it as a figure: their body and feed HTML and their stored page come out exactly as
an import making the renditions itself (`--renditions now`) would have left them. A task for
a deleted picture, or one already made, does nothing; the worker's sweep finds a picture
whose task was lost; a picture whose renditions cannot be made is marked failed with the
reason and not tried again by itself; `rebuild-renditions --missing` makes what waits now.
"""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsreel.images import catch_up, renditions
from newsreel.images.models import Image, RenditionsState
from newsreel.images.services import discard_image
from newsreel.importers.runner import import_items, markdown_items
from newsreel.newsroom.models import Article
from newsreel.newsroom.worker import Worker, WorkerOptions
from newsreel.public.models import StoredPage
from tests.images.test_renditions_later import media, picture, queued, story  # noqa: F401  (fixture and helpers)

pytestmark = pytest.mark.django_db(transaction=True)


def run_queued() -> list[list[int]]:
    """Run every queued make_renditions task as the worker would; what each returned."""
    results = []
    for task in DBTaskResult.objects.order_by("enqueued_at"):
        if task.task_path.endswith("make_renditions"):
            results.append(task.task.call(*task.args_kwargs["args"]))
            task.delete()
    return results


def imported(folder, renditions_choice: str = "later") -> Article:
    report = import_items(markdown_items(folder), total=1, render_at_end=True, renditions=renditions_choice)
    assert (report.created, report.failed) == (1, 0)
    return Article.objects.get(slug="pier")


def shown(client, article: Article) -> tuple[str, str, bytes]:
    """The story's body and feed HTML, and its stored page as readers get it."""
    article.refresh_from_db()
    client.get(article.get_absolute_url())
    page = bytes(StoredPage.objects.get(path=article.get_absolute_url()).body)
    return article.body_html, article.feed_html, page


def test_the_task_makes_the_renditions_and_the_story_then_shows_exactly_what_an_import_making_them_shows(
        tmp_path, client, settings):
    story(tmp_path / "site", "pier")
    settings.MEDIA_ROOT = tmp_path / "media-now"
    now = shown(client, imported(tmp_path / "site", "now"))
    Article.objects.all().delete()
    Image.objects.all().delete()
    StoredPage.objects.all().delete()

    settings.MEDIA_ROOT = tmp_path / "media-later"
    article = imported(tmp_path / "site")
    before = shown(client, article)
    assert b"srcset" not in before[2]
    assert run_queued() == [sorted(Image.objects.values_list("pk", flat=True))]
    assert all(renditions.is_current(image.renditions, image) and image.renditions_state == ""
               for image in Image.objects.all())
    after = shown(client, article)
    assert "srcset" in after[0] and b"srcset" in after[2]

    def same_ids(text):  # PostgreSQL gives the second import's rows new ids (SQLite reuses the deleted ones)
        return re.sub(r"(articles?|image)[:/=-]\d+", r"\1:N", text if isinstance(text, str) else text.decode())
    assert [same_ids(part) for part in after] == [same_ids(part) for part in now]


def test_the_story_s_stored_page_is_dropped_and_comes_back_with_the_hero_s_renditions(tmp_path, client):
    story(tmp_path, "pier")
    article = imported(tmp_path)
    hero = Image.objects.get(pk=article.hero_image_id)
    client.get(article.get_absolute_url())
    client.get("/")
    assert hero.file.url.encode() in bytes(StoredPage.objects.get(path=article.get_absolute_url()).body)
    run_queued()
    assert not StoredPage.objects.filter(path__in=[article.get_absolute_url(), "/"]).exists()
    hero.refresh_from_db()
    assert renditions.picture(hero).webp_srcset in client.get(article.get_absolute_url()).content.decode()


def test_the_stories_are_not_published_again_for_their_pictures(tmp_path):
    from newsreel.newsroom.signals import article_published

    story(tmp_path, "pier")
    article = imported(tmp_path)
    published = []
    article_published.connect(lambda sender, article, **kwargs: published.append(article.pk), weak=False,
                              dispatch_uid="spec.renditions.published")
    try:
        run_queued()
    finally:
        article_published.disconnect(dispatch_uid="spec.renditions.published")
    assert published == [] and "srcset" in Article.objects.get(pk=article.pk).body_html


def test_a_task_for_a_deleted_picture_or_one_already_made_is_harmless(tmp_path):
    story(tmp_path, "pier")
    article = imported(tmp_path)
    hero, still = Image.objects.get(pk=article.hero_image_id), Image.objects.exclude(pk=article.hero_image_id).get()
    discard_image(still)
    made = catch_up.make([hero.pk, still.pk])
    assert made.made == [hero.pk] and made.skipped == [still.pk]
    hero.refresh_from_db()
    names = renditions.stored_names(hero.renditions)
    assert names and run_queued() == [[]]  # the queued task: one made already, one gone
    hero.refresh_from_db()
    assert renditions.stored_names(hero.renditions) == names  # not made a second time
    assert catch_up.make([hero.pk, 999999]).made == []


def test_the_sweep_makes_the_pictures_whose_task_was_lost(tmp_path):
    story(tmp_path, "pier")
    imported(tmp_path)
    DBTaskResult.objects.all().delete()  # the task is lost
    worker = Worker(WorkerOptions(once=True), report=lambda line: None)
    worker.sweep()
    assert Image.objects.filter(renditions_state=RenditionsState.WAITING).count() == 2  # young: left to its task
    Image.objects.update(renditions_since=timezone.now() - catch_up.LOST_AFTER - dt.timedelta(seconds=1))
    worker.sweep()
    assert all(renditions.is_current(image.renditions, image) and image.renditions_state == ""
               for image in Image.objects.all())
    assert "srcset" in Article.objects.get(slug="pier").body_html


def test_a_picture_a_killed_worker_was_making_is_taken_over_after_the_stale_time(tmp_path):
    story(tmp_path, "pier")
    imported(tmp_path)
    Image.objects.update(renditions_state=RenditionsState.MAKING, renditions_since=timezone.now())
    assert catch_up.run_waiting().made == [] and run_queued() == [[]]  # another worker holds them
    Image.objects.update(renditions_since=timezone.now() - catch_up.STALE_AFTER - dt.timedelta(seconds=1))
    assert len(catch_up.run_waiting().made) == 2


def test_a_picture_whose_renditions_cannot_be_made_is_marked_failed_and_not_tried_again(tmp_path, monkeypatch):
    story(tmp_path, "pier")
    article = imported(tmp_path)
    still = Image.objects.exclude(pk=article.hero_image_id).get()
    still.file.storage.delete(still.file.name)  # its file gone from the media folder
    tried = []
    build = renditions.build_renditions
    monkeypatch.setattr(renditions, "build_renditions", lambda image: tried.append(image.pk) or build(image))
    outcome = catch_up.make([still.pk])
    state, error = Image.objects.filter(pk=still.pk).values_list("renditions_state", "renditions_error").get()
    assert list(outcome.failed) == [still.pk] and state == RenditionsState.FAILED
    assert error.startswith("FileNotFoundError") and still.file.name in error
    Image.objects.filter(pk=still.pk).update(renditions_since=timezone.now() - dt.timedelta(days=1))
    assert still.pk not in catch_up.run_waiting().made + list(catch_up.run_waiting().failed)
    assert tried == [still.pk]


def test_rebuild_renditions_missing_makes_what_waits_now_and_refreshes_the_story(tmp_path):
    story(tmp_path, "pier")
    article = imported(tmp_path)
    DBTaskResult.objects.all().delete()
    out = io.StringIO()
    call_command("rebuild_renditions", "--missing", stdout=out)
    assert "Rebuilt renditions for 2 of 2 images" in out.getvalue()
    assert "the stories and pages showing 2 of them refreshed" in out.getvalue()
    assert "srcset" in Article.objects.get(pk=article.pk).body_html
    out = io.StringIO()
    call_command("rebuild_renditions", "--missing", stdout=out)
    assert "Rebuilt renditions for 0 of 0 images" in out.getvalue()


def test_rebuild_renditions_missing_tries_a_failed_picture_again_and_says_why_it_fails(tmp_path):
    story(tmp_path, "pier")
    article = imported(tmp_path)
    still = Image.objects.exclude(pk=article.hero_image_id).get()
    still.file.storage.delete(still.file.name)
    catch_up.make([still.pk])
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 image"):
        call_command("rebuild_renditions", "--missing", stdout=io.StringIO(), stderr=err)
    assert f"image {still.pk}: FileNotFoundError" in err.getvalue()


def test_a_story_that_fails_to_derive_again_keeps_its_html_and_the_pictures_are_still_made(tmp_path, monkeypatch):
    from newsreel.newsroom import publishing

    story(tmp_path, "pier")
    article = imported(tmp_path)
    before = article.body_html
    monkeypatch.setattr(publishing, "_process", lambda *args, **kwargs: 1 / 0)
    run_queued()
    assert all(renditions.is_current(image.renditions, image) for image in Image.objects.all())
    assert Article.objects.get(pk=article.pk).body_html == before


def test_the_same_bytes_stored_under_two_alt_texts_are_encoded_once_by_the_worker(tmp_path, monkeypatch):
    site = tmp_path / "site"
    picture(site / "still.jpg")
    (site / "pier.md").write_text(
        "---\ntitle: Pier\nslug: pier\nsection: news\n"
        "hero: {image: still.jpg, alt: The pier featured, credit: 'Photo: Desk'}\n---\n\nWords.\n\n"
        ":::figure credit=\"Photo: Desk\"\n![The pier in the story](still.jpg)\nA caption.\n:::\n", encoding="utf-8")
    imported(site)
    encoded = []
    encode = renditions.encode_renditions
    monkeypatch.setattr(renditions, "encode_renditions", lambda *args: encoded.append(args[1:]) or encode(*args))
    assert [sorted(made) for made in run_queued()] == [sorted(Image.objects.values_list("pk", flat=True))]
    assert Image.objects.count() == 2 and encoded == [(0.5, 0.5)]
    names = [set(renditions.stored_names(image.renditions)) for image in Image.objects.all()]
    assert names[0] and not names[0] & names[1]  # each picture has its own copies


def test_a_story_whose_links_changed_since_it_was_published_is_published_again(tmp_path):
    from newsreel.films.knowledge import import_knowledge_graph
    from newsreel.films.models import Film
    from newsreel.newsroom import graph_edits
    from newsreel.newsroom.models import Mention
    from tests.graph import GRAPH

    import_knowledge_graph(GRAPH)
    story(tmp_path, "pier", extra="")
    (tmp_path / "pier.md").write_text((tmp_path / "pier.md").read_text().replace(
        "The ferry left at six.", "The crew of *Ferry of Salt* sailed on."), encoding="utf-8")
    article = imported(tmp_path)
    salt = Film.objects.get(key="salt-meridian-2026")
    old = graph_edits.names_of(salt)
    salt.aliases = [*salt.aliases, "Ferry of Salt"]
    graph_edits.save_entity(salt, old_names=old)  # its relink job is left waiting: no worker has run it
    assert not Mention.objects.filter(article=article, film=salt).exists()
    run_queued()
    assert Mention.objects.filter(article=article, film=salt).exists()
    assert "srcset" in Article.objects.get(pk=article.pk).body_html
