"""`newsreel backup` and `newsreel restore` for the embedded default: the SQLite database and
the media folder in one archive.

The database is copied with SQLite's online backup API, so a backup taken while the site
serves and publishes is a consistent snapshot (a plain file copy of a WAL database may not
be). A PostgreSQL site is backed up with pg_dump and its bucket's own tools (docs/deploy.md).

Archive layout (a gzipped tar): `MANIFEST.json` (format and version), `newsreel.sqlite3`,
`secret_key` when the data folder has one, and `media/...`.
"""

from __future__ import annotations

import datetime as dt
import json
import lzma
import os
import shutil
import sqlite3
import tarfile
import tempfile
import zlib
from pathlib import Path

FORMAT = "newsreel-backup"
VERSION = 1
DATABASE_NAME = "newsreel.sqlite3"


class BackupError(Exception):
    """The backup or restore cannot go on; the message says why and what to do."""


def backup(database: Path, media: Path, secret_key: Path | None, archive: Path, *, force: bool = False) -> dict:
    """Write `archive`; return what it holds (counts for the command's report)."""
    if archive.exists() and not force:
        raise BackupError(f"{archive} exists already; pick a new name, or add --force to replace it")
    if not database.exists():
        raise BackupError(f"there is no database at {database} to back up (check NEWSREEL_DATA_DIR)")
    folder = archive.resolve().parent
    if not folder.is_dir():
        raise BackupError(f"{folder} is not a folder; create it first")
    with tempfile.TemporaryDirectory(prefix=".newsreel-backup-", dir=folder) as work:
        copy = Path(work) / DATABASE_NAME
        _sqlite_copy(database, copy)
        media_files = [path for path in sorted(media.rglob("*")) if path.is_file()] if media.is_dir() else []
        manifest = {"format": FORMAT, "version": VERSION, "created": dt.datetime.now(dt.timezone.utc).isoformat(),
                    "media_files": len(media_files)}
        (Path(work) / "MANIFEST.json").write_text(json.dumps(manifest, indent=2))
        partial = Path(work) / "archive.tar.gz"
        # The archive holds password hashes and the secret key: the owner's eyes only.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            tar.add(Path(work) / "MANIFEST.json", arcname="MANIFEST.json")
            tar.add(copy, arcname=DATABASE_NAME)
            if secret_key is not None and secret_key.exists():
                tar.add(secret_key, arcname="secret_key")
            for path in media_files:
                tar.add(path, arcname="media/" + path.relative_to(media).as_posix(), recursive=False)
        os.replace(partial, archive)
    return manifest


def restore(archive: Path, database: Path, media: Path, secret_key: Path | None, *, force: bool = False) -> dict:
    """Put the archive's database and media in place; refuse to replace a site unless `force`."""
    if not archive.is_file():
        raise BackupError(f"{archive}: no such file")
    if not force and _holds_a_site(database, media):
        raise BackupError(
            f"{database.parent} holds a site already (its database or media would be replaced). "
            "Add --force to replace them with the backup."
        )
    data_dir = database.parent
    with tempfile.TemporaryDirectory(prefix=".newsreel-restore-", dir=data_dir) as work:
        earlier = database.stat().st_size if database.exists() else 0  # copied aside while the swap runs
        manifest = _unpack(archive, Path(work), room_besides=earlier)
        copy = Path(work) / DATABASE_NAME
        _check_database(copy, archive)
        try:
            _put_in_place(Path(work), database, media, secret_key)
        except OSError as error:
            raise BackupError(f"restoring {archive} failed ({error}); the data folder was put back as it was "
                              "before the restore") from None
    return manifest


def _put_in_place(work: Path, database: Path, media: Path, secret_key: Path | None) -> None:
    """Replace the site's database, media and key with those unpacked in `work`: all three, or
    none (a step that fails puts back what the earlier steps replaced, then raises)."""
    had_database = database.exists() and database.stat().st_size > 0
    earlier_database = work / "database-before-restore"
    if had_database:
        _sqlite_copy(database, earlier_database)
    new_media, old_media = work / "media", work / "media-before-restore"
    new_media.mkdir(exist_ok=True)
    restored_key = work / "secret_key"
    media_moved = media_replaced = False
    try:
        # Into the live file through the backup API: open connections see the restored
        # database at once, and the -wal and -shm files stay consistent with it.
        _sqlite_copy(work / DATABASE_NAME, database)
        if media.exists():
            os.replace(media, old_media)
            media_moved = True
        os.replace(new_media, media)
        media_replaced = True
        if secret_key is not None and restored_key.exists():
            os.replace(restored_key, secret_key)
            secret_key.chmod(0o600)
    except BaseException:
        if media_replaced:
            os.replace(media, new_media)
        if media_moved:
            os.replace(old_media, media)
        if had_database:
            _sqlite_copy(earlier_database, database)
        else:  # a new data folder: no database is what it had
            for leftover in (database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")):
                leftover.unlink(missing_ok=True)
        raise


def _sqlite_copy(source: Path, target: Path) -> None:
    source_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    target_exists = target.exists()
    if not target_exists:
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    target_db = sqlite3.connect(target)
    try:
        source_db.backup(target_db)
    except sqlite3.Error as error:
        raise BackupError(f"copying {source} failed: {error}") from None
    finally:
        target_db.close()
        source_db.close()


def _holds_a_site(database: Path, media: Path) -> bool:
    if media.is_dir() and any(path.is_file() for path in media.rglob("*")):
        return True
    if not database.exists() or database.stat().st_size == 0:
        return False
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0
    finally:
        connection.close()


def _unpack(archive: Path, work: Path, room_besides: int = 0) -> dict:
    """Extract the archive's known members into `work`, refusing anything else, or an archive
    whose files and `room_besides` more bytes would not fit in the free space."""
    try:
        with tarfile.open(archive, "r:*") as tar:
            members = tar.getmembers()
            names = {member.name for member in members}
            if "MANIFEST.json" not in names or DATABASE_NAME not in names:
                raise BackupError(f"{archive} is not a Newsreel backup (no MANIFEST.json and {DATABASE_NAME})")
            manifest = _check_manifest(json.load(tar.extractfile("MANIFEST.json")), archive)
            for member in members:
                # The database, the key and the manifest are files; a folder by one of those names
                # would only fail once the database and media were replaced.
                allowed = member.name in {"MANIFEST.json", DATABASE_NAME, "secret_key"} and member.isfile() or (
                    # 'media/../newsreel.sqlite3' stays inside the folder, but would replace the database.
                    member.name.startswith("media/") and not {"", ".", ".."} & set(member.name.split("/")[1:])
                    and (member.isfile() or member.isdir()))
                if not allowed:
                    raise BackupError(f"{archive}: unexpected member {member.name!r}; the archive was not made "
                                      "by `newsreel backup`")
            # tarfile takes a damaged header after the first as the archive's end: without this
            # count, a damaged backup would restore part of the media folder and say nothing.
            found = sum(1 for member in members if member.isfile() and member.name.startswith("media/"))
            if found != manifest.get("media_files"):
                raise BackupError(f"{archive} is damaged: MANIFEST.json lists {manifest.get('media_files')} media "
                                  f"file(s), the archive holds {found}; nothing was restored")
            _check_room(archive, work, sum(member.size for member in members if member.isfile()) + room_besides)
            # The 'data' filter refuses absolute paths, '..' and links that leave the folder.
            tar.extractall(work, filter="data")
            _read_to_end(tar)
    except (tarfile.TarError, OSError, ValueError, EOFError, zlib.error, lzma.LZMAError) as error:
        raise BackupError(f"{archive} is damaged or is not a Newsreel backup ({error}); nothing was restored") from None
    return manifest


def _check_room(archive: Path, work: Path, needed: int) -> None:
    """Refuse a restore that would fill the disk the running site writes to, before unpacking."""
    free = shutil.disk_usage(work).free
    if needed > free:
        raise BackupError(f"{archive} needs about {needed:,} bytes free to restore (its files, and a copy of the "
                          f"current database); {work.parent} has {free:,}; nothing was restored")


def _check_manifest(manifest: object, archive: Path) -> dict:
    """The manifest as a dict, once it has the fields a restore reads with their types."""
    if not isinstance(manifest, dict):
        raise BackupError(f"{archive}: MANIFEST.json holds {type(manifest).__name__}, not an object; "
                          "the archive was not made by `newsreel backup`")
    if manifest.get("format") != FORMAT or type(manifest.get("version")) is not int or manifest["version"] != VERSION:
        raise BackupError(f"{archive}: MANIFEST.json names format {manifest.get('format')!r} version "
                          f"{manifest.get('version')!r}; this Newsreel reads {FORMAT} version {VERSION}")
    for field, kind in (("created", str), ("media_files", int)):
        # bool is an int to Python; a count of true is no count.
        if type(manifest.get(field)) is not kind:
            raise BackupError(f"{archive}: MANIFEST.json field {field!r} is {manifest.get(field)!r}, "
                              f"not a {'text' if kind is str else 'whole number'}; the archive was not made by "
                              "`newsreel backup`")
    return manifest


def _read_to_end(tar: tarfile.TarFile) -> None:
    """Read the compressed stream to its end, where gzip keeps its checksum of the whole archive."""
    while tar.fileobj.read(1 << 20):
        pass


def _check_database(copy: Path, archive: Path) -> None:
    try:
        connection = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            recorded = connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                          "AND name = 'django_migrations'").fetchone()[0]
            applied = set(connection.execute("SELECT app, name FROM django_migrations")) if recorded else set()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise BackupError(f"{archive}: its database cannot be opened: {error}") from None
    if result != "ok":
        raise BackupError(f"{archive}: its database fails SQLite's integrity check: {result}")
    # An empty file or another program's database passes the integrity check; the next command
    # would migrate it into an empty site in place of the one replaced.
    if not any(app == "newsroom" for app, _name in applied):
        raise BackupError(f"{archive}: its database is not a Newsreel database (no newsroom migrations recorded "
                          "in django_migrations); nothing was restored")
    unknown = sorted(applied - _known_migrations())
    if unknown:
        shown = ", ".join(f"{app}.{name}" for app, name in unknown[:3])
        raise BackupError(f"{archive}: its database was made by a newer Newsreel ({len(unknown)} migration(s) this "
                          f"version does not have: {shown}); restore it with that version or a later one")


def _known_migrations() -> set[tuple[str, str]]:
    """Every (app, name) migration this code ships, squashed ones and the ones they replace alike."""
    from django.db.migrations.loader import MigrationLoader

    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
