"""The `newsreel` command: Django's management commands, with Newsreel's own listed first.

Newsreel's commands are spelled with hyphens on the command line (`import-kb`) and live
as Django management commands with underscores (`import_kb`).
"""

from __future__ import annotations

import os
import sys

NEWSREEL_COMMANDS = {
    "demo": "set up the database and load the demo newsroom (idempotent)",
    "serve": "serve the site with granian: newsreel serve [--host H] [--port P] [--workers N]",
    "migrate": "bring the database schema up to date (safe on several machines at once); before serve",
    "backup": "write the embedded database and media folder into one archive: newsreel backup FILE",
    "restore": "put a backup archive back: newsreel restore FILE [--force]",
    "import-kb": "load films, people and credits from a knowledge-graph JSON file",
    "publish": "publish a Markdown file with YAML front matter and print its URL",
    "import": "import articles: newsreel import jsonl FILE | markdown DIR | wordpress FILE.xml | ghost FILE.json | content DIR",
    "createuser": "create a desk account with a role: contributor, editor or administrator",
    "evaluate": "measure mentions, quotes and spoiler safety on an evaluation set",
    "check": "check configuration and the database connection (Django's system checks)",
    "export": "write the public site for a static host: newsreel export static DIR (incremental); or content DIR | wordpress FILE.xml",
    "rebuild-renditions": "make responsive image copies and crops for images that lack them",
    "render-pages": "render every stored page again (after a deploy or a settings change)",
    "reindex-search": "rebuild the search index from the live articles",
    "relink-stories": "derive every live story's mentions and quotes again with this release's text core (after an upgrade)",
    "worker": "run the background worker: scheduled stories go live on their minute (serve runs one too)",
    "purge-trash": "purge the stories deleted more than 30 days ago (run it daily)",
    "api-key": "make, list or revoke API keys: newsreel api-key create NAME [--kind admin --user NAME]",
    "webhook": "webhook endpoints and their delivery log: newsreel webhook add URL | list | deliveries | redeliver ID",
}


def usage() -> str:
    width = max(len(name) for name in NEWSREEL_COMMANDS)
    lines = ["usage: newsreel COMMAND [options]", "", "Newsreel commands:"]
    lines += [f"  {name.ljust(width)}  {text}" for name, text in NEWSREEL_COMMANDS.items()]
    lines += ["", "Every Django management command works too (migrate, createsuperuser, shell, ...).",
              "Run `newsreel COMMAND --help` for a command's options."]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreel.settings")
    if len(argv) < 2 or argv[1] in {"-h", "--help", "help"} and len(argv) == 2:
        print(usage())
        return
    if argv[1] in NEWSREEL_COMMANDS:
        argv[1] = argv[1].replace("-", "_")
    import django

    django.setup()
    if argv[1] in DATABASE_COMMANDS and "--help" not in argv and "-h" not in argv:
        require_database()
        if argv[1] not in {"migrate", "check"}:
            ensure_migrated(argv[1])
        if argv[1] in RENDERING_COMMANDS:
            ensure_static_manifest()
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


DATABASE_COMMANDS = {"demo", "serve", "import_kb", "publish", "createuser", "check", "migrate", "import", "export",
                     "render_pages", "reindex_search", "relink_stories", "rebuild_renditions", "worker", "purge_trash",
                     "api_key", "webhook"}
# Publishing renders pages that name hashed static files, so the manifest must exist first.
RENDERING_COMMANDS = {"demo", "publish", "import", "export", "render_pages", "relink_stories", "worker"}


def ensure_migrated(command: str = "") -> None:
    """Bring the database schema up to date, or stop naming `newsreel migrate` (see `ensure_schema`)."""
    from newsreel.operations.schema import SchemaBehind, ensure_schema

    try:
        ensure_schema(command.replace("_", "-"))
    except SchemaBehind as error:
        sys.stderr.write(f"newsreel: {error}\n")
        raise SystemExit(2) from None


def ensure_static_manifest() -> None:
    """Collect static files once per data folder (serve collects them on every start)."""
    from newsreel.operations.static_files import collect_static_files

    collect_static_files(only_if_missing=True)


def require_database() -> None:
    """Stop with one line naming DATABASE_URL when the database cannot be reached."""
    from django.db import connection
    from django.db.utils import OperationalError

    try:
        connection.ensure_connection()
    except OperationalError as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        sys.stderr.write(f"newsreel: configuration error: DATABASE_URL: cannot connect to the database: {reason}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
