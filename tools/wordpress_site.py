"""A scratch WordPress for the tools that check Newsreel against WordPress itself
(tools/wordpress_accepts.py, tools/wordpress_exports.py): Debian's `wordpress` copied into a
temporary folder with the PHP scripts of tools/wordpress/, installed into a scratch MariaDB
database at 127.0.0.1 that is dropped afterwards."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, NoReturn

HARNESS = Path(__file__).resolve().parent / "wordpress"
DATABASE = "newsreel_wxr_check"
NEEDS = "apt-get install wordpress php-cli php-mysql php-xml php-mbstring php-gd"


@dataclass
class WordPressSite:
    folder: Path
    user: str  # the MariaDB user
    version: str = ""

    @property
    def uploads(self) -> Path:
        return self.folder / "wp-content" / "uploads"

    def php(self, *arguments: str) -> dict:
        """Run one of tools/wordpress/*.php in this site; its last line of output is JSON."""
        env = {**os.environ, "WXR_CHECK_DATABASE": DATABASE, "WXR_CHECK_DATABASE_USER": self.user}
        done = subprocess.run(["php", *arguments], cwd=self.folder, env=env, capture_output=True, text=True, timeout=900)
        last = done.stdout.strip().rsplit("\n", 1)[-1] if done.stdout.strip() else ""
        try:
            answer = json.loads(last)
        except json.JSONDecodeError:
            sys.exit(f"php {' '.join(arguments)} gave no answer (exit {done.returncode}):\n"
                     f"{done.stdout[-3000:]}{done.stderr[-3000:]}")
        # WordPress 6.1's own deprecation notices under PHP 8.2 are not the file's doing.
        answer["notices"] = [line for line in done.stderr.splitlines() if line.strip() and "Deprecated:" not in line]
        return answer


def sql(statement: str, user: str) -> None:
    subprocess.run(["mysql", "-h", "127.0.0.1", "-u", user, "-e", statement], check=True,
                   env={**os.environ, "MYSQL_PWD": os.environ.get("WXR_CHECK_DATABASE_PASSWORD", "")})


@contextmanager
def wordpress_site(source: Path, *, user: str = "root", keep: bool = False) -> Iterator[WordPressSite]:
    """WordPress installed afresh, with no posts, until the block ends."""
    if not (source / "wp-settings.php").exists() or not shutil.which("php"):
        sys.exit(f"no WordPress at {source} or no php ({NEEDS})")
    folder = Path(tempfile.mkdtemp(prefix="newsreel-wordpress-"))
    site = WordPressSite(folder / "wordpress", user)
    try:
        # Symlinks followed: Debian's package links its parts from elsewhere.
        shutil.copytree(source, site.folder, symlinks=False, ignore=shutil.ignore_patterns("wp-config.php"))
        site.uploads.mkdir(parents=True, exist_ok=True)
        for script in HARNESS.glob("*.php"):
            shutil.copy(script, site.folder / script.name)
        sql(f"DROP DATABASE IF EXISTS {DATABASE}; CREATE DATABASE {DATABASE} CHARACTER SET utf8mb4", user)
        site.version = site.php("install.php")["version"]
        yield site
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
            sql(f"DROP DATABASE IF EXISTS {DATABASE}", user)


def finish(tool: str, notices: list[str], found: list[str], summary: str) -> NoReturn:
    """Print PHP's notices and each difference, then the summary; exit 1 when anything differs."""
    for notice in notices:
        print(f"php: {notice}")
    for line in found:
        print(f"DIFFERENT {line}")
    print(f"{tool}: {summary}, {len(found)} differences")
    sys.exit(1 if found else 0)
