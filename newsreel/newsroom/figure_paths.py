"""How a picture's file is named in Newsreel Markdown: a CommonMark link destination.

A destination with a space or a bracket is written between angle brackets (`<images/my photo.jpg>`);
a bare one has no space and only balanced parentheses. A destination is a URL, so a `%20` in it
is a space when the file is looked for, as the web server of a static site reads it. No Django:
the importers' HTML converter writes figures with it too.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

# A picture's link destination as CommonMark writes it: between angle brackets, where spaces and
# brackets are allowed (`<images/my photo.jpg>`), or bare, with no space and only balanced
# parentheses (`images/pier%20(night).jpg`). `{name}` makes the group names, so that other
# patterns can hold it.
DESTINATION = r"(?:<(?P<{name}_angled>[^<>\n]*)>|(?P<{name}_bare>(?:[^()\s<]|\([^()\s]*\))+))"


def destination(match: re.Match, name: str) -> str:
    """The link destination a pattern holding DESTINATION (as `name`) found, without its angle brackets."""
    angled = match.group(f"{name}_angled")
    return angled if angled is not None else match.group(f"{name}_bare")


def local_path(reference: str) -> str:
    """The file a picture's link destination names: a destination is a URL, so `%20` is a space
    (as the site's web server reads it: `my%20photo.jpg` is `my photo.jpg`)."""
    return unquote(reference) if "%" in reference else reference


def markdown_destination(path: str) -> str:
    """A path written as a link destination: between angle brackets when it holds a space or a
    bracket (`<images/my photo.jpg>`), as CommonMark allows; as it is otherwise."""
    if any(character.isspace() or character in "()<>" for character in path):
        return "<" + path.replace("<", "%3C").replace(">", "%3E").replace("\n", " ") + ">"
    return path


def file_destination(path: str) -> str:
    """A file's own name (not a URL) written as a link destination: a `%` in it is escaped, so that
    reading it back (`local_path`) finds that file."""
    return markdown_destination(path.replace("%", "%25"))
