"""Load the demo newsroom: knowledge graph, site settings, illustrations, articles, editor.

This module composes the apps (films, newsroom, public) the way a person would with the
`newsreel` command, so it sits beside `newsreel/cli.py` rather than inside one app; the
`newsreel demo` management command is a thin wrapper around it.

Everything here is idempotent: content is loaded only into a database with no articles,
and the editor's password is kept in the data folder so every run prints the same login.
"""

from __future__ import annotations

import json
import os
import secrets
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction

from newsreel.demo import illustrate

DEMO_DIR = Path(__file__).resolve().parent
KB_FILE = DEMO_DIR / "kb.json"
ARTICLES_DIR = DEMO_DIR / "articles"
EDITOR_USERNAME = "editor"
PASSWORD_FILE_NAME = "demo-editor-password"

SITE_NAME = "The Newsreel Demo"
SITE_TAGLINE = "Film news, interviews, reviews and features from a newsroom that does not exist"
SITE_DESCRIPTION = (
    "A demonstration of Newsreel. Every film, studio, festival, person and quote on this site "
    "is invented; any resemblance to real ones is a coincidence."
)
# Placeholder profiles on example.org, which is reserved for examples and belongs to no one.
SOCIAL_LINKS = [
    {"name": "Mastodon", "url": "https://example.org/@newsreel-demo"},
    {"name": "Bluesky", "url": "https://example.org/bsky/newsreel-demo"},
    {"name": "Instagram", "url": "https://example.org/instagram/newsreel-demo"},
    {"name": "Newsletter", "url": "https://example.org/newsletter/newsreel-demo"},
]

Report = Callable[[str], None]


@dataclass
class LoadResult:
    films: int = 0
    people: int = 0
    credits: int = 0
    images: int = 0
    articles: int = 0


def article_files() -> list[Path]:
    return sorted(ARTICLES_DIR.glob("*.md"))


def read_knowledge_graph() -> dict:
    return json.loads(KB_FILE.read_text(encoding="utf-8"))


def is_loaded() -> bool:
    """The demo loads only into a newsroom with no articles at all."""
    from newsreel.newsroom.models import Article

    return Article.objects.exists()


def load_demo(report: Report = print) -> LoadResult:
    """Load everything in one transaction: a failure leaves the database as it was."""
    from newsreel.films.knowledge import import_knowledge_graph
    from newsreel.newsroom.frontmatter import read_markdown
    from newsreel.newsroom.upsert import publish_incoming

    result = LoadResult()
    with transaction.atomic():
        report("Loading the knowledge graph: films, people and credits ...")
        imported = import_knowledge_graph(read_knowledge_graph())
        result.films = imported.films_created + imported.films_updated
        result.people = imported.people_created + imported.people_updated
        result.credits = imported.credits
        report(f"  {imported.describe()}")

        report("Setting up the site: name, tagline and social links ...")
        configure_site()

        with tempfile.TemporaryDirectory(prefix="newsreel-demo-") as scratch:
            # Drawn into a scratch folder; the intake stores each one in the media folder.
            base_dir = Path(scratch)
            illustrate.generate(base_dir, progress=lambda i, n, item: report(f"Drawing illustration {i}/{n}: {item.path}"))
            result.images = len(illustrate.PLAN)

            articles = []
            for path in article_files():
                source = f"demo/articles/{path.name}"
                text = path.read_text(encoding="utf-8")
                articles.append((source, read_markdown(text, base_dir=base_dir, source_name=source)))
            # Publication order is the articles' own dates, so previous/next read as a newsroom's would.
            articles.sort(key=lambda item: (item[1].draft.publish_at is None, item[1].draft.publish_at, item[1].draft.slug))
            for index, (source, incoming) in enumerate(articles, start=1):
                report(f"Publishing {index}/{len(articles)}: {incoming.draft.headline}")
                publish_incoming(incoming, origin="demo", source=source)
            result.articles = len(articles)
    return result


def configure_site() -> None:
    from newsreel.public.models import SiteSettings

    site = SiteSettings.current()
    site.name = SITE_NAME
    site.tagline = SITE_TAGLINE
    site.description = SITE_DESCRIPTION
    site.social_links = SOCIAL_LINKS
    site.save()


@dataclass
class Login:
    username: str
    password: str | None  # None when someone changed it since the demo set it
    created: bool


def password_file() -> Path:
    return Path(settings.CONFIG.data_dir) / PASSWORD_FILE_NAME


def _remembered_password() -> str | None:
    try:
        return password_file().read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def _remember_password(password: str) -> None:
    path = password_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(password + "\n")


def ensure_editor(password: str | None = None) -> Login:
    """Make the demo's editor account once; an explicit password is always applied.

    Without --password the password is generated on the first run and kept in the data
    folder (readable by its owner only), so later runs print the same login.
    """
    from newsreel.newsroom.roles import EDITOR, sync_roles

    if password is not None and len(password) < 8:
        raise ValueError("the editor's password must be at least 8 characters")
    User = get_user_model()
    user = User.objects.filter(username=EDITOR_USERNAME).first()
    remembered = _remembered_password()
    if user is not None and password is None:
        if remembered and user.check_password(remembered):
            return Login(EDITOR_USERNAME, remembered, created=False)
        return Login(EDITOR_USERNAME, None, created=False)
    chosen = password or remembered or secrets.token_urlsafe(12)
    sync_roles()
    with transaction.atomic():
        created = user is None
        if created:
            user = User(username=EDITOR_USERNAME)
        user.set_password(chosen)
        user.save()
        user.groups.add(Group.objects.get(name=EDITOR))
    _remember_password(chosen)
    return Login(EDITOR_USERNAME, chosen, created=created)
