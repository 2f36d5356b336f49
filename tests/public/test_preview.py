"""Previews: the real article page for a version that is not live, by a shareable link
(signed, expiring, revocable, never indexed) or for the writer signed in."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.utils import timezone

from newsreel.films.knowledge import import_knowledge_graph
from newsreel.newsroom import autosave, preview_links
from newsreel.newsroom.intake import ArticleDraft
from newsreel.newsroom.publishing import save_and_publish, save_draft
from newsreel.public.models import StoredPage
from tests.graph import GRAPH

pytestmark = pytest.mark.django_db

BODY = """Ada Varga has finished *Harbor Lights*.

:::spoiler harbor-lights-2025
The keeper walks into the sea.
:::

:::figure credit="Photo: Invented Pictures"
![A lighthouse in fog](https://images.example.org/lighthouse.jpg)
The lighthouse on the first day of the shoot.
:::
"""


@pytest.fixture
def story(db):
    import_knowledge_graph(GRAPH)
    return save_draft(ArticleDraft(headline="Harbor Lights, a first look", body=BODY, authors=["Nadia Ferro"],
                                   tags=["Festivals"]))


def link(article, lifetime=dt.timedelta(days=1), **kwargs) -> str:
    token, _ = preview_links.make_token(article, lifetime, **kwargs)
    return f"/preview/{article.pk}/{token}/"


def test_a_preview_link_shows_the_draft_on_the_real_article_page(client, story):
    response = client.get(link(story))
    html = response.content.decode()
    assert response.status_code == 200
    assert "/static/public/site.css" in html and "/static/public/spoilers.js" in html  # the site's own page
    assert '<h1 id="headline">Harbor Lights, a first look</h1>' in html
    assert '<details class="spoiler" data-film="harbor-lights-2025">' in html  # the spoiler panel
    assert "data-spoiler-titles=" in html
    assert '<span class="credit">Photo: Invented Pictures</span>' in html  # the figure
    assert "Editor’s note:" in html and "Nadia Ferro" in html and "Festivals" in html
    assert "Draft: revision 1, not published." in html


def test_a_preview_is_never_indexed_cached_or_stored(client, story):
    path = link(story)
    response = client.get(path)
    assert response["X-Robots-Tag"] == "noindex, nofollow, noarchive"
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert response["Cache-Control"] == "no-store" and response["Referrer-Policy"] == "no-referrer"
    assert not StoredPage.objects.filter(path__startswith="/preview/").exists()
    assert not StoredPage.objects.filter(path=story.get_absolute_url()).exists()


def test_the_link_follows_the_latest_saved_revision(client, story):
    path = link(story)
    save_draft(ArticleDraft(headline="Harbor Lights, a second look", body=BODY, slug=story.slug), article=story)
    html = client.get(path).content.decode()
    assert "Harbor Lights, a second look" in html and "Draft: revision 2, not published." in html


def test_an_expired_link_answers_410_and_says_when_it_expired(client, story):
    response = client.get(link(story, dt.timedelta(hours=1), now=timezone.now() - dt.timedelta(hours=2)))
    html = response.content.decode()
    assert response.status_code == 410
    assert "This preview link has expired" in html and "expired on" in html
    assert "Harbor Lights, a first look" not in html
    assert response["X-Robots-Tag"].startswith("noindex")


def test_a_wrong_or_revoked_link_answers_404_and_says_so(client, story):
    path = link(story)
    wrong = client.get(path[:-3] + "xx/")
    assert wrong.status_code == 404 and "This preview link is not valid" in wrong.content.decode()
    preview_links.revoke_all(story)
    revoked = client.get(path)
    assert revoked.status_code == 404 and "revoked it" in revoked.content.decode()
    assert "Harbor Lights, a first look" not in revoked.content.decode()


def test_a_scheduled_story_previews_with_its_publication_time(client, story):
    future = (timezone.now() + dt.timedelta(days=3)).replace(microsecond=0)
    save_and_publish(ArticleDraft(headline="Harbor Lights, a first look", body=BODY, slug=story.slug,
                                  publish_at=future), article=story)
    html = client.get(link(story)).content.decode()
    assert "Scheduled: revision 2 goes live on" in html


def test_a_draft_whose_text_cannot_publish_says_why(client, db):
    import_knowledge_graph(GRAPH)
    article = save_draft(ArticleDraft(headline="Broken", body=":::spoiler no-such-film\nHidden.\n:::\n"))
    response = client.get(link(article))
    assert response.status_code == 422
    assert "cannot be previewed yet" in response.content.decode() and "line 1" in response.content.decode().lower()


def make_user(username, role):
    user = User.objects.create_user(username, password="correct horse battery")
    user.groups.add(Group.objects.get(name=role))
    return user


def test_the_writers_own_preview_shows_what_is_in_their_editor(client, story):
    editor = make_user("edith", "editor")
    client.force_login(editor)
    autosave.keep(editor, story, {"headline": "Typed, not saved", "body": BODY},
                  draft=ArticleDraft(headline="Typed, not saved", body=BODY, slug=story.slug).to_json())
    html = client.get(f"/preview/draft/{story.pk}/").content.decode()
    assert "Typed, not saved" in html and "what is in your editor (not saved yet)" in html
    autosave.discard(editor, story)
    assert "Harbor Lights, a first look" in client.get(f"/preview/draft/{story.pk}/").content.decode()


def test_the_writers_own_preview_needs_a_signed_in_writer_of_the_story(client, story):
    response = client.get(f"/preview/draft/{story.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/desk/login/")
    client.force_login(make_user("otto", "contributor"))
    refused = client.get(f"/preview/draft/{story.pk}/")
    assert refused.status_code == 403 and "Only editors and the writer" in refused.content.decode()
    assert client.get("/preview/draft/99999/").status_code == 404
