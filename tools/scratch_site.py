"""A scratch Newsreel site for the tools: the demo newsroom in a temporary data folder,
(or an empty site) served on a free port of 127.0.0.1 and stopped by its pid (tools/audit.py,
tools/wordpress_accepts.py, tools/wordpress_exports.py)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
NEWSREEL = ROOT / ".venv" / "bin" / "newsreel"


@dataclass
class ScratchSite:
    base: str  # http://127.0.0.1:PORT
    data: Path  # its NEWSREEL_DATA_DIR
    env: dict[str, str]  # the environment its commands run in

    def run(self, *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
        """A `newsreel` command on this site; with `check`, its output is shown only when it fails."""
        done = subprocess.run([str(NEWSREEL), *arguments], env=self.env, capture_output=True, text=True)
        if check and done.returncode:
            sys.exit(f"newsreel {' '.join(arguments)} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
        return done

    def stories(self) -> dict[str, dict]:
        """Every story by headline: slug, state, and its latest revision's fields and hero."""
        return {story["headline"]: story for story in json.loads(last_line(self.run("shell", "-c", _STORIES).stdout))}


# Each story as its latest revision has it (a draft's bylines, tags and section live there).
_STORIES = """
import json
from newsreel.images.models import Image
from newsreel.newsroom.models import Article
def hero(pk):
    image = Image.objects.filter(pk=pk).first() if pk else None
    return {"alt": image.alt, "credit": image.credit} if image else None
print(json.dumps([dict({key: a.latest_revision.content.get(key) for key in ("headline", "summary", "body", "section", "authors")},
                       slug=a.slug, state=a.state, tags=sorted(a.latest_revision.content.get("tags") or []),
                       hero=hero(a.latest_revision.content.get("hero_image")))
                  for a in Article.objects.select_related("latest_revision")]))
"""


def last_line(text: str) -> str:
    return text.strip().rsplit("\n", 1)[-1]


def story_of(title: str, is_page: bool, stories: dict[str, dict], where: str, found: list[str]) -> dict | None:
    """The story imported from a post, to compare (None for a page, which is skipped by
    default, or a post that did not come in); what is wrong is added to `found`."""
    story = stories.get(title)
    if is_page:
        if story is not None:
            found.append(f"{where}: a page became a story (pages are skipped by default)")
        return None
    if story is None:
        found.append(f"{where}: not imported")
    return story


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def wait_until_up(url: str, server: subprocess.Popen, tool: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"{tool}: the server stopped (exit {server.returncode}) before answering {url}")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"{tool}: no answer from {url} after {seconds:.0f} s")


@contextmanager
def newsreel_site(tool: str, *, demo: bool = True, serve: bool = True, keep: bool = False) -> Iterator[ScratchSite]:
    """A site on the embedded database (the demo newsroom, or empty), served or not, until the block ends."""
    if not NEWSREEL.exists():
        sys.exit(f"{tool}: {NEWSREEL} is missing (run make)")
    data = Path(tempfile.mkdtemp(prefix=f"newsreel-{tool}-"))
    port = free_port()
    site = ScratchSite(f"http://127.0.0.1:{port}", data, {**os.environ, "NEWSREEL_DATA_DIR": str(data)})
    site.env.pop("DATABASE_URL", None)
    site.env["NEWSREEL_SITE_URL"] = site.base
    server = None
    try:
        if demo:
            print(f"{tool}: loading the demo newsroom into a scratch database ...", flush=True)
        site.run("demo" if demo else "migrate")
        if serve:
            # Its own session, so stopping it stops its workers too (and nothing else).
            server_log = open(data / "server.log", "wb")
            server = subprocess.Popen([str(NEWSREEL), "serve", "--port", str(port), "--workers", "1"], env=site.env,
                                      stdout=server_log, stderr=subprocess.STDOUT, start_new_session=True)
            wait_until_up(site.base + "/", server, tool)
        yield site
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)
        if not keep:
            shutil.rmtree(data, ignore_errors=True)
