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

The package, by concept (the dependency runs one way, down this list): `result`, `files`
(files and the manifest), `stored_rows` (reading stored pages), `missing` (rendering
what is not stored), and here `export_static`, which puts them together.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TextIO

from newsreel.public.export.result import ExportError, ExportResult
from newsreel.public.export.files import (
    NOT_FOUND_NAME, REDIRECTS_NAME, _Writer, _copied_folders, _digest, _read_manifest,
    _write_manifest, file_for_path, redirect_html,
)
from newsreel.public.export.stored_rows import _page_bodies, _page_rows
from newsreel.public.export.missing import render_missing_pages
from newsreel.public.export.files import MANIFEST_NAME  # noqa: F401  (the package's API)

__all__ = ["ExportError", "ExportResult", "MANIFEST_NAME", "export_static", "file_for_path", "render_missing_pages"]


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


def _ensure_static_collected() -> None:
    """Collect static files, as `newsreel serve` does on start: pages name them, and a
    deploy may have added some since the last collection (unchanged files are not copied)."""
    from newsreel.operations.static_files import collect_static_files

    collect_static_files()


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
