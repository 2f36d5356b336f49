"""The import commands as the hostile-input specs run them: one export or one post, and what was warned."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import CommandError

from newsreel.newsroom.models import Article
from tests.importers.wxr_samples import Post, wxr


def imported(format: str, *args: object, verbosity: int = 2) -> tuple[str, str, CommandError | None]:
    """Run `newsreel import FORMAT ARGS...`: its stdout, its stderr, and the CommandError it ended with (or None)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import", format, *map(str, args), stdout=out, stderr=err, verbosity=verbosity)
    except CommandError as error:
        return out.getvalue(), err.getvalue(), error
    return out.getvalue(), err.getvalue(), None


def wordpress_warnings(tmp_path: Path, posts: list[Post], replace: tuple[str, str] = ("", "")) -> str:
    """Import these posts as one WXR file (with `replace` applied to its text); what it wrote to stderr."""
    path = tmp_path / "export.xml"
    path.write_text(wxr(posts).replace(*replace), encoding="utf-8")
    errors = StringIO()
    call_command("import", "wordpress", str(path), stdout=StringIO(), stderr=errors, verbosity=2)
    return errors.getvalue()


def markdown_post(tmp_path: Path, front_matter: str, *, name: str = "pier-lamps.md",
                  folder: str = "posts") -> tuple[Article, str]:
    """Import a one-post static site titled "Pier lamps" with this front matter; the story and stderr."""
    post = tmp_path / "site" / folder / name
    post.parent.mkdir(parents=True)
    post.write_text(f"---\ntitle: Pier lamps\n{front_matter}---\nFour lamps were lit at six.\n", encoding="utf-8")
    errors = StringIO()
    try:
        call_command("import", "markdown", str(post.parent.parent), stdout=StringIO(), stderr=errors, verbosity=2)
    except CommandError:
        pass  # a post refused is asserted on through what stderr says
    return Article.objects.get(slug="pier-lamps"), errors.getvalue()
