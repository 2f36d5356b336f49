"""Static export: the whole public site as files for any static host.

Every stored page becomes a file holding exactly the bytes the server sends for it
(`/articles/x/` -> `articles/x/index.html`, `/feed.xml` -> `feed.xml`). Media files
(originals and renditions) and the collected static files are copied beside them.

What a static host cannot express is written in the forms most hosts understand:

- a 301 (a changed slug) becomes a line of `_redirects` (Netlify and Cloudflare Pages
  format: `/old/ /new/ 301`) plus a small page at the old path that refreshes to the new
  one, for hosts that read no `_redirects`;
- a 410 (a withdrawn story) is written as the stored "no longer available" page (a static
  host answers it with 200, but the page says the story is gone and asks not to be indexed);
- the site's 404 page is written as `404.html`, the name static hosts look for.

The export is incremental. `DIR/.newsreel-export.json` records, for each file it wrote,
the ETag of the page (or the size and modification time of a copied file); a later export
rewrites only files whose record changed or that are missing, and deletes the files of
pages that no longer exist. Page bodies are read from the database in a stream, only for
the pages that changed, so memory stays flat whatever the size of the site. Before that,
pages the server fills on request are rendered, only those not stored
(`render_missing_pages`): an export with nothing published since the last one renders
nothing and writes nothing.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from django.conf import settings
from django.db import connection, transaction
from django.utils.html import escape

from newsreel import links
from newsreel.public.models import StoredPage

MANIFEST_NAME = ".newsreel-export.json"
MANIFEST_VERSION = 1
REDIRECTS_NAME = "_redirects"
NOT_FOUND_NAME = "404.html"
# Bodies are fetched this many rows at a time: enough to keep the database busy, few
# enough that a batch of large pages stays a few megabytes.
BODY_BATCH = 200
# Below this share of changed pages, bodies are fetched by path; above it, one pass over
# the whole table is cheaper than many IN (...) queries.
BY_PATH_SHARE = 0.2


class ExportError(Exception):
    """The export cannot go on; the message names the file or path at fault."""


@dataclass
class ExportResult:
    """What one export did, counted in files."""

    written: int = 0
    unchanged: int = 0
    removed: int = 0
    pages: int = 0
    rendered: int = 0
    skipped: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = (f"{self.pages} pages; {self.written} files written, {self.unchanged} unchanged, "
                f"{self.removed} removed")
        if self.rendered:
            line += f"; {self.rendered} pages rendered first"
        if self.skipped:
            line += f"; {len(self.skipped)} skipped"
        return line


def file_for_path(path: str) -> str:
    """The export file (relative, with forward slashes) that answers the URL path `path`.

    `/` -> `index.html`, `/articles/x/` -> `articles/x/index.html`, `/feed.xml` -> `feed.xml`.
    A path that cannot be a file name inside the export raises ExportError naming it.
    """
    if not path.startswith("/"):
        raise ExportError(f"stored page path {path!r} does not start with '/'")
    parts = path[1:].split("/")
    if parts[-1] == "":
        parts[-1] = "index.html"
    for part in parts:
        if part in ("", ".", "..") or "\\" in part or "\0" in part:
            raise ExportError(f"stored page path {path!r} cannot be written as a file (segment {part!r})")
    return "/".join(parts)


def redirect_html(location: str) -> bytes:
    """A page for a moved URL that sends browsers on without any server help."""
    target = escape(location)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Moved</title>\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n<link rel="canonical" href="{target}">\n'
        '<meta name="robots" content="noindex">\n</head>\n<body>\n'
        f'<p>This page has moved to <a href="{target}">{target}</a>.</p>\n</body>\n</html>\n'
    ).encode()


# --------------------------------------------------------------------------- rendering


def render_missing_pages(progress: Callable[[str], None] | None = None) -> int:
    """Render every page the server would fill on request but has not stored yet.

    The server fills some pages on their first request (film, person, section, author and
    tag pages, the archive, deeper pages of every list, a story whose page a publish
    dropped, feeds, sitemaps); the export needs them all. A stored page is current
    (publishing re-renders or drops what it touches), so only missing pages are rendered:
    right after an export, or after a run of publishes, this renders nothing or just what
    those publishes dropped. What should exist is read in a few grouped queries (keys and
    counts, no page bodies). robots.txt and the news sitemap are checked as their views
    check them on every request (they follow the site's URL and the clock, not publishing).
    Returns the number of pages rendered.
    """
    from newsreel.public.robots import refresh_robots
    from newsreel.public.sitemaps.stored import news_current

    with transaction.atomic():
        refresh_robots()  # the row is rewritten only if the bytes changed
        news_current()
    stored = set(StoredPage.objects.values_list("path", flat=True).iterator(chunk_size=5000))
    rendered = 0
    for batch in _batches(_Families(stored).missing(), 100):
        with transaction.atomic():  # one commit per batch, not one per page
            for render in batch:
                rendered += _pages_in(render())
        if progress:
            progress(f"rendered {rendered} pages the server fills on request")
    return rendered


class _Families:
    """Every page of every lazily filled family, as a render for each one not stored."""

    def __init__(self, stored: set[str]) -> None:
        self.stored = stored

    def missing(self) -> Iterator[Callable[[], object]]:
        from newsreel.public import refresh
        from newsreel.public.feeds.stored import missing_feeds
        from newsreel.public.listing_refresh import refresh_archive_index
        from newsreel.public.pages.listings import archive_url
        from newsreel.public.sitemaps.stored import missing_sitemaps

        if "/" not in self.stored:
            yield refresh.refresh_home
        if archive_url() not in self.stored:
            yield refresh_archive_index
        yield from self._articles()
        yield from self._lists()
        yield from self._reference()
        yield from missing_feeds(self.stored)
        yield from missing_sitemaps(self.stored)

    def _articles(self) -> Iterator[Callable[[], object]]:
        """Live stories whose page a publish dropped (their related list changed)."""
        from newsreel.public.pages.queries import live_articles
        from newsreel.public.refresh import refresh_article

        slugs = live_articles().order_by().values_list("slug", flat=True)
        for slug in slugs.iterator(chunk_size=5000):
            if links.path("article", slug=slug) not in self.stored:
                yield lambda slug=slug: refresh_article(
                    live_articles().select_related("live_revision").get(slug=slug))

    def _lists(self) -> Iterator[Callable[[], object]]:
        """Every page of every section, author, tag and month list (counted in one query each)."""
        from django.db.models import Count

        from newsreel.newsroom.models import Author, Section, Tag
        from newsreel.public import listing_refresh as lists, refresh
        from newsreel.public.pages.listings import month_url
        from newsreel.public.pages.queries import live_articles, month_counts

        def counts(field: str) -> dict[int, int]:
            # One row per link, as the list's own count (`tag_articles(t).count()`) counts.
            rows = live_articles().order_by().values(field).annotate(n=Count("pk")).values_list(field, "n")
            return {key: n for key, n in rows if key is not None}

        per_section = counts("section")
        for section in Section.objects.order_by("pk"):
            yield from self._list(section.get_absolute_url(), per_section.get(section.pk, 0),
                                  lambda n, s=section: refresh.refresh_section(s) if n == 1 else lists.refresh_section_page(s, n))
        per_author = counts("authors")
        for author in Author.objects.order_by("pk"):
            yield from self._list(author.get_absolute_url(), per_author.get(author.pk, 0),
                                  lambda n, a=author: refresh.refresh_author(a) if n == 1 else lists.refresh_author_page(a, n))
        per_tag = counts("tags")
        for tag in Tag.objects.order_by("pk"):
            if tag.pk not in per_tag:  # an empty tag has no page (the server answers 404)
                continue
            yield from self._list(tag.get_absolute_url(), per_tag[tag.pk], lambda n, t=tag: lists.refresh_tag_page(t, n))
        for first_day, total in month_counts():
            year, month = first_day.year, first_day.month
            yield from self._list(month_url(year, month), total,
                                  lambda n, y=year, m=month: lists.refresh_month_page(y, m, n))

    def _reference(self) -> Iterator[Callable[[], object]]:
        """Every film's and person's page, and the further pages of their coverage."""
        from django.db.models import Count

        from newsreel.films.models import Film, Person
        from newsreel.public import listing_refresh as lists, refresh
        from newsreel.public.pages import pagination
        from newsreel.public.pages.queries import live_articles

        for model, field, related, render_first, render_more in (
            (Film, "film", "poster", refresh.refresh_film, lists.refresh_film_coverage),
            (Person, "person", "photo", refresh.refresh_person, lists.refresh_person_coverage),
        ):
            # Coverage beyond the entity's own page, counted as the list refresher counts it.
            coverage = {row[f"mentions__{field}"]: row["n"] for row in live_articles().order_by()
                        .filter(mentions__in_spoiler=False, **{f"mentions__{field}__isnull": False})
                        .values(f"mentions__{field}").annotate(n=Count("pk", distinct=True))
                        .filter(n__gt=pagination.PER_PAGE)}
            # Keys only: a knowledge graph may hold far more films than the site covers.
            for pk, key in model.objects.order_by("pk").values_list("pk", "key").iterator(chunk_size=5000):
                entity = model(pk=pk, key=key)
                if entity.get_absolute_url() not in self.stored:
                    yield lambda pk=pk, model=model, related=related, render=render_first: render(
                        model.objects.select_related(related).get(pk=pk))
                total = coverage.get(pk, 0)
                if total:
                    yield from self._list(lists.coverage_base(entity), total,
                                          lambda n, pk=pk, model=model, render=render_more: render(model.objects.get(pk=pk), n),
                                          start=2)

    def _list(self, base: str, total: int, render: Callable[[int], object], start: int = 1
              ) -> Iterator[Callable[[], object]]:
        from newsreel.public.pages.pagination import page_count, page_url

        for number in range(start, page_count(total) + 1):
            if page_url(base, number) not in self.stored:
                yield lambda n=number: render(n)


def _pages_in(stored: object) -> int:
    """Pages one render stored: a page, a list of them (a feed's formats), or None (nothing)."""
    if stored is None:
        return 0
    return len(stored) if isinstance(stored, list) else 1


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# --------------------------------------------------------------------------- export


def export_static(
    target: Path | str,
    *,
    render: bool = True,
    progress_stream: TextIO | None = None,
) -> ExportResult:
    """Write the public site to `target` (created if needed); only what changed is rewritten."""
    root = Path(target).resolve()
    if root.exists() and not root.is_dir():
        raise ExportError(f"{root} exists and is not a folder")
    sources = _copied_folders()
    for _, folder in sources:
        if root == folder or folder.is_relative_to(root):
            raise ExportError(f"cannot export into {root}: it holds {folder}, which the export copies from")
    root.mkdir(parents=True, exist_ok=True)
    progress = _Progress(progress_stream)
    result = ExportResult()
    _ensure_static_collected()
    if render:
        result.rendered = render_missing_pages(progress.say)
    old = _read_manifest(root, progress_stream)
    writer = _Writer(root, old, result)

    pages = _page_rows()
    result.pages = len(pages)
    changed: set[str] = set()
    redirects: list[tuple[str, str]] = []
    for path, etag, status, location in pages:
        try:
            name = file_for_path(path)
        except ExportError as error:
            result.skipped.append(str(error))
            continue
        if status in (301, 302, 307, 308) and location:
            redirects.append((path, location))
            writer.put(name, "redirect:" + location, lambda location=location: redirect_html(location))
        elif writer.needs(name, etag):
            changed.add(path)
        else:
            writer.keep(name, etag)
    for path, body in _page_bodies(changed, len(pages)):
        writer.write(file_for_path(path), pages.etags[path], body)
        progress.say(f"wrote {writer.result.written} of {len(changed)} changed pages")

    lines = "".join(f"{source} {location} 301\n" for source, location in sorted(redirects))
    if lines:
        writer.put(REDIRECTS_NAME, _digest(lines.encode()), lambda: lines.encode())
    from newsreel.public.pages import render_not_found

    not_found = render_not_found()
    writer.put(NOT_FOUND_NAME, _digest(not_found), lambda: not_found)

    for prefix, folder in sources:
        if folder.is_dir():
            writer.copy_tree(folder, prefix)

    writer.remove_stale()
    if writer.manifest != old:  # an export that changed nothing leaves the folder untouched
        _write_manifest(root, writer.manifest)
    return result


class _PageIndex(list):
    """(path, etag, status, location) of every stored page, without bodies."""

    etags: dict[str, str]


def _page_rows() -> _PageIndex:
    table, columns = _table_and_columns("path", "etag", "status", "location")
    rows = _PageIndex()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table}")
        while batch := cursor.fetchmany(5000):
            rows.extend(batch)
    rows.etags = {path: etag for path, etag, _, _ in rows}
    return rows


def _page_bodies(paths: set[str], total: int) -> Iterator[tuple[str, bytes]]:
    """Stream (path, body) for `paths`: by path when few changed, in one pass when many did."""
    if not paths:
        return
    table, columns = _table_and_columns("path", "body")
    path_column = connection.ops.quote_name(StoredPage._meta.get_field("path").column)
    if len(paths) < total * BY_PATH_SHARE:
        ordered = sorted(paths)
        for start in range(0, len(ordered), BODY_BATCH):
            chunk = ordered[start:start + BODY_BATCH]
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT {columns} FROM {table} WHERE {path_column} IN ({', '.join(['%s'] * len(chunk))})",
                               chunk)
                yield from cursor.fetchall()
        return
    # A server-side cursor on PostgreSQL (held across autocommit), so the bodies never sit
    # in memory all at once; SQLite's cursor steps through the table as it is read.
    with connection.chunked_cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table}")
        while batch := cursor.fetchmany(BODY_BATCH):
            for path, body in batch:
                if path in paths:
                    yield path, body


def _table_and_columns(*names: str) -> tuple[str, str]:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(StoredPage._meta.get_field(name).column) for name in names)
    return quote(StoredPage._meta.db_table), columns


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def _copied_folders() -> list[tuple[str, Path]]:
    """(URL prefix, folder) of the static and media files served from this machine's disk."""
    folders = []
    for url, folder in ((settings.STATIC_URL, settings.STATIC_ROOT), (settings.MEDIA_URL, settings.MEDIA_ROOT)):
        prefix = _local_prefix(url)
        if prefix is not None and folder:
            folders.append((prefix, Path(folder).resolve()))
    return folders


def _local_prefix(url: str) -> str | None:
    """`/static/` -> `static`; None for a URL on another host (remote storage serves itself)."""
    if not url.startswith("/") or url.startswith("//"):
        return None
    prefix = url.strip("/")
    return prefix or None


def _ensure_static_collected() -> None:
    """Collect static files, as `newsreel serve` does on start: pages name them, and a
    deploy may have added some since the last collection (unchanged files are not copied)."""
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


class _Writer:
    """Writes files under the export root and keeps the new manifest."""

    def __init__(self, root: Path, old: dict[str, str], result: ExportResult) -> None:
        self.root = root
        self.old = old
        self.result = result
        self.manifest: dict[str, str] = {}
        self._made_dirs: set[str] = set()
        self._prefix = os.path.join(root, "")  # names are joined to it once per file

    def needs(self, name: str, signature: str) -> bool:
        return self.old.get(name) != signature or not os.path.exists(self._prefix + name)

    def keep(self, name: str, signature: str) -> None:
        self.manifest[name] = signature
        self.result.unchanged += 1

    def put(self, name: str, signature: str, make: Callable[[], bytes]) -> None:
        if self.needs(name, signature):
            self.write(name, signature, make())
        else:
            self.keep(name, signature)

    def write(self, name: str, signature: str, body) -> None:
        full = os.path.join(self.root, name)
        self._make_parent(full, name)
        # Written beside, then renamed: a host serving this folder never sees half a file.
        temporary = full + ".newsreel-tmp"
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            view = memoryview(body)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
        os.replace(temporary, full)
        self.manifest[name] = signature
        self.result.written += 1

    def copy_tree(self, source: Path, prefix: str) -> None:
        """Copy every file under `source` to `prefix/` (skipping those whose size and time match)."""
        import shutil

        for folder, dirs, files in os.walk(source):
            # The export itself may live inside the media folder: never copy it into itself.
            dirs[:] = sorted(name for name in dirs if os.path.join(folder, name) != str(self.root))
            relative = os.path.relpath(folder, source)
            for file_name in sorted(files):
                origin = os.path.join(folder, file_name)
                name = prefix + "/" + (file_name if relative == "." else relative.replace(os.sep, "/") + "/" + file_name)
                info = os.stat(origin)
                signature = f"file:{info.st_size}:{info.st_mtime_ns}"
                full = os.path.join(self.root, name)
                if not self.needs(name, signature):
                    self.keep(name, signature)
                    continue
                # collectstatic rewrites unchanged files (a new time, the same bytes): compare
                # the bytes before copying a file whose size still matches, and keep the old
                # record (the file in the export is the one it describes), so an export that
                # copies nothing leaves the manifest as it was.
                if (self.old.get(name, "").startswith(f"file:{info.st_size}:")
                        and os.path.isfile(full) and os.path.getsize(full) == info.st_size
                        and filecmp.cmp(origin, full, shallow=False)):
                    self.keep(name, self.old[name])
                    continue
                self._make_parent(full, name)
                shutil.copyfile(origin, full)
                self.manifest[name] = signature
                self.result.written += 1

    def remove_stale(self) -> None:
        """Delete files the last export wrote that no longer belong to the site."""
        for name in sorted(set(self.old) - set(self.manifest)):
            full = os.path.join(self.root, name)
            try:
                os.unlink(full)
            except FileNotFoundError:
                pass
            self.result.removed += 1
            self._prune(os.path.dirname(full))

    def _prune(self, folder: str) -> None:
        while folder != str(self.root) and folder.startswith(str(self.root)):
            try:
                os.rmdir(folder)  # only succeeds when empty
            except OSError:
                return
            self._made_dirs.discard(folder)
            folder = os.path.dirname(folder)

    def _make_parent(self, full: str, name: str) -> None:
        parent = os.path.dirname(full)
        if parent in self._made_dirs:
            return
        try:
            os.makedirs(parent, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            raise ExportError(f"cannot write {name}: a file stands where its folder should be") from None
        self._made_dirs.add(parent)


def _read_manifest(root: Path, stream: TextIO | None) -> dict[str, str]:
    path = root / MANIFEST_NAME
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        if data.get("version") != MANIFEST_VERSION or not isinstance(files, dict):
            raise ValueError(f"version {data.get('version')!r}")
    except (ValueError, KeyError, TypeError) as error:
        if stream is not None:
            stream.write(f"newsreel export: ignoring unreadable {path} ({error}); writing every file\n")
        return {}
    return {str(name): str(signature) for name, signature in files.items()}


def _write_manifest(root: Path, files: dict[str, str]) -> None:
    path = root / MANIFEST_NAME
    temporary = root / (MANIFEST_NAME + ".tmp")
    temporary.write_text(json.dumps({"version": MANIFEST_VERSION, "files": dict(sorted(files.items()))},
                                    separators=(",", ":")), encoding="utf-8")
    os.replace(temporary, path)


class _Progress:
    """One line of progress at most every second, so long exports show they are moving."""

    def __init__(self, stream: TextIO | None) -> None:
        self.stream = stream
        self.last = time.monotonic()

    def say(self, message: str) -> None:
        if self.stream is None:
            return
        now = time.monotonic()
        if now - self.last >= 1.0:
            self.last = now
            self.stream.write(f"newsreel export: {message}\n")
            self.stream.flush()

