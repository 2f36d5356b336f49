"""The editing-safely pages are valid HTML as the Nu HTML Checker judges them: a revision
comparison, the merge after a stale save (the editor page with someone else present), a
preview link's page, a preview and an expired link's page. (The editor page as a whole is
checked with the desk's other pages.)"""

import datetime as dt
import json
import subprocess

import pytest
from django.test import Client
from django.utils import timezone

from newsreel.newsroom import presence, preview_links
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_draft
from tests.public.test_html_valid import validator  # noqa: F401 (a fixture)

from .conftest import BODY, article_form

pytestmark = pytest.mark.django_db


def nu_errors(validator, pages: dict[str, bytes], folder) -> dict[str, list[str]]:
    """Every page checked in one run of the checker: {page name: its errors}."""
    paths = {}
    for name, html in pages.items():
        path = folder / (name.replace(" ", "-") + ".html")
        path.write_bytes(html)
        paths[path.name] = name
    command = [part for part in validator if part != "-"] + [str(folder / filename) for filename in paths]
    checked = subprocess.run(command, capture_output=True, timeout=300)
    report = json.loads(checked.stdout or b"{}")
    assert "messages" in report, checked.stderr.decode(errors="replace")[:500]
    errors = {name: [] for name in pages}
    for message in report["messages"]:
        if message.get("type") in {"error", "non-document-error"} or message.get("subType") == "fatal":
            name = paths.get(message.get("url", "?").rsplit("/", 1)[-1], message.get("url", "?"))
            errors.setdefault(name, []).append(f"line {message.get('lastLine', '?')}: {message['message']}")
    return errors


def test_the_editing_safely_pages_have_no_html_error(as_editor, editor, contributor, graph, validator, tmp_path):
    story = save_draft(ArticleDraft(headline="Harbor Lights opens", slug="harbor-lights-opens", body=BODY),
                       user=contributor)
    save_draft(ArticleDraft(headline="Harbor Lights opens soon", slug="harbor-lights-opens",
                            body=BODY.replace("October", "November")), article=story, user=contributor)
    pages = {"comparison": as_editor.get(f"/desk/articles/{story.pk}/revisions/compare/?from=1&to=2")}
    presence.beat(story, contributor)
    pages["merge"] = as_editor.post(f"/desk/articles/{story.pk}/", article_form(
        slug="harbor-lights-opens", headline="Harbor Lights opens", base_revision="1",
        body=BODY.replace("October", "December")))
    pages["preview link"] = as_editor.post(f"/desk/articles/{story.pk}/preview-link/", {"lifetime": "1 day"})
    reader = Client()
    token, _ = preview_links.make_token(story, dt.timedelta(days=1))
    pages["preview"] = reader.get(f"/preview/{story.pk}/{token}/")
    old, _ = preview_links.make_token(story, dt.timedelta(hours=1), now=timezone.now() - dt.timedelta(hours=2))
    pages["expired link"] = reader.get(f"/preview/{story.pk}/{old}/")
    assert {name: response.status_code for name, response in pages.items()} == {
        "comparison": 200, "merge": 409, "preview link": 200, "preview": 200,
        "expired link": 410}
    errors = nu_errors(validator, {name: response.content for name, response in pages.items()}, tmp_path)
    assert {name: found for name, found in errors.items() if found} == {}
