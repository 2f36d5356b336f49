"""newsreel backup / restore: the embedded database and media round-trip through one archive."""

from __future__ import annotations

import io
import sqlite3
import stat
import tarfile
from pathlib import Path

import pytest
from PIL import Image as PILImage

from .processes import ON_POSTGRES, base_env, newsreel

pytestmark = pytest.mark.skipif(ON_POSTGRES, reason="backup and restore cover the embedded SQLite default")

STORY = """---
headline: {headline}
slug: {slug}
section: news
hero: {{image: still.png, alt: "A pier in fog", credit: "Photo: Backup Spec"}}
---
The pier stayed open through the fog, and the ferries ran on time.
"""


def publish(env: dict, folder: Path, slug: str, headline: str) -> None:
    PILImage.new("RGB", (90, 60), (200, 180, 40)).save(folder / "still.png")
    story = folder / f"{slug}.md"
    story.write_text(STORY.format(headline=headline, slug=slug))
    result = newsreel("publish", str(story), env=env)
    assert result.returncode == 0, result.stderr


def headlines(data_dir: Path) -> set[str]:
    with sqlite3.connect(data_dir / "newsreel.sqlite3") as connection:
        return {row[0] for row in connection.execute("SELECT headline FROM newsroom_article")}


def media_files(data_dir: Path) -> dict[str, bytes]:
    media = data_dir / "media"
    return {path.relative_to(media).as_posix(): path.read_bytes() for path in media.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def backed_up(tmp_path_factory):
    """A site with one story and its hero image, and its backup (made once for this module)."""
    tmp_path = tmp_path_factory.mktemp("backup")
    site = tmp_path / "site"
    env = base_env(site)
    publish(env, tmp_path, "pier-stays-open", "The pier stays open")
    archive = tmp_path / "backups" / "site.tar.gz"
    archive.parent.mkdir()
    made = newsreel("backup", str(archive), env=env)
    assert made.returncode == 0, made.stderr
    return tmp_path, site, archive


def test_a_backup_restores_into_a_new_data_folder_and_over_a_site_only_with_force(backed_up):
    tmp_path, site, archive = backed_up
    env = base_env(site)
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"MANIFEST.json", "newsreel.sqlite3", "secret_key"} <= names and any(n.startswith("media/") for n in names)
    assert newsreel("backup", str(archive), env=env).returncode != 0, "an existing archive is never overwritten"

    # Into a new data folder: the same stories and the same media bytes.
    fresh = tmp_path / "fresh"
    restored = newsreel("restore", str(archive), env=base_env(fresh))
    assert restored.returncode == 0, restored.stderr
    assert headlines(fresh) == {"The pier stays open"}
    assert media_files(fresh) == media_files(site) and media_files(fresh)
    assert (fresh / "secret_key").read_text() == (site / "secret_key").read_text()

    # Over a site that changed since: refused, then replaced with --force.
    publish(env, tmp_path, "ferries-run-late", "The ferries run late")
    refused = newsreel("restore", str(archive), env=env)
    assert refused.returncode != 0 and "--force" in refused.stderr
    assert headlines(site) == {"The pier stays open", "The ferries run late"}
    forced = newsreel("restore", str(archive), "--force", env=env)
    assert forced.returncode == 0, forced.stderr
    assert headlines(site) == {"The pier stays open"}
    assert media_files(site) == media_files(fresh)


def test_restore_refuses_a_file_that_is_not_a_newsreel_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    (tmp_path / "notes.txt").write_text("not a backup")
    with tarfile.open(bogus, "w:gz") as tar:
        tar.add(tmp_path / "notes.txt", arcname="notes.txt")
    result = newsreel("restore", str(bogus), env=base_env(tmp_path / "site"))
    assert result.returncode != 0 and "is not a Newsreel backup" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_restore_refuses_members_that_would_leave_the_data_folder(tmp_path, backed_up):
    archive = backed_up[2]
    hostile = tmp_path / "hostile.tar.gz"
    (tmp_path / "evil").write_text("outside")
    with tarfile.open(archive) as source, tarfile.open(hostile, "w:gz") as tar:
        for member in source.getmembers():
            tar.addfile(member, source.extractfile(member) if member.isfile() else None)
        tar.add(tmp_path / "evil", arcname="media/../../evil-copy")
    result = newsreel("restore", str(hostile), env=base_env(tmp_path / "target"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert not (tmp_path / "evil-copy").exists()


def test_backup_and_restore_name_pg_dump_for_postgresql(tmp_path):
    env = base_env(tmp_path / "site", DATABASE_URL="postgres://nobody@127.0.0.1:1/none",
                   NEWSREEL_SECRET_KEY="x" * 20 + "y" * 20 + "z" * 20 + "0123456789")
    for command in ("backup", "restore"):
        result = newsreel(command, str(tmp_path / "a.tar.gz"), env=env)
        assert result.returncode != 0 and ("pg_dump" in result.stderr or "pg_restore" in result.stderr)


def rewritten(archive: Path, target: Path, *, replace: dict | None = None, extra: tuple = (),
              drop: tuple = (), mode: str = "w:gz") -> Path:
    """A copy of `archive` with members replaced ({name: (TarInfo, bytes)}), dropped or added."""
    replace = replace or {}
    with tarfile.open(archive) as source, tarfile.open(target, mode) as tar:
        for member in source.getmembers():
            if member.name in drop:
                continue
            info, data = replace.get(member.name, (member, source.extractfile(member).read() if member.isfile() else None))
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
        for info, data in extra:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return target


def member(name: str, data: bytes | None = b"", kind: bytes = tarfile.REGTYPE) -> tuple[tarfile.TarInfo, bytes | None]:
    info = tarfile.TarInfo(name)
    info.type, info.mode, info.size = kind, 0o644 if kind == tarfile.REGTYPE else 0o755, len(data or b"")
    return info, data


@pytest.fixture
def restored_site(tmp_path, backed_up):
    """A data folder the backup was restored into: the site a hostile restore must leave as it was."""
    site = tmp_path / "restored"
    result = newsreel("restore", str(backed_up[2]), env=base_env(site))
    assert result.returncode == 0, result.stderr
    return site


def assert_untouched(site: Path, before: dict[str, bytes], result) -> None:
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert headlines(site) == {"The pier stays open"} and media_files(site) == before
    assert not [path.name for path in site.iterdir() if path.name.startswith(".newsreel-restore")]


def test_a_damaged_archive_is_refused_before_the_site_is_touched(tmp_path, backed_up, restored_site):
    archive = backed_up[2]
    before = media_files(restored_site)
    raw = archive.read_bytes()
    truncated = tmp_path / "truncated.tar.gz"
    truncated.write_bytes(raw[: len(raw) * 2 // 3])
    # A gzip whose checksum of the whole archive does not match: some byte in it changed.
    bad_checksum = tmp_path / "checksum.tar.gz"
    bad_checksum.write_bytes(raw[:-8] + bytes(byte ^ 0xFF for byte in raw[-8:-4]) + raw[-4:])
    # An uncompressed copy whose last media member's header is damaged: tarfile takes it for
    # the archive's end, so only the media before it would come back.
    torn = rewritten(archive, tmp_path / "torn.tar", mode="w")
    with tarfile.open(torn) as tar:
        last = [entry for entry in tar.getmembers() if entry.name.startswith("media/") and entry.isfile()][-1]
    with open(torn, "r+b") as handle:
        handle.seek(last.offset + 148)  # the header's checksum field
        handle.write(b"9999999\0")
    for damaged in (truncated, bad_checksum, torn):
        result = newsreel("restore", str(damaged), "--force", env=base_env(restored_site))
        assert_untouched(restored_site, before, result)
        assert "damaged" in result.stderr and str(damaged) in result.stderr


@pytest.mark.parametrize("manifest", [b"[1, 2]", b'"newsreel-backup"', b'{"format": "newsreel-backup", "version": 1}',
                                      b'{"format": "newsreel-backup", "version": true, "created": "x", "media_files": 1}',
                                      b'{"format": "newsreel-backup", "version": 1, "created": "x", "media_files": "1"}'])
def test_a_manifest_that_is_not_newsreels_is_refused_with_nothing_restored(tmp_path, backed_up, manifest):
    site = tmp_path / "new"
    archive = rewritten(backed_up[2], tmp_path / "odd.tar.gz", replace={"MANIFEST.json": member("MANIFEST.json", manifest)})
    result = newsreel("restore", str(archive), env=base_env(site))
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert "MANIFEST.json" in result.stderr and not media_files(site)
    assert not (site / "newsreel.sqlite3").exists() or not (site / "newsreel.sqlite3").stat().st_size


@pytest.mark.parametrize("name", ["media/../newsreel.sqlite3", "media/stills/../../secret_key", "media/./still.png"])
def test_a_media_member_that_names_another_member_through_dots_is_refused(tmp_path, backed_up, restored_site, name):
    before = media_files(restored_site)
    key = (restored_site / "secret_key").read_bytes()
    with tarfile.open(backed_up[2]) as tar:
        first = next(entry.name for entry in tar.getmembers() if entry.name.startswith("media/") and entry.isfile())
    # In place of a media file, so the media count still matches the manifest.
    archive = rewritten(backed_up[2], tmp_path / "dots.tar.gz", drop=(first,), extra=[member(name, b"planted")])
    result = newsreel("restore", str(archive), "--force", env=base_env(restored_site))
    assert_untouched(restored_site, before, result)
    assert repr(name) in result.stderr and (restored_site / "secret_key").read_bytes() == key


@pytest.mark.parametrize("name", ["secret_key", "newsreel.sqlite3"])
def test_a_folder_named_like_the_key_or_the_database_is_refused_before_the_site_is_touched(
        tmp_path, backed_up, restored_site, name):
    before = media_files(restored_site)
    key = (restored_site / "secret_key").read_bytes()
    archive = rewritten(backed_up[2], tmp_path / "folder.tar.gz", drop=(name,),
                        extra=[member(name, None, tarfile.DIRTYPE)])
    result = newsreel("restore", str(archive), "--force", env=base_env(restored_site))
    assert_untouched(restored_site, before, result)
    assert repr(name) in result.stderr and (restored_site / "secret_key").read_bytes() == key


def test_a_restore_that_fails_midway_puts_the_site_back(tmp_path, backed_up, restored_site, monkeypatch):
    from newsreel.operations import backup

    before = media_files(restored_site)
    key = (restored_site / "secret_key").read_bytes()
    replace = backup.os.replace

    def failing_at_the_key(source, target):
        if Path(target).name == "secret_key":
            raise PermissionError(13, "Permission denied", str(target))
        replace(source, target)

    monkeypatch.setattr(backup.os, "replace", failing_at_the_key)
    other = tmp_path / "other"  # a backup of another site, so the database restored would differ
    assert newsreel("restore", str(backed_up[2]), env=base_env(other)).returncode == 0
    with sqlite3.connect(other / "newsreel.sqlite3") as connection:
        connection.execute("UPDATE newsroom_article SET headline = 'Another site'")
    (other / "media" / "only-there.txt").write_text("another site's file")
    made = newsreel("backup", str(tmp_path / "other.tar.gz"), env=base_env(other))
    assert made.returncode == 0, made.stderr
    with pytest.raises(backup.BackupError, match="put back as it was"):
        backup.restore(tmp_path / "other.tar.gz", restored_site / "newsreel.sqlite3", restored_site / "media",
                       restored_site / "secret_key", force=True)
    assert headlines(restored_site) == {"The pier stays open"} and media_files(restored_site) == before
    assert (restored_site / "secret_key").read_bytes() == key


def database_bytes(tmp_path: Path, statements: list[str], based_on: bytes | None = None) -> bytes:
    """An SQLite file: `based_on` (or an empty database) after the statements."""
    path = tmp_path / "made.sqlite3"
    path.unlink(missing_ok=True)
    if based_on is not None:
        path.write_bytes(based_on)
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()
    return path.read_bytes()


def test_a_database_that_is_empty_of_another_program_or_of_a_newer_version_is_refused(
        tmp_path, backed_up, restored_site):
    with tarfile.open(backed_up[2]) as tar:
        ours = tar.extractfile("newsreel.sqlite3").read()
    cases = {
        "empty": (b"", "not a Newsreel database"),
        "another program's": (database_bytes(tmp_path, ["CREATE TABLE reels (title TEXT)",
                                                        "INSERT INTO reels VALUES ('Fog')"]), "not a Newsreel database"),
        "a newer version's": (database_bytes(tmp_path, ["INSERT INTO django_migrations (app, name, applied) "
                                                        "VALUES ('newsroom', '9999_from_the_future', '2031-01-01')"],
                                             based_on=ours), "newsroom.9999_from_the_future"),
    }
    before = media_files(restored_site)
    for kind, (data, said) in cases.items():
        archive = rewritten(backed_up[2], tmp_path / "odd-database.tar.gz",
                            replace={"newsreel.sqlite3": member("newsreel.sqlite3", data)})
        result = newsreel("restore", str(archive), "--force", env=base_env(restored_site))
        assert_untouched(restored_site, before, result)
        assert said in result.stderr, (kind, result.stderr)


def test_an_archive_larger_than_the_free_space_is_refused_before_anything_is_unpacked(
        tmp_path, backed_up, restored_site, monkeypatch):
    # A backup unpacks beside the site before it replaces it: one that cannot fit would fill the
    # disk the running site writes to, then fail with the site's own writes failing too.
    from newsreel.operations import backup

    before = media_files(restored_site)
    with tarfile.open(backed_up[2]) as tar:
        unpacked = sum(entry.size for entry in tar.getmembers() if entry.isfile())
    usage = backup.shutil.disk_usage(restored_site)
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda path: usage._replace(free=unpacked // 2))
    with pytest.raises(backup.BackupError, match=r"needs about [\d,]+ bytes free .* has [\d,]+; nothing was restored"):
        backup.restore(backed_up[2], restored_site / "newsreel.sqlite3", restored_site / "media",
                       restored_site / "secret_key", force=True)
    assert headlines(restored_site) == {"The pier stays open"} and media_files(restored_site) == before
    assert not [path.name for path in restored_site.iterdir() if path.name.startswith(".newsreel-restore")]
