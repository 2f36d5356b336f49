"""Notes on a story (the review conversation, editors' internal notes) never reach readers:
not the story's page, the home page, feeds, sitemaps, search, the static export or a
shareable preview link."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from newsreel.newsroom import preview_links, review
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import publish, save_draft

pytestmark = pytest.mark.django_db

MARKERS = ("Zanzibarquill", "Quorvexian", "Plinthwhistle")  # words no story, page or template contains


def person(username: str, role: str) -> User:
    user = User.objects.create_user(username, f"{username}@newsroom.example", "correct horse battery")
    user.groups.add(Group.objects.get(name=role))
    return user


def test_no_note_appears_on_any_public_surface(client, graph, site, tmp_path):
    carla, edith = person("carla", "contributor"), person("edith", "editor")
    story = save_draft(ArticleDraft(headline="Harbor Lights wraps its winter shoot", body="The shoot is over.\n",
                                    section="news"), user=carla)
    review.submit(story, user=carla, note=f"Submitted: {MARKERS[0]}")
    review.request_changes(story, user=edith, note=f"Changes: {MARKERS[1]}")
    review.add_note(story, user=edith, text=f"Internal: {MARKERS[2]}")
    publish(story, user=edith)
    review.approved(story, user=edith, state_before="changes_requested")
    token, _ = preview_links.make_token(story, dt.timedelta(hours=1), user=edith)

    def body(path: str) -> bytes:
        response = client.get(path)
        assert response.status_code == 200, path
        return b"".join(response.streaming_content) if hasattr(response, "streaming_content") else response.content

    for path in (story.get_absolute_url(), "/", "/sections/news/", "/feed.xml", "/sitemap.xml",
                 f"/preview/{story.pk}/{token}/"):
        page = body(path)
        for marker in MARKERS:
            assert marker.encode() not in page, f"{marker} is on {path}"
    assert story.get_absolute_url().encode() in body("/search/?q=shoot")  # search finds the story by its text...
    for marker in MARKERS:  # ...and not by its notes
        assert story.get_absolute_url().encode() not in body(f"/search/?q={marker}"), marker

    out = tmp_path / "export"
    call_command("export", "static", str(out), stdout=io.StringIO(), stderr=io.StringIO())
    exported = [path for path in out.rglob("*") if path.is_file()]
    assert any(path.name == "index.html" for path in exported)
    for path in exported:
        data = Path(path).read_bytes()
        for marker in MARKERS:
            assert marker.encode() not in data, f"{marker} is in the export's {path.relative_to(out)}"
