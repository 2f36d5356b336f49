"""While a live story's changes wait for review, every public surface keeps the live version:
its page, the home page, the feed, the sitemaps (news titles included), search and the content
API show the old words until an editor approves the changes, and the new ones after."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

from newsreel.api.keys import create_key
from newsreel.newsroom import live_changes
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.models import Article
from newsreel.newsroom.publishing import publish, save_draft
from newsreel.public.sitemaps.families import part_of

pytestmark = pytest.mark.django_db

OLD = "Wrenfallow"  # words no template, page or other story contains
NEW = "Quillmarrow"


def person(username: str, role: str) -> User:
    user = User.objects.create_user(username, f"{username}@newsroom.example", "correct horse battery")
    user.groups.add(Group.objects.get(name=role))
    return user


def test_public_surfaces_show_the_live_version_until_the_changes_are_approved(
        client, graph, news, site, django_capture_on_commit_callbacks):
    carla, edith = person("carla", "contributor"), person("edith", "editor")
    key = create_key("Widget", "content").token
    with django_capture_on_commit_callbacks(execute=True):  # made live by the system: carla cannot publish
        story = publish(save_draft(ArticleDraft(headline=f"The {OLD} premiere moves indoors",
                                                body=f"The {OLD} cinema hosts the premiere.\n", section="news"),
                                   user=carla))

    def read(path: str, **params) -> str:
        response = client.get(path, params)
        assert response.status_code == 200, path
        data = b"".join(response.streaming_content) if hasattr(response, "streaming_content") else response.content
        return data.decode()

    def surfaces() -> dict[str, str]:
        return {
            "page": read(story.get_absolute_url()), "home": read("/"), "section": read("/sections/news/"),
            "feed": read("/feed.xml"), "news sitemap": read("/sitemaps/news.xml"),
            "article sitemap": read(f"/sitemaps/articles-{part_of(story.pk)}.xml"),
            "api story": read(f"/api/content/stories/{story.slug}", key=key),
            "api list": read("/api/content/stories", key=key),
        }

    def found_by(word: str) -> bool:
        return story.get_absolute_url() in read("/search/", q=word)

    before = surfaces()
    assert all(OLD in text for name, text in before.items() if name != "article sitemap")
    assert story.get_absolute_url() in before["article sitemap"] and found_by(OLD)

    with django_capture_on_commit_callbacks(execute=True):  # the writer saves and submits; an editor sends back
        save_draft(ArticleDraft(headline=f"The {NEW} premiere moves indoors", body=f"The {NEW} cinema hosts it.\n",
                                section="news", slug=story.slug), article=story, user=carla)
    sitemaps_after_save = (read("/sitemaps/news.xml"), read(f"/sitemaps/articles-{part_of(story.pk)}.xml"))
    for step in (lambda: live_changes.submit(story, user=carla, note=f"Renamed to {NEW}."),
                 lambda: live_changes.request_changes(story, user=edith, note="Check the name."),
                 lambda: live_changes.submit(story, user=carla, note="Checked.")):
        with django_capture_on_commit_callbacks(execute=True):
            step()
        now = surfaces()
        for name, text in now.items():
            assert NEW not in text, f"the pending change shows on the {name}"
            if name != "article sitemap":
                assert OLD in text, f"the live version is gone from the {name}"
        assert (now["news sitemap"], now["article sitemap"]) == sitemaps_after_save  # a review step is no change
        assert found_by(OLD) and not found_by(NEW)
    assert Article.objects.get(pk=story.pk).is_live

    with django_capture_on_commit_callbacks(execute=True):
        live_changes.approve(story, user=edith, revision_number=2)
    after = surfaces()
    for name, text in after.items():
        if name != "article sitemap":
            assert NEW in text and OLD not in text, f"the approved change is missing from the {name}"
    assert found_by(NEW) and not found_by(OLD)
