"""Publish imported drafts through the one intake, one article at a time.

Each article is saved and published in its own transaction (`save_and_publish`), so one
bad record changes nothing for itself and nothing for the others. An existing article with
the same slug is updated (a new revision), never duplicated. Every failure and warning is
kept with the place it came from: `FILE:LINE` for JSON Lines, the file for Markdown.
"""

from __future__ import annotations

import sys
from collections import Counter
from contextlib import nullcontext
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, TextIO

from newsreel.embeds.services import nothing_fetched
from newsreel.images.known_files import remembering_files
from newsreel.images.renditions_later import renditions_later, send_committed
from newsreel.importers.jsonl import JsonlRecord, count_records, read_jsonl
from newsreel.importers.read_ahead import read_ahead
from newsreel.importers.untitled import headline_from_text
from newsreel.newsroom.intake import ArticleDraft, FieldError, IntakeError
from newsreel.newsroom.film_reviews import publish_problems
from newsreel.newsroom.upsert import Incoming, publish_incoming
from newsreel.write_retry import DatabaseBusy

# The intake names the draft's fields; a JSONL file names them as the corpus does.
JSONL_FIELD_NAMES = {"headline": "title", "body": "body_markdown", "publish_at": "date"}


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    failed: int = 0
    # One line per problem ("FILE:LINE: field: message"); a record can have several.
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # What the imported stories became ("published", "scheduled", "draft"), and what was
    # in the source but not imported, with why ("FILE:LINE: why").
    kinds: Counter = field(default_factory=Counter)
    skipped: list[str] = field(default_factory=list)
    dry_run: bool = False
    # Pictures the import stored (or showed) without renditions, still waiting for the worker at its end.
    pictures_waiting: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.failed

    @property
    def done(self) -> int:
        return self.total + len(self.skipped)


class SkipItem(Exception):
    """Raised by an item's build when reading it shows it is not a story (a site's page); the message says why."""


@dataclass
class Item:
    """One article to import: where it came from and how to build its draft."""

    source: str
    build: Callable[[], Incoming]
    # Known before the build, or added by it (an importer learns most while converting).
    warnings: list[str] = field(default_factory=list)
    rename: Callable[[FieldError], str] = str
    kind: str = "published"
    # The build reads nothing from the database, so it may run one item early: what it
    # checks (the story's pictures) is then ready, or being made, when the story is stored.
    build_early: bool = False
    # A build in two steps (`in_two_steps`): `read` reads only the source and files, never the
    # database, and returns what pickles, so it may run in a process of its own ahead of the
    # import (`read_ahead`); `finish` makes the draft of what it read.
    read: Callable[[], Any] | None = None
    finish: Callable[[Any], Incoming] | None = None


def in_two_steps(item: Item) -> Callable[[], Incoming]:
    """A build that finishes what the item's `read` reads (whichever process read it)."""
    return lambda: item.finish(item.read())


class Progress:
    """A progress line on stderr: rewritten in place on a terminal, every few seconds otherwise."""

    def __init__(self, total: int, stream: TextIO | None = None, label: str = "imported") -> None:
        self.total, self.stream, self.label = total, stream or sys.stderr, label
        self.tty = getattr(self.stream, "isatty", lambda: False)()
        self.started = self.shown = time.monotonic()

    def update(self, done: int, failed: int) -> None:
        now = time.monotonic()
        if done < self.total and now - self.shown < (0.2 if self.tty else 5.0):
            return
        self.shown = now
        rate = done / max(now - self.started, 1e-9)
        text = f"{self.label} {done}/{self.total} ({failed} failed, {rate:.0f}/s)"
        self.stream.write(f"\r{text}" if self.tty else text + "\n")
        if self.tty and done >= self.total:
            self.stream.write("\n")
        self.stream.flush()


# Stories committed together by a batched import (see `_import_chunk`): a chunk ends at
# this many stories or after this many seconds, whichever comes first, so other writers
# (the desk, the worker) never wait long for the database.
CHUNK_STORIES = 100
CHUNK_SECONDS = 2.0


# What `import_items(renditions=...)` takes: the worker makes them after the import, or the import does.
RENDITIONS = ("later", "now")


def import_items(items: Iterable[Item], *, total: int, progress: Progress | None = None,
                 render_at_end: bool = False, render_stories: bool = True, dry_run: bool = False,
                 renditions: str = "later") -> ImportReport:
    """Publish every item; with `render_at_end`, shared pages are rendered once per chunk.

    Without it, each story is its own transaction that renders every page it touches. With
    it, stories are committed in chunks (`CHUNK_STORIES`, `CHUNK_SECONDS`), each story in
    its own savepoint (a failed one changes nothing, the others go on), and each chunk
    renders its stories' pages and the pages they share once, before it commits: each
    page is rendered once per chunk, and every page is right when the chunk lands. A
    chunk the database refuses (other writers holding it) is imported again one story per
    transaction. With `dry_run` every item goes all the way through its own transaction,
    which is then rolled back: the report is the one a real run would give, and nothing
    is kept. With `render_at_end` and `render_stories` False, the stories' own pages are not
    rendered at all: each is rendered on its first request (`refresh.batched`).

    `renditions`: "later" (new pictures are stored without renditions and queued for the
    worker as their chunk commits: `images.renditions_later`; the report counts those still
    waiting) or "now" (made during the import, as an upload's are)."""
    if renditions not in RENDITIONS:
        raise ValueError(f"renditions must be one of {', '.join(RENDITIONS)}, not {renditions!r}")
    # An archive names the same pictures again and again; and an import fetches nothing (no poster
    # of its embeds: a dry run prepares each story outside any transaction, where the desk would).
    waiting_for_worker = renditions_later() if renditions == "later" else nullcontext()
    # The items are read on the other core, ahead of the writer, where they can be (`read_ahead`).
    with read_ahead(items) as items, remembering_files(), nothing_fetched(), waiting_for_worker as later:
        report = _import_all(_built_ahead(items), progress=progress, render_at_end=render_at_end,
                             render_stories=render_stories, dry_run=dry_run)
    if later is not None:
        report.pictures_waiting = later.waiting()
    return report


def _built_ahead(items: Iterable[Item]) -> Iterator[Item]:
    """The items in order, each `build_early` one built before the item ahead of it is stored.

    Building a story checks its pictures, which (with `renditions="now"`) starts making
    their renditions beside the import (`known_files.encode_ahead`): built one story
    early, they are made on the other core while the story before is written. A build's
    outcome, a draft or an exception, is kept and handed over when the item is imported
    (as often as asked: a refused chunk imports its items again)."""
    waiting: Item | None = None
    for item in items:
        if item.build_early:
            item.build = _kept_outcome(item.build)
        if waiting is not None:
            yield waiting
        waiting = item
    if waiting is not None:
        yield waiting


def _kept_outcome(build: Callable[[], Incoming]) -> Callable[[], Incoming]:
    try:
        incoming = build()
    except Exception as error:  # SkipItem, IntakeError, or a bug: raised where the item is imported
        failure = error

        def fail() -> Incoming:
            raise failure
        return fail
    return lambda: incoming


def _import_all(items: Iterable[Item], *, progress: Progress | None, render_at_end: bool, render_stories: bool,
                dry_run: bool) -> ImportReport:
    report = ImportReport(dry_run=dry_run)
    if not render_at_end or dry_run:
        for item in items:
            _import_one(item, report, dry_run=dry_run)
            if progress:
                progress.update(report.done, report.failed)
        return report
    from newsreel.public.refresh import batched

    pending = iter(items)
    with batched(render_stories=render_stories):
        while True:
            chunk = _import_chunk(pending, report, progress)
            send_committed()  # the chunk's pictures, committed now, to the worker
            if not chunk:
                break
    return report


def _import_one(item: Item, report: ImportReport, *, dry_run: bool = False) -> Incoming | None:
    """Import one item into `report`; the Incoming it published, None when it failed or was skipped."""
    try:
        incoming = _as_draft_when_a_review_names_no_film(_as_draft_when_untitled(_built(item), item), item)
        _article, created = publish_incoming(incoming, origin="import", source=item.source, dry_run=dry_run)
    except SkipItem as skip:
        report.skipped.append(f"{item.source}: {skip}")
    except IntakeError as error:
        report.failed += 1
        report.failures += [f"{item.source}: {item.rename(problem)}" for problem in error.errors]
    except DatabaseBusy as error:  # other writers held the database too long: this item only
        report.failed += 1
        report.failures.append(f"{item.source}: not imported: {error}")
    else:
        report.kinds[item.kind] += 1
        if created:
            report.created += 1
        else:
            report.updated += 1
        return incoming
    finally:
        report.warnings += [f"{item.source}: {warning}" for warning in item.warnings]
    return None


def _built(item: Item) -> Incoming:
    """The item's draft; whatever its build did not foresee (a bug, a library's limit met on
    hostile input) fails this item alone, named, instead of ending the whole import."""
    from django.db import DatabaseError

    try:
        return item.build()
    except (IntakeError, SkipItem, DatabaseError):
        raise
    except Exception as error:  # noqa: BLE001 - one item's problem, whatever it is, is that item's
        raise IntakeError([FieldError("item", f"could not be read ({type(error).__name__}: {error}); "
                                              "not imported, the others are")]) from error


def _import_chunk(items: Iterator[Item], report: ImportReport, progress: Progress | None) -> list[Item]:
    """The next chunk of items in one transaction, rendered once (see `import_items`); the items taken."""
    from django.db import OperationalError, transaction

    from newsreel.api.webhooks.events import endpoints_read_once
    from newsreel.desk.story_index import deferred
    from newsreel.films.graph import one_graph
    from newsreel.importers.redirects import kept_together
    from newsreel.newsroom.publishing import names_kept
    from newsreel.public.refresh import coalesced
    from newsreel.public.search import index as search_index
    from newsreel.write_retry import is_busy

    taken: list[Item] = []
    # What to put back if the chunk is refused: the report as it was, each item's own notes.
    mark = (report.created, report.updated, report.failed, len(report.failures), len(report.warnings),
            Counter(report.kinds), len(report.skipped))
    before: list[tuple[list[str], str]] = []
    stored: list[Incoming] = []
    started = time.monotonic()
    try:
        # The chunk's stories share one look at the knowledge graph (one_graph), at the webhook
        # endpoints and at each tag and author, and write the desk's story index, the search
        # index and their old addresses' redirects once each, in bulk, before the pages render.
        with transaction.atomic(), one_graph(), endpoints_read_once(), names_kept(), coalesced(), deferred(), \
                search_index.deferred(), kept_together():
            for item in items:
                taken.append(item)
                before.append((list(item.warnings), item.kind))
                incoming = _import_one(item, report)
                if incoming is not None:
                    stored.append(incoming)
                if progress:
                    progress.update(report.done, report.failed)
                if len(taken) >= CHUNK_STORIES or time.monotonic() - started >= CHUNK_SECONDS:
                    break
    except OperationalError as error:
        for incoming in stored:  # its pictures' files went with the transaction
            incoming.discard()
        if not is_busy(error):
            raise
        report.created, report.updated, report.failed = mark[:3]
        del report.failures[mark[3]:], report.warnings[mark[4]:], report.skipped[mark[6]:]
        report.kinds = mark[5]
        for item, (warnings, kind) in zip(taken, before):
            item.warnings[:], item.kind = warnings, kind
            _import_one(item, report)  # its own transaction, waiting its turn (run_write)
            if progress:
                progress.update(report.done, report.failed)
    except BaseException:
        for incoming in stored:
            incoming.discard()
        raise
    return taken


def _as_draft_when_untitled(incoming: Incoming, item: Item) -> Incoming:
    """A post its system kept without a title: headlined from its own words, held as a draft.

    Nothing is refused for want of a title (its words would be lost), and nothing goes live
    under a headline nobody wrote: an editor reads it first (`untitled`)."""
    draft = incoming.draft
    if " ".join((draft.headline or "").split()):
        return incoming
    headline = headline_from_text(draft.body, draft.slug)
    if not headline:  # no words at all: the intake says the headline is required
        return incoming
    item.warnings.append(f"has no title: headlined “{headline}” from its first words and imported as a draft; "
                         "give it a headline in the desk and publish it")
    item.kind = "draft"
    return replace(incoming, draft=replace(draft, headline=headline), publish=False)


def _as_draft_when_a_review_names_no_film(incoming: Incoming, item: Item) -> Incoming:
    """Another system's review names none of our films: keep it, as a draft, and say so.

    A review goes live only with the film it reviews; refusing the story would drop what its
    writer wrote, so it arrives as a draft the desk can finish."""
    draft = incoming.draft
    if not incoming.publish or not publish_problems(film=draft.film, section=draft.section):
        return incoming
    item.warnings.append("a review goes live only with the film it reviews: imported as a draft; "
                         "give it its film (film: <film key>) in the desk and publish it")
    item.kind = "draft"
    return replace(incoming, publish=False)


def jsonl_items(path: Path, *, media_base: str) -> Iterator[Item]:
    """The records of a JSON Lines file as import items, each named FILE:LINE."""
    for record in read_jsonl(path, media_base=media_base):
        source = f"{path}:{record.line}"
        yield Item(source=source, build=_jsonl_builder(record, source),
                   warnings=[str(problem) for problem in record.warnings],
                   rename=_jsonl_renamer(record))


def count_jsonl(path: Path) -> int:
    return count_records(path)


def _jsonl_builder(record: JsonlRecord, source: str) -> Callable[[], Incoming]:
    def build() -> Incoming:
        if record.errors:
            raise IntakeError(list(record.errors), source=source)
        fields = {name: value for name, value in record.fields.items() if name != "body_origin_lines"}
        return Incoming(ArticleDraft(**fields))
    return build


def _jsonl_renamer(record: JsonlRecord) -> Callable[[FieldError], str]:
    origin = record.fields.get("body_origin_lines") or []

    def rename(error: FieldError) -> str:
        line = error.line
        if error.field == "body" and line and 0 < line <= len(origin):
            line = origin[line - 1]  # the line the writer wrote, before images became figures
        return str(FieldError(JSONL_FIELD_NAMES.get(error.field, error.field), error.message, line))
    return rename


def markdown_items(folder: Path, *, media_root: Path | None = None) -> Iterator[Item]:
    """Every Markdown file under `folder` that may be a story, as an import item (see `static_site`).

    Each file's images must be in its own folder (below it) or in `media_root`."""
    from newsreel.importers.static_site import SiteOptions, site_files, site_items  # it builds on this module

    files, _skipped = site_files(folder)
    return site_items(files, SiteOptions(root=folder, media_root=media_root))
