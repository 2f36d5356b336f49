"""Relinking after a film or person changed in the desk runs in the worker: the save queues
one job and returns; the job checks the stories naming it, records its progress, is held by
one worker at a time, carries on where a killed worker stopped, and survives one story's
failure. (Real worker processes: test_relink_worker_processes.py.)"""

import datetime as dt
import os
import socket
import subprocess
import sys

import pytest
from django_tasks_db.models import DBTaskResult

from newsreel.films.models import Film
from newsreel.newsroom import clock, graph_edits, graph_relinks
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article, Mention, RelinkJob, RelinkState
from newsreel.newsroom.publishing import save_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def salt(small_graph):
    return Film.objects.get(key="salt-meridian-2026")


def stories(count: int, text: str = "The crew of *Ferry of Salt* sailed on.") -> list[Article]:
    return [save_and_publish(ArticleDraft(headline=f"Salt story {n}", body=f"Part {n}. {text}"), origin="test")
            for n in range(count)]


def new_alias(film: Film, alias: str = "Ferry of Salt") -> RelinkJob:
    old = graph_edits.names_of(Film.objects.get(pk=film.pk))
    film.aliases = [*film.aliases, alias]
    return graph_edits.save_entity(film, old_names=old)


def dead_holder() -> str:
    """A holder whose process (on this machine) has exited."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return f"{socket.gethostname()}:{done.stdout.strip()}"


def test_a_new_alias_queues_one_job_and_task_and_links_nothing_until_the_worker_runs(salt):
    naming = stories(3)
    other = save_and_publish(ArticleDraft(headline="Prices", body="Ticket prices rose."), origin="test")
    job = new_alias(salt)
    assert job.state == RelinkState.QUEUED and job.names == []
    assert [task.args_kwargs["args"] for task in DBTaskResult.objects.all()] == [[job.pk]]
    assert not Mention.objects.filter(film=salt).exists()

    done = graph_relinks.run(job.pk, worker="spec:1")
    assert (done.state, done.total, done.checked, done.changed, done.errors) == ("done", 3, 3, 3, [])
    assert set(done.story_ids) == {story.pk for story in naming} and other.pk not in done.story_ids
    assert all(Mention.objects.filter(article=story, film=salt).exists() for story in naming)
    assert done.started_at and done.finished_at and done.claimed_by == "spec:1"


def test_saves_before_the_worker_runs_make_one_job_with_every_old_name(salt):
    stories(1, "The old *Salt Meridian* cut returns.")
    first = new_alias(salt)
    salt.title = "Salt Meridian Redux"
    second = graph_edits.save_entity(salt, old_names=graph_edits.names_of(Film.objects.get(pk=salt.pk)) | {"Salt Meridian"})
    assert first.pk == second.pk and RelinkJob.objects.count() == 1 and DBTaskResult.objects.count() == 1
    assert "Salt Meridian" in RelinkJob.objects.get().names
    assert graph_relinks.run(first.pk, worker="spec:1").total == 1  # found by its old title


def test_a_removed_alias_drops_the_mentions_it_made(salt):
    naming = stories(2)
    graph_relinks.run(new_alias(salt).pk, worker="spec:1")
    old = graph_edits.names_of(salt)
    salt.aliases = []
    job = graph_edits.save_entity(salt, old_names=old)
    assert job.names == ["Ferry of Salt"]
    assert graph_relinks.run(job.pk, worker="spec:1").changed == 2
    assert not Mention.objects.filter(article__in=naming, film=salt).exists()


def test_running_a_job_again_does_nothing_and_only_one_worker_holds_it(salt):
    stories(1)
    job = new_alias(salt)
    assert graph_relinks.claim(job.pk, "spec:1")
    assert not graph_relinks.claim(job.pk, "spec:2")  # held, and its holder is alive (another machine's)
    assert graph_relinks.run(job.pk, worker="spec:2") is None
    assert graph_relinks.run(job.pk, worker="spec:1").state == "done"
    assert graph_relinks.run(job.pk, worker="spec:1") is None and graph_relinks.run(job.pk, worker="spec:2") is None


def test_a_job_whose_holder_stopped_moving_is_taken_over_after_the_stale_time(salt):
    stories(1)
    job = new_alias(salt)
    assert graph_relinks.claim(job.pk, "elsewhere:1")
    assert not graph_relinks.claim(job.pk, "spec:2", now=clock.now() + graph_relinks.STALE_AFTER / 2)
    assert graph_relinks.claim(job.pk, "spec:2", now=clock.now() + graph_relinks.STALE_AFTER + dt.timedelta(seconds=1))
    assert RelinkJob.objects.get(pk=job.pk).claimed_by == "spec:2"


def test_a_killed_workers_job_carries_on_from_the_first_story_not_done(salt, monkeypatch):
    naming = stories(3)
    job = new_alias(salt)
    holder = dead_holder()
    assert graph_relinks.claim(job.pk, holder)
    job.refresh_from_db()
    graph_relinks._list_stories(job, holder)
    graph_relinks.step(job, 0, holder)  # the killed worker did the first story, then died
    checked = []
    real = graph_edits.relink_story
    monkeypatch.setattr(graph_edits, "relink_story", lambda story: checked.append(story.pk) or real(story))
    assert graph_relinks.run_abandoned(worker="spec:2") == [job.pk]  # the sweep: holder's process is gone
    done = RelinkJob.objects.get(pk=job.pk)
    assert checked == done.story_ids[1:] and (done.checked, done.changed, done.state) == (3, 3, "done")
    assert all(Mention.objects.filter(article=story, film=salt).exists() for story in naming)


def test_a_worker_that_lost_its_job_rolls_its_step_back_and_stops(salt):
    naming = stories(2)
    job = new_alias(salt)
    assert graph_relinks.claim(job.pk, "spec:1")
    job.refresh_from_db()
    graph_relinks._list_stories(job, "spec:1")
    RelinkJob.objects.filter(pk=job.pk).update(claimed_by="spec:2")  # taken over while spec:1 worked
    with pytest.raises(graph_relinks.LostJob):
        graph_relinks.step(job, 0, "spec:1")
    assert not Mention.objects.filter(article=naming[0], film=salt).exists()  # its republish rolled back
    assert RelinkJob.objects.get(pk=job.pk).checked == 0


def test_one_storys_failure_is_recorded_and_the_job_goes_on(salt, monkeypatch):
    naming = stories(3)
    job = new_alias(salt)
    real = graph_edits.relink_story

    def flaky(story):
        if story.pk == naming[1].pk:
            raise ValueError("the renderer fell over")
        return real(story)

    monkeypatch.setattr(graph_edits, "relink_story", flaky)
    done = graph_relinks.run(job.pk, worker="spec:1")
    assert (done.state, done.checked, done.changed) == ("done", 3, 2)
    assert done.errors == [{"story": naming[1].pk, "error": "the renderer fell over"}]


def test_a_job_whose_task_was_lost_is_run_by_the_sweep_and_old_finished_jobs_are_forgotten(salt):
    stories(1)
    job = new_alias(salt)
    DBTaskResult.objects.all().delete()
    assert graph_relinks.run_abandoned(worker="spec:1") == []  # young: left to its own task
    RelinkJob.objects.filter(pk=job.pk).update(created_at=clock.now() - dt.timedelta(minutes=1))
    assert graph_relinks.run_abandoned(worker="spec:1") == [job.pk]
    RelinkJob.objects.filter(pk=job.pk).update(finished_at=clock.now() - graph_relinks.KEEP_FINISHED * 2)
    graph_relinks.run_abandoned(worker="spec:1")
    assert not RelinkJob.objects.exists()


def test_the_task_runs_the_job(salt):
    stories(1)
    job = new_alias(salt)
    task = DBTaskResult.objects.get()
    assert task.task.call(*task.args_kwargs["args"]) is True
    assert RelinkJob.objects.get(pk=job.pk).state == "done"
    assert task.task.call(*task.args_kwargs["args"]) is False  # idempotent: done already


def test_the_worker_is_named_by_its_machine_and_process():
    assert graph_relinks.this_worker() == f"{socket.gethostname()}:{os.getpid()}"
