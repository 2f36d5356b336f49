"""The export's files: which file a page becomes, redirect pages, copied media and static folders,
the manifest of what was written (`_Writer`).

Depends on: result.
"""

from __future__ import annotations

import filecmp
import hashlib
import json
import os
from pathlib import Path
from typing import Callable, TextIO
from django.conf import settings
from django.utils.html import escape

from newsreel.public.export.result import ExportError, ExportResult


MANIFEST_NAME = ".newsreel-export.json"


MANIFEST_VERSION = 1


REDIRECTS_NAME = "_redirects"


NOT_FOUND_NAME = "404.html"


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
