"""Relink jobs with real `newsreel worker` processes (SQLite file, or PostgreSQL when
DATABASE_URL names one): with two workers one job is run by one of them, once; a worker
killed with SIGKILL in the middle of a job leaves it to the next worker, which carries on
from the first story not done. Every wait is bounded; every process is stopped by its pid."""

from __future__ import annotations

import json
import os
import re
import signal
import time
from pathlib import Path

import pytest

from .test_worker_processes import WAIT_SECONDS, newsroom  # noqa: F401  (the module's fixture)

pytestmark = pytest.mark.django_db  # for the PostgreSQL server's address only; the workers use their own database


def write_stories(newsroom, prefix: str, count: int) -> None:  # noqa: F811
    """A film, and `count` live stories naming it by a phrase that is not yet its alias."""
    newsroom.command("shell", "-c", (
        "from newsreel.films.models import Film\n"
        "from newsreel.newsroom.intake import ArticleDraft\n"
        "from newsreel.newsroom.publishing import save_and_publish\n"
        f"Film.objects.create(key='{prefix}-2026', title='{prefix.title()} Meridian', year=2026)\n"
        f"for n in range({count}):\n"
        f"    save_and_publish(ArticleDraft(headline=f'{prefix} ferry {{n}}',\n"
        f"        body=f'Part {{n}}: the crew of *{prefix.title()} Ferry* sailed on.'), origin='test')\n"
    ))


def add_alias(newsroom, prefix: str) -> int:  # noqa: F811
    """What the desk's save does: the new alias saved, one job queued; its id."""
    out = newsroom.command("shell", "-c", (
        "from newsreel.films.models import Film\n"
        "from newsreel.newsroom import graph_edits\n"
        f"film = Film.objects.get(key='{prefix}-2026')\n"
        "old = graph_edits.names_of(film)\n"
        f"film.aliases = ['{prefix.title()} Ferry']\n"
        "print(graph_edits.save_entity(film, old_names=old).pk)\n"
    ))
    return int(out.strip().splitlines()[-1])


def job_and_links(newsroom, job_id: int, prefix: str) -> dict:  # noqa: F811
    code = (
        "import json\n"
        "from newsreel.newsroom.models import Mention, RelinkJob\n"
        f"job = RelinkJob.objects.get(pk={job_id})\n"
        f"linked = Mention.objects.filter(film__key='{prefix}-2026').values('article').distinct().count()\n"
        "print(json.dumps({'state': job.state, 'total': job.total, 'checked': job.checked, 'changed': job.changed,\n"
        "                  'errors': job.errors, 'linked': linked}))\n"
    )
    return json.loads(newsroom.command("shell", "-c", code).strip().splitlines()[-1])


def wait_until_done(newsroom, job_id: int, prefix: str) -> dict:  # noqa: F811
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        found = job_and_links(newsroom, job_id, prefix)
        if found["state"] == "done":
            return found
        time.sleep(0.5)
    pytest.fail(f"relink job {job_id} not done within {WAIT_SECONDS} s: {job_and_links(newsroom, job_id, prefix)}")


def log_of(worker) -> str:
    return Path(worker.log_path).read_text()


def test_two_workers_run_one_relink_job_once(newsroom):  # noqa: F811
    write_stories(newsroom, "twinsalt", 4)
    first, second = newsroom.start_worker("relink-a"), newsroom.start_worker("relink-b")
    job_id = add_alias(newsroom, "twinsalt")
    found = wait_until_done(newsroom, job_id, "twinsalt")
    newsroom.stop(first), newsroom.stop(second)
    assert found == {"state": "done", "total": 4, "checked": 4, "changed": 4, "errors": [], "linked": 4}
    logs = log_of(first) + log_of(second)
    assert len(re.findall(rf"^relink job {job_id} \(.*\) started by ", logs, re.M)) == 1, logs
    assert len(re.findall(rf"^relink job {job_id}: story \d+ checked", logs, re.M)) == 4, logs


def test_a_worker_killed_mid_job_leaves_it_to_the_next_which_carries_on(newsroom):  # noqa: F811
    write_stories(newsroom, "killsalt", 10)
    job_id = add_alias(newsroom, "killsalt")
    doomed = newsroom.start_worker("relink-doomed")
    deadline = time.monotonic() + WAIT_SECONDS
    while not re.search(rf"^relink job {job_id}: story", log_of(doomed), re.M) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(doomed.pid, signal.SIGKILL)
    doomed.wait(timeout=10)
    after_kill = job_and_links(newsroom, job_id, "killsalt")
    assert after_kill["state"] == "running" and 1 <= after_kill["checked"] < 10, after_kill  # work was left over
    assert after_kill["linked"] == after_kill["changed"]  # each recorded step committed with its republish

    successor = newsroom.start_worker("relink-successor")
    found = wait_until_done(newsroom, job_id, "killsalt")
    newsroom.stop(successor)
    assert found == {"state": "done", "total": 10, "checked": 10, "changed": 10, "errors": [], "linked": 10}
    log = log_of(successor)
    assert f"relink job {job_id} taken over from" in log and "its process is gone" in log
    done_by_successor = re.findall(rf"^relink job {job_id}: story \d+ checked", log, re.M)
    assert len(done_by_successor) == 10 - after_kill["checked"]  # it carried on; nothing was done twice
