"""Real `newsreel worker` processes against one database (SQLite file, or PostgreSQL when
DATABASE_URL names one): each scheduled story goes live exactly once with two workers; a
worker killed with SIGKILL leaves every story live or still scheduled, and the next one
finishes; a story that came due while no worker ran goes live when one starts.

Stories are published with `newsreel publish` and a front matter time a few seconds ahead;
every wait is bounded, and every process is stopped by its pid.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

pytestmark = pytest.mark.django_db  # for the PostgreSQL server's address only; the workers use their own database

WAIT_SECONDS = 90


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgres") else None


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    """A data folder and database of their own, migrated once for the module's tests."""
    folder = tmp_path_factory.mktemp("workers")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_SETTINGS"))}
    env.update(NEWSREEL_DATA_DIR=str(folder / "data"), NEWSREEL_EMBEDDED_WORKER="false", PYTHONUNBUFFERED="1")
    env.pop("DATABASE_URL", None)
    admin = None
    if (url := _postgres_url()) is not None:
        import psycopg

        parts = urlsplit(url)
        name = f"{parts.path.lstrip('/') or 'newsreel'}_workers"
        admin = psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True)
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
        env["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    run = Newsroom(folder, env)
    run.command("migrate", "--verbosity", "0")
    run.command("collectstatic", "--noinput", "--verbosity", "0")  # publishing renders pages naming static files
    yield run
    run.stop_all()
    if admin is not None:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


class Newsroom:
    def __init__(self, folder: Path, env: dict[str, str]) -> None:
        self.folder, self.env, self.workers = folder, env, []

    def command(self, *args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "newsreel.cli", *args], env=self.env, capture_output=True,
                              text=True, timeout=WAIT_SECONDS)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def schedule(self, prefix: str, count: int, seconds_ahead: float) -> tuple[list[str], dt.datetime]:
        """`count` stories going live `seconds_ahead` from now: published with `newsreel publish`
        for tomorrow (so they are scheduled however slow the machine is), then rescheduled
        to the near minute in one step, as the desk's reschedule does (which queues their task)."""
        tomorrow = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=1)).replace(microsecond=0)
        files = []
        for n in range(count):
            file = self.folder / f"{prefix}-{n}.md"
            file.write_text(f'---\nheadline: {prefix} story {n}\nsection: news\ntags: [Festivals]\n'
                            f'published_at: "{tomorrow.isoformat()}"\n---\nThe {prefix} festival report, part {n}.\n')
            files.append(str(file))
        self.command("publish", *files)
        slugs = [f"{prefix}-story-{n}" for n in range(count)]
        at = self.command("shell", "-c", (
            "import datetime as dt\n"
            "from newsreel.newsroom import clock, scheduling\n"
            "from newsreel.newsroom.models import Article\n"
            f"at = clock.now() + dt.timedelta(seconds={seconds_ahead})\n"
            f"for article in Article.objects.filter(slug__in={slugs!r}):\n"
            "    assert article.state == 'scheduled', article.state\n"
            "    scheduling.schedule(article, at=at, revision=article.scheduled_revision, require_future=False)\n"
            "print(at.isoformat())\n"
        )).strip().splitlines()[-1]
        return slugs, dt.datetime.fromisoformat(at)

    def start_worker(self, name: str) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "w")
        worker = subprocess.Popen([sys.executable, "-m", "newsreel.cli", "worker", "--interval", "0.2",
                                   "--sweep-every", "2"], env=self.env, stdout=log, stderr=subprocess.STDOUT)
        worker.log_path = self.folder / f"{name}.log"
        self.workers.append(worker)
        return worker

    def stop(self, worker: subprocess.Popen) -> None:
        if worker.poll() is None:
            os.kill(worker.pid, signal.SIGTERM)
            try:
                worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(worker.pid, signal.SIGKILL)
                worker.wait(timeout=10)

    def stop_all(self) -> None:
        for worker in self.workers:
            self.stop(worker)

    def stories(self, slugs: list[str]) -> dict[str, dict]:
        """Each story's state and what the public site holds for it, read by a separate process."""
        code = (
            "import json\n"
            "from newsreel.newsroom.models import Article\n"
            "from newsreel.public.models import StoredPage\n"
            "from newsreel.public.search.models import SearchDocument\n"
            f"slugs = {slugs!r}\n"
            "out = {}\n"
            "for a in Article.objects.filter(slug__in=slugs):\n"
            "    out[a.slug] = {'state': a.state, 'live_revision': a.live_revision_id,\n"
            "        'page': StoredPage.objects.filter(path=a.get_absolute_url(), status=200).exists(),\n"
            "        'indexed': SearchDocument.objects.filter(article_id=a.pk).exists(),\n"
            "        'late': (a.went_live_at - a.published_at).total_seconds() if a.went_live_at else None}\n"
            "print(json.dumps(out))\n"
        )
        return json.loads(self.command("shell", "-c", code).strip().splitlines()[-1])

    def wait_until_live(self, slugs: list[str]) -> dict[str, dict]:
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            found = self.stories(slugs)
            if all(found[slug]["state"] == "published" for slug in slugs):
                return found
            time.sleep(0.5)
        pytest.fail(f"not live within {WAIT_SECONDS} s: {self.stories(slugs)}")


def published_lines(*workers: subprocess.Popen) -> list[str]:
    """The slugs each worker says it published (one log line per publish it committed)."""
    return [slug for worker in workers
            for slug in re.findall(r"^published (\S+) ", Path(worker.log_path).read_text(), re.M)]


def consistent(story: dict) -> bool:
    """Live with what a publish does, or still scheduled with nothing public: never between.
    (A live story's own page may be dropped by a later publish whose related list it enters,
    to be rendered on its next request, so only its absence before going live is checked.)"""
    if story["state"] == "published":
        return story["indexed"] and story["live_revision"] is not None and story["late"] is not None
    return story["state"] == "scheduled" and not story["page"] and not story["indexed"]


def test_two_workers_publish_each_story_exactly_once(newsroom):
    first, second = newsroom.start_worker("a"), newsroom.start_worker("b")
    slugs, at = newsroom.schedule("twin", 6, seconds_ahead=2)
    found = newsroom.wait_until_live(slugs)
    newsroom.stop(first), newsroom.stop(second)
    assert sorted(published_lines(first, second)) == sorted(slugs)
    assert all(consistent(story) for story in found.values()), found


def test_a_worker_killed_mid_run_leaves_no_story_half_published_and_the_next_finishes(newsroom):
    slugs, at = newsroom.schedule("killed", 12, seconds_ahead=1)
    doomed = newsroom.start_worker("doomed")
    deadline = time.monotonic() + WAIT_SECONDS
    while not published_lines(doomed) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.kill(doomed.pid, signal.SIGKILL)
    doomed.wait(timeout=10)
    after_kill = newsroom.stories(slugs)
    assert all(consistent(story) for story in after_kill.values()), after_kill
    assert any(story["state"] == "scheduled" for story in after_kill.values())  # work was left over

    successor = newsroom.start_worker("successor")
    found = newsroom.wait_until_live(slugs)
    newsroom.stop(successor)
    lines = published_lines(doomed, successor)
    assert len(lines) == len(set(lines)) and set(lines) <= set(slugs), lines  # nothing published twice
    # The kill may land between a publish's commit and its log line: such a story was already
    # live when the successor started, so the successor never published it again.
    live_at_kill = {slug for slug, story in after_kill.items() if story["state"] == "published"}
    assert set(slugs) - set(lines) <= live_at_kill, (lines, live_at_kill)
    assert all(consistent(story) for story in found.values()), found


def test_a_story_due_while_no_worker_ran_goes_live_when_one_starts(newsroom):
    slugs, at = newsroom.schedule("missed", 1, seconds_ahead=1)
    while dt.datetime.now(dt.timezone.utc) < at + dt.timedelta(seconds=2):
        time.sleep(0.1)
    assert newsroom.stories(slugs)[slugs[0]]["state"] == "scheduled"
    worker = newsroom.start_worker("late")
    found = newsroom.wait_until_live(slugs)
    newsroom.stop(worker)
    assert found[slugs[0]]["late"] >= 2  # the desk shows how late it went live
