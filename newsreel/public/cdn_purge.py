"""Tell a CDN which pages changed, once the change is committed (NEWSREEL_CDN_PURGE_URL).

Every stored page a transaction writes with new bytes or drops (`newsreel.public.store`)
is noted here; when that transaction commits, the pages' absolute URLs are handed to a
background thread that sends them to the configured purge endpoint. A rolled-back change
purges nothing (the note rides on the transaction, `after_commit`), and a page a reader's
request fills is not purged (the CDN has never seen it).

Two shapes cover the common purge APIs without naming any vendor:

- the URL holds `{url}`, `{quoted_url}` or `{path}`: one request per changed page, the
  placeholder replaced (a Varnish or Fastly `PURGE` sent to the page itself, an API that
  takes `?url=`);
- otherwise one request per BATCH pages, its body NEWSREEL_CDN_PURGE_BODY with `{urls}`
  replaced by a JSON array of the URLs (an API that takes a list, e.g. `{"files": {urls}}`);
- or, when the body holds `{tags}`, one request per BATCH cache tags (`cache_tags`): the
  changed pages' tags and those of the API answers built from the same stories, films and
  people (Cloudflare's `{"tags": {tags}}`, Fastly's `{"surrogate_keys": {tags}}`).

Purging is best effort by design: the CDN keeps a page at most `s-maxage` (five minutes,
`store.CACHE_CONTROL`) anyway, so a purge that fails is logged as a warning and never
undoes or slows the publish that caused it. Sending happens off the request; a command
that exits (`newsreel publish`, an import) first sends what it noted, waiting at most
EXIT_WAIT seconds.
"""

from __future__ import annotations

import atexit
import json
import logging
import queue
import threading
import time
import urllib.error
import urllib.request
from typing import Iterable
from urllib.parse import quote

from django.conf import settings

from newsreel.public import cache_tags
from newsreel.public.after_commit import after_commit

logger = logging.getLogger("newsreel.public.cdn_purge")

# URLs per request when the endpoint takes a list (several CDN APIs accept at most 30).
BATCH = 30
# More changed pages than this at once (a rebuild of every page after a settings change) are
# not purged one by one: the warning says so, and the CDN refetches them within s-maxage.
LIMIT = 2000
# Seconds one purge request may take, and seconds a command waits at exit for its purges.
TIMEOUT = 5.0
EXIT_WAIT = 30.0
# How long the sender waits for more notes before sending, so one publish is one round of requests.
GATHER = 0.2
PLACEHOLDERS = ("{url}", "{quoted_url}", "{path}")

_outbox: queue.Queue[frozenset[str]] = queue.Queue()
_sender: threading.Thread | None = None
_sender_lock = threading.Lock()


def enabled() -> bool:
    return bool(settings.CONFIG.cdn_purge_url)


def note(paths: Iterable[str]) -> None:
    """These stored pages changed in the current transaction; purge them once it commits."""
    if enabled():
        after_commit(_enqueue, paths)


def _enqueue(paths: frozenset[str]) -> None:
    global _sender
    _outbox.put(paths)
    with _sender_lock:
        if _sender is None or not _sender.is_alive():
            _sender = threading.Thread(target=_send_forever, name="newsreel-cdn-purge", daemon=True)
            _sender.start()


def _send_forever() -> None:
    while True:
        paths = set(_outbox.get())
        taken = 1
        while True:  # gather what the same change noted a moment later
            try:
                paths |= _outbox.get(timeout=GATHER)
                taken += 1
            except queue.Empty:
                break
        try:
            purge(sorted(paths))
        except Exception:  # never let one bad round stop the sender
            logger.exception("CDN purge of %d page(s) failed", len(paths))
        finally:
            for _ in range(taken):
                _outbox.task_done()


def purge(paths: list[str]) -> None:
    """Send the purge requests for these site paths now (the sender thread calls this)."""
    config = settings.CONFIG
    if not paths or not config.cdn_purge_url:
        return
    if len(paths) > LIMIT:
        logger.warning("%d pages changed at once, more than the %d a CDN purge sends; the CDN serves the "
                       "previous copies until they expire (s-maxage, five minutes) or a purge of everything "
                       "made through the CDN itself", len(paths), LIMIT)
        return
    if "{tags}" in config.cdn_purge_body and not any(p in config.cdn_purge_url for p in PLACEHOLDERS):
        _purge_tags(cache_tags.purge_tags(paths))
        return
    urls = [config.site_url + path for path in paths]
    failed: list[str] = []
    if any(placeholder in config.cdn_purge_url for placeholder in PLACEHOLDERS):
        for url, path in zip(urls, paths):
            target = (config.cdn_purge_url.replace("{quoted_url}", quote(url, safe=""))
                      .replace("{url}", url).replace("{path}", path))
            if not _send(target, None):
                failed.append(url)
    else:
        for start in range(0, len(urls), BATCH):
            batch = urls[start:start + BATCH]
            body = config.cdn_purge_body.replace("{urls}", json.dumps(batch)).encode()
            if not _send(config.cdn_purge_url, body):
                failed += batch
    if failed:
        logger.warning("CDN purge failed for %d of %d page(s), e.g. %s; the CDN serves the previous copies "
                       "until they expire (s-maxage, five minutes)", len(failed), len(urls), failed[0])


def _purge_tags(tags: list[str]) -> None:
    config = settings.CONFIG
    failed: list[str] = []
    for start in range(0, len(tags), BATCH):
        batch = tags[start:start + BATCH]
        if not _send(config.cdn_purge_url, config.cdn_purge_body.replace("{tags}", json.dumps(batch)).encode()):
            failed += batch
    if failed:
        logger.warning("CDN purge failed for %d of %d cache tag(s), e.g. %s; the CDN serves the previous copies "
                       "until they expire (s-maxage, five minutes)", len(failed), len(tags), failed[0])


def _send(target: str, body: bytes | None) -> bool:
    config = settings.CONFIG
    request = urllib.request.Request(target, data=body, method=config.cdn_purge_method)
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if config.cdn_purge_header:
        name, _, value = config.cdn_purge_header.partition(":")
        request.add_header(name.strip(), value.strip())
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:
            return 200 <= answer.status < 300
    except urllib.error.HTTPError as error:
        logger.warning("CDN purge %s %s answered %d", config.cdn_purge_method, target, error.code)
    except (urllib.error.URLError, OSError) as error:
        logger.warning("CDN purge %s %s failed: %s", config.cdn_purge_method, target, error)
    return False


def wait(seconds: float = EXIT_WAIT) -> bool:
    """Wait until every noted purge has been sent (or `seconds` pass); True when none is left."""
    deadline = time.monotonic() + seconds
    while _outbox.unfinished_tasks:
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True


@atexit.register
def _send_before_exit() -> None:
    if _outbox.unfinished_tasks and not wait():
        logger.warning("exiting with CDN purges unsent after %.0f s", EXIT_WAIT)
