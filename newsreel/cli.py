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
    "import-kb": "load films, people and credits from a knowledge-graph JSON file",
    "publish": "publish a Markdown file with YAML front matter and print its URL",
    "createuser": "create a desk account with a role: contributor, editor or administrator",
    "evaluate": "measure mentions, quotes and spoiler safety on an evaluation set",
    "check": "check configuration, database and content for problems",
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
    from django.core.management import execute_from_command_line

    execute_from_command_line(argv)


DATABASE_COMMANDS = {"demo", "serve", "import_kb", "publish", "createuser", "check", "migrate"}


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
